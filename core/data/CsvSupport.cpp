#include "data/CsvDetail.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <optional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

size_t findInvalidUtf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const size_t size = text.size();
    size_t i = 0;
    while (i < size) {
        if (i + 8 <= size) { // skip ASCII eight bytes at a time
            uint64_t word;
            std::memcpy(&word, bytes + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char lead = bytes[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        size_t length = 0;
        unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) low = 0xA0;  // overlong
            if (lead == 0xED) high = 0x9F; // surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) low = 0x90;  // overlong
            if (lead == 0xF4) high = 0x8F; // above U+10FFFF
        } else {
            return i;
        }
        if (i + length > size) return i;
        if (bytes[i + 1] < low || bytes[i + 1] > high) return i;
        for (size_t k = 2; k < length; ++k)
            if ((bytes[i + k] & 0xC0) != 0x80) return i;
        i += length;
    }
    return std::string_view::npos;
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
    constexpr size_t kLimit = 40;
    std::string text = encoding == TextEncoding::Latin1 ? latin1ToUtf8(raw) : std::string(raw);
    const size_t invalid = findInvalidUtf8(text);
    if (invalid != std::string_view::npos) text.resize(invalid);
    if (text.size() > kLimit) {
        size_t cut = kLimit;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            --cut;
        text.resize(cut);
        text += "…";
    }
    return text;
}

size_t characterCount(std::string_view text, TextEncoding encoding) {
    if (encoding == TextEncoding::Latin1) return text.size();
    return size_t(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// ---- CsvFile --------------------------------------------------------------------------------

CsvFile::CsvFile(const std::string& path) : m_path(path) {
    m_descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (m_descriptor < 0)
        throw Error(Message(OFICINA_TR_NOOP("cannot open the file (%1)"), {std::strerror(errno)}),
                    fileLocation(path, 1, 1));
    struct stat info {};
    if (::fstat(m_descriptor, &info) != 0 || !S_ISREG(info.st_mode)) {
        const int code = S_ISDIR(info.st_mode) ? EISDIR : errno;
        ::close(m_descriptor);
        throw Error(Message(OFICINA_TR_NOOP("cannot read the file (%1)"), {std::strerror(code)}),
                    fileLocation(path, 1, 1));
    }
    m_size = uint64_t(info.st_size);
}

CsvFile::~CsvFile() {
    if (m_descriptor >= 0) ::close(m_descriptor);
}

size_t CsvFile::readAt(uint64_t offset, char* buffer, size_t count) const {
    size_t done = 0;
    while (done < count) {
        const ssize_t got =
            ::pread(m_descriptor, buffer + done, count - done, off_t(offset + done));
        if (got == 0) break;
        if (got < 0) {
            if (errno == EINTR) continue;
            throw Error(
                Message(OFICINA_TR_NOOP("cannot read the file (%1)"), {std::strerror(errno)}),
                fileLocation(m_path, 1, 1));
        }
        done += size_t(got);
    }
    return done;
}

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
    return fileLocation(m_path, line, characters + 1);
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
