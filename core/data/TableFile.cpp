#include "data/TableFile.h"

#include "data/ArffReader.h"

#include <algorithm>
#include <filesystem>

namespace oficina::core {

ReadResult readTableFile(const std::string& path, const CsvOptions& options) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (extension == ".arff") {
        ArffResult arff = readArff(path, options.stop);
        return {std::move(arff.table), std::move(arff.warnings)};
    }
    return readCsv(path, options);
}

} // namespace oficina::core
