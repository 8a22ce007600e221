#include "data/CsvDetail.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <cstdio>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace oficina::core::csv {

namespace {

constexpr size_t kReadSize = size_t(1) << 20;
// Blocks without a quote take the vectorised count; the rest the byte-by-byte state machine.
constexpr size_t kBlockSize = size_t(64) << 10;

struct LineEndCounts {
    uint64_t records = 0; ///< line ends that close a non-blank line
    uint64_t lines = 0;   ///< physical line ends ("\r\n" is one)
    bool nul = false;     ///< a NUL byte was seen: the counts are not to be used
};

// Counts over data[0, size) given the byte before it. Only valid outside quotes. NUL bytes
// are looked for in the same loop, so a file cut short by a crash costs no extra pass.
LineEndCounts countLineEnds(const unsigned char* data, size_t size, unsigned char previous) {
    LineEndCounts counts;
    auto scalar = [&](size_t i, unsigned char before) {
        const unsigned char c = data[i];
        const bool lineEnd = c == '\n' || c == '\r';
        const bool afterLineEnd = before == '\n' || before == '\r';
        counts.records += lineEnd && !afterLineEnd;
        counts.lines += c == '\r' || (c == '\n' && before != '\r');
        counts.nul |= c == 0;
    };
    if (size == 0) return counts;
    scalar(0, previous);
    size_t i = 1;
#if defined(__SSE2__)
    // Matches are -1 bytes: subtracting counts them per byte lane, summed before any overflows.
    const __m128i newline = _mm_set1_epi8('\n');
    const __m128i carriage = _mm_set1_epi8('\r');
    const __m128i zero = _mm_setzero_si128();
    __m128i nuls = zero;
    auto total = [&](__m128i lanes) {
        const __m128i sums = _mm_sad_epu8(lanes, zero);
        return uint64_t(_mm_cvtsi128_si64(sums)) +
               uint64_t(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
    };
    while (i + 16 <= size) {
        __m128i records = zero, lines = zero;
        for (int round = 0; round < 255 && i + 16 <= size; ++round, i += 16) {
            const __m128i current = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
            const __m128i before = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i - 1));
            const __m128i isNewline = _mm_cmpeq_epi8(current, newline);
            const __m128i isCarriage = _mm_cmpeq_epi8(current, carriage);
            const __m128i wasCarriage = _mm_cmpeq_epi8(before, carriage);
            const __m128i wasLineEnd = _mm_or_si128(_mm_cmpeq_epi8(before, newline), wasCarriage);
            const __m128i isLineEnd = _mm_or_si128(isNewline, isCarriage);
            nuls = _mm_or_si128(nuls, _mm_cmpeq_epi8(current, zero));
            records = _mm_sub_epi8(records, _mm_andnot_si128(wasLineEnd, isLineEnd));
            lines = _mm_sub_epi8(
                lines, _mm_or_si128(isCarriage, _mm_andnot_si128(wasCarriage, isNewline)));
        }
        counts.records += total(records);
        counts.lines += total(lines);
    }
    counts.nul |= _mm_movemask_epi8(nuls) != 0;
#endif
    for (; i < size; ++i)
        scalar(i, data[i - 1]);
    return counts;
}

enum class State : uint8_t { RecordStart, FieldStart, Unquoted, Quoted, QuoteInQuoted };

class Scanner {
public:
    Scanner(const CsvFile& file, uint64_t contentStart, uint64_t firstLine, const Dialect& dialect,
            const std::vector<uint64_t>& targets)
        : m_file(file), m_dialect(dialect), m_targets(targets), m_lines(firstLine - 1),
          m_lineStart(contentStart) {}

    void scan(const char* data, size_t size, uint64_t offset) {
        for (size_t at = 0; at < size; at += kBlockSize) {
            const size_t length = std::min(kBlockSize, size - at);
            const char* block = data + at;
            const uint64_t blockOffset = offset + at;
            const bool targetInside =
                m_nextTarget < m_targets.size() && m_targets[m_nextTarget] <= blockOffset + length;
            const bool outsideQuotes = m_state != State::Quoted && m_state != State::QuoteInQuoted;
            if (!outsideQuotes || !m_firstRecordDone || targetInside ||
                std::memchr(block, kQuote, length) != nullptr ||
                !scanFast(block, length, blockOffset))
                scanSlow(block, length, blockOffset);
        }
    }

    ScanResult finish(uint64_t end) {
        if (m_crPending) {
            m_crPending = false;
            boundary(end);
        }
        if (m_state == State::Quoted)
            throw Error(
                Message(OFICINA_TR_NOOP("this quote is never closed: the file ends "
                                        "inside a quoted field")),
                m_file.locate(m_quoteLine, m_quoteLineStart, m_quoteOffset, m_dialect.encoding));
        if (m_state != State::RecordStart) {
            ++m_result.records; // the last record has no line end
            boundary(end);
        }
        m_result.end = end;
        return std::move(m_result);
    }

private:
    // False, changing nothing, if the block holds a NUL byte: the slow scan locates it.
    bool scanFast(const char* data, size_t size, uint64_t offset) {
        const auto* bytes = reinterpret_cast<const unsigned char*>(data);
        const LineEndCounts counts = countLineEnds(bytes, size, m_previous);
        if (counts.nul) return false;
        m_result.records += counts.records;
        m_lines += counts.lines;
        m_crPending = false; // no boundary is wanted inside this block
        const unsigned char last = bytes[size - 1];
        if (last == '\n' || last == '\r') {
            m_state = State::RecordStart;
            m_crPending = last == '\r';
        } else {
            m_state = last == static_cast<unsigned char>(m_dialect.delimiter) ? State::FieldStart
                                                                              : State::Unquoted;
        }
        for (size_t i = size; i > 0; --i)
            if (isLineEnd(data[i - 1])) {
                m_lineStart = offset + i;
                break;
            }
        m_previous = last;
        return true;
    }

