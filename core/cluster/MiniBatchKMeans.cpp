#include "cluster/KMeans.h"

#include "cluster/KMeansDetail.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <limits>

namespace oficina::core {

using namespace kmeans_detail;

KMeansFit fitMiniBatchKMeans(const Eigen::MatrixXd& X, const MiniBatchKMeansOptions& options,
                             const KMeansCallback& onStep, std::stop_token stop) {
    checkData(X, options.nClusters);
    if (options.batchSize < 1 || options.maxIter < 1)
        throw Error(Message(OFICINA_TR_NOOP("batch_size and max_iter must be at least 1")));
    const Eigen::Index n = X.rows(), k = options.nClusters;
    const int threads = threadCount(options.threads, n);
    NumpyRandomState random(options.seed);
    // k-means++ on a random sample of init_size rows, as scikit-learn.
    Eigen::Index initSize = 3 * Eigen::Index(options.batchSize);
    if (initSize < k) initSize = 3 * k;
    initSize = std::min(initSize, n);
    Eigen::MatrixXd sample(initSize, X.cols());
    for (Eigen::Index i = 0; i < initSize; ++i) sample.row(i) = X.row(Eigen::Index(random.randomInterval(size_t(n) - 1)));
    const Eigen::VectorXd sampleNorms = sample.rowwise().squaredNorm();
    Eigen::MatrixXd centers = kmeansPlusPlus(sample, sampleNorms, int(k), random, stop,
                                             threadCount(options.threads, initSize));
    Eigen::VectorXd weights = Eigen::VectorXd::Zero(k);
    const Eigen::Index batch = std::min<Eigen::Index>(options.batchSize, n);
    const long long steps = std::max(1LL, (long long)options.maxIter * n / batch);
    Eigen::MatrixXd X_batch(batch, X.cols());
    std::vector<int32_t> labels(static_cast<size_t>(batch));
    std::vector<Partial> partials;
    double ewa = 0.0, ewaMin = std::numeric_limits<double>::infinity();
    int noImprovement = 0;
    long long sinceReassign = 0;
    long long step = 0;
    for (; step < steps; ++step) {
        if (stop.stop_requested()) throw Cancelled{};
        for (Eigen::Index i = 0; i < batch; ++i)
            X_batch.row(i) = X.row(Eigen::Index(random.randomInterval(size_t(n) - 1)));
        const Eigen::VectorXd norms = X_batch.rowwise().squaredNorm();
        const double inertia = lloydPass(X_batch, norms, centers, labels, true, partials, 1);
        const Partial& p = partials[0];
        for (Eigen::Index j = 0; j < k; ++j) {
            if (p.counts[j] == 0) continue;
            centers.row(j) = (centers.row(j) * weights[j] + p.sums.row(j)) / (weights[j] + p.counts[j]);
            weights[j] += p.counts[j];
        }
        // Move centres that attract almost nothing to random rows of the batch.
        sinceReassign += batch;
        if (options.reassignmentRatio > 0 &&
            ((weights.array() == 0).any() || sinceReassign >= 10 * k)) {
            sinceReassign = 0;
            const double limit = options.reassignmentRatio * weights.maxCoeff();
            std::vector<Eigen::Index> reassign;
            for (Eigen::Index j = 0; j < k; ++j)
                if (weights[j] < limit) reassign.push_back(j);
            if (!reassign.empty() && Eigen::Index(reassign.size()) < k) {
                double minKept = std::numeric_limits<double>::infinity();
                for (Eigen::Index j = 0; j < k; ++j)
                    if (weights[j] >= limit) minKept = std::min(minKept, weights[j]);
                for (Eigen::Index j : reassign) {
                    centers.row(j) = X_batch.row(Eigen::Index(random.randomInterval(size_t(batch) - 1)));
                    weights[j] = minKept;
                }
            }
        }
        const double batchInertia = inertia / double(batch);
        if (onStep) onStep(int(step + 1), batchInertia);
        if (step == 0) continue;  // the first batch measures the initialisation
        if (step == 1) {
            ewa = batchInertia;
        } else {
            const double alpha = std::min(1.0, double(batch) * 2.0 / double(n + 1));
            ewa = ewa * (1.0 - alpha) + batchInertia * alpha;
        }
        if (ewa < ewaMin) {
            ewaMin = ewa;
            noImprovement = 0;
        } else if (options.maxNoImprovement > 0 && ++noImprovement >= options.maxNoImprovement) {
            break;
        }
    }
    KMeansFit fit;
    fit.labels = nearestCenters(X, centers, &fit.inertia, threads);
    fit.centers = std::move(centers);
    fit.iterations = int(std::min(step + 1, steps));
    fit.converged = step < steps;
    return fit;
}

} // namespace oficina::core
