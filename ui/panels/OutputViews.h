#pragma once

#include <QString>
#include <QWidget>

#include <utility>
#include <vector>

namespace oficina::core {
struct Metrics;
struct Model;
} // namespace oficina::core

namespace oficina::ui {

/// The pages NodeOutputsView shows for a Metrics value: the scalars in a table, then one chart
/// per matrix the metric contract names (confusion matrix, ROC, residuals, variance,
/// dendrogram, k scores…), and any other matrix as a table. Titles are translated.
std::vector<std::pair<QString, QWidget*>> createMetricsViews(const core::Metrics& metrics);

/// A model's summary: estimator, target, features, training figures, feature importances.
QWidget* createModelView(const core::Model& model);

} // namespace oficina::ui
