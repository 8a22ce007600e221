#include "data/Column.h"

#include <algorithm>
#include <charconv>

namespace oficina::core {

const char* toString(ColumnType type) {
    return type == ColumnType::Numeric ? "numeric" : "categorical";
}

const char* toString(ColumnRole role) {
    switch (role) {
    case ColumnRole::Feature: return "feature";
    case ColumnRole::Target: return "target";
    case ColumnRole::Prediction: return "prediction";
    case ColumnRole::Cluster: return "cluster";
    case ColumnRole::Ignored: return "ignored";
    }
    return "feature";
}

Column Column::numeric(std::string name, std::vector<double> values, ColumnRole role) {
    Column c;
    c.m_name = std::move(name);
    c.m_type = ColumnType::Numeric;
    c.m_role = role;
    c.m_numbers = std::make_shared<const std::vector<double>>(std::move(values));
    return c;
}

Column Column::categorical(std::string name, std::vector<int32_t> codes,
                           std::vector<std::string> categories, ColumnRole role) {
    Column c;
    c.m_name = std::move(name);
    c.m_type = ColumnType::Categorical;
    c.m_role = role;
    c.m_codes = std::make_shared<const std::vector<int32_t>>(std::move(codes));
    c.m_categories = std::make_shared<const std::vector<std::string>>(std::move(categories));
    return c;
}

size_t Column::size() const { return isNumeric() ? m_numbers->size() : m_codes->size(); }

size_t Column::missingCount() const {
    if (isNumeric())
        return size_t(std::count_if(m_numbers->begin(), m_numbers->end(),
                                    [](double v) { return std::isnan(v); }));
    return size_t(std::count(m_codes->begin(), m_codes->end(), kMissingCode));
}

std::string Column::cellText(size_t row) const {
    if (isMissing(row)) return {};
    return isNumeric() ? formatNumber((*m_numbers)[row]) : (*m_categories)[size_t((*m_codes)[row])];
}

Column Column::renamed(std::string name) const {
    Column c = *this;
    c.m_name = std::move(name);
    return c;
}

Column Column::withRole(ColumnRole role) const {
    Column c = *this;
    c.m_role = role;
    return c;
}

Column Column::take(const std::vector<size_t>& rows) const {
    if (isNumeric()) {
        std::vector<double> out(rows.size());
        for (size_t i = 0; i < rows.size(); ++i) out[i] = (*m_numbers)[rows[i]];
        return numeric(m_name, std::move(out), m_role);
    }
    std::vector<int32_t> out(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) out[i] = (*m_codes)[rows[i]];
    Column c = categorical(m_name, std::move(out), {}, m_role);
    c.m_categories = m_categories;
    return c;
}

const void* Column::dataIdentity() const {
    return isNumeric() ? static_cast<const void*>(m_numbers.get())
                       : static_cast<const void*>(m_codes.get());
}

std::string formatNumber(double value) {
    if (std::isnan(value)) return "nan";
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

} // namespace oficina::core
