#include "models/GradientBoosting.h"

#include "data/FeatureMatrix.h"
#include "models/Classification.h"
#include "models/DecisionTree.h"
#include "pipeline/JsonText.h"
#include "util/Error.h"
#include "util/Parallel.h"
#include "util/Tr.h"

#include <nlohmann/json.hpp>
#include <xgboost/c_api.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <string_view>
#include <thread>

namespace oficina::core {

namespace {

using Eigen::Index;

// Every XGBoost call goes through check(): a failure becomes an Error with XGBoost's message.
void check(int status) {
    if (status != 0)
        throw Error(Message(OFICINA_TR_NOOP("XGBoost failed: %1"), {XGBGetLastError()}));
}

// RAII owners of XGBoost handles, so every path (errors and Cancelled included) frees them.
struct MatrixDeleter {
    void operator()(void* handle) const { XGDMatrixFree(handle); }
};
struct BoosterDeleter {
    void operator()(void* handle) const { XGBoosterFree(handle); }
};
using MatrixPtr = std::unique_ptr<void, MatrixDeleter>;
using BoosterPtr = std::unique_ptr<void, BoosterDeleter>;

// Rows [begin, end) of X as an array interface: read in place, column-major doubles described
// by their strides; XGBoost converts to single precision itself.
std::string arrayInterface(const Eigen::MatrixXd& X, Index begin, Index end) {
    char text[256];
    std::snprintf(text, sizeof text,
                  R"({"data": [%zu, true], "shape": [%td, %td], "strides": [8, %td], )"
                  R"("typestr": "<f8", "version": 3})",
                  reinterpret_cast<size_t>(X.data() + begin), std::ptrdiff_t(end - begin),
                  std::ptrdiff_t(X.cols()), std::ptrdiff_t(X.rows() * 8));
    return text;
}

std::string matrixConfig(int threads) {
    return R"({"missing": NaN, "nthread": )" + std::to_string(threads) + "}";
}

// A DMatrix of all of X, for prediction.
MatrixPtr makeMatrix(const Eigen::MatrixXd& X, int threads) {
    DMatrixHandle handle = nullptr;
    check(XGDMatrixCreateFromDense(arrayInterface(X, 0, X.rows()).c_str(),
                                   matrixConfig(threads).c_str(), &handle));
    return MatrixPtr(handle);
}

// The one batch a quantile DMatrix is built from, handed over through XGBoost's iterator.
struct SingleBatch {
    DMatrixHandle proxy = nullptr;
    std::string interface;
    bool given = false;
};

int nextBatch(DataIterHandle iterator) {
    auto* batch = static_cast<SingleBatch*>(iterator);
    if (batch->given) return 0;
    batch->given = true;
    return XGProxyDMatrixSetDataDense(batch->proxy, batch->interface.c_str()) == 0 ? 1 : 0;
}

void resetBatches(DataIterHandle iterator) { static_cast<SingleBatch*>(iterator)->given = false; }

// A quantile DMatrix for training, as Python's XGBClassifier builds for `hist`: the histogram
// index straight from the array, without a full copy first. `reference` (the training matrix)
// gives a validation matrix the training bins.
MatrixPtr makeTrainingMatrix(const Eigen::MatrixXd& X, Index begin, Index end, int threads,
                             void* reference = nullptr) {
    DMatrixHandle proxyHandle = nullptr;
    check(XGProxyDMatrixCreate(&proxyHandle));
    const MatrixPtr proxy(proxyHandle);
    SingleBatch batch{proxy.get(), arrayInterface(X, begin, end)};
    DMatrixHandle handle = nullptr;
    check(XGQuantileDMatrixCreateFromCallback(&batch, proxy.get(), reference, resetBatches,
                                              nextBatch, matrixConfig(threads).c_str(), &handle));
    return MatrixPtr(handle);
}

void setLabels(void* matrix, const std::vector<double>& y, size_t begin, size_t end) {
    const std::vector<float> labels(y.begin() + long(begin), y.begin() + long(end));
    check(XGDMatrixSetFloatInfo(matrix, "label", labels.data(), bst_ulong(labels.size())));
}

void setParam(void* booster, const char* key, const std::string& value) {
    check(XGBoosterSetParam(booster, key, value.c_str()));
}

std::string number(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

// XGBoost's default metric on the first `rows` labels of `y` (mlogloss, logloss or rmse), from
// the margins it keeps cached for the training matrix. Its own evaluation transforms a copy of
// every prediction first and costs a third of a round; this, vectorised in single precision as
// XGBoost computes, a few hundredths.
double trainingLoss(void* booster, void* train, const std::vector<double>& y, Index rows,
                    int classCount) {
    const bst_ulong* shape = nullptr;
    bst_ulong dimension = 0;
    const float* margins = nullptr;
    check(XGBoosterPredictFromDMatrix(
        booster, train,
        R"({"type": 1, "training": false, "iteration_begin": 0, "iteration_end": 0,
            "strict_shape": false})",
        &shape, &dimension, &margins));
    const Eigen::Map<const Eigen::VectorXd> labels(y.data(), rows);
    if (classCount == 0) {
        const Eigen::Map<const Eigen::VectorXf> predicted(margins, rows);
        return std::sqrt((predicted.cast<double>() - labels).squaredNorm() / double(rows));
    }
    if (classCount == 2) {
        // −log σ(m) for y = 1 and −log(1 − σ(m)) for y = 0 are softplus(m) − y·m.
        const Eigen::Map<const Eigen::ArrayXf> m(margins, rows);
        const Eigen::ArrayXf softplus = m.max(0.0f) + (-m.abs()).exp().log1p();
        return (softplus.cast<double>() - labels.array() * m.cast<double>()).mean();
    }
    // −log softmax(m)[label] = log Σ exp(m − max) + max − m[label], one column per row.
    const Eigen::Map<const Eigen::ArrayXXf> m(margins, classCount, rows);
    const Eigen::Array<float, 1, Eigen::Dynamic> top = m.colwise().maxCoeff();
    const Eigen::Array<float, 1, Eigen::Dynamic> logSum =
        (m.rowwise() - top).exp().colwise().sum().log() + top;
    double sum = 0;
    for (Index i = 0; i < rows; ++i)
        sum += double(logSum(i)) - double(m(Index(y[size_t(i)]), i));
    return sum / double(rows);
}

// "[3]\ttrain-mlogloss:0.12\tvalid-mlogloss:0.2" → the values, in order.
std::vector<double> parseEvaluation(const char* text) {
    std::vector<double> values;
    std::string_view rest(text);
    for (size_t colon = rest.find(':'); colon != std::string_view::npos;
         colon = rest.find(':')) {
        rest.remove_prefix(colon + 1);
        values.push_back(std::strtod(std::string(rest.substr(0, rest.find('\t'))).c_str(),
                                     nullptr));
    }
    return values;
}

BoosterPtr loadBooster(const std::vector<char>& model, int threads) {
    BoosterHandle handle = nullptr;
    check(XGBoosterCreate(nullptr, 0, &handle));
    BoosterPtr booster(handle);
    check(XGBoosterLoadModelFromBuffer(booster.get(), model.data(), bst_ulong(model.size())));
    setParam(booster.get(), "nthread", std::to_string(threadsFor(threads)));
    return booster;
}

void checkOptions(const GradientBoostingOptions& o) {
    const auto fraction = [](double v) { return v > 0.0 && v <= 1.0; };
    if (o.nEstimators < 1)
        throw Error(Message(OFICINA_TR_NOOP("n_estimators must be at least 1, not %1"),
                            {std::to_string(o.nEstimators)}));
    if (!fraction(o.learningRate))
        throw Error(Message(OFICINA_TR_NOOP("learning_rate must be in (0, 1], not %1"),
                            {formatNumber(o.learningRate)}));
    if (o.maxDepth < 1)
        throw Error(Message(OFICINA_TR_NOOP("max_depth must be at least 1, not %1"),
                            {std::to_string(o.maxDepth)}));
    if (!fraction(o.subsample) || !fraction(o.colsampleBytree))
        throw Error(Message(OFICINA_TR_NOOP("subsample and colsample_bytree must be in (0, 1]")));
    if (!(o.regLambda >= 0.0))
        throw Error(Message(OFICINA_TR_NOOP("reg_lambda must not be negative, not %1"),
                            {formatNumber(o.regLambda)}));
    if (o.earlyStoppingRounds > 0 && !(o.validationFraction > 0.0 && o.validationFraction < 1.0))
        throw Error(Message(OFICINA_TR_NOOP("validation_fraction must be in (0, 1), not %1"),
                            {formatNumber(o.validationFraction)}));
}

} // namespace

