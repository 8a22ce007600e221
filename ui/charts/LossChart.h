#pragma once

#include "charts/ChartView.h"

#include <QPointF>

#include <map>
#include <vector>

class QCheckBox;
class QLineSeries;
class QAbstractAxis;
class QValueAxis;

namespace oficina::ui {

/// Training curves that grow while a model trains: loss and val_loss on the left axis (linear
/// or log scale), with a network's batch_loss (step = fractional epoch) as a thin faint line
/// under them (its first, much higher batches may run off the top); accuracy and val_accuracy, or a regression network's r2 and val_r2, on the
/// right (0–1, reaching down to -1 for a negative R², lower values running off the edge with a
/// note). The learning rate ("lr") is not drawn: its scale has nothing to do with the loss, and
/// a third axis would crowd a small chart; the note names it ("Learning rate 0.01 → 0.001").
/// Keeps every point but draws at most a few thousand per series (min/max per bucket), so
/// 10,000+ steps stay readable and cheap to redraw. A step that does not follow the last one
/// starts a new run of the series (cross-validation refits once per fold): earlier runs stay,
/// fainter, as lines of their own.
class LossChart : public ChartView {
    Q_OBJECT
public:
    explicit LossChart(QWidget* parent = nullptr);
    ~LossChart() override;

    /// Appends a point to a series ("loss", "val_loss", "batch_loss", "accuracy",
    /// "val_accuracy", "r2", "val_r2", "lr", or any other name, drawn on the loss axis). Call
    /// refresh() after a batch.
    void append(const QString& series, double step, double value);
    /// Redraws the series from the points appended so far.
    void refresh();
    void clear();
    void setLogScale(bool on);
    [[nodiscard]] bool logScale() const { return m_log; }

    /// Points appended to `series` in all runs, points drawn for its latest run, and its
    /// number of runs (for tests).
    [[nodiscard]] size_t pointCount(const QString& series) const;
    [[nodiscard]] int drawnCount(const QString& series) const;
    [[nodiscard]] int runCount(const QString& series) const;
    [[nodiscard]] QStringList seriesNames() const;

    /// Points drawn per series at most.
    static constexpr size_t kMaxDrawn = 2000;

private:
    struct Run {
        std::vector<QPointF> points;
        QLineSeries* line = nullptr;
    };
    struct Series {
        std::vector<Run> runs;
        bool rightAxis = false;
    };
    Series& series(const QString& name);
    void addRun(const QString& name, Series& s);
    void rebuildLossAxis();
    void updateRightAxis(double lowest);
    void updateNote(double rightLowest);
    [[nodiscard]] QString leftAxisTitle() const;
    [[nodiscard]] QString rightAxisTitle() const;

    std::map<QString, Series> m_series;
    std::vector<QPointF> m_learningRate;  ///< of the latest run
    size_t m_learningRateTotal = 0;
    QCheckBox* m_logBox = nullptr;
    QValueAxis* m_stepAxis = nullptr;
    QAbstractAxis* m_lossAxis = nullptr;
    QValueAxis* m_accuracyAxis = nullptr;
    bool m_log = false;
};

/// Reduces `points` (sorted by x) to at most `maxPoints` for drawing, keeping each bucket's
/// first, minimum and maximum, so spikes survive. Returns them unchanged when few enough.
std::vector<QPointF> decimateForDisplay(const std::vector<QPointF>& points, size_t maxPoints);

} // namespace oficina::ui
