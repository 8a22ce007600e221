#include "transform/Binning.h"

#include "transform/Scalers.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace oficina::core {

BinningStep::BinningStep(std::vector<std::string> columns, std::vector<std::vector<double>> edges,
                         BinningOptions options)
    : m_columns(std::move(columns)), m_edges(std::move(edges)), m_options(options) {}

std::string BinningStep::typeId() const {
    return "oficina.features.bins";
}

const char* BinningStep::title() const {
    return OFICINA_TR_NOOP("Binning");
}

std::shared_ptr<const FittedStep> BinningStep::refit(const Table& input) const {
    return fitBinning(input, m_options);
}

Table BinningStep::apply(const Table& input) const {
    std::vector<std::vector<Column>> replacement(input.columnCount());
    std::vector<bool> replaced(input.columnCount(), false);
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    for (size_t j = 0; j < m_columns.size(); ++j) {
        const Column& column = fittedNumericColumn(input, m_columns[j]);
        const size_t position = size_t(&column - input.columns().data());
        const std::vector<double>& in = column.values();
        const std::vector<double>& edges = m_edges[j];
        const size_t bins = edges.size() - 1;
        std::vector<double> index(in.size());
        for (size_t i = 0; i < in.size(); ++i) {
            if (std::isnan(in[i])) {
                index[i] = nan;
                continue;
            }
            // np.searchsorted(edges[1:-1], x, side="right")
            index[i] = double(std::upper_bound(edges.begin() + 1, edges.end() - 1, in[i]) -
                              (edges.begin() + 1));
        }
        replaced[position] = true;
        if (m_options.encode == BinEncoding::Ordinal) {
            replacement[position].push_back(
                Column::numeric(column.name(), std::move(index), column.role()));
            continue;
        }
        for (size_t b = 0; b < bins; ++b) {
            std::vector<double> indicator(in.size());
            for (size_t i = 0; i < in.size(); ++i)
                indicator[i] = std::isnan(index[i]) ? nan : double(index[i] == double(b));
            replacement[position].push_back(Column::numeric(column.name() + "_" + std::to_string(b),
                                                            std::move(indicator), column.role()));
        }
    }
    std::vector<Column> columns;
    for (size_t c = 0; c < input.columnCount(); ++c) {
        if (!replaced[c]) {
            columns.push_back(input.column(c));
            continue;
        }
        for (Column& column : replacement[c])
            columns.push_back(std::move(column));
    }
    Table out(std::move(columns));
    out.setLineage(input.lineage());
    return out;
}

std::shared_ptr<const BinningStep> fitBinning(const Table& table, const BinningOptions& options) {
    if (options.nBins < 2)
        throw Error(Message(OFICINA_TR_NOOP("binning needs at least 2 bins, not %1"),
                            {std::to_string(options.nBins)}));
    std::vector<std::string> names = numericFeatureNames(table);
    std::vector<std::vector<double>> allEdges;
    const int n = options.nBins;
    for (const std::string& name : names) {
        const Column& column = table.column(name);
        requireFinite(column);
        std::vector<double> sorted = column.values();
        std::sort(sorted.begin(), sorted.end());
        if (sorted.empty() || sorted.front() == sorted.back()) {
            const double inf = std::numeric_limits<double>::infinity();
            allEdges.push_back({-inf, inf});
            continue;
        }
        const double lo = sorted.front(), hi = sorted.back();
        std::vector<double> edges(size_t(n) + 1);
        if (options.strategy == BinStrategy::Uniform) {
            // np.linspace: i·step + start, the last edge exactly the stop.
            const double step = (hi - lo) / double(n);
            for (int i = 0; i <= n; ++i)
                edges[size_t(i)] = double(i) * step + lo;
            edges[size_t(n)] = hi;
        } else {
            const double step = 100.0 / double(n);
            for (int i = 0; i <= n; ++i)
                edges[size_t(i)] = percentileOfSorted(sorted, i == n ? 100.0 : double(i) * step);
            // Merge bins narrower than 1e-8 (np.ediff1d(edges, to_begin=inf) > 1e-8).
            std::vector<double> kept{edges.front()};
            for (size_t i = 1; i < edges.size(); ++i)
                if (edges[i] - edges[i - 1] > 1e-8) kept.push_back(edges[i]);
            edges = std::move(kept);
            if (edges.size() < 2) // every bin narrower than 1e-8: one bin, as a constant
                edges = {-std::numeric_limits<double>::infinity(),
                         std::numeric_limits<double>::infinity()};
        }
        allEdges.push_back(std::move(edges));
    }
    return std::make_shared<const BinningStep>(std::move(names), std::move(allEdges), options);
}

} // namespace oficina::core
