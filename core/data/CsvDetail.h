#pragma once

// Internals of the CSV reader shared by its source files (CsvReader.cpp, CsvSupport.cpp,
// CsvSniff.cpp, CsvScan.cpp, CsvParse.cpp); not a public API.
//
// The read goes: sniff a sample at the start (delimiter, decimal, header, column types) →
// scan the whole file once, quote-aware, counting records and finding split points →
// allocate every column once at its final size → parse byte ranges in parallel, each thread
// writing straight into its rows → merge the per-thread category dictionaries. A numeric
// column broken by a late token is read again as categorical.

#include "data/CsvReader.h"
#include "data/TextInput.h"
#include "util/Error.h"

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <exception>
#include <mutex>
#include <string_view>
#include <unordered_map>

namespace oficina::core::csv {

inline constexpr char kQuote = '"';
/// Data rows used to sniff the delimiter, and to infer the column types and the decimal mark.
inline constexpr size_t kSniffRecords = 50;
inline constexpr size_t kInferenceRows = 1000;

inline bool isLineEnd(char c) {
    return c == '\n' || c == '\r';
}
inline bool isSpace(char c) {
    return c == ' ' || c == '\t';
}
std::string_view trimSpaces(std::string_view text);

/// The resolved conventions of one file.
struct Dialect {
    char delimiter = ',';
    char decimal = '.';
    TextEncoding encoding = TextEncoding::Utf8;
};

/// Parses a whole (unquoted) token: spaces around it, a leading '+' and, with a decimal comma,
/// '.' thousands separators in 3-digit groups are accepted. "nan" and "inf" are numbers.
bool parseNumber(std::string_view token, char decimal, double& value);

/// The configured missing tokens, matched against trimmed fields.
class MissingTokens {
public:
    MissingTokens(const std::vector<std::string>& tokens, TextEncoding encoding);
    /// `trimmed` has no surrounding spaces; the empty token is always missing.
    [[nodiscard]] bool contains(std::string_view trimmed) const {
        if (trimmed.empty()) return true;
        if (trimmed.size() > m_maxLength || !m_firstBytes[static_cast<unsigned char>(trimmed[0])])
            return false;
        for (const auto& token : m_tokens)
            if (token == trimmed) return true;
        return false;
    }
    /// True if a token is also a number other than NaN ("-999"), so parsed numbers must be
    /// checked against the tokens.
    [[nodiscard]] bool includesNumbers() const { return m_includesNumbers; }

private:
    std::vector<std::string> m_tokens;
    std::array<bool, 256> m_firstBytes{};
    size_t m_maxLength = 0;
    bool m_includesNumbers = false;
};

std::string latin1ToUtf8(std::string_view text);
/// The text as UTF-8 for a message, control characters escaped, cut to about 40 bytes.
std::string displayToken(std::string_view raw, TextEncoding encoding);
/// Characters in `text` (a column number is this plus one).
size_t characterCount(std::string_view text, TextEncoding encoding);

/// The input (see TextInput: streams, conversions and binary content are handled there), with
/// locations counted in the file's encoding.
class CsvFile : public TextInput {
public:
    using TextInput::TextInput;
    /// file:line:column, the column counted in characters of the bytes [lineStart, offset).
    [[nodiscard]] std::string locate(uint64_t line, uint64_t lineStart, uint64_t offset,
                                     TextEncoding encoding) const;
};

/// Progress, cancellation and failures shared by the reading threads.
class ReadMonitor {
public:
    explicit ReadMonitor(const CsvOptions& options);
    /// Maps the next `totalBytes` of work onto [from, to] of the progress. No thread may be
    /// reading while it is called.
    void beginPhase(double from, double to, uint64_t totalBytes);
    /// Thread-safe; calls the progress callback at most every 50 ms, serially.
    void advance(uint64_t bytes);
    [[nodiscard]] bool stopRequested() const { return m_stop.stop_requested(); }
    void throwIfStopped() const {
        if (stopRequested()) throw Cancelled{};
    }
    [[nodiscard]] double reached() const { return m_reached; }
    void finish();

