#include "eval/ClusterMetrics.h"

#include "data/NumpyRandom.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <thread>

namespace oficina::core {

namespace {

/// Labels as 0…k−1 in ascending order of the original values (LabelEncoder).
std::vector<int32_t> encode(const std::vector<int32_t>& labels, int& count) {
    std::vector<int32_t> sorted = labels;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    count = int(sorted.size());
    std::vector<int32_t> out(labels.size());
    for (size_t i = 0; i < labels.size(); ++i)
        out[i] = int32_t(std::lower_bound(sorted.begin(), sorted.end(), labels[i]) - sorted.begin());
    return out;
}

void checkLabels(const Eigen::MatrixXd& X, const std::vector<int32_t>& labels, int count) {
    if (size_t(X.rows()) != labels.size())
        throw Error(Message(OFICINA_TR_NOOP("there are %1 labels for %2 rows"),
                            {std::to_string(labels.size()), std::to_string(X.rows())}));
    if (count < 2 || count > X.rows() - 1)
        throw Error(Message(OFICINA_TR_NOOP("cluster scores need between 2 and %1 clusters; "
                                            "there are %2"),
                            {std::to_string(X.rows() - 1), std::to_string(count)}));
}

Eigen::MatrixXd centroids(const Eigen::MatrixXd& X, const std::vector<int32_t>& labels, int k,
                          Eigen::VectorXd& counts) {
    Eigen::MatrixXd c = Eigen::MatrixXd::Zero(k, X.cols());
    counts.setZero(k);
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        c.row(labels[size_t(i)]) += X.row(i);
        counts[labels[size_t(i)]] += 1;
    }
    for (int j = 0; j < k; ++j) c.row(j) /= counts[j];
    return c;
}

/// Contingency counts of two encoded labellings.
Eigen::MatrixXd contingency(const std::vector<int32_t>& a, int ka, const std::vector<int32_t>& b,
                            int kb) {
    Eigen::MatrixXd c = Eigen::MatrixXd::Zero(ka, kb);
    for (size_t i = 0; i < a.size(); ++i) c(a[i], b[i]) += 1;
    return c;
}

double entropy(const Eigen::VectorXd& counts) {
    const double total = counts.sum();
    double h = 0.0;
    for (Eigen::Index i = 0; i < counts.size(); ++i)
        if (counts[i] > 0) h -= (counts[i] / total) * (std::log(counts[i]) - std::log(total));
    return h;
}

} // namespace