GradientBoostingTraining fitGradientBoosting(const Eigen::MatrixXd& X, const std::vector<double>& y,
                                             int classCount, std::vector<std::string> featureNames,
                                             std::vector<std::string> classLabels,
                                             const GradientBoostingOptions& options,
                                             const BoostingRoundCallback& onRound,
                                             std::stop_token stop, std::stop_token finish) {
    checkOptions(options);
    if (X.rows() == 0) throw Error(Message(OFICINA_TR_NOOP("there are no rows to train on")));
    const Index rows = X.rows();
    Index trainRows = rows;
    if (options.earlyStoppingRounds > 0) {
        trainRows = rows - Index(std::ceil(options.validationFraction * double(rows)));
        if (trainRows < 1 || trainRows >= rows)
            throw Error(Message(OFICINA_TR_NOOP("too few rows to hold some out for early "
                                                "stopping")));
    }
    const int threads = threadsFor(options.nThread);
    MatrixPtr train = makeTrainingMatrix(X, 0, trainRows, threads);
    setLabels(train.get(), y, 0, size_t(trainRows));
    MatrixPtr valid;
    if (trainRows < rows) {
        valid = makeTrainingMatrix(X, trainRows, rows, threads, train.get());
        setLabels(valid.get(), y, size_t(trainRows), size_t(rows));
    }

    BoosterHandle handle = nullptr;
    DMatrixHandle cache[] = {train.get()};
    check(XGBoosterCreate(cache, 1, &handle));
    BoosterPtr booster(handle);
    void* b = booster.get();
    setParam(b, "verbosity", "0");
    setParam(b, "tree_method", "hist");
    if (classCount > 2) {
        setParam(b, "objective", "multi:softprob");
        setParam(b, "num_class", std::to_string(classCount));
    } else {
        setParam(b, "objective", classCount == 2 ? "binary:logistic" : "reg:squarederror");
    }
    setParam(b, "eta", number(options.learningRate));
    setParam(b, "max_depth", std::to_string(options.maxDepth));
    setParam(b, "subsample", number(options.subsample));
    setParam(b, "colsample_bytree", number(options.colsampleBytree));
    setParam(b, "lambda", number(options.regLambda));
    setParam(b, "nthread", std::to_string(threads));
    setParam(b, "seed", std::to_string(options.seed));

    DMatrixHandle evalSets[] = {train.get(), valid.get()};
    const char* evalNames[] = {"train", "valid"};
    GradientBoostingTraining out;
    double bestValid = std::numeric_limits<double>::infinity();
    int bestRound = 0;
    // Without early stopping the live curve gets some 25 points, the last round included.
    const int measureEvery = valid ? 1 : std::max(1, options.nEstimators / 25);
    for (int round = 0; round < options.nEstimators; ++round) {
        if (stop.stop_requested()) throw Cancelled{};
        check(XGBoosterUpdateOneIter(b, round, train.get()));
        out.rounds = round + 1;
        // Asked to finish: this round is the last, and the curve gets its point.
        out.finishedEarly = finish.stop_requested() && out.rounds < options.nEstimators;
        const bool last = out.rounds == options.nEstimators || out.finishedEarly;
        if (out.rounds % measureEvery != 0 && !last) {
            if (onRound) onRound(out.rounds, std::nan(""), std::nan(""));
            continue;
        }
        if (!valid) {
            out.loss = trainingLoss(b, train.get(), y, trainRows, classCount);
            if (onRound) onRound(out.rounds, out.loss, std::nan(""));
            if (out.finishedEarly) break;
            continue;
        }
        // Early stopping decides on XGBoost's own evaluation, as Python's does.
        const char* evaluation = nullptr;
        check(XGBoosterEvalOneIter(b, round, evalSets, evalNames, 2, &evaluation));
        const std::vector<double> losses = parseEvaluation(evaluation);
        out.loss = losses.empty() ? std::nan("") : losses[0];
        const double validLoss = losses.size() > 1 ? losses[1] : std::nan("");
        if (onRound) onRound(out.rounds, out.loss, validLoss);
        if (validLoss < bestValid) {
            bestValid = validLoss;
            bestRound = round + 1;
        } else if (round + 1 - bestRound >= options.earlyStoppingRounds) {
            break;
        }
        if (out.finishedEarly) break;
    }
    if (valid && bestRound < out.rounds) {
        // Keep the trees of the best round only.
        BoosterHandle sliced = nullptr;
        check(XGBoosterSlice(b, 0, bestRound, 1, &sliced));
        booster.reset(sliced);
        b = booster.get();
        out.rounds = bestRound;
    }

    std::vector<double> importances(featureNames.size(), 0.0);
    {
        bst_ulong count = 0, dimension = 0;
        const char** names = nullptr;
        const bst_ulong* shape = nullptr;
        const float* scores = nullptr;
        check(XGBoosterFeatureScore(b, R"({"importance_type": "gain"})", &count, &names,
                                    &dimension, &shape, &scores));
        // Unnamed features are called "f<index>".
        for (bst_ulong i = 0; i < count; ++i) {
            const size_t j = size_t(std::strtoul(names[i] + 1, nullptr, 10));
            if (j < importances.size()) importances[j] = double(scores[i]);
        }
        const double sum = std::accumulate(importances.begin(), importances.end(), 0.0);
        if (sum > 0.0)
            for (double& v : importances)
                v /= sum;
    }

    bst_ulong length = 0;
    const char* buffer = nullptr;
    check(XGBoosterSaveModelToBuffer(b, R"({"format": "ubj"})", &length, &buffer));
    std::vector<char> model(buffer, buffer + length);
    out.estimator = std::make_shared<const GradientBoosting>(
        std::move(featureNames), std::move(classLabels), std::move(model), std::move(importances),
        out.rounds);
    return out;
}

