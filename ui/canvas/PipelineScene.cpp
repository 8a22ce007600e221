#include "canvas/PipelineScene.h"

#include "Translate.h"
#include "canvas/CommentItem.h"
#include "canvas/LinkItem.h"
#include "canvas/NodeItem.h"
#include "canvas/PortItem.h"
#include "document/Document.h"
#include "pipeline/NodeRegistry.h"

#include <QCursor>
#include <QFileInfo>
#include <QGraphicsPathItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QMimeData>
#include <QPainter>
#include <QToolTip>
#include <QUndoStack>
#include <QUrl>

#include <cmath>

namespace oficina::ui {

namespace {
constexpr const char* kLoaderType = "oficina.data.load_file";

QString qstr(const std::string& s) { return QString::fromStdString(s); }

bool isDataFile(const QUrl& url) {
    static const QStringList suffixes{"csv", "tsv", "txt", "tab", "arff"};
    return url.isLocalFile() && suffixes.contains(QFileInfo(url.toLocalFile()).suffix().toLower());
}

} // namespace

QPointF PipelineScene::snapped(QPointF point) {
    return {std::round(point.x() / kGrid) * kGrid, std::round(point.y() / kGrid) * kGrid};
}

PipelineScene::PipelineScene(Document& document, QObject* parent)
    : QGraphicsScene(parent), m_document(document) {
    setItemIndexMethod(NoIndex);  // few items, many moves
    connect(&document, &Document::graphReset, this, &PipelineScene::rebuild);
    connect(&document, &Document::nodeAdded, this, &PipelineScene::addNodeItem);
    connect(&document, &Document::nodeRemoved, this, &PipelineScene::removeNodeItem);
    connect(&document, &Document::nodeMoved, this, [this](const QString& id) {
        const core::Node* node = m_document.graph().node(id.toStdString());
        if (NodeItem* item = m_nodes.value(id); item && node)
            item->setModelPosition({node->position.x, node->position.y});
    });
    connect(&document, &Document::nodeRenamed, this, [this](const QString& id) {
        const core::Node* node = m_document.graph().node(id.toStdString());
        if (NodeItem* item = m_nodes.value(id); item && node) item->setTitle(qstr(node->title));
    });
    connect(&document, &Document::linkAdded, this, &PipelineScene::addLinkItem);
    connect(&document, &Document::linkRemoved, this, &PipelineScene::removeLinkItem);
    connect(&document, &Document::commentAdded, this, &PipelineScene::addCommentItem);
    connect(&document, &Document::commentRemoved, this, [this](const QString& id) {
        delete m_comments.take(id);
    });
    connect(&document, &Document::commentChanged, this, [this](const QString& id) {
        const core::Comment* comment = m_document.graph().comment(id.toStdString());
        if (CommentItem* item = m_comments.value(id); item && comment) item->setComment(*comment);
    });
    rebuild();
}

// Items die with the scene; nobody should hear about selections while they do.
PipelineScene::~PipelineScene() { blockSignals(true); }

void PipelineScene::rebuild() {
    endLinkDrag();
    // Deselect first: clear() deletes items one by one, and a selected item's deletion makes
    // selectionChanged listeners walk the items still being torn down.
    clearSelection();
    clear();
    m_nodes.clear();
    m_comments.clear();
    m_links.clear();
    for (const auto& node : m_document.graph().nodes()) addNodeItem(qstr(node.id));
    for (const auto& link : m_document.graph().links()) addLinkItem(link);
    for (const auto& comment : m_document.graph().comments()) addCommentItem(qstr(comment.id));
}

void PipelineScene::addNodeItem(const QString& id) {
    const core::Node* node = m_document.graph().node(id.toStdString());
    if (!node || m_nodes.contains(id)) return;
    auto* item = new NodeItem(*node, m_document.registry().find(node->type));
    addItem(item);
    m_nodes.insert(id, item);
    connect(item, &NodeItem::moved, this, [this, id] { updateLinksOf(id); });
}

void PipelineScene::removeNodeItem(const QString& id) {
    std::erase_if(m_links, [&](LinkItem* link) {
        if (qstr(link->link().from.node) != id && qstr(link->link().to.node) != id) return false;
        delete link;
        return true;
    });
    if (m_dragPort && m_dragPort->node() == id) endLinkDrag();
    delete m_nodes.take(id);
}

void PipelineScene::addLinkItem(const core::Link& link) {
    const NodeItem* from = m_nodes.value(qstr(link.from.node));
    const NodeItem* to = m_nodes.value(qstr(link.to.node));
    if (!from || !to) return;
    const PortItem* port = from->port(link.from.port, true);
    auto* item = new LinkItem(link, port ? port->spec().type : core::PortType::Table);
    item->setEnds(from->portPosition(link.from.port, true), to->portPosition(link.to.port, false));
    addItem(item);
    m_links.push_back(item);
}

void PipelineScene::removeLinkItem(const core::Link& link) {
    std::erase_if(m_links, [&](LinkItem* item) {
        if (item->link() != link) return false;
        delete item;
        return true;
    });
}

void PipelineScene::addCommentItem(const QString& id) {
    const core::Comment* comment = m_document.graph().comment(id.toStdString());
    if (!comment || m_comments.contains(id)) return;
    auto* item = new CommentItem(*comment);
    addItem(item);
    m_comments.insert(id, item);
    connect(item, &CommentItem::textEdited, &m_document, &Document::setCommentText);
    connect(item, &CommentItem::resized, this, [this](const QString& c, QPointF p, QSizeF s) {
        m_document.setCommentGeometry(c, {p.x(), p.y()}, s.width(), s.height());
    });
}

void PipelineScene::updateLinksOf(const QString& node) {
    for (LinkItem* item : m_links) {
        const core::Link& l = item->link();
        if (qstr(l.from.node) != node && qstr(l.to.node) != node) continue;
        const NodeItem* from = m_nodes.value(qstr(l.from.node));
        const NodeItem* to = m_nodes.value(qstr(l.to.node));
        if (from && to)
            item->setEnds(from->portPosition(l.from.port, true), to->portPosition(l.to.port, false));
    }
}

LinkItem* PipelineScene::linkItem(const core::Link& link) const {
    for (LinkItem* item : m_links)
        if (item->link() == link) return item;
    return nullptr;
}

PortItem* PipelineScene::portItem(const QString& node, const std::string& port,
                                  bool output) const {
    const NodeItem* item = m_nodes.value(node);
    return item ? item->port(port, output) : nullptr;
}

QStringList PipelineScene::selectedIds() const {
    QStringList ids;
    for (const auto& n : m_document.graph().nodes())
        if (const NodeItem* item = m_nodes.value(qstr(n.id)); item && item->isSelected())
            ids << qstr(n.id);
    for (const auto& c : m_document.graph().comments())
        if (const CommentItem* item = m_comments.value(qstr(c.id)); item && item->isSelected())
            ids << qstr(c.id);
    return ids;
}

QString PipelineScene::selectedNode() const {
    QString found;
    for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it)
        if (it.value()->isSelected()) {
            if (!found.isEmpty()) return {};
            found = it.key();
        }
    return found;
}

