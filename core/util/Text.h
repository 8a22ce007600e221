#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace oficina::core {

/// "a, b,,c " → {"a", "b", "c"}: items trimmed of spaces, empty ones dropped.
std::vector<std::string> splitList(std::string_view text, char separator = ',');
/// {"a", "b"} → "a, b" with the given separator.
std::string joinList(const std::vector<std::string>& items, std::string_view separator = ", ");
/// A number a user typed into a parameter (" +1.5e3 " → 1500): spaces around it and a leading
/// '+' allowed, the whole text must be the number. False, with `value` unspecified, otherwise.
bool parseNumber(std::string_view text, double& value);
/// `value` with `digits` significant digits as printf's %g writes it ("0.973684", "1e-05"), a
/// NaN as `nanText`; `showSign` puts '+' before positive values, as %+g does.
std::string formatSignificant(double value, int digits = 6, std::string_view nanText = "nan",
                              bool showSign = false);
/// The current time in ISO 8601, UTC, to the second: "2026-12-07T21:30:00Z".
std::string utcTimestamp();

} // namespace oficina::core
