#pragma once

#include "pipeline/Parameter.h"
#include "util/Message.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oficina::core {

class NodeRegistry;

struct Position {
    double x = 0;
    double y = 0;
    bool operator==(const Position&) const = default;
};

struct Node {
    std::string id;     ///< unique in the graph; letters, digits, '_' and '-'
    std::string type;   ///< NodeSpec::type
    std::string title;  ///< user's name for it; empty = the type's title
    Position position;
    ParamValues params;
};

struct PortRef {
    std::string node;
    std::string port;
    [[nodiscard]] std::string text() const { return node + "." + port; }
    /// "node.port" → {node, port}; nothing if either part is empty or there is no dot.
    [[nodiscard]] static std::optional<PortRef> parse(std::string_view text);
    bool operator==(const PortRef&) const = default;
};

struct Link {
    PortRef from;  ///< an output port
    PortRef to;    ///< an input port
    bool operator==(const Link&) const = default;
};

/// A free-text note on the canvas (for teachers: "this step scales the features"). It takes no
/// part in a run; its id shares the namespace of node ids.
struct Comment {
    std::string id;
    std::string text;
    Position position;  ///< top-left corner
    double width = 240;
    double height = 120;
    bool operator==(const Comment&) const = default;
};

/// A problem found in a graph, naming the node it belongs to (empty for the graph as a whole).
struct GraphIssue {
    std::string node;
    Message message;
};

/// The pipeline as data: nodes and links, in insertion order (which files keep). A value type:
/// the executor runs a copy, so the ui can go on editing its own.
class Graph {
public:
    [[nodiscard]] const std::vector<Node>& nodes() const { return m_nodes; }
    [[nodiscard]] const std::vector<Link>& links() const { return m_links; }
    [[nodiscard]] const Node* node(const std::string& id) const;
    [[nodiscard]] Node* node(const std::string& id);

    /// Throws Error if the id is taken or malformed. `index` places it (for undo); -1 = append.
    void addNode(Node node, int index = -1);
    /// Removes the node and every link touching it; returns the node's former index.
    int removeNode(const std::string& id);
    /// Adds a link as is (see connectRejects for the checks); `index` as for addNode.
    void connect(Link link, int index = -1);
    /// Returns the link's former index, or -1 if there was none.
    int disconnect(const Link& link);
    /// Sets a parameter and returns the previous value (the undo pattern).
    Value setParameter(const std::string& node, const std::string& key, Value value);

    [[nodiscard]] const std::vector<Comment>& comments() const { return m_comments; }
    [[nodiscard]] const Comment* comment(const std::string& id) const;
    [[nodiscard]] Comment* comment(const std::string& id);
    /// Throws Error if the id is taken (by a node or a comment) or malformed; `index` as for
    /// addNode.
    void addComment(Comment comment, int index = -1);
    /// Returns the comment's former index, or -1 if there was none.
    int removeComment(const std::string& id);

    [[nodiscard]] std::vector<Link> linksOf(const std::string& node) const;
    [[nodiscard]] const Link* linkInto(const PortRef& input) const;
    /// A fresh id (not used by a node or a comment) from a base such as "split": "split", then
    /// "split_2", "split_3"…
    [[nodiscard]] std::string uniqueId(const std::string& base) const;
    /// Nodes in an order where every node comes after its inputs; nothing if there is a cycle.
    [[nodiscard]] std::optional<std::vector<std::string>> topologicalOrder() const;
    /// The given nodes (those that exist) and every node downstream of them, each once, in no
    /// particular order: what a run "from here" must recompute.
    [[nodiscard]] std::vector<std::string> downstreamOf(const std::vector<std::string>& ids) const;

    /// Folder that relative file parameters are resolved against (the pipeline file's folder).
    [[nodiscard]] const std::string& baseDirectory() const { return m_baseDirectory; }
    void setBaseDirectory(std::string dir) { m_baseDirectory = std::move(dir); }
    /// The pipeline's file name ("iris.oficina"), recorded in what a run writes (ONNX
    /// metadata); empty while the pipeline has never been saved.
    [[nodiscard]] const std::string& fileName() const { return m_fileName; }
    void setFileName(std::string name) { m_fileName = std::move(name); }
    /// Whether runs of this pipeline go to the run store (core/track); on unless the user
    /// turned it off for this pipeline. Saved in the file.
    [[nodiscard]] bool recordRuns() const { return m_recordRuns; }
    void setRecordRuns(bool record) { m_recordRuns = record; }

private:
    std::vector<Node> m_nodes;
    std::vector<Link> m_links;
    std::vector<Comment> m_comments;
    std::string m_baseDirectory;
    std::string m_fileName;
    bool m_recordRuns = true;
};

/// Why this link may not be added (unknown node or port, wrong direction, port types differ,
/// input already fed, a cycle), or nothing.
std::optional<Message> connectRejects(const Graph& graph, const NodeRegistry& registry,
                                      const Link& link);

/// Everything wrong with the graph as a whole: unknown types, unknown or invalid parameters,
/// dangling links, port type mismatches, inputs fed twice, required inputs left open, cycles.
std::vector<GraphIssue> validateGraph(const Graph& graph, const NodeRegistry& registry);

/// "Standard scaler (scale1)": the user's title or the type's, with the id.
std::string nodeLabel(const Node& node, const NodeRegistry& registry);

} // namespace oficina::core
