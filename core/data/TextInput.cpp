#include "data/TextInput.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace oficina::core {

namespace {

// The block checked for binary content; large enough for any signature and a few lines.
constexpr size_t kFirstBlock = size_t(64) << 10;
constexpr size_t kChunk = size_t(1) << 20;
// A stream is checked against the available memory each time it doubles from here.
constexpr uint64_t kFirstStreamCheck = uint64_t(64) << 20;

[[noreturn]] void fail(const std::string& path, Message message, uint64_t line = 1,
                       uint64_t column = 1) {
    throw Error(std::move(message), fileLocation(path, line, column));
}

[[noreturn]] void failRead(const std::string& path, int code) {
    fail(path, Message(OFICINA_TR_NOOP("cannot read the file (%1)"), {std::strerror(code)}));
}

// An anonymous pipe (a shell pipe, process substitution) rather than a named one: its
// /proc/self/fd link reads "pipe:[inode]" instead of a path.
bool isAnonymousPipe(int descriptor) {
    const std::string link = "/proc/self/fd/" + std::to_string(descriptor);
    char target[32];
    const ssize_t length = ::readlink(link.c_str(), target, sizeof target);
    return length > 5 && std::string_view(target, size_t(length)).starts_with("pipe:");
}

// Control characters that text files do not hold (tab, line ends and form feeds they do). NUL
// is left out: the readers report it with its line.
bool isBinaryControl(unsigned char byte) {
    return (byte > 0 && byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' &&
            byte != '\f' && byte != '\v') ||
           byte == 0x7F;
}

// Line and column (in UTF-8 characters) just after the end of `text`.
std::pair<uint64_t, uint64_t> endPosition(std::string_view text) {
    uint64_t line = 1;
    size_t lineStart = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r' || (c == '\n' && (i == 0 || text[i - 1] != '\r'))) ++line;
        if (c == '\r' || c == '\n') lineStart = i + 1;
    }
    const auto characters = std::count_if(text.begin() + std::ptrdiff_t(lineStart), text.end(),
                                          [](char c) { return (c & 0xC0) != 0x80; });
    return {line, uint64_t(characters) + 1};
}

void appendUtf8(std::string& out, uint32_t code) {
    if (code < 0x80) {
        out += char(code);
    } else if (code < 0x800) {
        out += char(0xC0 | (code >> 6));
        out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += char(0xE0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    } else {
        out += char(0xF0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3F));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    }
}

uint32_t readUnit(const unsigned char* p, size_t size, bool bigEndian) {
    uint32_t value = 0;
    for (size_t k = 0; k < size; ++k)
        value |= uint32_t(p[bigEndian ? k : size - 1 - k]) << (8 * (size - 1 - k));
    return value;
}

// "1.5 GB": binary units, as the CLI prints sizes.
std::string amount(uint64_t bytes) {
    char text[32];
    const double value = double(bytes);
    if (bytes >= (uint64_t(1) << 30))
        std::snprintf(text, sizeof text, "%.1f GB", value / double(uint64_t(1) << 30));
    else if (bytes >= (uint64_t(1) << 20))
        std::snprintf(text, sizeof text, "%.1f MB", value / double(uint64_t(1) << 20));
    else
        std::snprintf(text, sizeof text, "%.0f KB", std::max(1.0, value / 1024));
    return text;
}

// A "Name:   123 kB" line of a /proc file, in bytes; nothing when absent.
std::optional<uint64_t> procKilobytes(const char* file, std::string_view name) {
    std::ifstream in(file);
    std::string key;
    uint64_t kilobytes = 0;
    while (in >> key) {
        if (key == name && in >> kilobytes) return kilobytes * 1024;
        in.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
    }
    return std::nullopt;
}

