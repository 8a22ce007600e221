#pragma once

#include "eval/Metrics.h"
#include "util/Message.h"

#include <cstdint>
#include <string>
#include <vector>

namespace oficina::core {

class Table;

/// Scores predicted class indices against true ones, both indexing `labels`, as scikit-learn's
/// accuracy_score, balanced_accuracy_score, precision_recall_fscore_support (zero_division=0)
/// and confusion_matrix do with their default labels: the averages run over the labels that
/// occur in `truth` or `predicted`; a label that occurs in neither still gets a row of zeros in
/// the matrices. Balanced accuracy averages recall over the labels present in `truth`.
///
/// Scalars, in this order: accuracy, balanced_accuracy, precision_macro, recall_macro,
/// f1_macro, precision_weighted, recall_weighted, f1_weighted. Matrices: "confusion_matrix"
/// (rows true label, columns predicted label, both `labels`) and "per_class" (rows `labels`,
/// columns precision, recall, f1, support). task is "classification".
/// Throws Error if the vectors are empty or differ in length, or a code is outside `labels`.
Metrics classificationMetrics(const std::vector<int32_t>& truth,
                              const std::vector<int32_t>& predicted,
                              const std::vector<std::string>& labels);

/// Sorts class labels in scikit-learn's order (numpy.unique): numerically when every label is a
/// number ("2" before "10"), else byte-wise.
void sortClassLabels(std::vector<std::string>& labels);

/// Scores a classifier's predictions table (Model::predict's output: the target column, the
/// categorical kPredictionColumn and optionally "P(<label>)" probability columns).
/// The labels are those of the target and the predictions, sorted by sortClassLabels(); rows
/// missing the target or the prediction are left out (a warning is appended to `warnings`).
/// On top of classificationMetrics(): with probability columns, scalars log_loss (as
/// scikit-learn 1.2's log_loss with the model's classes as labels), then for two classes
/// roc_auc and average_precision (positive = the second class) and matrices "roc:<label>"
/// (columns fpr, tpr, threshold) and "pr:<label>" (columns recall, precision, threshold; the
/// last point, recall 0, gets the highest score + 1 as ROC's first point), or for more classes
/// roc_auc_ovr
/// (macro one-vs-rest) and a ROC and PR curve per class. A score that is undefined on these
/// rows (a class absent from the target) is left out with a warning.
/// Throws Error naming the column when the target or prediction column is missing or numeric.
Metrics classificationScores(const Table& predictions, std::vector<Message>* warnings = nullptr);

} // namespace oficina::core
