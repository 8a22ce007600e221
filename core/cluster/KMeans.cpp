#include "cluster/KMeans.h"

#include "cluster/KMeansDetail.h"
#include "data/FeatureMatrix.h"
#include "util/Blas.h"
#include "util/Error.h"
#include "util/Parallel.h"
#include "util/Tr.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace oficina::core::kmeans_detail {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// numpy's pairwise summation (what ndarray.sum() does on contiguous float64), so potentials
/// round as scikit-learn's do.
double pairwiseSum(const double* a, size_t n) {
    if (n < 8) {
        double res = 0.0;
        for (size_t i = 0; i < n; ++i) res += a[i];
        return res;
    }
    if (n <= 128) {
        double r[8];
        for (int j = 0; j < 8; ++j) r[j] = a[j];
        size_t i = 8;
        for (; i < n - n % 8; i += 8)
            for (int j = 0; j < 8; ++j) r[j] += a[i + size_t(j)];
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; ++i) res += a[i];
        return res;
    }
    size_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwiseSum(a, n2) + pairwiseSum(a + n2, n - n2);
}

int threadCount(int requested, Eigen::Index rows) { return rowThreads(requested, rows, 4096); }

// Distances ‖c‖² − 2x·c by blocks of a matrix product, as scikit-learn.
double lloydPass(const Eigen::MatrixXd& X, const Eigen::VectorXd& rowNorms,
                 const Eigen::MatrixXd& centers, std::vector<int32_t>& labels, bool accumulate,
                 std::vector<Partial>& partials, int threads) {
    const Eigen::Index k = centers.rows(), d = X.cols();
    const Eigen::VectorXd centerNorms = centers.rowwise().squaredNorm();
    partials.resize(size_t(threads));
    parallelRows(X.rows(), threads, [&](int t, Eigen::Index begin, Eigen::Index end) {
        Partial& p = partials[size_t(t)];
        p.sums.setZero(k, d);
        p.counts.setZero(k);
        p.inertia = 0.0;
        constexpr Eigen::Index kBlock = 512;
        Eigen::MatrixXd dots(kBlock, k);
        for (Eigen::Index b = begin; b < end; b += kBlock) {
            const Eigen::Index m = std::min(kBlock, end - b);
            blas::multiply(X.middleRows(b, m), false, centers, true, dots.topRows(m));
            for (Eigen::Index i = 0; i < m; ++i) {
                int32_t best = 0;
                double bestDist = centerNorms[0] - 2.0 * dots(i, 0);
                for (Eigen::Index j = 1; j < k; ++j) {
                    const double dist = centerNorms[j] - 2.0 * dots(i, j);
                    if (dist < bestDist) {
                        bestDist = dist;
                        best = int32_t(j);
                    }
                }
                labels[size_t(b + i)] = best;
                p.inertia += std::max(0.0, bestDist + rowNorms[b + i]);
                if (accumulate) {
                    p.sums.row(best) += X.row(b + i);
                    p.counts[best] += 1.0;
                }
            }
        }
    });
    double inertia = 0.0;
    for (const auto& p : partials) inertia += p.inertia;
    return inertia;
}

/// Sums and counts to means; an empty cluster takes the row farthest from its centre, as
/// scikit-learn's _relocate_empty_clusters (the farthest rows in decreasing distance).
void finishCenters(const Eigen::MatrixXd& X, const Eigen::MatrixXd& oldCenters,
                   const std::vector<int32_t>& labels, Eigen::MatrixXd& sums,
                   Eigen::VectorXd& counts) {
    std::vector<Eigen::Index> empty;
    for (Eigen::Index j = 0; j < counts.size(); ++j)
        if (counts[j] == 0) empty.push_back(j);
    if (!empty.empty()) {
        std::vector<double> dist(static_cast<size_t>(X.rows()));
        for (Eigen::Index i = 0; i < X.rows(); ++i)
            dist[size_t(i)] = (X.row(i) - oldCenters.row(labels[size_t(i)])).squaredNorm();
        std::vector<size_t> order(dist.size());
        std::iota(order.begin(), order.end(), size_t(0));
        const size_t take = std::min(order.size(), empty.size());
        std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(take), order.end(),
                          [&](size_t a, size_t b) {
                              return dist[a] > dist[b] || (dist[a] == dist[b] && a < b);
                          });
        for (size_t e = 0; e < take; ++e) {
            const size_t far = order[e];
            const int32_t old = labels[far];
            sums.row(old) -= X.row(Eigen::Index(far));
            sums.row(empty[e]) = X.row(Eigen::Index(far));
            counts[empty[e]] = 1.0;
            counts[old] -= 1.0;
        }
    }
    for (Eigen::Index j = 0; j < counts.size(); ++j)
        if (counts[j] > 0) sums.row(j) /= counts[j];
}

