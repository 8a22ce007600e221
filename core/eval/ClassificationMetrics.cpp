#include "eval/ClassificationMetrics.h"

#include "data/Table.h"
#include "eval/Curves.h"
#include "models/Model.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

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

// ---- Scoring a predictions table ----------------------------------------------------------

namespace oficina::core {

namespace {

bool parseNumber(const std::string& s, double& v) {
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

void warn(std::vector<Message>* warnings, Message message) {
    if (warnings) warnings->push_back(std::move(message));
}

LabeledMatrix curveMatrix(std::string name, std::vector<std::string> columns,
                          const std::vector<double>& a, const std::vector<double>& b,
                          const std::vector<double>& c) {
    LabeledMatrix m{std::move(name), {}, std::move(columns), {}};
    m.rowLabels.reserve(a.size());
    m.values.reserve(a.size() * 3);
    for (size_t i = 0; i < a.size(); ++i) {
        m.rowLabels.push_back(std::to_string(i + 1));
        m.values.insert(m.values.end(), {a[i], b[i], c[i]});
    }
    return m;
}

// One-vs-rest ROC and PR curves of class `label`; false when the rows hold only one side.
bool addCurves(Metrics& metrics, const std::string& label, const std::vector<bool>& positive,
               const std::vector<double>& score, double* auc, double* ap) {
    const auto positives = std::count(positive.begin(), positive.end(), true);
    if (positives == 0 || size_t(positives) == positive.size()) return false;
    const RocCurve roc = rocCurve(positive, score);
    *auc = trapezoidArea(roc.fpr, roc.tpr);
    PrCurve pr = precisionRecallCurve(positive, score);
    *ap = 0.0;
    for (size_t i = 0; i + 1 < pr.recall.size(); ++i)
        *ap -= (pr.recall[i + 1] - pr.recall[i]) * pr.precision[i];
    pr.thresholds.push_back(pr.thresholds.back() + 1.0);
    metrics.matrices.push_back(
        curveMatrix("roc:" + label, {"fpr", "tpr", "threshold"}, roc.fpr, roc.tpr, roc.thresholds));
    metrics.matrices.push_back(curveMatrix("pr:" + label, {"recall", "precision", "threshold"},
                                           pr.recall, pr.precision, pr.thresholds));
    return true;
}

// log loss, ROC and PR from the "P(<label>)" columns, on the rows kept for scoring.
void addProbabilityScores(Metrics& metrics, const Table& table, const std::vector<size_t>& rows,
                          const std::vector<std::string>& truthText,
                          std::vector<Message>* warnings) {
    std::vector<std::string> labels;
    for (const Column& c : table.columns()) {
        const std::string& name = c.name();
        if (c.role() == ColumnRole::Prediction && c.isNumeric() && name.size() > 3 &&
            name.compare(0, 2, "P(") == 0 && name.back() == ')')
            labels.push_back(name.substr(2, name.size() - 3));
    }
    if (labels.size() < 2) return;
    sortClassLabels(labels);
    const size_t k = labels.size();
    std::map<std::string, int32_t> index;
    for (size_t i = 0; i < k; ++i) index[labels[i]] = int32_t(i);

    std::vector<int32_t> truth(rows.size());
    std::vector<double> probabilities(rows.size() * k);
    for (size_t c = 0; c < k; ++c) {
        const auto& values = table.column(probabilityColumnName(labels[c])).values();
        for (size_t i = 0; i < rows.size(); ++i) probabilities[i * k + c] = values[rows[i]];
    }
    for (double p : probabilities)
        if (!std::isfinite(p)) {
            warn(warnings, Message(OFICINA_TR_NOOP("some probabilities are missing; log loss "
                                                   "and ROC curves were left out")));
            return;
        }
    for (size_t i = 0; i < rows.size(); ++i) {
        const auto it = index.find(truthText[i]);
        if (it == index.end()) {
            warn(warnings, Message(OFICINA_TR_NOOP("the target has the class '%1', which the "
                                                   "model does not know; log loss and ROC "
                                                   "curves were left out"),
                                   {truthText[i]}));
            return;
        }
        truth[i] = it->second;
    }
    metrics.scalars.emplace_back("log_loss", logLoss(truth, probabilities, k));

    const auto curveOf = [&](size_t c, double* auc, double* ap) {
        std::vector<bool> positive(rows.size());
        std::vector<double> score(rows.size());
        for (size_t i = 0; i < rows.size(); ++i) {
            positive[i] = truth[i] == int32_t(c);
            score[i] = probabilities[i * k + c];
        }
        return addCurves(metrics, labels[c], positive, score, auc, ap);
    };
    double auc = 0.0, ap = 0.0;
    if (k == 2) {
        if (curveOf(1, &auc, &ap)) {
            metrics.scalars.emplace_back("roc_auc", auc);
            metrics.scalars.emplace_back("average_precision", ap);
        } else {
            warn(warnings, Message(OFICINA_TR_NOOP("ROC AUC needs rows of both classes; it was "
                                                   "left out")));
        }
        return;
    }
    double sum = 0.0;
    size_t counted = 0;
    for (size_t c = 0; c < k; ++c)
        if (curveOf(c, &auc, &ap)) {
            sum += auc;
            ++counted;
        }
    if (counted == k)
        metrics.scalars.emplace_back("roc_auc_ovr", sum / double(k));
    else
        warn(warnings, Message(OFICINA_TR_NOOP("one-vs-rest ROC AUC needs rows of every class "
                                               "the model knows; it was left out")));
}

} // namespace

void sortClassLabels(std::vector<std::string>& labels) {
    double ignored = 0;
    const bool numeric = std::all_of(labels.begin(), labels.end(),
                                     [&](const std::string& s) { return parseNumber(s, ignored); });
    if (!numeric) {
        std::sort(labels.begin(), labels.end());
        return;
    }
    std::sort(labels.begin(), labels.end(), [&](const std::string& a, const std::string& b) {
        double x = 0, y = 0;
        parseNumber(a, x);
        parseNumber(b, y);
        return x < y;
    });
}

Metrics classificationScores(const Table& table, std::vector<Message>* warnings) {
    const Column& truthColumn = table.column(requireTarget(table));
    const Column* predictedColumn = table.find(kPredictionColumn);
    if (!predictedColumn || predictedColumn->role() != ColumnRole::Prediction)
        throw Error(Message(OFICINA_TR_NOOP("the data has no '%1' column; connect the output of "
                                            "a Predict node"),
                            {kPredictionColumn}));
    if (predictedColumn->isNumeric())
        throw Error(Message(OFICINA_TR_NOOP("classification scores need class predictions; "
                                            "'%1' holds numbers"),
                            {kPredictionColumn}));

    std::vector<std::string> truthText, predictedText;
    std::vector<size_t> rows;
    for (size_t row = 0; row < table.rowCount(); ++row) {
        if (truthColumn.isMissing(row) || predictedColumn->isMissing(row)) continue;
        rows.push_back(row);
        truthText.push_back(truthColumn.cellText(row));
        predictedText.push_back(predictedColumn->cellText(row));
    }
    if (const size_t left = table.rowCount() - rows.size(); left > 0)
        warn(warnings, Message(OFICINA_TR_NOOP("%1 rows without a target value or prediction "
                                               "were left out of the scores"),
                               {std::to_string(left)}));
    std::vector<std::string> labels = truthText;
    labels.insert(labels.end(), predictedText.begin(), predictedText.end());
    sortClassLabels(labels);
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    std::map<std::string, int32_t> index;
    for (size_t i = 0; i < labels.size(); ++i) index[labels[i]] = int32_t(i);
    std::vector<int32_t> truth, predicted;
    truth.reserve(rows.size());
    predicted.reserve(rows.size());
    for (size_t i = 0; i < truthText.size(); ++i) {
        truth.push_back(index[truthText[i]]);
        predicted.push_back(index[predictedText[i]]);
    }
    Metrics metrics = classificationMetrics(truth, predicted, labels);
    addProbabilityScores(metrics, table, rows, truthText, warnings);
    return metrics;
}

} // namespace oficina::core
