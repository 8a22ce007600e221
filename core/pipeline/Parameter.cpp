#include "pipeline/Parameter.h"

#include "data/Column.h"
#include "nn/LayerSpec.h"
#include "pipeline/JsonText.h"
#include "util/Error.h"
#include "util/Text.h"
#include "util/Tr.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace oficina::core {

const char* toString(ParamKind kind) {
    switch (kind) {
    case ParamKind::Int: return "int";
    case ParamKind::Double: return "double";
    case ParamKind::Bool: return "bool";
    case ParamKind::Choice: return "choice";
    case ParamKind::Column: return "column";
    case ParamKind::Columns: return "columns";
    case ParamKind::Text: return "text";
    case ParamKind::File: return "file";
    case ParamKind::Layers: return "layers";
    }
    return "text";
}

namespace {

Parameter make(std::string key, const char* label, ParamKind kind, Value defaultValue) {
    Parameter p;
    p.key = std::move(key);
    p.label = label;
    p.kind = kind;
    p.defaultValue = std::move(defaultValue);
    return p;
}

} // namespace

Parameter Parameter::integer(std::string key, const char* label, int64_t defaultValue) {
    return make(std::move(key), label, ParamKind::Int, defaultValue);
}
Parameter Parameter::real(std::string key, const char* label, double defaultValue) {
    return make(std::move(key), label, ParamKind::Double, defaultValue);
}
Parameter Parameter::boolean(std::string key, const char* label, bool defaultValue) {
    return make(std::move(key), label, ParamKind::Bool, defaultValue);
}
Parameter Parameter::choice(std::string key, const char* label, std::vector<ChoiceOption> choices,
                            std::string defaultKey) {
    Parameter p = make(std::move(key), label, ParamKind::Choice, std::move(defaultKey));
    p.choices = std::move(choices);
    return p;
}
Parameter Parameter::column(std::string key, const char* label) {
    return make(std::move(key), label, ParamKind::Column, std::string());
}
Parameter Parameter::columns(std::string key, const char* label) {
    Parameter p = make(std::move(key), label, ParamKind::Columns, std::vector<std::string>());
    p.allowEmpty = true;
    return p;
}
Parameter Parameter::text(std::string key, const char* label, std::string defaultValue) {
    Parameter p = make(std::move(key), label, ParamKind::Text, std::move(defaultValue));
    p.allowEmpty = true;
    return p;
}
Parameter Parameter::file(std::string key, const char* label, const char* filter) {
    Parameter p = make(std::move(key), label, ParamKind::File, std::string());
    p.fileFilter = filter;
    return p;
}
Parameter Parameter::outputFile(std::string key, const char* label, const char* filter) {
    Parameter p = file(std::move(key), label, filter);
    p.writesFile = true;
    return p;
}

Parameter Parameter::layers(std::string key, const char* label,
                            std::vector<std::string> defaultLayers) {
    return make(std::move(key), label, ParamKind::Layers, std::move(defaultLayers));
}

Parameter Parameter::range(double lo, double hi) const {
    Parameter p = *this;
    p.min = lo;
    p.max = hi;
    return p;
}
Parameter Parameter::withHelp(const char* text) const {
    Parameter p = *this;
    p.help = text;
    return p;
}
Parameter Parameter::meaningWhenEmpty(const char* text) const {
    Parameter p = *this;
    p.whenEmpty = text;
    return p;
}
Parameter Parameter::excluding(std::string key) const {
    Parameter p = *this;
    p.excludes = std::move(key);
    return p;
}
Parameter Parameter::optional() const {
    Parameter p = *this;
    p.allowEmpty = true;
    return p;
}
Parameter Parameter::fromInput(std::string port) const {
    Parameter p = *this;
    p.columnsFrom = std::move(port);
    return p;
}

Parameter Parameter::withShapeFrom(std::string key) const {
    Parameter p = *this;
    p.shapeFrom = std::move(key);
    return p;
}

Parameter Parameter::seed(const char* help) {
    return integer("seed", OFICINA_TR_NOOP("Seed"), 0).range(0, 4294967295.0).withHelp(help);
}

Parameter Parameter::formerly(std::string key) const {
    Parameter p = *this;
    p.formerKeys.push_back(std::move(key));
    return p;
}

