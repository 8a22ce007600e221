#include "charts/ResidualPlot.h"

#include "charts/PointCloudItem.h"
#include "charts/ScatterPlot.h"
#include "eval/Metrics.h"

#include <QChart>
#include <QComboBox>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace oficina::ui {

ResidualPlot::ResidualPlot(QWidget* parent) : ChartView(parent) {
    setTitle(tr("Residuals"));
    useChart();
    chart()->legend()->hide();
    m_modeBox = new QComboBox(this);
    m_modeBox->setObjectName(QStringLiteral("residualMode"));
    m_modeBox->addItem(tr("Predicted vs actual"));
    m_modeBox->addItem(tr("Residuals vs predicted"));
    addControl(m_modeBox);
    connect(m_modeBox, &QComboBox::activated, this,
            [this](int index) { setMode(index == 0 ? Mode::PredictedVsActual
                                                   : Mode::ResidualsVsPredicted); });
}

ResidualPlot::~ResidualPlot() = default;

void ResidualPlot::setMatrix(const core::LabeledMatrix& matrix) {
    const auto column = [&](const char* name) -> std::vector<double> {
        const auto it = std::find(matrix.columnLabels.begin(), matrix.columnLabels.end(), name);
        std::vector<double> out;
        if (it == matrix.columnLabels.end()) return out;
        const size_t c = size_t(it - matrix.columnLabels.begin());
        out.reserve(matrix.rowLabels.size());
        for (size_t r = 0; r < matrix.rowLabels.size(); ++r) out.push_back(matrix.at(r, c));
        return out;
    };
    m_actual = column("actual");
    m_predicted = column("predicted");
    m_residual = column("residual");
    redraw();
}

void ResidualPlot::setMode(Mode mode) {
    m_mode = mode;
    m_modeBox->setCurrentIndex(mode == Mode::PredictedVsActual ? 0 : 1);
    redraw();
}

int ResidualPlot::drawnPoints() const {
    if (m_cloud && m_cloud->pointCount() > 0) return m_cloud->pointCount();
    for (QAbstractSeries* s : chart()->series())
        if (auto* scatter = qobject_cast<QScatterSeries*>(s)) return int(scatter->count());
    return 0;
}

void ResidualPlot::redraw() {
    QChart* c = chart();
    delete m_cloud;  // it reads the axes deleted below
    m_cloud = nullptr;
    resetChart();
    setNote({});
    m_points.clear();
    const bool vsActual = m_mode == Mode::PredictedVsActual;
    const std::vector<double>& xs = vsActual ? m_actual : m_predicted;
    const std::vector<double>& ys = vsActual ? m_predicted : m_residual;
    const size_t n = std::min(xs.size(), ys.size());
    if (n == 0) return;
    const bool gl = ScatterPlot::useOpenGL(n);
    const size_t stride = ScatterPlot::sampleStride(n, gl);
    QList<QPointF> points;
    points.reserve(qsizetype(n / stride + 1));
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (size_t i = 0; i < n; i += stride) {
        if (std::isnan(xs[i]) || std::isnan(ys[i])) continue;
        points.append(QPointF(xs[i], ys[i]));
        x0 = std::min(x0, xs[i]), x1 = std::max(x1, xs[i]);
        y0 = std::min(y0, ys[i]), y1 = std::max(y1, ys[i]);
    }
    m_points = points;
    if (points.isEmpty()) return;
    if (vsActual) x0 = y0 = std::min(x0, y0), x1 = y1 = std::max(x1, y1);  // square, fair
    const double px = x1 > x0 ? (x1 - x0) * 0.04 : 1, py = y1 > y0 ? (y1 - y0) * 0.04 : 1;
    auto* x = new QValueAxis;
    auto* y = new QValueAxis;
    x->setRange(x0 - px, x1 + px);
    y->setRange(y0 - py, y1 + py);
    x->applyNiceNumbers();  // ticks at 50, 100, 150… rather than 38.0912
    y->applyNiceNumbers();
    x->setTitleText(vsActual ? tr("Actual") : tr("Predicted"));
    y->setTitleText(vsActual ? tr("Predicted") : tr("Residual (actual − predicted)"));
    x->setLabelFormat(QStringLiteral("%.6g"));
    y->setLabelFormat(QStringLiteral("%.6g"));
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);

    auto* scatter = new QScatterSeries;
    scatter->setName(tr("rows"));
    scatter->setMarkerSize((n > 20000 ? 4 : 6) * presentationScale());
    scatter->setColor(QColor(0x1f, 0x77, 0xb4, 160));
    scatter->setBorderColor(Qt::transparent);
    if (gl) {
        scatter->setUseOpenGL(true);
        scatter->replace(points);
    } else {
        m_cloud = new PointCloudItem(c, x, y);
        m_cloud->setGroups({{scatter->color(), QScatterSeries::MarkerShapeCircle,
                             scatter->markerSize(), points}});
    }
    c->addSeries(scatter);
    scatter->attachAxis(x);
    scatter->attachAxis(y);

    auto* reference = new QLineSeries;  // the identity line, or zero residual, edge to edge
    reference->setName(vsActual ? tr("perfect prediction") : tr("zero"));
    reference->append(x->min(), vsActual ? x->min() : 0);
    reference->append(x->max(), vsActual ? x->max() : 0);
    QPen pen(QColor(0xd6, 0x27, 0x28));
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(1.5);
    reference->setPen(pen);
    c->addSeries(reference);
    reference->attachAxis(x);
    reference->attachAxis(y);
    if (stride > 1) setNote(ScatterPlot::sampleNote(size_t(points.size()), n, stride));
}

} // namespace oficina::ui
