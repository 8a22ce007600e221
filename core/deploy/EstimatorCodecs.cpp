// The state of every estimator type (docs/model-package.md): the families' codecs, gathered,
// and the members they all read alike.
#include "deploy/Codecs.h"
#include "deploy/EstimatorCodecParts.h"

#include <set>

namespace oficina::core::deploy {

namespace estimatorcodec {

std::vector<std::string> readFeatures(const StateJson& state, const std::string& path,
                                      const StateReader& reader) {
    return reader.texts(state, path, "features");
}

std::vector<std::string> readClasses(const StateJson& state, const std::string& path,
                                     const StateReader& reader) {
    std::vector<std::string> classes = reader.texts(state, path, "classes");
    if (classes.size() < 2)
        reader.fail(memberPath(path, "classes"),
                    Message(OFICINA_TR_NOOP("a classifier needs at least two classes, found %1"),
                            {std::to_string(classes.size())}));
    if (std::set<std::string>(classes.begin(), classes.end()).size() != classes.size())
        reader.fail(memberPath(path, "classes"),
                    Message(OFICINA_TR_NOOP("the classes are not all different")));
    return classes;
}

StateJson scalar(StateWriter& writer, double value) {
    return writer.doubles({&value, 1});
}

double readScalar(const StateJson& state, const std::string& path, const char* key,
                  const StateReader& reader) {
    return reader.doubles(state, path, key, 1)[0];
}

} // namespace estimatorcodec

const std::vector<EstimatorCodec>& estimatorCodecs() {
    static const std::vector<EstimatorCodec> codecs = [] {
        std::vector<EstimatorCodec> all;
        for (auto family : {linearEstimatorCodecs, treeEstimatorCodecs, bayesKnnEstimatorCodecs})
            for (EstimatorCodec& codec : family())
                all.push_back(std::move(codec));
        all.push_back(networkEstimatorCodec());
        return all;
    }();
    return codecs;
}

} // namespace oficina::core::deploy
