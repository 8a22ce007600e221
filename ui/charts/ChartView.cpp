#include "charts/ChartView.h"

#include "util/Error.h"
#include "util/SafeFile.h"

#include <QAbstractAxis>
#include <QAbstractSeries>
#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QMessageBox>
#include <QPainter>
#include <QResizeEvent>
#include <QSvgGenerator>
#include <QToolButton>
#include <QVBoxLayout>
#include <QXYSeries>

namespace oficina::ui {

ChartView::ChartView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    m_header = new QHBoxLayout;
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_header->addWidget(m_title);
    m_header->addStretch(1);
    auto* save = new QToolButton(this);
    save->setObjectName(QStringLiteral("saveImage"));
    save->setText(tr("Save image…"));
    save->setToolTip(tr("Save this chart as PNG or SVG"));
    save->setAutoRaise(true);
    connect(save, &QToolButton::clicked, this, &ChartView::askAndSave);
    m_header->addWidget(save);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("chartNote"));
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->hide();
    layout->addLayout(m_header);
    layout->addWidget(m_note);
}

ChartView::~ChartView() = default;

namespace {
double& presentationScaleValue() {
    static double scale = 1.0;
    return scale;
}
} // namespace

void ChartView::setPresentationScale(double scale) { presentationScaleValue() = scale; }
double ChartView::presentationScale() { return presentationScaleValue(); }

void ChartView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    applyPresentationScale();
}

void ChartView::applyPresentationScale() {
    const double scale = presentationScale();
    if (!m_chart || scale == 1.0) return;
    const auto enlarged = [scale](QFont font) {
        font.setPointSizeF(font.pointSizeF() * scale);
        return font;
    };
    for (QAbstractSeries* series : m_chart->series()) {
        if (m_scaled.contains(series)) continue;
        m_scaled.insert(series);
        if (auto* xy = qobject_cast<QXYSeries*>(series)) {
            QPen pen = xy->pen();
            pen.setWidthF(std::max(1.0, pen.widthF()) * scale);
            xy->setPen(pen);
        }
    }
    for (QAbstractAxis* axis : m_chart->axes()) {
        if (m_scaled.contains(axis)) continue;
        m_scaled.insert(axis);
        axis->setLabelsFont(enlarged(axis->labelsFont()));
        axis->setTitleFont(enlarged(axis->titleFont()));
    }
    if (!m_scaled.contains(m_chart)) {
        m_scaled.insert(m_chart);
        m_chart->legend()->setFont(enlarged(m_chart->legend()->font()));
    }
}

QChart* ChartView::useChart() {
    m_chart = new QChart;
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    // Axis and point labels in the interface language's numbers ("0,5" in Portuguese), without
    // digit grouping so that years stay 1749.
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    m_chart->setLocale(locale);
    m_chart->setLocalizeNumbers(true);
    // The chart's white card reaches the widget's edges: no grey frame around saved images.
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->setBackgroundRoundness(0);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chartView = new QChartView(m_chart, this);  // takes ownership of the chart
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumSize(280, 200);
    useCanvas(m_chartView);
    return m_chart;
}

void ChartView::useCanvas(QWidget* canvas) {
    m_canvas = canvas;
    static_cast<QVBoxLayout*>(layout())->addWidget(canvas, 1);
}

void ChartView::addControl(QWidget* control) {
    m_header->insertWidget(m_controlIndex + 1, control);  // after the title and the stretch
    ++m_controlIndex;
}

void ChartView::setTitle(const QString& title) { m_title->setText(title); }

void ChartView::resetChart() {
    m_chart->removeAllSeries();
    for (QAbstractAxis* a : m_chart->axes()) {
        m_chart->removeAxis(a);
        delete a;
    }
}

void ChartView::setDataView(std::function<QWidget*()> make) {
    showData(false);
    delete m_dataView;
    m_dataView = nullptr;
    m_makeDataView = std::move(make);
    if (!m_makeDataView) {
        if (m_dataButton) m_dataButton->hide();
        return;
    }
    if (!m_dataButton) {
        m_dataButton = new QToolButton(this);
        m_dataButton->setObjectName(QStringLiteral("showData"));
        m_dataButton->setText(tr("Data"));
        m_dataButton->setToolTip(tr("Show the numbers behind this chart"));
        m_dataButton->setCheckable(true);
        m_dataButton->setAutoRaise(true);
        connect(m_dataButton, &QToolButton::toggled, this, &ChartView::showData);
        addControl(m_dataButton);
    }
    m_dataButton->show();
}

