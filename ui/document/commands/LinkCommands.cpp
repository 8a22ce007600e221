#include "document/commands/LinkCommands.h"

#include "document/Document.h"

namespace oficina::ui {

ConnectCommand::ConnectCommand(Document* document, core::Link link, const QString& text,
                               QUndoCommand* parent)
    : QUndoCommand(text, parent), m_document(document), m_link(std::move(link)) {}

void ConnectCommand::redo() { m_document->applyConnect(m_link, -1); }

void ConnectCommand::undo() { m_document->applyDisconnect(m_link); }

DisconnectCommand::DisconnectCommand(Document* document, core::Link link, const QString& text,
                                     QUndoCommand* parent)
    : QUndoCommand(text, parent), m_document(document), m_link(std::move(link)) {}

void DisconnectCommand::redo() { m_index = m_document->applyDisconnect(m_link); }

void DisconnectCommand::undo() { m_document->applyConnect(m_link, m_index); }

} // namespace oficina::ui
