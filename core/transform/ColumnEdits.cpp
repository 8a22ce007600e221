#include "transform/ColumnEdits.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>

namespace oficina::core {

namespace {

bool parseLabel(const std::string& text, double& value) {
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    while (begin < end && (*begin == ' ' || *begin == '\t')) ++begin;
    while (end > begin && (end[-1] == ' ' || end[-1] == '\t')) --end;
    if (begin < end && *begin == '+') ++begin;
    const auto result = std::from_chars(begin, end, value);
    return begin < end && result.ec == std::errc() && result.ptr == end;
}

Column toNumeric(const Column& column) {
    const std::vector<std::string>& labels = column.categories();
    std::vector<double> parsed(labels.size(), std::numeric_limits<double>::quiet_NaN());
    std::vector<char> ok(labels.size());
    for (size_t k = 0; k < labels.size(); ++k) ok[k] = parseLabel(labels[k], parsed[k]);
    const std::vector<int32_t>& codes = column.codes();
    std::vector<double> values(codes.size(), std::numeric_limits<double>::quiet_NaN());
    for (size_t i = 0; i < codes.size(); ++i) {
        const int32_t code = codes[i];
        if (code < 0) continue;
        if (!ok[size_t(code)])
            throw Error(Message(OFICINA_TR_NOOP("column '%1', row %2: '%3' is not a number"),
                                {column.name(), std::to_string(i + 1), labels[size_t(code)]}));
        values[i] = parsed[size_t(code)];
    }
    return Column::numeric(column.name(), std::move(values), column.role());
}

Column toCategorical(const Column& column, const std::vector<double>& dictionary) {
    std::vector<std::string> labels;
    labels.reserve(dictionary.size());
    for (double v : dictionary) labels.push_back(formatNumber(v));
    const std::vector<double>& x = column.values();
    std::vector<int32_t> codes(x.size(), Column::kMissingCode);
    for (size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(x[i])) continue;
        const auto it = std::lower_bound(dictionary.begin(), dictionary.end(), x[i]);
        if (it != dictionary.end() && *it == x[i]) codes[i] = int32_t(it - dictionary.begin());
    }
    return Column::categorical(column.name(), std::move(codes), std::move(labels), column.role());
}

std::vector<double> dictionaryOf(const Column& column) {
    std::vector<double> values;
    for (double v : column.values())
        if (!std::isnan(v)) values.push_back(v == 0.0 ? 0.0 : v);
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

size_t indexOf(const Table& table, const std::string& name) {
    const Column* c = table.find(name);
    return c ? size_t(c - table.columns().data()) : table.columnCount();
}

} // namespace

// ---- cast -----------------------------------------------------------------------------------

CastColumnsStep::CastColumnsStep(std::vector<ColumnCast> casts) : m_casts(std::move(casts)) {}

std::string CastColumnsStep::typeId() const { return "oficina.clean.cast"; }

const char* CastColumnsStep::title() const { return OFICINA_TR_NOOP("Cast column type"); }

bool CastColumnsStep::learnsFromData() const {
    return std::any_of(m_casts.begin(), m_casts.end(), [](const ColumnCast& c) {
        return c.to == ColumnType::Categorical && !c.dictionary.empty();
    });
}

Table CastColumnsStep::apply(const Table& input) const {
    std::vector<Column> columns = input.columns();
    for (const ColumnCast& cast : m_casts) {
        const size_t index = indexOf(input, cast.column);
        if (index == input.columnCount()) {
            if (cast.wasTarget) continue;
            throw Error(Message(OFICINA_TR_NOOP("column '%1' is missing; it was cast in "
                                                "training"),
                                {cast.column}));
        }
        const Column& column = input.column(index);
        if (column.type() == cast.to) continue;
        columns[index] = cast.to == ColumnType::Numeric ? toNumeric(column)
                                                        : toCategorical(column, cast.dictionary);
    }
    return Table(std::move(columns));
}

std::shared_ptr<const FittedStep> CastColumnsStep::refit(const Table& input) const {
    std::vector<ColumnCast> casts = m_casts;
    for (ColumnCast& cast : casts) {
        const Column* column = input.find(cast.column);
        if (cast.to == ColumnType::Categorical && column && column->isNumeric())
            cast.dictionary = dictionaryOf(*column);
    }
    return std::make_shared<const CastColumnsStep>(std::move(casts));
}

std::shared_ptr<const CastColumnsStep> fitCastColumns(const Table& table,
                                                      const std::vector<std::string>& columns,
                                                      ColumnType to) {
    std::vector<ColumnCast> casts;
    for (const std::string& name : columns) {
        const Column& column = table.column(name);
        ColumnCast cast{name, to, {}, column.role() == ColumnRole::Target};
        if (to == ColumnType::Categorical && column.isNumeric())
            cast.dictionary = dictionaryOf(column);
        casts.push_back(std::move(cast));
    }
    return std::make_shared<const CastColumnsStep>(std::move(casts));
}

// ---- rename ---------------------------------------------------------------------------------

RenameColumnsStep::RenameColumnsStep(std::vector<Rename> renames)
    : m_renames(std::move(renames)) {}

std::string RenameColumnsStep::typeId() const { return "oficina.clean.rename"; }

const char* RenameColumnsStep::title() const { return OFICINA_TR_NOOP("Rename columns"); }

Table RenameColumnsStep::apply(const Table& input) const {
    std::vector<Column> columns = input.columns();
    for (const Rename& rename : m_renames) {
        const size_t index = indexOf(input, rename.from);
        if (index == input.columnCount()) {
            if (rename.wasTarget) continue;
            throw Error(Message(OFICINA_TR_NOOP("column '%1' is missing; it was renamed to "
                                                "'%2' in training"),
                                {rename.from, rename.to}));
        }
        columns[index] = columns[index].renamed(rename.to);
    }
    // Table() rejects a name that now appears twice, naming it.
    return Table(std::move(columns));
}

std::shared_ptr<const RenameColumnsStep>
makeRenameColumns(const Table& table,
                  const std::vector<std::pair<std::string, std::string>>& pairs) {
    std::vector<RenameColumnsStep::Rename> renames;
    std::set<std::string> from;
    for (const auto& [oldName, newName] : pairs) {
        const Column& column = table.column(oldName);
        if (newName.empty())
            throw Error(Message(OFICINA_TR_NOOP("the new name for column '%1' is empty"),
                                {oldName}));
        if (!from.insert(oldName).second)
            throw Error(Message(OFICINA_TR_NOOP("column '%1' is renamed twice"), {oldName}));
        renames.push_back({oldName, newName, column.role() == ColumnRole::Target});
    }
    auto step = std::make_shared<const RenameColumnsStep>(std::move(renames));
    (void)step->apply(table);  // a clash is an Error now, not at prediction time
    return step;
}

// ---- drop -----------------------------------------------------------------------------------

DropColumnsStep::DropColumnsStep(std::vector<std::string> columns)
    : m_columns(std::move(columns)) {}

std::string DropColumnsStep::typeId() const { return "oficina.clean.drop_columns"; }

const char* DropColumnsStep::title() const { return OFICINA_TR_NOOP("Drop columns"); }

Table DropColumnsStep::apply(const Table& input) const {
    std::vector<Column> columns;
    columns.reserve(input.columnCount());
    for (const Column& c : input.columns())
        if (std::find(m_columns.begin(), m_columns.end(), c.name()) == m_columns.end())
            columns.push_back(c);
    return Table(std::move(columns));
}

std::shared_ptr<const DropColumnsStep> makeDropColumns(const Table& table,
                                                       std::vector<std::string> columns) {
    for (const std::string& name : columns) (void)table.column(name);
    return std::make_shared<const DropColumnsStep>(std::move(columns));
}

} // namespace oficina::core
