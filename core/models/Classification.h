#pragma once

#include "data/Column.h"
#include "data/FeatureMatrix.h"

#include <Eigen/Core>

#include <cstdint>
#include <string>
#include <vector>

namespace oficina::core {

/// What every classifier does alike: which classes it learns, the checks on its training input,
/// and how its predictions become columns.

/// The classes present in `target`, in classLabels() order (numbers ascending, categories in
/// dictionary order — byte-wise, as np.unique, for every reader's dictionary), with each row's
/// code renumbered into them: scikit-learn learns only the classes that occur.
/// Throws Error for no rows, missing values, a non-integer numeric target or a single class.
ClassLabels presentClasses(const Column& target);

/// Throws Error unless X has rows, one per entry of `y`, all finite, and `y` holds indices in
/// [0, classCount) with at least two distinct classes.
void checkClassInput(const Eigen::MatrixXd& X, const std::vector<int32_t>& y, int classCount);

/// Index of the largest entry of each row; the first on ties (numpy's argmax).
std::vector<int32_t> rowArgmax(const Eigen::MatrixXd& m);

/// Prediction columns from class probabilities (rows × classes): the categorical
/// kPredictionColumn (`predicted` class indices, or rowArgmax(probabilities) when empty) and one
/// "P(<label>)" column per class, all with role Prediction.
std::vector<Column> classificationColumns(const Eigen::MatrixXd& probabilities,
                                          const std::vector<std::string>& labels,
                                          std::vector<int32_t> predicted = {});

} // namespace oficina::core
