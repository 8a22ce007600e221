#include "data/Column.h"

#include <algorithm>
#include <charconv>
#include <mutex>

namespace oficina::core {

struct Column::Gathered {
    std::once_flag once;
    std::vector<double> numbers;
    std::vector<int32_t> codes;
};

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

size_t Column::size() const {
    if (m_rows) return m_rows->size();
    return isNumeric() ? m_numbers->size() : m_codes->size();
}

// Concurrent readers of one cached view may all ask: the first gathers, the others wait.
const Column::Gathered& Column::gathered() const {
    std::call_once(m_gathered->once, [this] {
        if (isNumeric()) {
            m_gathered->numbers.resize(size());
            copyNumbers(m_gathered->numbers.data());
        } else {
            m_gathered->codes.resize(size());
            for (size_t i = 0; i < size(); ++i) m_gathered->codes[i] = code(i);
        }
    });
    return *m_gathered;
}

const std::vector<double>& Column::values() const {
    return m_rows ? gathered().numbers : *m_numbers;
}

const std::vector<int32_t>& Column::codes() const { return m_rows ? gathered().codes : *m_codes; }

void Column::copyNumbers(double* out) const {
    if (!m_rows) {
        std::copy(m_numbers->begin(), m_numbers->end(), out);
        return;
    }
    for (const size_t row : *m_rows) *out++ = (*m_numbers)[row];
}

size_t Column::missingCount() const {
    if (m_rows) {
        size_t missing = 0;
        for (size_t i = 0, n = size(); i < n; ++i) missing += isMissing(i);
        return missing;
    }
    if (isNumeric())
        return size_t(std::count_if(m_numbers->begin(), m_numbers->end(),
                                    [](double v) { return std::isnan(v); }));
    return size_t(std::count(m_codes->begin(), m_codes->end(), kMissingCode));
}

std::string Column::cellText(size_t row) const {
    if (isMissing(row)) return {};
    return isNumeric() ? formatNumber(number(row)) : (*m_categories)[size_t(code(row))];
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
        for (size_t i = 0; i < rows.size(); ++i) out[i] = number(rows[i]);
        return numeric(m_name, std::move(out), m_role);
    }
    std::vector<int32_t> out(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) out[i] = code(rows[i]);
    Column c = categorical(m_name, std::move(out), {}, m_role);
    c.m_categories = m_categories;
    return c;
}

Column Column::view(std::shared_ptr<const std::vector<size_t>> storageRows) const {
    Column c = *this;
    c.m_rows = std::move(storageRows);
    c.m_gathered = std::make_shared<Gathered>();
    return c;
}

const void* Column::dataIdentity() const {
    if (m_rows) return m_gathered.get();
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
