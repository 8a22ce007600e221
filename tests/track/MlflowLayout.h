#pragma once

// Reading an MLflow file-store folder in the tests as MLflow's Python reads it: YAML scalars
// typed as PyYAML's SafeLoader types them (YAML 1.1), files as bytes. Header-only, test-only.

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace oficina::tests {

/// The Python type PyYAML's safe_load gives a node: "str", "int", "float", "bool", "NoneType",
/// "dict", "list" (and "timestamp"). Quoted scalars are strings; plain ones go through YAML
/// 1.1's implicit resolvers as PyYAML lists them.
inline std::string pyType(const YAML::Node& node) {
    if (!node.IsDefined() || node.IsNull()) return "NoneType";
    if (node.IsMap()) return "dict";
    if (node.IsSequence()) return "list";
    if (node.Tag() == "!") return "str"; // yaml-cpp's tag for a quoted (non-plain) scalar
    const std::string& s = node.Scalar();
    static const std::regex boolean("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|"
                                    "on|On|ON|off|Off|OFF");
    static const std::regex integer("[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|"
                                    "[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    static const std::regex real("[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|"
                                 "\\.[0-9_]+(?:[eE][-+][0-9]+)?|"
                                 "[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|"
                                 "[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    static const std::regex none("~|null|Null|NULL|");
    static const std::regex timestamp("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*");
    if (std::regex_match(s, none)) return "NoneType";
    if (std::regex_match(s, boolean)) return "bool";
    if (std::regex_match(s, integer)) return "int";
    if (std::regex_match(s, real)) return "float";
    if (std::regex_match(s, timestamp)) return "timestamp";
    return "str";
}

inline std::string readBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

inline YAML::Node readYaml(const std::filesystem::path& path) {
    return YAML::LoadFile(path.string());
}

/// A map's keys, each with its Python type: {"name": "str", "creation_time": "int"…}.
inline std::map<std::string, std::string> fieldTypes(const YAML::Node& map) {
    std::map<std::string, std::string> types;
    for (const auto& item : map)
        types[item.first.Scalar()] = pyType(item.second);
    return types;
}

/// The names in a folder (files and folders).
inline std::set<std::string> entries(const std::filesystem::path& folder) {
    std::set<std::string> names;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error))
        names.insert(entry.path().filename().string());
    return names;
}

/// Every file under `root`, relative path → bytes.
inline std::map<std::string, std::string> tree(const std::filesystem::path& root) {
    std::map<std::string, std::string> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root))
        if (entry.is_regular_file())
            files[std::filesystem::relative(entry.path(), root).string()] = readBytes(entry.path());
    return files;
}

} // namespace oficina::tests