GradientBoosting::GradientBoosting(std::vector<std::string> featureNames,
                                   std::vector<std::string> classLabels, std::vector<char> model,
                                   std::vector<double> importances, int rounds)
    : m_featureNames(std::move(featureNames)), m_classLabels(std::move(classLabels)),
      m_model(std::move(model)), m_importances(std::move(importances)), m_rounds(rounds) {}

std::string GradientBoosting::typeId() const {
    return task() == Task::Classification ? "oficina.model.xgboost_classifier"
                                          : "oficina.model.xgboost_regressor";
}

const char* GradientBoosting::title() const {
    return task() == Task::Classification ? OFICINA_TR_NOOP("Gradient boosting classifier")
                                          : OFICINA_TR_NOOP("Gradient boosting regressor");
}

Task GradientBoosting::task() const {
    return m_classLabels.empty() ? Task::Regression : Task::Classification;
}

std::string GradientBoosting::treesJson() const {
    const BoosterPtr booster = loadBooster(m_model, 1);
    bst_ulong count = 0;
    const char** dumps = nullptr;
    check(XGBoosterDumpModelEx(booster.get(), "", 1, "json", &count, &dumps));
    std::string json = "[";
    for (bst_ulong i = 0; i < count; ++i) {
        if (i > 0) json += ",";
        json += dumps[i];
    }
    return json + "]";
}

