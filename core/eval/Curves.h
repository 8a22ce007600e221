#pragma once

#include <cstdint>
#include <vector>

namespace oficina::core {

/// Points of a ROC curve, as scikit-learn 1.2's roc_curve(drop_intermediate=True): the first
/// point is (0, 0) at threshold max(score) + 1, the last (1, 1).
struct RocCurve {
    std::vector<double> fpr;
    std::vector<double> tpr;
    std::vector<double> thresholds;  ///< decreasing
};

/// Points of a precision-recall curve, as scikit-learn 1.2's precision_recall_curve: recall
/// decreasing, ending at (recall 0, precision 1), which has no threshold (thresholds has one
/// entry fewer than precision and recall).
struct PrCurve {
    std::vector<double> precision;
    std::vector<double> recall;
    std::vector<double> thresholds;  ///< increasing
};

/// ROC curve of `score` (higher = more positive) against `positive` (one flag per row). Throws
/// Error unless both positive and negative rows are present and the lengths agree.
RocCurve rocCurve(const std::vector<bool>& positive, const std::vector<double>& score);

/// Area under a curve by the trapezoidal rule over points in the given order (sklearn.metrics.auc
/// for monotonic x).
double trapezoidArea(const std::vector<double>& x, const std::vector<double>& y);

/// roc_auc_score for a binary problem.
double rocAuc(const std::vector<bool>& positive, const std::vector<double>& score);

/// precision_recall_curve; throws Error for empty or mismatched input.
PrCurve precisionRecallCurve(const std::vector<bool>& positive, const std::vector<double>& score);

/// average_precision_score: Σ (R_n − R_{n−1}) P_n over the precision-recall curve.
double averagePrecision(const std::vector<bool>& positive, const std::vector<double>& score);

/// log_loss(truth, probabilities, labels=all classes) as scikit-learn 1.2: each row of
/// `probabilities` (rows × classes, row-major) is clipped to [eps, 1 − eps] with eps the double
/// machine epsilon, renormalised to sum 1, and the mean of −log p(true class) is returned.
/// Throws Error for fewer than two classes, a class index out of range or mismatched sizes.
double logLoss(const std::vector<int32_t>& truth, const std::vector<double>& probabilities,
               size_t classCount);

} // namespace oficina::core
