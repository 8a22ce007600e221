#pragma once

#include "data/Table.h"

#include <functional>
#include <memory>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

namespace oficina::core {

class RunContext;

enum class Task { Classification, Regression, Clustering };
/// "classification", "regression", "clustering": the names files and protocols use.
const char* toString(Task task);

/// What a long prediction consults: the run's Stop, and where the fraction done goes (called
/// from the predicting thread only).
struct PredictControl {
    std::stop_token stop;
    std::function<void(double fraction)> progress;
};

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
    /// The same within a run: an estimator whose prediction takes long (k-NN searches per row)
    /// overrides this to honour Stop and report progress; the others ignore `control`.
    [[nodiscard]] virtual std::vector<Column> predict(const Table& transformed,
                                                      const PredictControl& control) const {
        (void)control;
        return predict(transformed);
    }
    /// One non-negative weight per feature (summing to 1 for trees and ensembles), or empty
    /// when the model has none.
    [[nodiscard]] virtual std::vector<double> featureImportances() const { return {}; }
};

/// What fitting a learner produced.
struct Fitted {
    std::shared_ptr<const Estimator> estimator;
    /// Figures about the fit for the run report and the node's summary ("iterations", "loss",
    /// "oob_score"…), in a stable order.
    std::vector<std::pair<std::string, double>> metrics;
};

/// A learner before fitting: a model type with its hyper-parameters. A Model remembers it, so
/// cross-validation and learning curves can refit the same recipe on other rows.
class Learner {
public:
    virtual ~Learner() = default;
    /// English, marked with OFICINA_TR_NOOP.
    [[nodiscard]] virtual const char* title() const = 0;
    [[nodiscard]] virtual Task task() const = 0;
    /// Fits on the feature columns of `transformed` to predict `target` (empty for clustering).
    /// Streams metrics and progress through `ctx` and checks its stop token; throws Error
    /// naming the offending column, Cancelled when stopped.
    [[nodiscard]] virtual Fitted fit(const Table& transformed, const std::string& target,
                                     RunContext& ctx) const = 0;
    /// The same recipe with the numeric hyper-parameter `key` (scikit-learn's name,
    /// "max_depth") set to `value`, or null when this learner has no such parameter: a
    /// validation curve refits the recipe once per value.
    [[nodiscard]] virtual std::shared_ptr<const Learner> withParameter(const std::string& key,
                                                                       double value) const {
        (void)key;
        (void)value;
        return nullptr;
    }
};

using FitFunction =
    std::function<Fitted(const Table& transformed, const std::string& target, RunContext& ctx)>;
/// A Learner from a function, so a model node need not declare a class for its recipe.
/// Example:
///     auto learner = makeLearner(OFICINA_TR_NOOP("Ridge"), Task::Regression,
///         [options](const Table& t, const std::string& target, RunContext&) {
///             return Fitted{fitRidge(t, target, options), {}};
///         });
std::shared_ptr<const Learner> makeLearner(const char* title, Task task, FitFunction fit);

/// Learner::withParameter's answer for a learner made by makeLearner: the varied recipe, or
/// null for a key it does not know.
using VaryFunction =
    std::function<std::shared_ptr<const Learner>(const std::string& key, double value)>;
/// A Learner from a function whose hyper-parameters a validation curve can vary.
std::shared_ptr<const Learner> makeLearner(const char* title, Task task, FitFunction fit,
                                           VaryFunction vary);

/// What a learner outputs: the lineage of its training table plus the fitted estimator, i.e. a
/// function from raw rows (the schema where the chain began) to predictions.
struct Model {
    /// The training table's lineage; its sourceRows, when set, are the raw training rows.
    Lineage lineage;
    std::shared_ptr<const Estimator> estimator;
    /// The recipe that made `estimator`, for refitting on other rows.
    std::shared_ptr<const Learner> learner;
    std::string targetName;  ///< empty for unsupervised models
    std::vector<std::pair<std::string, double>> trainingMetrics;
    /// The user's title of the node that trained it (set by the executor); empty = none given.
    std::string name;

    /// Re-applies the lineage with the training fit, then predicts. The result is the input
    /// table with the target (if present) marked as such and the prediction columns appended.
    [[nodiscard]] Table predict(const Table& input, const PredictControl& control = {}) const;
};

/// Fits `learner` on `train` (its target column, unless the learner clusters) and returns the
/// Model: train's lineage, the estimator, the learner and the fit's metrics. Throws Error when a
/// supervised learner gets data without a target column.
Model trainModel(const Table& train, std::shared_ptr<const Learner> learner, RunContext& ctx);

/// The raw rows `model` was trained from refitted: its lineage recipe and its learner fitted
/// afresh on `raw` (cross-validation folds, learning curves). Throws as trainModel().
Model refitModel(const Model& model, const Table& raw, RunContext& ctx);

/// The target column of a table (role Target), or an Error telling the user how to set one.
std::string requireTarget(const Table& table);

/// Name of the column holding the predicted label or value.
inline constexpr const char* kPredictionColumn = "prediction";
/// Name of the column holding a clustering's labels (categorical "0", "1"…; missing = noise).
inline constexpr const char* kClusterColumn = "cluster";
/// Name of the probability column for a class label, e.g. "P(setosa)".
std::string probabilityColumnName(const std::string& label);

} // namespace oficina::core
