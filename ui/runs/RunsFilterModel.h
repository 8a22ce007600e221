#pragma once

#include "track/RunStore.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace oficina::ui {

/// Filters the Runs panel's table by status and by text (in the run's number or id, pipeline,
/// note, tags or data file names, as RunQuery::text does) and sorts by each cell's sort key,
/// runs without a value last.
class RunsFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit RunsFilterModel(QObject* parent = nullptr);

    void setText(const QString& text);
    void setStatus(std::optional<core::track::RunStatus> status);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    QString m_text;
    std::optional<core::track::RunStatus> m_status;
};

} // namespace oficina::ui