double silhouetteScore(const Eigen::MatrixXd& Xall, const std::vector<int32_t>& labelsAll,
                       size_t sampleSize, uint32_t seed, std::stop_token stop) {
    Eigen::MatrixXd sampled;
    std::vector<int32_t> sampledLabels;
    const Eigen::MatrixXd* Xp = &Xall;
    const std::vector<int32_t>* lp = &labelsAll;
    if (sampleSize > 0 && sampleSize < labelsAll.size()) {
        NumpyRandomState random(seed);
        const auto order = random.permutation(labelsAll.size());
        sampled.resize(Eigen::Index(sampleSize), Xall.cols());
        for (size_t i = 0; i < sampleSize; ++i) {
            sampled.row(Eigen::Index(i)) = Xall.row(Eigen::Index(order[i]));
            sampledLabels.push_back(labelsAll[order[i]]);
        }
        Xp = &sampled;
        lp = &sampledLabels;
    }
    const Eigen::MatrixXd& X = *Xp;
    int k = 0;
    const std::vector<int32_t> labels = encode(*lp, k);
    checkLabels(X, labels, k);
    const Eigen::Index n = X.rows();
    Eigen::VectorXd counts = Eigen::VectorXd::Zero(k);
    for (int32_t l : labels) counts[l] += 1;
    const Eigen::VectorXd norms = X.rowwise().squaredNorm();
    std::vector<double> scores(static_cast<size_t>(n));
    // Distances as scikit-learn's euclidean_distances (‖x‖² + ‖y‖² − 2x·y, clipped at 0, zero
    // on the diagonal), by blocks of rows so memory stays O(rows).
    const auto work = [&](Eigen::Index begin, Eigen::Index end) {
        constexpr Eigen::Index kBlock = 256;
        Eigen::MatrixXd dots(kBlock, n);
        Eigen::MatrixXd sums(kBlock, k);
        for (Eigen::Index b = begin; b < end; b += kBlock) {
            if (stop.stop_requested()) return;
            const Eigen::Index m = std::min(kBlock, end - b);
            dots.topRows(m).noalias() = X.middleRows(b, m) * X.transpose();
            sums.setZero();
            for (Eigen::Index j = 0; j < n; ++j) {
                const int32_t lj = labels[size_t(j)];
                for (Eigen::Index i = 0; i < m; ++i) {
                    const double d2 = norms[b + i] + norms[j] - 2.0 * dots(i, j);
                    sums(i, lj) += (b + i == j) ? 0.0 : std::sqrt(std::max(0.0, d2));
                }
            }
            for (Eigen::Index i = 0; i < m; ++i) {
                const int32_t own = labels[size_t(b + i)];
                if (counts[own] <= 1) {
                    scores[size_t(b + i)] = 0.0;
                    continue;
                }
                const double a = sums(i, own) / (counts[own] - 1);
                double bmin = std::numeric_limits<double>::infinity();
                for (int c = 0; c < k; ++c)
                    if (c != own) bmin = std::min(bmin, sums(i, c) / counts[c]);
                const double denom = std::max(a, bmin);
                scores[size_t(b + i)] = denom > 0 ? (bmin - a) / denom : 0.0;
            }
        }
    };
    if (n < 2048) {
        work(0, n);
    } else {
        const Eigen::Index half = n / 2;
        std::jthread other(work, half, n);
        work(0, half);
    }
    if (stop.stop_requested()) throw Cancelled{};
    double total = 0.0;
    for (double s : scores) total += s;
    return total / double(n);
}

double daviesBouldinScore(const Eigen::MatrixXd& X, const std::vector<int32_t>& labelsIn) {
    int k = 0;
    const auto labels = encode(labelsIn, k);
    checkLabels(X, labels, k);
    Eigen::VectorXd counts;
    const Eigen::MatrixXd c = centroids(X, labels, k, counts);
    Eigen::VectorXd intra = Eigen::VectorXd::Zero(k);
    for (Eigen::Index i = 0; i < X.rows(); ++i)
        intra[labels[size_t(i)]] += (X.row(i) - c.row(labels[size_t(i)])).norm();
    intra.array() /= counts.array();
    Eigen::MatrixXd between(k, k);
    for (int a = 0; a < k; ++a)
        for (int b = 0; b < k; ++b) between(a, b) = (c.row(a) - c.row(b)).norm();
    // numpy's allclose(x, 0): |x| ≤ 1e-8 everywhere.
    if (intra.cwiseAbs().maxCoeff() <= 1e-8 || between.cwiseAbs().maxCoeff() <= 1e-8) return 0.0;
    double total = 0.0;
    for (int a = 0; a < k; ++a) {
        double worst = -std::numeric_limits<double>::infinity();
        for (int b = 0; b < k; ++b) {
            const double d = between(a, b) == 0 ? std::numeric_limits<double>::infinity()
                                                : between(a, b);
            worst = std::max(worst, (intra[a] + intra[b]) / d);
        }
        total += worst;
    }
    return total / k;
}

double calinskiHarabaszScore(const Eigen::MatrixXd& X, const std::vector<int32_t>& labelsIn) {
    int k = 0;
    const auto labels = encode(labelsIn, k);
    checkLabels(X, labels, k);
    Eigen::VectorXd counts;
    const Eigen::MatrixXd c = centroids(X, labels, k, counts);
    const Eigen::RowVectorXd mean = X.colwise().mean();
    double extra = 0.0, intra = 0.0;
    for (int j = 0; j < k; ++j) extra += counts[j] * (c.row(j) - mean).squaredNorm();
    for (Eigen::Index i = 0; i < X.rows(); ++i)
        intra += (X.row(i) - c.row(labels[size_t(i)])).squaredNorm();
    if (intra == 0.0) return 1.0;
    return extra * double(X.rows() - k) / (intra * (k - 1.0));
}

