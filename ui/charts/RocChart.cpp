#include "charts/RocChart.h"

#include "charts/ChartColors.h"
#include "eval/Metrics.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace oficina::ui {

double areaUnderCurve(const QList<QPointF>& points) {
    double area = 0;
    for (qsizetype i = 1; i < points.size(); ++i)
        area += (points[i].x() - points[i - 1].x()) * (points[i].y() + points[i - 1].y()) / 2;
    return area;
}

namespace {

int columnIndex(const core::LabeledMatrix& m, const char* name) {
    const auto it = std::find(m.columnLabels.begin(), m.columnLabels.end(), name);
    return it == m.columnLabels.end() ? -1 : int(it - m.columnLabels.begin());
}

} // namespace

RocChart::RocChart(QWidget* parent) : ChartView(parent) {
    setTitle(tr("ROC curve"));
    useChart();
}

RocChart::~RocChart() = default;

void RocChart::setMetrics(const core::Metrics& metrics) {
    QChart* c = chart();
    c->removeAllSeries();
    for (QAbstractAxis* a : c->axes()) {
        c->removeAxis(a);
        delete a;
    }
    auto* x = new QValueAxis;
    auto* y = new QValueAxis;
    x->setRange(0, 1);
    y->setRange(0, 1.02);
    x->setTitleText(tr("False positive rate"));
    y->setTitleText(tr("True positive rate"));
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);

    int index = 0;
    int curves = 0;
    for (const auto& m : metrics.matrices) {
        if (m.name.rfind("roc:", 0) != 0) continue;
        const int fpr = columnIndex(m, "fpr"), tpr = columnIndex(m, "tpr");
        if (fpr < 0 || tpr < 0) continue;
        QList<QPointF> points;
        points.reserve(qsizetype(m.rowLabels.size()));
        for (size_t r = 0; r < m.rowLabels.size(); ++r)
            points.append(QPointF(m.at(r, size_t(fpr)), m.at(r, size_t(tpr))));
        // One curve with two classes: its AUC is the metric's roc_auc, when present.
        const double* binary = metrics.scalar("roc_auc");
        const double auc = binary && curves == 0 ? *binary : areaUnderCurve(points);
        auto* series = new QLineSeries;
        series->setName(tr("%1 (AUC %2)")
                            .arg(QString::fromStdString(m.name.substr(4)))
                            .arg(QString::number(auc, 'f', 3)));
        QPen pen(categoryColor(index++));
        pen.setWidthF(2);
        series->setPen(pen);
        series->replace(points);
        c->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        ++curves;
    }
    auto* chance = new QLineSeries;
    chance->setName(tr("chance"));
    chance->append(0, 0);
    chance->append(1, 1);
    QPen dashed(QColor(0x88, 0x88, 0x88));
    dashed.setStyle(Qt::DashLine);
    chance->setPen(dashed);
    c->addSeries(chance);
    chance->attachAxis(x);
    chance->attachAxis(y);
    if (curves > 1)
        if (const double* ovr = metrics.scalar("roc_auc_ovr"))
            setNote(tr("Macro one-vs-rest AUC: %1").arg(QString::number(*ovr, 'f', 3)));
}

int RocChart::curveCount() const { return int(chart()->series().size()) - 1; }

QStringList RocChart::curveNames() const {
    QStringList names;
    const auto series = chart()->series();
    for (qsizetype i = 0; i + 1 < series.size(); ++i) names << series[i]->name();
    return names;
}

} // namespace oficina::ui