    /// Jobs are byte ranges in file order: once one fails, later ones need not go on.
    void jobFailed(size_t job);
    [[nodiscard]] bool earlierJobFailed(size_t job) const { return m_firstFailedJob < job; }

private:
    std::stop_token m_stop;
    std::function<void(double)> m_callback;
    std::mutex m_mutex;
    std::atomic<uint64_t> m_done{0};
    uint64_t m_total = 1;
    double m_from = 0, m_to = 1, m_reached = 0;
    std::chrono::steady_clock::time_point m_lastCall;
    std::atomic<size_t> m_firstFailedJob{SIZE_MAX};
};

// ---- Sniffing (CsvSniff.cpp) ----------------------------------------------------------------

struct SniffResult {
    Dialect dialect;
    uint64_t contentStart = 0; ///< after the byte-order mark and a "sep=;" line
    uint64_t firstLine = 1;    ///< the physical line at contentStart
    bool hasHeader = false;
    std::vector<std::string> names; ///< header fields as UTF-8, untrimmed; empty without header
    size_t columnCount = 0;
    std::vector<bool> numeric; ///< per column, from the first kInferenceRows data rows
};

/// Sniffs the conventions from the first bytes of the file; a first line "sep=;" (Excel's hint)
/// sets the delimiter, unless the options do, and is skipped. Throws Error for an empty file
/// and for invalid UTF-8 in the header.
SniffResult sniff(const CsvFile& file, std::string_view sample, bool sampleIsWholeFile,
                  const CsvOptions& options, const MissingTokens& missing);

// ---- Pass 1: counting records (CsvScan.cpp) -------------------------------------------------

/// A position just after a record's line end.
struct RecordBoundary {
    uint64_t offset = 0;
    uint64_t record = 0; ///< records (blank lines not counted) before it, from the content start
    uint64_t line = 1;   ///< its physical line number
};

struct ScanResult {
    uint64_t end = 0; ///< where the file ended
    uint64_t records = 0;
    RecordBoundary afterFirstRecord;
    /// For each target offset, the first boundary at or after it (fewer if the file ends).
    std::vector<RecordBoundary> splits;
};

/// Reads the file once from `contentStart` (on line `firstLine`), quote-aware, at several GB/s
/// where a block has no quote. Throws Error for an unclosed quote, for text after a closing
/// quote and at the first NUL byte.
ScanResult scanRecords(const CsvFile& file, uint64_t contentStart, uint64_t firstLine,
                       const Dialect& dialect, const std::vector<uint64_t>& targets,
                       ReadMonitor& monitor);

// ---- Pass 2: parsing a byte range into the columns (CsvParse.cpp) --------------------------

enum class ColumnKind : uint8_t { Numeric, Categorical, Skip };

/// Where a column's values go: the whole column's storage, written at the job's rows.
struct ColumnTarget {
    ColumnKind kind = ColumnKind::Numeric;
    double* numbers = nullptr;
    int32_t* codes = nullptr;
};

struct TransparentHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
/// One thread's labels of one column (raw bytes), numbered in order of appearance.
using LocalDictionary = std::unordered_map<std::string, int32_t, TransparentHash, std::equal_to<>>;

/// The first token in a job that broke a column believed numeric.
struct NumericBreak {
    size_t column = 0;
    uint64_t line = 0;
    std::string token; ///< raw bytes
};

struct ParseJob {
    size_t index = 0;            ///< position among the jobs, in file order
    uint64_t begin = 0, end = 0; ///< byte range, both at record boundaries
    uint64_t firstRow = 0, rowCount = 0;
    uint64_t firstLine = 1;
};

struct ParseSetup {
    const CsvFile* file = nullptr;
    Dialect dialect;
    const MissingTokens* missing = nullptr;
    std::vector<ColumnTarget> columns;
    bool hasHeader = false;
    ReadMonitor* monitor = nullptr;
};

struct ParseOutcome {
    std::vector<LocalDictionary> dictionaries; ///< per column; used by categorical ones
    std::vector<NumericBreak> breaks;
    std::exception_ptr failure; ///< an Error, Cancelled, or anything else thrown
};

/// Parses one job's records into the columns. Never throws: failures land in the outcome.
void parseRange(const ParseSetup& setup, const ParseJob& job, ParseOutcome& outcome);

} // namespace oficina::core::csv
