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
    /// Shows every item, never magnified beyond 100 %.
    void fitToView();
    /// Scene point at the centre of the viewport (where palette double-clicks add nodes).
    [[nodiscard]] QPointF visibleCentre() const;

    static constexpr qreal kMinZoom = 0.15;
    static constexpr qreal kMaxZoom = 3.0;

Q_SIGNALS:
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    bool m_panning = false;
    bool m_spaceHeld = false;
    QPoint m_panStart;
};

} // namespace oficina::ui
