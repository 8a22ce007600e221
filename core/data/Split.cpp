#include "data/Split.h"

#include "data/Column.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>

namespace oficina::core {

namespace {

struct SplitSizes {
    size_t train = 0;
    size_t test = 0;
};

// _validate_shuffle_split with a float test_size and no train_size.
SplitSizes validateShuffleSplit(size_t rows, double testFraction) {
    if (!(testFraction > 0.0 && testFraction < 1.0))
        throw Error(Message(OFICINA_TR_NOOP("the test fraction must be greater than 0 and less "
                                            "than 1, got %1"),
                            {formatNumber(testFraction)}));
    const auto test = size_t(std::ceil(testFraction * double(rows)));
    if (test >= rows)
        throw Error(Message(OFICINA_TR_NOOP("with %1 rows and a test fraction of %2 the training "
                                            "set would be empty"),
                            {std::to_string(rows), formatNumber(testFraction)}));
    return {rows - test, test};
}

void checkLabels(const std::vector<int32_t>& labels) {
    for (size_t row = 0; row < labels.size(); ++row)
        if (labels[row] < 0)
            throw Error(Message(OFICINA_TR_NOOP("the class label of row %1 is missing; a "
                                                "stratified split needs every label"),
                                {std::to_string(row + 1)}));
}

void checkFolds(size_t rows, int folds) {
    if (folds < 2)
        throw Error(Message(OFICINA_TR_NOOP("k-fold cross-validation needs at least 2 folds, "
                                            "got %1"),
                            {std::to_string(folds)}));
    if (size_t(folds) > rows)
        throw Error(Message(OFICINA_TR_NOOP("cannot make %1 folds from %2 rows"),
                            {std::to_string(folds), std::to_string(rows)}));
}

// Test rows are those whose fold is `fold`; both sides ascending, as scikit-learn's masks give.
std::vector<TrainTestIndices> foldsFromAssignment(const std::vector<size_t>& foldOfRow, int folds) {
    std::vector<TrainTestIndices> out(size_t(folds), TrainTestIndices{});
    for (size_t fold = 0; fold < out.size(); ++fold) {
        auto& split = out[fold];
        for (size_t row = 0; row < foldOfRow.size(); ++row)
            (foldOfRow[row] == fold ? split.test : split.train).push_back(row);
    }
    return out;
}

} // namespace

std::vector<size_t> approximateMode(const std::vector<size_t>& classCounts, size_t draws,
                                    NumpyRandomState& random) {
    const double total = double(std::accumulate(classCounts.begin(), classCounts.end(), size_t(0)));
    std::vector<double> remainder(classCounts.size());
    std::vector<size_t> result(classCounts.size());
    size_t taken = 0;
    for (size_t i = 0; i < classCounts.size(); ++i) {
        // Same operation order as numpy: counts / sum * n_draws, in double.
        const double continuous = double(classCounts[i]) / total * double(draws);
        const double floored = std::floor(continuous);
        result[i] = size_t(floored);
        remainder[i] = continuous - floored;
        taken += result[i];
    }
    size_t needToAdd = draws - taken;
    if (needToAdd == 0) return result;

    std::vector<double> values = remainder;
    std::sort(values.begin(), values.end(), std::greater<>());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    for (const double value : values) {
        std::vector<size_t> tied;
        for (size_t i = 0; i < remainder.size(); ++i)
            if (remainder[i] == value) tied.push_back(i);
        // Ties are broken randomly, and the draw happens (consuming the stream) even when all
        // tied classes get one more.
        const size_t addNow = std::min(tied.size(), needToAdd);
        for (const size_t pick : random.choiceWithoutReplacement(tied.size(), addNow))
            ++result[tied[pick]];
        needToAdd -= addNow;
        if (needToAdd == 0) break;
    }
    return result;
}

TrainTestIndices trainTestSplit(size_t rows, double testFraction, uint32_t seed) {
    const SplitSizes sizes = validateShuffleSplit(rows, testFraction);
    NumpyRandomState random(seed);
    const std::vector<size_t> order = random.permutation(rows);
    TrainTestIndices out;
    out.test.assign(order.begin(), order.begin() + ptrdiff_t(sizes.test));
    out.train.assign(order.begin() + ptrdiff_t(sizes.test), order.end());
    return out;
}

TrainTestIndices stratifiedTrainTestSplit(const std::vector<int32_t>& labels, double testFraction,
                                          uint32_t seed) {
    checkLabels(labels);
    const SplitSizes sizes = validateShuffleSplit(labels.size(), testFraction);

    // np.unique: only the codes present, in ascending order (= the dictionary's sorted order).
    std::vector<int32_t> classes = labels;
    std::sort(classes.begin(), classes.end());
    classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
    const size_t classCount = classes.size();

    // Rows of each class in ascending order (the stable argsort of the class index).
    std::vector<std::vector<size_t>> classRows(classCount);
    for (size_t row = 0; row < labels.size(); ++row) {
        const auto it = std::lower_bound(classes.begin(), classes.end(), labels[row]);
        classRows[size_t(it - classes.begin())].push_back(row);
    }
    std::vector<size_t> classCounts(classCount);
    for (size_t i = 0; i < classCount; ++i)
        classCounts[i] = classRows[i].size();

    if (*std::min_element(classCounts.begin(), classCounts.end()) < 2)
        throw Error(Message(OFICINA_TR_NOOP("the least populated class has only 1 row; a "
                                            "stratified split needs at least 2 rows per class")));
    if (sizes.train < classCount)
        throw Error(Message(OFICINA_TR_NOOP("the training set would have %1 rows, fewer than "
                                            "the %2 classes; lower the test fraction"),
                            {std::to_string(sizes.train), std::to_string(classCount)}));
    if (sizes.test < classCount)
        throw Error(Message(OFICINA_TR_NOOP("the test set would have %1 rows, fewer than the "
                                            "%2 classes; raise the test fraction"),
                            {std::to_string(sizes.test), std::to_string(classCount)}));

    NumpyRandomState random(seed);
    const std::vector<size_t> trainPerClass = approximateMode(classCounts, sizes.train, random);
    std::vector<size_t> remaining(classCount);
    for (size_t i = 0; i < classCount; ++i)
        remaining[i] = classCounts[i] - trainPerClass[i];
    const std::vector<size_t> testPerClass = approximateMode(remaining, sizes.test, random);

    TrainTestIndices out;
    out.train.reserve(sizes.train);
    out.test.reserve(sizes.test);
    for (size_t i = 0; i < classCount; ++i) {
        const std::vector<size_t> order = random.permutation(classCounts[i]);
        for (size_t k = 0; k < trainPerClass[i] + testPerClass[i]; ++k)
            (k < trainPerClass[i] ? out.train : out.test).push_back(classRows[i][order[k]]);
    }
    random.shuffle(out.train);
    random.shuffle(out.test);
    return out;
}

std::vector<TrainTestIndices> kFold(size_t rows, int folds, bool shuffle, uint32_t seed) {
    checkFolds(rows, folds);
    std::vector<size_t> order(rows);
    std::iota(order.begin(), order.end(), size_t(0));
    if (shuffle) NumpyRandomState(seed).shuffle(order);

    // The first rows % folds folds get one row more.
    std::vector<size_t> foldOfRow(rows);
    const size_t foldCount = size_t(folds);
    size_t position = 0;
    for (size_t fold = 0; fold < foldCount; ++fold) {
        const size_t size = rows / foldCount + (fold < rows % foldCount ? 1 : 0);
        for (size_t k = 0; k < size; ++k)
            foldOfRow[order[position++]] = fold;
    }
    return foldsFromAssignment(foldOfRow, folds);
}

std::vector<TrainTestIndices> stratifiedKFold(const std::vector<int32_t>& labels, int folds,
                                              bool shuffle, uint32_t seed,
                                              std::vector<Message>* warnings) {
    checkFolds(labels.size(), folds);
    checkLabels(labels);
    const size_t foldCount = size_t(folds);

    // Classes numbered by first appearance, as StratifiedKFold encodes them.
    const int32_t maxCode = labels.empty() ? 0 : *std::max_element(labels.begin(), labels.end());
    std::vector<size_t> classOfCode(size_t(maxCode) + 1, SIZE_MAX);
    std::vector<std::vector<size_t>> classRows;
    for (size_t row = 0; row < labels.size(); ++row) {
        size_t& k = classOfCode[size_t(labels[row])];
        if (k == SIZE_MAX) {
            k = classRows.size();
            classRows.emplace_back();
        }
        classRows[k].push_back(row);
    }
    const size_t classCount = classRows.size();
    std::vector<size_t> counts(classCount);
    for (size_t k = 0; k < classCount; ++k)
        counts[k] = classRows[k].size();

    const size_t smallest = *std::min_element(counts.begin(), counts.end());
    const size_t largest = *std::max_element(counts.begin(), counts.end());
    if (largest < foldCount)
        throw Error(Message(OFICINA_TR_NOOP("%1 folds are more than the number of rows of every "
                                            "class"),
                            {std::to_string(folds)}));
    if (smallest < foldCount && warnings)
        warnings->emplace_back(
            OFICINA_TR_NOOP("the smallest class has fewer rows (%1) than "
                            "there are folds (%2)"),
            std::vector<std::string>{std::to_string(smallest), std::to_string(folds)});

    // Round robin over the labels sorted by class: position p of the sorted list goes to fold
    // p % folds, which fixes how many rows of each class every fold gets.
    std::vector<std::vector<size_t>> allocation(classCount, std::vector<size_t>(foldCount, 0));
    size_t position = 0;
    for (size_t k = 0; k < classCount; ++k)
        for (size_t c = 0; c < counts[k]; ++c)
            ++allocation[k][position++ % foldCount];

    NumpyRandomState random(seed);
    std::vector<size_t> foldOfRow(labels.size());
    for (size_t k = 0; k < classCount; ++k) {
        std::vector<size_t> foldsForClass;
        foldsForClass.reserve(counts[k]);
        for (size_t fold = 0; fold < foldCount; ++fold)
            foldsForClass.insert(foldsForClass.end(), allocation[k][fold], fold);
        if (shuffle) random.shuffle(foldsForClass);
        for (size_t i = 0; i < counts[k]; ++i)
            foldOfRow[classRows[k][i]] = foldsForClass[i];
    }
    return foldsFromAssignment(foldOfRow, folds);
}

} // namespace oficina::core