// Length of the valid UTF-8 sequence at bytes[i], or 0.
size_t sequenceLength(const unsigned char* bytes, size_t i, size_t size) {
    const unsigned char lead = bytes[i];
    if (lead < 0x80) return 1;
    size_t length = 0;
    unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;  // overlong
        if (lead == 0xED) high = 0x9F; // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) low = 0x90;  // overlong
        if (lead == 0xF4) high = 0x8F; // above U+10FFFF
    } else {
        return 0;
    }
    if (i + length > size || bytes[i + 1] < low || bytes[i + 1] > high) return 0;
    for (size_t k = 2; k < length; ++k)
        if ((bytes[i + k] & 0xC0) != 0x80) return 0;
    return length;
}

} // namespace

// ---- TextInput --------------------------------------------------------------------------------

TextInput::TextInput(const std::string& path) : m_path(path) {
    // Closes the descriptor if the constructor throws (the destructor would not run).
    struct Guard {
        TextInput* input;
        ~Guard() {
            if (input && input->m_ownsDescriptor) ::close(input->m_descriptor);
        }
    } guard{this};
    const bool standardInput = path == "-";
    if (standardInput) {
        m_descriptor = STDIN_FILENO;
    } else {
        // O_NONBLOCK: opening a FIFO without a writer would otherwise wait forever.
        m_descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
        if (m_descriptor < 0)
            fail(path,
                 Message(OFICINA_TR_NOOP("cannot open the file (%1)"), {std::strerror(errno)}));
        m_ownsDescriptor = true;
    }
    struct stat info {};
    if (::fstat(m_descriptor, &info) != 0) failRead(path, errno);
    const bool stream =
        (S_ISFIFO(info.st_mode) && (standardInput || isAnonymousPipe(m_descriptor))) ||
        (S_ISSOCK(info.st_mode) && standardInput);
    // Opened, and of a kind that is read: reads may wait now (a pipe's writer may be slow).
    if (m_ownsDescriptor && (S_ISREG(info.st_mode) || stream))
        ::fcntl(m_descriptor, F_SETFL, ::fcntl(m_descriptor, F_GETFL) & ~O_NONBLOCK);
    if (S_ISREG(info.st_mode)) {
        m_size = uint64_t(info.st_size);
    } else if (S_ISDIR(info.st_mode)) {
        failRead(path, EISDIR);
    } else if (stream) {
        readStream();
    } else if (S_ISFIFO(info.st_mode)) {
        fail(path, Message(OFICINA_TR_NOOP("this is a named pipe (FIFO), not a regular file; to "
                                           "read a stream, pipe it into standard input and give "
                                           "'-' as the file name")));
    } else {
        fail(path, Message(OFICINA_TR_NOOP("this is a device or a socket, not a regular file")));
    }
    checkStart();
    guard.input = nullptr;
}

TextInput::~TextInput() {
    if (m_ownsDescriptor) ::close(m_descriptor);
}

size_t TextInput::readAt(uint64_t offset, char* buffer, size_t count) const {
    if (m_inMemory) {
        if (offset >= m_memory.size()) return 0;
        const size_t got = size_t(std::min<uint64_t>(count, m_memory.size() - offset));
        std::memcpy(buffer, m_memory.data() + offset, got);
        return got;
    }
    size_t done = 0;
    while (done < count) {
        const ssize_t got =
            ::pread(m_descriptor, buffer + done, count - done, off_t(offset + done));
        if (got == 0) break;
        if (got < 0) {
            if (errno == EINTR) continue;
            failRead(m_path, errno);
        }
        done += size_t(got);
    }
    return done;
}

std::string TextInput::takeText() {
    if (m_inMemory) {
        m_size = 0;
        return std::exchange(m_memory, {});
    }
    std::string text(size_t(m_size), '\0');
    text.resize(readAt(0, text.data(), text.size()));
    return text;
}

