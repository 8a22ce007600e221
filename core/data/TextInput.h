#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace oficina::core {

/// A data file opened for reading as text; the CSV and ARFF readers share it.
///
/// Opening never blocks. A regular file is read by absolute offsets (pread), so threads share
/// it without seeking. An anonymous pipe (`… | oficina-cli inspect /dev/stdin`,
/// `<(zcat data.csv.gz)`) and the path "-" (standard input) are read whole into memory. A named
/// pipe (FIFO), a device, a socket and a folder are refused with a clear message.
///
/// The first block is checked before anything else reads it: a spreadsheet (xlsx, ods, xls), a
/// zip or gzip archive, or binary content on the first line is refused at once; text with a
/// UTF-16 or UTF-32 byte-order mark is converted to UTF-8 in memory (without the mark). NUL
/// bytes after the first line are left to the readers, which report where they start
/// (throwNulBytes) as they meet them.
///
/// Not copyable; readAt is thread-safe.
class TextInput {
public:
    /// Throws Error with `where` = "path:line:column" (1:1 unless the problem is further on).
    explicit TextInput(const std::string& path);
    ~TextInput();
    TextInput(const TextInput&) = delete;
    TextInput& operator=(const TextInput&) = delete;

    [[nodiscard]] const std::string& path() const { return m_path; }
    /// Bytes of text: the file's, or the converted text's.
    [[nodiscard]] uint64_t size() const { return m_size; }
    /// Reads up to `count` bytes; fewer only at the end. Throws Error on failure.
    size_t readAt(uint64_t offset, char* buffer, size_t count) const;
    /// Whether the text is held in memory (a stream, or converted text).
    [[nodiscard]] bool inMemory() const { return m_inMemory; }
    /// "UTF-16 LE", "UTF-16 BE", "UTF-32 LE" or "UTF-32 BE" when the text was converted to
    /// UTF-8; empty when the bytes are read as the file holds them.
    [[nodiscard]] const std::string& convertedFrom() const { return m_convertedFrom; }
    /// The whole text; moved out (leaving this input empty) when it is held in memory.
    std::string takeText();

private:
    void readStream();
    void checkStart();
    void convert(bool utf32, bool bigEndian, size_t markLength);

    std::string m_path;
    int m_descriptor = -1;
    bool m_ownsDescriptor = false;
    uint64_t m_size = 0;
    bool m_inMemory = false;
    std::string m_memory;
    std::string m_convertedFrom;
};

/// Throws the readers' Error for a NUL byte met at `location` ("file:line:column") on `line`.
[[noreturn]] void throwNulBytes(const std::string& location, uint64_t line);

/// Bytes of memory this process can still take: the system's MemAvailable (/proc/meminfo),
/// lowered by the process's address-space and data limits (ulimit -v, -d) where set.
uint64_t availableMemory();
/// Throws Error at `where` (a file name) when `needed` bytes exceed availableMemory(), naming
/// both amounts.
void requireMemory(uint64_t needed, const std::string& where);

/// Offset of the first byte that is not valid UTF-8, or npos.
size_t findInvalidUtf8(std::string_view text);

/// `text` made safe to quote in a message printed on a terminal: control characters and bytes
/// that are not valid UTF-8 become escapes (\x01, \u009B), and text longer than `limit` bytes
/// is cut, ending in "…". Example: printableText("a\x1b[2Jb") == "a\\x1B[2Jb".
std::string printableText(std::string_view text, size_t limit = 40);

} // namespace oficina::core
