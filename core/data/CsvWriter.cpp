#include "data/CsvWriter.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <ostream>
#include <random>
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

void writeRows(const Table& table, char delimiter,
               const std::function<void(std::string_view)>& sink) {
    std::string chunk;
    chunk.reserve(kFlushSize + 4096);
    const auto& columns = table.columns();
    for (size_t c = 0; c < columns.size(); ++c) {
        if (c > 0) chunk += delimiter;
        appendField(chunk, columns[c].name(), delimiter);
    }
    if (!columns.empty()) chunk += '\n';
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

[[noreturn]] void throwWriteError(const std::string& path, int code) {
    throw Error(Message(OFICINA_TR_NOOP("cannot write the file (%1)"), {std::strerror(code)}),
                path);
}

std::string temporaryPathFor(const std::string& path) {
    static std::atomic<unsigned> counter{0};
    std::random_device random;
    const std::filesystem::path target(path);
    const std::string name = "." + target.filename().string() + ".tmp" +
                             std::to_string(random() % 1000000) + "_" + std::to_string(counter++);
    return (target.parent_path() / name).string();
}

} // namespace

void writeCsv(const Table& table, std::ostream& out, char delimiter) {
    writeRows(table, delimiter, [&](std::string_view chunk) {
        out.write(chunk.data(), std::streamsize(chunk.size()));
    });
}

void writeCsv(const Table& table, const std::string& path, char delimiter) {
    const std::string temporary = temporaryPathFor(path);
    std::FILE* file = std::fopen(temporary.c_str(), "wbx"); // x: never reuse an existing file
    if (file == nullptr) throwWriteError(path, errno);
    int failure = 0;
    try {
        writeRows(table, delimiter, [&](std::string_view chunk) {
            if (failure == 0 && std::fwrite(chunk.data(), 1, chunk.size(), file) != chunk.size())
                failure = errno != 0 ? errno : EIO;
        });
    } catch (...) {
        std::fclose(file);
        std::remove(temporary.c_str());
        throw;
    }
    if (std::fclose(file) != 0 && failure == 0) failure = errno != 0 ? errno : EIO;
    if (failure == 0 && std::rename(temporary.c_str(), path.c_str()) != 0) failure = errno;
    if (failure != 0) {
        std::remove(temporary.c_str());
        throwWriteError(path, failure);
    }
}

} // namespace oficina::core
