#include "data/CsvWriter.h"

#include "util/SafeFile.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <ostream>
#include <string_view>

namespace oficina::core {

namespace {

constexpr size_t kFlushSize = size_t(1) << 20;

bool needsQuotes(std::string_view text, char delimiter) {
    if (text.empty()) return false;
    if (text.front() == ' ' || text.front() == '\t' || text.back() == ' ' || text.back() == '\t')
        return true;
    return std::any_of(text.begin(), text.end(), [delimiter](char c) {
        return c == delimiter || c == '"' || c == '\n' || c == '\r';
    });
}

void appendField(std::string& out, std::string_view text, char delimiter) {
    if (!needsQuotes(text, delimiter)) {
        out += text;
        return;
    }
    out += '"';
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

// The same text as formatNumber (std::to_chars, shortest round trip), without a string per cell.
void appendNumber(std::string& out, double value) {
    if (std::isnan(value)) return; // missing
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

void writeRows(const Table& table, char delimiter, bool header,
               const std::function<void(std::string_view)>& sink) {
    std::string chunk;
    chunk.reserve(kFlushSize + 4096);
    const auto& columns = table.columns();
    for (size_t c = 0; header && c < columns.size(); ++c) {
        if (c > 0) chunk += delimiter;
        appendField(chunk, columns[c].name(), delimiter);
    }
    if (header && !columns.empty()) chunk += '\n';
    // Quoting decided once per label, not once per cell.
    std::vector<std::vector<std::string>> quotedLabels(columns.size());
    for (size_t c = 0; c < columns.size(); ++c) {
        if (columns[c].isNumeric()) continue;
        for (const auto& label : columns[c].categories()) {
            std::string field;
            appendField(field, label, delimiter);
            quotedLabels[c].push_back(std::move(field));
        }
    }
    for (size_t row = 0; row < table.rowCount(); ++row) {
        for (size_t c = 0; c < columns.size(); ++c) {
            if (c > 0) chunk += delimiter;
            const Column& column = columns[c];
            if (column.isNumeric()) {
                appendNumber(chunk, column.values()[row]);
            } else {
                const int32_t code = column.codes()[row];
                if (code != Column::kMissingCode) chunk += quotedLabels[c][size_t(code)];
            }
        }
        chunk += '\n';
        if (chunk.size() >= kFlushSize) {
            sink(chunk);
            chunk.clear();
        }
    }
    if (!chunk.empty()) sink(chunk);
}

} // namespace

void writeCsv(const Table& table, std::ostream& out, char delimiter) {
    writeRows(table, delimiter, true, [&](std::string_view chunk) {
        out.write(chunk.data(), std::streamsize(chunk.size()));
    });
}

void writeCsv(const Table& table, const std::string& path, char delimiter) {
    // SafeFile: an unpredictable temporary name opened exclusively, fsync before the rename,
    // the old file's mode kept, a symlinked target written through.
    SafeFile file(path);
    writeRows(table, delimiter, true, [&](std::string_view chunk) { file.write(chunk); });
    file.commit();
}

void appendCsv(const Table& table, SafeFile& file, bool header, char delimiter) {
    writeRows(table, delimiter, header, [&](std::string_view chunk) { file.write(chunk); });
}

} // namespace oficina::core
