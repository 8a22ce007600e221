#pragma once

#include "charts/ChartView.h"

#include <deque>

class QLineSeries;
class QValueAxis;

namespace oficina::ui {

/// The live traffic of a served model (the Serve dialog): requests per second on the left axis,
/// mean and 99th-percentile latency in milliseconds on the right, over the last kWindowSeconds,
/// the newest sample at 0 on the right edge. A sample of a second without requests has a rate
/// of 0 and no latency (the latency lines skip it). UI thread only.
class ServeTrafficChart : public ChartView {
    Q_OBJECT
public:
    explicit ServeTrafficChart(QWidget* parent = nullptr);
    ~ServeTrafficChart() override;

    /// One sample taken at `time` (seconds on any steady clock): requests answered per second
    /// since the sample before, and their mean and 99th-percentile latency in milliseconds (NaN
    /// when there were none). Samples older than the window are dropped; the chart redraws.
    void addSample(double time, double requestsPerSecond, double meanMs, double p99Ms);
    void clear();

    /// Samples kept (tests), and the rate of the newest (0 when none).
    [[nodiscard]] int sampleCount() const { return int(m_samples.size()); }
    [[nodiscard]] double lastRate() const;
    /// Points drawn on the rate line (tests).
    [[nodiscard]] int drawnRatePoints() const;

    static constexpr double kWindowSeconds = 60;

private:
    struct Sample {
        double time, rate, meanMs, p99Ms;
    };
    void redraw();

    std::deque<Sample> m_samples;
    QLineSeries* m_rate = nullptr;
    QLineSeries* m_mean = nullptr;
    QLineSeries* m_p99 = nullptr;
    QValueAxis* m_timeAxis = nullptr;
    QValueAxis* m_rateAxis = nullptr;
    QValueAxis* m_latencyAxis = nullptr;
};

} // namespace oficina::ui
