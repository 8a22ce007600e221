#pragma once

#include "data/Split.h"
#include "data/Table.h"
#include "eval/Metrics.h"
#include "models/Model.h"
#include "util/Message.h"

#include <cstdint>
#include <string>
#include <vector>

namespace oficina::core {

class RunContext;

/// Scores a predictions table (Model::predict's output) for its task: classification when
/// kPredictionColumn is categorical (classificationScores()), regression when it is numeric
/// (regressionScores()), clustering when there is no prediction but a categorical kClusterColumn
/// (clusteringMetrics() on the feature columns, ARI/NMI against the target column if any).
/// Warnings (rows left out, scores left out) are appended to `warnings`.
/// Throws Error naming the column when the table has no target or no prediction column.
Metrics scorePredictions(const Table& predictions, std::vector<Message>* warnings = nullptr);

/// How rows are dealt into folds: scikit-learn's KFold / StratifiedKFold.
///
/// Example:
///     CrossValidationOptions options;
///     options.folds = 10;
///     options.shuffle = true;   // rows in random order, drawn from `seed`
///     const auto folds = crossValidationFolds(data, "species", Task::Classification, options);
struct CrossValidationOptions {
    /// Number of folds (`n_splits`, ≥ 2 and ≤ the rows).
    int folds = 5;
    /// Keep each class's share in every fold (StratifiedKFold); classification only, as
    /// scikit-learn's cv=5 does for classifiers.
    bool stratified = true;
    /// Shuffle the rows before dealing them (`shuffle`); scikit-learn's default is not to.
    bool shuffle = false;
    /// `random_state` when shuffling.
    uint32_t seed = 0;
};

/// The folds of `data` for a model predicting `target` (StratifiedKFold on the target's classes
/// for classification when options.stratified, else KFold), exactly scikit-learn's indices.
/// Throws Error for a missing target column or invalid fold counts; scikit-learn's warning for
/// classes smaller than the fold count is appended to `warnings`.
std::vector<TrainTestIndices> crossValidationFolds(const Table& data, const std::string& target,
                                                   Task task,
                                                   const CrossValidationOptions& options,
                                                   std::vector<Message>* warnings = nullptr);

/// What cross-validating one model produced.
struct CrossValidationResult {
    /// Scalars "<metric>_mean" and "<metric>_std" (population standard deviation, numpy's
    /// default) for every scalar of scorePredictions(), and matrix "folds": rows "1", "2"…,
    /// one column per metric. Task as scorePredictions().
    Metrics summary;
    /// Each fold's own scores.
    std::vector<Metrics> folds;
    /// `data` with the out-of-fold prediction columns, rows in data order (empty unless asked).
    Table predictions;
};

/// For each fold: refits `model`'s whole recipe (lineage and learner, refitModel()) on the
/// training rows of `data` (raw rows with model.targetName), predicts the held-out rows and
/// scores them, so nothing learned from a held-out row reaches its model. Reports progress
/// between `progressFrom` and `progressTo` and checks the stop token. Throws Error for an
/// unsupervised model or data without the model's target; Cancelled when stopped.
CrossValidationResult crossValidate(const Model& model, const Table& data,
                                    const std::vector<TrainTestIndices>& folds, RunContext& ctx,
                                    bool keepPredictions = false,
                                    std::vector<Message>* warnings = nullptr,
                                    double progressFrom = 0.0, double progressTo = 1.0);

/// Mean and population standard deviation of each metric over `folds` (the metrics every fold
/// has, in the first fold's order), and the "folds" matrix.
Metrics summarizeFolds(const std::vector<Metrics>& folds);

/// Train sizes as scikit-learn's learning_curve turns fractions of the largest training fold
/// into row counts: floor(fraction · rows), clipped to [1, rows], sorted, duplicates dropped.
/// Throws Error for a fraction outside (0, 1].
std::vector<size_t> learningCurveSizes(const std::vector<double>& fractions, size_t trainRows);

/// scikit-learn's learning_curve(shuffle=False): for each fold and train size n, the model's
/// recipe is refitted on the first n training rows of the fold and scored with `metric` (a
/// scalar of scorePredictions(), e.g. "accuracy" or "r2") on those rows and on the fold's test
/// rows. Returns matrix "learning_curve" (columns train_size, train_mean, train_std, test_mean,
/// test_std; one row per size). Throws Error when the metric is not scored for this task.
Metrics learningCurve(const Model& model, const Table& data,
                      const std::vector<TrainTestIndices>& folds,
                      const std::vector<double>& trainFractions, const std::string& metric,
                      RunContext& ctx, std::vector<Message>* warnings = nullptr);

/// `model`'s recipe with the numeric hyper-parameter `key` set to `value`: its learner's
/// (Learner::withParameter, e.g. a decision tree's "max_depth") or else the "degree" of a
/// Polynomial features step in its lineage. Throws Error when the recipe has no such parameter.
Model withHyperParameter(const Model& model, const std::string& key, double value);

/// scikit-learn's validation_curve: for each value of the hyper-parameter `key` and each fold,
/// the model's recipe with that value (withHyperParameter()) is refitted on the fold's
/// training rows and scored with `metric` on them and on the fold's test rows. Returns matrix
/// "validation_curve" (columns `key` (the value), train_mean, train_std, test_mean, test_std;
/// one row per value) and the value with the best mean validation score as scalar "best_value".
/// Throws Error as learningCurve() and withHyperParameter(), or for no values.
Metrics validationCurve(const Model& model, const Table& data,
                        const std::vector<TrainTestIndices>& folds, const std::string& key,
                        const std::vector<double>& values, const std::string& metric,
                        RunContext& ctx, std::vector<Message>* warnings = nullptr);

} // namespace oficina::core
