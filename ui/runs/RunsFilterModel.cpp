#include "runs/RunsFilterModel.h"

#include "runs/RunsTableModel.h"

namespace oficina::ui {

RunsFilterModel::RunsFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(RunsTableModel::kSortRole);
    setDynamicSortFilter(false); // an edited note does not move its row under the cursor
}

void RunsFilterModel::setText(const QString& text) {
    if (text.trimmed() == m_text) return;
    m_text = text.trimmed();
    invalidateFilter();
}

void RunsFilterModel::setStatus(std::optional<core::track::RunStatus> status) {
    if (status == m_status) return;
    m_status = status;
    invalidateFilter();
}

bool RunsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    const auto* model = qobject_cast<const RunsTableModel*>(sourceModel());
    if (!model) return true;
    const core::track::RunSummary& run = model->run(sourceRow);
    if (m_status && run.status != *m_status) return false;
    if (m_text.isEmpty()) return true;
    const auto has = [this](const std::string& field) {
        return QString::fromStdString(field).contains(m_text, Qt::CaseInsensitive);
    };
    QString number = m_text;
    if (number.startsWith(QLatin1Char('#'))) number.remove(0, 1);
    if (number == QString::number(run.number)) return true;
    if (has(run.id) || has(run.experiment) || has(run.note)) return true;
    for (const std::string& tag : run.tags)
        if (has(tag)) return true;
    for (const std::string& file : run.dataFiles)
        if (has(file)) return true;
    return false;
}

bool RunsFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    const QVariant a = left.data(sortRole()), b = right.data(sortRole());
    // Empty cells go after the rest whichever way the column sorts.
    const bool descending = sortOrder() == Qt::DescendingOrder;
    if (!a.isValid() || !b.isValid())
        return a.isValid() != b.isValid() && (a.isValid() != descending);
    if (a.typeId() == QMetaType::QString || b.typeId() == QMetaType::QString)
        return QString::localeAwareCompare(a.toString(), b.toString()) < 0;
    return a.toDouble() < b.toDouble();
}

} // namespace oficina::ui
