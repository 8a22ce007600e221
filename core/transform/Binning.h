#pragma once

#include "data/Lineage.h"
#include "data/Table.h"

#include <memory>
#include <string>
#include <vector>

namespace oficina::core {

enum class BinStrategy {
    Uniform, ///< equal-width bins between the column's minimum and maximum
    Quantile ///< bins holding about equal numbers of rows (numpy percentiles)
};

enum class BinEncoding {
    Ordinal,    ///< one numeric column of bin indices 0, 1, …
    OneHotDense ///< one 0/1 column per bin, "<column>_<bin>"
};

/// Hyper-parameters of scikit-learn's KBinsDiscretizer.
///
/// Example:
///     const auto step = fitBinning(train, {.nBins = 4, .strategy = BinStrategy::Uniform,
///                                          .encode = BinEncoding::Ordinal});
struct BinningOptions {
    /// Bins per column (`n_bins`), ≥ 2.
    int nBins = 5;
    /// How edges are placed (`strategy`); scikit-learn's default is quantile.
    BinStrategy strategy = BinStrategy::Quantile;
    /// Output form (`encode`): scikit-learn's default "onehot" is sparse; here the same
    /// columns, dense.
    BinEncoding encode = BinEncoding::OneHotDense;
};

/// A fitted discretiser: each numeric feature it was fitted on becomes its bin index, or one
/// indicator column per bin, in place; other columns pass through. A value belongs to bin i
/// when edges[i] ≤ x < edges[i+1], values beyond the outer edges go to the first or last bin
/// (scikit-learn's searchsorted on the inner edges). Missing stays missing. Immutable.
class BinningStep final : public FittedStep {
public:
    BinningStep(std::vector<std::string> columns, std::vector<std::vector<double>> edges,
                BinningOptions options);

    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    [[nodiscard]] Table apply(const Table& input) const override;
    [[nodiscard]] std::shared_ptr<const FittedStep> refit(const Table& input) const override;

    [[nodiscard]] const std::vector<std::string>& columns() const { return m_columns; }
    /// scikit-learn's bin_edges_: n_bins_ + 1 ascending edges per column ({−inf, inf} for a
    /// constant column, which gets a single bin).
    [[nodiscard]] const std::vector<std::vector<double>>& edges() const { return m_edges; }
    [[nodiscard]] const BinningOptions& options() const { return m_options; }

private:
    std::vector<std::string> m_columns;
    std::vector<std::vector<double>> m_edges;
    BinningOptions m_options;
};

/// Fits on the numeric feature columns. Quantile bins narrower than 1e-8 are merged, as
/// scikit-learn does, so a column may get fewer bins. Throws Error naming a column with
/// missing values, or for fewer than 2 bins.
std::shared_ptr<const BinningStep> fitBinning(const Table& table,
                                              const BinningOptions& options = {});

} // namespace oficina::core
