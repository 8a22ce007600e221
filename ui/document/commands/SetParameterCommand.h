#pragma once

#include "pipeline/Parameter.h"

#include <QUndoCommand>

namespace oficina::ui {

class Document;

/// Sets one parameter of one node (Tiled's ChangeValue): redo and undo swap the stored value
/// with the graph's. Consecutive edits of the same parameter merge into one step, which becomes
/// obsolete (and leaves the stack) when the net change is zero.
class SetParameterCommand final : public QUndoCommand {
public:
    SetParameterCommand(Document* document, QString node, std::string key, core::Value value,
                        const QString& text);
    [[nodiscard]] int id() const override;
    void redo() override { swap(); }
    void undo() override { swap(); }
    bool mergeWith(const QUndoCommand* other) override;

private:
    void swap();
    Document* m_document;
    QString m_node;
    std::string m_key;
    core::Value m_value;
};

} // namespace oficina::ui
