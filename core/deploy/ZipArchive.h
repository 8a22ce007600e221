#pragma once

// A zip container in memory, through libzip: what a model package is on disk. Private to
// core/deploy.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oficina::core::deploy {

/// The entries, in order, as one zip file's bytes (deflated). Throws Error on a libzip failure.
std::string zipEntries(const std::vector<std::pair<std::string, std::string_view>>& entries);

/// Reads entries of a zip file held in memory. Checks the archive's consistency when opened
/// and each entry's CRC-32 as it is read; errors name `where` (the file) and say what is wrong.
class ZipReader {
public:
    ZipReader(std::string_view bytes, std::string where);
    ~ZipReader();
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;

    [[nodiscard]] bool contains(const std::string& name) const;
    /// The entry's bytes; Error when it is missing, larger than `limit` or damaged.
    [[nodiscard]] std::string read(const std::string& name, uint64_t limit) const;

private:
    struct Handle;
    Handle* m_handle;
    std::string m_where;
};

} // namespace oficina::core::deploy
