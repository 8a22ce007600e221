#pragma once

#include <QString>
#include <QWidget>

#include <memory>
#include <utility>
#include <vector>

namespace oficina::core {
struct Metrics;
struct Model;
class Table;
} // namespace oficina::core

namespace oficina::ui {

using Pages = std::vector<std::pair<QString, QWidget*>>;

/// The pages NodeOutputsView shows for a Metrics value: a Gate's rules first, green or red
/// (a QTableWidget named "gates"), the scalars in a table (translated names), then one chart per kind of matrix the metric contract names (confusion matrix, ROC
/// and precision–recall curves of every class, residuals, explained variance, merge tree,
/// k scores, k-distance, learning curve, folds, model comparison), each with its numbers behind
/// a "Data" toggle, and any other matrix as a table.
Pages createMetricsViews(const std::shared_ptr<const core::Metrics>& metrics);

/// A model's pages: a summary (estimator, target, features, training figures), the feature
/// importances when it has them, and the decision boundary when it classifies from two numeric
/// columns and `training` (may be null) holds them; that grid is computed on the thread pool.
/// Last, "Try it": a form to predict one row the user types (TryItPanel).
Pages createModelViews(const std::shared_ptr<const core::Model>& model,
                       const std::shared_ptr<const core::Table>& training);

/// A table's plot page when its rows are worth seeing in 2-D (clusters, a projection), or null.
QWidget* createTablePlot(const std::shared_ptr<const core::Table>& table);

} // namespace oficina::ui
