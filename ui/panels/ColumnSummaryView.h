#pragma once

#include <QWidget>

#include <vector>

class QLabel;

namespace oficina::core {
class Column;
}

namespace oficina::ui {

class MiniHistogram;

/// What one column holds: type, role, missing count, min/mean/max or the top categories, and
/// a small histogram. UI thread only.
class ColumnSummaryView : public QWidget {
    Q_OBJECT
public:
    explicit ColumnSummaryView(QWidget* parent = nullptr);
    ~ColumnSummaryView() override;

    /// Summarises `column` (nullptr clears).
    void setColumn(const core::Column* column);

    /// The text shown, for tests.
    [[nodiscard]] QString text() const;
    /// Heights of the histogram bars (counts), for tests.
    [[nodiscard]] const std::vector<double>& histogram() const;

private:
    QLabel* m_text = nullptr;
    MiniHistogram* m_histogram = nullptr;
};

} // namespace oficina::ui
