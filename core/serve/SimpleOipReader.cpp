// readSimpleOipRequest: the common Open Inference Protocol request read straight from the
// text into columns, the serving hot path (InferenceCodec.h).
#include "serve/InferenceCodec.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>

namespace oficina::core::serve {

namespace {

// ---- The common OIP request, read without a JSON document ------------------------------------

/// A strict reader of a subset of JSON: every value it accepts nlohmann accepts and reads the
/// same; everything else (escapes, non-ASCII text, literals where numbers belong, …) makes it
/// give up, and the caller falls back to the full parser.
class SimpleJson {
public:
    explicit SimpleJson(std::string_view text)
        : m_p(text.data()), m_end(text.data() + text.size()) {}

    void space() {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }
    /// Skips white space, then takes `c` if it comes next.
    bool take(char c) {
        space();
        if (m_p == m_end || *m_p != c) return false;
        ++m_p;
        return true;
    }
    bool next(char c) {
        space();
        return m_p < m_end && *m_p == c;
    }
    [[nodiscard]] bool atEnd() {
        space();
        return m_p == m_end;
    }
    /// A string of printable ASCII without escapes.
    bool string(std::string_view& out) {
        if (!take('"')) return false;
        const char* start = m_p;
        while (m_p < m_end && *m_p != '"') {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c < 0x20 || c > 0x7e || c == '\\') return false;
            ++m_p;
        }
        if (m_p == m_end) return false;
        out = std::string_view(start, size_t(m_p - start));
        ++m_p;
        return true;
    }
    /// A number, as Json::get<double>() gives what nlohmann reads: an integer token is held as
    /// a 64-bit integer (so "-0" is 0), a longer one or a decimal as the nearest double; a
    /// number beyond a double's range is an error there, and gives up here.
    bool number(double& out) {
        space();
        const char* start = m_p;
        if (m_p < m_end && *m_p == '-') ++m_p;
        if (m_p == m_end) return false;
        if (*m_p == '0')
            ++m_p;
        else if (isDigit(*m_p))
            digits();
        else
            return false;
        bool integer = true;
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            integer = false;
            if (m_p == m_end || !isDigit(*m_p)) return false;
            digits();
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            integer = false;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-')) ++m_p;
            if (m_p == m_end || !isDigit(*m_p)) return false;
            digits();
        }
        if (integer) {
            if (*start == '-') {
                int64_t value = 0;
                const auto [end, error] = std::from_chars(start, m_p, value);
                if (error == std::errc() && end == m_p) {
                    out = static_cast<double>(value);
                    return true;
                }
            } else {
                uint64_t value = 0;
                const auto [end, error] = std::from_chars(start, m_p, value);
                if (error == std::errc() && end == m_p) {
                    out = static_cast<double>(value);
                    return true;
                }
            }
        }
        const auto [end, error] = std::from_chars(start, m_p, out);
        return error == std::errc() && end == m_p && std::isfinite(out);
    }
    /// A non-negative integer token within int64_t.
    bool count(uint64_t& out) {
        space();
        const char* start = m_p;
        if (m_p == m_end || !isDigit(*m_p) || (*m_p == '0' && m_p + 1 < m_end && isDigit(m_p[1])))
            return false;
        digits();
        if (m_p < m_end && (*m_p == '.' || *m_p == 'e' || *m_p == 'E')) return false;
        const auto [end, error] = std::from_chars(start, m_p, out);
        return error == std::errc() && end == m_p &&
               out <= uint64_t(std::numeric_limits<int64_t>::max());
    }
    /// Any value of the subset (strings and numbers as above, true, false, null, arrays and
    /// objects nested at most `depth` deep), skipped.
    bool skip(int depth) {
        space();
        if (m_p == m_end) return false;
        std::string_view text;
        double number = 0;
        switch (*m_p) {
        case '"':
            return string(text);
        case '{':
            if (depth == 0) return false;
            ++m_p;
            if (take('}')) return true;
            do {
                if (!string(text) || !take(':') || !skip(depth - 1)) return false;
            } while (take(','));
            return take('}');
        case '[':
            if (depth == 0) return false;
            ++m_p;
            if (take(']')) return true;
            do {
                if (!skip(depth - 1)) return false;
            } while (take(','));
            return take(']');
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return this->number(number);
        }
    }

private:
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }
    void digits() {
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
    bool literal(std::string_view word) {
        if (size_t(m_end - m_p) < word.size() || std::string_view(m_p, word.size()) != word)
            return false;
        m_p += word.size();
        return true;
    }

    const char* m_p;
    const char* m_end;
};

