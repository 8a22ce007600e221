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
    [[nodiscard]] const std::vector<double>& values() const { return *m_numbers; }
    /// Categorical columns only.
    [[nodiscard]] const std::vector<int32_t>& codes() const { return *m_codes; }
    [[nodiscard]] const std::vector<std::string>& categories() const { return *m_categories; }

    [[nodiscard]] bool isMissing(size_t row) const {
        return m_type == ColumnType::Numeric ? std::isnan((*m_numbers)[row])
                                             : (*m_codes)[row] == kMissingCode;
    }
    [[nodiscard]] size_t missingCount() const;
    /// The cell as text: the label, the number in shortest round-trip form, or "" if missing.
    [[nodiscard]] std::string cellText(size_t row) const;

    [[nodiscard]] Column renamed(std::string name) const;
    [[nodiscard]] Column withRole(ColumnRole role) const;
    /// The rows at the given indices, in that order.
    [[nodiscard]] Column take(const std::vector<size_t>& rows) const;
    /// Identity of the shared data, for cheap "same column" checks.
    [[nodiscard]] const void* dataIdentity() const;

private:
    std::string m_name;
    ColumnType m_type = ColumnType::Numeric;
    ColumnRole m_role = ColumnRole::Feature;
    std::shared_ptr<const std::vector<double>> m_numbers;
    std::shared_ptr<const std::vector<int32_t>> m_codes;
    std::shared_ptr<const std::vector<std::string>> m_categories;
};

/// Shortest text that parses back to the same double ("0.1", "3", "1e+300", "nan").
std::string formatNumber(double value);

} // namespace oficina::core
