#include "panels/TableModel.h"

#include "Translate.h"
#include "data/Table.h"

#include <QBrush>
#include <QFont>
#include <QPalette>

#include <climits>

namespace oficina::ui {

QString columnRoleName(core::ColumnRole role) {
    switch (role) {
    case core::ColumnRole::Feature: return TableModel::tr("feature");
    case core::ColumnRole::Target: return TableModel::tr("target");
    case core::ColumnRole::Prediction: return TableModel::tr("prediction");
    case core::ColumnRole::Cluster: return TableModel::tr("cluster");
    case core::ColumnRole::Ignored: return TableModel::tr("ignored");
    }
    return {};
}

TableModel::TableModel(QObject* parent) : QAbstractTableModel(parent) {}
TableModel::~TableModel() = default;

void TableModel::setTable(std::shared_ptr<const core::Table> table) {
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

int TableModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_table) return 0;
    // Item views count rows in int; a larger table shows its first INT_MAX rows.
    return int(std::min<size_t>(m_table->rowCount(), INT_MAX));
}

int TableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_table ? 0 : int(m_table->columnCount());
}

QVariant TableModel::data(const QModelIndex& index, int role) const {
    if (!m_table || !index.isValid()) return {};
    const core::Column& column = m_table->column(size_t(index.column()));
    const size_t row = size_t(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        if (column.isMissing(row)) return role == Qt::DisplayRole ? tr("NA") : tr("missing");
        if (column.isNumeric()) return formatCell(column.values()[row]);
        return QString::fromStdString(column.categories()[size_t(column.codes()[row])]);
    case Qt::ForegroundRole:
        if (column.isMissing(row)) return QBrush(QPalette().color(QPalette::PlaceholderText));
        return {};
    case Qt::TextAlignmentRole:
        return column.isNumeric() ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                  : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::UserRole:  // the raw number, for sorting proxies and tests
        if (column.isNumeric()) return column.values()[row];
        return column.codes()[row];
    default: return {};
    }
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (!m_table) return {};
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole) return section + 1;
        return {};
    }
    if (section < 0 || size_t(section) >= m_table->columnCount()) return {};
    const core::Column& column = m_table->column(size_t(section));
    switch (role) {
    case Qt::DisplayRole: return QString::fromStdString(column.name());
    case Qt::ToolTipRole:
        return tr("%1: %2, %3")
            .arg(QString::fromStdString(column.name()),
                 column.isNumeric() ? tr("numeric") : tr("categorical"), columnRoleName(column.role()));
    case Qt::FontRole:
        if (column.role() != core::ColumnRole::Feature) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    default: return {};
    }
}

} // namespace oficina::ui
