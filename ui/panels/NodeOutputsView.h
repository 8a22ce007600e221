#pragma once

#include "pipeline/Executor.h"

#include <QString>
#include <QWidget>

#include <vector>

class QTabWidget;
class QLabel;

namespace oficina::ui {

class LossChart;

/// Shows what a node produced: tables in a DataPreview, Metrics as a scalar table plus the
/// charts its matrices call for (confusion matrix, ROC, residuals, variance, dendrogram…),
/// models as a summary (estimator, training figures, feature importances) and a Try it form
/// (TryItPanel), and the live loss chart fed while the node trains. UI thread only.
class NodeOutputsView : public QWidget {
    Q_OBJECT
public:
    explicit NodeOutputsView(QWidget* parent = nullptr);
    ~NodeOutputsView() override;

    /// Replaces the views with those for `result`'s outputs; `title` names the node, and its
    /// type (when given) names the output tabs by their ports' labels.
    void showNode(const QString& title, const core::NodeResult& result,
                  const core::NodeSpec* spec = nullptr);
    /// Optional, just before showNode: the values on the node's inputs in the same run. A model
    /// trained on a table with two numeric inputs then also gets its decision-boundary view.
    /// Used by the next showNode only.
    void setNodeInputs(core::PortValues inputs);
    /// Live metric points of a running node (loss per iteration…): the view switches to a live
    /// training chart for `nodeId` and grows it; points of other nodes (MetricPoint::node set
    /// and different) are ignored, so the whole metricsArrived batch may be passed.
    void appendMetrics(const QString& nodeId, const std::vector<core::MetricPoint>& points);
    void clear();
    /// Whether the view shows a node that failed (its error in the caption).
    [[nodiscard]] bool showsFailure() const { return m_failure; }

    /// The tabs, for tests.
    [[nodiscard]] QTabWidget* tabs() const { return m_tabs; }

private:
    void addLossTab(const std::vector<core::MetricPoint>& points);
    [[nodiscard]] std::shared_ptr<const core::Table> trainingTable() const;

    QLabel* m_caption = nullptr;
    QTabWidget* m_tabs = nullptr;
    LossChart* m_liveLoss = nullptr;
    QString m_liveNode;
    bool m_failure = false;
    core::PortValues m_inputs;
};

} // namespace oficina::ui
