#pragma once

#include "data/Column.h"
#include "data/Lineage.h"

#include <string_view>
#include <vector>

namespace oficina::core {

/// A columnar table with equal-length, uniquely named columns and the lineage it was made by.
/// Copies are cheap: column data is shared and immutable.
class Table {
public:
    Table() = default;
    /// Throws Error if the columns differ in length or repeat a name.
    explicit Table(std::vector<Column> columns);

    [[nodiscard]] size_t rowCount() const { return m_rowCount; }
    [[nodiscard]] size_t columnCount() const { return m_columns.size(); }
    [[nodiscard]] const std::vector<Column>& columns() const { return m_columns; }
    [[nodiscard]] const Column& column(size_t index) const { return m_columns[index]; }
    /// Throws Error naming the column and the available ones if it is not there.
    [[nodiscard]] const Column& column(std::string_view name) const;
    [[nodiscard]] const Column* find(std::string_view name) const;
    [[nodiscard]] std::vector<std::string> columnNames() const;
    [[nodiscard]] std::vector<std::string> namesWithRole(ColumnRole role) const;

    /// Appends the column, or replaces the one with the same name in place.
    [[nodiscard]] Table withColumn(Column column) const;
    [[nodiscard]] Table takeRows(const std::vector<size_t>& rows) const;

    /// The lineage; a table nobody set one on starts its own chain from its schema.
    [[nodiscard]] const Lineage& lineage() const { return m_lineage; }
    void setLineage(Lineage lineage) { m_lineage = std::move(lineage); }
    /// Starts a new chain: this table's own schema, no steps (loaders call it).
    void startLineage();

private:
    std::vector<Column> m_columns;
    size_t m_rowCount = 0;
    Lineage m_lineage;
};

/// Schema of a table: names, types, categories and roles.
Schema schemaOf(const Table& table);

} // namespace oficina::core
