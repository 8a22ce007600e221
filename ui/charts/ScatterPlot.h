#pragma once

#include "charts/ChartView.h"

#include <memory>

class QCheckBox;
class QComboBox;
class QScatterSeries;
class QValueAxis;

namespace oficina::core {
class Column;
class Table;
} // namespace oficina::core

namespace oficina::ui {

/// Points of a table in 2-D: two chosen numeric columns (a PCA or t-SNE projection made by core
/// is just two more columns; a table of three or more features without one gets PC1 and PC2 of
/// them, shown first), coloured by cluster (DBSCAN noise in grey) or else by target,
/// cluster centroids marked as the mean of each cluster's points, and optionally the true label
/// as the marker shape. Uses OpenGL series where the platform has them; otherwise paints the
/// points in one PointCloudItem (plain scatter series take seconds for 20,000 points), beyond
/// kMaxPlainPoints an evenly spaced sample, and says so on the chart.
class PointCloudItem;

class ScatterPlot : public ChartView {
    Q_OBJECT
public:
    explicit ScatterPlot(QWidget* parent = nullptr);
    ~ScatterPlot() override;

    void setTable(std::shared_ptr<const core::Table> table);
    /// Chooses the columns on the axes (numeric column names).
    void setColumns(const QString& x, const QString& y);
    void setLabelShapes(bool on);
    /// Whether the platform has OpenGL series (decided once per process).
    [[nodiscard]] static bool openGLAvailable();
    /// Whether `points` points are drawn through OpenGL: only many, and only without marker
    /// shapes, since OpenGL series draw every marker as a square.
    [[nodiscard]] static bool useOpenGL(size_t points, bool shapes = false);
    /// One point in every this many is drawn: all of them through OpenGL or up to
    /// kMaxPlainPoints, an evenly spaced sample beyond.
    [[nodiscard]] static size_t sampleStride(size_t points, bool openGL);
    /// The chart note saying that `shown` of `total` points are drawn, one in `stride`.
    [[nodiscard]] static QString sampleNote(size_t shown, size_t total, size_t stride);

    [[nodiscard]] QString xColumn() const;
    [[nodiscard]] QString yColumn() const;
    /// Points drawn, over all series except the centroids (for tests).
    [[nodiscard]] int drawnPoints() const;
    /// Points drawn in the legend entry `seriesName` ("noise", "cluster 0"…).
    [[nodiscard]] int pointsOf(const QString& seriesName) const;
    /// The centroid markers, one per cluster (nullptr when there are no clusters).
    [[nodiscard]] QScatterSeries* centroids() const { return m_centroids; }
    /// Milliseconds the last redraw took to build the series.
    [[nodiscard]] double lastRedrawMs() const { return m_lastRedrawMs; }

    static constexpr int kMaxPlainPoints = 100000;
    static constexpr int kOpenGLFrom = 20000;
    /// Up to this many rows, a table of three or more features also offers PC1 × PC2.
    static constexpr int kMaxProjectedRows = 200000;

protected:

private:
    void redraw();
    void addShapeLegend(const core::Column* colour, const core::Column* shape, bool clusters);

    std::shared_ptr<const core::Table> m_table;
    QComboBox* m_x = nullptr;
    QComboBox* m_y = nullptr;
    QCheckBox* m_shapes = nullptr;
    QValueAxis* m_xAxis = nullptr;
    QValueAxis* m_yAxis = nullptr;
    QScatterSeries* m_centroids = nullptr;
    PointCloudItem* m_cloud = nullptr;
    double m_lastRedrawMs = 0;
};

} // namespace oficina::ui
