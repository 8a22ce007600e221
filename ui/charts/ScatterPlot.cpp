#include "charts/ScatterPlot.h"

#include "charts/ChartColors.h"
#include "charts/PointCloudItem.h"
#include "data/Table.h"
#include "models/Model.h"
#include "reduce/Pca.h"
#include "util/Error.h"

#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QLabel>
#include <QLocale>
#include <QLegendMarker>
#include <QOpenGLContext>
#include <QScatterSeries>
#include <QValueAxis>

#include <cmath>
#include <map>

namespace oficina::ui {

namespace {

const core::Column* findCluster(const core::Table& table) {
    for (const auto& c : table.columns())
        if (!c.isNumeric() && (c.role() == core::ColumnRole::Cluster || c.name() == core::kClusterColumn))
            return &c;
    return nullptr;
}

const core::Column* findTarget(const core::Table& table) {
    for (const auto& c : table.columns())
        if (!c.isNumeric() && c.role() == core::ColumnRole::Target) return &c;
    return nullptr;
}

QScatterSeries::MarkerShape shapeFor(int index) {
    static const QScatterSeries::MarkerShape shapes[] = {
        QScatterSeries::MarkerShapeCircle, QScatterSeries::MarkerShapeRectangle,
        QScatterSeries::MarkerShapeTriangle, QScatterSeries::MarkerShapeRotatedRectangle,
        QScatterSeries::MarkerShapePentagon};
    return shapes[index % 5];
}

// The table with PC1 and PC2 of its feature columns appended, when there are three or more of
// them and no projection yet: a cluster plot of many features is read in that plane. Tables
// PCA cannot take (categorical or missing values) are returned as they are.
std::shared_ptr<const core::Table> withProjection(std::shared_ptr<const core::Table> table) {
    if (!table || table->find("PC1") || table->rowCount() > size_t(ScatterPlot::kMaxProjectedRows))
        return table;
    if (table->namesWithRole(core::ColumnRole::Feature).size() < 3) return table;
    try {
        const core::PcaFit fit = core::fitPca(*table, {.nComponents = 2});
        const core::Table scores = fit.step->apply(*table);
        return std::make_shared<const core::Table>(
            table->withColumn(scores.column("PC1").withRole(core::ColumnRole::Prediction))
                .withColumn(scores.column("PC2").withRole(core::ColumnRole::Prediction)));
    } catch (const core::Error&) {
        return table;
    }
}

} // namespace

bool ScatterPlot::useOpenGL(size_t points, bool shapes) {
    return points > size_t(kOpenGLFrom) && !shapes && openGLAvailable();
}

size_t ScatterPlot::sampleStride(size_t points, bool openGL) {
    const auto limit = size_t(kMaxPlainPoints);
    return openGL || points <= limit ? 1 : (points + limit - 1) / limit;
}

QString ScatterPlot::sampleNote(size_t shown, size_t total, size_t stride) {
    return tr("Sampled for speed: %1 of %2 points shown, one in %3 (no OpenGL here).")
        .arg(QLocale().toString(qulonglong(shown)), QLocale().toString(qulonglong(total)),
             QString::number(stride));
}

bool ScatterPlot::openGLAvailable() {
    static const bool available = [] {
        const QString platform = QGuiApplication::platformName();
        if (platform == QLatin1String("offscreen") || platform == QLatin1String("minimal"))
            return false;
        QOpenGLContext context;
        return context.create();
    }();
    return available;
}

ScatterPlot::ScatterPlot(QWidget* parent) : ChartView(parent) {
    setTitle(tr("Scatter plot"));
    QChart* c = useChart();
    m_x = new QComboBox(this);
    m_x->setObjectName(QStringLiteral("xColumn"));
    m_y = new QComboBox(this);
    m_y->setObjectName(QStringLiteral("yColumn"));
    m_shapes = new QCheckBox(tr("True-label shapes"), this);
    m_shapes->setToolTip(tr("Marker shape shows the true label, colour the cluster"));
    auto* xLabel = new QLabel(tr("X:"), this);
    auto* yLabel = new QLabel(tr("Y:"), this);
    addControl(xLabel);
    addControl(m_x);
    addControl(yLabel);
    addControl(m_y);
    addControl(m_shapes);
    m_xAxis = new QValueAxis;
    m_yAxis = new QValueAxis;
    m_xAxis->setLabelFormat(QStringLiteral("%.6g"));
    m_yAxis->setLabelFormat(QStringLiteral("%.6g"));
    c->addAxis(m_xAxis, Qt::AlignBottom);
    c->addAxis(m_yAxis, Qt::AlignLeft);
    c->legend()->setAlignment(Qt::AlignBottom);  // long "cluster 1 · setosa" names fit there
    m_cloud = new PointCloudItem(c, m_xAxis, m_yAxis);
    connect(m_x, &QComboBox::activated, this, &ScatterPlot::redraw);
    connect(m_y, &QComboBox::activated, this, &ScatterPlot::redraw);
    connect(m_shapes, &QCheckBox::toggled, this, &ScatterPlot::redraw);
}

ScatterPlot::~ScatterPlot() = default;

QString ScatterPlot::xColumn() const { return m_x->currentText(); }
QString ScatterPlot::yColumn() const { return m_y->currentText(); }

void ScatterPlot::setTable(std::shared_ptr<const core::Table> table) {
    m_table = withProjection(std::move(table));
    m_x->clear();
    m_y->clear();
    QStringList numeric, features;
    if (m_table)
        for (const auto& c : m_table->columns())
            if (c.isNumeric()) {
                numeric << QString::fromStdString(c.name());
                if (c.role() == core::ColumnRole::Feature) features << numeric.back();
            }
    m_x->addItems(numeric);
    m_y->addItems(numeric);
    // Projections first: they are what a cluster plot is usually made for.
    QString x, y;
    for (const auto& [a, b] : {std::pair{"tsne_1", "tsne_2"}, std::pair{"PC1", "PC2"}})
        if (numeric.contains(QLatin1String(a)) && numeric.contains(QLatin1String(b)))
            if (x.isEmpty()) x = QLatin1String(a), y = QLatin1String(b);
    const QStringList& pool = features.size() >= 2 ? features : numeric;
    if (x.isEmpty() && pool.size() >= 2) x = pool[0], y = pool[1];
    const bool labels = m_table && findCluster(*m_table) && findTarget(*m_table);
    m_shapes->setVisible(labels);
    setColumns(x, y);
}

void ScatterPlot::setColumns(const QString& x, const QString& y) {
    m_x->setCurrentText(x);
    m_y->setCurrentText(y);
    redraw();
}

void ScatterPlot::setLabelShapes(bool on) {
    if (m_shapes->isChecked() == on) return;
    m_shapes->setChecked(on);  // redraws
}

int ScatterPlot::pointsOf(const QString& seriesName) const {
    int n = m_cloud->pointCount(seriesName);
    for (QAbstractSeries* s : chart()->series())
        if (s->name() == seriesName) n += int(static_cast<QScatterSeries*>(s)->count());
    return n;
}

int ScatterPlot::drawnPoints() const {
    int n = m_cloud->pointCount();
    for (QAbstractSeries* s : chart()->series())
        if (s != m_centroids) n += int(static_cast<QScatterSeries*>(s)->count());
    return n;
}

void ScatterPlot::redraw() {
    QElapsedTimer timer;
    timer.start();
    chart()->removeAllSeries();
    m_cloud->setGroups({});
    m_centroids = nullptr;
    setNote({});
    const core::Column* xc = m_table ? m_table->find(m_x->currentText().toStdString()) : nullptr;
    const core::Column* yc = m_table ? m_table->find(m_y->currentText().toStdString()) : nullptr;
    if (!xc || !yc || !xc->isNumeric() || !yc->isNumeric()) {
        setNote(tr("Choose two numeric columns."));
        return;
    }
    m_xAxis->setTitleText(m_x->currentText());
    m_yAxis->setTitleText(m_y->currentText());
    const core::Column* cluster = findCluster(*m_table);
    const core::Column* target = findTarget(*m_table);
    const core::Column* colour = cluster ? cluster : target;
    const core::Column* shape = cluster && target && m_shapes->isChecked() ? target : nullptr;

    const size_t rows = m_table->rowCount();
    const bool gl = useOpenGL(rows, shape != nullptr);
    const size_t stride = sampleStride(rows, gl);
    const auto& xs = xc->values();
    const auto& ys = yc->values();

    // One series per (colour group, shape); key -1 = noise or missing.
    std::map<std::pair<int, int>, QList<QPointF>> groups;
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (size_t r = 0; r < rows; r += stride) {
        const double x = xs[r], y = ys[r];
        if (std::isnan(x) || std::isnan(y)) continue;
        const int g = colour ? colour->codes()[r] : 0;
        const int s = shape ? shape->codes()[r] : 0;
        groups[{g, s}].append(QPointF(x, y));
        x0 = std::min(x0, x), x1 = std::max(x1, x);
        y0 = std::min(y0, y), y1 = std::max(y1, y);
    }
    // Smaller markers for many points; larger on a projector (presentation mode).
    const qreal size = (rows > 20000 ? 4 : rows > 2000 ? 6 : 8) * presentationScale();
    std::vector<PointCloudItem::Group> painted;
    for (auto& [key, points] : groups) {
        auto* series = new QScatterSeries;
        const auto [g, s] = key;
        QString name;
        if (!colour) name = tr("points");
        else if (g < 0) name = cluster ? tr("noise") : tr("missing");
        else if (cluster) name = tr("cluster %1").arg(QString::fromStdString(colour->categories()[size_t(g)]));
        else name = QString::fromStdString(colour->categories()[size_t(g)]);
        if (shape) name += QStringLiteral(" · ") + (s < 0 ? tr("missing") : QString::fromStdString(shape->categories()[size_t(s)]));
        series->setName(name);
        series->setColor(g < 0 ? noiseColor() : categoryColor(g));
        series->setBorderColor(Qt::transparent);
        series->setMarkerSize(size);
        series->setMarkerShape(shape ? shapeFor(std::max(0, s)) : QScatterSeries::MarkerShapeCircle);
        if (gl) {
            series->setUseOpenGL(true);
            series->replace(points);
        } else {  // the series only names the group in the legend
            painted.push_back(
                {series->color(), series->markerShape(), size, std::move(points), name});
        }
        chart()->addSeries(series);
        series->attachAxis(m_xAxis);
        series->attachAxis(m_yAxis);
    }
    // Centroids: the mean of each cluster's points on the shown axes (all rows, not the sample).
    if (cluster) {
        const size_t k = cluster->categories().size();
        std::vector<double> sx(k, 0), sy(k, 0), n(k, 0);
        for (size_t r = 0; r < rows; ++r) {
            const int32_t g = cluster->codes()[r];
            if (g < 0 || std::isnan(xs[r]) || std::isnan(ys[r])) continue;
            sx[size_t(g)] += xs[r], sy[size_t(g)] += ys[r], n[size_t(g)] += 1;
        }
        m_centroids = new QScatterSeries;
        m_centroids->setName(tr("centroids"));
        m_centroids->setMarkerShape(QScatterSeries::MarkerShapeStar);
        m_centroids->setMarkerSize(18 * presentationScale());
        m_centroids->setColor(Qt::black);
        m_centroids->setBorderColor(Qt::white);
        for (size_t g = 0; g < k; ++g)
            if (n[g] > 0) m_centroids->append(sx[g] / n[g], sy[g] / n[g]);
        chart()->addSeries(m_centroids);
        m_centroids->attachAxis(m_xAxis);
        m_centroids->attachAxis(m_yAxis);
    }
    if (shape) addShapeLegend(colour, shape, cluster != nullptr);
    m_cloud->setGroups(std::move(painted));
    if (x0 <= x1) {
        const double px = x1 > x0 ? (x1 - x0) * 0.04 : 1, py = y1 > y0 ? (y1 - y0) * 0.04 : 1;
        m_xAxis->setRange(x0 - px, x1 + px);
        m_yAxis->setRange(y0 - py, y1 + py);
        m_xAxis->applyNiceNumbers();
        m_yAxis->applyNiceNumbers();
    }
    chart()->legend()->setVisible(groups.size() > 1 || cluster);
    // A colour × shape legend is a column of short entries; a row of them would be cut off.
    chart()->legend()->setAlignment(shape ? Qt::AlignRight : Qt::AlignBottom);
    chart()->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);  // shapes, not squares
    if (stride > 1) setNote(sampleNote((rows + stride - 1) / stride, rows, stride));
    m_lastRedrawMs = double(timer.nsecsElapsed()) / 1e6;
}

