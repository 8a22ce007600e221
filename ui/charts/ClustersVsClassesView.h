#pragma once

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QTableWidget;

namespace oficina::core {
struct Metrics;
class Table;
} // namespace oficina::core

namespace oficina::ui {

class ScatterPlot;

/// Unsupervised and supervised learning side by side (core's "Clusters vs classes" metrics):
/// two scatter plots of the same 2-D projection, coloured by cluster on the left (the algorithm
/// never saw the labels) and by true class or by a classifier's prediction on the right, with
/// the adjusted Rand index and the clusters × classes contingency table underneath. Each
/// cluster is drawn in the colour of the class most of its rows belong to, so matching groups
/// look alike. UI thread only.
class ClustersVsClassesView : public QWidget {
    Q_OBJECT
public:
    explicit ClustersVsClassesView(QWidget* parent = nullptr);
    ~ClustersVsClassesView() override;

    /// From metrics holding "cluster_class_points" and "contingency"; keeps them alive.
    void setMetrics(std::shared_ptr<const core::Metrics> metrics);
    /// Right plot coloured by the classifier's prediction instead of the true class (when the
    /// node had predictions).
    void showPredictions(bool on);

    [[nodiscard]] ScatterPlot* clusterPlot() const { return m_clusters; }
    [[nodiscard]] ScatterPlot* classPlot() const { return m_classes; }
    [[nodiscard]] QLabel* agreement() const { return m_agreement; }
    [[nodiscard]] QTableWidget* contingency() const { return m_table; }

private:
    void fillContingency();
    [[nodiscard]] std::shared_ptr<const core::Table> pointsTable(int codeColumn,
                                                                 bool clusters) const;

    std::shared_ptr<const core::Metrics> m_metrics;
    std::vector<int> m_clusterSlot; ///< cluster index → colour index
    ScatterPlot* m_clusters = nullptr;
    ScatterPlot* m_classes = nullptr;
    QLabel* m_rightCaption = nullptr;
    QComboBox* m_colourBy = nullptr;
    QLabel* m_agreement = nullptr;
    QTableWidget* m_table = nullptr;
};

} // namespace oficina::ui
