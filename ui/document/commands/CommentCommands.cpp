#include "document/commands/CommentCommands.h"

#include "document/Document.h"

#include <tuple>
#include "document/commands/CommandId.h"

namespace oficina::ui {

AddCommentCommand::AddCommentCommand(Document* document, core::Comment comment,
                                     const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent), m_document(document), m_comment(std::move(comment)) {}

void AddCommentCommand::redo() { m_document->applyAddComment(m_comment, -1); }

void AddCommentCommand::undo() {
    m_document->applyRemoveComment(QString::fromStdString(m_comment.id));
}

RemoveCommentCommand::RemoveCommentCommand(Document* document, QString comment,
                                           QUndoCommand* parent)
    : QUndoCommand(parent), m_document(document), m_id(std::move(comment)) {}

void RemoveCommentCommand::redo() {
    std::tie(m_comment, m_index) = m_document->applyRemoveComment(m_id);
}

void RemoveCommentCommand::undo() { m_document->applyAddComment(m_comment, m_index); }

EditCommentCommand::EditCommentCommand(Document* document, core::Comment comment,
                                       const QString& text)
    : QUndoCommand(text), m_document(document), m_comment(std::move(comment)) {}

int EditCommentCommand::id() const { return int(CommandId::EditComment); }

void EditCommentCommand::swap() { m_comment = m_document->applyComment(std::move(m_comment)); }

bool EditCommentCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const EditCommentCommand*>(other);
    if (next->m_comment.id != m_comment.id) return false;
    const core::Comment* now = m_document->graph().comment(m_comment.id);
    setObsolete(now && *now == m_comment);
    return true;
}

} // namespace oficina::ui