namespace {

Message outOfRangeMessage(const Parameter& p, const std::string& value) {
    // A whole number without a bound of its own is bounded by int64, said exactly.
    const auto bound = [&](const std::optional<double>& b, int64_t wholeLimit, double limit) {
        if (b) return formatNumber(*b);
        return p.kind == ParamKind::Int ? std::to_string(wholeLimit) : formatNumber(limit);
    };
    return Message(OFICINA_TR_NOOP("%1 must be between %2 and %3, not %4"),
                   {p.key, bound(p.min, std::numeric_limits<int64_t>::min(), -INFINITY),
                    bound(p.max, std::numeric_limits<int64_t>::max(), INFINITY), value});
}

} // namespace

std::optional<Message> Parameter::rejects(const Value& value) const {
    const auto outOfRange = [&](double v) -> std::optional<Message> {
        if ((min && v < *min) || (max && v > *max))
            return outOfRangeMessage(*this, formatNumber(v));
        return std::nullopt;
    };
    switch (kind) {
    case ParamKind::Int: {
        if (!std::holds_alternative<int64_t>(value))
            return Message(OFICINA_TR_NOOP("%1 must be a whole number"), {key});
        // Compared exactly: a double cannot hold every int64 (2^53 + 1 would round into range),
        // a long double can.
        const int64_t v = std::get<int64_t>(value);
        const auto exact = static_cast<long double>(v);
        if ((min && exact < static_cast<long double>(*min)) ||
            (max && exact > static_cast<long double>(*max)))
            return outOfRangeMessage(*this, std::to_string(v));
        return std::nullopt;
    }
    case ParamKind::Double: {
        if (!std::holds_alternative<double>(value))
            return Message(OFICINA_TR_NOOP("%1 must be a number"), {key});
        const double v = std::get<double>(value);
        if (!std::isfinite(v)) return Message(OFICINA_TR_NOOP("%1 must be a finite number"), {key});
        return outOfRange(v);
    }
    case ParamKind::Bool:
        if (!std::holds_alternative<bool>(value))
            return Message(OFICINA_TR_NOOP("%1 must be true or false"), {key});
        return std::nullopt;
    case ParamKind::Choice: {
        const auto* s = std::get_if<std::string>(&value);
        const bool known = s && std::any_of(choices.begin(), choices.end(),
                                            [&](const ChoiceOption& c) { return c.key == *s; });
        if (known) return std::nullopt;
        std::vector<std::string> keys;
        for (const auto& c : choices) keys.push_back(c.key);
        return Message(OFICINA_TR_NOOP("%1 must be one of: %2"), {key, joinList(keys, ",")});
    }
    case ParamKind::Columns:
        if (!std::holds_alternative<std::vector<std::string>>(value))
            return Message(OFICINA_TR_NOOP("%1 must be a list of column names"), {key});
        if (!allowEmpty && std::get<std::vector<std::string>>(value).empty())
            return Message(OFICINA_TR_NOOP("%1 needs at least one column"), {key});
        return std::nullopt;
    case ParamKind::Layers: {
        const auto* layers = std::get_if<std::vector<std::string>>(&value);
        if (!layers) return Message(OFICINA_TR_NOOP("%1 must be a list of layers"), {key});
        for (size_t i = 0; i < layers->size(); ++i) try {
                (void)nn::parseLayer((*layers)[i]);
            } catch (const Error& e) {
                return Message(OFICINA_TR_NOOP("%1, layer %2: %3"),
                               {key, std::to_string(i + 1), e.message().english()});
            }
        return std::nullopt;
    }
    case ParamKind::Column:
    case ParamKind::Text:
    case ParamKind::File:
        if (!std::holds_alternative<std::string>(value))
            return Message(OFICINA_TR_NOOP("%1 must be text"), {key});
        if (!allowEmpty && std::get<std::string>(value).empty())
            return Message(OFICINA_TR_NOOP("%1 is required"), {key});
        return std::nullopt;
    }
    return std::nullopt;
}

bool Parameter::isUnset(const Value& value) const {
    if (const auto* text = std::get_if<std::string>(&value))
        return text->empty() &&
               (kind == ParamKind::Column || kind == ParamKind::Text || kind == ParamKind::File);
    if (const auto* list = std::get_if<std::vector<std::string>>(&value))
        return list->empty() && kind == ParamKind::Columns;
    return false;
}

