// t-SNE after scikit-learn 1.2's sklearn/manifold/_t_sne.py, _utils.pyx (perplexity search),
// _barnes_hut_tsne.pyx and _quad_tree.pyx, in double precision.
#include "reduce/Tsne.h"

#include "data/Column.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <vector>

namespace oficina::core {

namespace {

constexpr double kMachineEpsilon = std::numeric_limits<double>::epsilon();
constexpr double kFloat32Tiny = 1.1754943508222875e-38;
constexpr int kExplorationIterations = 250;
constexpr int kCheckEvery = 50;
constexpr int kLossEvery = 10;

/// Conditional probabilities P(j|i) by binary search on the Gaussian precision so that each
/// point's entropy is log(perplexity) (_binary_search_perplexity). Column i of `sqdist` (k × n)
/// holds the squared distances from point i to its k candidates (column-major, so each search
/// reads contiguous memory); the result has the same layout: result(c, i) = P(candidate c | i).
/// With `skipDiagonal` the candidates are all points and a point is not its own neighbour.
Eigen::MatrixXd conditionalP(const Eigen::MatrixXd& sqdist, double perplexity, bool skipDiagonal,
                             const TsneMonitor& monitor) {
    const Eigen::Index k = sqdist.rows();
    const Eigen::Index n = sqdist.cols();
    Eigen::MatrixXd P = Eigen::MatrixXd::Zero(k, n);
    const double desiredEntropy = std::log(perplexity);
    for (Eigen::Index i = 0; i < n; ++i) {
        if (i % 256 == 0 && monitor.stop.stop_requested()) throw Cancelled{};
        double betaMin = -std::numeric_limits<double>::infinity();
        double betaMax = std::numeric_limits<double>::infinity();
        double beta = 1.0;
        const double* d = sqdist.col(i).data();
        double* p = P.col(i).data();
        for (int step = 0; step < 100; ++step) {
            double sumP = 0.0;
            for (Eigen::Index j = 0; j < k; ++j) {
                p[j] = skipDiagonal && i == j ? 0.0 : std::exp(-d[j] * beta);
                sumP += p[j];
            }
            if (sumP == 0.0) sumP = 1e-8;
            double sumDistP = 0.0;
            for (Eigen::Index j = 0; j < k; ++j) {
                p[j] /= sumP;
                sumDistP += d[j] * p[j];
            }
            const double entropy = std::log(sumP) + beta * sumDistP;
            const double diff = entropy - desiredEntropy;
            if (std::abs(diff) <= 1e-5) break;
            if (diff > 0) {
                betaMin = beta;
                beta = std::isinf(betaMax) ? beta * 2.0 : (beta + betaMax) / 2.0;
            } else {
                betaMax = beta;
                beta = std::isinf(betaMin) ? beta / 2.0 : (beta + betaMin) / 2.0;
            }
        }
    }
    return P;
}

Eigen::MatrixXd squaredDistances(const Eigen::MatrixXd& X) {
    const Eigen::VectorXd norms = X.rowwise().squaredNorm();
    Eigen::MatrixXd D = -2.0 * X * X.transpose();
    D.colwise() += norms;
    D.rowwise() += norms.transpose();
    D = D.cwiseMax(0.0);
    D.diagonal().setZero();
    return D;
}

// ---- the objective --------------------------------------------------------------------------

/// Joint probabilities as a sparse symmetric matrix in CSR form (both directions stored).
struct SparseP {
    std::vector<size_t> rowStart;  // n + 1
    std::vector<Eigen::Index> column;
    std::vector<double> value;
};

/// A point-region quadtree over the embedding, rebuilt every iteration (_QuadTree).
class QuadTree {
public:
    explicit QuadTree(const Eigen::MatrixXd& Y) : m_y(Y) {
        const Eigen::Vector2d lo = Y.colwise().minCoeff().transpose();
        const Eigen::Vector2d hi = Y.colwise().maxCoeff().transpose();
        // A little margin, as scikit-learn, so points on the border fall inside.
        const Eigen::Vector2d margin = ((hi - lo).cwiseAbs() * 1e-3).cwiseMax(1e-3);
        m_cells.reserve(size_t(Y.rows()) * 2 + 1);
        m_cells.push_back(Cell{});
        m_cells[0].lo = lo - margin;
        m_cells[0].hi = hi + margin;
        for (Eigen::Index i = 0; i < Y.rows(); ++i) insert(i);
    }