    void scanSlow(const char* data, size_t size, uint64_t offset) {
        const char delimiter = m_dialect.delimiter;
        for (size_t i = 0; i < size; ++i) {
            const char c = data[i];
            const uint64_t at = offset + i;
            if (c == '\0')
                throwNulBytes(m_file.locate(m_lines + 1, m_lineStart, at, m_dialect.encoding),
                              m_lines + 1);
            if (m_crPending) {
                m_crPending = false;
                boundary(c == '\n' ? at + 1 : at);
            }
            if (isLineEnd(c)) {
                if (c == '\r' || m_previous != '\r') ++m_lines;
                m_lineStart = at + 1;
            }
            switch (m_state) {
            case State::RecordStart:
                if (isLineEnd(c)) break; // a blank line
                [[fallthrough]];
            case State::FieldStart:
                if (c == kQuote) {
                    m_state = State::Quoted;
                    m_quoteLine = m_lines + 1;
                    m_quoteLineStart = m_lineStart;
                    m_quoteOffset = at;
                } else if (c == delimiter) {
                    m_state = State::FieldStart;
                } else if (isLineEnd(c)) {
                    endRecord(c, at);
                } else {
                    m_state = State::Unquoted;
                }
                break;
            case State::Unquoted:
                if (c == delimiter)
                    m_state = State::FieldStart;
                else if (isLineEnd(c))
                    endRecord(c, at);
                break;
            case State::Quoted:
                if (c == kQuote) m_state = State::QuoteInQuoted;
                break;
            case State::QuoteInQuoted:
                if (c == kQuote)
                    m_state = State::Quoted;
                else if (c == delimiter)
                    m_state = State::FieldStart;
                else if (isLineEnd(c))
                    endRecord(c, at);
                else
                    throwTextAfterQuote(c, at);
                break;
            }
            m_previous = static_cast<unsigned char>(c);
        }
    }

    void endRecord(char lineEnd, uint64_t at) {
        ++m_result.records;
        m_state = State::RecordStart;
        if (lineEnd == '\r')
            m_crPending = true; // the boundary is after a following '\n', if any
        else
            boundary(at + 1);
    }

    void boundary(uint64_t offset) {
        const RecordBoundary here{offset, m_result.records, m_lines + 1};
        if (!m_firstRecordDone) {
            m_result.afterFirstRecord = here;
            m_firstRecordDone = true;
        }
        while (m_nextTarget < m_targets.size() && offset >= m_targets[m_nextTarget]) {
            m_result.splits.push_back(here);
            ++m_nextTarget;
        }
    }

    [[noreturn]] void throwTextAfterQuote(char c, uint64_t at) const {
        const auto byte = static_cast<unsigned char>(c);
        char shown[8];
        if (byte >= 0x20 && byte < 0x7F)
            std::snprintf(shown, sizeof shown, "%c", c);
        else
            std::snprintf(shown, sizeof shown, "0x%02X", byte);
        throw Error(Message(OFICINA_TR_NOOP("unexpected '%1' after a closing quote; a quote "
                                            "inside a quoted field must be doubled (\"\")"),
                            {shown}),
                    m_file.locate(m_lines + 1, m_lineStart, at, m_dialect.encoding));
    }

    const CsvFile& m_file;
    Dialect m_dialect;
    const std::vector<uint64_t>& m_targets;
    size_t m_nextTarget = 0;
    ScanResult m_result;
    State m_state = State::RecordStart;
    unsigned char m_previous = '\n';
    bool m_crPending = false;
    bool m_firstRecordDone = false;
    uint64_t m_lines = 0; ///< line ends seen, plus the lines before the content start
    uint64_t m_lineStart = 0;
    uint64_t m_quoteLine = 0, m_quoteLineStart = 0, m_quoteOffset = 0;
};

} // namespace

ScanResult scanRecords(const CsvFile& file, uint64_t contentStart, uint64_t firstLine,
                       const Dialect& dialect, const std::vector<uint64_t>& targets,
                       ReadMonitor& monitor) {
    Scanner scanner(file, contentStart, firstLine, dialect, targets);
    std::vector<char> buffer(size_t(std::min<uint64_t>(kReadSize, file.size() + 1)));
    uint64_t offset = contentStart;
    while (true) {
        monitor.throwIfStopped();
        const size_t got = file.readAt(offset, buffer.data(), buffer.size());
        if (got == 0) break;
        scanner.scan(buffer.data(), got, offset);
        offset += got;
        monitor.advance(got);
    }
    return scanner.finish(offset);
}

} // namespace oficina::core::csv
