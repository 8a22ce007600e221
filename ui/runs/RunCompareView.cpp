#include "runs/RunCompareView.h"

#include "Translate.h"
#include "charts/ChartColors.h"
#include "charts/ConfusionMatrixView.h"
#include "charts/MetricNames.h"
#include "charts/RunCurvesChart.h"
#include "eval/MetricCatalog.h"
#include "eval/Metrics.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>
#include <set>

namespace oficina::ui {

using core::track::RunRecord;

namespace {

QString qstr(const std::string& s) {
    return QString::fromStdString(s);
}

/// A row that differs: the colour of a highlighter, readable in light and dark themes.
const QColor kDiffers(255, 226, 140);
constexpr const char* kValidation = "val_";

/// "score" and "accuracy" from "score.accuracy".
std::pair<QString, QString> splitKey(const std::string& key) {
    const auto dot = key.find('.');
    if (dot == std::string::npos) return {{}, qstr(key)};
    return {qstr(key.substr(0, dot)), qstr(key.substr(dot + 1))};
}

/// "Accuracy (score)".
QString metricLabel(const std::string& key) {
    const auto [node, name] = splitKey(key);
    const QString display = metricDisplayName(name.toStdString());
    return node.isEmpty() ? display
                          : RunCompareView::tr("%1 (%2)", "a metric (the node that measured it)")
                                .arg(display, node);
}

/// Columns as wide as their values, at least a comfortable minimum: runs read side by side.
void fitColumns(QTableWidget* table) {
    table->resizeColumnsToContents();
    for (int c = 0; c < table->columnCount(); ++c)
        table->setColumnWidth(c, std::clamp(table->columnWidth(c), 120, 320));
}

QTableWidget* makeTable(int rows, int columns, QWidget* parent) {
    auto* table = new QTableWidget(rows, columns, parent);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->setWordWrap(false);
    return table;
}

/// The confusion matrices of a run's report: (node, matrix).
std::vector<std::pair<QString, core::LabeledMatrix>> readConfusionMatrices(const RunRecord& run) {
    std::vector<std::pair<QString, core::LabeledMatrix>> found;
    const QJsonObject report =
        QJsonDocument::fromJson(QByteArray::fromStdString(run.report)).object();
    const auto strings = [](const QJsonValue& value) {
        std::vector<std::string> out;
        for (const QJsonValue& v : value.toArray())
            out.push_back(v.toString().toStdString());
        return out;
    };
    for (const QJsonValue& nodeValue : report.value(QStringLiteral("nodes")).toArray()) {
        const QJsonObject node = nodeValue.toObject();
        const QJsonObject matrices = node.value(QStringLiteral("matrices")).toObject();
        for (auto it = matrices.begin(); it != matrices.end(); ++it) {
            const core::MetricInfo* info = core::findMetric(it.key().toStdString());
            if (!info || info->view != core::MetricView::ConfusionMatrix) continue;
            const QJsonObject m = it.value().toObject();
            core::LabeledMatrix matrix{
                it.key().toStdString(), strings(m.value("rows")), strings(m.value("columns")), {}};
            for (const QJsonValue& row : m.value(QStringLiteral("values")).toArray())
                for (const QJsonValue& v : row.toArray())
                    matrix.values.push_back(v.toDouble());
            if (matrix.values.size() == matrix.rowLabels.size() * matrix.columnLabels.size())
                found.emplace_back(node.value(QStringLiteral("id")).toString(), std::move(matrix));
        }
    }
    return found;
}

} // namespace

QString lastBitsNote() {
    return RunCompareView::tr("Networks and multi-threaded XGBoost may differ in the last bits "
                              "when run again, even on the same data.");
}

RunCompareView::RunCompareView(std::vector<RunRecord> runs, QWidget* parent)
    : QWidget(parent), m_runs(std::move(runs)) {
    auto* layout = new QVBoxLayout(this);
    auto* heading =
        new QLabel(tr("Comparing runs %1").arg(runLabels().join(QStringLiteral(", "))), this);
    heading->setWordWrap(true);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    layout->addWidget(heading);
    m_reproducibility = new QLabel(this);
    m_reproducibility->setObjectName(QStringLiteral("reproducibilityNote"));
    m_reproducibility->setWordWrap(true);
    QStringList lastBits;
    for (size_t i = 0; i < m_runs.size(); ++i)
        if (m_runs[i].reproducibility == "last_bits") lastBits << runLabel(i);
    if (!lastBits.isEmpty())
        m_reproducibility->setText(
            tr("%1 (runs %2)").arg(lastBitsNote(), lastBits.join(QStringLiteral(", "))));
    m_reproducibility->setVisible(!lastBits.isEmpty());
    layout->addWidget(m_reproducibility);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(makeParameters(), tr("Parameters"));
    m_tabs->addTab(makeMetrics(), tr("Metrics"));
    m_tabs->addTab(makeCurves(), tr("Curves"));
    m_tabs->addTab(makeMatrices(), tr("Confusion matrices"));
    layout->addWidget(m_tabs, 1);
}

RunCompareView::~RunCompareView() = default;

QString RunCompareView::runLabel(size_t run) const {
    return tr("#%1", "a run by its number").arg(m_runs[run].number);
}

QStringList RunCompareView::runLabels() const {
    QStringList labels;
    for (size_t r = 0; r < m_runs.size(); ++r)
        labels << runLabel(r);
    return labels;
}

QString RunCompareView::reproducibilityNote() const {
    return m_reproducibility->text();
}

QWidget* RunCompareView::makeParameters() {
    // Parameters, then each node's data file (name and fingerprint: same name, other data).
    std::map<QString, std::vector<QString>> rows;
    const size_t n = m_runs.size();
    for (size_t r = 0; r < n; ++r) {
        for (const auto& [key, value] : m_runs[r].params) {
            auto& row = rows[qstr(key)];
            row.resize(n);
            row[r] = qstr(value);
        }
        for (const auto& input : m_runs[r].inputs) {
            auto& row = rows[tr("data: %1").arg(qstr(input.node))];
            row.resize(n);
            row[r] = QFileInfo(qstr(input.path)).fileName();
            if (!input.sha256.empty())
                row[r] += QStringLiteral(" (%1)").arg(qstr(input.sha256.substr(0, 8)));
        }
    }
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    m_onlyDifferences = new QCheckBox(tr("Only differences"), page);
    layout->addWidget(m_onlyDifferences);
    m_params = makeTable(int(rows.size()), int(n), page);
    m_params->setObjectName(QStringLiteral("parameterDiff"));
    m_params->setHorizontalHeaderLabels(runLabels());
    int i = 0;
    for (const auto& [key, values] : rows) {
        bool differs = false;
        for (const QString& v : values)
            differs = differs || v != values.front();
        m_differs[key] = differs;
        auto* header = new QTableWidgetItem(key);
        m_params->setVerticalHeaderItem(i, header);
        for (size_t r = 0; r < n; ++r) {
            auto* item = new QTableWidgetItem(values[r]);
            item->setToolTip(values[r]);
            if (differs) {
                item->setBackground(kDiffers);
                item->setForeground(QColor(Qt::black));
            }
            m_params->setItem(i, int(r), item);
        }
        if (differs) {
            QFont font = header->font();
            font.setBold(true);
            header->setFont(font);
        }
        ++i;
    }
    fitColumns(m_params);
    connect(m_onlyDifferences, &QCheckBox::toggled, this, &RunCompareView::showOnlyDifferences);
    layout->addWidget(m_params, 1);
    return page;
}

void RunCompareView::showOnlyDifferences(bool on) {
    for (int row = 0; row < m_params->rowCount(); ++row)
        m_params->setRowHidden(row,
                               on && !m_differs.value(m_params->verticalHeaderItem(row)->text()));
}

QWidget* RunCompareView::makeMetrics() {
    std::set<std::string> keys;
    for (const RunRecord& run : m_runs)
        for (const auto& m : run.metrics)
            if (!m.series) keys.insert(m.key);
    const size_t n = m_runs.size();
    m_metrics = makeTable(int(keys.size()), int(n), this);
    m_metrics->setObjectName(QStringLiteral("metricComparison"));
    m_metrics->setHorizontalHeaderLabels(runLabels());
    int i = 0;
    for (const std::string& key : keys) {
        auto* header = new QTableWidgetItem(metricLabel(key));
        header->setToolTip(qstr(key));
        m_metrics->setVerticalHeaderItem(i, header);
        std::vector<std::optional<double>> values(n);
        for (size_t r = 0; r < n; ++r)
            for (const auto& m : m_runs[r].metrics)
                if (!m.series && m.key == key) values[r] = m.value;
        // The best in bold, where the catalogue says which way is better.
        const core::MetricInfo* info = core::findMetric(splitKey(key).second.toStdString());
        std::optional<double> best;
        if (info && info->better != core::Direction::None)
            for (const auto& v : values)
                if (v &&
                    (!best || (info->better == core::Direction::Higher ? *v > *best : *v < *best)))
                    best = v;
        for (size_t r = 0; r < n; ++r) {
            auto* item =
                new QTableWidgetItem(values[r] ? localNumber(*values[r], 'g', 6) : QString());
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (values[r] && best && *values[r] == *best && n > 1) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            m_metrics->setItem(i, int(r), item);
        }
        ++i;
    }
    fitColumns(m_metrics);
    return m_metrics;
}

QWidget* RunCompareView::makeCurves() {
    // One entry per training series; its validation series comes along.
    std::set<std::string> keys;
    for (const RunRecord& run : m_runs)
        for (const auto& m : run.metrics)
            if (m.series && !splitKey(m.key).second.startsWith(QLatin1String(kValidation)))
                keys.insert(m.key);
    if (keys.empty())
        return new QLabel(tr("None of these runs recorded a series (such as a "
                             "loss per epoch)."),
                          this);
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* row = new QHBoxLayout;
    auto* label = new QLabel(tr("Series:"), page);
    m_seriesBox = new QComboBox(page);
    for (const std::string& key : keys)
        m_seriesBox->addItem(metricLabel(key), qstr(key));
    label->setBuddy(m_seriesBox);
    row->addWidget(label);
    row->addWidget(m_seriesBox);
    row->addStretch(1);
    layout->addLayout(row);
    m_curves = new RunCurvesChart(page);
    layout->addWidget(m_curves, 1);
    for (int i = 0; i < m_seriesBox->count(); ++i) // a loss if any: what runs are compared by
        if (m_seriesBox->itemData(i).toString().endsWith(QLatin1String("loss"))) {
            m_seriesBox->setCurrentIndex(i);
            break;
        }
    connect(m_seriesBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { showSeries(m_seriesBox->itemData(index).toString()); });
    showSeries(m_seriesBox->currentData().toString());
    return page;
}

void RunCompareView::showSeries(const QString& key) {
    if (!m_curves) return;
    if (const int index = m_seriesBox->findData(key);
        index >= 0 && index != m_seriesBox->currentIndex()) {
        m_seriesBox->setCurrentIndex(index); // comes back here
        return;
    }
    const auto [node, name] = splitKey(key.toStdString());
    const std::string training = key.toStdString();
    const std::string validation =
        (node.isEmpty() ? QString() : node + QLatin1Char('.')).toStdString() + kValidation +
        name.toStdString();
    m_curves->clear();
    for (size_t r = 0; r < m_runs.size(); ++r) {
        std::vector<QPointF> train, valid;
        for (const auto& m : m_runs[r].metrics) {
            if (!m.series) continue;
            if (m.key == training)
                train.emplace_back(m.step, m.value);
            else if (m.key == validation)
                valid.emplace_back(m.step, m.value);
        }
        const QColor color = categoryColor(int(r));
        if (!train.empty())
            m_curves->addLine(tr("%1 %2", "a line of a chart: a run, a series")
                                  .arg(runLabel(r), metricDisplayName(name.toStdString())),
                              color, false, train);
        if (!valid.empty())
            m_curves->addLine(tr("%1 %2", "a line of a chart: a run, a series")
                                  .arg(runLabel(r), metricDisplayName(validation.substr(
                                                        validation.find('.') + 1))),
                              color, true, valid);
    }
    m_curves->finish(metricLabel(training));
}

QWidget* RunCompareView::makeMatrices() {
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto* inner = new QWidget(scroll);
    auto* row = new QHBoxLayout(inner);
    for (size_t r = 0; r < m_runs.size(); ++r)
        for (const auto& [node, matrix] : readConfusionMatrices(m_runs[r])) {
            auto* column = new QVBoxLayout;
            auto* caption = new QLabel(tr("Run %1 · %2").arg(runLabel(r), node), inner);
            QFont bold = caption->font();
            bold.setBold(true);
            caption->setFont(bold);
            column->addWidget(caption);
            auto* view = new ConfusionMatrixView(inner);
            view->setMatrix(matrix);
            column->addWidget(view, 1);
            row->addLayout(column, 1);
            m_matrices << view;
        }
    if (m_matrices.isEmpty())
        row->addWidget(new QLabel(tr("None of these runs has a confusion matrix."), inner));
    scroll->setWidget(inner);
    return scroll;
}

} // namespace oficina::ui
