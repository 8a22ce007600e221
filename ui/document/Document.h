#pragma once

#include "pipeline/Graph.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QUndoStack;

namespace oficina::core {
class NodeRegistry;
struct NodeSpec;
}

namespace oficina::ui {

/// The open pipeline: owns the core::Graph and the QUndoStack. Every user edit goes through one
/// of the edit functions below, which push a named, undoable command; the commands call the
/// apply* mutators, which change the graph and emit the signals the canvas and panels follow.
/// Lives on the UI thread.
class Document : public QObject {
    Q_OBJECT
public:
    /// Mime type of copied pipeline fragments (the text is a pipeline file).
    static constexpr const char* kClipboardMime = "application/x-oficina-pipeline";

    explicit Document(const core::NodeRegistry& registry, QObject* parent = nullptr);
    ~Document() override;

    [[nodiscard]] const core::Graph& graph() const { return m_graph; }
    [[nodiscard]] const core::NodeRegistry& registry() const { return m_registry; }
    [[nodiscard]] QUndoStack* undoStack() const { return m_undoStack; }
    /// Grows with every change of the graph (edits, undo, redo, load): results carry it.
    [[nodiscard]] quint64 revision() const { return m_revision; }

    // Files.
    /// The file the document was loaded from or saved to; empty for a new pipeline.
    [[nodiscard]] const QString& path() const { return m_path; }
    /// Whether there are changes since the last load or save.
    [[nodiscard]] bool isModified() const;
    /// An empty pipeline, no undo history.
    void clear();
    /// Replaces the graph with a file's; throws core::Error (the graph is kept on failure).
    void load(const QString& path);
    /// Opens a file as a new, untitled and unmodified pipeline (a bundled example): Save asks
    /// where, and relative paths (an export's output file) resolve in `workDirectory`, since
    /// the original's folder may be read-only. `localTitle`, when given, gives each node title
    /// of the file in the interface's language. Throws core::Error (the graph is kept).
    void loadTemplate(const QString& path, const QString& workDirectory,
                      const std::function<QString(const QString&)>& localTitle = {});
    /// Writes the pipeline atomically and marks the document unmodified; throws core::Error.
    void save(const QString& path);
    /// Writes the pipeline to a file without changing path or modified state (autosave).
    void saveCopy(const QString& path) const;
    /// Replaces the graph (recovery): `path` becomes the document's path, and the document
    /// counts as modified until saved.
    void replaceGraph(core::Graph graph, const QString& path);
    /// Whether runs of the pipeline are recorded in the run store (saved in the file). A
    /// setting, not an edit of the graph: not undoable, but the document counts as modified.
    void setRecordRuns(bool record);
    /// The canonical pipeline text of the current graph.
    [[nodiscard]] QString serialized() const;
    /// "Logistic regression" or the user's title for a node; the id if there is no such node.
    [[nodiscard]] QString nodeTitle(const QString& node) const;
    /// The node's type, or nullptr if there is no such node or its type is unknown.
    [[nodiscard]] const core::NodeSpec* nodeSpec(const QString& node) const;

    // Undoable edits (menu text names the action, e.g. "Set 'Clusters' of K-Means").
    /// Adds a node of `type` with default parameters (then `params` over them); returns its id.
    QString addNode(const std::string& type, core::Position position,
                    const core::ParamValues& params = {}, const std::string& title = {});
    /// Removes nodes and comments, with the links touching the nodes, as one step.
    void removeItems(const QStringList& ids);
    /// Moves nodes and comments as one step; nothing happens when no position changes.
    void moveItems(const QHash<QString, core::Position>& positions);
    /// Connects two ports, or says why not (core::connectRejects) and changes nothing.
    std::optional<core::Message> connectPorts(const core::Link& link);
    void disconnectLink(const core::Link& link);
    /// Sets a parameter; consecutive edits of the same parameter merge into one undo step, and
    /// an edit back to the original value leaves no step at all.
    void setParameter(const QString& node, const std::string& key, core::Value value);
    /// Sets the user's title of a node (empty = the type's title).
    void renameNode(const QString& node, const QString& title);
    /// A pipeline fragment (nodes among `ids`, the links between them, comments among `ids`).
    [[nodiscard]] QString copy(const QStringList& ids) const;
    /// Adds a fragment made by copy() with fresh ids, shifted by `offset`, as one step; returns
    /// the new ids. Throws core::Error for text that is not a pipeline.
    QStringList paste(const QString& text, core::Position offset);
    /// copy() + paste() a little below and to the right.
    QStringList duplicate(const QStringList& ids);
    /// Adds a comment box; returns its id.
    QString addComment(core::Position position, const QString& text);
    void setCommentText(const QString& comment, const QString& text);
    void setCommentGeometry(const QString& comment, core::Position position, double width,
                            double height);

    // Mutators for the undo commands (no undo of their own).
    void applyAddNode(core::Node node, int index);
    /// Removes a node (and its links); returns it and its former index.
    std::pair<core::Node, int> applyRemoveNode(const QString& node);
    void applyConnect(const core::Link& link, int index);
    /// Returns the link's former index.
    int applyDisconnect(const core::Link& link);
    /// Returns the previous value.
    core::Value applyParameter(const QString& node, const std::string& key, core::Value value);
    /// Moves a node or comment; returns its previous position.
    core::Position applyPosition(const QString& item, core::Position position);
    /// Returns the previous title.
    std::string applyTitle(const QString& node, std::string title);
    void applyAddComment(core::Comment comment, int index);
    std::pair<core::Comment, int> applyRemoveComment(const QString& comment);
    /// Replaces a comment's text and geometry; returns the previous state.
    core::Comment applyComment(core::Comment comment);

Q_SIGNALS:
    void nodeAdded(const QString& node);
    void nodeRemoved(const QString& node);
    void nodeMoved(const QString& node);
    void nodeRenamed(const QString& node);
    void parameterChanged(const QString& node, const QString& key);
    void linkAdded(const oficina::core::Link& link);
    void linkRemoved(const oficina::core::Link& link);
    void commentAdded(const QString& comment);
    void commentRemoved(const QString& comment);
    void commentChanged(const QString& comment);
    /// The whole graph was replaced (new, open, recover).
    void graphReset();
    /// After any change of the graph.
    void changed();
    void pathChanged(const QString& path);
    void modifiedChanged(bool modified);

private:
    void touch();
    void setPath(const QString& path);

    const core::NodeRegistry& m_registry;
    core::Graph m_graph;
    QUndoStack* m_undoStack = nullptr;
    quint64 m_revision = 0;
    QString m_path;
    bool m_forcedModified = false;
};

} // namespace oficina::ui
