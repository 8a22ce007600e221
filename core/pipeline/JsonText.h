#pragma once

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace oficina::core {

/// Deeper nesting than any Oficina file needs (a pipeline nests five levels); a value nested
/// deeper is refused while parsing, since copying or printing it recurses once per level and a
/// few million levels would overflow the stack.
inline constexpr size_t kMaxJsonDepth = 100;

/// Parses the JSON text of an Oficina file. Throws Error at "where:line:column" for malformed
/// JSON, a number beyond the range of a double (`1e400`) and nesting deeper than kMaxJsonDepth,
/// each with its own message. Thread-safe.
nlohmann::ordered_json parseJsonText(std::string_view text, const std::string& where);

/// Parses UBJSON (XGBoost's binary model format) under the same depth limit and at most one
/// value per input byte (a typed array of nulls would make billions of values out of a few
/// bytes). Nothing when the bytes are not well-formed UBJSON.
std::optional<nlohmann::json> parseUbjson(std::span<const char> bytes);

/// A value as JSON text for a message, cut to about `limit` bytes (at a UTF-8 boundary, "…"
/// added) so a huge value in a hand-edited file does not flood the message.
std::string jsonExcerpt(const nlohmann::ordered_json& value, size_t limit = 60);
/// The same for a value of the unordered type (parameters read it).
std::string jsonExcerpt(const nlohmann::json& value, size_t limit = 60);
/// Text cut the same way.
std::string textExcerpt(std::string_view text, size_t limit = 60);

} // namespace oficina::core
