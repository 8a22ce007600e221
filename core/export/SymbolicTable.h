#pragma once

// Private to core/export (it includes ONNX's protobuf headers through OnnxGraph.h).

#include "data/Column.h"
#include "export/OnnxGraph.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace oficina::core::onnxexport {

/// One column as the graph carries it: a [N, 1] tensor, double for a numeric column (missing =
/// NaN), string for a categorical one (missing = the empty string "").
struct SymColumn {
    std::string name;
    ColumnType type = ColumnType::Numeric;
    ColumnRole role = ColumnRole::Feature;
    std::string value; ///< the [N, 1] tensor
    /// Set when the column is column `blockIndex` of the [N, blockWidth] double tensor `block`
    /// a vectorised step made: gathering the block's columns again in order reuses the block
    /// instead of concatenating its slices.
    std::string block;
    int64_t blockIndex = 0;
    int64_t blockWidth = 0;

    [[nodiscard]] bool isNumeric() const { return type == ColumnType::Numeric; }
};

/// The columns of the table at one point of the lineage, in order, as graph values. Each fitted
/// step's emitter maps one SymTable to the next the way the step's apply() maps Tables: same
/// names, order, types and roles.
class SymTable {
public:
    std::vector<SymColumn> columns;

    [[nodiscard]] const SymColumn* find(std::string_view name) const;
    /// The column `step` (its title, for the message) needs; throws Error naming both when the
    /// table has no such column, or when it is not numeric for requireNumeric().
    [[nodiscard]] const SymColumn& require(std::string_view name, const char* step) const;
    [[nodiscard]] const SymColumn& requireNumeric(std::string_view name, const char* step) const;
    /// The same for a column that must still have the type it had when `step` was fitted.
    [[nodiscard]] const SymColumn& requireType(std::string_view name, ColumnType type,
                                               const char* step) const;
    /// Replaces the column of the same name where it is, or appends it.
    void put(SymColumn column);
    void remove(std::string_view name);
    /// The table with the `replaced` columns removed and `added` inserted where the first of them
    /// was (appended when none is present): the symbolic replaceColumns() of transform/Scalers.h.
    [[nodiscard]] SymTable replaced(const std::vector<std::string>& replaced,
                                    std::vector<SymColumn> added) const;
};

/// The named numeric columns side by side, [N, k] double: reuses a block or slices of it where
/// the columns come from one, else concatenates. Throws Error as requireNumeric().
std::string gatherColumns(OnnxGraph& g, const SymTable& table,
                          const std::vector<std::string>& names, const char* step);

/// Numeric columns `names` (role `role`) for the columns of the [N, names.size()] double
/// tensor `block`, remembering the block so a later gatherColumns() reuses it.
std::vector<SymColumn> splitBlock(OnnxGraph& g, const std::string& block,
                                  const std::vector<std::string>& names,
                                  ColumnRole role = ColumnRole::Feature);

/// For element-wise steps (scalers, power transform): gathers `names` into one [N, k] block,
/// applies `transform` to it (returning a block of the same shape) and puts the resulting
/// columns back in place under the same names and roles.
SymTable mapNumericColumns(OnnxGraph& g, const SymTable& table,
                           const std::vector<std::string>& names, const char* step,
                           const std::function<std::string(const std::string& block)>& transform);

/// True where a string tensor holds the empty string, the graph's missing categorical cell.
std::string missingStrings(OnnxGraph& g, const std::string& value);

/// `value` (double) with NaN wherever `mask` (bool, broadcastable) is true.
std::string nanWhere(OnnxGraph& g, const std::string& mask, const std::string& value);

/// Casts to an element type.
std::string castTo(OnnxGraph& g, const std::string& value, Elem elem);

/// The class labels ([N] string) at [N] int64 class indices.
std::string labelsAt(OnnxGraph& g, const std::string& index,
                     const std::vector<std::string>& classLabels);

/// [N, k] bool: whether the numeric [N, 1] column value `x` equals each of `keys` (one-hot and
/// ordinal by value, cast to categorical). Compares in the precision of the graph's numeric
/// inputs, so a raw value matches the keys it matches in the app; with float inputs, throws
/// Error naming `step` and `column` when two keys are the same float.
std::string equalsAny(OnnxGraph& g, const std::string& x, const std::vector<double>& keys,
                      const char* step, const std::string& column);

} // namespace oficina::core::onnxexport
