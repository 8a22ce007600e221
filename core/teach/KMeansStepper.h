#pragma once

#include "cluster/KMeans.h"
#include "cluster/KMeansDetail.h"

#include <Eigen/Core>

#include <cstdint>
#include <optional>
#include <vector>

namespace oficina::core {

/// What the last step of a KMeansStepper did.
enum class KMeansPhase {
    Initialised, ///< centres placed (k-means++ or given), no row assigned yet
    Assigned,    ///< each row labelled with its nearest centre
    Moved,       ///< each centre moved to the mean of its rows
};

/// Options of a step-through K-Means: the ones of KMeansOptions that a single Lloyd run reads.
///
/// Example:
///     KMeansStepper stepper(X, {.nClusters = 3, .seed = 0});
///     while (stepper.step()) {}
///     // stepper.result() equals fitKMeans(X, {nClusters 3, seed 0, Lloyd}).
struct KMeansStepperOptions {
    int nClusters = 3; ///< `n_clusters` (≥ 1, at most the rows)
    uint32_t seed = 0; ///< seeds k-means++ as KMeansOptions::seed does
    int maxIter = 300; ///< `max_iter`
    double tol = 1e-4; ///< `tol`, relative to the data's mean per-feature variance
    /// Explicit initial centres (nClusters × features) instead of k-means++.
    std::optional<Eigen::MatrixXd> init;
};

/// K-Means (Lloyd) as an explicit state machine for teaching: each step() either assigns every
/// row to its nearest centre or moves every centre to the mean of its rows, so a view can draw
/// each half of an iteration. It runs exactly the loop of fitKMeans (the same k-means++ draws,
/// the same centring, the same empty-cluster relocation and stopping rules), so stepping until
/// finished() gives fitKMeans's result for n_init = 1 and the Lloyd algorithm.
/// Not thread-safe; single-threaded (meant for data a person can look at).
class KMeansStepper {
public:
    /// `X`: rows × features, finite. Throws Error as fitKMeans does (too few rows, no column,
    /// missing values, bad options).
    KMeansStepper(Eigen::MatrixXd X, KMeansStepperOptions options);

    /// Back to the initial centres (the same k-means++ draws), no step taken.
    void reset();
    /// Performs the next half-iteration; false (and nothing done) once finished().
    bool step();

    [[nodiscard]] KMeansPhase phase() const { return m_phase; }
    /// The phase the next step() performs.
    [[nodiscard]] KMeansPhase nextPhase() const;
    /// True once the run has stopped: labels unchanged, centres moved less than tol (followed by
    /// the closing assignment), or max_iter reached (also followed by it).
    [[nodiscard]] bool finished() const { return m_finished; }
    /// True when the run stops before max_iter (fitKMeans's `converged`), as soon as known.
    [[nodiscard]] bool converged() const { return m_converged; }
    /// Steps taken since the start or the last reset().
    [[nodiscard]] int stepCount() const { return m_steps; }
    /// Lloyd iterations begun (assignments inside the loop).
    [[nodiscard]] int iterations() const { return m_iterations; }

    /// Current centres (clusters × features) in the data's units.
    [[nodiscard]] Eigen::MatrixXd centers() const;
    /// The centres before the last Moved step (equal to centers() after other steps).
    [[nodiscard]] Eigen::MatrixXd previousCenters() const;
    /// One label per row in [0, clusters); all -1 before the first assignment.
    [[nodiscard]] const std::vector<int32_t>& labels() const { return m_labels; }
    /// Summed squared distance of each row to its labelled centre after the last step; NaN
    /// before the first assignment. Never increases from one step to the next.
    [[nodiscard]] double inertia() const { return m_inertia; }
    /// inertia() after every step so far.
    [[nodiscard]] const std::vector<double>& inertiaHistory() const { return m_history; }
    /// Rows per cluster under labels().
    [[nodiscard]] std::vector<int> clusterSizes() const;

    /// The run as a KMeansFit (centres in the data's units, labels, inertia, iterations).
    [[nodiscard]] KMeansFit result() const;

private:
    Eigen::MatrixXd m_x; // centred, as fitKMeans works
    Eigen::RowVectorXd m_mean;
    Eigen::VectorXd m_rowNorms;
    KMeansStepperOptions m_options;
    double m_tol = 0.0;
    Eigen::MatrixXd m_initial; // centred
    Eigen::MatrixXd m_centers, m_previousCenters;
    std::vector<int32_t> m_labels, m_previousLabels;
    std::vector<kmeans_detail::Partial> m_partials;
    int m_threads = 1;
    std::vector<double> m_history;
    double m_inertia = 0.0;
    KMeansPhase m_phase = KMeansPhase::Initialised;
    int m_steps = 0;
    int m_iterations = 0;
    bool m_finalAssignment = false; // the next Assign is scikit-learn's closing E-step
    bool m_converged = false;
    bool m_finished = false;
};

} // namespace oficina::core
