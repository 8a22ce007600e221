#pragma once

#include <string>
#include <vector>

namespace oficina::core {

/// A dataset shipped with Oficina (resources/datasets, installed to share/oficina/datasets).
struct SampleDataset {
    std::string key;          ///< stable: "iris"
    const char* title;        ///< English, OFICINA_TR_NOOP
    const char* description;  ///< English, OFICINA_TR_NOOP: task, size, what the target is
    const char* citation;     ///< source and licence, shown in the About box and the data panel
    std::string fileName;     ///< "iris.csv"
    std::string target;       ///< column marked as target when loaded
};

const std::vector<SampleDataset>& sampleDatasets();
const SampleDataset* findSampleDataset(const std::string& key);

/// Oficina's shared data folder: $OFICINA_SHARE_DIR if set, else share/oficina beside the
/// running executable's bin/ folder (the build tree mirrors the install tree). Empty if none.
std::string findShareDirectory();

} // namespace oficina::core
