#pragma once

#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace oficina::core {

enum class ColumnType { Numeric, Categorical };
enum class ColumnRole { Feature, Target, Prediction, Cluster, Ignored };

const char* toString(ColumnType type);
const char* toString(ColumnRole role);

/// One column of a Table. Numeric: double, NaN = missing. Categorical: int32 codes into a
/// dictionary of labels, -1 = missing. The values are shared and immutable, so selecting,
/// renaming or re-roling columns never copies data.
///
/// A column may also be a view: some rows of another column's values, in a given order (a
/// train/test split makes these). Cell access (number, code, isMissing, copyNumbers) reads
/// through the view; values() and codes() need contiguous storage and gather the rows once, on
/// first use, keeping them for the column's lifetime: code that reads whole columns in bulk
/// should prefer the cell accessors where a copy would matter.
class Column {
public:
    static constexpr int32_t kMissingCode = -1;

    static Column numeric(std::string name, std::vector<double> values,
                          ColumnRole role = ColumnRole::Feature);
    static Column categorical(std::string name, std::vector<int32_t> codes,
                              std::vector<std::string> categories,
                              ColumnRole role = ColumnRole::Feature);

    [[nodiscard]] const std::string& name() const { return m_name; }
    [[nodiscard]] ColumnType type() const { return m_type; }
    [[nodiscard]] ColumnRole role() const { return m_role; }
    [[nodiscard]] bool isNumeric() const { return m_type == ColumnType::Numeric; }
    [[nodiscard]] size_t size() const;

    /// Numeric columns only.
    [[nodiscard]] const std::vector<double>& values() const;
    /// Categorical columns only.
    [[nodiscard]] const std::vector<int32_t>& codes() const;
    [[nodiscard]] const std::vector<std::string>& categories() const { return *m_categories; }

    /// One cell, read through a view without gathering it.
    [[nodiscard]] double number(size_t row) const { return (*m_numbers)[baseRow(row)]; }
    [[nodiscard]] int32_t code(size_t row) const { return (*m_codes)[baseRow(row)]; }
    /// Numeric columns only: the values into out[0, size()), read through a view.
    void copyNumbers(double* out) const;

    [[nodiscard]] bool isMissing(size_t row) const {
        return m_type == ColumnType::Numeric ? std::isnan(number(row)) : code(row) == kMissingCode;
    }
    [[nodiscard]] size_t missingCount() const;
    /// The cell as text: the label, the number in shortest round-trip form, or "" if missing.
    [[nodiscard]] std::string cellText(size_t row) const;

    [[nodiscard]] Column renamed(std::string name) const;
    [[nodiscard]] Column withRole(ColumnRole role) const;
    /// The rows at the given indices, in that order, as a copy.
    [[nodiscard]] Column take(const std::vector<size_t>& rows) const;
    /// The same rows without a copy: a view whose row i is this column's row rows[i]. `rows`
    /// indexes the underlying storage (see viewedRows); Table::takeRows composes them.
    [[nodiscard]] Column view(std::shared_ptr<const std::vector<size_t>> storageRows) const;
    /// The storage rows a view reads, or null for a column that is not a view.
    [[nodiscard]] const std::shared_ptr<const std::vector<size_t>>& viewedRows() const {
        return m_rows;
    }
    /// Identity of the shared data, for cheap "same column" checks.
    [[nodiscard]] const void* dataIdentity() const;

private:
    struct Gathered;
    [[nodiscard]] size_t baseRow(size_t row) const { return m_rows ? (*m_rows)[row] : row; }
    const Gathered& gathered() const;

    std::string m_name;
    ColumnType m_type = ColumnType::Numeric;
    ColumnRole m_role = ColumnRole::Feature;
    std::shared_ptr<const std::vector<double>> m_numbers;
    std::shared_ptr<const std::vector<int32_t>> m_codes;
    std::shared_ptr<const std::vector<std::string>> m_categories;
    std::shared_ptr<const std::vector<size_t>> m_rows;
    std::shared_ptr<Gathered> m_gathered; // a view's rows once gathered; shared by its copies
};

/// Shortest text that parses back to the same double ("0.1", "3", "1e+300", "nan").
std::string formatNumber(double value);

} // namespace oficina::core
