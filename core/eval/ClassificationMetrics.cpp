#include "eval/ClassificationMetrics.h"

#include "util/Error.h"
#include "util/Tr.h"

namespace oficina::core {

namespace {

// scikit-learn's _prf_divide with zero_division=0.
double ratio(double numerator, double denominator) {
    return denominator == 0.0 ? 0.0 : numerator / denominator;
}

void checkCodes(const std::vector<int32_t>& codes, size_t labelCount) {
    for (int32_t code : codes)
        if (code < 0 || size_t(code) >= labelCount)
            throw Error(Message(OFICINA_TR_NOOP("class index %1 is outside the %2 known classes"),
                                {std::to_string(code), std::to_string(labelCount)}));
}

} // namespace

Metrics classificationMetrics(const std::vector<int32_t>& truth,
                              const std::vector<int32_t>& predicted,
                              const std::vector<std::string>& labels) {
    if (truth.size() != predicted.size())
        throw Error(Message(OFICINA_TR_NOOP("%1 true labels but %2 predictions"),
                            {std::to_string(truth.size()), std::to_string(predicted.size())}));
    if (truth.empty()) throw Error(Message(OFICINA_TR_NOOP("there are no rows to evaluate")));
    const size_t k = labels.size();
    checkCodes(truth, k);
    checkCodes(predicted, k);

    std::vector<double> confusion(k * k, 0.0);
    for (size_t i = 0; i < truth.size(); ++i)
        confusion[size_t(truth[i]) * k + size_t(predicted[i])] += 1.0;

    std::vector<double> support(k, 0.0);
    std::vector<double> predictedCount(k, 0.0);
    double correct = 0.0;
    for (size_t t = 0; t < k; ++t) {
        correct += confusion[t * k + t];
        for (size_t p = 0; p < k; ++p) {
            support[t] += confusion[t * k + p];
            predictedCount[p] += confusion[t * k + p];
        }
    }

    LabeledMatrix perClass{"per_class", labels, {"precision", "recall", "f1", "support"}, {}};
    perClass.values.reserve(k * 4);
    double precisionSum = 0.0, recallSum = 0.0, f1Sum = 0.0, presentCount = 0.0;
    double precisionWeighted = 0.0, recallWeighted = 0.0, f1Weighted = 0.0;
    double recallOfTrueSum = 0.0, trueClassCount = 0.0;
    for (size_t c = 0; c < k; ++c) {
        const double tp = confusion[c * k + c];
        const double precision = ratio(tp, predictedCount[c]);
        const double recall = ratio(tp, support[c]);
        const double denominator = precision + recall;
        const double f1 = denominator == 0.0 ? 0.0 : 2.0 * precision * recall / denominator;
        perClass.values.insert(perClass.values.end(), {precision, recall, f1, support[c]});
        // scikit-learn's default labels are those seen in either vector.
        if (support[c] > 0.0 || predictedCount[c] > 0.0) {
            precisionSum += precision;
            recallSum += recall;
            f1Sum += f1;
            presentCount += 1.0;
        }
        precisionWeighted += precision * support[c];
        recallWeighted += recall * support[c];
        f1Weighted += f1 * support[c];
        if (support[c] > 0.0) {
            recallOfTrueSum += recall;
            trueClassCount += 1.0;
        }
    }
    const double n = double(truth.size());

    Metrics metrics;
    metrics.task = "classification";
    metrics.scalars = {{"accuracy", correct / n},
                       {"balanced_accuracy", recallOfTrueSum / trueClassCount},
                       {"precision_macro", precisionSum / presentCount},
                       {"recall_macro", recallSum / presentCount},
                       {"f1_macro", f1Sum / presentCount},
                       {"precision_weighted", precisionWeighted / n},
                       {"recall_weighted", recallWeighted / n},
                       {"f1_weighted", f1Weighted / n}};
    metrics.matrices.push_back({"confusion_matrix", labels, labels, std::move(confusion)});
    metrics.matrices.push_back(std::move(perClass));
    return metrics;
}

} // namespace oficina::core