Eigen::MatrixXd GradientBoosting::predictMatrix(const Eigen::MatrixXd& X) const {
    const BoosterPtr booster = loadBooster(m_model, 0);
    const MatrixPtr matrix = makeMatrix(X, threadsFor(0));
    const bst_ulong* shape = nullptr;
    bst_ulong dimension = 0;
    const float* result = nullptr;
    check(XGBoosterPredictFromDMatrix(
        booster.get(), matrix.get(),
        R"({"type": 0, "training": false, "iteration_begin": 0, "iteration_end": 0,
            "strict_shape": false})",
        &shape, &dimension, &result));
    const Index rows = X.rows();
    const size_t classes = m_classLabels.size();
    if (classes == 0) {
        Eigen::MatrixXd out(rows, 1);
        for (Index i = 0; i < rows; ++i)
            out(i, 0) = double(result[i]);
        return out;
    }
    Eigen::MatrixXd out(rows, Index(classes));
    for (Index i = 0; i < rows; ++i) {
        if (classes == 2) {
            out(i, 1) = double(result[i]);
            out(i, 0) = 1.0 - out(i, 1);
        } else {
            for (size_t c = 0; c < classes; ++c)
                out(i, Index(c)) = double(result[size_t(i) * classes + c]);
        }
    }
    return out;
}

