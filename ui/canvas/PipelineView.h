#pragma once

#include <QGraphicsView>

namespace oficina::ui {

class PipelineScene;

/// The canvas view: rubber-band selection, wheel zoom around the cursor (also Ctrl + / Ctrl -),
/// pan with the middle button or Space + drag, fit to view.
class PipelineView : public QGraphicsView {
    Q_OBJECT
public:
    explicit PipelineView(PipelineScene* scene, QWidget* parent = nullptr);

    [[nodiscard]] qreal zoom() const { return transform().m11(); }
    void zoomBy(qreal factor);
    void zoomIn() { zoomBy(1.25); }
    void zoomOut() { zoomBy(1 / 1.25); }
    void resetZoom();
    /// Shows every item, never magnified beyond setMaxFitZoom's (100 % unless set) nor shrunk
    /// below kMinFitZoom (where card
    /// text stops being readable): a pipeline too big for that is shown from its start (top
    /// left) and the rest is a scroll away. Until the user zooms, scrolls or clicks on the
    /// canvas, the fit follows the view's size (docks and the window settle after a file opens).
    void fitToView();
    /// How far fitToView may magnify (presentation mode: more than 100 %).
    void setMaxFitZoom(qreal zoom) { m_maxFitZoom = zoom; }
    /// Scene point at the centre of the viewport (where palette double-clicks add nodes).
    [[nodiscard]] QPointF visibleCentre() const;

    static constexpr qreal kMinZoom = 0.15;
    static constexpr qreal kMinFitZoom = 0.8;
    static constexpr qreal kMaxZoom = 3.0;

Q_SIGNALS:
    void zoomChanged(qreal zoom);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void setZoom(qreal zoom);

    bool m_fitOnResize = false;
    qreal m_maxFitZoom = 1.0;
    bool m_panning = false;
    bool m_spaceHeld = false;
    QPoint m_panStart;
};

} // namespace oficina::ui
