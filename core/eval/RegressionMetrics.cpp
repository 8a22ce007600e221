#include "eval/RegressionMetrics.h"

#include "data/Table.h"
#include "models/Model.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <cmath>
#include <string>

namespace oficina::core {

Metrics regressionMetrics(const std::vector<double>& truth, const std::vector<double>& predicted,
                          size_t maxResidualRows) {
    if (truth.size() != predicted.size())
        throw Error(Message(OFICINA_TR_NOOP("%1 true values but %2 predictions"),
                            {std::to_string(truth.size()), std::to_string(predicted.size())}));
    if (truth.empty()) throw Error(Message(OFICINA_TR_NOOP("there are no rows to evaluate")));
    const size_t n = truth.size();
    double mean = 0.0;
    for (size_t i = 0; i < n; ++i) {
        if (!std::isfinite(truth[i]) || !std::isfinite(predicted[i]))
            throw Error(Message(OFICINA_TR_NOOP("the true or predicted values have missing or "
                                                "infinite values")));
        mean += truth[i];
    }
    mean /= double(n);
    double absolute = 0.0, squared = 0.0, total = 0.0;
    for (size_t i = 0; i < n; ++i) {
        const double residual = truth[i] - predicted[i];
        absolute += std::abs(residual);
        squared += residual * residual;
        total += (truth[i] - mean) * (truth[i] - mean);
    }
    // r2_score(force_finite=True): a constant truth has no variance to explain.
    const double r2 = total != 0.0 ? 1.0 - squared / total : (squared == 0.0 ? 1.0 : 0.0);
    const double mse = squared / double(n);

    Metrics metrics;
    metrics.task = "regression";
    metrics.scalars = {
        {"r2", r2}, {"mae", absolute / double(n)}, {"mse", mse}, {"rmse", std::sqrt(mse)}};
    LabeledMatrix residuals{"residuals", {}, {"actual", "predicted", "residual"}, {}};
    const size_t rows = maxResidualRows > 0 && n > maxResidualRows ? maxResidualRows : n;
    residuals.values.reserve(rows * 3);
    residuals.rowLabels.reserve(rows);
    for (size_t r = 0; r < rows; ++r) {
        // Evenly spread over the data, first row included.
        const size_t i = rows == n ? r : size_t(double(r) * double(n) / double(rows));
        residuals.rowLabels.push_back(std::to_string(i));
        residuals.values.insert(residuals.values.end(),
                                {truth[i], predicted[i], truth[i] - predicted[i]});
    }
    metrics.matrices.push_back(std::move(residuals));
    return metrics;
}

Metrics regressionScores(const Table& table, std::vector<Message>* warnings) {
    const Column& truthColumn = table.column(requireTarget(table));
    const Column* predictedColumn = table.find(kPredictionColumn);
    if (!predictedColumn || predictedColumn->role() != ColumnRole::Prediction)
        throw Error(Message(OFICINA_TR_NOOP("the data has no '%1' column; connect the output of "
                                            "a Predict node"),
                            {kPredictionColumn}));
    if (!predictedColumn->isNumeric())
        throw Error(Message(OFICINA_TR_NOOP("regression scores need numeric predictions; '%1' "
                                            "holds classes"),
                            {kPredictionColumn}));
    if (!truthColumn.isNumeric())
        throw Error(Message(OFICINA_TR_NOOP("the predictions are numbers but the target column "
                                            "'%1' is categorical"),
                            {truthColumn.name()}));
    const auto& t = truthColumn.values();
    const auto& p = predictedColumn->values();
    std::vector<double> truth, predicted;
    truth.reserve(t.size());
    predicted.reserve(p.size());
    for (size_t i = 0; i < t.size(); ++i) {
        if (std::isnan(t[i]) || std::isnan(p[i])) continue;
        truth.push_back(t[i]);
        predicted.push_back(p[i]);
    }
    if (truth.size() < t.size() && warnings)
        warnings->push_back(Message(OFICINA_TR_NOOP("%1 rows without a target value or "
                                                    "prediction were left out of the scores"),
                                    {std::to_string(t.size() - truth.size())}));
    return regressionMetrics(truth, predicted);
}

} // namespace oficina::core