std::vector<Column> GradientBoosting::predict(const Table& transformed) const {
    const Eigen::MatrixXd X = featureMatrix(transformed, m_featureNames);
    const Eigen::MatrixXd predicted = predictMatrix(X);
    if (task() == Task::Regression)
        return {Column::numeric(kPredictionColumn,
                                {predicted.col(0).begin(), predicted.col(0).end()},
                                ColumnRole::Prediction)};
    return classificationColumns(predicted, m_classLabels);
}

// ---- Models from outside ----

namespace {

using UbJson = nlohmann::json;

constexpr int64_t kMaxBoosterDepth = 1000; // the max_depth parameter's limit

void expect(const char* field, const std::string& found, const std::string& expected) {
    if (found != expected)
        throw Error(Message(OFICINA_TR_NOOP("the XGBoost model's %1 is %2, expected %3"),
                            {field, textExcerpt(found), expected}));
}

// Tree `t` of a booster: what XGBoost reads from it without checking.
void checkBoosterTree(const UbJson& tree, size_t t, size_t featureCount) {
    const std::string name = std::to_string(t);
    const UbJson& left = tree.at("left_children");
    const UbJson& right = tree.at("right_children");
    const UbJson& feature = tree.at("split_indices");
    const size_t n = left.size();
    expect("tree id", std::to_string(tree.at("id").get<int64_t>()), name);
    if (n == 0 || right.size() != n || feature.size() != n ||
        tree.at("tree_param").at("num_nodes").get<std::string>() != std::to_string(n))
        throw Error(Message(OFICINA_TR_NOOP("tree %1 of the XGBoost model has node arrays of "
                                            "different lengths"),
                            {name}));
    expect("size_leaf_vector", tree.at("tree_param").at("size_leaf_vector").get<std::string>(),
           "0");
    // Oficina makes numeric splits only; categorical ones index further arrays unchecked.
    bool categorical = tree.contains("split_type") &&
                       std::any_of(tree["split_type"].begin(), tree["split_type"].end(),
                                   [](const UbJson& v) { return v.get<int64_t>() != 0; });
    for (const char* key :
         {"categories", "categories_nodes", "categories_segments", "categories_sizes"})
        categorical = categorical || (tree.contains(key) && !tree[key].empty());
    if (categorical)
        throw Error(Message(OFICINA_TR_NOOP("tree %1 of the XGBoost model has categorical "
                                            "splits, which Oficina does not make"),
                            {name}));
    // From the root, every child in range and reached once: no cycle, no shared subtree.
    std::vector<bool> reached(n, false);
    std::vector<std::pair<int64_t, int64_t>> stack{{0, 0}}; // node, depth
    reached[0] = true;
    while (!stack.empty()) {
        const auto [node, depth] = stack.back();
        stack.pop_back();
        const int64_t l = left[size_t(node)].get<int64_t>();
        const int64_t r = right[size_t(node)].get<int64_t>();
        if (l == -1 && r == -1) continue;
        const int64_t j = feature[size_t(node)].get<int64_t>();
        if (j < 0 || size_t(j) >= featureCount)
            throw Error(Message(OFICINA_TR_NOOP("node %1 of tree %2 of the XGBoost model splits "
                                                "on feature %3 of %4"),
                                {std::to_string(node), name, std::to_string(j),
                                 std::to_string(featureCount)}));
        for (const int64_t child : {l, r}) {
            if (child < 0 || size_t(child) >= n || reached[size_t(child)] ||
                depth >= kMaxBoosterDepth)
                throw Error(Message(OFICINA_TR_NOOP("node %1 of tree %2 of the XGBoost model has "
                                                    "the child %3, outside its %4 nodes, "
                                                    "reached twice or too deep"),
                                    {std::to_string(node), name, std::to_string(child),
                                     std::to_string(n)}));
            reached[size_t(child)] = true;
            stack.emplace_back(child, depth + 1);
        }
    }
}

void checkBoosterJson(const UbJson& json, size_t featureCount, size_t classCount, int rounds) {
    const UbJson& learner = json.at("learner");
    const UbJson& param = learner.at("learner_model_param");
    expect("objective", learner.at("objective").at("name").get<std::string>(),
           classCount > 2    ? "multi:softprob"
           : classCount == 2 ? "binary:logistic"
                             : "reg:squarederror");
    expect("num_class", param.at("num_class").get<std::string>(),
           std::to_string(classCount > 2 ? classCount : 0));
    expect("num_feature", param.at("num_feature").get<std::string>(),
           std::to_string(featureCount));
    const UbJson& booster = learner.at("gradient_booster");
    expect("booster", booster.at("name").get<std::string>(), "gbtree");
    const UbJson& model = booster.at("model");
    const UbJson& treeParam = model.at("gbtree_model_param");
    expect("num_parallel_tree", treeParam.at("num_parallel_tree").get<std::string>(), "1");
    const size_t groups = classCount > 2 ? classCount : 1;
    const std::string count = std::to_string(size_t(rounds) * groups);
    const UbJson& trees = model.at("trees");
    const UbJson& info = model.at("tree_info");
    expect("num_trees", treeParam.at("num_trees").get<std::string>(), count);
    expect("tree count", std::to_string(trees.is_array() ? trees.size() : 0), count);
    expect("tree_info count", std::to_string(info.is_array() ? info.size() : 0), count);
    for (size_t t = 0; t < trees.size(); ++t) {
        const int64_t group = info[t].get<int64_t>();
        if (group < 0 || size_t(group) >= groups)
            throw Error(Message(OFICINA_TR_NOOP("tree %1 of the XGBoost model adds to output %2 "
                                                "of %3"),
                                {std::to_string(t), std::to_string(group),
                                 std::to_string(groups)}));
        checkBoosterTree(trees[t], t, featureCount);
    }
}

} // namespace