/// Reduces the per-thread partials into new centres (in `sums` of the first partial).
Eigen::MatrixXd reduceCenters(const Eigen::MatrixXd& X, const Eigen::MatrixXd& oldCenters,
                              const std::vector<int32_t>& labels, std::vector<Partial>& partials) {
    Eigen::MatrixXd sums = partials[0].sums;
    Eigen::VectorXd counts = partials[0].counts;
    for (size_t t = 1; t < partials.size(); ++t) {
        sums += partials[t].sums;
        counts += partials[t].counts;
    }
    finishCenters(X, oldCenters, labels, sums, counts);
    return sums;
}

/// Greedy k-means++ with 2 + ⌊ln k⌋ local trials, drawing as scikit-learn's _kmeans_plusplus.
// Squared distances of every row of X to each of the rows `to` (one column each), clipped at 0
// and capped by `cap` when given: one matrix product, split across threads by rows.
Eigen::MatrixXd squaredDistancesTo(const Eigen::MatrixXd& X, const Eigen::VectorXd& rowNorms,
                                   const std::vector<Eigen::Index>& to,
                                   const Eigen::VectorXd* cap, int threads) {
    const auto m = Eigen::Index(to.size());
    Eigen::MatrixXd points(X.cols(), m);
    for (Eigen::Index t = 0; t < m; ++t) points.col(t) = X.row(to[size_t(t)]).transpose();
    Eigen::MatrixXd d(X.rows(), m);
    parallelRows(X.rows(), threads, [&](int, Eigen::Index begin, Eigen::Index end) {
        const Eigen::Index rows = end - begin;
        auto block = d.middleRows(begin, rows);
        blas::multiply(X.middleRows(begin, rows), false, points, false, block);
        block *= -2.0;
        const auto norms = rowNorms.segment(begin, rows).array();
        for (Eigen::Index t = 0; t < m; ++t) {
            auto column = block.col(t).array();
            column = ((column + rowNorms[to[size_t(t)]]) + norms).max(0.0);
            if (cap) column = column.min(cap->segment(begin, rows).array());
        }
    });
    return d;
}

Eigen::MatrixXd kmeansPlusPlus(const Eigen::MatrixXd& X, const Eigen::VectorXd& rowNorms, int k,
                               NumpyRandomState& random, const std::stop_token& stop, int threads) {
    const Eigen::Index n = X.rows();
    Eigen::MatrixXd centers(k, X.cols());
    const int trials = 2 + int(std::log(double(k)));
    const auto first = Eigen::Index(random.randomInterval(size_t(n) - 1));
    centers.row(0) = X.row(first);
    Eigen::VectorXd closest = squaredDistancesTo(X, rowNorms, {first}, nullptr, threads).col(0);
    double potential = pairwiseSum(closest.data(), size_t(n));
    std::vector<double> cumulative(static_cast<size_t>(n));
    std::vector<Eigen::Index> candidates(static_cast<size_t>(trials));
    for (int c = 1; c < k; ++c) {
        if (stop.stop_requested()) throw Cancelled{};
        std::partial_sum(closest.data(), closest.data() + n, cumulative.begin());
        for (int t = 0; t < trials; ++t) {
            const double value = random.randomSample() * potential;
            const auto it = std::lower_bound(cumulative.begin(), cumulative.end(), value);
            candidates[size_t(t)] = std::min(Eigen::Index(it - cumulative.begin()), n - 1);
        }
        // All candidates in one pass over X, as scikit-learn's n_local_trials × n distances.
        const Eigen::MatrixXd capped = squaredDistancesTo(X, rowNorms, candidates, &closest, threads);
        Eigen::Index best = 0;
        double bestPotential = std::numeric_limits<double>::infinity();
        for (Eigen::Index t = 0; t < trials; ++t) {
            const double pot = pairwiseSum(capped.col(t).data(), size_t(n));
            if (pot < bestPotential) {
                bestPotential = pot;
                best = t;
            }
        }
        potential = bestPotential;
        closest = capped.col(best);
        centers.row(c) = X.row(candidates[size_t(best)]);
    }
    return centers;
}

