#include "eval/Metrics.h"

#include <algorithm>

namespace oficina::core {

const double* Metrics::scalar(const std::string& name) const {
    const auto it = std::find_if(scalars.begin(), scalars.end(),
                                 [&](const auto& s) { return s.first == name; });
    return it == scalars.end() ? nullptr : &it->second;
}

const LabeledMatrix* Metrics::matrix(const std::string& name) const {
    const auto it = std::find_if(matrices.begin(), matrices.end(),
                                 [&](const auto& m) { return m.name == name; });
    return it == matrices.end() ? nullptr : &*it;
}

MatrixKind matrixKind(std::string_view name) {
    static constexpr std::string_view kPointSeries[] = {
        "residuals",     "cluster_class_points", "merge_tree",         "k_distance",
        "k_scores",      "learning_curve",       "validation_curve",   "explained_variance"};
    if (name.starts_with("roc:") || name.starts_with("pr:")) return MatrixKind::Points;
    return std::find(std::begin(kPointSeries), std::end(kPointSeries), name) !=
                   std::end(kPointSeries)
               ? MatrixKind::Points
               : MatrixKind::Table;
}

} // namespace oficina::core