// A stream cannot be read by offsets or twice: it is read whole, then parsed from memory.
void TextInput::readStream() {
    uint64_t nextCheck = kFirstStreamCheck;
    size_t used = 0;
    while (true) {
        if (m_memory.size() - used < kChunk)
            m_memory.resize(std::max(2 * m_memory.size(), used + kChunk));
        const ssize_t got = ::read(m_descriptor, m_memory.data() + used, m_memory.size() - used);
        if (got == 0) break;
        if (got < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) { // standard input set non-blocking
                pollfd wait{m_descriptor, POLLIN, 0};
                ::poll(&wait, 1, -1);
                continue;
            }
            failRead(m_path, errno);
        }
        used += size_t(got);
        if (used >= nextCheck) {
            // The stream's bytes, and a table about as large.
            requireMemory(2 * uint64_t(used), m_path);
            nextCheck *= 2;
        }
    }
    m_memory.resize(used);
    m_size = used;
    m_inMemory = true;
}

void TextInput::checkStart() {
    std::string block(size_t(std::min<uint64_t>(kFirstBlock, m_size)), '\0');
    block.resize(readAt(0, block.data(), block.size()));
    std::string_view start(block);
    using namespace std::string_view_literals;
    if (start.starts_with("PK\x03\x04"sv))
        fail(m_path, Message(OFICINA_TR_NOOP("this is a spreadsheet (xlsx/ods) or zip archive, "
                                             "not a text file; save it as CSV first")));
    if (start.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv))
        fail(m_path, Message(OFICINA_TR_NOOP("this is an Excel .xls spreadsheet, not a text "
                                             "file; save it as CSV first")));
    if (start.starts_with("\x1F\x8B"sv))
        fail(m_path, Message(OFICINA_TR_NOOP("this file is compressed with gzip; decompress it "
                                             "first")));
    // UTF-32 LE before UTF-16 LE, whose mark begins the same.
    if (start.starts_with("\xFF\xFE\0\0"sv))
        convert(true, false, 4);
    else if (start.starts_with("\0\0\xFE\xFF"sv))
        convert(true, true, 4);
    else if (start.starts_with("\xFF\xFE"sv))
        convert(false, false, 2);
    else if (start.starts_with("\xFE\xFF"sv))
        convert(false, true, 2);
    if (m_inMemory && !m_convertedFrom.empty()) {
        block.assign(m_memory, 0, std::min(kFirstBlock, m_memory.size()));
        start = block;
    }

    // A NUL on the first line, or many control characters: not text. NULs after the first
    // line are reported by the readers, with their line (a file cut short by a crash).
    const size_t nul = start.find('\0');
    const size_t firstLineEnd = start.find_first_of("\r\n");
    const auto controls = std::count_if(start.begin(), start.end(), [](char c) {
        return isBinaryControl(static_cast<unsigned char>(c));
    });
    if ((nul != std::string_view::npos && nul < firstLineEnd) ||
        size_t(controls) * 10 > start.size())
        fail(m_path, Message(OFICINA_TR_NOOP("this is not a text file")));
}

void TextInput::convert(bool utf32, bool bigEndian, size_t markLength) {
    m_convertedFrom = std::string(utf32 ? "UTF-32" : "UTF-16") + (bigEndian ? " BE" : " LE");
    // UTF-8 takes at most 3 bytes for UTF-16's 2, and no more than UTF-32's 4.
    requireMemory(m_size + m_size / 2, m_path);
    std::string out;
    const size_t unit = utf32 ? 4 : 2;
    std::vector<unsigned char> buffer(kChunk + 4);
    const auto invalid = [&] {
        const auto [line, column] = endPosition(out);
        fail(m_path,
             Message(OFICINA_TR_NOOP("the text is not valid %1, as its byte-order mark says"),
                     {m_convertedFrom}),
             line, column);
    };
    size_t kept = 0;
    uint64_t offset = markLength;
    while (true) {
        const size_t got = readAt(offset, reinterpret_cast<char*>(buffer.data()) + kept, kChunk);
        offset += got;
        const size_t available = kept + got;
        const unsigned char* p = buffer.data();
        size_t i = 0;
        while (i + unit <= available) {
            uint32_t code = readUnit(p + i, unit, bigEndian);
            if (utf32) {
                if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) invalid();
                i += 4;
            } else if (code >= 0xD800 && code <= 0xDBFF) { // a surrogate pair
                if (i + 4 > available) break;              // its second half comes next
                const uint32_t low = readUnit(p + i + 2, 2, bigEndian);
                if (low < 0xDC00 || low > 0xDFFF) invalid();
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                i += 4;
            } else {
                if (code >= 0xDC00 && code <= 0xDFFF) invalid();
                i += 2;
            }
            appendUtf8(out, code);
        }
        kept = available - i;
        std::memmove(buffer.data(), buffer.data() + i, kept);
        if (got == 0) {
            if (kept != 0) invalid(); // the text ends inside a character
            break;
        }
    }
    m_memory = std::move(out);
    m_size = m_memory.size();
    m_inMemory = true;
}

