#include "models/Knn.h"

#include "cluster/NearestNeighbors.h"
#include "data/FeatureMatrix.h"
#include "models/Classification.h"
#include "util/Blas.h"
#include "util/Error.h"
#include "util/Parallel.h"
#include "util/Tr.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <thread>

namespace oficina::core {

namespace {

using Eigen::Index;

// scikit-learn's "auto" picks a KD-tree up to 15 features and brute force beyond.
constexpr Index kTreeMaxFeatures = 15;

void checkK(int k, Index rows) {
    if (k < 1 || Index(k) > rows)
        throw Error(Message(OFICINA_TR_NOOP("n_neighbors is %1 but there are %2 training rows; "
                                            "choose between 1 and the number of rows"),
                            {std::to_string(k), std::to_string(rows)}));
}

// Per neighbour: its vote weight (scikit-learn's _get_weights). With distance weights a row that
// has neighbours at distance 0 gives them weight 1 and every other neighbour 0.
void weightsOf(const KnnNeighbors& found, Index row, KnnWeights mode, double* out) {
    const Index k = found.distances.cols();
    if (mode == KnnWeights::Uniform) {
        std::fill(out, out + k, 1.0);
        return;
    }
    bool exact = false;
    for (Index j = 0; j < k; ++j) exact = exact || found.distances(row, j) == 0.0;
    for (Index j = 0; j < k; ++j) {
        const double d = found.distances(row, j);
        out[j] = exact ? (d == 0.0 ? 1.0 : 0.0) : 1.0 / d;
    }
}

} // namespace

// ---- Search ------------------------------------------------------------------------------

KnnIndex::KnnIndex(Eigen::MatrixXd X) : m_x(std::move(X)) {
    if (m_x.rows() == 0 || m_x.cols() == 0)
        throw Error(Message(OFICINA_TR_NOOP("there are no rows to train on")));
    m_squaredNorms = m_x.rowwise().squaredNorm();
    if (m_x.cols() <= kTreeMaxFeatures) {
        m_tree = std::make_unique<NearestNeighbors>();
        m_tree->build(m_x);
    }
}

KnnIndex::~KnnIndex() = default;

KnnNeighbors KnnIndex::search(const Eigen::MatrixXd& queries, int k,
                              const PredictControl& control) const {
    checkK(k, m_x.rows());
    if (queries.cols() != m_x.cols())
        throw Error(Message(OFICINA_TR_NOOP("%1 features to predict from, but the model was "
                                            "trained on %2"),
                            {std::to_string(queries.cols()), std::to_string(m_x.cols())}));
    if (!m_tree) return bruteForce(queries, k, control);
    NearestNeighbors::KnnResult found = m_tree->knn(queries, k, control.stop);
    return {std::move(found.indices), std::move(found.distances)};
}

KnnNeighbors KnnIndex::bruteForce(const Eigen::MatrixXd& queries, int k,
                                  const PredictControl& control) const {
    checkK(k, m_x.rows());
    const Index n = m_x.rows(), q = queries.rows();
    KnnNeighbors out;
    out.indices.resize(q, k);
    out.distances.resize(q, k);
    // ‖x‖² − 2·x·q ranks training rows for a query (‖q‖² is the same for all): one matrix
    // product per block of training rows × block of queries, then a scan keeping the k best.
    constexpr Index queryBlock = 256, trainBlock = 1024;
    const Index blocks = (q + queryBlock - 1) / queryBlock;
    std::atomic<Index> next{0}, done{0};
    std::atomic<bool> stopped{false};
    // Every thread takes blocks; the calling one also reports progress (PredictControl's rule).
    const auto work = [&](bool reports) {
        Eigen::MatrixXd products(trainBlock, queryBlock);
        std::vector<double> bestD(size_t(queryBlock * k));
        std::vector<Index> bestI(size_t(queryBlock * k));
        for (Index b = next++; b < blocks; b = next++) {
            if (control.stop.stop_requested()) {
                stopped = true;
                return;
            }
            const Index q0 = b * queryBlock, rows = std::min(queryBlock, q - q0);
            std::fill(bestD.begin(), bestD.end(), std::numeric_limits<double>::infinity());
            std::fill(bestI.begin(), bestI.end(), Index(-1));
            for (Index t0 = 0; t0 < n; t0 += trainBlock) {
                const Index tb = std::min(trainBlock, n - t0);
                blas::multiply(m_x.middleRows(t0, tb), false, queries.middleRows(q0, rows), true,
                               products.topLeftCorner(tb, rows));
                const double* norms = m_squaredNorms.data() + t0;
                for (Index i = 0; i < rows; ++i) {
                    double* d = bestD.data() + i * k;
                    Index* id = bestI.data() + i * k;
                    const double* g = products.col(i).data();
                    double worst = d[k - 1];
                    for (Index j = 0; j < tb; ++j) {
                        const double v = norms[j] - 2.0 * g[j];
                        if (!(v < worst)) continue;
                        // Insert after equal distances: earlier rows win ties.
                        Index pos = k - 1;
                        while (pos > 0 && d[pos - 1] > v) {
                            d[pos] = d[pos - 1];
                            id[pos] = id[pos - 1];
                            --pos;
                        }
                        d[pos] = v;
                        id[pos] = t0 + j;
                        worst = d[k - 1];
                    }
                }
            }
            // Report exact distances, summed coordinate by coordinate.
            for (Index i = 0; i < rows; ++i)
                for (Index j = 0; j < k; ++j) {
                    const Index t = bestI[size_t(i * k + j)];
                    out.indices(q0 + i, j) = t;
                    out.distances(q0 + i, j) =
                        std::sqrt((queries.row(q0 + i) - m_x.row(t)).squaredNorm());
                }
            const Index finished = ++done;
            if (reports && control.progress) control.progress(double(finished) / double(blocks));
        }
    };
    const Index threads =
        std::min<Index>(blocks, threadsFor(0));
    {
        std::vector<std::jthread> helpers;
        for (Index t = 1; t < threads; ++t) helpers.emplace_back(work, false);
        work(true);
    }
    if (stopped) throw Cancelled{};
    return out;
}

// ---- Classifier --------------------------------------------------------------------------

KnnClassifier::KnnClassifier(std::vector<std::string> featureNames,
                             std::vector<std::string> classLabels, Eigen::MatrixXd X,
                             std::vector<int32_t> y, KnnOptions options)
    : m_featureNames(std::move(featureNames)), m_classLabels(std::move(classLabels)),
      m_y(std::move(y)), m_options(options), m_index(std::move(X)) {}

std::string KnnClassifier::typeId() const { return "oficina.model.knn_classifier"; }

const char* KnnClassifier::title() const { return OFICINA_TR_NOOP("k-NN classifier"); }

Eigen::MatrixXd KnnClassifier::predictProbabilities(const Eigen::MatrixXd& X,
                                                    const PredictControl& control) const {
    const KnnNeighbors found = m_index.search(X, m_options.nNeighbors, control);
    const Index k = found.indices.cols();
    Eigen::MatrixXd proba = Eigen::MatrixXd::Zero(X.rows(), Index(m_classLabels.size()));
    std::vector<double> w(static_cast<size_t>(k));
    for (Index i = 0; i < X.rows(); ++i) {
        weightsOf(found, i, m_options.weights, w.data());
        double total = 0.0;
        for (Index j = 0; j < k; ++j) proba(i, m_y[size_t(found.indices(i, j))]) += w[size_t(j)];
        for (Index c = 0; c < proba.cols(); ++c) total += proba(i, c);
        proba.row(i) /= total;
    }
    return proba;
}

std::vector<int32_t> KnnClassifier::predictClasses(const Eigen::MatrixXd& X,
                                                   const PredictControl& control) const {
    const Eigen::MatrixXd proba = predictProbabilities(X, control);
    std::vector<int32_t> out(size_t(X.rows()));
    for (Index i = 0; i < X.rows(); ++i) {
        Index best = 0;
        for (Index c = 1; c < proba.cols(); ++c)
            if (proba(i, c) > proba(i, best)) best = c;
        out[size_t(i)] = int32_t(best);
    }
    return out;
}

std::vector<Column> KnnClassifier::predict(const Table& transformed) const {
    return predict(transformed, {});
}

std::vector<Column> KnnClassifier::predict(const Table& transformed,
                                           const PredictControl& control) const {
    const Eigen::MatrixXd X = featureMatrix(transformed, m_featureNames);
    return classificationColumns(predictProbabilities(X, control), m_classLabels);
}

std::shared_ptr<const KnnClassifier> trainKnnClassifier(const Table& table,
                                                        const std::vector<std::string>& features,
                                                        const std::string& target,
                                                        const KnnOptions& options) {
    if (features.empty())
        throw Error(Message(OFICINA_TR_NOOP("there are no feature columns to train on")));
    Eigen::MatrixXd X = featureMatrix(table, features);
    checkK(options.nNeighbors, X.rows());
    ClassLabels y = presentClasses(table.column(target));
    return std::make_shared<const KnnClassifier>(features, std::move(y.labels), std::move(X),
                                                 std::move(y.codes), options);
}

// ---- Regressor ---------------------------------------------------------------------------

KnnRegressor::KnnRegressor(std::vector<std::string> featureNames, Eigen::MatrixXd X,
                           std::vector<double> y, KnnOptions options)
    : m_featureNames(std::move(featureNames)), m_y(std::move(y)), m_options(options),
      m_index(std::move(X)) {}

std::string KnnRegressor::typeId() const { return "oficina.model.knn_regressor"; }

const char* KnnRegressor::title() const { return OFICINA_TR_NOOP("k-NN regressor"); }

std::vector<double> KnnRegressor::predictValues(const Eigen::MatrixXd& X,
                                                const PredictControl& control) const {
    const KnnNeighbors found = m_index.search(X, m_options.nNeighbors, control);
    const Index k = found.indices.cols();
    std::vector<double> out(size_t(X.rows()));
    std::vector<double> w(static_cast<size_t>(k));
    for (Index i = 0; i < X.rows(); ++i) {
        if (m_options.weights == KnnWeights::Uniform) {
            double sum = 0.0;
            for (Index j = 0; j < k; ++j) sum += m_y[size_t(found.indices(i, j))];
            out[size_t(i)] = sum / double(k);
            continue;
        }
        weightsOf(found, i, m_options.weights, w.data());
        double num = 0.0, den = 0.0;
        for (Index j = 0; j < k; ++j) {
            num += m_y[size_t(found.indices(i, j))] * w[size_t(j)];
            den += w[size_t(j)];
        }
        out[size_t(i)] = num / den;
    }
    return out;
}

std::vector<Column> KnnRegressor::predict(const Table& transformed) const {
    return predict(transformed, {});
}

std::vector<Column> KnnRegressor::predict(const Table& transformed,
                                          const PredictControl& control) const {
    const Eigen::MatrixXd X = featureMatrix(transformed, m_featureNames);
    return {Column::numeric(kPredictionColumn, predictValues(X, control),
                            ColumnRole::Prediction)};
}

std::shared_ptr<const KnnRegressor> trainKnnRegressor(const Table& table,
                                                      const std::vector<std::string>& features,
                                                      const std::string& target,
                                                      const KnnOptions& options) {
    if (features.empty())
        throw Error(Message(OFICINA_TR_NOOP("there are no feature columns to train on")));
    Eigen::MatrixXd X = featureMatrix(table, features);
    checkK(options.nNeighbors, X.rows());
    const Column& y = table.column(target);
    if (!y.isNumeric())
        throw Error(Message(OFICINA_TR_NOOP("the target '%1' is categorical; a regressor needs "
                                            "numbers (use the k-NN classifier)"),
                            {target}));
    if (const size_t missing = y.missingCount())
        throw Error(Message(OFICINA_TR_NOOP("target column '%1' has %2 missing values; drop "
                                            "those rows before training"),
                            {target, std::to_string(missing)}));
    return std::make_shared<const KnnRegressor>(features, std::move(X), y.values(), options);
}

} // namespace oficina::core
