#pragma once

#include "pipeline/Graph.h"

#include <QGraphicsObject>

class QGraphicsTextItem;

namespace oficina::ui {

class CommentText;

/// A free-text note on the canvas. Double-click edits the text (committed when the editor loses
/// focus); the grip at the bottom-right corner resizes it. Changes go to the document through
/// the scene; the item shows what the document holds.
class CommentItem : public QGraphicsObject {
    Q_OBJECT
public:
    explicit CommentItem(const core::Comment& comment, QGraphicsItem* parent = nullptr);

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
               QWidget* widget) override;

    [[nodiscard]] const QString& id() const { return m_id; }
    [[nodiscard]] QString text() const;
    [[nodiscard]] QSizeF size() const { return m_size; }
    /// Shows the document's state of the comment.
    void setComment(const core::Comment& comment);
    /// Starts editing the text (double-click does the same).
    void startEditing();
    [[nodiscard]] bool isEditing() const;

    static constexpr int Type = UserType + 4;
    [[nodiscard]] int type() const override { return Type; }

Q_SIGNALS:
    void textEdited(const QString& id, const QString& text);
    void resized(const QString& id, QPointF position, QSizeF size);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    friend class CommentText;
    void finishEditing();
    [[nodiscard]] QRectF gripRect() const;
    void layoutText();

    QString m_id;
    QSizeF m_size;
    CommentText* m_text = nullptr;
    bool m_resizing = false;
    bool m_fromModel = false;
};

} // namespace oficina::ui
