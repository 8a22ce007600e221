#pragma once

#include "data/NumpyRandom.h"
#include "util/Message.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace oficina::core {

/// Row indices of one split, in scikit-learn's order.
struct TrainTestIndices {
    std::vector<size_t> train;
    std::vector<size_t> test;
};

// Every function below reproduces scikit-learn 1.2 exactly for the same seed (numpy's legacy
// RandomState stream), so a pipeline and a scikit-learn script split the same rows.
// Invalid arguments throw Error with a Message for the user (no location: the caller adds it).

/// train_test_split(range(rows), test_size=testFraction, random_state=seed, shuffle=True):
/// n_test = ceil(testFraction * rows), n_train = rows - n_test.
TrainTestIndices trainTestSplit(size_t rows, double testFraction, uint32_t seed);

/// train_test_split(..., stratify=labels), i.e. StratifiedShuffleSplit with _approximate_mode.
/// `labels` are class codes (>= 0; -1 is an error) into a dictionary sorted like numpy.unique,
/// so code order is scikit-learn's class order. Each class needs at least 2 rows, and both
/// sides at least one row per class.
TrainTestIndices stratifiedTrainTestSplit(const std::vector<int32_t>& labels, double testFraction,
                                          uint32_t seed);

/// KFold(n_splits=folds, shuffle=shuffle, random_state=seed if shuffle); train and test are
/// ascending. 2 <= folds <= rows.
std::vector<TrainTestIndices> kFold(size_t rows, int folds, bool shuffle, uint32_t seed);

/// StratifiedKFold (1.2) on class codes (>= 0). Where the smallest class has fewer members than
/// folds, scikit-learn warns: the warning is appended to `warnings` when given.
std::vector<TrainTestIndices> stratifiedKFold(const std::vector<int32_t>& labels, int folds,
                                              bool shuffle, uint32_t seed,
                                              std::vector<Message>* warnings = nullptr);

/// _approximate_mode(classCounts, draws, rng) from sklearn.utils: how many of `draws` rows to
/// take from each class. Exposed for tests.
std::vector<size_t> approximateMode(const std::vector<size_t>& classCounts, size_t draws,
                                    NumpyRandomState& random);

} // namespace oficina::core
