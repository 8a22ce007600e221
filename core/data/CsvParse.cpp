#include "data/CsvDetail.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <fast_float/fast_float.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>

namespace oficina::core::csv {

namespace {

// Small enough to stay in the L2 cache between read() and parsing; grown for longer records.
constexpr size_t kBufferSize = size_t(512) << 10;
constexpr uint64_t kStopCheckRows = 4096;
constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

enum class Step { Record, Incomplete, End };

constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

inline bool isDigit(char c) {
    return static_cast<unsigned char>(c - '0') < 10;
}

// Clinger's fast path for the common "-123.456" followed by a terminator: the digits as an
// integer below 2^53 and at most 22 decimals, so one correctly rounded division gives exactly
// the double fast_float would, in about half its time. Anything else goes to fast_float.
inline const char* parseSimpleDecimal(const char* p, char decimal,
                                      const std::array<bool, 256>& isTerminator, double& value) {
    const bool negative = *p == '-';
    const char* q = p + (negative ? 1 : 0);
    const char* digitsStart = q;
    uint64_t mantissa = 0;
    while (isDigit(*q))
        mantissa = mantissa * 10 + uint64_t(*q++ - '0');
    size_t digits = size_t(q - digitsStart);
    size_t decimals = 0;
    if (*q == decimal) {
        const char* fractionStart = ++q;
        while (isDigit(*q))
            mantissa = mantissa * 10 + uint64_t(*q++ - '0');
        decimals = size_t(q - fractionStart);
        digits += decimals;
    }
    if (digits == 0 || digits > 19 || decimals > 22 || mantissa > (uint64_t(1) << 53) ||
        !isTerminator[static_cast<unsigned char>(*q)])
        return nullptr;
    const double magnitude = double(mantissa) / kPowersOfTen[decimals];
    value = negative ? -magnitude : magnitude;
    return q;
}

class RangeParser {
public:
    RangeParser(const ParseSetup& setup, const ParseJob& job, ParseOutcome& outcome)
        : m_setup(setup), m_job(job), m_outcome(outcome), m_missing(*setup.missing),
          m_delimiter(setup.dialect.delimiter),
          m_numberFormat(fast_float::chars_format::general, setup.dialect.decimal),
          m_missingNumbers(setup.missing->includesNumbers()) {
        m_isTerminator[static_cast<unsigned char>(m_delimiter)] = true;
        m_isTerminator['\n'] = m_isTerminator['\r'] = true;
        const size_t columnCount = setup.columns.size();
        m_kinds.resize(columnCount);
        m_numbers.resize(columnCount);
        m_codes.resize(columnCount);
        for (size_t c = 0; c < columnCount; ++c) {
            const ColumnTarget& target = setup.columns[c];
            m_kinds[c] = target.kind;
            if (target.numbers) m_numbers[c] = target.numbers + job.firstRow;
            if (target.codes) m_codes[c] = target.codes + job.firstRow;
        }
        m_outcome.dictionaries.resize(columnCount);
        m_line = job.firstLine;
    }

