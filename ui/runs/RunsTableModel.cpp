#include "runs/RunsTableModel.h"

#include "Translate.h"
#include "charts/MetricNames.h"

#include <QColor>
#include <QDateTime>
#include <QFileInfo>
#include <QIcon>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QRegularExpression>

#include <array>
#include <map>
#include <set>

namespace oficina::ui {

using core::track::RunStatus;
using core::track::RunSummary;

namespace {

QString qstr(const std::string& s) {
    return QString::fromStdString(s);
}

/// "score" and "accuracy" from "score.accuracy".
std::pair<std::string, std::string> splitKey(const std::string& key) {
    const auto dot = key.find('.');
    if (dot == std::string::npos) return {{}, key};
    return {key.substr(0, dot), key.substr(dot + 1)};
}

QIcon statusIcon(RunStatus status) {
    static std::map<RunStatus, QIcon> icons;
    QIcon& icon = icons[status];
    if (icon.isNull()) {
        QPixmap disc(12, 12);
        disc.fill(Qt::transparent);
        QPainter painter(&disc);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(RunsTableModel::statusColor(status));
        painter.drawEllipse(1, 1, 10, 10);
        icon = QIcon(disc);
    }
    return icon;
}

} // namespace

RunsSnapshot makeRunsSnapshot(std::vector<RunSummary> runs) {
    RunsSnapshot snapshot;
    std::set<std::string> params, differing, metrics;
    for (const RunSummary& run : runs) {
        for (const auto& [key, value] : run.params)
            params.insert(key);
        for (const auto& [key, value] : run.metrics)
            metrics.insert(key);
    }
    for (const std::string& key : params) {
        const std::string* first = nullptr;
        bool missing = false;
        for (const RunSummary& run : runs) {
            if (run.params.empty()) continue; // running or crashed: its parameters come at the end
            const auto it = run.params.find(key);
            if (it == run.params.end()) {
                missing = true;
            } else if (!first) {
                first = &it->second;
            } else if (*first != it->second) {
                differing.insert(key);
                break;
            }
            if (missing && first) {
                differing.insert(key);
                break;
            }
        }
    }
    snapshot.paramKeys.assign(differing.begin(), differing.end());
    snapshot.metricKeys.assign(metrics.begin(), metrics.end());
    snapshot.runs = std::move(runs);
    return snapshot;
}

RunsTableModel::RunsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunsTableModel::setSnapshot(RunsSnapshot snapshot) {
    beginResetModel();
    m_snapshot = std::move(snapshot);
    std::map<std::string, int> nodesPerMetric;
    for (const std::string& key : m_snapshot.metricKeys)
        ++nodesPerMetric[splitKey(key).second];
    m_metricHeaders.clear();
    for (const std::string& key : m_snapshot.metricKeys) {
        const auto [node, metric] = splitKey(key);
        const QString name = metricDisplayName(metric);
        m_metricHeaders
            << (nodesPerMetric[metric] > 1 && !node.empty()
                    ? tr("%1 (%2)", "a metric (the node that measured it)").arg(name, qstr(node))
                    : name);
    }
    endResetModel();
}

const RunSummary& RunsTableModel::run(int row) const {
    return m_snapshot.runs.at(size_t(row));
}

int RunsTableModel::rowOf(const QString& id) const {
    const std::string wanted = id.toStdString();
    for (size_t i = 0; i < m_snapshot.runs.size(); ++i)
        if (m_snapshot.runs[i].id == wanted) return int(i);
    return -1;
}

int RunsTableModel::paramColumn(const std::string& key) const {
    const auto& keys = m_snapshot.paramKeys;
    const auto it = std::find(keys.begin(), keys.end(), key);
    return it == keys.end() ? -1 : kFixedColumns + int(it - keys.begin());
}

int RunsTableModel::metricColumn(const std::string& key) const {
    const auto& keys = m_snapshot.metricKeys;
    const auto it = std::find(keys.begin(), keys.end(), key);
    return it == keys.end()
               ? -1
               : kFixedColumns + int(m_snapshot.paramKeys.size()) + int(it - keys.begin());
}

int RunsTableModel::noteColumn() const {
    return kFixedColumns + int(m_snapshot.paramKeys.size() + m_snapshot.metricKeys.size());
}

int RunsTableModel::tagsColumn() const {
    return noteColumn() + 1;
}

QString RunsTableModel::statusText(RunStatus status) {
    switch (status) {
    case RunStatus::Running:
        return tr("Running");
    case RunStatus::Finished:
        return tr("Finished");
    case RunStatus::Failed:
        return tr("Failed");
    case RunStatus::Stopped:
        return tr("Stopped");
    case RunStatus::Crashed:
        return tr("Crashed");
    }
    return {};
}

QColor RunsTableModel::statusColor(RunStatus status) {
    switch (status) {
    case RunStatus::Running:
        return QColor(0x1f, 0x77, 0xb4);
    case RunStatus::Finished:
        return QColor(0x2c, 0xa0, 0x2c);
    case RunStatus::Failed:
        return QColor(0xd6, 0x27, 0x28);
    case RunStatus::Stopped:
        return QColor(0xff, 0x7f, 0x0e);
    case RunStatus::Crashed:
        return QColor(0x8c, 0x56, 0x4b);
    }
    return {};
}

QString RunsTableModel::durationText(int64_t ms) {
    if (ms < 60'000) return tr("%1 s").arg(localNumber(double(ms) / 1000, 'f', 1));
    const int64_t seconds = ms / 1000;
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'));
}

QString RunsTableModel::tagsText(const std::vector<std::string>& tags) {
    QStringList list;
    for (const std::string& tag : tags)
        list << qstr(tag);
    return list.join(QStringLiteral(", "));
}

std::vector<std::string> RunsTableModel::parseTags(const QString& text) {
    std::vector<std::string> tags;
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    for (const QString& tag : text.split(separators, Qt::SkipEmptyParts))
        if (std::find(tags.begin(), tags.end(), tag.toStdString()) == tags.end())
            tags.push_back(tag.toStdString());
    return tags;
}

int RunsTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_snapshot.runs.size());
}

int RunsTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : tagsColumn() + 1;
}

RunsTableModel::ColumnRef RunsTableModel::columnRef(int column) const {
    const size_t params = m_snapshot.paramKeys.size();
    const size_t metrics = m_snapshot.metricKeys.size();
    if (column < kFixedColumns) return {Kind::Fixed, size_t(column)};
    const size_t i = size_t(column - kFixedColumns);
    if (i < params) return {Kind::Param, i};
    if (i < params + metrics) return {Kind::Metric, i - params};
    return {i == params + metrics ? Kind::Note : Kind::Tags, 0};
}

QVariant RunsTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const RunSummary& run = m_snapshot.runs[size_t(index.row())];
    const int column = index.column();
    const ColumnRef ref = columnRef(column);
    switch (role) {
    case Qt::DisplayRole:
        return displayData(run, column);
    case Qt::EditRole:
        if (ref.kind == Kind::Note) return qstr(run.note);
        return displayData(run, column);
    case kSortRole:
        return sortData(run, column);
    case kIdRole:
        return qstr(run.id);
    case Qt::DecorationRole:
        return column == Status ? QVariant(statusIcon(run.status)) : QVariant();
    case Qt::ForegroundRole:
        return column == Status ? QVariant(statusColor(run.status)) : QVariant();
    case Qt::TextAlignmentRole:
        if (column == Number || column == Duration || ref.kind == Kind::Metric)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (column == Status && !run.failedNode.empty())
            return tr("Failed at node %1").arg(qstr(run.failedNode));
        if (column == Number) return qstr(run.id);
        if (column == Pipeline) return qstr(run.pipelinePath);
        if (ref.kind == Kind::Note && !run.note.empty()) return qstr(run.note); // whole lines
        if (column == Data) return displayData(run, column);
        return {};
    default:
        return {};
    }
}

