#include "canvas/CommentItem.h"

#include "canvas/PipelineScene.h"

#include <QCursor>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsTextItem>
#include <QKeyEvent>
#include <QPainter>
#include <QTextCursor>
#include <QTextDocument>

#include <cmath>

namespace oficina::ui {

namespace {
constexpr qreal kGrip = 14;
constexpr qreal kPadding = 8;
constexpr QSizeF kMinimumSize(80, 40);
} // namespace

/// The text of a comment; tells its comment when editing ends.
class CommentText : public QGraphicsTextItem {
public:
    explicit CommentText(CommentItem* parent) : QGraphicsTextItem(parent), m_comment(parent) {}

protected:
    void focusOutEvent(QFocusEvent* event) override {
        QGraphicsTextItem::focusOutEvent(event);
        m_comment->finishEditing();
    }
    void keyPressEvent(QKeyEvent* event) override {
        if (event->key() == Qt::Key_Escape) {
            clearFocus();
            return;
        }
        QGraphicsTextItem::keyPressEvent(event);
    }

private:
    CommentItem* m_comment;
};

CommentItem::CommentItem(const core::Comment& comment, QGraphicsItem* parent)
    : QGraphicsObject(parent), m_id(QString::fromStdString(comment.id)) {
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setZValue(-2);  // under nodes and links
    m_text = new CommentText(this);
    m_text->setDefaultTextColor(QColor(0x3a, 0x34, 0x10));
    m_text->setPos(kPadding, kPadding);
    setComment(comment);
}

QRectF CommentItem::boundingRect() const {
    return QRectF(QPointF(-2, -2), m_size + QSizeF(4, 4));
}

QRectF CommentItem::gripRect() const {
    return QRectF(m_size.width() - kGrip, m_size.height() - kGrip, kGrip, kGrip);
}

void CommentItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(isSelected() ? QPen(QColor(0x30, 0x80, 0xe0), 2)
                                 : QPen(QColor(0xd6, 0xc3, 0x5a), 1));
    painter->setBrush(QColor(0xff, 0xf6, 0xc4, 235));
    painter->drawRoundedRect(QRectF(QPointF(0, 0), m_size), 4, 4);
    painter->setPen(QPen(QColor(0xb8, 0xa4, 0x40), 1));
    const QRectF g = gripRect();
    for (int i = 1; i <= 3; ++i)
        painter->drawLine(QPointF(g.right() - 3 * i - 1, g.bottom() - 2),
                          QPointF(g.right() - 2, g.bottom() - 3 * i - 1));
}

QString CommentItem::text() const { return m_text->toPlainText(); }

void CommentItem::layoutText() {
    m_text->setTextWidth(std::max<qreal>(10, m_size.width() - 2 * kPadding));
}

void CommentItem::setComment(const core::Comment& comment) {
    prepareGeometryChange();
    m_size = QSizeF(std::max(comment.width, kMinimumSize.width()),
                    std::max(comment.height, kMinimumSize.height()));
    const QString text = QString::fromStdString(comment.text);
    if (!isEditing() && m_text->toPlainText() != text) m_text->setPlainText(text);
    layoutText();
    m_fromModel = true;
    setPos(comment.position.x, comment.position.y);
    m_fromModel = false;
    update();
}

bool CommentItem::isEditing() const {
    return m_text->textInteractionFlags() & Qt::TextEditorInteraction;
}

void CommentItem::startEditing() {
    m_text->setTextInteractionFlags(Qt::TextEditorInteraction);
    m_text->setFocus(Qt::MouseFocusReason);
    QTextCursor cursor = m_text->textCursor();
    cursor.movePosition(QTextCursor::End);
    m_text->setTextCursor(cursor);
}

void CommentItem::finishEditing() {
    if (!isEditing()) return;
    m_text->setTextInteractionFlags(Qt::NoTextInteraction);
    QTextCursor cursor = m_text->textCursor();
    cursor.clearSelection();
    m_text->setTextCursor(cursor);
    Q_EMIT textEdited(m_id, m_text->toPlainText());
}

void CommentItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) {
    startEditing();
    event->accept();
}

void CommentItem::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    if (event->button() == Qt::LeftButton && gripRect().contains(event->pos())) {
        m_resizing = true;
        event->accept();
        return;
    }
    QGraphicsObject::mousePressEvent(event);
}

void CommentItem::mouseMoveEvent(QGraphicsSceneMouseEvent* event) {
    if (m_resizing) {
        prepareGeometryChange();
        m_size = QSizeF(std::max(event->pos().x(), kMinimumSize.width()),
                        std::max(event->pos().y(), kMinimumSize.height()));
        layoutText();
        update();
        return;
    }
    QGraphicsObject::mouseMoveEvent(event);
}

void CommentItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
    if (m_resizing) {
        m_resizing = false;
        Q_EMIT resized(m_id, pos(), m_size);
        return;
    }
    QGraphicsObject::mouseReleaseEvent(event);
}

void CommentItem::hoverMoveEvent(QGraphicsSceneHoverEvent* event) {
    setCursor(gripRect().contains(event->pos()) ? Qt::SizeFDiagCursor : Qt::ArrowCursor);
    QGraphicsObject::hoverMoveEvent(event);
}

QVariant CommentItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (change == ItemPositionChange && !m_fromModel) {
        const auto* pipeline = qobject_cast<PipelineScene*>(scene());
        if (pipeline && pipeline->snapToGrid()) return PipelineScene::snapped(value.toPointF());
    }
    return QGraphicsObject::itemChange(change, value);
}

} // namespace oficina::ui
