#pragma once

#include "data/Lineage.h"
#include "data/Table.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace oficina::core {

// Column edits are lineage steps, so Predict and cross-validation see raw rows edited the same
// way as the training rows. A column that was the target in training may be absent when
// predicting: the edits skip it then. Immutable; shareable across threads.

/// One column's cast, as fitted.
struct ColumnCast {
    std::string column;
    /// The type it becomes.
    ColumnType to = ColumnType::Categorical;
    /// Numeric → categorical: the values seen in training, ascending, as labels (formatNumber).
    /// A value not among them when the step is re-applied becomes missing.
    std::vector<double> dictionary;
    /// Whether the column was the target in training (may be absent at prediction time).
    bool wasTarget = false;
};

/// Casts columns between numeric and categorical. Categorical → numeric parses each label as
/// a number; a label that is not one is an Error naming the column, the row and the value.
/// A column already of the wanted type passes unchanged.
class CastColumnsStep final : public FittedStep {
public:
    explicit CastColumnsStep(std::vector<ColumnCast> casts);

    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    /// True when a numeric column became categorical: its dictionary came from the data.
    [[nodiscard]] bool learnsFromData() const override;
    [[nodiscard]] Table apply(const Table& input) const override;
    [[nodiscard]] std::shared_ptr<const FittedStep> refit(const Table& input) const override;

    [[nodiscard]] const std::vector<ColumnCast>& casts() const { return m_casts; }

private:
    std::vector<ColumnCast> m_casts;
};

/// Fits a cast of `columns` to type `to` on `table` (Error for an unknown column).
std::shared_ptr<const CastColumnsStep> fitCastColumns(const Table& table,
                                                      const std::vector<std::string>& columns,
                                                      ColumnType to);

/// Renames columns (old name → new name). A new name that clashes with another column is an
/// Error; so is an old name that is absent, unless it was the target in training.
class RenameColumnsStep final : public FittedStep {
public:
    struct Rename {
        std::string from;
        std::string to;
        bool wasTarget = false;
    };
    explicit RenameColumnsStep(std::vector<Rename> renames);

    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    [[nodiscard]] bool learnsFromData() const override { return false; }
    [[nodiscard]] Table apply(const Table& input) const override;
    [[nodiscard]] std::shared_ptr<const FittedStep> refit(const Table&) const override {
        return shared_from_this();
    }

    [[nodiscard]] const std::vector<Rename>& renames() const { return m_renames; }

private:
    std::vector<Rename> m_renames;
};

/// Checks the pairs against `table` (unknown column, duplicate or clashing new names: Error).
std::shared_ptr<const RenameColumnsStep>
makeRenameColumns(const Table& table,
                  const std::vector<std::pair<std::string, std::string>>& pairs);

/// Drops columns. Columns already absent when re-applied are fine: dropping them is the point.
class DropColumnsStep final : public FittedStep {
public:
    explicit DropColumnsStep(std::vector<std::string> columns);

    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    [[nodiscard]] bool learnsFromData() const override { return false; }
    [[nodiscard]] Table apply(const Table& input) const override;
    [[nodiscard]] std::shared_ptr<const FittedStep> refit(const Table&) const override {
        return shared_from_this();
    }

    [[nodiscard]] const std::vector<std::string>& columns() const { return m_columns; }

private:
    std::vector<std::string> m_columns;
};

/// Checks that each column exists in `table` (Error naming it otherwise).
std::shared_ptr<const DropColumnsStep> makeDropColumns(const Table& table,
                                                       std::vector<std::string> columns);

} // namespace oficina::core
