#pragma once

#include <QAbstractTableModel>

#include <memory>

namespace oficina::core {
class Table;
enum class ColumnRole;
}

namespace oficina::ui {

/// A read-only model over a core::Table. Holds no per-row data: cells are formatted when the
/// view asks for them, so a million rows cost nothing until they scroll into view.
class TableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit TableModel(QObject* parent = nullptr);
    ~TableModel() override;

    void setTable(std::shared_ptr<const core::Table> table);
    [[nodiscard]] const std::shared_ptr<const core::Table>& table() const { return m_table; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const core::Table> m_table;
};

/// "feature", "target"… translated.
QString columnRoleName(core::ColumnRole role);

} // namespace oficina::ui
