#include "data/Table.h"

#include "util/Error.h"
#include "util/Sha256.h"
#include "util/Text.h"
#include "util/Tr.h"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace oficina::core {

Table::Table(std::vector<Column> columns) : m_columns(std::move(columns)) {
    m_rowCount = m_columns.empty() ? 0 : m_columns.front().size();
    std::unordered_set<std::string_view> seen;
    for (const auto& c : m_columns) {
        if (c.size() != m_rowCount)
            throw Error(Message(OFICINA_TR_NOOP("column '%1' has %2 rows, expected %3"),
                                {c.name(), std::to_string(c.size()), std::to_string(m_rowCount)}));
        if (!seen.insert(c.name()).second)
            throw Error(Message(OFICINA_TR_NOOP("column name '%1' appears twice"), {c.name()}));
    }
}

const Column* Table::find(std::string_view name) const {
    const auto it = std::find_if(m_columns.begin(), m_columns.end(),
                                 [&](const Column& c) { return c.name() == name; });
    return it == m_columns.end() ? nullptr : &*it;
}

const Column& Table::column(std::string_view name) const {
    if (const Column* c = find(name)) return *c;
    throw Error(Message(OFICINA_TR_NOOP("no column named '%1' (the columns are: %2)"),
                        {std::string(name), joinList(columnNames())}));
}

std::vector<std::string> Table::columnNames() const {
    std::vector<std::string> names;
    names.reserve(m_columns.size());
    for (const auto& c : m_columns) names.push_back(c.name());
    return names;
}

std::vector<std::string> Table::namesWithRole(ColumnRole role) const {
    std::vector<std::string> names;
    for (const auto& c : m_columns)
        if (c.role() == role) names.push_back(c.name());
    return names;
}

Table Table::withColumn(Column column) const {
    Table out = *this;
    if (!out.m_columns.empty() && column.size() != m_rowCount)
        throw Error(Message(OFICINA_TR_NOOP("column '%1' has %2 rows, expected %3"),
                            {column.name(), std::to_string(column.size()),
                             std::to_string(m_rowCount)}));
    const auto it = std::find_if(out.m_columns.begin(), out.m_columns.end(),
                                 [&](const Column& c) { return c.name() == column.name(); });
    if (out.m_columns.empty()) out.m_rowCount = column.size();
    if (it != out.m_columns.end())
        *it = std::move(column);
    else
        out.m_columns.push_back(std::move(column));
    return out;
}

Table Table::takeRows(const std::vector<size_t>& rows) const {
    // Views, not copies: a split's train and test sides share the loaded columns. Columns that
    // view the same storage rows share one composed index (and so do the lineage's source
    // rows, which are those of the loaded columns), so a table costs one index vector per
    // distinct origin, not one per column.
    std::map<const std::vector<size_t>*, std::shared_ptr<const std::vector<size_t>>> composed;
    const auto through = [&](const std::shared_ptr<const std::vector<size_t>>& viewed) {
        auto& storageRows = composed[viewed.get()];
        if (!storageRows) {
            if (viewed) {
                std::vector<size_t> taken(rows.size());
                for (size_t i = 0; i < rows.size(); ++i) taken[i] = (*viewed)[rows[i]];
                storageRows = std::make_shared<const std::vector<size_t>>(std::move(taken));
            } else {
                storageRows = std::make_shared<const std::vector<size_t>>(rows);
            }
        }
        return storageRows;
    };
    std::vector<Column> columns;
    columns.reserve(m_columns.size());
    for (const auto& c : m_columns) columns.push_back(c.view(through(c.viewedRows())));
    Table out(std::move(columns));
    out.m_rowCount = rows.size();
    out.m_lineage = m_lineage;
    out.m_lineage.sourceRows = nullptr;
    if (const SourceRows* source = m_lineage.rowsFor(m_rowCount))
        out.m_lineage.sourceRows =
            std::make_shared<const SourceRows>(SourceRows{source->columns, through(source->rows)});
    return out;
}

void Table::startLineage() {
    m_lineage = Lineage{schemaOf(*this), {},
                        std::make_shared<const SourceRows>(SourceRows{m_columns, nullptr})};
}

size_t SourceRows::rowCount() const {
    if (rows) return rows->size();
    return columns.empty() ? 0 : columns.front().size();
}

std::string sourceFingerprint(const SourceRows& source) {
    Sha256 hash;
    const size_t rows = source.rowCount();
    for (const Column& c : source.columns) {
        hash.add(c.name());
        hash.add(c.isNumeric() ? std::string_view("\0N", 2) : std::string_view("\0C", 2));
        for (size_t r = 0; r < rows; ++r) {
            const size_t at = source.at(r);
            if (c.isNumeric()) {
                const double v = c.number(at);
                hash.add(&v, sizeof v);
            } else if (c.code(at) == Column::kMissingCode) {
                hash.add("\xff");
            } else {
                const std::string& label = c.categories()[size_t(c.code(at))];
                hash.add(label.data(), label.size() + 1);
            }
        }
    }
    return hash.hex();
}

const SourceRows* Lineage::rowsFor(size_t rowCount) const {
    return sourceRows && sourceRows->rowCount() == rowCount ? sourceRows.get() : nullptr;
}

Schema schemaOf(const Table& table) {
    Schema schema;
    schema.reserve(table.columnCount());
    for (const auto& c : table.columns())
        schema.push_back({c.name(), c.type(), c.role(),
                          c.isNumeric() ? std::vector<std::string>{} : c.categories()});
    return schema;
}

Lineage Lineage::then(std::shared_ptr<const FittedStep> step) const {
    Lineage out = *this;
    out.steps.push_back(std::move(step));
    return out;
}

Table Lineage::applyTo(const Table& input) const {
    const auto& done = input.lineage().steps;
    const bool isPrefix = done.size() <= steps.size() &&
                          std::equal(done.begin(), done.end(), steps.begin());
    if (!isPrefix) {
        const auto mismatch = std::mismatch(done.begin(), done.end(), steps.begin(), steps.end());
        const std::string title = mismatch.first != done.end() ? (*mismatch.first)->title() : "";
        throw Error(Message(OFICINA_TR_NOOP("the data went through '%1', which the model's "
                                            "training data did not; connect the data from "
                                            "before that step"),
                            {title}));
    }
    Table table = input;
    for (size_t i = done.size(); i < steps.size(); ++i) table = applyStep(steps[i], table);
    return table;
}

Table Lineage::refitOn(const Table& raw) const {
    if (!raw.lineage().steps.empty())
        throw Error(Message(OFICINA_TR_NOOP("refitting needs raw rows, but the data already went "
                                            "through '%1'"),
                            {raw.lineage().steps.front()->title()}));
    Table table = raw;
    for (const auto& step : steps) table = applyStep(step->refit(table), table);
    return table;
}

Table applyStep(const std::shared_ptr<const FittedStep>& step, const Table& input) {
    Table out = step->apply(input);
    out.setLineage(input.lineage().then(step));
    return out;
}

} // namespace oficina::core
