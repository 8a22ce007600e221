#include "charts/ScoreBarsChart.h"

#include "Translate.h"
#include "charts/ChartColors.h"
#include "charts/MatrixColumn.h"
#include "charts/MetricNames.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QRegularExpression>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace oficina::ui {

QString comparedModelName(const std::string& title) {
    static const QRegularExpression numbered(QStringLiteral("^(.*)( \\(\\d+\\))$"));
    const QString text = QString::fromStdString(title);
    const auto match = numbered.match(text);
    if (!match.hasMatch()) return trCore(title);
    return trCore(match.captured(1).toStdString()) + match.captured(2);
}

ScoreBarsChart::ScoreBarsChart(QWidget* parent) : ChartView(parent) {
    useChart();
    m_metricBox = new QComboBox(this);
    m_metricBox->setObjectName(QStringLiteral("metric"));
    addControl(new QLabel(tr("Score:"), this));
    addControl(m_metricBox);
    connect(m_metricBox, &QComboBox::activated, this, &ScoreBarsChart::redraw);
}

ScoreBarsChart::~ScoreBarsChart() = default;

void ScoreBarsChart::setComparison(const core::LabeledMatrix& comparison) {
    setTitle(tr("Model comparison"));
    setMatrix(comparison, true);
}

void ScoreBarsChart::setFolds(const core::LabeledMatrix& folds) {
    setTitle(tr("Scores per fold"));
    setMatrix(folds, false);
}

void ScoreBarsChart::setMatrix(const core::LabeledMatrix& matrix, bool comparison) {
    m_matrix = matrix;
    m_comparison = comparison;
    const QString previous = metric();
    m_metricBox->clear();
    for (const std::string& column : matrix.columnLabels) {
        std::string key = column;
        if (comparison) {
            if (key.size() <= 5 || key.compare(key.size() - 5, 5, "_mean") != 0) continue;
            key.resize(key.size() - 5);
        }
        m_metricBox->addItem(metricDisplayName(key), QString::fromStdString(key));
    }
    const int keep = m_metricBox->findData(previous);
    m_metricBox->setCurrentIndex(keep >= 0 ? keep : 0);
    redraw();
}

void ScoreBarsChart::setMetric(const QString& metric) {
    const int index = m_metricBox->findData(metric);
    if (index < 0) return;
    m_metricBox->setCurrentIndex(index);
    redraw();
}

QString ScoreBarsChart::metric() const { return m_metricBox->currentData().toString(); }

QStringList ScoreBarsChart::metrics() const {
    QStringList keys;
    for (int i = 0; i < m_metricBox->count(); ++i) keys << m_metricBox->itemData(i).toString();
    return keys;
}

void ScoreBarsChart::redraw() {
    resetChart();
    m_names.clear();
    m_values.clear();
    m_errors.clear();
    setNote({});
    const std::string key = metric().toStdString();
    const int valueColumn = matrixColumn(m_matrix, m_comparison ? key + "_mean" : key);
    const int errorColumn = m_comparison ? matrixColumn(m_matrix, key + "_std") : -1;
    if (key.empty() || valueColumn < 0) return;
    const size_t rows = m_matrix.rowLabels.size();
    for (size_t r = 0; r < rows; ++r) {
        m_names << (m_comparison ? comparedModelName(m_matrix.rowLabels[r])
                                 : tr("Fold %1").arg(QString::fromStdString(m_matrix.rowLabels[r])));
        m_values.push_back(m_matrix.at(r, size_t(valueColumn)));
        if (errorColumn >= 0) m_errors.push_back(m_matrix.at(r, size_t(errorColumn)));
    }
    QChart* c = chart();
    const QString metricName = metricDisplayName(key);
    auto* set = new QBarSet(m_comparison ? tr("%1, mean").arg(metricName) : metricName);
    set->setColor(categoryColor(0).lighter(115));
    set->setBorderColor(categoryColor(0));
    set->setLabelColor(Qt::white);
    // The bar series draws its first category at the bottom; the first row belongs on top.
    QStringList categories;
    for (size_t i = rows; i-- > 0;) {
        *set << m_values[i];
        categories << m_names[qsizetype(i)];
    }
    auto* bars = new QHorizontalBarSeries;
    bars->append(set);
    bars->setBarWidth(0.6);
    bars->setLabelsVisible(true);
    bars->setLabelsFormat(QStringLiteral("@value"));
    bars->setLabelsPrecision(3);
    bars->setLabelsPosition(QAbstractBarSeries::LabelsInsideBase);
    c->addSeries(bars);
    auto* y = new QBarCategoryAxis;
    y->append(categories);
    auto* x = new QValueAxis;
    x->setTitleText(metricName);
    x->setLabelFormat(QStringLiteral("%.2f"));
    c->addAxis(y, Qt::AlignLeft);
    c->addAxis(x, Qt::AlignBottom);
    bars->attachAxis(y);
    bars->attachAxis(x);

    double lo = 0, hi = 0;
    for (size_t i = 0; i < rows; ++i) {
        const double e = i < m_errors.size() && std::isfinite(m_errors[i]) ? m_errors[i] : 0;
        lo = std::min(lo, m_values[i] - e);
        hi = std::max(hi, m_values[i] + e);
    }
    const auto addLine = [&](const QList<QPointF>& points, const QPen& pen, const QString& name) {
        auto* line = new QLineSeries;
        line->setName(name);
        line->setPen(pen);
        line->replace(points);
        c->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        return line;
    };
    QPen whiskerPen(QColor(0x22, 0x22, 0x22));
    whiskerPen.setWidthF(1.5);
    for (size_t i = 0; i < m_errors.size(); ++i) {
        if (!std::isfinite(m_errors[i])) continue;
        const double at = double(rows - 1 - i), a = m_values[i] - m_errors[i],
                     b = m_values[i] + m_errors[i], cap = 0.12;
        // One polyline: the lower cap, the whisker, the upper cap.
        auto* whisker = addLine({{a, at - cap}, {a, at + cap}, {a, at}, {b, at}, {b, at - cap},
                                 {b, at + cap}},
                                whiskerPen, tr("± 1 standard deviation"));
        if (i > 0) c->legend()->markers(whisker).first()->setVisible(false);
    }
    if (!m_comparison && rows > 0) {
        const double mean = std::accumulate(m_values.begin(), m_values.end(), 0.0) / double(rows);
        QPen dashed(QColor(0xd6, 0x27, 0x28));
        dashed.setStyle(Qt::DashLine);
        dashed.setWidthF(2);
        addLine({{mean, -0.5}, {mean, double(rows) - 0.5}}, dashed,
                tr("mean %1").arg(localNumber(mean, 'f', 3)));
    }
    if (lo >= 0 && hi <= 1.1) {  // a score out of 1: Qt's nice numbers would run to 1.5
        x->setRange(0, 1.1);
        x->setTickCount(12);
        x->setLabelFormat(QStringLiteral("%.1f"));
    } else {
        x->setRange(lo, hi > lo ? hi + (hi - lo) * 0.04 : lo + 1);
        x->applyNiceNumbers();
    }
    if (m_comparison)
        setNote(tr("Each bar is the mean over the cross-validation folds; the whisker spans one "
                   "standard deviation either side."));
}

} // namespace oficina::ui
