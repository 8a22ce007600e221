#pragma once

#include "eval/Metrics.h"

#include <cstdint>
#include <string>
#include <vector>

namespace oficina::core {

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

} // namespace oficina::core