void PipelineScene::selectItems(const QStringList& ids) {
    clearSelection();
    for (const QString& id : ids) {
        if (NodeItem* node = m_nodes.value(id)) node->setSelected(true);
        if (CommentItem* comment = m_comments.value(id)) comment->setSelected(true);
    }
}

// ---- drops ----

bool PipelineScene::canDrop(const QMimeData* mime) const {
    if (!mime) return false;
    if (mime->hasFormat(kNodeTypeMime))
        return m_document.registry().find(mime->data(kNodeTypeMime).toStdString()) != nullptr;
    if (!m_document.registry().find(kLoaderType)) return false;
    const QList<QUrl> urls = mime->urls();
    return std::any_of(urls.begin(), urls.end(), isDataFile);
}

QStringList PipelineScene::drop(const QMimeData* mime, QPointF scenePos, const QRectF& visible) {
    QStringList added;
    if (!canDrop(mime)) return added;
    // The card's title bar lands under the cursor.
    QPointF origin = snapped(scenePos - QPointF(NodeItem::kWidth / 2, 20));
    if (mime->hasFormat(kNodeTypeMime)) {
        const std::string type = mime->data(kNodeTypeMime).toStdString();
        const core::NodeSpec* spec = m_document.registry().find(type);
        if (spec && !visible.isEmpty()) {
            // A whole grid step inside the edges, so snapping cannot push it out again.
            const QRectF room = visible.adjusted(kGrid, kGrid, -kGrid, -kGrid);
            const size_t ports = std::max(spec->inputs.size(), spec->outputs.size());
            const QSizeF card(NodeItem::kWidth, NodeItem::heightFor(ports, false));
            origin.setX(std::max(room.left(), std::min(origin.x(), room.right() - card.width())));
            origin.setY(std::max(room.top(), std::min(origin.y(), room.bottom() - card.height())));
            origin = snapped(origin);
        }
        const QString id = m_document.addNode(type, {origin.x(), origin.y()});
        if (!id.isEmpty()) added << id;
    } else {
        QPointF at = origin;
        for (const QUrl& url : mime->urls()) {
            if (!isDataFile(url)) continue;
            const QFileInfo file(url.toLocalFile());
            core::ParamValues params;
            params.set("file", file.absoluteFilePath().toStdString());
            added << m_document.addNode(kLoaderType, {at.x(), at.y()}, params,
                                        file.fileName().toStdString());
            at += QPointF(0, 120);
        }
    }
    selectItems(added);
    return added;
}

