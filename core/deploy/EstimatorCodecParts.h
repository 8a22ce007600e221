#pragma once

// What the estimator codec families share (LinearCodecs.cpp, TreeCodecs.cpp,
// BayesKnnCodecs.cpp; estimatorCodecs() in EstimatorCodecs.cpp gathers them): how the members
// every estimator has are written and read. Private to core/deploy.

#include "util/Message.h" // StateArchive.h uses Message without including it

#include "deploy/StateArchive.h"
#include "pipeline/JsonText.h"
#include "util/Tr.h"

#include <cstddef>
#include <string>
#include <vector>

namespace oficina::core::deploy {

std::vector<EstimatorCodec> linearEstimatorCodecs();
std::vector<EstimatorCodec> treeEstimatorCodecs();
std::vector<EstimatorCodec> bayesKnnEstimatorCodecs();

namespace estimatorcodec {

/// The JSON path of member `key` of the object at `path`, for messages.
inline std::string memberPath(const std::string& path, const char* key) {
    return path + "." + key;
}

/// The feature names, "features".
std::vector<std::string> readFeatures(const StateJson& state, const std::string& path,
                                      const StateReader& reader);
/// A classifier's class labels, "classes": two or more, all different (each names a
/// probability column).
std::vector<std::string> readClasses(const StateJson& state, const std::string& path,
                                     const StateReader& reader);

/// One double as a one-element array: the blob keeps its bits, as for the arrays.
StateJson scalar(StateWriter& writer, double value);
double readScalar(const StateJson& state, const std::string& path, const char* key,
                  const StateReader& reader);

/// An enum saved by name; `names` are its values' names in declaration order.
template <class E, size_t N> const char* enumName(E value, const char* const (&names)[N]) {
    return names[size_t(value)];
}
template <class E, size_t N>
E readEnum(const StateJson& state, const std::string& path, const char* key,
           const char* const (&names)[N], const StateReader& reader) {
    const std::string text = reader.text(state, path, key);
    std::string known;
    for (size_t i = 0; i < N; ++i) {
        if (text == names[i]) return E(i);
        known += std::string(i > 0 ? ", " : "") + "\"" + names[i] + "\"";
    }
    reader.fail(memberPath(path, key), Message(OFICINA_TR_NOOP("expected one of %1, found \"%2\""),
                                               {known, textExcerpt(text)}));
}

} // namespace estimatorcodec

} // namespace oficina::core::deploy