struct RunResult {
    Eigen::MatrixXd centers;
    std::vector<int32_t> labels;
    double inertia = 0.0;
    int iterations = 0;
    bool converged = false;
};

double exactInertia(const Eigen::MatrixXd& X, const Eigen::MatrixXd& centers,
                    const std::vector<int32_t>& labels) {
    double inertia = 0.0;
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        double s = 0.0;
        for (Eigen::Index j = 0; j < X.cols(); ++j) {
            const double diff = X(i, j) - centers(labels[size_t(i)], j);
            s += diff * diff;
        }
        inertia += s;
    }
    return inertia;
}

RunResult runLloyd(const Eigen::MatrixXd& X, const Eigen::VectorXd& rowNorms,
                   Eigen::MatrixXd centers, const KMeansOptions& options, double tol,
                   const KMeansCallback& onIteration, const std::stop_token& stop, int threads) {
    RunResult r;
    r.labels.assign(size_t(X.rows()), 0);
    std::vector<int32_t> previous(static_cast<size_t>(X.rows()), -1);
    std::vector<Partial> partials;
    bool strict = false;
    int it = 0;
    for (; it < options.maxIter; ++it) {
        if (stop.stop_requested()) throw Cancelled{};
        const double inertia = lloydPass(X, rowNorms, centers, r.labels, true, partials, threads);
        Eigen::MatrixXd next = reduceCenters(X, centers, r.labels, partials);
        const double shift = (next - centers).rowwise().squaredNorm().sum();
        centers = std::move(next);
        if (onIteration) onIteration(it + 1, inertia);
        if (r.labels == previous) {
            strict = true;
            break;
        }
        if (shift <= tol) break;
        previous = r.labels;
    }
    r.iterations = std::min(it + 1, options.maxIter);
    r.converged = it < options.maxIter;
    // Labels consistent with the final centres, as scikit-learn's last E-step.
    if (!strict) lloydPass(X, rowNorms, centers, r.labels, false, partials, threads);
    r.inertia = exactInertia(X, centers, r.labels);
    r.centers = std::move(centers);
    return r;
}

double rowDistance(const RowMatrix& X, Eigen::Index i, const Eigen::MatrixXd& C, Eigen::Index c) {
    const double* x = X.data() + i * X.cols();
    double s = 0.0;
    for (Eigen::Index j = 0; j < X.cols(); ++j) {
        const double diff = x[j] - C(c, j);
        s += diff * diff;
    }
    return std::sqrt(s);
}

Eigen::MatrixXd halfCenterDistances(const Eigen::MatrixXd& C) {
    const Eigen::Index k = C.rows();
    Eigen::MatrixXd half(k, k);
    for (Eigen::Index a = 0; a < k; ++a)
        for (Eigen::Index b = 0; b < k; ++b) half(a, b) = (C.row(a) - C.row(b)).norm() / 2.0;
    return half;
}

