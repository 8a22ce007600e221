// libFuzzer harness: a model package's fitted pipeline (core/deploy), the part a crafted
// package reaches once its checksums pass (they detect corruption, not tampering). The input
// is pipeline/state.json, a NUL byte, then pipeline/arrays.bin. Whatever loads must then
// predict a row of zeros and first categories without crashing; a refusal with an Error is
// fine, anything else escaping is a bug.
#include "deploy/ModelPackage.h"
#include "util/Error.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace oficina::core;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const size_t split = input.find('\0');
    if (split == std::string_view::npos) return 0;
    Model model;
    try {
        model = deploy::readPipelineState(input.substr(0, split), input.substr(split + 1),
                                          "fuzz.ofmodel");
    } catch (const Error&) {
        return 0;
    }
    std::vector<Column> row;
    for (const ColumnSchema& column : model.lineage.source) {
        if (column.type == ColumnType::Numeric)
            row.push_back(Column::numeric(column.name, {0.0}));
        else
            row.push_back(Column::categorical(column.name, {column.categories.empty() ? -1 : 0},
                                              column.categories));
    }
    try {
        (void)model.predict(Table(std::move(row)));
    } catch (const Error&) {
    }
    return 0;
}
