#include "util/Text.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <chrono>
#include <ctime>

namespace oficina::core {

std::vector<std::string> splitList(std::string_view text, char separator) {
    std::vector<std::string> items;
    while (!text.empty()) {
        const size_t end = std::min(text.find(separator), text.size());
        std::string_view item = text.substr(0, end);
        const size_t first = item.find_first_not_of(' ');
        if (first != std::string_view::npos)
            items.emplace_back(item.substr(first, item.find_last_not_of(' ') - first + 1));
        text.remove_prefix(std::min(end + 1, text.size()));
    }
    return items;
}

std::string joinList(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

bool parseNumber(std::string_view text, double& value) {
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    while (begin < end && *begin == ' ') ++begin;
    while (end > begin && end[-1] == ' ') --end;
    if (begin < end && *begin == '+') ++begin;
    const auto result = std::from_chars(begin, end, value);
    return begin < end && result.ec == std::errc() && result.ptr == end;
}

std::string formatSignificant(double value, int digits, std::string_view nanText,
                              bool showSign) {
    if (std::isnan(value)) return std::string(nanText);
    char text[64];
    std::snprintf(text, sizeof text, showSign ? "%+.*g" : "%.*g", digits, value);
    return text;
}

std::string utcTimestamp() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

} // namespace oficina::core