void checkBoosterModel(const std::vector<char>& model, size_t featureCount, size_t classCount,
                       int rounds) {
    const std::optional<UbJson> json = parseUbjson(model);
    if (!json)
        throw Error(Message(OFICINA_TR_NOOP("the XGBoost model is damaged: it is not the "
                                            "UBJSON that XGBoost writes")));
    try {
        checkBoosterJson(*json, featureCount, classCount, rounds);
    } catch (const UbJson::exception& e) {
        throw Error(Message(OFICINA_TR_NOOP("the XGBoost model lacks a part or holds the wrong "
                                            "kind of value there: %1"),
                            {e.what()}));
    }
    (void)loadBooster(model, 1);
}

GradientBoostingTraining trainGradientBoosting(const Table& table,
                                               const std::vector<std::string>& features,
                                               const std::string& target, bool classification,
                                               const GradientBoostingOptions& options,
                                               const BoostingRoundCallback& onRound,
                                               std::stop_token stop, std::stop_token finish) {
    if (features.empty())
        throw Error(Message(OFICINA_TR_NOOP("there are no feature columns to train on")));
    const Eigen::MatrixXd X = featureMatrix(table, features);
    if (!classification)
        return fitGradientBoosting(X, treeRegressionTarget(table, target), 0, features, {},
                                   options, onRound, std::move(stop), std::move(finish));
    ClassLabels classes = presentClasses(table.column(target));
    const std::vector<double> y(classes.codes.begin(), classes.codes.end());
    const int count = int(classes.labels.size());
    return fitGradientBoosting(X, y, count, features, std::move(classes.labels), options, onRound,
                               std::move(stop), std::move(finish));
}

} // namespace oficina::core
