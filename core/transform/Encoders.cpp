#include "transform/Encoders.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <unordered_map>

namespace oficina::core {

namespace {

constexpr int32_t kUnknown = -1;
constexpr int32_t kMissing = -2;

std::vector<const Column*> chooseColumns(const Table& table,
                                         const std::vector<std::string>& names) {
    std::vector<const Column*> chosen;
    if (names.empty()) {
        for (const Column& c : table.columns())
            if (c.role() == ColumnRole::Feature && !c.isNumeric()) chosen.push_back(&c);
        return chosen;
    }
    for (const std::string& name : names) chosen.push_back(&table.column(name));
    return chosen;
}

// The sorted distinct values present in a column (missing ones left out).
EncodedColumn categoriesOf(const Column& column) {
    EncodedColumn e;
    e.name = column.name();
    e.numeric = column.isNumeric();
    if (e.numeric) {
        for (double v : column.values())
            if (!std::isnan(v)) e.numbers.push_back(v == 0.0 ? 0.0 : v);
        std::sort(e.numbers.begin(), e.numbers.end());
        e.numbers.erase(std::unique(e.numbers.begin(), e.numbers.end()), e.numbers.end());
        return e;
    }
    std::vector<char> used(column.categories().size(), 0);
    for (int32_t code : column.codes())
        if (code >= 0) used[size_t(code)] = 1;
    for (size_t k = 0; k < used.size(); ++k)
        if (used[k]) e.labels.push_back(column.categories()[k]);
    std::sort(e.labels.begin(), e.labels.end());
    e.labels.erase(std::unique(e.labels.begin(), e.labels.end()), e.labels.end());
    return e;
}

const Column& requireColumn(const Table& input, const EncodedColumn& fitted) {
    const Column* column = input.find(fitted.name);
    if (!column)
        throw Error(Message(OFICINA_TR_NOOP("the encoder was fitted on column '%1', which this "
                                            "table does not have"),
                            {fitted.name}));
    if (column->isNumeric() != fitted.numeric)
        throw Error(Message(OFICINA_TR_NOOP("column '%1' is %2 here but was %3 when the encoder "
                                            "was fitted"),
                            {fitted.name, toString(column->type()),
                             fitted.numeric ? "numeric" : "categorical"}));
    return *column;
}

// Each row's index among the fitted categories, kUnknown or kMissing; `firstUnknown` is the
// first row with an unseen value (or the row count).
std::vector<int32_t> categoryIndices(const Column& column, const EncodedColumn& fitted,
                                     size_t& firstUnknown) {
    const size_t n = column.size();
    std::vector<int32_t> index(n);
    firstUnknown = n;
    if (fitted.numeric) {
        const std::vector<double>& x = column.values();
        for (size_t i = 0; i < n; ++i) {
            if (std::isnan(x[i])) {
                index[i] = kMissing;
                continue;
            }
            const auto it = std::lower_bound(fitted.numbers.begin(), fitted.numbers.end(), x[i]);
            index[i] = it != fitted.numbers.end() && *it == x[i]
                           ? int32_t(it - fitted.numbers.begin())
                           : kUnknown;
            if (index[i] == kUnknown && firstUnknown == n) firstUnknown = i;
        }
        return index;
    }
    // Map the input's dictionary onto the fitted categories once.
    const std::vector<std::string>& labels = column.categories();
    std::vector<int32_t> map(labels.size(), kUnknown);
    for (size_t k = 0; k < labels.size(); ++k) {
        const auto it = std::lower_bound(fitted.labels.begin(), fitted.labels.end(), labels[k]);
        if (it != fitted.labels.end() && *it == labels[k])
            map[k] = int32_t(it - fitted.labels.begin());
    }
    const std::vector<int32_t>& codes = column.codes();
    for (size_t i = 0; i < n; ++i) {
        index[i] = codes[i] < 0 ? kMissing : map[size_t(codes[i])];
        if (index[i] == kUnknown && firstUnknown == n) firstUnknown = i;
    }
    return index;
}

[[noreturn]] void unknownCategory(const Column& column, size_t row) {
    throw Error(Message(OFICINA_TR_NOOP("column '%1', row %2: category '%3' was not seen when "
                                        "the encoder was fitted"),
                        {column.name(), std::to_string(row + 1), column.cellText(row)}));
}

} // namespace

std::string EncodedColumn::categoryText(size_t index) const {
    return numeric ? formatNumber(numbers[index]) : labels[index];
}

// ---- one-hot --------------------------------------------------------------------------------

OneHotEncoderStep::OneHotEncoderStep(std::vector<EncodedColumn> columns, OneHotOptions options)
    : m_columns(std::move(columns)), m_options(std::move(options)) {}

std::string OneHotEncoderStep::typeId() const { return "oficina.encode.one_hot"; }

const char* OneHotEncoderStep::title() const { return OFICINA_TR_NOOP("One-hot encoder"); }

std::shared_ptr<const FittedStep> OneHotEncoderStep::refit(const Table& input) const {
    return fitOneHotEncoder(input, m_options);
}

Table OneHotEncoderStep::apply(const Table& input) const {
    std::unordered_map<std::string, const EncodedColumn*> byName;
    for (const EncodedColumn& e : m_columns) {
        (void)requireColumn(input, e);
        byName[e.name] = &e;
    }
    std::vector<Column> columns;
    columns.reserve(input.columnCount() + m_columns.size() * 4);
    for (const Column& column : input.columns()) {
        const auto found = byName.find(column.name());
        if (found == byName.end()) {
            columns.push_back(column);
            continue;
        }
        const EncodedColumn& fitted = *found->second;
        size_t firstUnknown = 0;
        const std::vector<int32_t> index = categoryIndices(column, fitted, firstUnknown);
        if (!m_options.ignoreUnknown) {
            if (firstUnknown < index.size()) unknownCategory(column, firstUnknown);
            const auto missing = std::find(index.begin(), index.end(), kMissing);
            if (missing != index.end())
                throw Error(Message(OFICINA_TR_NOOP("column '%1', row %2 is missing; impute it "
                                                    "before encoding"),
                                    {column.name(),
                                     std::to_string(size_t(missing - index.begin()) + 1)}));
        }
        for (size_t k = 0; k < fitted.size(); ++k) {
            if (int(k) == fitted.dropIndex) continue;
            std::vector<double> hot(index.size(), 0.0);
            for (size_t i = 0; i < index.size(); ++i)
                if (index[i] == int32_t(k)) hot[i] = 1.0;
            columns.push_back(Column::numeric(column.name() + "_" + fitted.categoryText(k),
                                              std::move(hot), column.role()));
        }
    }
    std::set<std::string> names;
    for (const Column& c : columns)
        if (!names.insert(c.name()).second)
            throw Error(Message(OFICINA_TR_NOOP("the one-hot encoder makes a column '%1', but "
                                                "the table already has one; rename it first"),
                                {c.name()}));
    return Table(std::move(columns));
}

std::shared_ptr<const OneHotEncoderStep> fitOneHotEncoder(const Table& table,
                                                          const OneHotOptions& options) {
    std::vector<EncodedColumn> fitted;
    for (const Column* column : chooseColumns(table, options.columns)) {
        if (column->missingCount() > 0)
            throw Error(Message(OFICINA_TR_NOOP("column '%1' has missing values; impute them "
                                                "before encoding"),
                                {column->name()}));
        EncodedColumn e = categoriesOf(*column);
        if (options.drop == OneHotDrop::First ||
            (options.drop == OneHotDrop::IfBinary && e.size() == 2))
            e.dropIndex = 0;
        fitted.push_back(std::move(e));
    }
    auto step = std::make_shared<const OneHotEncoderStep>(std::move(fitted), options);
    (void)step->apply(table);  // a name clash is an Error at fit time, not at prediction time
    return step;
}

// ---- ordinal --------------------------------------------------------------------------------

OrdinalEncoderStep::OrdinalEncoderStep(std::vector<EncodedColumn> columns, OrdinalOptions options)
    : m_columns(std::move(columns)), m_options(std::move(options)) {}

std::string OrdinalEncoderStep::typeId() const { return "oficina.encode.ordinal"; }

const char* OrdinalEncoderStep::title() const { return OFICINA_TR_NOOP("Ordinal encoder"); }

std::shared_ptr<const FittedStep> OrdinalEncoderStep::refit(const Table& input) const {
    return fitOrdinalEncoder(input, m_options);
}

Table OrdinalEncoderStep::apply(const Table& input) const {
    std::vector<Column> columns = input.columns();
    for (const EncodedColumn& fitted : m_columns) {
        const Column& column = requireColumn(input, fitted);
        size_t firstUnknown = 0;
        const std::vector<int32_t> index = categoryIndices(column, fitted, firstUnknown);
        if (!m_options.useEncodedValue && firstUnknown < index.size())
            unknownCategory(column, firstUnknown);
        std::vector<double> codes(index.size());
        for (size_t i = 0; i < index.size(); ++i)
            codes[i] = index[i] >= 0          ? double(index[i])
                       : index[i] == kMissing ? std::numeric_limits<double>::quiet_NaN()
                                              : m_options.unknownValue;
        columns[size_t(&column - input.columns().data())] =
            Column::numeric(column.name(), std::move(codes), column.role());
    }
    return Table(std::move(columns));
}

std::shared_ptr<const OrdinalEncoderStep> fitOrdinalEncoder(const Table& table,
                                                            const OrdinalOptions& options) {
    std::vector<EncodedColumn> fitted;
    for (const Column* column : chooseColumns(table, options.columns)) {
        EncodedColumn e = categoriesOf(*column);
        const double u = options.unknownValue;
        if (options.useEncodedValue && u >= 0 && u < double(e.size()) && u == std::floor(u))
            throw Error(Message(OFICINA_TR_NOOP("the unknown value %1 is already the code of a "
                                                "category of column '%2'; use -1 or a number "
                                                "of at least %3"),
                                {formatNumber(u), column->name(), std::to_string(e.size())}));
        fitted.push_back(std::move(e));
    }
    return std::make_shared<const OrdinalEncoderStep>(std::move(fitted), options);
}

} // namespace oficina::core
