// The state of every fitted step type (docs/model-package.md): the codecs live by theme in
// ColumnStepCodecs.cpp and NumericStepCodecs.cpp; this file joins them and holds their helpers.
#include "deploy/StepCodecs.h"

#include "pipeline/JsonText.h"
#include "util/Tr.h"

#include <cmath>

namespace oficina::core::deploy {

const std::vector<StepCodec>& stepCodecs() {
    static const std::vector<StepCodec> codecs = [] {
        std::vector<StepCodec> all = columnStepCodecs();
        for (StepCodec& codec : numericStepCodecs())
            all.push_back(std::move(codec));
        return all;
    }();
    return codecs;
}

namespace stepcodec {

void failUnknownName(const StateReader& reader, const std::string& path, const std::string& found,
                     const std::vector<std::string>& known) {
    std::string list;
    for (const std::string& name : known)
        list += (list.empty() ? "\"" : ", \"") + name + "\"";
    reader.fail(path, Message(OFICINA_TR_NOOP("unknown value \"%1\"; expected one of %2"),
                              {textExcerpt(found), list}));
}

const StateJson& readList(const StateReader& reader, const StateJson& object,
                          const std::string& path, const char* key) {
    const StateJson& list = reader.member(object, path, key);
    if (!list.is_array())
        reader.fail(memberAt(path, key),
                    Message(OFICINA_TR_NOOP("expected a list, found %1"), {jsonExcerpt(list)}));
    return list;
}

void requireAscending(const StateReader& reader, const std::string& path,
                      const std::vector<double>& values, bool strict, size_t first) {
    for (size_t i = 0; i < values.size(); ++i) {
        const std::string at = path + "[" + std::to_string(first + i) + "]";
        if (std::isnan(values[i]))
            reader.fail(at, Message(OFICINA_TR_NOOP("expected a number, found %1"), {"nan"}));
        if (i > 0 && (strict ? !(values[i - 1] < values[i]) : values[i] < values[i - 1]))
            reader.fail(at, Message(OFICINA_TR_NOOP("expected values in ascending order, found "
                                                    "%1 after %2"),
                                    {formatNumber(values[i]), formatNumber(values[i - 1])}));
    }
}

void requireAscending(const StateReader& reader, const std::string& path,
                      const std::vector<std::string>& values) {
    for (size_t i = 1; i < values.size(); ++i)
        if (!(values[i - 1] < values[i]))
            reader.fail(path + "[" + std::to_string(i) + "]",
                        Message(OFICINA_TR_NOOP("expected values in ascending order, found "
                                                "%1 after %2"),
                                {"\"" + textExcerpt(values[i]) + "\"",
                                 "\"" + textExcerpt(values[i - 1]) + "\""}));
}

} // namespace stepcodec

} // namespace oficina::core::deploy
