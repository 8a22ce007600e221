#pragma once

#include "data/Lineage.h"
#include "data/Table.h"

#include <memory>
#include <string>
#include <vector>

namespace oficina::core {

/// Hyper-parameters of scikit-learn's PolynomialFeatures.
///
/// Example:
///     const auto step = fitPolynomialFeatures(train, {.degree = 3, .interactionOnly = true});
struct PolynomialOptions {
    /// Highest total degree of a term (`degree`), ≥ 1.
    int degree = 2;
    /// Only products of distinct features: "a b" but not "a^2" (`interaction_only`).
    bool interactionOnly = false;
    /// Add a constant column "1" (`include_bias`). Off by default here, unlike scikit-learn:
    /// every Oficina model fits its own intercept, so the column would only be a redundant
    /// constant feature (and a constant column some nodes reject).
    bool includeBias = false;
};

/// A fitted polynomial expansion: the feature columns it was fitted on are replaced, where the
/// first of them was, by every product term up to the degree, in scikit-learn's order and with
/// its names ("a", "b", "a^2", "a b", "b^2"). Other columns pass through. Immutable.
class PolynomialStep final : public FittedStep {
public:
    PolynomialStep(std::vector<std::string> columns, PolynomialOptions options);

    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    /// Only the column names are learned: nothing leaks from the data.
    [[nodiscard]] bool learnsFromData() const override { return false; }
    [[nodiscard]] Table apply(const Table& input) const override;
    [[nodiscard]] std::shared_ptr<const FittedStep> refit(const Table& input) const override;
    /// "degree".
    [[nodiscard]] std::shared_ptr<const FittedStep> withParameter(const std::string& key,
                                                                  double value) const override;

    [[nodiscard]] const std::vector<std::string>& inputColumns() const { return m_columns; }
    /// Output names, scikit-learn's get_feature_names_out.
    [[nodiscard]] const std::vector<std::string>& outputColumns() const { return m_names; }
    /// Each output term as indices into inputColumns() (empty for the bias).
    [[nodiscard]] const std::vector<std::vector<int>>& terms() const { return m_terms; }
    [[nodiscard]] const PolynomialOptions& options() const { return m_options; }

private:
    std::vector<std::string> m_columns;
    PolynomialOptions m_options;
    std::vector<std::vector<int>> m_terms;
    std::vector<std::string> m_names;
};

/// Fits on every feature column; throws Error naming a categorical feature, a column with
/// missing values, or when the expansion would exceed 100,000 output columns.
std::shared_ptr<const PolynomialStep> fitPolynomialFeatures(const Table& table,
                                                            const PolynomialOptions& options = {});

} // namespace oficina::core
