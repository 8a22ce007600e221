#include "panels/ColumnSummaryView.h"

#include "Translate.h"
#include "data/ColumnSummary.h"
#include "panels/TableModel.h"

#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace oficina::ui {

/// Bars painted directly: a summary is redrawn on every column click, and a plain painter is
/// instant where a chart would be heavy.
class MiniHistogram final : public QWidget {
public:
    explicit MiniHistogram(QWidget* parent) : QWidget(parent) {
        setMinimumHeight(70);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    }
    void setBars(std::vector<double> bars, QString lo, QString hi) {
        m_bars = std::move(bars);
        m_lo = std::move(lo);
        m_hi = std::move(hi);
        update();
    }
    const std::vector<double>& bars() const { return m_bars; }
    QSize sizeHint() const override { return {220, 90}; }

protected:
    void paintEvent(QPaintEvent*) override {
        if (m_bars.empty()) return;
        QPainter p(this);
        const int textHeight = fontMetrics().height();
        const QRectF area = QRectF(rect()).adjusted(2, 2, -2, -textHeight - 2);
        const double top = *std::max_element(m_bars.begin(), m_bars.end());
        const double width = area.width() / double(m_bars.size());
        const QColor bar = palette().color(QPalette::Highlight);
        for (size_t i = 0; i < m_bars.size(); ++i) {
            const double h = top > 0 ? area.height() * m_bars[i] / top : 0;
            const QRectF r(area.left() + width * double(i) + 0.5, area.bottom() - h,
                           std::max(1.0, width - 1.0), h);
            p.fillRect(r, bar);
        }
        p.setPen(palette().color(QPalette::WindowText));
        const QRectF labels(area.left(), area.bottom() + 1, area.width(), textHeight);
        p.drawText(labels, Qt::AlignLeft | Qt::AlignVCenter, m_lo);
        p.drawText(labels, Qt::AlignRight | Qt::AlignVCenter, m_hi);
    }

private:
    std::vector<double> m_bars;
    QString m_lo, m_hi;
};

ColumnSummaryView::ColumnSummaryView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setTextFormat(Qt::RichText);
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_histogram = new MiniHistogram(this);
    layout->addWidget(m_text);
    layout->addWidget(m_histogram);
    layout->addStretch(1);
    setColumn(nullptr);
}

ColumnSummaryView::~ColumnSummaryView() = default;

QString ColumnSummaryView::text() const { return m_text->text(); }
const std::vector<double>& ColumnSummaryView::histogram() const { return m_histogram->bars(); }

void ColumnSummaryView::setColumn(const core::Column* column) {
    if (!column) {
        m_text->setText(tr("Click a column to see its summary."));
        m_histogram->setBars({}, {}, {});
        return;
    }
    const core::ColumnSummary s = core::summarizeColumn(*column);
    const size_t rows = column->size();
    QString html = QStringLiteral("<b>%1</b><table>").arg(QString::fromStdString(s.name).toHtmlEscaped());
    const auto row = [&](const QString& key, const QString& value) {
        html += QStringLiteral("<tr><td>%1&nbsp;&nbsp;</td><td align=right>%2</td></tr>")
                    .arg(key, value.toHtmlEscaped());
    };
    row(tr("Type"), s.type == core::ColumnType::Numeric ? tr("numeric") : tr("categorical"));
    row(tr("Role"), columnRoleName(s.role));
    row(tr("Rows"), QLocale().toString(qulonglong(rows)));
    row(tr("Missing"), QLocale().toString(qulonglong(s.missing)));

    std::vector<double> bars;
    QString lo, hi;
    if (s.type == core::ColumnType::Numeric) {
        if (s.missing < rows) {
            row(tr("Minimum"), formatCell(s.min));
            row(tr("Mean"), formatCell(s.mean));
            row(tr("Std. deviation"), formatCell(s.std));
            row(tr("Maximum"), formatCell(s.max));
            // 20 equal-width bins between min and max, counted as numpy.histogram does (edges
            // from linspace, a value on an edge goes right, the last bin is closed), so the bars
            // match what a notebook shows; a constant column is one bar.
            const int binCount = s.max > s.min ? 20 : 1;
            bars.assign(size_t(binCount), 0.0);
            std::vector<double> edges(size_t(binCount) + 1);
            for (int i = 0; i <= binCount; ++i)
                edges[size_t(i)] = s.min + i * ((s.max - s.min) / binCount);
            edges.back() = s.max;
            const double scale = s.max > s.min ? binCount / (s.max - s.min) : 0.0;
            for (double v : column->values()) {
                if (std::isnan(v)) continue;
                int bin = std::min(binCount - 1, int((v - s.min) * scale));
                if (v < edges[size_t(bin)]) --bin;
                else if (bin + 1 < binCount && v >= edges[size_t(bin) + 1]) ++bin;
                bars[size_t(std::clamp(bin, 0, binCount - 1))] += 1;
            }
            lo = formatCell(s.min);
            hi = formatCell(s.max);
        }
    } else {
        row(tr("Categories"), QLocale().toString(qulonglong(column->categories().size())));
        const size_t shown = std::min<size_t>(s.categoryCounts.size(), 12);
        for (size_t i = 0; i < shown; ++i) {
            const auto& [label, count] = s.categoryCounts[i];
            if (i < 6)
                row(QString::fromStdString(label), QLocale().toString(qulonglong(count)));
            bars.push_back(double(count));
        }
        if (shown > 0) {
            lo = tr("most frequent");
            hi = s.categoryCounts.size() > shown ? tr("top %1 of %2")
                                                       .arg(shown)
                                                       .arg(s.categoryCounts.size())
                                                 : QString();
        }
    }
    html += QStringLiteral("</table>");
    m_text->setText(html);
    m_histogram->setBars(std::move(bars), lo, hi);
}

} // namespace oficina::ui
