#include "charts/ConfusionMatrixView.h"

#include "Translate.h"
#include "eval/Metrics.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace oficina::ui {

class ConfusionMatrixView::Canvas final : public QWidget {
public:
    explicit Canvas(QWidget* parent) : QWidget(parent) {
        setMinimumSize(260, 220);
        setAutoFillBackground(true);
        setBackgroundRole(QPalette::Base);
    }
    QStringList labels;
    std::vector<double> counts;  // row-major
    [[nodiscard]] int n() const { return int(labels.size()); }
    QSize sizeHint() const override { return {420, 360}; }

protected:
    void paintEvent(QPaintEvent*) override {
        if (n() == 0) return;
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QFontMetrics fm = fontMetrics();
        int labelWidth = fm.horizontalAdvance(ConfusionMatrixView::tr("Predicted"));
        for (const QString& l : labels) labelWidth = std::max(labelWidth, fm.horizontalAdvance(l));
        labelWidth = std::min(labelWidth + 8, width() / 3);
        const int line = fm.height();
        const QRect grid(labelWidth + line + 4, 2 * line + 6,
                         width() - labelWidth - line - 12, height() - 3 * line - 14);
        const int side = std::max(1, std::min(grid.width(), grid.height()) / n());
        const QRect cells(grid.topLeft(), QSize(side * n(), side * n()));
        // Centred when the view is wider than the square (the outputs dock spans the canvas).
        p.translate(std::max(0, width() - cells.right() - 8) / 2, 0);

        const QColor text = palette().color(QPalette::Text);
        p.setPen(text);
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.drawText(QRect(cells.left(), 0, cells.width(), line), Qt::AlignCenter,
                   ConfusionMatrixView::tr("Predicted"));
        p.save();
        p.translate(line / 2 + 2, cells.center().y());
        p.rotate(-90);
        p.drawText(QRect(-cells.height() / 2, -line / 2, cells.height(), line), Qt::AlignCenter,
                   ConfusionMatrixView::tr("True"));
        p.restore();
        p.setFont(font());
        for (int i = 0; i < n(); ++i) {
            const QString l = fm.elidedText(labels[i], Qt::ElideRight, std::max(side, 20));
            p.drawText(QRect(cells.left() + i * side, line + 2, side, line), Qt::AlignCenter, l);
            p.drawText(QRect(line + 4, cells.top() + i * side, labelWidth - 4, side),
                       Qt::AlignRight | Qt::AlignVCenter,
                       fm.elidedText(labels[i], Qt::ElideRight, labelWidth - 4));
        }
        for (int r = 0; r < n(); ++r) {
            double rowSum = 0;
            for (int c = 0; c < n(); ++c) rowSum += counts[size_t(r * n() + c)];
            for (int c = 0; c < n(); ++c) {
                const double v = counts[size_t(r * n() + c)];
                const double share = rowSum > 0 ? v / rowSum : 0;
                // White to a strong blue, as scikit-learn's ConfusionMatrixDisplay.
                const QColor fill = QColor::fromRgbF(float(1 - 0.85 * share),
                                                     float(1 - 0.6 * share), float(1 - 0.2 * share));
                const QRect cell(cells.left() + c * side, cells.top() + r * side, side, side);
                p.fillRect(cell, fill);
                p.setPen(QColor(0xdd, 0xdd, 0xdd));
                p.drawRect(cell);
                p.setPen(share > 0.5 ? Qt::white : Qt::black);
                if (side >= fm.horizontalAdvance(QStringLiteral("0000")) / 2)
                    p.drawText(cell, Qt::AlignCenter, localNumber(v, 'g', 10));
            }
        }
    }
};

ConfusionMatrixView::ConfusionMatrixView(QWidget* parent) : ChartView(parent) {
    setTitle(tr("Confusion matrix"));
    m_canvas = new Canvas(this);
    useCanvas(m_canvas);
}

ConfusionMatrixView::~ConfusionMatrixView() = default;

void ConfusionMatrixView::setMatrix(const core::LabeledMatrix& matrix) {
    m_canvas->labels.clear();
    for (const auto& l : matrix.columnLabels) m_canvas->labels << QString::fromStdString(l);
    m_canvas->counts = matrix.values;
    if (matrix.rowLabels.size() != matrix.columnLabels.size() ||
        matrix.values.size() != matrix.columnLabels.size() * matrix.columnLabels.size()) {
        m_canvas->labels.clear();
        m_canvas->counts.clear();
    }
    m_canvas->update();
}

int ConfusionMatrixView::classCount() const { return m_canvas->n(); }

double ConfusionMatrixView::count(int trueRow, int predictedColumn) const {
    return m_canvas->counts[size_t(trueRow * m_canvas->n() + predictedColumn)];
}

} // namespace oficina::ui
