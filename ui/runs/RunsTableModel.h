#pragma once

#include "track/RunStore.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <string>
#include <vector>

namespace oficina::ui {

/// The runs of a store as the Runs panel lists them, with the columns worked out once per load
/// (off the UI thread: 10,000 runs × their parameters).
struct RunsSnapshot {
    std::vector<core::track::RunSummary> runs; ///< newest first
    /// The "NODE.PARAM" keys whose values are not the same in every run.
    std::vector<std::string> paramKeys;
    /// Every scalar metric key of any run, sorted.
    std::vector<std::string> metricKeys;
};
/// Works out the columns of `runs`. Any thread.
RunsSnapshot makeRunsSnapshot(std::vector<core::track::RunSummary> runs);

/// The runs as a table: status, number, pipeline, start, duration, data files, the parameters
/// that differ between them, the scalar metrics, note and tags. The note and tag cells are
/// editable; an edit is reported (noteEdited, tagsEdited) for the store to keep. Qt::UserRole
/// gives each cell's sort key (numbers as numbers; empty for none). UI thread.
class RunsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kSortRole = Qt::UserRole;
    static constexpr int kIdRole = Qt::UserRole + 1;
    enum Column { Status, Number, Pipeline, Started, Duration, Data, kFixedColumns };

    explicit RunsTableModel(QObject* parent = nullptr);

    void setSnapshot(RunsSnapshot snapshot);
    [[nodiscard]] const RunsSnapshot& snapshot() const { return m_snapshot; }
    [[nodiscard]] const core::track::RunSummary& run(int row) const;
    /// The row of a run by id, or -1.
    [[nodiscard]] int rowOf(const QString& id) const;
    [[nodiscard]] int paramColumn(const std::string& key) const;
    [[nodiscard]] int metricColumn(const std::string& key) const;
    [[nodiscard]] int noteColumn() const;
    [[nodiscard]] int tagsColumn() const;

    /// The translated name of a status, and its colour.
    static QString statusText(core::track::RunStatus status);
    static QColor statusColor(core::track::RunStatus status);
    /// "4.2 s", "3 min 05 s", "1 h 12 min".
    static QString durationText(int64_t milliseconds);
    /// "a, b" from tags, and back (commas or spaces apart, empty ones dropped).
    static QString tagsText(const std::vector<std::string>& tags);
    static std::vector<std::string> parseTags(const QString& text);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;

Q_SIGNALS:
    void noteEdited(const QString& runId, const QString& note);
    void tagsEdited(const QString& runId, const QStringList& tags);

private:
    enum class Kind { Fixed, Param, Metric, Note, Tags };
    struct ColumnRef {
        Kind kind;
        size_t index; ///< into paramKeys or metricKeys, or the Column
    };
    [[nodiscard]] ColumnRef columnRef(int column) const;
    QVariant displayData(const core::track::RunSummary& run, int column) const;
    QVariant sortData(const core::track::RunSummary& run, int column) const;

    RunsSnapshot m_snapshot;
    QStringList m_metricHeaders; ///< per metric key: its display name, the node if ambiguous
};

} // namespace oficina::ui