/// Elkan's algorithm as scikit-learn's _kmeans_single_elkan: same labels as Lloyd, fewer
/// distance computations through an upper bound per row and a lower bound per row and centre.
RunResult runElkan(const RowMatrix& X, Eigen::MatrixXd centers, const KMeansOptions& options,
                   double tol, const KMeansCallback& onIteration, const std::stop_token& stop,
                   int threads) {
    const Eigen::Index n = X.rows(), k = centers.rows(), d = X.cols();
    RunResult r;
    r.labels.assign(size_t(n), 0);
    std::vector<double> upper(static_cast<size_t>(n));
    RowMatrix lower = RowMatrix::Zero(n, k);
    Eigen::MatrixXd half = halfCenterDistances(centers);
    for (Eigen::Index i = 0; i < n; ++i) {
        int32_t label = 0;
        double u = rowDistance(X, i, centers, 0);
        lower(i, 0) = u;
        for (Eigen::Index j = 1; j < k; ++j) {
            if (u > half(label, j)) {
                const double dist = rowDistance(X, i, centers, j);
                lower(i, j) = dist;
                if (dist < u) {
                    label = int32_t(j);
                    u = dist;
                }
            }
        }
        r.labels[size_t(i)] = label;
        upper[size_t(i)] = u;
    }
    std::vector<int32_t> previous(static_cast<size_t>(n), -1);
    std::vector<Partial> partials(static_cast<size_t>(threads));
    bool strict = false;
    int it = 0;
    const auto pass = [&](bool update) {
        Eigen::VectorXd nextCenter(k);
        for (Eigen::Index a = 0; a < k; ++a) {
            double m = std::numeric_limits<double>::infinity();
            for (Eigen::Index b = 0; b < k; ++b)
                if (b != a) m = std::min(m, half(a, b));
            nextCenter[a] = k > 1 ? m : std::numeric_limits<double>::infinity();
        }
        parallelRows(n, threads, [&](int t, Eigen::Index begin, Eigen::Index end) {
            Partial& p = partials[size_t(t)];
            p.sums.setZero(k, d);
            p.counts.setZero(k);
            p.inertia = 0.0;
            for (Eigen::Index i = begin; i < end; ++i) {
                int32_t label = r.labels[size_t(i)];
                double u = upper[size_t(i)];
                if (u > nextCenter[label]) {
                    bool tight = false;
                    for (Eigen::Index j = 0; j < k; ++j) {
                        if (j == label || u <= lower(i, j) || u <= half(label, j)) continue;
                        if (!tight) {
                            u = rowDistance(X, i, centers, label);
                            lower(i, label) = u;
                            tight = true;
                            if (u <= lower(i, j) || u <= half(label, j)) continue;
                        }
                        const double dist = rowDistance(X, i, centers, j);
                        lower(i, j) = dist;
                        if (dist < u) {
                            label = int32_t(j);
                            u = dist;
                        }
                    }
                    r.labels[size_t(i)] = label;
                    upper[size_t(i)] = u;
                }
                if (update) {
                    const double exact = rowDistance(X, i, centers, label);
                    p.inertia += exact * exact;
                    p.sums.row(label) += X.row(i);
                    p.counts[label] += 1.0;
                }
            }
        });
    };
    Eigen::MatrixXd Xcol;  // finishCenters reads rows of a column-major copy only when a
                           // cluster empties, which is rare
    for (; it < options.maxIter; ++it) {
        if (stop.stop_requested()) throw Cancelled{};
        pass(true);
        double inertia = 0.0;
        Eigen::MatrixXd sums = partials[0].sums;
        Eigen::VectorXd counts = partials[0].counts;
        for (size_t t = 0; t < partials.size(); ++t) {
            inertia += partials[t].inertia;
            if (t > 0) {
                sums += partials[t].sums;
                counts += partials[t].counts;
            }
        }
        if ((counts.array() == 0).any()) {
            if (Xcol.size() == 0) Xcol = X;
            finishCenters(Xcol, centers, r.labels, sums, counts);
        } else {
            for (Eigen::Index j = 0; j < k; ++j) sums.row(j) /= counts[j];
        }
        const Eigen::VectorXd shifts = (sums - centers).rowwise().norm();
        const double shift = shifts.squaredNorm();
        centers = std::move(sums);
        half = halfCenterDistances(centers);
        for (Eigen::Index i = 0; i < n; ++i) {
            for (Eigen::Index j = 0; j < k; ++j) lower(i, j) = std::max(0.0, lower(i, j) - shifts[j]);
            upper[size_t(i)] += shifts[r.labels[size_t(i)]];
        }
        if (onIteration) onIteration(it + 1, inertia);
        if (r.labels == previous) {
            strict = true;
            break;
        }
        if (shift <= tol) break;
        previous = r.labels;
    }
    r.iterations = std::min(it + 1, options.maxIter);
    r.converged = it < options.maxIter;
    if (!strict) pass(false);
    double inertia = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        const double dist = rowDistance(X, i, centers, r.labels[size_t(i)]);
        inertia += dist * dist;
    }
    r.inertia = inertia;
    r.centers = std::move(centers);
    return r;
}

void checkData(const Eigen::MatrixXd& X, int clusters) {
    if (clusters < 1)
        throw Error(Message(OFICINA_TR_NOOP("the number of clusters must be at least 1")));
    if (X.rows() < clusters)
        throw Error(Message(OFICINA_TR_NOOP("there are %1 rows, fewer than the %2 clusters asked "
                                            "for"),
                            {std::to_string(X.rows()), std::to_string(clusters)}));
    if (X.cols() == 0)
        throw Error(Message(OFICINA_TR_NOOP("clustering needs at least one numeric feature "
                                            "column")));
    if (!X.allFinite())
        throw Error(Message(OFICINA_TR_NOOP("the data has missing or infinite values; impute or "
                                            "drop them first")));
}

} // namespace oficina::core::kmeans_detail

