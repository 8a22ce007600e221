#pragma once

#include "pipeline/Graph.h"

#include <QUndoCommand>

namespace oficina::ui {

class Document;

/// Adds a link (checked by Document::connectPorts before it is pushed).
class ConnectCommand final : public QUndoCommand {
public:
    ConnectCommand(Document* document, core::Link link, const QString& text,
                   QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document* m_document;
    core::Link m_link;
};

/// Removes a link; undo puts it back at its former index, so the file keeps its order.
class DisconnectCommand final : public QUndoCommand {
public:
    DisconnectCommand(Document* document, core::Link link, const QString& text,
                      QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Document* m_document;
    core::Link m_link;
    int m_index = -1;
};

} // namespace oficina::ui
