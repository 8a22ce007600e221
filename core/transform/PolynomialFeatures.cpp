#include "transform/PolynomialFeatures.h"

#include "transform/Scalers.h"
#include "util/Error.h"
#include "util/Tr.h"

namespace oficina::core {

namespace {

// Every combination (with replacement unless interaction-only) of `degree` indices out of
// `n`, in itertools' lexicographic order, appended to `out`. Stops past `limit` terms.
void combinations(int n, int degree, bool distinct, size_t limit,
                  std::vector<std::vector<int>>& out) {
    std::vector<int> current;
    const auto recurse = [&](auto&& self, int start) -> void {
        if (out.size() > limit) return;
        if (int(current.size()) == degree) {
            out.push_back(current);
            return;
        }
        for (int i = start; i < n; ++i) {
            current.push_back(i);
            self(self, distinct ? i + 1 : i);
            current.pop_back();
        }
    };
    recurse(recurse, 0);
}

constexpr size_t kMaxOutputColumns = 100000;

} // namespace

PolynomialStep::PolynomialStep(std::vector<std::string> columns, PolynomialOptions options)
    : m_columns(std::move(columns)), m_options(options) {
    if (options.includeBias) m_terms.push_back({});
    for (int d = 1; d <= options.degree; ++d)
        combinations(int(m_columns.size()), d, options.interactionOnly, kMaxOutputColumns, m_terms);
    if (m_terms.size() > kMaxOutputColumns)
        throw Error(Message(OFICINA_TR_NOOP("polynomial features of degree %1 on %2 columns "
                                            "would make more than %3 columns"),
                            {std::to_string(options.degree), std::to_string(m_columns.size()),
                             std::to_string(kMaxOutputColumns)}));
    // get_feature_names_out: "a^2 b" — each distinct feature once, with its power if above 1.
    for (const std::vector<int>& term : m_terms) {
        if (term.empty()) {
            m_names.push_back("1");
            continue;
        }
        std::string name;
        for (size_t k = 0; k < term.size();) {
            size_t power = 1;
            while (k + power < term.size() && term[k + power] == term[k])
                ++power;
            if (!name.empty()) name += ' ';
            name += m_columns[size_t(term[k])];
            if (power > 1) name += '^' + std::to_string(power);
            k += power;
        }
        m_names.push_back(std::move(name));
    }
}

std::string PolynomialStep::typeId() const {
    return "oficina.features.polynomial";
}

const char* PolynomialStep::title() const {
    return OFICINA_TR_NOOP("Polynomial features");
}

std::shared_ptr<const FittedStep> PolynomialStep::refit(const Table& input) const {
    return fitPolynomialFeatures(input, m_options);
}

std::shared_ptr<const FittedStep> PolynomialStep::withParameter(const std::string& key,
                                                                double value) const {
    if (key != "degree") return nullptr;
    PolynomialOptions options = m_options;
    options.degree = int(value);
    // The step knows its input columns; refitting the lineage re-derives the steps after it
    // from the new expansion.
    return std::make_shared<const PolynomialStep>(m_columns, options);
}

Table PolynomialStep::apply(const Table& input) const {
    std::vector<const std::vector<double>*> x;
    for (const std::string& name : m_columns)
        x.push_back(&fittedNumericColumn(input, name).values());
    const size_t rows = input.rowCount();
    std::vector<Column> added;
    added.reserve(m_terms.size());
    for (size_t t = 0; t < m_terms.size(); ++t) {
        const std::vector<int>& term = m_terms[t];
        std::vector<double> values(rows, 1.0);
        if (!term.empty()) {
            // x_i1 · (x_i2 · (… x_ik)): scikit-learn multiplies the lower-degree block by the
            // new leading feature, so this order reproduces its values to the last bit.
            values = *x[size_t(term.back())];
            for (size_t k = term.size() - 1; k-- > 0;) {
                const std::vector<double>& factor = *x[size_t(term[k])];
                for (size_t i = 0; i < rows; ++i)
                    values[i] = factor[i] * values[i];
            }
        }
        added.push_back(Column::numeric(m_names[t], std::move(values)));
    }
    return replaceColumns(input, m_columns, std::move(added));
}

std::shared_ptr<const PolynomialStep> fitPolynomialFeatures(const Table& table,
                                                            const PolynomialOptions& options) {
    if (options.degree < 1)
        throw Error(Message(OFICINA_TR_NOOP("the polynomial degree must be at least 1, not %1"),
                            {std::to_string(options.degree)}));
    std::vector<std::string> names = allNumericFeatureNames(table);
    for (const std::string& name : names)
        requireFinite(table.column(name));
    return std::make_shared<const PolynomialStep>(std::move(names), options);
}

} // namespace oficina::core
