#include "panels/MatrixModel.h"

#include "Translate.h"
#include "charts/MetricNames.h"
#include "eval/Metrics.h"

#include <algorithm>

namespace oficina::ui {

MatrixModel::MatrixModel(std::shared_ptr<const core::Metrics> metrics, std::vector<Part> parts,
                         QString partHeader, QObject* parent)
    : QAbstractTableModel(parent), m_metrics(std::move(metrics)), m_parts(std::move(parts)),
      m_partHeader(std::move(partHeader)) {
    m_extra = m_partHeader.isEmpty() && m_parts.size() == 1 ? 0 : 1;
    size_t rows = 0;
    for (const Part& part : m_parts) {
        m_firstRow.push_back(rows);
        rows += part.matrix->rowLabels.size();
    }
    m_firstRow.push_back(rows);
}

MatrixModel::~MatrixModel() = default;

int MatrixModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_firstRow.back());
}

int MatrixModel::columnCount(const QModelIndex& parent) const {
    if (parent.isValid() || m_parts.empty()) return 0;
    return int(m_parts.front().matrix->columnLabels.size()) + m_extra;
}

std::pair<size_t, size_t> MatrixModel::locate(int row) const {
    const auto next = std::upper_bound(m_firstRow.begin(), m_firstRow.end(), size_t(row));
    const size_t part = size_t(next - m_firstRow.begin()) - 1;
    return {part, size_t(row) - m_firstRow[part]};
}

QVariant MatrixModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const auto [part, row] = locate(index.row());
    const int column = index.column() - m_extra;
    if (role == Qt::DisplayRole) {
        if (column < 0) return m_parts[part].name;
        const core::LabeledMatrix& m = *m_parts[part].matrix;
        if (size_t(column) >= m.columnLabels.size()) return {};
        return formatCell(m.at(row, size_t(column)));
    }
    if (role == Qt::TextAlignmentRole && column >= 0)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant MatrixModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || m_parts.empty()) return {};
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= rowCount()) return {};
        if (section < m_rowNames.size()) return m_rowNames[section];
        const auto [part, row] = locate(section);
        return QString::fromStdString(m_parts[part].matrix->rowLabels[row]);
    }
    const int column = section - m_extra;
    if (column < 0) return m_partHeader;
    const auto& labels = m_parts.front().matrix->columnLabels;
    return size_t(column) < labels.size() ? metricDisplayName(labels[size_t(column)]) : QVariant();
}

} // namespace oficina::ui