    /// Adds the repulsive force on point i (unnormalised) and returns its share of sum(Z).
    double repulsion(Eigen::Index i, double thetaSquared, Eigen::Vector2d& force) const {
        return visit(0, m_y(i, 0), m_y(i, 1), thetaSquared, force);
    }

private:
    struct Cell {
        Eigen::Vector2d lo = Eigen::Vector2d::Zero();
        Eigen::Vector2d hi = Eigen::Vector2d::Zero();
        Eigen::Vector2d barycenter = Eigen::Vector2d::Zero();
        double size = 0;  // points below, duplicates included
        int children[4] = {-1, -1, -1, -1};
        Eigen::Index point = -1;  // leaves: one representative point
        bool leaf = true;
        [[nodiscard]] double squaredMaxWidth() const {
            return (hi - lo).cwiseAbs2().maxCoeff();
        }
    };

    int childFor(int cell, double x, double y) {
        Cell& c = m_cells[size_t(cell)];
        const double mx = (c.lo[0] + c.hi[0]) / 2.0, my = (c.lo[1] + c.hi[1]) / 2.0;
        const int q = (x >= mx ? 1 : 0) + (y >= my ? 2 : 0);
        if (c.children[q] < 0) {
            Cell child;
            child.lo = {q & 1 ? mx : c.lo[0], q & 2 ? my : c.lo[1]};
            child.hi = {q & 1 ? c.hi[0] : mx, q & 2 ? c.hi[1] : my};
            m_cells.push_back(child);
            m_cells[size_t(cell)].children[q] = int(m_cells.size() - 1);
        }
        return m_cells[size_t(cell)].children[q];
    }

    void insert(Eigen::Index i) {
        const double x = m_y(i, 0), y = m_y(i, 1);
        int cell = 0;
        for (int depth = 0;; ++depth) {
            Cell& c = m_cells[size_t(cell)];
            // Running barycentre of everything below this cell.
            c.barycenter = (c.barycenter * c.size + Eigen::Vector2d(x, y)) / (c.size + 1.0);
            c.size += 1.0;
            if (c.leaf) {
                if (c.point < 0) {
                    c.point = i;
                    return;
                }
                const Eigen::Index other = c.point;
                const bool duplicate = (std::abs(m_y(other, 0) - x) <= 1e-6 &&
                                        std::abs(m_y(other, 1) - y) <= 1e-6) ||
                                       depth > 60;
                if (duplicate) return;  // counted in size, summarised together
                // Split: push the resident point(s) one level down.
                const double residentSize = c.size - 1.0;
                c.leaf = false;
                c.point = -1;
                const int down = childFor(cell, m_y(other, 0), m_y(other, 1));
                Cell& d = m_cells[size_t(down)];
                d.point = other;
                d.size = residentSize;
                d.barycenter = {m_y(other, 0), m_y(other, 1)};
            }
            cell = childFor(cell, x, y);
        }
    }

    double visit(int cellId, double x, double y, double thetaSquared,
                 Eigen::Vector2d& force) const {
        const Cell& c = m_cells[size_t(cellId)];
        if (c.size == 0) return 0.0;
        const double dx = x - c.barycenter[0], dy = y - c.barycenter[1];
        const double d2 = dx * dx + dy * dy;
        if (c.leaf) {
            if (std::abs(dx) <= 1e-6 && std::abs(dy) <= 1e-6) return 0.0;  // itself
        } else if (!(c.squaredMaxWidth() / d2 < thetaSquared)) {
            double sum = 0.0;
            for (int child : c.children)
                if (child >= 0) sum += visit(child, x, y, thetaSquared, force);
            return sum;
        }
        const double q = 1.0 / (1.0 + d2);
        const double mult = c.size * q * q;
        force[0] += mult * dx;
        force[1] += mult * dy;
        return c.size * q;
    }

