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

} // namespace oficina::core
