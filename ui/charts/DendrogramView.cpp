#include "charts/DendrogramView.h"

#include "Translate.h"
#include "eval/Metrics.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace oficina::ui {

class DendrogramView::Canvas final : public QWidget {
public:
    explicit Canvas(QWidget* parent) : QWidget(parent) {
        setMinimumSize(300, 220);
        setAutoFillBackground(true);
        setBackgroundRole(QPalette::Base);
    }
    QSize sizeHint() const override { return {520, 360}; }

    struct Merge {
        int left, right;
        double distance;
    };
    std::vector<Merge> merges;
    std::vector<int> order;     // leaves left to right
    std::vector<double> x;      // horizontal position of every cluster (leaves and merges)
    QStringList labels;
    double top = 0;

    void layoutTree() {
        const int n = int(merges.size()) + 1;
        order.clear();
        x.assign(size_t(2 * n - 1), 0.0);
        if (merges.empty()) return;
        // Depth-first from the root, left child first: scipy's leaf order, without recursion
        // so deep chains (single linkage) cannot overflow the stack.
        std::vector<int> stack{2 * n - 2};
        while (!stack.empty()) {
            const int node = stack.back();
            stack.pop_back();
            if (node < n) {
                x[size_t(node)] = double(order.size());
                order.push_back(node);
                continue;
            }
            const Merge& m = merges[size_t(node - n)];
            stack.push_back(m.right);
            stack.push_back(m.left);
        }
        for (int i = 0; i < n - 1; ++i)  // children always come before their merge
            x[size_t(n + i)] = (x[size_t(merges[size_t(i)].left)] +
                                x[size_t(merges[size_t(i)].right)]) / 2;
        top = 0;
        for (const Merge& m : merges) top = std::max(top, m.distance);
    }

protected:
    void paintEvent(QPaintEvent*) override {
        if (merges.empty()) return;
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QFontMetrics fm = fontMetrics();
        const int n = int(merges.size()) + 1;
        const bool showLabels = n <= 80;
        int labelHeight = fm.height() + 4;
        if (showLabels) {
            int widest = 0;
            for (int leaf : order) widest = std::max(widest, fm.horizontalAdvance(leafText(leaf)));
            labelHeight = std::min(widest + 6, height() / 3);
        }
        const QString topText = localNumber(top, 'g', 4);
        const int axisWidth = fm.horizontalAdvance(topText) + 10;
        const QRectF plot(axisWidth, fm.height(), width() - axisWidth - 8,
                          height() - fm.height() - labelHeight - 4);
        const double step = plot.width() / double(n);
        const auto px = [&](int cluster) { return plot.left() + (x[size_t(cluster)] + 0.5) * step; };
        const auto py = [&](double d) {
            return plot.bottom() - (top > 0 ? d / top : 0) * plot.height();
        };
        const auto heightOf = [&](int cluster) {
            return cluster < n ? 0.0 : merges[size_t(cluster - n)].distance;
        };
        // Axis: distance, three ticks.
        p.setPen(palette().color(QPalette::Text));
        for (int t = 0; t <= 2; ++t) {
            const double d = top * t / 2;
            const double y = py(d);
            p.drawLine(QPointF(plot.left() - 4, y), QPointF(plot.left(), y));
            p.drawText(QRectF(0, y - fm.height() / 2.0, axisWidth - 6, fm.height()),
                       Qt::AlignRight | Qt::AlignVCenter, localNumber(d, 'g', 4));
        }
        p.drawLine(plot.bottomLeft(), plot.topLeft());

        QPainterPath path;
        for (int i = 0; i < n - 1; ++i) {
            const Merge& m = merges[size_t(i)];
            const double y = py(m.distance);
            path.moveTo(px(m.left), py(heightOf(m.left)));
            path.lineTo(px(m.left), y);
            path.lineTo(px(m.right), y);
            path.lineTo(px(m.right), py(heightOf(m.right)));
        }
        QPen pen(QColor(0x1f, 0x77, 0xb4));
        pen.setWidthF(n > 500 ? 0.6 : 1.4);
        p.strokePath(path, pen);

        if (showLabels) {
            p.setPen(palette().color(QPalette::Text));
            for (int leaf : order) {
                p.save();
                p.translate(px(leaf), plot.bottom() + 4);
                p.rotate(90);
                p.drawText(QRectF(0, -fm.height() / 2.0, labelHeight, fm.height()),
                           Qt::AlignLeft | Qt::AlignVCenter,
                           fm.elidedText(leafText(leaf), Qt::ElideRight, labelHeight - 4));
                p.restore();
            }
        } else {
            p.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), fm.height()),
                       Qt::AlignCenter, DendrogramView::tr("%1 leaves").arg(n));
        }
    }

private:
    QString leafText(int leaf) const {
        return leaf < labels.size() ? labels[leaf] : QString::number(leaf);
    }
};

DendrogramView::DendrogramView(QWidget* parent) : ChartView(parent) {
    setTitle(tr("Dendrogram"));
    m_canvas = new Canvas(this);
    useCanvas(m_canvas);
}

DendrogramView::~DendrogramView() = default;

void DendrogramView::setMatrix(const core::LabeledMatrix& matrix, const QStringList& leafLabels) {
    m_canvas->merges.clear();
    m_canvas->labels = leafLabels;
    const auto index = [&](const char* name) {
        const auto it = std::find(matrix.columnLabels.begin(), matrix.columnLabels.end(), name);
        return it == matrix.columnLabels.end() ? -1 : int(it - matrix.columnLabels.begin());
    };
    const int l = index("left"), r = index("right"), d = index("distance");
    const size_t rows = matrix.rowLabels.size();
    const int n = int(rows) + 1;
    bool valid = l >= 0 && r >= 0 && d >= 0;
    for (size_t i = 0; valid && i < rows; ++i) {
        const int a = int(matrix.at(i, size_t(l))), b = int(matrix.at(i, size_t(r)));
        // Children must exist before their merge, or the layout would read garbage.
        valid = a >= 0 && b >= 0 && a < n + int(i) && b < n + int(i);
        m_canvas->merges.push_back({a, b, matrix.at(i, size_t(d))});
    }
    if (!valid) {
        m_canvas->merges.clear();
        setNote(tr("The merge tree is malformed."));
    } else {
        setNote({});
    }
    m_canvas->layoutTree();
    m_canvas->update();
}

int DendrogramView::leafCount() const {
    return m_canvas->merges.empty() ? 0 : int(m_canvas->merges.size()) + 1;
}

const std::vector<int>& DendrogramView::leafOrder() const { return m_canvas->order; }

} // namespace oficina::ui