Value Parameter::parse(const std::string& text) const {
    const auto bad = [&](const char* expected) {
        return Error(Message(OFICINA_TR_NOOP("'%1' is not a valid value for %2: expected %3"),
                             {text, key, expected}));
    };
    switch (kind) {
    case ParamKind::Int: {
        int64_t v = 0;
        const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
        if (r.ec == std::errc::result_out_of_range && r.ptr == text.data() + text.size())
            throw Error(outOfRangeMessage(*this, text));
        if (r.ec != std::errc() || r.ptr != text.data() + text.size())
            throw bad(OFICINA_TR_NOOP("a whole number"));
        return v;
    }
    case ParamKind::Double: {
        double v = 0;
        const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
        if (r.ec != std::errc() || r.ptr != text.data() + text.size())
            throw bad(OFICINA_TR_NOOP("a number"));
        return v;
    }
    case ParamKind::Bool:
        if (text == "true" || text == "1" || text == "yes") return true;
        if (text == "false" || text == "0" || text == "no") return false;
        throw bad(OFICINA_TR_NOOP("true or false"));
    case ParamKind::Columns: return splitList(text);
    case ParamKind::Layers: {
        auto layers = nn::splitLayerList(text);
        for (const auto& layer : layers) (void)nn::parseLayer(layer);
        return layers;
    }
    default: return text;
    }
}

Value Parameter::fromJson(const nlohmann::json& json) const {
    const auto bad = [&](const char* expected) {
        return Error(Message(OFICINA_TR_NOOP("parameter '%1' is %2; expected %3"),
                             {key, jsonExcerpt(json), expected}));
    };
    switch (kind) {
    case ParamKind::Int:
        if (!json.is_number_integer()) throw bad(OFICINA_TR_NOOP("a whole number"));
        // get<int64_t>() would wrap 18446744073709551615 to -1: beyond int64 is out of range,
        // said with the number as written.
        if (json.is_number_unsigned() &&
            json.get<uint64_t>() > uint64_t(std::numeric_limits<int64_t>::max()))
            throw Error(outOfRangeMessage(*this, json.dump()));
        return json.get<int64_t>();
    case ParamKind::Double:
        if (!json.is_number()) throw bad(OFICINA_TR_NOOP("a number"));
        return json.get<double>();
    case ParamKind::Bool:
        if (!json.is_boolean()) throw bad(OFICINA_TR_NOOP("true or false"));
        return json.get<bool>();
    case ParamKind::Layers: {
        if (!json.is_array()) throw bad(OFICINA_TR_NOOP("a list of layers"));
        std::vector<std::string> layers;
        for (const auto& item : json) {
            if (!item.is_string()) throw bad(OFICINA_TR_NOOP("a list of layers"));
            layers.push_back(item.get<std::string>());
        }
        return layers;
    }
    case ParamKind::Columns: {
        if (!json.is_array()) throw bad(OFICINA_TR_NOOP("a list of column names"));
        std::vector<std::string> names;
        for (const auto& item : json) {
            if (!item.is_string()) throw bad(OFICINA_TR_NOOP("a list of column names"));
            names.push_back(item.get<std::string>());
        }
        return names;
    }
    default:
        if (!json.is_string()) throw bad(OFICINA_TR_NOOP("text"));
        return json.get<std::string>();
    }
}

nlohmann::json Parameter::toJson(const Value& value) const {
    return std::visit([](const auto& v) { return nlohmann::json(v); }, value);
}

std::string Parameter::display(const Value& value) const {
    const char* separator = kind == ParamKind::Layers ? "; " : ",";
    return std::visit(
        [separator](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>) return v ? "true" : "false";
            else if constexpr (std::is_same_v<T, int64_t>) return std::to_string(v);
            else if constexpr (std::is_same_v<T, double>) return formatNumber(v);
            else if constexpr (std::is_same_v<T, std::string>) return v;
            else return joinList(v, separator);
        },
        value);
}

const Value& ParamValues::at(const std::string& key) const {
    const auto it = m_values.find(key);
    if (it == m_values.end())
        throw Error(Message(OFICINA_TR_NOOP("parameter '%1' is not set"), {key}));
    return it->second;
}
int64_t ParamValues::integer(const std::string& key) const { return std::get<int64_t>(at(key)); }
double ParamValues::real(const std::string& key) const { return std::get<double>(at(key)); }
bool ParamValues::boolean(const std::string& key) const { return std::get<bool>(at(key)); }
const std::string& ParamValues::text(const std::string& key) const {
    return std::get<std::string>(at(key));
}
const std::vector<std::string>& ParamValues::list(const std::string& key) const {
    return std::get<std::vector<std::string>>(at(key));
}

} // namespace oficina::core
