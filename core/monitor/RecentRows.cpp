#include "monitor/RecentRows.h"

#include <algorithm>

namespace oficina::core::monitor {

RecentRows::RecentRows(size_t capacity) : m_capacity(std::max<size_t>(capacity, 1)) {}

void RecentRows::reset(const Table& rows) {
    m_columns.clear();
    for (const Column& column : rows.columns()) {
        Ring ring{column.name(), column.type(), {}, {}, {}, {}};
        if (column.isNumeric()) ring.numbers.assign(m_capacity, 0);
        else ring.codes.assign(m_capacity, Column::kMissingCode);
        m_columns.push_back(std::move(ring));
    }
    m_next = 0;
    m_filled = 0;
}

// A column of ids would grow the label list without end: rebuild it from the labels still in
// the ring once it holds twice as many as the ring has rows.
void RecentRows::compactLabels(Ring& ring) {
    if (ring.labels.size() < 2 * m_capacity) return;
    std::vector<std::string> labels;
    std::unordered_map<std::string, int32_t> codeOf;
    for (int32_t& code : ring.codes) {
        if (code == Column::kMissingCode) continue;
        const auto [it, added] = codeOf.try_emplace(ring.labels[size_t(code)], int32_t(labels.size()));
        if (added) labels.push_back(it->first);
        code = it->second;
    }
    ring.labels = std::move(labels);
    ring.codeOf = std::move(codeOf);
}

void RecentRows::add(const Table& rows) {
    const size_t count = rows.rowCount();
    if (count == 0) return;
    std::unique_lock lock(m_mutex, std::try_to_lock);
    if (!lock.owns_lock()) {
        m_skipped += count;
        return;
    }
    const auto& columns = rows.columns();
    const bool same = columns.size() == m_columns.size() &&
                      std::equal(columns.begin(), columns.end(), m_columns.begin(),
                                 [](const Column& c, const Ring& r) {
                                     return c.name() == r.name && c.type() == r.type;
                                 });
    if (!same) reset(rows);
    // Only the last `capacity` rows of a big request can stay.
    const size_t first = count > m_capacity ? count - m_capacity : 0;
    for (size_t c = 0; c < columns.size(); ++c) {
        const Column& column = columns[c];
        Ring& ring = m_columns[c];
        size_t slot = m_next;
        for (size_t row = first; row < count; ++row) {
            if (ring.type == ColumnType::Numeric) {
                ring.numbers[slot] = column.number(row);
            } else if (column.isMissing(row)) {
                ring.codes[slot] = Column::kMissingCode;
            } else {
                const std::string& label = column.categories()[size_t(column.code(row))];
                const auto [it, added] = ring.codeOf.try_emplace(label, int32_t(ring.labels.size()));
                if (added) ring.labels.push_back(label);
                ring.codes[slot] = it->second;
            }
            slot = (slot + 1) % m_capacity;
        }
        if (ring.type == ColumnType::Categorical) compactLabels(ring);
    }
    m_next = (m_next + (count - first)) % m_capacity;
    m_filled = std::min(m_capacity, m_filled + (count - first));
    m_added += count;
}

Table RecentRows::snapshot() const {
    std::lock_guard lock(m_mutex);
    std::vector<Column> columns;
    const size_t start = (m_next + m_capacity - m_filled) % m_capacity;
    for (const Ring& ring : m_columns) {
        if (ring.type == ColumnType::Numeric) {
            std::vector<double> values(m_filled);
            for (size_t i = 0; i < m_filled; ++i) values[i] = ring.numbers[(start + i) % m_capacity];
            columns.push_back(Column::numeric(ring.name, std::move(values)));
        } else {
            std::vector<int32_t> codes(m_filled);
            for (size_t i = 0; i < m_filled; ++i) codes[i] = ring.codes[(start + i) % m_capacity];
            columns.push_back(Column::categorical(ring.name, std::move(codes), ring.labels));
        }
    }
    return Table(std::move(columns));
}

} // namespace oficina::core::monitor