void ChartView::showData(bool on) {
    on = on && m_makeDataView;
    if (on && !m_dataView) {
        m_dataView = m_makeDataView();
        m_dataView->setParent(this);
        static_cast<QVBoxLayout*>(layout())->addWidget(m_dataView, 1);
    }
    if (m_dataButton && m_dataButton->isChecked() != on) m_dataButton->setChecked(on);  // re-enters
    if (m_dataView) m_dataView->setVisible(on);
    if (m_canvas) m_canvas->setVisible(!on);
}

bool ChartView::dataShown() const { return m_dataView && m_dataView->isVisibleTo(this); }

void ChartView::setNote(const QString& note) {
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

QString ChartView::note() const { return m_note->text(); }

void ChartView::drawCanvas(QPainter& painter, QSize size) {
    if (!m_chart || !m_chart->scene()) {
        m_canvas->render(&painter, {}, {}, QWidget::DrawChildren);
        return;
    }
    // The chart itself, laid out at the file's size: a view that has not caught up with its
    // new size (hidden, or resized back by its layout) would leave a bare margin.
    const QSizeF old = m_chart->size();
    m_chart->resize(size);
    if (m_chart->layout()) m_chart->layout()->activate();
    m_chart->scene()->render(&painter, QRectF(QPointF(0, 0), size),
                             QRectF(m_chart->pos(), QSizeF(size)));
    m_chart->resize(old);
    if (m_chart->layout()) m_chart->layout()->activate();
}

bool ChartView::saveImage(const QString& path, QSize size) {
    if (!m_canvas) return false;
    const QSize target = size.isValid() ? size : m_canvas->size().expandedTo({400, 300});
    const QSize oldSize = m_canvas->size();
    const bool resize = target != oldSize || !m_canvas->isVisible();
    const auto fit = [&] {
        m_canvas->resize(target);
        // A hidden widget (a chart on a tab not shown) gets its resize event only when shown:
        // without it the chart keeps its old size and the rest of the image stays bare.
        if (!m_canvas->isVisible()) {
            QResizeEvent event(target, oldSize);
            QCoreApplication::sendEvent(m_canvas, &event);
        }
    };
    if (resize) fit();
    m_openGLWhileSaving.clear();
    if (m_chart)
        for (QAbstractSeries* series : m_chart->series())
            if (series->useOpenGL()) {
                series->setUseOpenGL(false);
                m_openGLWhileSaving.append(series);
            }
    // Charts lay themselves out in posted events; a hidden or just-resized one needs them now.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    if (resize && m_canvas->size() != target) fit();  // the layout may have sized it back
    if (m_chart && m_chart->layout()) m_chart->layout()->activate();  // axes, legend, plot area
    // Drawn into memory, then written as one file with SafeFile's guarantees: a failed or
    // interrupted save leaves any earlier image whole, and a planted link is not followed.
    QBuffer bytes;
    bytes.open(QIODevice::WriteOnly);
    bool ok = false;
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0) {
        QSvgGenerator svg;
        svg.setOutputDevice(&bytes);
        svg.setSize(target);
        svg.setViewBox(QRect(QPoint(0, 0), target));
        svg.setTitle(m_title->text());
        QPainter painter;
        if (painter.begin(&svg)) {
            drawCanvas(painter, target);
            ok = painter.end();
        }
    } else {
        QImage image(target * 2, QImage::Format_ARGB32_Premultiplied);  // 2× for crisp slides
        image.setDevicePixelRatio(2);
        image.fill(m_canvas->palette().color(QPalette::Window));
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        drawCanvas(painter, target);
        painter.end();
        ok = image.save(&bytes, "PNG");
    }
    ok = ok && !bytes.data().isEmpty();
    if (ok) {
        try {
            core::writeFileAtomically(path.toStdString(), std::string_view(bytes.data().constData(),
                                                                           size_t(bytes.size())));
        } catch (const core::Error&) {
            ok = false;
        }
    }
    for (QAbstractSeries* series : m_openGLWhileSaving) series->setUseOpenGL(true);
    m_openGLWhileSaving.clear();
    if (resize) m_canvas->resize(oldSize);
    return ok;
}

void ChartView::askAndSave() {
    QString selected;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save image"), m_title->text().isEmpty() ? tr("chart") : m_title->text(),
        tr("PNG image (*.png);;SVG drawing (*.svg)"), &selected);
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty())
        path += selected.contains(QLatin1String("svg")) ? QStringLiteral(".svg")
                                                        : QStringLiteral(".png");
    if (!saveImage(path))
        QMessageBox::warning(this, tr("Save image"), tr("Could not write %1.").arg(path));
}

} // namespace oficina::ui
