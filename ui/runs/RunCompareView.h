#pragma once

#include "track/RunStore.h"

#include <QMap>
#include <QStringList>
#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QTabWidget;
class QTableWidget;

namespace oficina::ui {

class ConfusionMatrixView;
class RunCurvesChart;

/// Runs side by side: their parameters and data files (rows that differ highlighted), their
/// scalar metrics (the best of each in bold), one metric series of every run overlaid on one
/// chart (loss by default), and their confusion matrices next to each other. Says when a run
/// may not repeat bit for bit (RunRecord::reproducibility). UI thread.
class RunCompareView : public QWidget {
    Q_OBJECT
public:
    explicit RunCompareView(std::vector<core::track::RunRecord> runs, QWidget* parent = nullptr);
    ~RunCompareView() override;

    [[nodiscard]] const std::vector<core::track::RunRecord>& runs() const { return m_runs; }
    /// Rows: "NODE.PARAM" and "input: NODE"; columns: the runs.
    [[nodiscard]] QTableWidget* parameters() const { return m_params; }
    /// Whether the values of a parameter row differ between the runs.
    [[nodiscard]] bool differs(const QString& key) const { return m_differs.value(key); }
    [[nodiscard]] QTableWidget* metrics() const { return m_metrics; }
    /// The overlaid curves; null when no run has a series.
    [[nodiscard]] RunCurvesChart* curves() const { return m_curves; }
    /// Shows the series "NODE.NAME" (and its "NODE.val_NAME") of every run.
    void showSeries(const QString& key);
    [[nodiscard]] const QList<ConfusionMatrixView*>& confusionMatrices() const {
        return m_matrices;
    }
    /// The warning that some runs may differ in the last bits when run again; empty if none.
    [[nodiscard]] QString reproducibilityNote() const;
    [[nodiscard]] QTabWidget* tabs() const { return m_tabs; }

private:
    QWidget* makeParameters();
    QWidget* makeMetrics();
    QWidget* makeCurves();
    QWidget* makeMatrices();
    void showOnlyDifferences(bool on);
    [[nodiscard]] QString runLabel(size_t run) const;
    /// runLabel() of every run, in order: the tables' column headers.
    [[nodiscard]] QStringList runLabels() const;

    std::vector<core::track::RunRecord> m_runs;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_reproducibility = nullptr;
    QTableWidget* m_params = nullptr;
    QCheckBox* m_onlyDifferences = nullptr;
    QMap<QString, bool> m_differs;
    QTableWidget* m_metrics = nullptr;
    RunCurvesChart* m_curves = nullptr;
    QComboBox* m_seriesBox = nullptr;
    QList<ConfusionMatrixView*> m_matrices;
};

/// The sentence a run's details and a comparison show when networks or multi-threaded
/// XGBoost make a run repeat only to the last bits.
QString lastBitsNote();

} // namespace oficina::ui
