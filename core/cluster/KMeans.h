#pragma once

#include "data/Table.h"
#include "models/Model.h"

#include <Eigen/Core>

#include <cstdint>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

namespace oficina::core {

enum class KMeansAlgorithm { Lloyd, Elkan };

/// Hyper-parameters of K-Means with scikit-learn's names and defaults (KMeans in 1.4, where
/// n_init="auto" means one run for k-means++ initialisation; 1.2 ran ten).
///
/// Example:
///     KMeansOptions options;
///     options.nClusters = 3;
///     options.nInit = 10;          // keep the best of ten k-means++ starts
///     const KMeansFit fit = fitKMeans(X, options);
struct KMeansOptions {
    /// Clusters to form (`n_clusters`, ≥ 1, at most the number of rows).
    int nClusters = 8;
    /// k-means++ starts (`n_init`); the run with the lowest inertia is kept. Ignored (one run)
    /// when `init` is given.
    int nInit = 1;
    /// Most Lloyd/Elkan iterations of one run (`max_iter`).
    int maxIter = 300;
    /// Relative tolerance (`tol`): a run stops when the summed squared centre shift is at most
    /// tol × the mean per-feature variance of the data.
    double tol = 1e-4;
    /// Lloyd (distances by matrix product) or Elkan (triangle-inequality bounds).
    KMeansAlgorithm algorithm = KMeansAlgorithm::Lloyd;
    /// Seeds numpy's MT19937 stream as random_state does, so k-means++ picks the same rows as
    /// scikit-learn.
    uint32_t seed = 0;
    /// Explicit initial centres (nClusters × features), as scikit-learn's init=array.
    std::optional<Eigen::MatrixXd> init;
    /// Worker threads over row chunks (0 = 2).
    int threads = 0;
};

/// Hyper-parameters of mini-batch K-Means (scikit-learn's MiniBatchKMeans, n_init=1).
struct MiniBatchKMeansOptions {
    int nClusters = 8;           ///< `n_clusters`
    int batchSize = 1024;        ///< rows per step (`batch_size`)
    int maxIter = 100;           ///< passes over the data (`max_iter`)
    /// Stop after this many steps without improvement of the smoothed batch inertia
    /// (`max_no_improvement`; 0 = never).
    int maxNoImprovement = 10;
    /// Centres with fewer than this fraction of the largest centre's count are moved to random
    /// rows (`reassignment_ratio`).
    double reassignmentRatio = 0.01;
    uint32_t seed = 0;           ///< random_state
    int threads = 0;             ///< for the final labelling (0 = 2)
};

/// The result of a K-Means fit, shaped as scikit-learn's attributes.
struct KMeansFit {
    Eigen::MatrixXd centers;     ///< cluster_centers_: clusters × features
    std::vector<int32_t> labels; ///< labels_: one per row, in [0, clusters)
    double inertia = 0.0;        ///< inertia_: summed squared distance to the own centre
    int iterations = 0;          ///< n_iter_ of the kept run (steps for mini-batch)
    bool converged = false;
};

/// Called after each iteration with its number (1, 2, …) and the inertia of that iteration's
/// assignment (distances to the centres it started from).
using KMeansCallback = std::function<void(int iteration, double inertia)>;

/// K-Means on the rows of `X` (finite; taken by value since it is centred in place: move a
/// matrix in to save a copy). Runs on options.threads threads; `onIteration` is called on the
/// calling thread. Throws Error when there are fewer rows than clusters or bad options,
/// Cancelled when `stop` is requested.
KMeansFit fitKMeans(Eigen::MatrixXd X, const KMeansOptions& options,
                    const KMeansCallback& onIteration = {}, std::stop_token stop = {});

/// Mini-batch K-Means (k-means++ on a sample of 3 × batch_size rows, then batch updates).
KMeansFit fitMiniBatchKMeans(const Eigen::MatrixXd& X, const MiniBatchKMeansOptions& options,
                             const KMeansCallback& onStep = {}, std::stop_token stop = {});

/// Index of the nearest centre for each row (ties: the lower index), and the summed squared
/// distance to it through `inertia` when not null.
std::vector<int32_t> nearestCenters(const Eigen::MatrixXd& X, const Eigen::MatrixXd& centers,
                                    double* inertia = nullptr, int threads = 0);

/// A cluster column (categorical "0", "1"…, role Cluster) from labels; negative = missing.
Column clusterColumn(const std::vector<int32_t>& labels, int clusterCount);

/// A fitted K-Means: predict() assigns new rows to the nearest centre. Immutable.
class KMeansModel final : public Estimator {
public:
    KMeansModel(std::vector<std::string> featureNames, Eigen::MatrixXd centers);
    [[nodiscard]] std::string typeId() const override { return "oficina.cluster.kmeans"; }
    [[nodiscard]] const char* title() const override;
    [[nodiscard]] Task task() const override { return Task::Clustering; }
    [[nodiscard]] const std::vector<std::string>& featureNames() const override {
        return m_featureNames;
    }
    /// The kClusterColumn of the nearest centre. Throws Error as featureMatrix() does.
    [[nodiscard]] std::vector<Column> predict(const Table& transformed) const override;
    /// Clusters × features, in the feature space the model was trained in.
    [[nodiscard]] const Eigen::MatrixXd& centers() const { return m_centers; }

private:
    std::vector<std::string> m_featureNames;
    Eigen::MatrixXd m_centers;
};

} // namespace oficina::core
