#pragma once

// Batch prediction: a model package applied to every row of a data file, the result written
// atomically. `oficina-cli predict` is this and nothing more.

#include "deploy/ModelPackage.h"

#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <vector>

namespace oficina::core::deploy {

struct BatchOptions {
    /// Also the class probabilities (classifiers) or every output besides the label.
    bool probabilities = false;
    /// Columns of the input copied to the output in front of the predictions, as read.
    std::vector<std::string> keep;
    /// CSV/TSV input is read and predicted this much at a time (ARFF is read whole).
    uint64_t chunkBytes = uint64_t(16) << 20;
    /// Fraction of the input done, from the predicting thread.
    std::function<void(double fraction)> progress;
    std::stop_token stop;
};

/// What the Predict node appends for these rows, in front of it the kept columns: `raw` as read
/// from the user's file (`where`, for messages). Throws Error naming a missing or mistyped
/// input, or a kept column that is not there.
Table predictionTable(const ModelPackage& package, const Table& raw, const BatchOptions& options,
                      const std::string& where);

/// Predicts every row of `input` (CSV, TSV or ARFF) and writes `output` as CSV, atomically
/// (nothing is written when anything fails). The model's numeric inputs must hold numbers
/// (an Error names the line of the first that does not) and its categorical inputs are read as
/// text. Returns the number of rows predicted; throws Error, or Cancelled when stopped.
uint64_t predictFile(const ModelPackage& package, const std::string& input,
                     const std::string& output, const BatchOptions& options = {});

} // namespace oficina::core::deploy
