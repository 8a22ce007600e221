#include "charts/DecisionBoundaryView.h"

#include "Translate.h"
#include "charts/ChartColors.h"
#include "data/Table.h"
#include "util/Error.h"

#include <QFutureWatcher>
#include <QImage>
#include <QPainter>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>
#include <utility>

namespace oficina::ui {

class DecisionBoundaryView::Canvas final : public QWidget {
public:
    explicit Canvas(QWidget* parent) : QWidget(parent) {
        setMinimumSize(300, 260);
        setAutoFillBackground(true);
        setBackgroundRole(QPalette::Base);
    }
    QSize sizeHint() const override { return {480, 420}; }

    core::DecisionGrid grid;
    QImage image;  // one pixel per cell, row 0 at the top (largest y)
    QList<QPointF> points;
    QList<int> pointClass;  // index into grid.labels, -1 = unknown
    QString message;        // shown instead of the plot while there is no grid

    void build(const core::Table* table) {
        const int n = grid.resolution;
        image = QImage(n, n, QImage::Format_RGB32);
        for (int row = 0; row < n; ++row)
            for (int col = 0; col < n; ++col) {
                const int32_t c = grid.at(row, col);
                const QColor base = c < 0 ? noiseColor() : categoryColor(c);
                // Pale tints, so the points on top stay the strongest colour.
                image.setPixelColor(col, n - 1 - row, QColor::fromRgbF(
                    float(0.7 + 0.3 * base.redF()), float(0.7 + 0.3 * base.greenF()),
                    float(0.7 + 0.3 * base.blueF())));
            }
        points.clear();
        pointClass.clear();
        if (!table) return;
        const core::Column* x = table->find(grid.xColumn);
        const core::Column* y = table->find(grid.yColumn);
        if (!x || !y || !x->isNumeric() || !y->isNumeric()) return;
        const core::Column* target = nullptr;
        for (const auto& c : table->columns())
            if (!c.isNumeric() && c.role() == core::ColumnRole::Target) target = &c;
        std::vector<int> codeToClass;
        if (target)
            for (const auto& label : target->categories()) {
                const auto it = std::find(grid.labels.begin(), grid.labels.end(), label);
                codeToClass.push_back(it == grid.labels.end() ? -1
                                                              : int(it - grid.labels.begin()));
            }
        // The teaching view is for small data; a few thousand points are plenty to read it.
        const size_t stride = std::max<size_t>(1, table->rowCount() / 5000);
        for (size_t r = 0; r < table->rowCount(); r += stride) {
            const double px = x->values()[r], py = y->values()[r];
            if (std::isnan(px) || std::isnan(py)) continue;
            points.append(QPointF(px, py));
            const int32_t code = target ? target->codes()[r] : -1;
            pointClass.append(code < 0 ? -1 : codeToClass[size_t(code)]);
        }
    }

protected:
    void paintEvent(QPaintEvent*) override {
        if (image.isNull()) {
            QPainter p(this);
            p.setPen(palette().color(QPalette::PlaceholderText));
            p.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                       message);
            return;
        }
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QFontMetrics fm = fontMetrics();
        const int line = fm.height();
        const int axis = std::max(fm.horizontalAdvance(localNumber(grid.yMax, 'g', 4)),
                                  fm.horizontalAdvance(localNumber(grid.yMin, 'g', 4))) + 8;
        const int legendWidth = legendSpace(fm);
        const QRectF plot(axis + line, 4, width() - axis - line - legendWidth - 8,
                          height() - 2 * line - 10);
        p.drawImage(plot, image);
        const auto map = [&](QPointF v) {
            return QPointF(plot.left() + (v.x() - grid.xMin) / (grid.xMax - grid.xMin) * plot.width(),
                           plot.bottom() - (v.y() - grid.yMin) / (grid.yMax - grid.yMin) * plot.height());
        };
        p.setPen(QPen(QColor(40, 40, 40), 0.8));
        for (qsizetype i = 0; i < points.size(); ++i) {
            p.setBrush(pointClass[i] < 0 ? noiseColor() : categoryColor(pointClass[i]));
            p.drawEllipse(map(points[i]), 3.5, 3.5);
        }
        p.setBrush(Qt::NoBrush);
        p.setPen(palette().color(QPalette::Text));
        p.drawRect(plot);
        const auto number = [](double v) { return localNumber(v, 'g', 4); };
        p.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), line), Qt::AlignLeft,
                   number(grid.xMin));
        p.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), line), Qt::AlignRight,
                   number(grid.xMax));
        p.drawText(QRectF(plot.left(), plot.bottom() + 2 + line, plot.width(), line),
                   Qt::AlignHCenter, QString::fromStdString(grid.xColumn));
        p.drawText(QRectF(line, plot.top(), axis - 4, line), Qt::AlignRight, number(grid.yMax));
        p.drawText(QRectF(line, plot.bottom() - line, axis - 4, line), Qt::AlignRight,
                   number(grid.yMin));
        p.save();
        p.translate(line / 2.0 + 2, plot.center().y());
        p.rotate(-90);
        p.drawText(QRectF(-plot.height() / 2, -line / 2.0, plot.height(), line), Qt::AlignCenter,
                   QString::fromStdString(grid.yColumn));
        p.restore();
        // Legend: one swatch per class.
        double y = plot.top();
        for (size_t i = 0; i < grid.labels.size(); ++i, y += line + 4) {
            const QRectF swatch(plot.right() + 10, y + 2, line - 4, line - 4);
            p.fillRect(swatch, categoryColor(int(i)));
            p.drawText(QRectF(swatch.right() + 4, y, legendWidth, line), Qt::AlignLeft,
                       QString::fromStdString(grid.labels[i]));
        }
    }

