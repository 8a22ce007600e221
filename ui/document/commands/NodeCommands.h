#pragma once

#include "pipeline/Graph.h"

#include <QUndoCommand>

namespace oficina::ui {

class Document;

// Commands hold ids and values, never scene items, and do nothing in their constructor:
// QUndoStack::push() calls redo(). Each one changes the document through its apply* mutators.

/// Adds a node (appended on first redo; undo removes it).
class AddNodeCommand final : public QUndoCommand {
public:
    AddNodeCommand(Document* document, core::Node node, const QString& text,
                   QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document* m_document;
    core::Node m_node;
};

/// Removes a node whose links are already gone (RemoveItems disconnects them first); undo puts
/// it back at its former index.
class RemoveNodeCommand final : public QUndoCommand {
public:
    RemoveNodeCommand(Document* document, QString node, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document* m_document;
    QString m_id;
    core::Node m_node;
    int m_index = -1;
};

/// Swaps a node's user title.
class RenameNodeCommand final : public QUndoCommand {
public:
    RenameNodeCommand(Document* document, QString node, std::string title, const QString& text);
    void redo() override { swap(); }
    void undo() override { swap(); }

private:
    void swap();
    Document* m_document;
    QString m_id;
    std::string m_title;
};

/// Moves nodes and comments between two sets of positions.
class MoveItemsCommand final : public QUndoCommand {
public:
    struct Move {
        QString id;
        core::Position from;
        core::Position to;
    };
    MoveItemsCommand(Document* document, std::vector<Move> moves, const QString& text);
    void redo() override;
    void undo() override;

private:
    Document* m_document;
    std::vector<Move> m_moves;
};

} // namespace oficina::ui
