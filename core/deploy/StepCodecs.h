#pragma once

// What the step codecs share: the two lists StepCodecs.cpp joins (ColumnStepCodecs.cpp,
// NumericStepCodecs.cpp) and the small readers they validate with. Private to core/deploy.

#include "deploy/StateArchive.h"
#include "util/Message.h"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace oficina::core::deploy {

std::vector<StepCodec> columnStepCodecs();
std::vector<StepCodec> numericStepCodecs();

namespace stepcodec {

/// "path.key", as StateReader names members in its messages.
inline std::string memberAt(const std::string& path, const char* key) {
    return path + "." + key;
}

/// An enum's name in a state: `names` lists every value once with its stable name.
template <class E, size_t N>
const char* enumName(E value, const std::pair<E, const char*> (&names)[N]) {
    for (const auto& [known, name] : names)
        if (known == value) return name;
    return names[0].second;
}

[[noreturn]] void failUnknownName(const StateReader& reader, const std::string& path,
                                  const std::string& found, const std::vector<std::string>& known);

/// The enum named by the text member `key`; an unknown name is an Error listing the known ones.
template <class E, size_t N>
E readEnum(const StateReader& reader, const StateJson& object, const std::string& path,
           const char* key, const std::pair<E, const char*> (&names)[N]) {
    const std::string found = reader.text(object, path, key);
    std::vector<std::string> known;
    for (const auto& [value, name] : names) {
        if (found == name) return value;
        known.push_back(name);
    }
    failUnknownName(reader, memberAt(path, key), found, known);
}

/// One double, kept in the blob so it round-trips exactly (NaN and infinities included).
inline StateJson scalar(StateWriter& writer, double value) {
    return writer.doubles({&value, 1});
}
inline double readScalar(const StateReader& reader, const StateJson& object,
                         const std::string& path, const char* key) {
    return reader.doubles(object, path, key, 1)[0];
}

/// The array member `key` (of objects, for the caller to read).
const StateJson& readList(const StateReader& reader, const StateJson& object,
                          const std::string& path, const char* key);

/// The steps binary-search what they fitted, so a loaded list must be in ascending order
/// (`strict`: without repeats) and, for numbers, hold no NaN. `first` is the index of values[0]
/// in the saved array `path`, for the message.
void requireAscending(const StateReader& reader, const std::string& path,
                      const std::vector<double>& values, bool strict, size_t first = 0);
void requireAscending(const StateReader& reader, const std::string& path,
                      const std::vector<std::string>& values);

} // namespace stepcodec

} // namespace oficina::core::deploy
