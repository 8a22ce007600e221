#include "document/commands/SetParameterCommand.h"

#include "document/Document.h"
#include "document/commands/CommandId.h"

namespace oficina::ui {

SetParameterCommand::SetParameterCommand(Document* document, QString node, std::string key,
                                         core::Value value, const QString& text)
    : QUndoCommand(text), m_document(document), m_node(std::move(node)), m_key(std::move(key)),
      m_value(std::move(value)) {}

int SetParameterCommand::id() const { return int(CommandId::SetParameter); }

void SetParameterCommand::swap() {
    m_value = m_document->applyParameter(m_node, m_key, std::move(m_value));
}

bool SetParameterCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const SetParameterCommand*>(other);
    if (next->m_node != m_node || next->m_key != m_key) return false;
    // After redo both commands hold the value they replaced: this one keeps the original, the
    // graph holds the newest. Equal means the edits cancel out.
    const auto& params = m_document->graph().node(m_node.toStdString())->params;
    setObsolete(params.contains(m_key) && params.at(m_key) == m_value);
    return true;
}

} // namespace oficina::ui
