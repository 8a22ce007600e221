#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <functional>
#include <stop_token>

namespace oficina::core {

enum class TsneMethod { BarnesHut, Exact };
enum class TsneInit { Pca, Random };

/// Hyper-parameters of t-SNE, scikit-learn's TSNE (1.2) defaults, two output dimensions.
///
/// Example:
///     const TsneResult r = tsne(X, {.perplexity = 10, .method = TsneMethod::Exact});
struct TsneOptions {
    /// Effective number of neighbours (`perplexity`); must be below the number of rows.
    double perplexity = 30.0;
    /// P is multiplied by this for the first 250 iterations (`early_exaggeration`).
    double earlyExaggeration = 12.0;
    /// Step size (`learning_rate`); 0 = "auto": max(n / early_exaggeration / 4, 50).
    double learningRate = 0.0;
    /// Total iterations, the 250 exaggerated ones included (`n_iter`, at least 250).
    int maxIter = 1000;
    /// Stop when the KL divergence has not improved for this many iterations, checked every 50
    /// (`n_iter_without_progress`).
    int maxIterWithoutProgress = 300;
    /// Stop when the gradient norm falls below this (`min_grad_norm`).
    double minGradNorm = 1e-7;
    /// `init`: the first two principal components scaled to std 1e-4, or N(0, 1e-4²) draws.
    TsneInit init = TsneInit::Pca;
    /// Barnes–Hut: O(n log n) per iteration with a quadtree over the 3·perplexity nearest
    /// neighbours; Exact: O(n²) per iteration, all pairs.
    TsneMethod method = TsneMethod::BarnesHut;
    /// Barnes–Hut accuracy (`angle`, θ): a quadtree cell is summarised when width/distance < θ.
    double angle = 0.5;
    /// Seed of the random initialisation.
    uint32_t seed = 0;
};

struct TsneResult {
    Eigen::MatrixXd embedding;  ///< n × 2
    double klDivergence = 0.0;  ///< at the last iteration
    int iterations = 0;
};

/// Callbacks of a t-SNE run, called on the calling thread.
struct TsneMonitor {
    /// Every 10 iterations and at the end: the iteration (1-based) and the KL divergence.
    std::function<void(int iteration, double kl)> onLoss;
    /// Fraction done, every iteration.
    std::function<void(double fraction)> onProgress;
    /// Throws Cancelled from the iteration loop when a stop is requested.
    std::stop_token stop;
};

/// Embeds the rows of X (n × d, finite) in two dimensions. Deterministic for given options.
/// Throws Error for fewer than 3 rows or a perplexity not below the row count; Cancelled on a
/// stop request.
TsneResult tsne(const Eigen::MatrixXd& X, const TsneOptions& options = {},
                const TsneMonitor& monitor = {});

/// scikit-learn's manifold.trustworthiness with the Euclidean metric: 1 means the k nearest
/// neighbours of every point in Y were also among its nearest ones in X.
double trustworthiness(const Eigen::MatrixXd& X, const Eigen::MatrixXd& Y, int neighbours = 5);

} // namespace oficina::core