QVariant RunsTableModel::displayData(const RunSummary& run, int column) const {
    const ColumnRef ref = columnRef(column);
    switch (ref.kind) {
    case Kind::Param: {
        const auto it = run.params.find(m_snapshot.paramKeys[ref.index]);
        return it == run.params.end() ? QString() : qstr(it->second);
    }
    case Kind::Metric: {
        const auto it = run.metrics.find(m_snapshot.metricKeys[ref.index]);
        return it == run.metrics.end() ? QString() : localNumber(it->second, 'g', 5);
    }
    case Kind::Note:
        return qstr(run.note).replace(QLatin1Char('\n'), QLatin1Char(' '));
    case Kind::Tags:
        return tagsText(run.tags);
    case Kind::Fixed:
        break;
    }
    switch (column) {
    case Status:
        return statusText(run.status);
    case Number:
        return QString::number(run.number);
    case Pipeline:
        return qstr(run.experiment);
    case Started:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(run.startMs),
                                  QLocale::ShortFormat);
    case Duration: // a crashed run's end is when it was found, not when it stopped
        return run.endMs > 0 && run.status != RunStatus::Crashed
                   ? durationText(run.endMs - run.startMs)
                   : QString();
    case Data: {
        QStringList files;
        for (const std::string& file : run.dataFiles)
            files << qstr(file);
        return files.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QVariant RunsTableModel::sortData(const RunSummary& run, int column) const {
    const ColumnRef ref = columnRef(column);
    if (ref.kind == Kind::Metric) {
        const auto it = run.metrics.find(m_snapshot.metricKeys[ref.index]);
        return it == run.metrics.end() ? QVariant() : QVariant(it->second);
    }
    switch (column) {
    case Number:
        return qlonglong(run.number);
    case Started:
        return qlonglong(run.startMs);
    case Duration: {
        const QString shown = displayData(run, column).toString();
        return shown.isEmpty() ? QVariant() : QVariant(qlonglong(run.endMs - run.startMs));
    }
    default:
        break;
    }
    const QString text = displayData(run, column).toString();
    if (text.isEmpty()) return {};
    if (ref.kind == Kind::Param) { // numbers as numbers: C = 0.5 before C = 10
        bool number = false;
        const double value = text.toDouble(&number);
        if (number) return value;
    }
    return text;
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) return {};
    const ColumnRef ref = columnRef(section);
    if (role == Qt::ToolTipRole) {
        if (ref.kind == Kind::Param) return qstr(m_snapshot.paramKeys[ref.index]);
        if (ref.kind == Kind::Metric) return qstr(m_snapshot.metricKeys[ref.index]);
        return {};
    }
    if (role != Qt::DisplayRole) return {};
    switch (ref.kind) {
    case Kind::Param:
        return qstr(m_snapshot.paramKeys[ref.index]);
    case Kind::Metric:
        return m_metricHeaders.value(qsizetype(ref.index));
    case Kind::Note:
        return tr("Note");
    case Kind::Tags:
        return tr("Tags");
    case Kind::Fixed:
        break;
    }
    switch (section) {
    case Status:
        return tr("Status");
    case Number:
        return tr("Run", "column: the run's number (a noun)");
    case Pipeline:
        return tr("Pipeline");
    case Started:
        return tr("Started");
    case Duration:
        return tr("Duration");
    case Data:
        return tr("Data", "column: the data files a run read");
    default:
        return {};
    }
}

Qt::ItemFlags RunsTableModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (const Kind kind = columnRef(index.column()).kind; kind == Kind::Note || kind == Kind::Tags)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool RunsTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !index.isValid() || index.row() >= rowCount()) return false;
    RunSummary& run = m_snapshot.runs[size_t(index.row())];
    const QString id = qstr(run.id);
    if (index.column() == noteColumn()) {
        const QString note = value.toString().trimmed();
        if (note.toStdString() == run.note) return false;
        run.note = note.toStdString();
        Q_EMIT dataChanged(index, index);
        Q_EMIT noteEdited(id, note);
        return true;
    }
    if (index.column() == tagsColumn()) {
        std::vector<std::string> tags = parseTags(value.toString());
        if (tags == run.tags) return false;
        run.tags = std::move(tags);
        Q_EMIT dataChanged(index, index);
        QStringList list;
        for (const std::string& tag : run.tags)
            list << qstr(tag);
        Q_EMIT tagsEdited(id, list);
        return true;
    }
    return false;
}

} // namespace oficina::ui
