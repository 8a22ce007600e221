#pragma once

#include "charts/ChartView.h"

#include <QList>
#include <QPointF>
#include <QString>

#include <vector>

namespace oficina::ui {

/// The K-Means step-through picture: the rows as points in 2-D, coloured by their cluster (grey
/// until the first assignment), each centre as a large marker with the path it has travelled
/// so far, its last move drawn as an arrow. Holds only what it draws; the dialog feeds it after
/// each step. UI thread only.
class KMeansStepView : public ChartView {
    Q_OBJECT
public:
    explicit KMeansStepView(QWidget* parent = nullptr);
    ~KMeansStepView() override;

    /// New data: the points (already projected to 2-D; beyond 5,000 an evenly spaced sample is
    /// drawn) and the axis titles; clears the paths.
    void setPoints(QList<QPointF> points, const QString& xTitle, const QString& yTitle);
    /// The labels (one per point, -1 = not assigned) and the centres after a step; a centre
    /// that moved extends its path.
    void setState(const std::vector<int32_t>& labels, const QList<QPointF>& centers);
    /// Forgets the paths (after a reset), keeping the points.
    void clearPaths();

    /// For tests: the centres drawn and each one's path, oldest first.
    [[nodiscard]] QList<QPointF> centers() const;
    [[nodiscard]] QList<QPointF> path(int cluster) const;
    /// Points drawn (a sample of large data).
    [[nodiscard]] int drawnPoints() const;

private:
    class Canvas;
    Canvas* m_canvas = nullptr;
};

} // namespace oficina::ui