    const Eigen::MatrixXd& m_y;
    std::vector<Cell> m_cells;
};

/// KL(P‖Q) and its gradient with Barnes–Hut repulsion (_kl_divergence_bh, dof = 1).
double gradientBarnesHut(const SparseP& P, const Eigen::MatrixXd& Y, double angle,
                         bool computeError, Eigen::MatrixXd& grad) {
    const Eigen::Index n = Y.rows();
    const QuadTree tree(Y);
    Eigen::MatrixXd negative(n, 2);
    double sumQ = 0.0;
    const double thetaSquared = angle * angle;
    for (Eigen::Index i = 0; i < n; ++i) {
        Eigen::Vector2d f = Eigen::Vector2d::Zero();
        sumQ += tree.repulsion(i, thetaSquared, f);
        negative.row(i) = f.transpose();
    }
    double error = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        double fx = 0.0, fy = 0.0;
        for (size_t k = P.rowStart[size_t(i)]; k < P.rowStart[size_t(i) + 1]; ++k) {
            const Eigen::Index j = P.column[k];
            const double pij = P.value[k];
            const double bx = Y(i, 0) - Y(j, 0), by = Y(i, 1) - Y(j, 1);
            const double qij = 1.0 / (1.0 + bx * bx + by * by);
            const double d = pij * qij;
            if (computeError)
                error += pij * std::log(std::max(pij, kFloat32Tiny) /
                                        std::max(qij / sumQ, kFloat32Tiny));
            fx += d * bx;
            fy += d * by;
        }
        grad(i, 0) = 4.0 * (fx - negative(i, 0) / sumQ);
        grad(i, 1) = 4.0 * (fy - negative(i, 1) / sumQ);
    }
    return error;
}

/// KL(P‖Q) and its exact gradient (_kl_divergence, dof = 1); P is the full symmetric n × n
/// joint probability matrix (zero diagonal, summing to 1).
double gradientExact(const Eigen::MatrixXd& P, const Eigen::MatrixXd& Y, bool computeError,
                     Eigen::MatrixXd& grad) {
    const Eigen::Index n = Y.rows();
    double sumQ = 0.0;  // over ordered pairs i ≠ j
    for (Eigen::Index j = 0; j < n; ++j)
        for (Eigen::Index i = j + 1; i < n; ++i) {
            const double dx = Y(i, 0) - Y(j, 0), dy = Y(i, 1) - Y(j, 1);
            sumQ += 2.0 / (1.0 + dx * dx + dy * dy);
        }
    double error = 0.0;
    grad.setZero();
    for (Eigen::Index j = 0; j < n; ++j)
        for (Eigen::Index i = j + 1; i < n; ++i) {
            const double dx = Y(i, 0) - Y(j, 0), dy = Y(i, 1) - Y(j, 1);
            const double w = 1.0 / (1.0 + dx * dx + dy * dy);
            const double q = std::max(w / sumQ, kMachineEpsilon);
            const double p = P(i, j);
            if (computeError) error += 2.0 * p * std::log(std::max(p, kMachineEpsilon) / q);
            const double m = 4.0 * (p - q) * w;
            grad(i, 0) += m * dx;
            grad(i, 1) += m * dy;
            grad(j, 0) -= m * dx;
            grad(j, 1) -= m * dy;
        }
    return error;
}

// ---- set-up -------------------------------------------------------------------------------

Eigen::MatrixXd pcaInit(const Eigen::MatrixXd& X) {
    const Eigen::MatrixXd centred = X.rowwise() - X.colwise().mean();
    Eigen::MatrixXd scores(X.rows(), 2);
    if (X.cols() <= X.rows()) {
        const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(centred.transpose() * centred);
        const Eigen::Index d = X.cols();
        for (int c = 0; c < 2; ++c)
            scores.col(c) = d - 1 - c >= 0 ? Eigen::VectorXd(centred * eig.eigenvectors().col(
                                                                      d - 1 - c))
                                           : Eigen::VectorXd::Zero(X.rows());
    } else {
        const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(centred * centred.transpose());
        const Eigen::Index m = X.rows();
        for (int c = 0; c < 2; ++c)
            scores.col(c) = eig.eigenvectors().col(m - 1 - c) *
                            std::sqrt(std::max(eig.eigenvalues()[m - 1 - c], 0.0));
    }
    // svd_flip: the largest |value| of each component is positive.
    for (int c = 0; c < 2; ++c) {
        Eigen::Index at = 0;
        scores.col(c).cwiseAbs().maxCoeff(&at);
        if (scores(at, c) < 0) scores.col(c) = -scores.col(c);
    }
    const double mean = scores.col(0).mean();
    const double sd = std::sqrt((scores.col(0).array() - mean).square().mean());
    if (sd > 0) scores = scores / sd * 1e-4;
    return scores;
}

struct Problem {
    TsneMethod method;
    Eigen::MatrixXd denseP;  // Exact
    SparseP sparseP;         // Barnes–Hut
};

Problem jointProbabilities(const Eigen::MatrixXd& X, const TsneOptions& options,
                           const TsneMonitor& monitor) {
    const Eigen::Index n = X.rows();
    Problem problem{options.method, {}, {}};
    if (options.method == TsneMethod::Exact) {
        Eigen::MatrixXd P = conditionalP(squaredDistances(X), options.perplexity, true, monitor);
        // P + Pᵀ in place: an n × n matrix is already 800 MB at 10,000 rows.
        for (Eigen::Index j = 0; j < n; ++j)
            for (Eigen::Index i = j + 1; i < n; ++i) P(i, j) = P(j, i) = P(i, j) + P(j, i);
        const double sum = std::max(P.sum(), kMachineEpsilon);
        P /= sum;
        P = P.cwiseMax(kMachineEpsilon);
        P.diagonal().setZero();
        problem.denseP = std::move(P);
        return problem;
    }
    // k = min(n − 1, 3·perplexity + 1) nearest neighbours, brute force by blocks.
    const Eigen::Index k =
        std::min<Eigen::Index>(n - 1, Eigen::Index(3.0 * options.perplexity + 1));
    Eigen::MatrixXd nnDist(k, n);
    std::vector<Eigen::Index> nnIndex(size_t(n * k));
    const Eigen::VectorXd norms = X.rowwise().squaredNorm();
    const Eigen::Index block = 512;
    std::vector<Eigen::Index> order(static_cast<size_t>(n));
    for (Eigen::Index start = 0; start < n; start += block) {
        if (monitor.stop.stop_requested()) throw Cancelled{};
        const Eigen::Index rows = std::min(block, n - start);
        Eigen::MatrixXd d = -2.0 * X.middleRows(start, rows) * X.transpose();
        d.colwise() += norms.segment(start, rows);
        d.rowwise() += norms.transpose();
        for (Eigen::Index r = 0; r < rows; ++r) {
            const Eigen::Index i = start + r;
            d(r, i) = std::numeric_limits<double>::infinity();
            std::iota(order.begin(), order.end(), Eigen::Index(0));
            std::partial_sort(order.begin(), order.begin() + k, order.end(),
                              [&](Eigen::Index a, Eigen::Index b) {
                                  const double da = d(r, a), db = d(r, b);
                                  return da < db || (da == db && a < b);
                              });
            for (Eigen::Index c = 0; c < k; ++c) {
                nnIndex[size_t(i * k + c)] = order[size_t(c)];
                nnDist(c, i) = std::max(d(r, order[size_t(c)]), 0.0);
            }
        }
    }
    const Eigen::MatrixXd cond = conditionalP(nnDist, options.perplexity, false, monitor);
    // P = (C + Cᵀ) / sum, as a sparse matrix with both directions.
    std::vector<std::vector<std::pair<Eigen::Index, double>>> rows(static_cast<size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index c = 0; c < k; ++c) {
            const Eigen::Index j = nnIndex[size_t(i * k + c)];
            rows[size_t(i)].emplace_back(j, cond(c, i));
            rows[size_t(j)].emplace_back(i, cond(c, i));
        }
    SparseP& P = problem.sparseP;
    P.rowStart.assign(size_t(n) + 1, 0);
    double total = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        auto& row = rows[size_t(i)];
        std::sort(row.begin(), row.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        for (size_t a = 0; a < row.size();) {
            size_t b = a;
            double v = 0.0;
            while (b < row.size() && row[b].first == row[a].first) v += row[b++].second;
            P.column.push_back(row[a].first);
            P.value.push_back(v);
            total += v;
            a = b;
        }
        P.rowStart[size_t(i) + 1] = P.column.size();
    }
    total = std::max(total, kMachineEpsilon);
    for (double& v : P.value) v /= total;
    return problem;
}

} // namespace