void PipelineScene::dragEnterEvent(QGraphicsSceneDragDropEvent* event) {
    event->setAccepted(canDrop(event->mimeData()));
    if (event->isAccepted()) event->setDropAction(Qt::CopyAction);
}

void PipelineScene::dragMoveEvent(QGraphicsSceneDragDropEvent* event) {
    event->setAccepted(canDrop(event->mimeData()));
    if (event->isAccepted()) event->setDropAction(Qt::CopyAction);
}

void PipelineScene::dropEvent(QGraphicsSceneDragDropEvent* event) {
    QRectF visible;
    if (const auto* view = event->widget()
                               ? qobject_cast<const QGraphicsView*>(event->widget()->parentWidget())
                               : nullptr)
        visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    if (drop(event->mimeData(), event->scenePos(), visible).isEmpty()) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

// ---- deleting ----

void PipelineScene::deleteSelection() {
    const QStringList ids = selectedIds();
    std::vector<core::Link> links;
    for (LinkItem* item : m_links)
        if (item->isSelected() && !ids.contains(qstr(item->link().from.node)) &&
            !ids.contains(qstr(item->link().to.node)))
            links.push_back(item->link());
    if (ids.isEmpty() && links.size() == 1) {
        m_document.disconnectLink(links[0]);
        return;
    }
    if (links.empty()) {
        m_document.removeItems(ids);
        return;
    }
    m_document.undoStack()->beginMacro(tr("Delete %n items", nullptr, int(ids.size() + links.size())));
    for (const auto& link : links) m_document.disconnectLink(link);
    m_document.removeItems(ids);
    m_document.undoStack()->endMacro();
}

// ---- link dragging ----

PortItem* PipelineScene::portAt(QPointF scenePos) const {
    for (QGraphicsItem* item : items(scenePos))
        if (item->type() == PortItem::Type) return static_cast<PortItem*>(item);
    return nullptr;
}

void PipelineScene::beginLinkDrag(PortItem* port, QPointF scenePos) {
    m_dragPort = port;
    m_dragLine = addPath(LinkItem::curve(port->anchor(), scenePos),
                         QPen(portColor(port->spec().type), 2, Qt::DashLine, Qt::RoundCap));
    m_dragLine->setZValue(5);
    // Light up every port this one could be linked to; dim the others, with the reason.
    for (NodeItem* node : std::as_const(m_nodes))
        for (PortItem* other : node->ports()) {
            if (other->isOutput() == port->isOutput() || other->node() == port->node()) {
                other->setHighlight(PortItem::Highlight::Incompatible);
                continue;
            }
            const PortItem* out = port->isOutput() ? port : other;
            const PortItem* in = port->isOutput() ? other : port;
            const core::Link link{{out->node().toStdString(), out->spec().name},
                                  {in->node().toStdString(), in->spec().name}};
            const auto why = core::connectRejects(m_document.graph(), m_document.registry(), link);
            other->setHighlight(why ? PortItem::Highlight::Incompatible
                                    : PortItem::Highlight::Compatible,
                                why ? trMessage(*why) : QString());
        }
}

void PipelineScene::endLinkDrag() {
    m_dragPort = nullptr;
    delete m_dragLine;
    m_dragLine = nullptr;
    for (NodeItem* node : std::as_const(m_nodes))
        for (PortItem* port : node->ports()) port->setHighlight(PortItem::Highlight::None);
}

bool PipelineScene::connectPorts(const PortItem* from, const PortItem* to) {
    if (!from || !to || from == to) return false;
    QString reason;
    if (from->isOutput() == to->isOutput()) {
        reason = from->isOutput() ? tr("both ports are outputs; link an output to an input")
                                  : tr("both ports are inputs; link an output to an input");
    } else {
        const PortItem* out = from->isOutput() ? from : to;
        const PortItem* in = from->isOutput() ? to : from;
        const auto why = m_document.connectPorts({{out->node().toStdString(), out->spec().name},
                                                  {in->node().toStdString(), in->spec().name}});
        if (!why) return true;
        reason = trMessage(*why);
    }
    const QString text = tr("Cannot connect: %1").arg(reason);
    Q_EMIT statusMessage(text);
    QToolTip::showText(QCursor::pos(), text);
    return false;
}

// ---- mouse ----

void PipelineScene::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        if (PortItem* port = portAt(event->scenePos())) {
            beginLinkDrag(port, event->scenePos());
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
}

void PipelineScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event) {
    if (m_dragPort) {
        const PortItem* target = portAt(event->scenePos());
        const QPointF end = target && target->highlight() == PortItem::Highlight::Compatible
                                ? target->anchor()
                                : event->scenePos();
        m_dragLine->setPath(m_dragPort->isOutput() ? LinkItem::curve(m_dragPort->anchor(), end)
                                                   : LinkItem::curve(end, m_dragPort->anchor()));
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void PipelineScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
    if (m_dragPort) {
        PortItem* from = m_dragPort;
        PortItem* to = portAt(event->scenePos());
        endLinkDrag();
        if (to && to != from) connectPorts(from, to);
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton) commitMoves();
}

void PipelineScene::commitMoves() {
    QHash<QString, core::Position> positions;
    for (const auto& n : m_document.graph().nodes())
        if (const NodeItem* item = m_nodes.value(qstr(n.id));
            item && item->pos() != QPointF(n.position.x, n.position.y))
            positions.insert(qstr(n.id), {item->pos().x(), item->pos().y()});
    for (const auto& c : m_document.graph().comments())
        if (const CommentItem* item = m_comments.value(qstr(c.id));
            item && item->pos() != QPointF(c.position.x, c.position.y))
            positions.insert(qstr(c.id), {item->pos().x(), item->pos().y()});
    if (!positions.isEmpty()) m_document.moveItems(positions);
}

void PipelineScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) {
    for (QGraphicsItem* item : items(event->scenePos()))
        if (item->type() == NodeItem::Type) {
            Q_EMIT nodeActivated(static_cast<NodeItem*>(item)->id());
            return;
        }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void PipelineScene::contextMenuEvent(QGraphicsSceneContextMenuEvent* event) {
    QString id;
    for (QGraphicsItem* item : items(event->scenePos())) {
        if (item->type() == NodeItem::Type) id = static_cast<NodeItem*>(item)->id();
        else if (item->type() == CommentItem::Type) id = static_cast<CommentItem*>(item)->id();
        else continue;
        if (!item->isSelected()) selectItems({id});
        break;
    }
    Q_EMIT contextMenuRequested(id, event->scenePos(), event->screenPos());
    event->accept();
}

// ---- results ----

void PipelineScene::setNodeResult(const QString& node, const core::NodeResult& result) {
    if (NodeItem* item = m_nodes.value(node)) item->setResult(result);
}

void PipelineScene::setNodeProgress(const QString& node, double fraction) {
    if (NodeItem* item = m_nodes.value(node)) item->setProgress(fraction);
}

void PipelineScene::markStale(const QStringList& nodes) {
    for (const QString& id : nodes)
        if (NodeItem* item = m_nodes.value(id)) item->setStale();
}

void PipelineScene::clearResults() {
    for (NodeItem* item : std::as_const(m_nodes)) item->clearResult();
}

void PipelineScene::drawBackground(QPainter* painter, const QRectF& rect) {
    painter->fillRect(rect, QColor(0xf4, 0xf5, 0xf7));
    const qreal g = kGrid;
    QVector<QLineF> minor, major;
    const qreal left = std::floor(rect.left() / g) * g;
    const qreal top = std::floor(rect.top() / g) * g;
    for (qreal x = left; x < rect.right(); x += g)
        (std::fmod(std::abs(x), 5 * g) < 0.5 ? major : minor)
            .append(QLineF(x, rect.top(), x, rect.bottom()));
    for (qreal y = top; y < rect.bottom(); y += g)
        (std::fmod(std::abs(y), 5 * g) < 0.5 ? major : minor)
            .append(QLineF(rect.left(), y, rect.right(), y));
    painter->setPen(QPen(QColor(0xe8, 0xea, 0xee), 0));
    painter->drawLines(minor);
    painter->setPen(QPen(QColor(0xdc, 0xdf, 0xe4), 0));
    painter->drawLines(major);
}

} // namespace oficina::ui
