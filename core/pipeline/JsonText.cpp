#include "pipeline/JsonText.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace oficina::core {

using Json = nlohmann::ordered_json;

namespace {

std::string lineColumnAt(std::string_view text, size_t byte) {
    size_t line = 1, column = 1;
    for (size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

/// The byte at which the text first opens more than `limit` nested arrays or objects. Called
/// only after the parser stopped there, so the text before it is valid JSON.
size_t depthExceededAt(std::string_view text, size_t limit) {
    size_t depth = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return text.size();
}

/// nlohmann's DOM builder, refusing nesting beyond kMaxJsonDepth and more than `values` values,
/// and keeping where a parse error happened (the exceptions it would throw carry no position
/// for a number overflow).
template <class JsonT> class LimitedSax {
public:
    explicit LimitedSax(JsonT& root, size_t values = SIZE_MAX) : m_dom(root, false), m_left(values) {}

    bool null() { return take() && m_dom.null(); }
    bool boolean(bool v) { return take() && m_dom.boolean(v); }
    bool number_integer(typename JsonT::number_integer_t v) {
        return take() && m_dom.number_integer(v);
    }
    bool number_unsigned(typename JsonT::number_unsigned_t v) {
        return take() && m_dom.number_unsigned(v);
    }
    bool number_float(typename JsonT::number_float_t v, const typename JsonT::string_t& s) {
        return take() && m_dom.number_float(v, s);
    }
    bool string(typename JsonT::string_t& v) { return take() && m_dom.string(v); }
    bool binary(typename JsonT::binary_t& v) { return take() && m_dom.binary(v); }
    bool start_object(size_t n) { return deeper() && m_dom.start_object(n); }
    bool key(typename JsonT::string_t& v) { return m_dom.key(v); }
    bool end_object() {
        --m_depth;
        return m_dom.end_object();
    }
    bool start_array(size_t n) { return deeper() && m_dom.start_array(n); }
    bool end_array() {
        --m_depth;
        return m_dom.end_array();
    }
    template <class Exception>
    bool parse_error(size_t byte, const std::string& token, const Exception& e) {
        m_error = {byte, token, e.id};
        return false;
    }

    struct Failure {
        size_t byte;
        std::string token;
        int id;
    };
    [[nodiscard]] const std::optional<Failure>& error() const { return m_error; }
    [[nodiscard]] bool tooDeep() const { return m_tooDeep; }

private:
    bool take() {
        if (m_left == 0) return false;
        --m_left;
        return true;
    }
    bool deeper() {
        if (!take()) return false;
        if (++m_depth <= kMaxJsonDepth) return true;
        m_tooDeep = true;
        return false;
    }

    nlohmann::detail::json_sax_dom_parser<JsonT> m_dom;
    size_t m_left;
    size_t m_depth = 0;
    bool m_tooDeep = false;
    std::optional<Failure> m_error;
};

std::string cut(std::string text, size_t limit) {
    if (text.size() <= limit) return text;
    size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    text.resize(end);
    return text + "…";
}

constexpr int kNumberOverflow = 406; // nlohmann's out_of_range id for "number overflow"

} // namespace

Json parseJsonText(std::string_view text, const std::string& where) {
    Json root;
    LimitedSax<Json> sax(root);
    if (Json::sax_parse(text.begin(), text.end(), &sax)) return root;
    if (sax.tooDeep())
        throw Error(Message(OFICINA_TR_NOOP("values are nested more than %1 levels deep"),
                            {std::to_string(kMaxJsonDepth)}),
                    where + ":" + lineColumnAt(text, depthExceededAt(text, kMaxJsonDepth)));
    const auto& error = sax.error();
    const size_t byte = error ? error->byte : text.size();
    if (error && error->id == kNumberOverflow) {
        // The position is just past the number; point at its first character.
        const size_t start = byte >= error->token.size() ? byte - error->token.size() : 0;
        throw Error(Message(OFICINA_TR_NOOP("the number %1 is beyond the range Oficina can hold "
                                            "(about ±1.8e308)"),
                            {textExcerpt(error->token)}),
                    where + ":" + lineColumnAt(text, start));
    }
    throw Error(Message(OFICINA_TR_NOOP("not valid JSON")),
                where + ":" + lineColumnAt(text, byte > 0 ? byte - 1 : 0));
}

std::optional<nlohmann::json> parseUbjson(std::span<const char> bytes) {
    nlohmann::json root;
    LimitedSax<nlohmann::json> sax(root, bytes.size());
    try {
        if (nlohmann::json::sax_parse(bytes.begin(), bytes.end(), &sax,
                                      nlohmann::json::input_format_t::ubjson))
            return root;
    } catch (const nlohmann::json::exception&) {
        // a container declared longer than memory could hold
    }
    return std::nullopt;
}

std::string textExcerpt(std::string_view text, size_t limit) {
    return cut(std::string(text.substr(0, limit + 4)), limit);
}

std::string jsonExcerpt(const Json& value, size_t limit) {
    return cut(value.dump(-1, ' ', false, Json::error_handler_t::replace), limit);
}

std::string jsonExcerpt(const nlohmann::json& value, size_t limit) {
    return cut(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), limit);
}

} // namespace oficina::core