TsneResult tsne(const Eigen::MatrixXd& X, const TsneOptions& options, const TsneMonitor& monitor) {
    const Eigen::Index n = X.rows();
    if (n < 3)
        throw Error(Message(OFICINA_TR_NOOP("t-SNE needs at least 3 rows, got %1"),
                            {std::to_string(n)}));
    if (!(options.perplexity < double(n)))
        throw Error(Message(OFICINA_TR_NOOP("the perplexity (%1) must be less than the number "
                                            "of rows (%2)"),
                            {formatNumber(options.perplexity), std::to_string(n)}));
    const int maxIter = std::max(options.maxIter, kExplorationIterations);
    const double learningRate =
        options.learningRate > 0 ? options.learningRate
                                 : std::max(double(n) / options.earlyExaggeration / 4.0, 50.0);

    Problem problem = jointProbabilities(X, options, monitor);

    Eigen::MatrixXd Y;
    if (options.init == TsneInit::Pca) {
        Y = pcaInit(X);
    } else {
        std::mt19937 rng(options.seed);
        std::normal_distribution<double> normal(0.0, 1e-4);
        Y.resize(n, 2);
        for (Eigen::Index i = 0; i < n; ++i)
            for (int c = 0; c < 2; ++c) Y(i, c) = normal(rng);
    }

    const auto scaleP = [&](double factor) {
        if (problem.method == TsneMethod::Exact)
            problem.denseP *= factor;
        else
            for (double& v : problem.sparseP.value) v *= factor;
    };

    Eigen::MatrixXd grad(n, 2);
    double error = 0.0;
    int iteration = 0;
    // Two runs of _gradient_descent: exaggerated with momentum 0.5, then plain with 0.8; each
    // starts with fresh updates and gains.
    for (int phase = 0; phase < 2; ++phase) {
        const bool exploring = phase == 0;
        const int end = exploring ? kExplorationIterations : maxIter;
        const int patience = exploring ? kExplorationIterations : options.maxIterWithoutProgress;
        const double momentum = exploring ? 0.5 : 0.8;
        if (exploring) scaleP(options.earlyExaggeration);
        Eigen::MatrixXd update = Eigen::MatrixXd::Zero(n, 2);
        Eigen::MatrixXd gains = Eigen::MatrixXd::Ones(n, 2);
        double bestError = std::numeric_limits<double>::max();
        int bestIter = iteration;
        for (int i = iteration; i < end; ++i) {
            if (monitor.stop.stop_requested()) throw Cancelled{};
            const bool check = (i + 1) % kCheckEvery == 0;
            const bool report = (i + 1) % kLossEvery == 0 || i == end - 1;
            const bool computeError = check || report;
            const double e = problem.method == TsneMethod::Exact
                                 ? gradientExact(problem.denseP, Y, computeError, grad)
                                 : gradientBarnesHut(problem.sparseP, Y, options.angle,
                                                     computeError, grad);
            if (computeError) error = e;
            for (Eigen::Index r = 0; r < n; ++r)
                for (int c = 0; c < 2; ++c) {
                    double& g = gains(r, c);
                    g = update(r, c) * grad(r, c) < 0.0 ? g + 0.2 : g * 0.8;
                    g = std::max(g, 0.01);
                    grad(r, c) *= g;
                    update(r, c) = momentum * update(r, c) - learningRate * grad(r, c);
                    Y(r, c) += update(r, c);
                }
            iteration = i + 1;
            if (report && monitor.onLoss) monitor.onLoss(iteration, error);
            if (monitor.onProgress) monitor.onProgress(double(iteration) / maxIter);
            if (check) {
                if (error < bestError) {
                    bestError = error;
                    bestIter = i;
                } else if (i - bestIter > patience) {
                    break;
                }
                if (grad.norm() <= options.minGradNorm) break;
            }
        }
        if (exploring) scaleP(1.0 / options.earlyExaggeration);
        if (iteration >= maxIter) break;
    }
    return {std::move(Y), error, iteration};
}

