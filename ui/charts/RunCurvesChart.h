#pragma once

#include "charts/ChartView.h"

#include <QColor>
#include <QPointF>

#include <vector>

class QValueAxis;

namespace oficina::ui {

/// One metric series of several runs overlaid (the Runs panel's comparison): a line per run in
/// its own colour, validation series dashed. Long series are drawn decimated
/// (decimateForDisplay), so runs of 10,000 steps stay cheap.
class RunCurvesChart : public ChartView {
    Q_OBJECT
public:
    explicit RunCurvesChart(QWidget* parent = nullptr);
    ~RunCurvesChart() override;

    void clear();
    /// Adds a line named `name` in the legend; call finish() after the last one.
    void addLine(const QString& name, const QColor& color, bool dashed,
                 const std::vector<QPointF>& points);
    /// Fits the axes to the lines, the value axis titled `valueTitle`.
    void finish(const QString& valueTitle);
    [[nodiscard]] QStringList lineNames() const;

private:
    QValueAxis* m_stepAxis = nullptr;
    QValueAxis* m_valueAxis = nullptr;
};

} // namespace oficina::ui
