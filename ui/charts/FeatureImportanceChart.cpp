#include "charts/FeatureImportanceChart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <numeric>

namespace oficina::ui {

FeatureImportanceChart::FeatureImportanceChart(QWidget* parent) : ChartView(parent) {
    setTitle(tr("Feature importances"));
    useChart();
    chart()->legend()->hide();
}

FeatureImportanceChart::~FeatureImportanceChart() = default;

void FeatureImportanceChart::setImportances(const std::vector<std::string>& features,
                                            const std::vector<double>& importances) {
    QChart* c = chart();
    resetChart();
    const size_t n = std::min(features.size(), importances.size());
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return importances[a] > importances[b]; });
    order.resize(std::min<size_t>(n, kMaxBars));
    std::reverse(order.begin(), order.end());  // the bar series draws bottom-up
    auto* set = new QBarSet(tr("importance"));
    set->setColor(QColor(0x2c, 0xa0, 0x2c));
    QStringList names;
    double top = 0;
    for (size_t i : order) {
        *set << importances[i];
        names << QString::fromStdString(features[i]);
        top = std::max(top, importances[i]);
    }
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    c->addSeries(series);
    auto* y = new QBarCategoryAxis;
    y->append(names);
    auto* x = new QValueAxis;
    x->setRange(0, top > 0 ? top * 1.05 : 1);
    x->applyNiceNumbers();  // ticks at 0.05 steps rather than at fifths of the top
    x->setLabelFormat(QStringLiteral("%.2f"));
    c->addAxis(y, Qt::AlignLeft);
    c->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    m_bars = int(order.size());
    if (n > order.size())
        setNote(tr("The %1 most important of %2 features.").arg(order.size()).arg(n));
}

} // namespace oficina::ui
