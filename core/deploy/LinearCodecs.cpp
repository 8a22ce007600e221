// The state of the linear models and the SVMs (docs/model-package.md): logistic regression,
// the linear SVM, the linear regressors (least squares, ridge, lasso, elastic net) and the
// kernel SVMs, each by the numbers its predictions are computed from.
#include "deploy/EstimatorCodecParts.h"

#include "models/LinearRegression.h"
#include "models/LogisticRegression.h"
#include "models/Svm.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <set>

namespace oficina::core::deploy {

namespace {

using namespace estimatorcodec;

// ---- Logistic regression and the linear SVM: a score per class from one coefficient row
// each, or a single row (class 1 against class 0) for two classes ----

template <class Scorer> StateJson saveScores(const Scorer& model, StateWriter& writer) {
    StateJson state = StateJson::object();
    state["features"] = model.featureNames();
    state["classes"] = model.classLabels();
    state["coefficients"] = writer.matrix(model.coefficients());
    state["intercepts"] = writer.vector(model.intercepts());
    return state;
}

struct Scores {
    std::vector<std::string> features, classes;
    Eigen::MatrixXd coefficients;
    Eigen::VectorXd intercepts;
};

Scores readScores(const StateJson& state, const std::string& path, const StateReader& reader) {
    Scores scores{readFeatures(state, path, reader), readClasses(state, path, reader), {}, {}};
    const size_t rows = scores.classes.size() == 2 ? 1 : scores.classes.size();
    scores.coefficients = reader.matrix(state, path, "coefficients", rows, scores.features.size());
    scores.intercepts = reader.vector(state, path, "intercepts", rows);
    return scores;
}

StateJson saveLogistic(const Estimator& estimator, StateWriter& writer) {
    const auto& model = static_cast<const LogisticRegression&>(estimator);
    StateJson state = saveScores(model, writer);
    state["one_vs_rest"] = model.oneVsRest();
    return state;
}

std::shared_ptr<const Estimator> loadLogistic(const std::string&, const StateJson& state,
                                              const std::string& path, const StateReader& reader) {
    Scores s = readScores(state, path, reader);
    const bool oneVsRest = reader.boolean(state, path, "one_vs_rest");
    return std::make_shared<const LogisticRegression>(std::move(s.features), std::move(s.classes),
                                                      std::move(s.coefficients),
                                                      std::move(s.intercepts), oneVsRest);
}

StateJson saveLinearSvc(const Estimator& estimator, StateWriter& writer) {
    return saveScores(static_cast<const LinearSvc&>(estimator), writer);
}

std::shared_ptr<const Estimator> loadLinearSvc(const std::string&, const StateJson& state,
                                               const std::string& path, const StateReader& reader) {
    Scores s = readScores(state, path, reader);
    return std::make_shared<const LinearSvc>(std::move(s.features), std::move(s.classes),
                                             std::move(s.coefficients), std::move(s.intercepts));
}

// ---- Linear regressors: one class, told apart by the type id ----

// The titles the regression nodes give them (LinearModelNodes.cpp).
constexpr std::pair<const char*, const char*> kLinearRegressors[] = {
    {"oficina.model.linear_regression", OFICINA_TR_NOOP("Linear regression")},
    {"oficina.model.ridge", OFICINA_TR_NOOP("Ridge regression")},
    {"oficina.model.lasso", OFICINA_TR_NOOP("Lasso")},
    {"oficina.model.elastic_net", OFICINA_TR_NOOP("Elastic net")},
};

StateJson saveLinearRegressor(const Estimator& estimator, StateWriter& writer) {
    const auto& model = static_cast<const LinearRegressor&>(estimator);
    StateJson state = StateJson::object();
    state["features"] = model.featureNames();
    state["coefficients"] = writer.vector(model.coefficients());
    state["intercept"] = scalar(writer, model.intercept());
    return state;
}

std::shared_ptr<const Estimator> loadLinearRegressor(const std::string& typeId,
                                                     const StateJson& state,
                                                     const std::string& path,
                                                     const StateReader& reader) {
    std::vector<std::string> features = readFeatures(state, path, reader);
    Eigen::VectorXd coefficients = reader.vector(state, path, "coefficients", features.size());
    const double intercept = readScalar(state, path, "intercept", reader);
    const char* title = "";
    for (const auto& [id, name] : kLinearRegressors)
        if (typeId == id) title = name;
    return std::make_shared<const LinearRegressor>(typeId, title, std::move(features),
                                                   std::move(coefficients), intercept);
}

// ---- Kernel SVMs (libsvm) ----

// SvmKernel's values in order.
constexpr const char* kKernels[] = {"linear", "poly", "rbf", "sigmoid"};

// The decision functions as parameters() gives them: the support vectors dense (restoring
// leaves their zeros out again, as training did), libsvm's coefficients, rho, and for a
// classifier its groups and Platt's pairwise A and B.
StateJson saveKernelSvm(const Estimator& estimator, StateWriter& writer) {
    const auto& model = static_cast<const KernelSvm&>(estimator);
    const KernelSvmParameters p = model.parameters();
    StateJson state = StateJson::object();
    state["features"] = model.featureNames();
    if (model.task() == Task::Classification) state["classes"] = model.classLabels();
    state["kernel"] = enumName(p.kernel, kKernels);
    state["degree"] = p.degree;
    state["gamma"] = scalar(writer, p.gamma);
    state["coef0"] = scalar(writer, p.coef0);
    state["support_vectors"] = writer.matrix(p.supportVectors);
    state["coefficients"] = writer.matrix(p.coefficients);
    state["rho"] = writer.vector(p.rho);
    if (model.task() == Task::Classification) {
        state["group_sizes"] = writer.ints(p.groupSizes);
        state["group_classes"] = writer.ints(p.groupClasses);
        state["probability"] = model.hasProbabilities();
        if (model.hasProbabilities()) {
            state["prob_a"] = writer.vector(p.probA);
            state["prob_b"] = writer.vector(p.probB);
        }
    }
    return state;
}

// libsvm trusts its model: each group's class indexes the probability columns and the group
// sizes delimit the support vectors, so both are checked here.
void readSvmGroups(const StateJson& state, const std::string& path, size_t classCount,
                   size_t supportVectors, KernelSvmParameters& p, const StateReader& reader) {
    p.groupClasses = reader.ints(state, path, "group_classes");
    const std::string classesPath = memberPath(path, "group_classes");
    if (p.groupClasses.size() < 2 || p.groupClasses.size() > classCount)
        reader.fail(classesPath,
                    Message(OFICINA_TR_NOOP("expected from 2 to %1 groups, found %2"),
                            {std::to_string(classCount), std::to_string(p.groupClasses.size())}));
    std::set<int> seen;
    for (const int c : p.groupClasses)
        if (c < 0 || size_t(c) >= classCount || !seen.insert(c).second)
            reader.fail(classesPath,
                        Message(OFICINA_TR_NOOP("the class %1 of a group is not one of the %2 "
                                                "classes, or is another group's"),
                                {std::to_string(c), std::to_string(classCount)}));
    p.groupSizes = reader.ints(state, path, "group_sizes", p.groupClasses.size());
    const int64_t total = std::accumulate(p.groupSizes.begin(), p.groupSizes.end(), int64_t(0));
    const bool negative =
        std::any_of(p.groupSizes.begin(), p.groupSizes.end(), [](int size) { return size < 0; });
    if (negative || total != int64_t(supportVectors))
        reader.fail(memberPath(path, "group_sizes"),
                    Message(OFICINA_TR_NOOP("the group sizes add up to %1, not to the %2 "
                                            "support vectors, or one is negative"),
                            {std::to_string(total), std::to_string(supportVectors)}));
}

std::shared_ptr<const Estimator> loadKernelSvm(const std::string& typeId, const StateJson& state,
                                               const std::string& path, const StateReader& reader) {
    const bool classifier = typeId == "oficina.model.svc";
    std::vector<std::string> features = readFeatures(state, path, reader);
    std::vector<std::string> classes;
    if (classifier) classes = readClasses(state, path, reader);
    KernelSvmParameters p;
    p.kernel = readEnum<SvmKernel>(state, path, "kernel", kKernels, reader);
    p.degree = int(reader.integer(state, path, "degree", 0, std::numeric_limits<int>::max()));
    p.gamma = readScalar(state, path, "gamma", reader);
    p.coef0 = readScalar(state, path, "coef0", reader);
    p.supportVectors =
        reader.matrix(state, path, "support_vectors", StateReader::kAnyCount, features.size());
    const auto l = size_t(p.supportVectors.rows());
    size_t groups = 2; // a regressor's single decision function is libsvm's two "groups"
    if (classifier) {
        readSvmGroups(state, path, classes.size(), l, p, reader);
        groups = p.groupClasses.size();
    }
    const size_t pairs = groups * (groups - 1) / 2;
    p.coefficients = reader.matrix(state, path, "coefficients", groups - 1, l);
    p.rho = reader.vector(state, path, "rho", pairs);
    if (classifier && reader.boolean(state, path, "probability")) {
        p.probA = reader.vector(state, path, "prob_a", pairs);
        p.probB = reader.vector(state, path, "prob_b", pairs);
    }
    return restoreKernelSvm(std::move(features), std::move(classes), p);
}

} // namespace

std::vector<EstimatorCodec> linearEstimatorCodecs() {
    std::vector<std::string> regressorIds;
    for (const auto& [id, title] : kLinearRegressors)
        regressorIds.push_back(id);
    return {{{"oficina.model.logistic_regression"}, saveLogistic, loadLogistic},
            {{"oficina.model.linear_svc"}, saveLinearSvc, loadLinearSvc},
            {regressorIds, saveLinearRegressor, loadLinearRegressor},
            {{"oficina.model.svc", "oficina.model.svr"}, saveKernelSvm, loadKernelSvm}};
}

} // namespace oficina::core::deploy
