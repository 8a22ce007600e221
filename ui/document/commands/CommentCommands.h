#pragma once

#include "pipeline/Graph.h"

#include <QUndoCommand>

namespace oficina::ui {

class Document;

/// Adds a comment box (appended; undo removes it).
class AddCommentCommand final : public QUndoCommand {
public:
    AddCommentCommand(Document* document, core::Comment comment, const QString& text,
                      QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document* m_document;
    core::Comment m_comment;
};

/// Removes a comment box; undo puts it back at its former index.
class RemoveCommentCommand final : public QUndoCommand {
public:
    RemoveCommentCommand(Document* document, QString comment, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document* m_document;
    QString m_id;
    core::Comment m_comment;
    int m_index = -1;
};

/// Replaces a comment's text and geometry; consecutive edits of one comment merge.
class EditCommentCommand final : public QUndoCommand {
public:
    EditCommentCommand(Document* document, core::Comment comment, const QString& text);
    [[nodiscard]] int id() const override;
    void redo() override { swap(); }
    void undo() override { swap(); }
    bool mergeWith(const QUndoCommand* other) override;

private:
    void swap();
    Document* m_document;
    core::Comment m_comment;
};

} // namespace oficina::ui
