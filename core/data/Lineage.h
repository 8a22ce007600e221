#pragma once

#include "data/Column.h"

#include <memory>
#include <string>
#include <vector>

namespace oficina::core {

class Table;

struct ColumnSchema {
    std::string name;
    ColumnType type = ColumnType::Numeric;
    ColumnRole role = ColumnRole::Feature;
    std::vector<std::string> categories;
};
using Schema = std::vector<ColumnSchema>;

/// A stateful transform after fitting (column selection, scaler, encoder, PCA…): a pure
/// function from tables shaped like its input to tables shaped like its output.
/// Immutable once made, so models and cached tables share it across threads.
class FittedStep : public std::enable_shared_from_this<FittedStep> {
public:
    virtual ~FittedStep() = default;
    /// Node type that fitted it, e.g. "oficina.scale.standard".
    [[nodiscard]] virtual std::string typeId() const = 0;
    /// English, marked with OFICINA_TR_NOOP.
    [[nodiscard]] virtual const char* title() const = 0;
    /// False for steps that only restructure (column selection): fitting them before a split
    /// leaks nothing.
    [[nodiscard]] virtual bool learnsFromData() const { return true; }
    /// Throws Error naming the missing or mistyped column.
    [[nodiscard]] virtual Table apply(const Table& input) const = 0;
    /// The same step with the same options, fitted afresh on `input` (a table shaped like the
    /// one this step was fitted on): cross-validation refits the whole recipe on each fold.
    /// Steps that learn nothing from the data return themselves (shared_from_this()).
    [[nodiscard]] virtual std::shared_ptr<const FittedStep> refit(const Table& input) const = 0;
    /// The same step with hyper-parameter `key` set to `value`, still to be refitted (a
    /// validation curve varies it), or null when the step has no such parameter. As
    /// Learner::withParameter.
    [[nodiscard]] virtual std::shared_ptr<const FittedStep> withParameter(const std::string& key,
                                                                         double value) const {
        (void)key;
        (void)value;
        return nullptr;
    }
};

/// The raw rows where a chain began: the columns as loaded (their data shared, never copied) and
/// which of their rows a table holds, in its order. A model
/// keeps them to describe what it learned from (a real example row, float32 exactness, a
/// fingerprint) without a copy of its training data.
struct SourceRows {
    std::vector<Column> columns;
    /// Null: all of them. Shared with the row views of a table taken from the loaded one.
    std::shared_ptr<const std::vector<size_t>> rows;

    [[nodiscard]] size_t rowCount() const;
    /// The source row behind row `row` of the table.
    [[nodiscard]] size_t at(size_t row) const { return rows ? (*rows)[row] : row; }
};

/// SHA-256 of the raw cells of `source`'s rows, column by column: name, type, then each cell
/// (a double's 8 bytes, or a label and a NUL; a missing label as a lone 0xFF byte). Tells two
/// training sets apart in model cards and packages.
std::string sourceFingerprint(const SourceRows& source);

/// How a table was made: the schema where the chain began plus the fitted steps since.
struct Lineage {
    Schema source;
    std::vector<std::shared_ptr<const FittedStep>> steps;
    /// The raw rows behind the table, or null where they are not known.
    std::shared_ptr<const SourceRows> sourceRows;

    /// sourceRows when they describe a table of `rowCount` rows, else null: a table built anew
    /// with another table's lineage (a 1:1 transform) keeps them, one of other rows must not.
    [[nodiscard]] const SourceRows* rowsFor(size_t rowCount) const;

    [[nodiscard]] Lineage then(std::shared_ptr<const FittedStep> step) const;
    /// Re-applies the steps `input` has not been through yet, with their training fit. The input
    /// must be raw (no steps) or part-way along this same chain; anything else is an Error,
    /// since transforming twice would give silently wrong numbers.
    [[nodiscard]] Table applyTo(const Table& input) const;
    /// Fits the same recipe afresh on `raw` (rows with the source schema): each step is refitted
    /// on the previous one's output. Returns the transformed table, whose lineage is the new chain.
    [[nodiscard]] Table refitOn(const Table& raw) const;
};

/// Applies one step and records it in the result's lineage.
Table applyStep(const std::shared_ptr<const FittedStep>& step, const Table& input);

} // namespace oficina::core
