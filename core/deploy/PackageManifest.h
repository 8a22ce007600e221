#pragma once

// The manifest of a model package as JSON, and the table-valued entries (the reservoir sample).
// Private to core/deploy.

#include "deploy/ModelPackage.h"
#include "deploy/StateArchive.h"

#include <string>

namespace oficina::core::deploy {

/// One entry's checksum as the manifest lists it.
struct EntryDigest {
    std::string name;
    uint64_t bytes = 0;
    std::string sha256;
};

StateJson manifestJson(const PackageManifest& manifest, const std::vector<EntryDigest>& entries);
/// Checks the format and its version first (a newer package is refused with a message that
/// says so), then reads the rest. `entries` receives the checksums the manifest lists.
PackageManifest readManifest(const StateJson& json, const StateReader& reader,
                             std::vector<EntryDigest>& entries);

/// A table's columns as state: {"rows", "columns": [{"name", "type", "values" | "categories",
/// "codes"}]}, the numbers bit-exact.
StateJson tableJson(const Table& table, StateWriter& writer);
Table readTable(const StateJson& json, const std::string& path, const StateReader& reader);

} // namespace oficina::core::deploy
