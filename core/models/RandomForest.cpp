#include "models/RandomForest.h"

#include "data/FeatureMatrix.h"
#include "data/NumpyRandom.h"
#include "models/Classification.h"
#include "util/Error.h"
#include "util/Parallel.h"
#include "util/Tr.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <numeric>
#include <thread>

namespace oficina::core {

namespace {

using Eigen::Index;

constexpr uint64_t kMaxInt = 2147483647u;  // np.iinfo(np.int32).max

// Sum of the trees' class fractions (classification) or values (regression) per row.
Eigen::MatrixXd treeSum(const std::vector<Tree>& trees, const Eigen::MatrixXd& X, int width,
                        bool normalise) {
    Eigen::MatrixXd out = Eigen::MatrixXd::Zero(X.rows(), width);
    for (Index i = 0; i < X.rows(); ++i) {
        const auto row = [&](int j) { return X(i, j); };
        for (const Tree& tree : trees) {
            const double* value = tree.value(tree.leafOf(row));
            double sum = 1.0;
            if (normalise) {
                sum = 0.0;
                for (int k = 0; k < width; ++k)
                    sum += value[k];
                if (sum <= 0.0) continue;
            }
            for (int k = 0; k < width; ++k)
                out(i, k) += value[k] / sum;
        }
    }
    return out;
}

} // namespace

MaxFeatures RandomForestOptions::defaultMaxFeatures(TreeCriterion criterion) {
    if (criterion == TreeCriterion::SquaredError) return {MaxFeatures::Kind::Fraction, 1.0};
    return {MaxFeatures::Kind::Sqrt, 0.0};
}

std::vector<uint32_t> forestTreeSeeds(uint32_t seed, int count) {
    NumpyRandomState random(seed);
    std::vector<uint32_t> seeds(size_t(std::max(count, 0)));
    for (uint32_t& s : seeds)
        s = uint32_t(random.randomInterval(kMaxInt - 1));
    return seeds;
}

std::vector<double> bootstrapCounts(uint32_t treeSeed, int64_t rows) {
    // scikit-learn's _generate_sample_indices: RandomState(seed).randint(0, rows, rows).
    NumpyRandomState random(treeSeed);
    std::vector<double> counts(size_t(rows), 0.0);
    for (int64_t i = 0; i < rows; ++i)
        counts[size_t(random.randomInterval(uint64_t(rows - 1)))] += 1.0;
    return counts;
}

std::vector<Tree> growForest(const TreeData& data, const RandomForestOptions& options,
                             const TreeDoneCallback& onTreeDone, std::stop_token stop) {
    if (options.nEstimators < 1)
        throw Error(Message(OFICINA_TR_NOOP("n_estimators must be at least 1, not %1"),
                            {std::to_string(options.nEstimators)}));
    if (options.oobScore && !options.bootstrap)
        throw Error(Message(OFICINA_TR_NOOP("the out-of-bag score needs bootstrap samples")));
    const std::vector<uint32_t> seeds = forestTreeSeeds(options.seed, options.nEstimators);
    const DecisionTreeOptions treeOptions{.criterion = options.criterion,
                                          .maxDepth = options.maxDepth,
                                          .minSamplesSplit = options.minSamplesSplit,
                                          .minSamplesLeaf = options.minSamplesLeaf,
                                          .maxFeatures = options.maxFeatures};
    const int threads = std::min(options.nEstimators, threadsFor(options.nJobs));

    std::vector<Tree> trees(size_t(options.nEstimators));
    std::atomic<int> next{0};
    std::atomic<bool> failed{false};
    std::mutex mutex;
    int done = 0;
    std::exception_ptr error;
    // Each tree depends only on its own seed, so any thread may grow any tree.
    const auto work = [&] {
        try {
            auto workspace = makeTreeWorkspace();
            for (int t = next++; t < options.nEstimators && !failed; t = next++) {
                if (stop.stop_requested()) throw Cancelled{};
                TreeData treeData = data;
                std::vector<double> weights;
                if (options.bootstrap) {
                    weights = bootstrapCounts(seeds[size_t(t)], data.rows);
                    treeData.weights = weights.data();
                }
                trees[size_t(t)] = buildTree(treeData, treeOptions,
                                             treeSplitterSeed(seeds[size_t(t)]), *workspace, stop);
                const std::lock_guard lock(mutex);
                ++done;
                if (onTreeDone) onTreeDone(done);
            }
        } catch (...) {
            const std::lock_guard lock(mutex);
            if (!error) error = std::current_exception();
            failed = true;
        }
    };
    {
        std::vector<std::jthread> helpers;
        for (int t = 1; t < threads; ++t)
            helpers.emplace_back(work);
        work();
    }
    if (error) std::rethrow_exception(error);
    return trees;
}

RandomForest::RandomForest(std::vector<std::string> featureNames,
                           std::vector<std::string> classLabels, std::vector<Tree> trees)
    : m_featureNames(std::move(featureNames)), m_classLabels(std::move(classLabels)),
      m_trees(std::move(trees)) {}

std::string RandomForest::typeId() const {
    return task() == Task::Classification ? "oficina.model.random_forest_classifier"
                                          : "oficina.model.random_forest_regressor";
}

const char* RandomForest::title() const {
    return task() == Task::Classification ? OFICINA_TR_NOOP("Random forest classifier")
                                          : OFICINA_TR_NOOP("Random forest regressor");
}

Task RandomForest::task() const {
    return m_classLabels.empty() ? Task::Regression : Task::Classification;
}

std::vector<double> RandomForest::featureImportances() const {
    const size_t d = m_featureNames.size();
    std::vector<double> mean(d, 0.0);
    int counted = 0;
    for (const Tree& tree : m_trees) {
        if (tree.nodes().size() <= 1) continue;  // scikit-learn skips single-leaf trees
        std::vector<double> importances = tree.impurityDecrease(int(d));
        const double sum = std::accumulate(importances.begin(), importances.end(), 0.0);
        if (sum > 0.0)
            for (size_t j = 0; j < d; ++j)
                mean[j] += importances[j] / sum;
        ++counted;
    }
    if (counted == 0) return mean;
    const double total = std::accumulate(mean.begin(), mean.end(), 0.0);
    if (total > 0.0)
        for (double& v : mean)
            v /= total;
    return mean;
}

Eigen::MatrixXd RandomForest::predictProbabilities(const Eigen::MatrixXd& X) const {
    const int width = int(m_classLabels.size());
    return treeSum(m_trees, X, width, true) / double(m_trees.size());
}

Eigen::VectorXd RandomForest::predictValues(const Eigen::MatrixXd& X) const {
    if (task() == Task::Regression)
        return treeSum(m_trees, X, 1, false).col(0) / double(m_trees.size());
    const Eigen::MatrixXd probabilities = predictProbabilities(X);
    Eigen::VectorXd out(X.rows());
    for (Index i = 0; i < X.rows(); ++i) {
        Index best = 0;
        probabilities.row(i).maxCoeff(&best);
        out(i) = double(best);
    }
    return out;
}

std::vector<Column> RandomForest::predict(const Table& transformed) const {
    const Eigen::MatrixXd X = featureMatrix(transformed, m_featureNames);
    if (task() == Task::Regression) {
        const Eigen::VectorXd values = predictValues(X);
        return {Column::numeric(kPredictionColumn, {values.begin(), values.end()},
                                ColumnRole::Prediction)};
    }
    return classificationColumns(predictProbabilities(X), m_classLabels);
}

RandomForestTraining trainRandomForest(const Table& table,
                                       const std::vector<std::string>& features,
                                       const std::string& target,
                                       const RandomForestOptions& options,
                                       const TreeDoneCallback& onTreeDone,
                                       std::stop_token stop) {
    const std::vector<float> x = treeFeatureMatrix(table, features);
    const auto rows = int64_t(table.rowCount());
    TreeData data{.x = x.data(), .rows = rows, .features = int(features.size())};
    ClassLabels classes;
    std::vector<double> y;
    const bool regression = options.criterion == TreeCriterion::SquaredError;
    if (regression) {
        y = treeRegressionTarget(table, target);
        data.y = y.data();
    } else {
        classes = presentClasses(table.column(target));
        data.classes = classes.codes.data();
        data.classCount = int(classes.labels.size());
    }
    std::vector<Tree> trees = growForest(data, options, onTreeDone, stop);

    RandomForestTraining out;
    if (options.oobScore) {
        // scikit-learn's _compute_oob_predictions: each row averaged over the trees whose
        // bootstrap left it out; rows no tree left out count with an all-zero prediction.
        const int width = regression ? 1 : data.classCount;
        Eigen::MatrixXd sum = Eigen::MatrixXd::Zero(rows, width);
        std::vector<int> counts(size_t(rows), 0);
        const std::vector<uint32_t> seeds = forestTreeSeeds(options.seed, options.nEstimators);
        for (size_t t = 0; t < trees.size(); ++t) {
            const std::vector<double> drawn = bootstrapCounts(seeds[t], rows);
            for (int64_t i = 0; i < rows; ++i) {
                if (drawn[size_t(i)] != 0.0) continue;
                const double* value = trees[t].value(
                    trees[t].leafOf([&](int j) { return x[size_t(j) * size_t(rows) + i]; }));
                double total = 1.0;
                if (!regression) total = std::accumulate(value, value + width, 0.0);
                for (int k = 0; k < width; ++k)
                    sum(i, k) += value[k] / total;
                ++counts[size_t(i)];
            }
        }
        double score = 0.0;
        if (regression) {
            const double mean = std::accumulate(y.begin(), y.end(), 0.0) / double(rows);
            double residual = 0.0, spread = 0.0;
            for (int64_t i = 0; i < rows; ++i) {
                const double predicted = sum(i, 0) / std::max(counts[size_t(i)], 1);
                residual += (y[size_t(i)] - predicted) * (y[size_t(i)] - predicted);
                spread += (y[size_t(i)] - mean) * (y[size_t(i)] - mean);
            }
            score = spread > 0.0 ? 1.0 - residual / spread : 0.0;
        } else {
            int64_t correct = 0;
            for (int64_t i = 0; i < rows; ++i) {
                Index best = 0;
                sum.row(i).maxCoeff(&best);
                correct += best == classes.codes[size_t(i)];
            }
            score = double(correct) / double(rows);
        }
        out.oobScore = score;
    }
    out.estimator = std::make_shared<const RandomForest>(features, std::move(classes.labels),
                                                         std::move(trees));
    return out;
}

} // namespace oficina::core
