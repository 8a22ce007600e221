#pragma once

#include "data/Table.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace oficina::core {

enum class Task { Classification, Regression, Clustering };

/// A fitted learner on transformed data. Immutable once fitted; safe to share across threads.
class Estimator {
public:
    virtual ~Estimator() = default;
    [[nodiscard]] virtual std::string typeId() const = 0;
    /// English, marked with OFICINA_TR_NOOP.
    [[nodiscard]] virtual const char* title() const = 0;
    [[nodiscard]] virtual Task task() const = 0;
    /// The feature columns it was trained on, in order.
    [[nodiscard]] virtual const std::vector<std::string>& featureNames() const = 0;
    /// Prediction columns (role Prediction) for every row of a table shaped like the training
    /// table: "prediction" and, for classifiers, one probability column per class.
    [[nodiscard]] virtual std::vector<Column> predict(const Table& transformed) const = 0;
};

/// What a learner outputs: the lineage of its training table plus the fitted estimator, i.e. a
/// function from raw rows (the schema where the chain began) to predictions.
struct Model {
    Lineage lineage;
    std::shared_ptr<const Estimator> estimator;
    std::string targetName;  ///< empty for unsupervised models
    std::vector<std::pair<std::string, double>> trainingMetrics;

    /// Re-applies the lineage with the training fit, then predicts. The result is the input
    /// table with the target (if present) marked as such and the prediction columns appended.
    [[nodiscard]] Table predict(const Table& input) const;
};

/// Name of the column holding the predicted label or value.
inline constexpr const char* kPredictionColumn = "prediction";
/// Name of the probability column for a class label, e.g. "P(setosa)".
std::string probabilityColumnName(const std::string& label);

} // namespace oficina::core
