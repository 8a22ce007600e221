#pragma once

#include "data/Table.h"

#include <cstddef>
#include <string>
#include <vector>

namespace oficina::core {

// Row filters are training-only: they choose rows and pass the input's lineage through
// unchanged, so a model trained downstream predicts on every row it is given. All of them are
// pure functions of their input; thread-safe.

/// What a row filter kept.
struct FilteredRows {
    Table table;          ///< the kept rows, in input order, with the input's lineage
    size_t removed = 0;   ///< how many rows were left out
};

enum class MissingHow { Any, All };

/// Options of dropMissingRows, pandas' DataFrame.dropna(axis=0).
///
/// Example:
///     const auto kept = dropMissingRows(table, {.threshold = 3, .subset = {"age", "income"}});
struct DropMissingOptions {
    /// Any: drop a row with at least one missing cell; All: only rows missing everywhere
    /// (`how`). Ignored when threshold > 0.
    MissingHow how = MissingHow::Any;
    /// When > 0, keep the rows with at least this many non-missing cells (`thresh`).
    size_t threshold = 0;
    /// Columns to look at; empty = every column (`subset`). Throws Error for an unknown name.
    std::vector<std::string> subset;
};
FilteredRows dropMissingRows(const Table& table, const DropMissingOptions& options = {});

enum class KeepDuplicate { First, Last, None };

/// Options of dropDuplicateRows, pandas' DataFrame.drop_duplicates().
struct DropDuplicatesOptions {
    /// Columns compared; empty = all (`subset`). Two missing cells count as equal, as in pandas.
    std::vector<std::string> subset;
    /// Which copy survives (`keep`): the first, the last, or none of them (keep=False).
    KeepDuplicate keep = KeepDuplicate::First;
};
FilteredRows dropDuplicateRows(const Table& table, const DropDuplicatesOptions& options = {});

enum class OutlierMethod { ZScore, Iqr };

/// Options of removeOutliers. A row goes when any chosen column is an outlier in it; missing
/// cells are never outliers.
struct OutlierOptions {
    /// ZScore: |x − mean| / std > threshold (population std, like scipy.stats.zscore).
    /// Iqr: x < Q1 − factor·IQR or x > Q3 + factor·IQR (numpy's linear percentiles).
    OutlierMethod method = OutlierMethod::ZScore;
    double threshold = 3.0;  ///< z-score cut-off
    double factor = 1.5;     ///< IQR multiplier
    /// Numeric columns to check; empty = every numeric feature. A categorical column is an Error.
    std::vector<std::string> columns;
};
FilteredRows removeOutliers(const Table& table, const OutlierOptions& options = {});

enum class CompareOp { Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual, IsMissing,
                       IsNotMissing, Contains };

/// A condition on one column: rows where it holds are kept.
///
/// Example:
///     filterRows(table, {.column = "species", .op = CompareOp::NotEqual, .value = "setosa"});
struct RowCondition {
    std::string column;
    CompareOp op = CompareOp::Equal;
    /// Parsed by the column's type: a number for numeric columns (an Error if it is not one),
    /// a label for categorical ones. Unused by IsMissing / IsNotMissing.
    std::string value;
};
/// Keeps the rows satisfying `condition`. A missing cell satisfies only IsMissing and NotEqual
/// (as in pandas). Ordering comparisons need a numeric column and Contains a categorical one;
/// anything else is an Error naming the column.
FilteredRows filterRows(const Table& table, const RowCondition& condition);

} // namespace oficina::core
