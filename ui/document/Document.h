#pragma once

#include "pipeline/Graph.h"

#include <QObject>
#include <QString>

class QUndoStack;

namespace oficina::core {
class NodeRegistry;
}

namespace oficina::ui {

/// The open pipeline: owns the core::Graph and the QUndoStack. Every user edit goes through one
/// of the edit functions below, which push a named, undoable command; the commands call the
/// apply* mutators, which change the graph and emit the signals the canvas and panels follow.
/// Lives on the UI thread.
class Document : public QObject {
    Q_OBJECT
public:
    explicit Document(const core::NodeRegistry& registry, QObject* parent = nullptr);
    ~Document() override;

    [[nodiscard]] const core::Graph& graph() const { return m_graph; }
    [[nodiscard]] const core::NodeRegistry& registry() const { return m_registry; }
    [[nodiscard]] QUndoStack* undoStack() const { return m_undoStack; }
    /// Grows with every change of the graph (edits, undo, redo, load): results carry it.
    [[nodiscard]] quint64 revision() const { return m_revision; }

    // Undoable edits (menu text names the action, e.g. "Set 'Clusters' of K-Means").
    /// Adds a node of `type` with default parameters; returns its id.
    QString addNode(const std::string& type, core::Position position);
    /// Sets a parameter; consecutive edits of the same parameter merge into one undo step, and
    /// an edit back to the original value leaves no step at all.
    void setParameter(const QString& node, const std::string& key, core::Value value);

    // Mutators for the undo commands (no undo of their own).
    /// Returns the previous value.
    core::Value applyParameter(const QString& node, const std::string& key, core::Value value);

Q_SIGNALS:
    void nodeAdded(const QString& node);
    void nodeRemoved(const QString& node);
    void nodeMoved(const QString& node);
    void nodeRenamed(const QString& node);
    void parameterChanged(const QString& node, const QString& key);
    void linkAdded(const oficina::core::Link& link);
    void linkRemoved(const oficina::core::Link& link);
    /// The whole graph was replaced (new, open, recover).
    void graphReset();
    /// After any change of the graph.
    void changed();

private:
    const core::NodeRegistry& m_registry;
    core::Graph m_graph;
    QUndoStack* m_undoStack = nullptr;
    quint64 m_revision = 0;
};

} // namespace oficina::ui
