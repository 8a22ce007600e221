// The state of the models that keep rows or per-class statistics (docs/model-package.md):
// k-NN (its training rows; the search index is rebuilt on load), Gaussian and categorical
// naive Bayes, and K-Means (its centres, for both K-Means nodes).
#include "deploy/EstimatorCodecParts.h"

#include "cluster/KMeans.h"
#include "models/Knn.h"
#include "models/NaiveBayes.h"

#include <algorithm>

namespace oficina::core::deploy {

namespace {

using namespace estimatorcodec;

// ---- k-NN ----

// KnnWeights' values in order.
constexpr const char* kWeights[] = {"uniform", "distance"};

void saveKnnCommon(const std::vector<std::string>& features, const KnnOptions& options,
                   const KnnIndex& index, StateJson& state, StateWriter& writer) {
    state["features"] = features;
    state["n_neighbors"] = options.nNeighbors;
    state["weights"] = enumName(options.weights, kWeights);
    state["points"] = writer.matrix(index.points());
}

// The training rows: at least one, finite (the KD-tree compares them), one column per feature;
// n_neighbors at most their number.
Eigen::MatrixXd readKnnPoints(const StateJson& state, const std::string& path, size_t features,
                              KnnOptions& options, const StateReader& reader) {
    Eigen::MatrixXd points = reader.matrix(state, path, "points", StateReader::kAnyCount, features);
    if (points.size() == 0)
        reader.fail(memberPath(path, "points"),
                    Message(OFICINA_TR_NOOP("expected one or more rows of one or more features")));
    if (!points.allFinite())
        reader.fail(memberPath(path, "points"),
                    Message(OFICINA_TR_NOOP("the rows hold missing or infinite values")));
    options.nNeighbors = int(reader.integer(state, path, "n_neighbors", 1, points.rows()));
    options.weights = readEnum<KnnWeights>(state, path, "weights", kWeights, reader);
    return points;
}

StateJson saveKnnClassifier(const Estimator& estimator, StateWriter& writer) {
    const auto& model = static_cast<const KnnClassifier&>(estimator);
    StateJson state = StateJson::object();
    saveKnnCommon(model.featureNames(), model.options(), model.index(), state, writer);
    state["classes"] = model.classLabels();
    state["targets"] = writer.ints(model.trainingClasses());
    return state;
}

std::shared_ptr<const Estimator> loadKnnClassifier(const std::string&, const StateJson& state,
                                                   const std::string& path,
                                                   const StateReader& reader) {
    std::vector<std::string> features = readFeatures(state, path, reader);
    KnnOptions options;
    Eigen::MatrixXd points = readKnnPoints(state, path, features.size(), options, reader);
    std::vector<std::string> classes = readClasses(state, path, reader);
    std::vector<int32_t> targets = reader.ints(state, path, "targets", size_t(points.rows()));
    const auto outside = std::find_if(targets.begin(), targets.end(), [&](int32_t c) {
        return c < 0 || size_t(c) >= classes.size();
    });
    if (outside != targets.end())
        reader.fail(memberPath(path, "targets"),
                    Message(OFICINA_TR_NOOP("row %1 has the class %2, not one of the %3"),
                            {std::to_string(outside - targets.begin()), std::to_string(*outside),
                             std::to_string(classes.size())}));
    return std::make_shared<const KnnClassifier>(std::move(features), std::move(classes),
                                                 std::move(points), std::move(targets), options);
}

StateJson saveKnnRegressor(const Estimator& estimator, StateWriter& writer) {
    const auto& model = static_cast<const KnnRegressor&>(estimator);
    StateJson state = StateJson::object();
    saveKnnCommon(model.featureNames(), model.options(), model.index(), state, writer);
    state["targets"] = writer.doubles(model.trainingTargets());
    return state;
}

std::shared_ptr<const Estimator> loadKnnRegressor(const std::string&, const StateJson& state,
                                                  const std::string& path,
                                                  const StateReader& reader) {
    std::vector<std::string> features = readFeatures(state, path, reader);
    KnnOptions options;
    Eigen::MatrixXd points = readKnnPoints(state, path, features.size(), options, reader);
    std::vector<double> targets = reader.doubles(state, path, "targets", size_t(points.rows()));
    return std::make_shared<const KnnRegressor>(std::move(features), std::move(points),
                                                std::move(targets), options);
}

// ---- Gaussian naive Bayes ----

StateJson saveGaussianNb(const Estimator& estimator, StateWriter& writer) {
    const auto& model = static_cast<const GaussianNaiveBayes&>(estimator);
    StateJson state = StateJson::object();
    state["features"] = model.featureNames();
    state["classes"] = model.classLabels();
    state["theta"] = writer.matrix(model.theta());
    state["variance"] = writer.matrix(model.variance());
    state["prior"] = writer.vector(model.prior());
    return state;
}

std::shared_ptr<const Estimator> loadGaussianNb(const std::string&, const StateJson& state,
                                                const std::string& path,
                                                const StateReader& reader) {
    std::vector<std::string> features = readFeatures(state, path, reader);
    std::vector<std::string> classes = readClasses(state, path, reader);
    const size_t k = classes.size(), d = features.size();
    Eigen::MatrixXd theta = reader.matrix(state, path, "theta", k, d);
    Eigen::MatrixXd variance = reader.matrix(state, path, "variance", k, d);
    Eigen::VectorXd prior = reader.vector(state, path, "prior", k);
    return std::make_shared<const GaussianNaiveBayes>(std::move(features), std::move(classes),
                                                      std::move(theta), std::move(variance),
                                                      std::move(prior));
}

// ---- Categorical naive Bayes: per feature, its categories and log probabilities ----

StateJson saveCategoricalNb(const Estimator& estimator, StateWriter& writer) {
    const auto& model = static_cast<const CategoricalNaiveBayes&>(estimator);
    StateJson state = StateJson::object();
    state["classes"] = model.classLabels();
    state["class_log_prior"] = writer.vector(model.classLogPrior());
    StateJson features = StateJson::array();
    for (const CategoricalNaiveBayes::Feature& f : model.features()) {
        StateJson json = StateJson::object();
        json["name"] = f.name;
        json["categories"] = f.categories;
        json["log_probability"] = writer.matrix(f.logProbability);
        json["unseen_log_probability"] = writer.vector(f.unseenLogProbability);
        features.push_back(std::move(json));
    }
    state["features"] = std::move(features);
    return state;
}

std::shared_ptr<const Estimator> loadCategoricalNb(const std::string&, const StateJson& state,
                                                   const std::string& path,
                                                   const StateReader& reader) {
    std::vector<std::string> classes = readClasses(state, path, reader);
    const size_t k = classes.size();
    Eigen::VectorXd prior = reader.vector(state, path, "class_log_prior", k);
    const StateJson& list = reader.member(state, path, "features");
    if (!list.is_array())
        reader.fail(memberPath(path, "features"),
                    Message(OFICINA_TR_NOOP("expected a list of features")));
    std::vector<CategoricalNaiveBayes::Feature> features;
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string at = memberPath(path, "features") + "[" + std::to_string(i) + "]";
        CategoricalNaiveBayes::Feature f;
        f.name = reader.text(list[i], at, "name");
        f.categories = reader.texts(list[i], at, "categories");
        f.logProbability = reader.matrix(list[i], at, "log_probability", k);
        // A categorical feature (categories named) has a column per category; an ordinal one
        // a column per code from 0.
        const auto columns = size_t(f.logProbability.cols());
        if (columns == 0 || (!f.categories.empty() && f.categories.size() != columns))
            reader.fail(memberPath(at, "log_probability"),
                        Message(OFICINA_TR_NOOP("expected a column per category (%1), found %2"),
                                {std::to_string(f.categories.size()), std::to_string(columns)}));
        f.unseenLogProbability = reader.vector(list[i], at, "unseen_log_probability", k);
        features.push_back(std::move(f));
    }
    return std::make_shared<const CategoricalNaiveBayes>(std::move(features), std::move(classes),
                                                         std::move(prior));
}

// ---- K-Means (and mini-batch K-Means, the same model) ----

StateJson saveKMeans(const Estimator& estimator, StateWriter& writer) {
    const auto& model = static_cast<const KMeansModel&>(estimator);
    StateJson state = StateJson::object();
    state["features"] = model.featureNames();
    state["centers"] = writer.matrix(model.centers());
    return state;
}

std::shared_ptr<const Estimator> loadKMeans(const std::string&, const StateJson& state,
                                            const std::string& path, const StateReader& reader) {
    std::vector<std::string> features = readFeatures(state, path, reader);
    Eigen::MatrixXd centers =
        reader.matrix(state, path, "centers", StateReader::kAnyCount, features.size());
    if (centers.rows() == 0)
        reader.fail(memberPath(path, "centers"),
                    Message(OFICINA_TR_NOOP("expected one or more cluster centres")));
    return std::make_shared<const KMeansModel>(std::move(features), std::move(centers));
}

} // namespace

std::vector<EstimatorCodec> bayesKnnEstimatorCodecs() {
    return {{{"oficina.model.knn_classifier"}, saveKnnClassifier, loadKnnClassifier},
            {{"oficina.model.knn_regressor"}, saveKnnRegressor, loadKnnRegressor},
            {{"oficina.model.gaussian_nb"}, saveGaussianNb, loadGaussianNb},
            {{"oficina.model.categorical_nb"}, saveCategoricalNb, loadCategoricalNb},
            {{"oficina.cluster.kmeans"}, saveKMeans, loadKMeans}};
}

} // namespace oficina::core::deploy
