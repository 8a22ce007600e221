// libFuzzer harness: the CSV reader (core/data/CsvReader). Any input may be refused with an
// Error; anything else escaping, a crash, a hang or a sanitizer report is a bug.
// The first byte picks the options (delimiter, decimal mark, header, encoding, threads), the
// rest is the file.
#include "FuzzInput.h"

#include "data/CsvReader.h"
#include "util/Error.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static fuzz::InputFile file;
    if (size == 0) return 0;
    const uint8_t choice = data[0];
    oficina::core::CsvOptions options;
    static constexpr char kDelimiters[] = {0, ',', ';', '\t'};
    options.delimiter = kDelimiters[choice & 3];
    static constexpr char kDecimals[] = {0, '.', ',', 0};
    options.decimal = kDecimals[(choice >> 2) & 3];
    static constexpr oficina::core::HeaderMode kHeaders[] = {
        oficina::core::HeaderMode::Auto, oficina::core::HeaderMode::Yes,
        oficina::core::HeaderMode::No, oficina::core::HeaderMode::Auto};
    options.header = kHeaders[(choice >> 4) & 3];
    options.encoding = (choice & 0x40) ? oficina::core::TextEncoding::Latin1
                                       : oficina::core::TextEncoding::Utf8;
    options.threads = (choice & 0x80) ? 2 : 1;
    const std::string& path =
        file.write({reinterpret_cast<const char*>(data) + 1, size - 1});
    try {
        const oficina::core::ReadResult result = oficina::core::readCsv(path, options);
        // Touch every cell, so a table that lies about its size shows up here.
        size_t cells = 0;
        for (const auto& column : result.table.columns())
            cells += column.isNumeric() ? column.values().size() : column.codes().size();
        if (cells != result.table.rowCount() * result.table.columns().size())
            fuzz::fail("ragged table", std::to_string(cells));
    } catch (const oficina::core::Error&) {
        // A clear refusal: fine.
    }
    return 0;
}
