#include "document/commands/NodeCommands.h"

#include "document/Document.h"

#include <tuple>

namespace oficina::ui {

AddNodeCommand::AddNodeCommand(Document* document, core::Node node, const QString& text,
                               QUndoCommand* parent)
    : QUndoCommand(text, parent), m_document(document), m_node(std::move(node)) {}

// Appended on redo: the stack is in the same state as at the first redo, so it lands at the
// same index every time.
void AddNodeCommand::redo() { m_document->applyAddNode(m_node, -1); }

void AddNodeCommand::undo() { m_document->applyRemoveNode(QString::fromStdString(m_node.id)); }

RemoveNodeCommand::RemoveNodeCommand(Document* document, QString node, QUndoCommand* parent)
    : QUndoCommand(parent), m_document(document), m_id(std::move(node)) {}

void RemoveNodeCommand::redo() {
    std::tie(m_node, m_index) = m_document->applyRemoveNode(m_id);
}

void RemoveNodeCommand::undo() { m_document->applyAddNode(m_node, m_index); }

RenameNodeCommand::RenameNodeCommand(Document* document, QString node, std::string title,
                                     const QString& text)
    : QUndoCommand(text), m_document(document), m_id(std::move(node)), m_title(std::move(title)) {}

void RenameNodeCommand::swap() { m_title = m_document->applyTitle(m_id, std::move(m_title)); }

MoveItemsCommand::MoveItemsCommand(Document* document, std::vector<Move> moves,
                                   const QString& text)
    : QUndoCommand(text), m_document(document), m_moves(std::move(moves)) {}

void MoveItemsCommand::redo() {
    for (const auto& move : m_moves) m_document->applyPosition(move.id, move.to);
}

void MoveItemsCommand::undo() {
    for (const auto& move : m_moves) m_document->applyPosition(move.id, move.from);
}

} // namespace oficina::ui
