#pragma once

#include <QString>
#include <QWidget>

#include <memory>

class QLabel;
class QTableView;
class QSplitter;

namespace oficina::core {
class Table;
}

namespace oficina::ui {

class TableModel;
class ColumnSummaryView;

/// A table in a view that scrolls a million rows smoothly (cells formatted on demand), with a
/// summary of the selected column beside it. UI thread only.
class DataPreview : public QWidget {
    Q_OBJECT
public:
    explicit DataPreview(QWidget* parent = nullptr);
    ~DataPreview() override;

    /// Shows `table` (nullptr clears); `caption` names it, e.g. "Split (split) → train".
    void setTable(std::shared_ptr<const core::Table> table, const QString& caption);

    [[nodiscard]] TableModel* model() const { return m_model; }
    [[nodiscard]] QTableView* view() const { return m_view; }
    [[nodiscard]] ColumnSummaryView* summaryView() const { return m_summary; }

private:
    void showColumn(int column);

    QLabel* m_caption = nullptr;
    QTableView* m_view = nullptr;
    TableModel* m_model = nullptr;
    ColumnSummaryView* m_summary = nullptr;
    std::shared_ptr<const core::Table> m_table;
};

} // namespace oficina::ui
