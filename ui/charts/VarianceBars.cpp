#include "charts/VarianceBars.h"

#include "eval/Metrics.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

namespace oficina::ui {

VarianceBars::VarianceBars(QWidget* parent) : ChartView(parent) {
    setTitle(tr("Explained variance"));
    useChart();
}

VarianceBars::~VarianceBars() = default;

void VarianceBars::setMatrix(const core::LabeledMatrix& matrix) {
    QChart* c = chart();
    resetChart();
    const auto index = [&](const char* name) {
        const auto it = std::find(matrix.columnLabels.begin(), matrix.columnLabels.end(), name);
        return it == matrix.columnLabels.end() ? -1 : int(it - matrix.columnLabels.begin());
    };
    const int ratio = index("ratio"), cumulative = index("cumulative");
    m_bars = m_cumulative = 0;
    if (ratio < 0) return;

    auto* set = new QBarSet(tr("variance ratio"));
    set->setColor(QColor(0x1f, 0x77, 0xb4));
    auto* line = new QLineSeries;
    line->setName(tr("cumulative"));
    QPen pen(QColor(0xff, 0x7f, 0x0e));
    pen.setWidthF(2);
    line->setPen(pen);
    line->setPointsVisible(true);
    QStringList categories;
    for (size_t r = 0; r < matrix.rowLabels.size(); ++r) {
        categories << QString::fromStdString(matrix.rowLabels[r]);
        *set << matrix.at(r, size_t(ratio));
        if (cumulative >= 0) line->append(double(r), matrix.at(r, size_t(cumulative)));
    }
    auto* bars = new QBarSeries;
    bars->append(set);
    bars->setBarWidth(0.7);
    c->addSeries(bars);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    auto* y = new QValueAxis;
    y->setRange(0, 1);
    y->setTickCount(6);  // 0.2 apart: five ticks would print 0.25 as "0.3"
    y->setTitleText(tr("Share of variance"));
    y->setLabelFormat(QStringLiteral("%.1f"));
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
    if (cumulative >= 0) {
        c->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
    } else {
        delete line;
    }
    m_bars = int(set->count());
    m_cumulative = cumulative >= 0 ? int(categories.size()) : 0;
}

} // namespace oficina::ui