double adjustedRandScore(const std::vector<int32_t>& truthIn,
                         const std::vector<int32_t>& predictedIn) {
    int ka = 0, kb = 0;
    const auto truth = encode(truthIn, ka), predicted = encode(predictedIn, kb);
    const Eigen::MatrixXd c = contingency(truth, ka, predicted, kb);
    const double n = double(truth.size());
    const Eigen::VectorXd rows = c.rowwise().sum(), cols = c.colwise().sum().transpose();
    // scikit-learn's pair confusion matrix, in doubles (its int64 overflows past ~55k rows).
    const double sumSquares = c.array().square().sum();
    const double tp = sumSquares - n;
    const double fp = (c * cols).sum() - sumSquares;
    const double fn = (c.transpose() * rows).sum() - sumSquares;
    const double tn = n * n - fp - fn - sumSquares;
    if (fn == 0 && fp == 0) return 1.0;
    return 2.0 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
}

double normalizedMutualInfoScore(const std::vector<int32_t>& truthIn,
                                 const std::vector<int32_t>& predictedIn) {
    int ka = 0, kb = 0;
    const auto truth = encode(truthIn, ka), predicted = encode(predictedIn, kb);
    if ((ka == 1 && kb == 1) || (ka == 0 && kb == 0)) return 1.0;
    const Eigen::MatrixXd c = contingency(truth, ka, predicted, kb);
    const Eigen::VectorXd pi = c.rowwise().sum(), pj = c.colwise().sum().transpose();
    const double total = c.sum();
    double mi = 0.0;
    if (ka > 1 && kb > 1) {
        for (int a = 0; a < ka; ++a)
            for (int b = 0; b < kb; ++b) {
                const double v = c(a, b);
                if (v == 0) continue;
                const double nm = v / total;
                const double logOuter = -std::log(pi[a] * pj[b]) + std::log(pi.sum()) +
                                        std::log(pj.sum());
                double term = nm * (std::log(v) - std::log(total)) + nm * logOuter;
                if (std::abs(term) < std::numeric_limits<double>::epsilon()) term = 0.0;
                mi += term;
            }
        mi = std::max(0.0, mi);
    }
    if (mi == 0.0) return 0.0;
    const double normalizer = (entropy(pi) + entropy(pj)) / 2.0;
    return mi / normalizer;
}

Metrics clusteringMetrics(const Eigen::MatrixXd& X, const std::vector<int32_t>& labels,
                          const std::vector<int32_t>* truth, uint32_t seed,
                          std::stop_token stop) {
    Metrics m;
    m.task = "clustering";
    std::vector<Eigen::Index> kept;
    std::vector<int32_t> keptLabels;
    for (size_t i = 0; i < labels.size(); ++i)
        if (labels[i] >= 0) {
            kept.push_back(Eigen::Index(i));
            keptLabels.push_back(labels[i]);
        }
    int k = 0;
    encode(keptLabels, k);
    m.scalars.emplace_back("n_clusters", double(k));
    m.scalars.emplace_back("noise", double(labels.size() - kept.size()));
    if (k >= 2 && k <= Eigen::Index(kept.size()) - 1) {
        Eigen::MatrixXd Xk(Eigen::Index(kept.size()), X.cols());
        for (size_t i = 0; i < kept.size(); ++i) Xk.row(Eigen::Index(i)) = X.row(kept[i]);
        m.scalars.emplace_back("silhouette",
                               silhouetteScore(Xk, keptLabels, kSilhouetteSampleRows, seed, stop));
        m.scalars.emplace_back("davies_bouldin", daviesBouldinScore(Xk, keptLabels));
        m.scalars.emplace_back("calinski_harabasz", calinskiHarabaszScore(Xk, keptLabels));
    }
    if (truth) {
        m.scalars.emplace_back("ari", adjustedRandScore(*truth, labels));
        m.scalars.emplace_back("nmi", normalizedMutualInfoScore(*truth, labels));
    }
    return m;
}

} // namespace oficina::core
