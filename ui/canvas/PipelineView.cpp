#include "canvas/PipelineView.h"

#include "canvas/LinkItem.h"
#include "canvas/PipelineScene.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace oficina::ui {

PipelineView::PipelineView(PipelineScene* scene, QWidget* parent) : QGraphicsView(scene, parent) {
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(SmartViewportUpdate);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    // Room to pan around the pipeline.
    setSceneRect(-5000, -5000, 10000, 10000);
    // Scrolling by hand (bar, arrow keys, page keys) means the user has chosen a view.
    for (QScrollBar* bar : {horizontalScrollBar(), verticalScrollBar()})
        connect(bar, &QAbstractSlider::actionTriggered, this, [this] { m_fitOnResize = false; });
}

void PipelineView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (m_fitOnResize) fitToView();
}

void PipelineView::zoomBy(qreal factor) {
    m_fitOnResize = false;
    const qreal target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(target, zoom())) return;
    const qreal applied = target / zoom();
    scale(applied, applied);
    Q_EMIT zoomChanged(zoom());
}

void PipelineView::resetZoom() {
    m_fitOnResize = false;
    setZoom(1.0);
}

void PipelineView::setZoom(qreal zoom) {
    setTransform(QTransform::fromScale(zoom, zoom));
    Q_EMIT zoomChanged(zoom);
}

void PipelineView::fitToView() {
    m_fitOnResize = true;
    // Cards (with their ports) and comments; links run between them, and a link's hook past a
    // card's edge should not cost the fit its 100 %.
    QRectF bounds;
    for (const QGraphicsItem* item : scene()->items())
        if (!item->parentItem() && item->type() != LinkItem::Type && item->isVisible())
            bounds |= item->sceneBoundingRect() |
                      item->mapRectToScene(item->childrenBoundingRect());
    if (bounds.isEmpty()) {
        setZoom(1.0);
        centerOn(0, 0);
        return;
    }
    bounds.adjust(-16, -16, 16, 16);
    const QSizeF room = viewport()->size();
    const qreal fit = std::min(room.width() / bounds.width(), room.height() / bounds.height());
    const qreal zoom = std::clamp(fit, kMinFitZoom, m_maxFitZoom);
    setZoom(zoom);
    // An axis that does not fit shows the pipeline's start: sources sit top left.
    const QSizeF visible = room / zoom;
    const qreal x = bounds.width() <= visible.width() ? bounds.center().x()
                                                      : bounds.left() + visible.width() / 2;
    const qreal y = bounds.height() <= visible.height() ? bounds.center().y()
                                                        : bounds.top() + visible.height() / 2;
    centerOn(x, y);
}

QPointF PipelineView::visibleCentre() const {
    return mapToScene(viewport()->rect().center());
}

void PipelineView::wheelEvent(QWheelEvent* event) {
    // Wheel zooms (node editors' habit); Shift/Alt + wheel scrolls.
    if (event->modifiers() & (Qt::ShiftModifier | Qt::AltModifier)) {
        m_fitOnResize = false;
        QGraphicsView::wheelEvent(event);
        return;
    }
    const qreal steps = event->angleDelta().y() / 120.0;
    if (steps != 0) zoomBy(std::pow(1.15, steps));
    event->accept();
}

void PipelineView::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat() && !m_spaceHeld &&
        !(scene()->focusItem())) {
        m_spaceHeld = true;
        m_fitOnResize = false;
        setDragMode(ScrollHandDrag);
        return;
    }
    if (event->modifiers() & Qt::ControlModifier) {
        switch (event->key()) {
        case Qt::Key_Plus:
        case Qt::Key_Equal: zoomIn(); return;
        case Qt::Key_Minus: zoomOut(); return;
        case Qt::Key_0: resetZoom(); return;
        default: break;
        }
    }
    QGraphicsView::keyPressEvent(event);
}

void PipelineView::keyReleaseEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat() && m_spaceHeld) {
        m_spaceHeld = false;
        setDragMode(RubberBandDrag);
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void PipelineView::mousePressEvent(QMouseEvent* event) {
    m_fitOnResize = false;  // working on the canvas: a later resize leaves the view alone
    if (event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_panStart = event->pos();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void PipelineView::mouseMoveEvent(QMouseEvent* event) {
    if (m_panning) {
        const QPoint delta = event->pos() - m_panStart;
        m_panStart = event->pos();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void PipelineView::mouseReleaseEvent(QMouseEvent* event) {
    if (m_panning && event->button() == Qt::MiddleButton) {
        m_panning = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

} // namespace oficina::ui