private:
    int legendSpace(const QFontMetrics& fm) const {
        int w = 0;
        for (const auto& l : grid.labels) w = std::max(w, fm.horizontalAdvance(QString::fromStdString(l)));
        return std::min(w + fm.height() + 10, width() / 3);
    }
};

DecisionBoundaryView::DecisionBoundaryView(QWidget* parent) : ChartView(parent) {
    setTitle(tr("Decision boundary"));
    m_canvas = new Canvas(this);
    useCanvas(m_canvas);
}

// The watcher is a child: deleting the view deletes it, so a late result reaches nobody. The
// job itself keeps running to its end on the pool, on data it co-owns.
DecisionBoundaryView::~DecisionBoundaryView() = default;

struct DecisionBoundaryView::Outcome {
    core::DecisionGrid grid;
    QString error;  // empty on success
};

void DecisionBoundaryView::setData(core::DecisionGrid grid,
                                   std::shared_ptr<const core::Table> points) {
    if (m_watcher) {  // drop a running compute(); this may run inside its finished signal
        m_watcher->disconnect(this);
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
    m_canvas->grid = std::move(grid);
    m_canvas->build(points.get());
    m_canvas->message.clear();
    m_canvas->update();
}

void DecisionBoundaryView::compute(std::function<core::DecisionGrid()> job,
                                   std::shared_ptr<const core::Table> points) {
    setData({}, nullptr);  // also drops a running job
    setNote({});
    m_canvas->message = tr("Computing the decision boundary…");
    m_pendingPoints = std::move(points);
    m_watcher = new QFutureWatcher<Outcome>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, [this, watcher = m_watcher] {
        Outcome outcome = watcher->result();
        if (outcome.error.isEmpty()) {
            setData(std::move(outcome.grid), std::exchange(m_pendingPoints, {}));
        } else {
            setData({}, nullptr);
            m_pendingPoints.reset();
            m_canvas->message = tr("The decision boundary could not be computed.");
            setNote(outcome.error);
        }
        Q_EMIT computed();
    });
    // Errors travel as text: a core::Error thrown on the pool becomes the note here.
    m_watcher->setFuture(QtConcurrent::run([job = std::move(job)]() -> Outcome {
        try {
            return {job(), {}};
        } catch (const core::Error& e) {
            return {{}, trMessage(e.message())};
        } catch (const std::exception& e) {
            return {{}, QString::fromUtf8(e.what())};
        }
    }));
    m_canvas->update();
}

bool DecisionBoundaryView::computing() const { return m_watcher != nullptr; }

const core::DecisionGrid& DecisionBoundaryView::grid() const { return m_canvas->grid; }

int DecisionBoundaryView::pointCount() const { return int(m_canvas->points.size()); }

} // namespace oficina::ui
