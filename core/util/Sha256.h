#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace oficina::core {

/// SHA-256 (OpenSSL's libcrypto) fed piece by piece: content hashes for model cards, training
/// data fingerprints and stored artifacts. Not thread-safe; one per hash.
///
/// Example:
///     Sha256 hash;
///     hash.add("abc");
///     const std::string hex = hash.hex();  // "ba7816bf…"
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void add(const void* data, size_t size);
    void add(std::string_view text) { add(text.data(), text.size()); }
    /// The digest as 64 lower-case hex digits; ends the hash (add nothing after it).
    [[nodiscard]] std::string hex();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

/// The SHA-256 of `bytes` as 64 lower-case hex digits.
std::string sha256Hex(std::string_view bytes);

} // namespace oficina::core