namespace oficina::core {

using namespace kmeans_detail;

KMeansFit fitKMeans(Eigen::MatrixXd X, const KMeansOptions& options,
                    const KMeansCallback& onIteration, std::stop_token stop) {
    checkData(X, options.nClusters);
    if (options.maxIter < 1 || options.nInit < 1 || !(options.tol >= 0))
        throw Error(Message(OFICINA_TR_NOOP("max_iter and n_init must be at least 1 and tol "
                                            "not negative")));
    if (options.init && (options.init->rows() != options.nClusters ||
                         options.init->cols() != X.cols()))
        throw Error(Message(OFICINA_TR_NOOP("the initial centres must be a %1 × %2 matrix"),
                            {std::to_string(options.nClusters), std::to_string(X.cols())}));
    const int threads = threadCount(options.threads, X.rows());
    // Tolerance relative to the data's spread, then centre the data (and any given centres)
    // for precision, as scikit-learn does.
    const Eigen::RowVectorXd mean = X.colwise().mean();
    X.rowwise() -= mean;
    const double tol = X.colwise().squaredNorm().sum() / double(X.rows() * X.cols()) * options.tol;
    const Eigen::VectorXd rowNorms = X.rowwise().squaredNorm();
    NumpyRandomState random(options.seed);
    const int runs = options.init ? 1 : options.nInit;
    RunResult best;
    best.inertia = std::numeric_limits<double>::infinity();
    RowMatrix rowMajor;
    if (options.algorithm == KMeansAlgorithm::Elkan) rowMajor = X;
    for (int run = 0; run < runs; ++run) {
        Eigen::MatrixXd init;
        if (options.init) {
            init = *options.init;
            init.rowwise() -= mean;
        } else {
            init = kmeansPlusPlus(X, rowNorms, options.nClusters, random, stop, threads);
        }
        RunResult result =
            options.algorithm == KMeansAlgorithm::Elkan
                ? runElkan(rowMajor, std::move(init), options, tol, onIteration, stop, threads)
                : runLloyd(X, rowNorms, std::move(init), options, tol, onIteration, stop, threads);
        if (result.inertia < best.inertia) best = std::move(result);
    }
    best.centers.rowwise() += mean;
    return {std::move(best.centers), std::move(best.labels), best.inertia, best.iterations,
            best.converged};
}

std::vector<int32_t> nearestCenters(const Eigen::MatrixXd& X, const Eigen::MatrixXd& centers,
                                    double* inertia, int threads) {
    std::vector<int32_t> labels(static_cast<size_t>(X.rows()));
    if (X.rows() == 0) return labels;
    const Eigen::VectorXd norms = X.rowwise().squaredNorm();
    std::vector<Partial> partials;
    const double total =
        lloydPass(X, norms, centers, labels, false, partials, threadCount(threads, X.rows()));
    if (inertia) *inertia = total;
    return labels;
}

Column clusterColumn(const std::vector<int32_t>& labels, int clusterCount) {
    std::vector<std::string> categories;
    for (int c = 0; c < clusterCount; ++c) categories.push_back(std::to_string(c));
    std::vector<int32_t> codes(labels.size());
    for (size_t i = 0; i < labels.size(); ++i)
        codes[i] = labels[i] < 0 ? Column::kMissingCode : labels[i];
    return Column::categorical(kClusterColumn, std::move(codes), std::move(categories),
                               ColumnRole::Cluster);
}

KMeansModel::KMeansModel(std::vector<std::string> featureNames, Eigen::MatrixXd centers)
    : m_featureNames(std::move(featureNames)), m_centers(std::move(centers)) {}

const char* KMeansModel::title() const { return OFICINA_TR_NOOP("K-Means"); }

std::vector<Column> KMeansModel::predict(const Table& transformed) const {
    const Eigen::MatrixXd X = featureMatrix(transformed, m_featureNames);
    return {clusterColumn(nearestCenters(X, m_centers), int(m_centers.rows()))};
}

} // namespace oficina::core
