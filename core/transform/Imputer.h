#pragma once

#include "data/Lineage.h"
#include "data/Table.h"

#include <memory>
#include <string>
#include <vector>

namespace oficina::core {

enum class ImputeStrategy { Mean, Median, MostFrequent, Constant };

/// Hyper-parameters of the imputer (scikit-learn's SimpleImputer).
///
/// Example:
///     const auto step = fitImputer(train, {.strategy = ImputeStrategy::MostFrequent});
///     const Table filled = applyStep(step, test);
struct ImputerOptions {
    /// Mean and median: numeric columns only. MostFrequent: ties go to the smallest value
    /// (label, byte-wise, for categorical columns), as scikit-learn. Constant: `fillValue`.
    ImputeStrategy strategy = ImputeStrategy::Mean;
    /// Constant only (`fill_value`): a number for numeric columns (empty = 0), a label for
    /// categorical ones (empty = "missing_value"), scikit-learn's defaults.
    std::string fillValue;
    /// Columns to impute; empty = every feature column (only the numeric ones for mean and
    /// median). Other columns pass untouched.
    std::vector<std::string> columns;
};

/// One column's fitted fill value.
struct ImputedColumn {
    std::string name;
    bool numeric = true;
    double number = 0.0;  ///< numeric columns
    std::string label;    ///< categorical columns
};

/// A fitted imputer: missing cells of the fitted columns get the training statistic. Columns
/// with no value at all in training are dropped (scikit-learn drops them too), except with the
/// constant strategy. Immutable; shareable across threads.
class ImputerStep final : public FittedStep {
public:
    ImputerStep(std::vector<ImputedColumn> columns, std::vector<std::string> dropped,
                ImputerOptions options);

    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    /// Throws Error naming a fitted column that is absent or of another type.
    [[nodiscard]] Table apply(const Table& input) const override;
    [[nodiscard]] std::shared_ptr<const FittedStep> refit(const Table& input) const override;

    [[nodiscard]] const std::vector<ImputedColumn>& columns() const { return m_columns; }
    /// Columns without any value in training, removed from the output.
    [[nodiscard]] const std::vector<std::string>& dropped() const { return m_dropped; }
    [[nodiscard]] const ImputerOptions& options() const { return m_options; }

private:
    std::vector<ImputedColumn> m_columns;
    std::vector<std::string> m_dropped;
    ImputerOptions m_options;
};

/// Fits on `table`. Throws Error naming the column for an unknown column, mean or median asked
/// of a categorical column, or a constant that is not a number for a numeric column.
std::shared_ptr<const ImputerStep> fitImputer(const Table& table,
                                              const ImputerOptions& options = {});

} // namespace oficina::core
