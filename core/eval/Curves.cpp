#include "eval/Curves.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace oficina::core {

namespace {

// scikit-learn's _binary_clf_curve: true and false positives counted at each distinct score,
// scores taken from the highest down.
struct BinaryCounts {
    std::vector<double> fps, tps, thresholds;
};

BinaryCounts binaryCounts(const std::vector<bool>& positive, const std::vector<double>& score) {
    if (positive.size() != score.size())
        throw Error(Message(OFICINA_TR_NOOP("%1 true labels but %2 scores"),
                            {std::to_string(positive.size()), std::to_string(score.size())}));
    if (score.empty()) throw Error(Message(OFICINA_TR_NOOP("there are no rows to evaluate")));
    for (double s : score)
        if (!std::isfinite(s))
            throw Error(Message(OFICINA_TR_NOOP("the scores have missing or infinite values")));
    std::vector<size_t> order(score.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return score[a] > score[b]; });
    BinaryCounts out;
    double tp = 0.0;
    for (size_t i = 0; i < order.size(); ++i) {
        tp += positive[order[i]] ? 1.0 : 0.0;
        const bool last = i + 1 == order.size() || score[order[i + 1]] != score[order[i]];
        if (!last) continue;
        out.tps.push_back(tp);
        out.fps.push_back(double(i + 1) - tp);
        out.thresholds.push_back(score[order[i]]);
    }
    return out;
}

} // namespace

RocCurve rocCurve(const std::vector<bool>& positive, const std::vector<double>& score) {
    BinaryCounts c = binaryCounts(positive, score);
    if (c.tps.back() <= 0.0 || c.fps.back() <= 0.0)
        throw Error(Message(OFICINA_TR_NOOP("a ROC curve needs both positive and negative rows")));
    // drop_intermediate: keep a point only where the curve turns (non-zero second difference).
    RocCurve curve;
    const size_t n = c.fps.size();
    curve.fpr.push_back(0.0);
    curve.tpr.push_back(0.0);
    curve.thresholds.push_back(c.thresholds.front() + 1.0);
    for (size_t i = 0; i < n; ++i) {
        const bool keep = n <= 2 || i == 0 || i + 1 == n ||
                          c.fps[i + 1] - 2.0 * c.fps[i] + c.fps[i - 1] != 0.0 ||
                          c.tps[i + 1] - 2.0 * c.tps[i] + c.tps[i - 1] != 0.0;
        if (!keep) continue;
        curve.fpr.push_back(c.fps[i] / c.fps.back());
        curve.tpr.push_back(c.tps[i] / c.tps.back());
        curve.thresholds.push_back(c.thresholds[i]);
    }
    return curve;
}

double trapezoidArea(const std::vector<double>& x, const std::vector<double>& y) {
    double area = 0.0;
    for (size_t i = 1; i < x.size() && i < y.size(); ++i)
        area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2.0;
    return area;
}

double rocAuc(const std::vector<bool>& positive, const std::vector<double>& score) {
    const RocCurve curve = rocCurve(positive, score);
    return trapezoidArea(curve.fpr, curve.tpr);
}

PrCurve precisionRecallCurve(const std::vector<bool>& positive, const std::vector<double>& score) {
    const BinaryCounts c = binaryCounts(positive, score);
    PrCurve curve;
    const size_t n = c.tps.size();
    for (size_t k = n; k-- > 0;) {
        const double predicted = c.tps[k] + c.fps[k];
        curve.precision.push_back(predicted != 0.0 ? c.tps[k] / predicted : 0.0);
        // No positive row at all: scikit-learn sets recall to 1 everywhere.
        curve.recall.push_back(c.tps.back() == 0.0 ? 1.0 : c.tps[k] / c.tps.back());
        curve.thresholds.push_back(c.thresholds[k]);
    }
    curve.precision.push_back(1.0);
    curve.recall.push_back(0.0);
    return curve;
}

double averagePrecision(const std::vector<bool>& positive, const std::vector<double>& score) {
    const PrCurve curve = precisionRecallCurve(positive, score);
    double sum = 0.0;
    for (size_t i = 0; i + 1 < curve.recall.size(); ++i)
        sum -= (curve.recall[i + 1] - curve.recall[i]) * curve.precision[i];
    return sum;
}

double logLoss(const std::vector<int32_t>& truth, const std::vector<double>& probabilities,
               size_t classCount) {
    if (classCount < 2)
        throw Error(Message(OFICINA_TR_NOOP("log loss needs at least two classes")));
    if (probabilities.size() != truth.size() * classCount)
        throw Error(Message(OFICINA_TR_NOOP("%1 true labels but %2 probabilities"),
                            {std::to_string(truth.size()), std::to_string(probabilities.size())}));
    if (truth.empty()) throw Error(Message(OFICINA_TR_NOOP("there are no rows to evaluate")));
    constexpr double eps = 2.220446049250313e-16;  // np.finfo(float64).eps
    double total = 0.0;
    for (size_t i = 0; i < truth.size(); ++i) {
        const int32_t t = truth[i];
        if (t < 0 || size_t(t) >= classCount)
            throw Error(Message(OFICINA_TR_NOOP("class index %1 is outside the %2 known classes"),
                                {std::to_string(t), std::to_string(classCount)}));
        const double* row = probabilities.data() + i * classCount;
        double sum = 0.0;
        for (size_t c = 0; c < classCount; ++c) {
            if (!std::isfinite(row[c]))
                throw Error(Message(OFICINA_TR_NOOP("the probabilities have missing or "
                                                    "infinite values")));
            sum += std::clamp(row[c], eps, 1.0 - eps);
        }
        total -= std::log(std::clamp(row[t], eps, 1.0 - eps) / sum);
    }
    return total / double(truth.size());
}

} // namespace oficina::core
