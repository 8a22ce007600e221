#include "data/CsvDetail.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>
#include <set>

namespace oficina::core::csv {

namespace {

struct SampleRecord {
    std::vector<std::string> fields; ///< unquoted, raw bytes
    size_t begin = 0, end = 0;       ///< bytes of the record in the sample text
};

// A lenient tokenizer for the sample: a wrong candidate delimiter must not throw, and the
// real errors are reported by the full scan, which sees the whole file.
std::vector<SampleRecord> tokenize(std::string_view text, char delimiter, bool atEof,
                                   size_t maxRecords) {
    std::vector<SampleRecord> records;
    size_t p = 0;
    const size_t size = text.size();
    while (records.size() < maxRecords) {
        while (p < size && isLineEnd(text[p]))
            ++p;
        if (p == size) break;
        SampleRecord record;
        record.begin = p;
        bool complete = false;
        while (true) {
            std::string field;
            if (text[p] == kQuote) {
                ++p;
                while (p < size) {
                    if (text[p] != kQuote) {
                        field += text[p++];
                    } else if (p + 1 < size && text[p + 1] == kQuote) {
                        field += kQuote;
                        p += 2;
                    } else {
                        ++p;
                        break;
                    }
                }
            }
            while (p < size && text[p] != delimiter && !isLineEnd(text[p]))
                field += text[p++];
            record.fields.push_back(std::move(field));
            if (p < size && text[p] == delimiter) {
                ++p;
                if (p < size) continue;
                record.fields.emplace_back(); // a delimiter at the very end
            }
            complete = p < size || atEof;
            break;
        }
        if (!complete) break;
        record.end = p;
        records.push_back(std::move(record));
    }
    return records;
}

bool isMissing(const std::string& field, const MissingTokens& missing) {
    return missing.contains(trimSpaces(field));
}

// Header detection wants numbers, not words that parse as numbers ("NaN", "Infinity").
bool looksNumeric(const std::string& field, char decimal) {
    double value;
    return std::any_of(field.begin(), field.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
           parseNumber(field, decimal, value);
}

size_t numericTokenCount(const std::vector<SampleRecord>& records, char decimal) {
    size_t count = 0;
    double value;
    for (const auto& record : records)
        for (const auto& field : record.fields)
            count += parseNumber(field, decimal, value) ? 1 : 0;
    return count;
}

char sniffDelimiter(std::string_view text, bool atEof) {
    constexpr std::array<char, 4> kCandidates{',', '\t', ';', '|'}; // preference on ties
    struct Score {
        bool consistent = false;
        long numbers = 0; // numeric tokens minus the others: "1,5;2,5" splits better on ';'
        size_t fields = 0, firstRecordFields = 0;
    };
    std::array<Score, 4> scores{};
    for (size_t i = 0; i < kCandidates.size(); ++i) {
        const auto records = tokenize(text, kCandidates[i], atEof, kSniffRecords);
        if (records.empty()) continue;
        Score& score = scores[i];
        score.fields = score.firstRecordFields = records.front().fields.size();
        score.consistent = score.fields > 1 &&
                           std::all_of(records.begin(), records.end(), [&](const SampleRecord& r) {
                               return r.fields.size() == score.fields;
                           });
        size_t tokens = 0;
        for (const auto& record : records)
            tokens += record.fields.size();
        const char otherDecimal = kCandidates[i] == ',' ? '.' : ',';
        const size_t numbers =
            std::max(numericTokenCount(records, '.'), numericTokenCount(records, otherDecimal));
        score.numbers = 2 * long(numbers) - long(tokens);
    }
    std::optional<size_t> best;
    for (size_t i = 0; i < kCandidates.size(); ++i) {
        if (!scores[i].consistent) continue;
        if (!best || std::tie(scores[i].numbers, scores[i].fields) >
                         std::tie(scores[*best].numbers, scores[*best].fields))
            best = i;
    }
    if (best) return kCandidates[*best];
    // No consistent candidate: keep the header's split so the ragged line is reported.
    for (size_t i = 0; i < kCandidates.size(); ++i)
        if (scores[i].firstRecordFields > 1 &&
            (!best || scores[i].firstRecordFields > scores[*best].firstRecordFields))
            best = i;
    return best ? kCandidates[*best] : ',';
}

char sniffDecimal(const std::vector<SampleRecord>& records, char delimiter) {
    if (delimiter == ',') return '.';
    if (delimiter == '.') return ','; // "sep=." in Excel's hint line
    return numericTokenCount(records, ',') > numericTokenCount(records, '.') ? ',' : '.';
}

// Column c is numeric below the first record: at least one number, every non-missing token a
// number.
std::vector<bool> numericColumns(const std::vector<SampleRecord>& records, size_t firstRow,
                                 size_t columnCount, char decimal, const MissingTokens& missing,
                                 bool emptyIsNumeric) {
    std::vector<bool> numeric(columnCount, true);
    std::vector<bool> seenNumber(columnCount, false);
    double value;
    for (size_t r = firstRow; r < records.size(); ++r) {
        const auto& fields = records[r].fields;
        if (fields.size() != columnCount) continue; // the parse reports it
        for (size_t c = 0; c < columnCount; ++c) {
            if (!numeric[c] || isMissing(fields[c], missing)) continue;
            if (parseNumber(fields[c], decimal, value))
                seenNumber[c] = true;
            else
                numeric[c] = false;
        }
    }
    if (!emptyIsNumeric)
        for (size_t c = 0; c < columnCount; ++c)
            numeric[c] = numeric[c] && seenNumber[c];
    return numeric;
}

bool sniffHeader(const std::vector<SampleRecord>& records, char decimal,
                 const MissingTokens& missing) {
    const auto& first = records.front().fields;
    if (std::any_of(first.begin(), first.end(),
                    [&](const std::string& f) { return looksNumeric(f, decimal); }))
        return false;
    const auto numeric = numericColumns(records, 1, first.size(), decimal, missing, false);
    if (std::find(numeric.begin(), numeric.end(), true) != numeric.end()) return true;
    // All text: a header names its column, so its token does not reappear below.
    for (size_t c = 0; c < first.size(); ++c) {
        if (isMissing(first[c], missing)) continue;
        for (size_t r = 1; r < records.size(); ++r)
            if (records[r].fields.size() > c && records[r].fields[c] == first[c]) return false;
    }
    return true;
}

std::vector<std::string> headerNames(const CsvFile& file, std::string_view text,
                                     const SampleRecord& header, uint64_t contentStart,
                                     uint64_t firstLine, TextEncoding encoding) {
    if (encoding == TextEncoding::Utf8) {
        const std::string_view raw = text.substr(header.begin, header.end - header.begin);
        const size_t invalid = findInvalidUtf8(raw);
        if (invalid != std::string_view::npos) {
            const size_t at = header.begin + invalid;
            uint64_t line = firstLine;
            size_t lineStart = 0;
            for (size_t i = 0; i < at; ++i) {
                if (text[i] == '\r' || (text[i] == '\n' && (i == 0 || text[i - 1] != '\r'))) ++line;
                if (isLineEnd(text[i])) lineStart = i + 1;
            }
            const auto byte = static_cast<unsigned char>(text[at]);
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", byte);
            throw Error(Message(OFICINA_TR_NOOP("invalid UTF-8 (byte %1); if the file is in "
                                                "Latin-1 (ISO-8859-1), choose that encoding"),
                                {hex}),
                        file.locate(line, contentStart + lineStart, contentStart + at, encoding));
        }
    }
    std::vector<std::string> names;
    for (const auto& field : header.fields)
        names.push_back(encoding == TextEncoding::Latin1 ? latin1ToUtf8(field) : field);
    return names;
}

// Excel's first line "sep=;" names the delimiter: the delimiter, and the line's length with
// its line end.
std::optional<std::pair<char, size_t>> separatorHint(std::string_view text) {
    if (text.size() < 5 || !std::equal(text.begin(), text.begin() + 4, "sep=", [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) == b;
        }))
        return std::nullopt;
    const char delimiter = text[4];
    if (delimiter == kQuote || isLineEnd(delimiter) || delimiter == ' ') return std::nullopt;
    size_t end = 5;
    if (end < text.size() && !isLineEnd(text[end])) return std::nullopt;
    if (end < text.size() && text[end] == '\r') ++end;
    if (end < text.size() && text[end] == '\n') ++end;
    return std::pair{delimiter, end};
}

} // namespace

SniffResult sniff(const CsvFile& file, std::string_view sample, bool sampleIsWholeFile,
                  const CsvOptions& options, const MissingTokens& missing) {
    SniffResult result;
    result.dialect.encoding = options.encoding;
    if (sample.substr(0, 3) == "\xEF\xBB\xBF") result.contentStart = 3;
    std::string_view text = sample.substr(result.contentStart);
    const auto hint = separatorHint(text);
    if (hint) {
        result.contentStart += hint->second;
        result.firstLine = 2;
        text.remove_prefix(hint->second);
    }

    if (options.delimiter == kQuote || isLineEnd(options.delimiter) ||
        (options.decimal != 0 && options.decimal != '.' && options.decimal != ',') ||
        (options.decimal != 0 && options.decimal == options.delimiter))
        throw Error(Message(OFICINA_TR_NOOP("invalid CSV options: the delimiter '%1' and the "
                                            "decimal mark '%2' cannot be used together"),
                            {printableText(std::string_view(&options.delimiter, 1)),
                             printableText(std::string_view(&options.decimal, 1))}),
                    fileLocation(file.path(), 1, 1));

    if (options.delimiter != 0)
        result.dialect.delimiter = options.delimiter;
    else if (hint && hint->first != options.decimal)
        result.dialect.delimiter = hint->first;
    else
        result.dialect.delimiter = sniffDelimiter(text, sampleIsWholeFile);
    const auto records =
        tokenize(text, result.dialect.delimiter, sampleIsWholeFile, kInferenceRows + 1);
    if (records.empty())
        throw Error(Message(OFICINA_TR_NOOP("the file is empty")), fileLocation(file.path(), 1, 1));

    result.dialect.decimal =
        options.decimal != 0 ? options.decimal : sniffDecimal(records, result.dialect.delimiter);
    switch (options.header) {
    case HeaderMode::Yes:
        result.hasHeader = true;
        break;
    case HeaderMode::No:
        result.hasHeader = false;
        break;
    case HeaderMode::Auto:
        result.hasHeader = sniffHeader(records, result.dialect.decimal, missing);
        break;
    }
    result.columnCount = records.front().fields.size();
    if (result.hasHeader)
        result.names = headerNames(file, text, records.front(), result.contentStart,
                                   result.firstLine, options.encoding);
    result.numeric = numericColumns(records, result.hasHeader ? 1 : 0, result.columnCount,
                                    result.dialect.decimal, missing, true);
    return result;
}

} // namespace oficina::core::csv