    void run() {
        const uint64_t jobBytes = m_job.end - m_job.begin;
        std::vector<char> buffer(size_t(std::min<uint64_t>(kBufferSize, jobBytes)) + 1); // sentinel
        uint64_t readOffset = m_job.begin;
        m_position = m_end = buffer.data();
        while (true) {
            const size_t kept = size_t(m_end - m_position);
            if (kept + 1 == buffer.size()) { // one record fills the buffer
                std::vector<char> larger(2 * buffer.size());
                std::memcpy(larger.data(), m_position, kept);
                buffer.swap(larger);
            } else {
                std::memmove(buffer.data(), m_position, kept);
            }
            const size_t wanted =
                size_t(std::min<uint64_t>(buffer.size() - 1 - kept, m_job.end - readOffset));
            const size_t got = m_setup.file->readAt(readOffset, buffer.data() + kept, wanted);
            if (got < wanted)
                throw Error(Message(OFICINA_TR_NOOP("the file changed while it was being read")),
                            fileLocation(m_setup.file->path(), m_line, 1));
            readOffset += got;
            m_final = readOffset == m_job.end;
            m_position = buffer.data();
            m_end = buffer.data() + kept + got;
            *m_end = '\n'; // ends every scan loop without a bounds check
            m_setup.monitor->advance(got);
            m_setup.monitor->throwIfStopped();
            if (m_setup.monitor->earlierJobFailed(m_job.index)) return;

            Step step;
            while ((step = parseRecord()) == Step::Record)
                if (m_row % kStopCheckRows == 0) m_setup.monitor->throwIfStopped();
            if (step == Step::End) break;
        }
        if (m_row != m_job.rowCount)
            throw std::logic_error("CSV reader: the parse and the record count disagree");
    }

private:
    Step parseRecord() {
        const char* p = m_position;
        while (true) { // blank lines
            if (p == m_end) {
                m_position = p;
                return m_final ? Step::End : Step::Incomplete;
            }
            if (*p == '\n') {
                ++m_line;
                ++p;
            } else if (*p == '\r') {
                if (p + 1 == m_end && !m_final) { // a '\n' may follow in the next read
                    m_position = p;
                    return Step::Incomplete;
                }
                ++m_line;
                p += p + 1 < m_end && p[1] == '\n' ? 2 : 1;
            } else {
                break;
            }
        }
        m_position = p;
        if (m_row == m_job.rowCount)
            throw std::logic_error("CSV reader: more records than counted");
        const uint64_t lineAtStart = m_line;
        m_lineStart = p;

        const size_t columnCount = m_kinds.size();
        for (size_t c = 0; c < columnCount; ++c) {
            switch (m_kinds[c]) {
            case ColumnKind::Numeric:
                p = numericField(p, c);
                break;
            case ColumnKind::Categorical:
                p = categoricalField(p, c);
                break;
            case ColumnKind::Skip:
                p = skipField(p);
                break;
            }
            if (p == nullptr) break;
            if (c + 1 == columnCount) break;
            if (*p == m_delimiter) {
                ++p;
                continue;
            }
            if (p == m_end && !m_final) {
                p = nullptr;
                break;
            }
            fieldCountError(p, c + 1);
        }
        if (p != nullptr && *p == m_delimiter && !countExtraFields(p)) p = nullptr;
        if (p != nullptr) { // the line end
            if (p == m_end) {
                if (!m_final) p = nullptr;
            } else if (*p == '\r') {
                if (p + 1 == m_end && !m_final)
                    p = nullptr;
                else
                    p += p + 1 < m_end && p[1] == '\n' ? 2 : 1;
            } else {
                ++p;
            }
        }
        if (p == nullptr) { // parsed again once more bytes are in
            m_line = lineAtStart;
            return Step::Incomplete;
        }
        ++m_line;
        ++m_row;
        m_position = p;
        return Step::Record;
    }

    const char* numericField(const char* p, size_t column) {
        double value;
        if (const char* end =
                parseSimpleDecimal(p, m_numberFormat.decimal_point, m_isTerminator, value);
            end != nullptr && !m_missingNumbers) {
            m_numbers[column][m_row] = value;
            return end;
        }
        const auto result = fast_float::from_chars_advanced(p, m_end, value, m_numberFormat);
        if (result.ec == std::errc() && m_isTerminator[static_cast<unsigned char>(*result.ptr)]) {
            if (m_missingNumbers && m_missing.contains({p, size_t(result.ptr - p)}))
                value = kMissing;
            m_numbers[column][m_row] = value;
            return result.ptr;
        }
        std::string_view text;
        const uint64_t line = m_line;
        const char* end = fieldText(p, text);
        if (end == nullptr) return nullptr;
        const std::string_view trimmed = trimSpaces(text);
        if (m_missing.contains(trimmed)) {
            value = kMissing;
        } else if (!parseNumber(trimmed, m_setup.dialect.decimal, value)) {
            // Not a number after all: the column is read again as categorical.
            m_outcome.breaks.push_back({column, line, std::string(text)});
            m_kinds[column] = ColumnKind::Skip;
            value = kMissing;
        }
        m_numbers[column][m_row] = value;
        return end;
    }

    const char* categoricalField(const char* p, size_t column) {
        std::string_view text;
        const uint64_t line = m_line;
        const char* lineStart = m_lineStart;
        const char* end = fieldText(p, text);
        if (end == nullptr) return nullptr;
        int32_t code = Column::kMissingCode;
        if (!m_missing.contains(trimSpaces(text))) {
            LocalDictionary& dictionary = m_outcome.dictionaries[column];
            const auto found = dictionary.find(text);
            if (found != dictionary.end()) {
                code = found->second;
            } else {
                if (m_setup.dialect.encoding == TextEncoding::Utf8)
                    checkUtf8(p, end, line, lineStart);
                code = int32_t(dictionary.size());
                dictionary.emplace(std::string(text), code);
            }
        }
        m_codes[column][m_row] = code;
        return end;
    }

    const char* skipField(const char* p) {
        std::string_view text;
        return fieldText(p, text);
    }

    // The field's unquoted text; returns its terminator, or nullptr if the buffer ends first.
    const char* fieldText(const char* p, std::string_view& text) {
        if (*p == kQuote) return quotedField(p, text);
        const char* end = p;
        while (!m_isTerminator[static_cast<unsigned char>(*end)])
            ++end;
        if (end == m_end && !m_final) return nullptr;
        text = {p, size_t(end - p)};
        return end;
    }

