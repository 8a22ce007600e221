#include "eval/DecisionGrid.h"

#include "data/Table.h"
#include "models/Model.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>

namespace oficina::core {

std::optional<std::pair<std::string, std::string>> twoNumericInputs(const Model& model) {
    if (!model.estimator || model.estimator->task() != Task::Classification) return std::nullopt;
    const auto& features = model.estimator->featureNames();
    if (features.size() != 2) return std::nullopt;
    for (const auto& name : features) {
        const auto it = std::find_if(model.lineage.source.begin(), model.lineage.source.end(),
                                     [&](const ColumnSchema& c) { return c.name == name; });
        if (it == model.lineage.source.end() || it->type != ColumnType::Numeric)
            return std::nullopt;
    }
    return std::make_pair(features[0], features[1]);
}

DecisionGrid computeDecisionGrid(const Model& model, const std::string& xColumn,
                                 const std::string& yColumn, double xMin, double xMax,
                                 double yMin, double yMax, int resolution) {
    if (!model.estimator || model.estimator->task() != Task::Classification)
        throw Error(Message(OFICINA_TR_NOOP("a decision boundary needs a classifier")));
    if (resolution < 2 || resolution > 2000)
        throw Error(Message(OFICINA_TR_NOOP("the grid resolution must be between %1 and %2"),
                            {"2", "2000"}));
    if (!(xMax > xMin) || !(yMax > yMin) || !std::isfinite(xMax - xMin) ||
        !std::isfinite(yMax - yMin))
        throw Error(Message(OFICINA_TR_NOOP("the grid ranges must be finite and not empty")));

    const size_t n = size_t(resolution);
    std::vector<double> xs(n * n), ys(n * n);
    const double dx = (xMax - xMin) / double(n), dy = (yMax - yMin) / double(n);
    for (size_t row = 0; row < n; ++row)
        for (size_t col = 0; col < n; ++col) {
            xs[row * n + col] = xMin + (double(col) + 0.5) * dx;
            ys[row * n + col] = yMin + (double(row) + 0.5) * dy;
        }
    const Table grid({Column::numeric(xColumn, std::move(xs)),
                      Column::numeric(yColumn, std::move(ys))});
    const Table predicted = model.predict(grid);
    const Column* prediction = predicted.find(kPredictionColumn);
    if (!prediction || prediction->isNumeric())
        throw Error(Message(OFICINA_TR_NOOP("a decision boundary needs a classifier")));

    DecisionGrid out;
    out.xColumn = xColumn;
    out.yColumn = yColumn;
    out.xMin = xMin;
    out.xMax = xMax;
    out.yMin = yMin;
    out.yMax = yMax;
    out.resolution = resolution;
    out.classes = prediction->codes();
    out.labels = prediction->categories();
    return out;
}

DecisionGrid computeDecisionGrid(const Model& model, const Table& points,
                                 const std::string& xColumn, const std::string& yColumn,
                                 int resolution) {
    const auto range = [&](const std::string& name) {
        const Column& column = points.column(name);
        if (!column.isNumeric())
            throw Error(Message(OFICINA_TR_NOOP("column '%1' is not numeric"), {name}));
        double lo = INFINITY, hi = -INFINITY;
        for (double v : column.values())
            if (!std::isnan(v)) lo = std::min(lo, v), hi = std::max(hi, v);
        if (!(lo <= hi)) throw Error(Message(OFICINA_TR_NOOP("column '%1' has no values"), {name}));
        const double pad = hi > lo ? (hi - lo) * 0.05 : std::max(1.0, std::abs(lo) * 0.05);
        return std::make_pair(lo - pad, hi + pad);
    };
    const auto [x0, x1] = range(xColumn);
    const auto [y0, y1] = range(yColumn);
    return computeDecisionGrid(model, xColumn, yColumn, x0, x1, y0, y1, resolution);
}

} // namespace oficina::core