/// The numbers of a tensor's data, flat or nested as flatten() takes them (arrays within
/// arrays at most two levels down), numbers only.
bool simpleData(SimpleJson& in, std::vector<double>& out, int depth = 0) {
    if (!in.take('[')) return false;
    if (in.take(']')) return true;
    do {
        if (in.next('[')) {
            if (depth == 2 || !simpleData(in, out, depth + 1)) return false;
        } else {
            double value = 0;
            if (!in.number(value)) return false;
            out.push_back(value);
        }
    } while (in.take(','));
    return in.take(']');
}

} // namespace

std::optional<OipRequest> readSimpleOipRequest(std::string_view body,
                                               const deploy::PackageManifest& manifest,
                                               size_t maxRows) {
    SimpleJson in(body);
    OipRequest request;
    std::vector<Column> columns;
    columns.reserve(manifest.inputs.size());
    std::vector<char> given(manifest.inputs.size(), 0); // by the manifest's order
    bool seenId = false, seenInputs = false, seenOutputs = false, seenParameters = false;
    const auto once = [](bool& seen) { return !std::exchange(seen, true); };
    size_t rows = 0;
    if (!in.take('{') || in.next('}')) return std::nullopt;
    do {
        std::string_view key;
        if (!in.string(key) || !in.take(':')) return std::nullopt;
        if (key == "id") {
            std::string_view id;
            if (!once(seenId) || !in.string(id)) return std::nullopt;
            request.id = std::string(id);
        } else if (key == "parameters") {
            if (!once(seenParameters) || !in.skip(8)) return std::nullopt;
        } else if (key == "outputs") {
            if (!once(seenOutputs) || !in.take('[')) return std::nullopt;
            if (!in.take(']')) {
                do {
                    std::string_view field, name;
                    if (!in.take('{') || !in.string(field) || field != "name" || !in.take(':') ||
                        !in.string(name) || !in.take('}'))
                        return std::nullopt;
                    if (name != kLabelOutput &&
                        !(name == kProbabilitiesOutput && hasProbabilities(manifest)))
                        return std::nullopt;
                    request.outputs.emplace_back(name);
                } while (in.take(','));
                if (!in.take(']')) return std::nullopt;
            }
        } else if (key == "inputs") {
            if (!once(seenInputs) || !in.take('[') || in.next(']')) return std::nullopt;
            do {
                std::string_view name, datatype;
                uint64_t shape[2] = {0, 0};
                size_t dimensions = 0;
                std::vector<double> data;
                bool seenName = false, seenType = false, seenShape = false, seenData = false;
                if (!in.take('{')) return std::nullopt;
                do {
                    std::string_view field;
                    if (!in.string(field) || !in.take(':')) return std::nullopt;
                    if (field == "name") {
                        if (!once(seenName) || !in.string(name)) return std::nullopt;
                    } else if (field == "datatype") {
                        if (!once(seenType) || !in.string(datatype)) return std::nullopt;
                    } else if (field == "shape") {
                        if (!once(seenShape) || !in.take('[')) return std::nullopt;
                        do {
                            if (dimensions == 2 || !in.count(shape[dimensions++]))
                                return std::nullopt;
                        } while (in.take(','));
                        if (!in.take(']')) return std::nullopt;
                    } else if (field == "data") {
                        if (!once(seenData) || !simpleData(in, data)) return std::nullopt;
                    } else {
                        return std::nullopt;
                    }
                } while (in.take(','));
                if (!in.take('}') || !seenName || !seenType || !seenShape || !seenData)
                    return std::nullopt;
                // What parseOipRequest accepts from a numeric input, and nothing else. Inputs
                // usually come in the manifest's order: that one is tried first.
                size_t at = columns.size();
                if (at >= manifest.inputs.size() || manifest.inputs[at].name != name)
                    at = size_t(std::find_if(manifest.inputs.begin(), manifest.inputs.end(),
                                             [&](const auto& i) { return i.name == name; }) -
                                manifest.inputs.begin());
                if (at == manifest.inputs.size() || given[at] ||
                    manifest.inputs[at].type != ColumnType::Numeric || !isNumericDatatype(datatype))
                    return std::nullopt;
                given[at] = 1;
                if (!(dimensions == 1 || (dimensions == 2 && shape[1] == 1)) || shape[0] == 0 ||
                    shape[0] > maxRows || shape[0] != data.size() ||
                    (!columns.empty() && data.size() != rows))
                    return std::nullopt;
                rows = data.size();
                columns.push_back(Column::numeric(std::string(name), std::move(data)));
            } while (in.take(','));
            if (!in.take(']')) return std::nullopt;
        } else {
            return std::nullopt;
        }
    } while (in.take(','));
    if (!in.take('}') || !in.atEnd() || !seenInputs || columns.size() != manifest.inputs.size())
        return std::nullopt;
    request.table = Table(std::move(columns));
    return request;
}

} // namespace oficina::core::serve
