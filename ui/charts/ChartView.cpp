#include "charts/ChartView.h"

#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QSvgGenerator>
#include <QToolButton>
#include <QVBoxLayout>

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

QChart* ChartView::useChart() {
    m_chart = new QChart;
    m_chart->setMargins(QMargins(4, 4, 4, 4));
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

void ChartView::setNote(const QString& note) {
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

QString ChartView::note() const { return m_note->text(); }

bool ChartView::saveImage(const QString& path, QSize size) {
    if (!m_canvas) return false;
    const QSize target = size.isValid() ? size : m_canvas->size().expandedTo({400, 300});
    const QSize oldSize = m_canvas->size();
    const bool resize = target != oldSize || !m_canvas->isVisible();
    if (resize) m_canvas->resize(target);
    beforeSave();
    // Charts lay themselves out in posted events; a hidden or just-resized one needs them now.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    if (resize) m_canvas->resize(target);  // the layout may have sized it back meanwhile
    bool ok = false;
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(target);
        svg.setViewBox(QRect(QPoint(0, 0), target));
        svg.setTitle(m_title->text());
        QPainter painter;
        if (painter.begin(&svg)) {
            m_canvas->render(&painter, {}, {}, QWidget::DrawChildren);
            ok = painter.end();
        }
        ok = ok && QFileInfo(path).size() > 0;
    } else {
        QImage image(target * 2, QImage::Format_ARGB32_Premultiplied);  // 2× for crisp slides
        image.setDevicePixelRatio(2);
        image.fill(m_canvas->palette().color(QPalette::Window));
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        m_canvas->render(&painter, {}, {}, QWidget::DrawChildren);
        painter.end();
        ok = image.save(path);
    }
    afterSave();
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
