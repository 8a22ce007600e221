#include "data/CsvDetail.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>

namespace oficina::core::csv {

std::string_view trimSpaces(std::string_view text) {
    size_t begin = 0, end = text.size();
    while (begin < end && isSpace(text[begin]))
        ++begin;
    while (end > begin && isSpace(text[end - 1]))
        --end;
    return text.substr(begin, end - begin);
}

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool parseWhole(const char* begin, const char* end, char decimal, double& value) {
    const fast_float::parse_options options{fast_float::chars_format::general, decimal};
    const auto result = fast_float::from_chars_advanced(begin, end, value, options);
    // Out of range still gives ±inf or 0, as strtod and pandas do.
    return result.ptr == end &&
           (result.ec == std::errc() || result.ec == std::errc::result_out_of_range);
}

// "1.234.567,89": with a decimal comma, '.' may only separate 3-digit groups of the integer
// part; anything else is not a number (the column becomes categorical).
bool parseGroupedNumber(const char* begin, const char* end, char decimal, double& value) {
    if (decimal != ',') return false;
    char digits[128];
    size_t length = 0;
    const char* p = begin;
    if (p != end && *p == '-') digits[length++] = *p++;
    const char* groupStart = p;
    while (p != end && isDigit(*p))
        ++p;
    const size_t leading = size_t(p - groupStart);
    if (leading == 0 || leading > 3 || p == end || *p != '.') return false;
    if (size_t(end - begin) >= sizeof digits) return false;
    std::memcpy(digits + length, groupStart, leading);
    length += leading;
    while (p != end && *p == '.') {
        ++p;
        if (end - p < 3 || !isDigit(p[0]) || !isDigit(p[1]) || !isDigit(p[2])) return false;
        std::memcpy(digits + length, p, 3);
        length += 3;
        p += 3;
    }
    if (p != end && isDigit(*p)) return false; // a 4-digit group
    std::memcpy(digits + length, p, size_t(end - p));
    length += size_t(end - p);
    return parseWhole(digits, digits + length, decimal, value);
}

} // namespace

bool parseNumber(std::string_view token, char decimal, double& value) {
    token = trimSpaces(token);
    if (token.empty()) return false;
    const char* begin = token.data();
    const char* end = begin + token.size();
    if (*begin == '+') {
        ++begin;
        if (begin == end || *begin == '-' || *begin == '+') return false;
    }
    return parseWhole(begin, end, decimal, value) || parseGroupedNumber(begin, end, decimal, value);
}

namespace {

// Latin-1 bytes of a UTF-8 token, or nothing if it has a character above U+00FF.
std::optional<std::string> utf8ToLatin1(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            out += char(byte);
        } else if ((byte == 0xC2 || byte == 0xC3) && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[++i]);
            out += char(((byte & 0x03) << 6) | (next & 0x3F));
        } else {
            return std::nullopt;
        }
    }
    return out;
}

} // namespace

MissingTokens::MissingTokens(const std::vector<std::string>& tokens, TextEncoding encoding) {
    for (const auto& given : tokens) {
        std::string token(trimSpaces(given));
        if (encoding == TextEncoding::Latin1) {
            auto converted = utf8ToLatin1(token);
            if (!converted) continue; // cannot occur in a Latin-1 file
            token = std::move(*converted);
        }
        if (token.empty()) continue;
        m_firstBytes[static_cast<unsigned char>(token[0])] = true;
        m_maxLength = std::max(m_maxLength, token.size());
        // "NaN" reads as missing anyway; only tokens like "-999" need a check after parsing.
        double value;
        for (const char decimal : {'.', ','})
            if (parseNumber(token, decimal, value) && !std::isnan(value)) m_includesNumbers = true;
        m_tokens.push_back(std::move(token));
    }
}

std::string latin1ToUtf8(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80) {
            out += c;
        } else {
            out += char(0xC0 | (byte >> 6));
            out += char(0x80 | (byte & 0x3F));
        }
    }
    return out;
}

std::string displayToken(std::string_view raw, TextEncoding encoding) {
    return encoding == TextEncoding::Latin1 ? printableText(latin1ToUtf8(raw)) : printableText(raw);
}

size_t characterCount(std::string_view text, TextEncoding encoding) {
    if (encoding == TextEncoding::Latin1) return text.size();
    return size_t(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// ---- CsvFile --------------------------------------------------------------------------------

std::string CsvFile::locate(uint64_t line, uint64_t lineStart, uint64_t offset,
                            TextEncoding encoding) const {
    // Counted piecewise: a character's continuation bytes never start one, so chunk edges
    // inside a character do not matter.
    std::vector<char> buffer(std::min<uint64_t>(offset - lineStart, 64 * 1024));
    size_t characters = 0;
    for (uint64_t at = lineStart; at < offset;) {
        const size_t want = size_t(std::min<uint64_t>(buffer.size(), offset - at));
        const size_t got = readAt(at, buffer.data(), want);
        if (got == 0) break;
        characters += characterCount({buffer.data(), got}, encoding);
        at += got;
    }
    return fileLocation(path(), line, characters + 1);
}

// ---- ReadMonitor ----------------------------------------------------------------------------

ReadMonitor::ReadMonitor(const CsvOptions& options)
    : m_stop(options.stop), m_callback(options.progress) {}

void ReadMonitor::beginPhase(double from, double to, uint64_t totalBytes) {
    m_from = std::max(from, m_reached);
    m_to = std::max(to, m_from);
    m_total = std::max<uint64_t>(totalBytes, 1);
    m_done = 0;
}

void ReadMonitor::advance(uint64_t bytes) {
    const uint64_t done = m_done.fetch_add(bytes, std::memory_order_relaxed) + bytes;
    if (!m_callback) return;
    std::unique_lock lock(m_mutex, std::try_to_lock);
    if (!lock.owns_lock()) return; // another thread is reporting right now
    const auto now = std::chrono::steady_clock::now();
    if (now - m_lastCall < std::chrono::milliseconds(50)) return;
    const double fraction =
        m_from + (m_to - m_from) * std::min(1.0, double(done) / double(m_total));
    if (fraction <= m_reached) return;
    m_lastCall = now;
    m_reached = fraction;
    m_callback(fraction);
}

void ReadMonitor::finish() {
    m_reached = 1.0;
    if (m_callback) m_callback(1.0);
}

void ReadMonitor::jobFailed(size_t job) {
    size_t current = m_firstFailedJob.load();
    while (job < current && !m_firstFailedJob.compare_exchange_weak(current, job)) {
    }
}

} // namespace oficina::core::csv
