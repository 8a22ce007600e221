#pragma once

#include "data/Lineage.h"
#include "data/Table.h"

#include <memory>
#include <string>
#include <vector>

namespace oficina::core {

/// The categories of one encoded column as fitted: the values seen in training, sorted as
/// scikit-learn sorts them (labels byte-wise; numbers ascending).
struct EncodedColumn {
    std::string name;
    bool numeric = false;
    std::vector<std::string> labels;  ///< categorical columns
    std::vector<double> numbers;      ///< numeric columns (encoded by value)
    /// One-hot only: the category index left out (`drop`), or -1.
    int dropIndex = -1;

    [[nodiscard]] size_t size() const { return numeric ? numbers.size() : labels.size(); }
    /// The category as text ("red", "2.5").
    [[nodiscard]] std::string categoryText(size_t index) const;
};

enum class OneHotDrop { None, First, IfBinary };

/// Hyper-parameters of the one-hot encoder (scikit-learn's OneHotEncoder, dense output).
///
/// Example:
///     const auto step = fitOneHotEncoder(train, {.drop = OneHotDrop::IfBinary});
///     const Table encoded = applyStep(step, test);  // unseen categories: all zeros
struct OneHotOptions {
    /// Columns to encode; empty = every categorical feature. A numeric column is encoded by
    /// its distinct values.
    std::vector<std::string> columns;
    /// `handle_unknown`: true = "ignore" (an unseen category or a missing cell gives all
    /// zeros), false = "error".
    bool ignoreUnknown = true;
    /// `drop`: none, the first category of every column, or of two-category columns only.
    OneHotDrop drop = OneHotDrop::None;
};

/// A fitted one-hot encoder: each encoded column becomes numeric 0/1 columns
/// "<column>_<category>" in its place. Immutable; shareable across threads.
class OneHotEncoderStep final : public FittedStep {
public:
    OneHotEncoderStep(std::vector<EncodedColumn> columns, OneHotOptions options);

    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    /// Throws Error naming the column for an absent or retyped column, a clashing output name,
    /// or (handle_unknown = error) an unseen category.
    [[nodiscard]] Table apply(const Table& input) const override;
    [[nodiscard]] std::shared_ptr<const FittedStep> refit(const Table& input) const override;

    [[nodiscard]] const std::vector<EncodedColumn>& columns() const { return m_columns; }
    [[nodiscard]] const OneHotOptions& options() const { return m_options; }

private:
    std::vector<EncodedColumn> m_columns;
    OneHotOptions m_options;
};

/// Fits on `table`. A missing value in a fitted column is an Error naming it (impute first).
std::shared_ptr<const OneHotEncoderStep> fitOneHotEncoder(const Table& table,
                                                          const OneHotOptions& options = {});

/// Hyper-parameters of the ordinal encoder (scikit-learn's OrdinalEncoder).
///
/// Example:
///     const auto step = fitOrdinalEncoder(train, {.useEncodedValue = true, .unknownValue = -1});
struct OrdinalOptions {
    /// Columns to encode; empty = every categorical feature.
    std::vector<std::string> columns;
    /// `handle_unknown`: false = "error", true = "use_encoded_value" (unseen → unknownValue).
    bool useEncodedValue = false;
    /// `unknown_value`; must not be one of the codes 0…k−1 (Error naming the column).
    double unknownValue = -1.0;
};

/// A fitted ordinal encoder: each encoded column becomes a numeric column of the same name
/// holding its category's index (missing stays missing, NaN). Immutable; shareable.
class OrdinalEncoderStep final : public FittedStep {
public:
    OrdinalEncoderStep(std::vector<EncodedColumn> columns, OrdinalOptions options);

    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    [[nodiscard]] Table apply(const Table& input) const override;
    [[nodiscard]] std::shared_ptr<const FittedStep> refit(const Table& input) const override;

    [[nodiscard]] const std::vector<EncodedColumn>& columns() const { return m_columns; }
    [[nodiscard]] const OrdinalOptions& options() const { return m_options; }

private:
    std::vector<EncodedColumn> m_columns;
    OrdinalOptions m_options;
};

std::shared_ptr<const OrdinalEncoderStep> fitOrdinalEncoder(const Table& table,
                                                            const OrdinalOptions& options = {});

} // namespace oficina::core
