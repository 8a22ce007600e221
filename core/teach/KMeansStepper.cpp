#include "teach/KMeansStepper.h"

#include "data/NumpyRandom.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <cmath>
#include <limits>
#include <string>

namespace oficina::core {

using namespace kmeans_detail;

KMeansStepper::KMeansStepper(Eigen::MatrixXd X, KMeansStepperOptions options)
    : m_options(std::move(options)) {
    checkData(X, m_options.nClusters);
    if (m_options.maxIter < 1 || !(m_options.tol >= 0))
        throw Error(Message(OFICINA_TR_NOOP("max_iter must be at least 1 and tol not negative")));
    if (m_options.init &&
        (m_options.init->rows() != m_options.nClusters || m_options.init->cols() != X.cols()))
        throw Error(Message(OFICINA_TR_NOOP("the initial centres must be a %1 × %2 matrix"),
                            {std::to_string(m_options.nClusters), std::to_string(X.cols())}));
    // The same preparation as fitKMeans, so every step rounds as its loop does.
    m_threads = threadCount(0, X.rows());
    m_mean = X.colwise().mean();
    X.rowwise() -= m_mean;
    m_tol = X.colwise().squaredNorm().sum() / double(X.rows() * X.cols()) * m_options.tol;
    m_rowNorms = X.rowwise().squaredNorm();
    m_x = std::move(X);
    if (m_options.init) {
        m_initial = *m_options.init;
        m_initial.rowwise() -= m_mean;
    } else {
        NumpyRandomState random(m_options.seed);
        m_initial = kmeansPlusPlus(m_x, m_rowNorms, m_options.nClusters, random, {}, m_threads);
    }
    reset();
}

void KMeansStepper::reset() {
    m_centers = m_initial;
    m_previousCenters = m_initial;
    m_labels.assign(size_t(m_x.rows()), -1);
    m_previousLabels.assign(size_t(m_x.rows()), -1);
    m_history.clear();
    m_inertia = std::numeric_limits<double>::quiet_NaN();
    m_phase = KMeansPhase::Initialised;
    m_steps = 0;
    m_iterations = 0;
    m_finalAssignment = false;
    m_converged = false;
    m_finished = false;
}

KMeansPhase KMeansStepper::nextPhase() const {
    return m_phase == KMeansPhase::Assigned ? KMeansPhase::Moved : KMeansPhase::Assigned;
}

// One pass of fitKMeans's Lloyd loop is "assign, move, test": the tests are split between the
// two steps here so that a step never does work the loop would not.
bool KMeansStepper::step() {
    if (m_finished) return false;
    ++m_steps;
    m_previousCenters = m_centers;
    if (nextPhase() == KMeansPhase::Assigned) {
        lloydPass(m_x, m_rowNorms, m_centers, m_labels, !m_finalAssignment, m_partials, m_threads);
        m_phase = KMeansPhase::Assigned;
        if (m_finalAssignment) {
            m_finished = true;
        } else {
            ++m_iterations;
            // Unchanged labels would give the same means: the loop stops without moving.
            if (m_labels == m_previousLabels) m_converged = m_finished = true;
        }
    } else {
        m_centers = reduceCenters(m_x, m_centers, m_labels, m_partials);
        m_phase = KMeansPhase::Moved;
        const double shift = (m_centers - m_previousCenters).rowwise().squaredNorm().sum();
        m_previousLabels = m_labels;
        if (shift <= m_tol) {
            m_converged = true;
            m_finalAssignment = true;
        } else if (m_iterations >= m_options.maxIter) {
            m_finalAssignment = true;
        }
    }
    // Computed directly rather than from the pass's expanded form, whose rounding could show
    // a rise of 1e-13 where nothing moved.
    m_inertia = exactInertia(m_x, m_centers, m_labels);
    m_history.push_back(m_inertia);
    return true;
}

Eigen::MatrixXd KMeansStepper::centers() const {
    Eigen::MatrixXd c = m_centers;
    c.rowwise() += m_mean;
    return c;
}

Eigen::MatrixXd KMeansStepper::previousCenters() const {
    Eigen::MatrixXd c = m_previousCenters;
    c.rowwise() += m_mean;
    return c;
}

std::vector<int> KMeansStepper::clusterSizes() const {
    std::vector<int> sizes(size_t(m_options.nClusters), 0);
    for (int32_t l : m_labels)
        if (l >= 0) ++sizes[size_t(l)];
    return sizes;
}

KMeansFit KMeansStepper::result() const {
    return {centers(), m_labels, m_inertia, m_iterations, m_converged};
}

} // namespace oficina::core
