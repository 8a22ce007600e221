#include "transform/Imputer.h"

#include "util/Error.h"
#include "util/Text.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>

namespace oficina::core {

namespace {

const char* strategyName(ImputeStrategy strategy) {
    switch (strategy) {
    case ImputeStrategy::Mean: return "mean";
    case ImputeStrategy::Median: return "median";
    case ImputeStrategy::MostFrequent: return "most_frequent";
    case ImputeStrategy::Constant: return "constant";
    }
    return "mean";
}

// The statistic of the present values; false when there are none.
bool numericFill(const std::vector<double>& x, ImputeStrategy strategy, double& fill) {
    std::vector<double> present;
    present.reserve(x.size());
    for (double v : x)
        if (!std::isnan(v)) present.push_back(v);
    if (present.empty()) return false;
    switch (strategy) {
    case ImputeStrategy::Mean: {
        // numpy.ma.mean along axis 0: a plain running sum over the rows, then one division.
        double sum = 0.0;
        for (double v : present) sum += v;
        fill = sum / double(present.size());
        return true;
    }
    case ImputeStrategy::Median: {
        const size_t n = present.size();
        const size_t mid = n / 2;
        std::nth_element(present.begin(), present.begin() + long(mid), present.end());
        const double high = present[mid];
        if (n % 2 == 1) {
            fill = high;
            return true;
        }
        const double low = *std::max_element(present.begin(), present.begin() + long(mid));
        fill = (low + high) / 2.0;
        return true;
    }
    case ImputeStrategy::MostFrequent: {
        std::sort(present.begin(), present.end());
        size_t best = 0;
        double value = present.front();
        for (size_t i = 0; i < present.size();) {
            size_t j = i;
            while (j < present.size() && present[j] == present[i]) ++j;
            if (j - i > best) {  // strictly greater: ties keep the smaller value
                best = j - i;
                value = present[i];
            }
            i = j;
        }
        fill = value;
        return true;
    }
    case ImputeStrategy::Constant: return false;
    }
    return false;
}

bool categoricalFill(const Column& column, std::string& label) {
    const std::vector<std::string>& labels = column.categories();
    std::vector<size_t> counts(labels.size(), 0);
    for (int32_t code : column.codes())
        if (code >= 0) ++counts[size_t(code)];
    bool any = false;
    size_t best = 0;
    for (size_t k = 0; k < labels.size(); ++k) {
        if (counts[k] == 0) continue;
        if (!any || counts[k] > best || (counts[k] == best && labels[k] < label)) {
            best = counts[k];
            label = labels[k];
            any = true;
        }
    }
    return any;
}

} // namespace

ImputerStep::ImputerStep(std::vector<ImputedColumn> columns, std::vector<std::string> dropped,
                         ImputerOptions options)
    : m_columns(std::move(columns)), m_dropped(std::move(dropped)),
      m_options(std::move(options)) {}

std::string ImputerStep::typeId() const { return "oficina.impute.simple"; }

const char* ImputerStep::title() const { return OFICINA_TR_NOOP("Imputer"); }

std::shared_ptr<const FittedStep> ImputerStep::refit(const Table& input) const {
    return fitImputer(input, m_options);
}

Table ImputerStep::apply(const Table& input) const {
    std::vector<Column> columns = input.columns();
    for (const ImputedColumn& fitted : m_columns) {
        const Column* found = input.find(fitted.name);
        if (!found)
            throw Error(Message(OFICINA_TR_NOOP("the imputer was fitted on column '%1', which "
                                                "this table does not have"),
                                {fitted.name}));
        if (found->isNumeric() != fitted.numeric)
            throw Error(Message(OFICINA_TR_NOOP("column '%1' is %2 here but was %3 when the "
                                                "imputer was fitted"),
                                {fitted.name, toString(found->type()),
                                 fitted.numeric ? "numeric" : "categorical"}));
        if (found->missingCount() == 0) continue;
        Column& slot = columns[size_t(found - input.columns().data())];
        if (fitted.numeric) {
            std::vector<double> values = found->values();
            for (double& v : values)
                if (std::isnan(v)) v = fitted.number;
            slot = Column::numeric(found->name(), std::move(values), found->role());
            continue;
        }
        std::vector<std::string> labels = found->categories();
        auto it = std::find(labels.begin(), labels.end(), fitted.label);
        const auto code = int32_t(it - labels.begin());
        if (it == labels.end()) labels.push_back(fitted.label);
        std::vector<int32_t> codes = found->codes();
        for (int32_t& c : codes)
            if (c == Column::kMissingCode) c = code;
        slot = Column::categorical(found->name(), std::move(codes), std::move(labels),
                                   found->role());
    }
    if (!m_dropped.empty())
        std::erase_if(columns, [&](const Column& c) {
            return std::find(m_dropped.begin(), m_dropped.end(), c.name()) != m_dropped.end();
        });
    return Table(std::move(columns));
}

std::shared_ptr<const ImputerStep> fitImputer(const Table& table, const ImputerOptions& options) {
    const bool numericOnly = options.strategy == ImputeStrategy::Mean ||
                             options.strategy == ImputeStrategy::Median;
    std::vector<const Column*> chosen;
    if (options.columns.empty()) {
        for (const Column& c : table.columns())
            if (c.role() == ColumnRole::Feature && (c.isNumeric() || !numericOnly))
                chosen.push_back(&c);
    } else {
        for (const std::string& name : options.columns) {
            const Column& c = table.column(name);
            if (numericOnly && !c.isNumeric())
                throw Error(Message(OFICINA_TR_NOOP("column '%1' is categorical; impute it with "
                                                    "the most frequent value or a constant, "
                                                    "not the %2"),
                                    {name, strategyName(options.strategy)}));
            chosen.push_back(&c);
        }
    }
    std::vector<ImputedColumn> fitted;
    std::vector<std::string> dropped;
    for (const Column* column : chosen) {
        ImputedColumn f{column->name(), column->isNumeric(), 0.0, {}};
        if (options.strategy == ImputeStrategy::Constant) {
            if (f.numeric) {
                if (!options.fillValue.empty() && !parseNumber(options.fillValue, f.number))
                    throw Error(Message(OFICINA_TR_NOOP("column '%1' is numeric, but the fill "
                                                        "value '%2' is not a number"),
                                        {column->name(), options.fillValue}));
            } else {
                f.label = options.fillValue.empty() ? "missing_value" : options.fillValue;
            }
        } else {
            const bool any = f.numeric ? numericFill(column->values(), options.strategy, f.number)
                                       : categoricalFill(*column, f.label);
            if (!any) {
                dropped.push_back(column->name());
                continue;
            }
        }
        fitted.push_back(std::move(f));
    }
    return std::make_shared<const ImputerStep>(std::move(fitted), std::move(dropped), options);
}

} // namespace oficina::core