    const char* quotedField(const char* open, std::string_view& text) {
        const char* from = open + 1;
        bool doubled = false;
        while (true) {
            const auto* quote =
                static_cast<const char*>(std::memchr(from, kQuote, size_t(m_end - from)));
            if (quote == nullptr) {
                if (!m_final) return nullptr;
                fail(open, Message(OFICINA_TR_NOOP("this quote is never closed: the file ends "
                                                   "inside a quoted field")));
            }
            if (quote + 1 == m_end && !m_final) return nullptr; // a doubled quote?
            if (quote + 1 < m_end && quote[1] == kQuote) {
                if (!doubled) m_scratch.clear();
                m_scratch.append(from, quote + 1);
                doubled = true;
                from = quote + 2;
                continue;
            }
            if (doubled) {
                m_scratch.append(from, quote);
                text = m_scratch;
            } else {
                text = {open + 1, size_t(quote - open - 1)};
            }
            countLinesInside(open + 1, quote);
            const char* after = quote + 1;
            if (!m_isTerminator[static_cast<unsigned char>(*after)]) textAfterQuoteError(after);
            return after;
        }
    }

    void countLinesInside(const char* begin, const char* end) {
        for (const char* p = begin; p < end; ++p) {
            if (*p == '\r' || (*p == '\n' && (p == begin || p[-1] != '\r'))) ++m_line;
            if (isLineEnd(*p)) m_lineStart = p + 1;
        }
    }

    // After the expected fields comes a delimiter: count the extra fields for the message.
    bool countExtraFields(const char* at) {
        const uint64_t line = m_line;
        const char* lineStart = m_lineStart;
        size_t found = m_kinds.size();
        const char* p = at;
        while (p != nullptr && *p == m_delimiter) {
            p = skipField(p + 1);
            ++found;
        }
        if (p == nullptr || (p == m_end && !m_final)) return false;
        m_line = line;
        m_lineStart = lineStart;
        fieldCountError(at, found);
    }

    [[noreturn]] void fieldCountError(const char* at, size_t found) {
        const char* text = m_setup.hasHeader
                               ? OFICINA_TR_NOOP("expected %1 fields (as in the header), found %2")
                               : OFICINA_TR_NOOP("expected %1 fields (as in the first line), "
                                                 "found %2");
        fail(at, Message(text, {std::to_string(m_kinds.size()), std::to_string(found)}));
    }

    [[noreturn]] void textAfterQuoteError(const char* at) {
        const auto byte = static_cast<unsigned char>(*at);
        char shown[8];
        if (byte >= 0x20 && byte < 0x7F)
            std::snprintf(shown, sizeof shown, "%c", *at);
        else
            std::snprintf(shown, sizeof shown, "0x%02X", byte);
        fail(at, Message(OFICINA_TR_NOOP("unexpected '%1' after a closing quote; a quote "
                                         "inside a quoted field must be doubled (\"\")"),
                         {shown}));
    }

    // The field's raw bytes, quotes included, so the offset is the byte's place in the file.
    void checkUtf8(const char* begin, const char* end, uint64_t line, const char* lineStart) {
        const size_t invalid = findInvalidUtf8({begin, size_t(end - begin)});
        if (invalid == std::string_view::npos) return;
        m_line = line; // as at the field's start; a quoted field may span lines
        m_lineStart = lineStart;
        countLinesInside(begin, begin + invalid);
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(begin[invalid]));
        fail(begin + invalid, Message(OFICINA_TR_NOOP("invalid UTF-8 (byte %1); if the file is "
                                                      "in Latin-1 (ISO-8859-1), choose that "
                                                      "encoding"),
                                      {hex}));
    }

    [[noreturn]] void fail(const char* at, Message message) {
        const size_t column =
            characterCount({m_lineStart, size_t(at - m_lineStart)}, m_setup.dialect.encoding) + 1;
        throw Error(std::move(message), fileLocation(m_setup.file->path(), m_line, column));
    }

    const ParseSetup& m_setup;
    const ParseJob& m_job;
    ParseOutcome& m_outcome;
    const MissingTokens& m_missing;
    const char m_delimiter;
    const fast_float::parse_options m_numberFormat;
    const bool m_missingNumbers;
    std::array<bool, 256> m_isTerminator{};
    std::vector<ColumnKind> m_kinds;
    std::vector<double*> m_numbers;
    std::vector<int32_t*> m_codes;
    std::string m_scratch;

    const char* m_position = nullptr;
    char* m_end = nullptr;
    const char* m_lineStart = nullptr;
    bool m_final = false;
    uint64_t m_row = 0;  ///< within the job
    uint64_t m_line = 1; ///< physical line of m_position
};

} // namespace

void parseRange(const ParseSetup& setup, const ParseJob& job, ParseOutcome& outcome) {
    try {
        RangeParser(setup, job, outcome).run();
    } catch (...) {
        outcome.failure = std::current_exception();
        setup.monitor->jobFailed(job.index);
    }
}

} // namespace oficina::core::csv
