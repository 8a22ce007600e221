#pragma once

#include "data/Table.h"
#include "models/Model.h"

#include <Eigen/Core>

#include <cstdint>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

namespace oficina::core {

class NearestNeighbors;

/// How neighbours vote (scikit-learn's `weights`).
enum class KnnWeights {
    Uniform,  ///< every neighbour counts the same
    Distance, ///< by 1 / distance; neighbours at distance 0 take the whole vote
};

/// Hyper-parameters of scikit-learn 1.2's KNeighborsClassifier / KNeighborsRegressor with the
/// Euclidean metric.
///
/// Example:
///     KnnOptions options;
///     options.nNeighbors = 15;
///     options.weights = KnnWeights::Distance;
///     auto model = trainKnnClassifier(table, features, "species", options);
struct KnnOptions {
    /// Neighbours consulted per prediction (`n_neighbors`, 1 ≤ k ≤ training rows).
    int nNeighbors = 5;
    KnnWeights weights = KnnWeights::Uniform;
};

/// The k nearest training rows of each query row: queries × k, nearest first, ties in distance
/// broken by the lower training row (as scikit-learn's neighbour heaps keep the first found).
struct KnnNeighbors {
    Eigen::Matrix<Eigen::Index, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> indices;
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> distances;
};

/// Exact Euclidean k-nearest-neighbour search over stored training rows: a KD-tree for up to
/// 15 features (scikit-learn's "auto" choice), brute force with blocked matrix products beyond.
/// Immutable after construction; safe to query from several threads.
class KnnIndex {
public:
    /// Copies `X` (finite values). Throws Error for an empty matrix.
    explicit KnnIndex(Eigen::MatrixXd X);
    ~KnnIndex();
    [[nodiscard]] Eigen::Index size() const { return m_x.rows(); }
    /// The stored training rows (size() × features).
    [[nodiscard]] const Eigen::MatrixXd& points() const { return m_x; }
    /// Throws Error when k is outside [1, size()]; Cancelled when Stop is requested.
    [[nodiscard]] KnnNeighbors search(const Eigen::MatrixXd& queries, int k,
                                      const PredictControl& control = {}) const;
    /// The brute-force path whatever the dimension (for tests and benchmarks).
    [[nodiscard]] KnnNeighbors bruteForce(const Eigen::MatrixXd& queries, int k,
                                          const PredictControl& control = {}) const;

private:
    Eigen::MatrixXd m_x;
    Eigen::VectorXd m_squaredNorms;
    std::unique_ptr<NearestNeighbors> m_tree;
};

/// A fitted k-NN classifier. Immutable; safe to share across threads.
class KnnClassifier final : public Estimator {
public:
    KnnClassifier(std::vector<std::string> featureNames, std::vector<std::string> classLabels,
                  Eigen::MatrixXd X, std::vector<int32_t> y, KnnOptions options);
    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    [[nodiscard]] Task task() const override { return Task::Classification; }
    [[nodiscard]] const std::vector<std::string>& featureNames() const override {
        return m_featureNames;
    }
    /// kPredictionColumn and one "P(<label>)" column per class (the neighbours' vote shares).
    [[nodiscard]] std::vector<Column> predict(const Table& transformed) const override;
    [[nodiscard]] std::vector<Column> predict(const Table& transformed,
                                              const PredictControl& control) const override;
    [[nodiscard]] const std::vector<std::string>& classLabels() const { return m_classLabels; }
    [[nodiscard]] const KnnOptions& options() const { return m_options; }
    [[nodiscard]] const KnnIndex& index() const { return m_index; }
    /// The class index of each stored training row.
    [[nodiscard]] const std::vector<int32_t>& trainingClasses() const { return m_y; }
    /// rows × classes vote shares (predict_proba).
    [[nodiscard]] Eigen::MatrixXd predictProbabilities(const Eigen::MatrixXd& X,
                                                       const PredictControl& control = {}) const;
    /// Class indices; ties go to the smallest class (predict).
    [[nodiscard]] std::vector<int32_t> predictClasses(const Eigen::MatrixXd& X,
                                                      const PredictControl& control = {}) const;

private:
    std::vector<std::string> m_featureNames;
    std::vector<std::string> m_classLabels;
    std::vector<int32_t> m_y;
    KnnOptions m_options;
    KnnIndex m_index;
};

/// A fitted k-NN regressor. Immutable; safe to share across threads.
class KnnRegressor final : public Estimator {
public:
    KnnRegressor(std::vector<std::string> featureNames, Eigen::MatrixXd X, std::vector<double> y,
                 KnnOptions options);
    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    [[nodiscard]] Task task() const override { return Task::Regression; }
    [[nodiscard]] const std::vector<std::string>& featureNames() const override {
        return m_featureNames;
    }
    /// Numeric kPredictionColumn: the (weighted) mean of the neighbours' targets.
    [[nodiscard]] std::vector<Column> predict(const Table& transformed) const override;
    [[nodiscard]] std::vector<Column> predict(const Table& transformed,
                                              const PredictControl& control) const override;
    [[nodiscard]] std::vector<double> predictValues(const Eigen::MatrixXd& X,
                                                    const PredictControl& control = {}) const;
    [[nodiscard]] const KnnOptions& options() const { return m_options; }
    [[nodiscard]] const KnnIndex& index() const { return m_index; }
    /// The target of each stored training row.
    [[nodiscard]] const std::vector<double>& trainingTargets() const { return m_y; }

private:
    std::vector<std::string> m_featureNames;
    std::vector<double> m_y;
    KnnOptions m_options;
    KnnIndex m_index;
};

/// Stores the numeric `features` of `table` and the classes present in `target`. Throws Error
/// naming the offending column, or when n_neighbors exceeds the rows.
std::shared_ptr<const KnnClassifier> trainKnnClassifier(const Table& table,
                                                        const std::vector<std::string>& features,
                                                        const std::string& target,
                                                        const KnnOptions& options = {});

/// Stores the numeric `features` and numeric `target` of `table`. Throws as trainKnnClassifier.
std::shared_ptr<const KnnRegressor> trainKnnRegressor(const Table& table,
                                                      const std::vector<std::string>& features,
                                                      const std::string& target,
                                                      const KnnOptions& options = {});

} // namespace oficina::core
