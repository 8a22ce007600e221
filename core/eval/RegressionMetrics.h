#pragma once

#include "eval/Metrics.h"
#include "util/Message.h"

#include <cstddef>
#include <vector>

namespace oficina::core {

class Table;

/// Scores predicted values against true ones as scikit-learn 1.2's r2_score (force_finite: a
/// constant truth gives 1 for a perfect fit, else 0), mean_absolute_error, mean_squared_error
/// and its square root. task is "regression"; scalars, in this order: r2, mae, mse, rmse.
/// Matrix "residuals" (columns actual, predicted, residual = actual − predicted) has one row per
/// data row, or `maxResidualRows` rows evenly sampled when there are more; its row labels are
/// the 0-based data row numbers.
/// Throws Error for empty or mismatched vectors and for non-finite values.
Metrics regressionMetrics(const std::vector<double>& truth, const std::vector<double>& predicted,
                          size_t maxResidualRows = 100000);

/// Scores a regressor's predictions table (Model::predict's output: the numeric target column and
/// the numeric kPredictionColumn) with regressionMetrics(). Rows missing either value are left
/// out with a warning appended to `warnings`. Throws Error naming the column when the target or
/// prediction is missing or not numeric.
Metrics regressionScores(const Table& predictions, std::vector<Message>* warnings = nullptr);

} // namespace oficina::core
