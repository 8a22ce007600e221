#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace oficina::core {

/// "a, b,,c " → {"a", "b", "c"}: items trimmed of spaces, empty ones dropped.
std::vector<std::string> splitList(std::string_view text, char separator = ',');
/// {"a", "b"} → "a, b" with the given separator.
std::string joinList(const std::vector<std::string>& items, std::string_view separator = ", ");

} // namespace oficina::core