void throwNulBytes(const std::string& location, uint64_t line) {
    throw Error(Message(OFICINA_TR_NOOP("the file holds NUL bytes from line %1: it may be "
                                        "truncated or not a text file"),
                        {std::to_string(line)}),
                location);
}

// ---- Memory -----------------------------------------------------------------------------------

uint64_t availableMemory() {
    uint64_t available = std::numeric_limits<uint64_t>::max();
    if (const auto memAvailable = procKilobytes("/proc/meminfo", "MemAvailable:")) {
        available = *memAvailable;
    } else {
        const long pages = ::sysconf(_SC_AVPHYS_PAGES), pageSize = ::sysconf(_SC_PAGESIZE);
        if (pages > 0 && pageSize > 0) available = uint64_t(pages) * uint64_t(pageSize);
    }
    const std::pair<int, const char*> limits[] = {{RLIMIT_AS, "VmSize:"}, {RLIMIT_DATA, "VmData:"}};
    for (const auto& [resource, field] : limits) {
        rlimit limit{};
        if (::getrlimit(resource, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) continue;
        const uint64_t used = procKilobytes("/proc/self/status", field).value_or(0);
        const uint64_t cap = uint64_t(limit.rlim_cur);
        available = std::min(available, cap > used ? cap - used : 0);
    }
    return available;
}

void requireMemory(uint64_t needed, const std::string& where) {
    const uint64_t available = availableMemory();
    if (needed > available)
        throw Error(Message(OFICINA_TR_NOOP("not enough memory: reading this file needs about %1, "
                                            "and only %2 is available"),
                            {amount(needed), amount(available)}),
                    where);
}

// ---- Text for messages ------------------------------------------------------------------------

size_t findInvalidUtf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const size_t size = text.size();
    size_t i = 0;
    while (i < size) {
        if (i + 8 <= size) { // skip ASCII eight bytes at a time
            uint64_t word;
            std::memcpy(&word, bytes + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const size_t length = sequenceLength(bytes, i, size);
        if (length == 0) return i;
        i += length;
    }
    return std::string_view::npos;
}

std::string printableText(std::string_view text, size_t limit) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    std::string out;
    char escape[8];
    for (size_t i = 0; i < text.size();) {
        if (i >= limit) {
            out += "…";
            break;
        }
        const unsigned char byte = bytes[i];
        const size_t length = sequenceLength(bytes, i, text.size());
        if (length == 0 || byte < 0x20 || byte == 0x7F) {
            std::snprintf(escape, sizeof escape, "\\x%02X", byte);
            out += escape;
            ++i;
        } else if (byte == 0xC2 && bytes[i + 1] < 0xA0) { // C1 controls, U+0080 to U+009F
            std::snprintf(escape, sizeof escape, "\\u%04X", unsigned(bytes[i + 1]));
            out += escape;
            i += 2;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
    }
    return out;
}

} // namespace oficina::core
