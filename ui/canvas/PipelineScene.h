#pragma once

#include "pipeline/Executor.h"
#include "pipeline/Graph.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>

class QGraphicsPathItem;
class QMimeData;

namespace oficina::ui {

class CommentItem;
class Document;
class LinkItem;
class NodeItem;
class PortItem;

/// The editable pipeline canvas. Follows the Document's signals (it never changes the graph by
/// itself) and turns mouse work into Document edits: drops from the palette or the file manager
/// add nodes, dragging from a port connects (compatible ports light up, a refusal says why),
/// dragging cards moves them (snapped to the grid), Delete removes the selection.
class PipelineScene : public QGraphicsScene {
    Q_OBJECT
public:
    /// Mime type a palette drag carries: the node type id, UTF-8.
    static constexpr const char* kNodeTypeMime = "application/x-oficina-node-type";
    static constexpr qreal kGrid = 20;
    /// The nearest grid point.
    [[nodiscard]] static QPointF snapped(QPointF point);

    explicit PipelineScene(Document& document, QObject* parent = nullptr);
    ~PipelineScene() override;

    [[nodiscard]] Document& document() const { return m_document; }
    [[nodiscard]] bool snapToGrid() const { return m_snap; }
    void setSnapToGrid(bool snap) { m_snap = snap; }

    [[nodiscard]] NodeItem* nodeItem(const QString& id) const { return m_nodes.value(id); }
    [[nodiscard]] CommentItem* commentItem(const QString& id) const { return m_comments.value(id); }
    [[nodiscard]] LinkItem* linkItem(const core::Link& link) const;
    [[nodiscard]] PortItem* portItem(const QString& node, const std::string& port,
                                     bool output) const;
    /// Ids of the selected nodes and comments, in graph order.
    [[nodiscard]] QStringList selectedIds() const;
    /// The selected node when exactly one is selected, else empty.
    [[nodiscard]] QString selectedNode() const;
    void selectItems(const QStringList& ids);

    // Edits from the user's gestures (also the entry points tests drive).
    /// Whether a drop of `mime` would add something.
    [[nodiscard]] bool canDrop(const QMimeData* mime) const;
    /// Adds nodes for a palette drag (node type) or for dropped data files (one loader each,
    /// CSV/TSV/ARFF); returns the new ids. A node card dropped near an edge of `visible` (the
    /// view's scene rectangle, when given) is moved in so that all of it, ports included, shows.
    QStringList drop(const QMimeData* mime, QPointF scenePos, const QRectF& visible = {});
    /// Removes the selected nodes, comments and links as one step.
    void deleteSelection();
    /// Ends a link drag started at `from` over `to` (either end may be the output): connects,
    /// or reports why not through statusMessage and returns false.
    bool connectPorts(const PortItem* from, const PortItem* to);

    // Run state, shown on the cards.
    void setNodeResult(const QString& node, const core::NodeResult& result);
    void setNodeProgress(const QString& node, double fraction);
    void markStale(const QStringList& nodes);
    void clearResults();

Q_SIGNALS:
    /// A message for the status bar (why a link was refused…).
    void statusMessage(const QString& text);
    /// The user double-clicked a node card.
    void nodeActivated(const QString& node);
    /// A context menu was asked for at `scenePos` (over `itemId`, or empty).
    void contextMenuRequested(const QString& itemId, QPointF scenePos, QPoint screenPos);

protected:
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent* event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent* event) override;
    void dropEvent(QGraphicsSceneDragDropEvent* event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;

private:
    void rebuild();
    void addNodeItem(const QString& id);
    void removeNodeItem(const QString& id);
    void addLinkItem(const core::Link& link);
    void removeLinkItem(const core::Link& link);
    void addCommentItem(const QString& id);
    void updateLinksOf(const QString& node);
    void beginLinkDrag(PortItem* port, QPointF scenePos);
    void endLinkDrag();
    void commitMoves();
    [[nodiscard]] PortItem* portAt(QPointF scenePos) const;

    Document& m_document;
    bool m_snap = true;
    QHash<QString, NodeItem*> m_nodes;
    QHash<QString, CommentItem*> m_comments;
    std::vector<LinkItem*> m_links;
    PortItem* m_dragPort = nullptr;
    QGraphicsPathItem* m_dragLine = nullptr;
};

} // namespace oficina::ui