double trustworthiness(const Eigen::MatrixXd& X, const Eigen::MatrixXd& Y, int neighbours) {
    const Eigen::Index n = X.rows();
    const auto k = Eigen::Index(neighbours);
    if (n < 2 || k >= n / 2)
        throw Error(Message(OFICINA_TR_NOOP("trustworthiness needs more than twice %1 rows"),
                            {std::to_string(neighbours)}));
    const Eigen::MatrixXd dx = squaredDistances(X);
    const Eigen::MatrixXd dy = squaredDistances(Y);
    std::vector<Eigen::Index> order(static_cast<size_t>(n));
    std::vector<Eigen::Index> rank(static_cast<size_t>(n));
    double t = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        std::iota(order.begin(), order.end(), Eigen::Index(0));
        std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
            const double da = a == i ? std::numeric_limits<double>::infinity() : dx(i, a);
            const double db = b == i ? std::numeric_limits<double>::infinity() : dx(i, b);
            return da < db;
        });
        for (Eigen::Index r = 0; r < n; ++r) rank[size_t(order[size_t(r)])] = r + 1;
        std::iota(order.begin(), order.end(), Eigen::Index(0));
        std::partial_sort(order.begin(), order.begin() + k + 1, order.end(),
                          [&](Eigen::Index a, Eigen::Index b) {
                              const double da = a == i ? -1.0 : dy(i, a);
                              const double db = b == i ? -1.0 : dy(i, b);
                              return da < db || (da == db && a < b);
                          });
        for (Eigen::Index r = 1; r <= k; ++r) {
            const Eigen::Index excess = rank[size_t(order[size_t(r)])] - k;
            if (excess > 0) t += double(excess);
        }
    }
    const double dn = double(n), dk = double(k);
    return 1.0 - t * (2.0 / (dn * dk * (2.0 * dn - 3.0 * dk - 1.0)));
}

} // namespace oficina::core
