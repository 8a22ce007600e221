// libFuzzer harness: the ARFF reader (core/data/ArffReader). Any input may be refused with an
// Error; anything else escaping, a crash, a hang or a sanitizer report is a bug.
#include "FuzzInput.h"

#include "data/ArffReader.h"
#include "util/Error.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static fuzz::InputFile file;
    const std::string& path = file.write({reinterpret_cast<const char*>(data), size});
    try {
        const oficina::core::ArffResult result = oficina::core::readArff(path);
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