void ScatterPlot::addShapeLegend(const core::Column* colour, const core::Column* shape,
                                 bool clusters) {
    // One entry per (colour, shape) pair grows as their product ("cluster 1 · setosa"…); the
    // legend says what each colour and each shape means instead, as seaborn's hue and style.
    bool noise = false;
    for (QAbstractSeries* s : chart()->series()) {
        if (s == m_centroids) continue;
        noise = noise || s->name().startsWith(tr("noise"));
        for (QLegendMarker* marker : chart()->legend()->markers(s)) marker->setVisible(false);
    }
    const auto entry = [&](const QString& name, QColor colour,
                           QScatterSeries::MarkerShape markerShape) {
        auto* series = new QScatterSeries;  // no points: it only names a colour or a shape
        series->setName(name);
        series->setColor(colour);
        series->setBorderColor(Qt::transparent);
        series->setMarkerShape(markerShape);
        chart()->addSeries(series);
        series->attachAxis(m_xAxis);
        series->attachAxis(m_yAxis);
    };
    for (size_t g = 0; g < colour->categories().size(); ++g) {
        const QString category = QString::fromStdString(colour->categories()[g]);
        entry(clusters ? tr("cluster %1").arg(category) : category, categoryColor(int(g)),
              QScatterSeries::MarkerShapeCircle);
    }
    if (noise) entry(tr("noise"), noiseColor(), QScatterSeries::MarkerShapeCircle);
    for (size_t l = 0; l < shape->categories().size(); ++l)
        entry(QString::fromStdString(shape->categories()[l]), QColor(0x55, 0x55, 0x55),
              shapeFor(int(l)));
}

} // namespace oficina::ui
