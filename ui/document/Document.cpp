#include "document/Document.h"

#include "Translate.h"
#include "document/commands/CommentCommands.h"
#include "document/commands/LinkCommands.h"
#include "document/commands/NodeCommands.h"
#include "document/commands/SetParameterCommand.h"
#include "pipeline/NodeRegistry.h"
#include "pipeline/PipelineFile.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <QFileInfo>
#include <QSet>
#include <QUndoStack>

#include <filesystem>
#include <utility>

namespace oficina::ui {

namespace {
std::string str(const QString& s) { return s.toStdString(); }
QString qstr(const std::string& s) { return QString::fromStdString(s); }

/// "kmeans" from "oficina.cluster.kmeans": the base of a new node's id.
std::string idBase(const std::string& type) {
    const auto dot = type.rfind('.');
    return dot == std::string::npos ? type : type.substr(dot + 1);
}
} // namespace

Document::Document(const core::NodeRegistry& registry, QObject* parent)
    : QObject(parent), m_registry(registry), m_undoStack(new QUndoStack(this)) {
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean || m_forcedModified); });
}

Document::~Document() = default;

bool Document::isModified() const { return m_forcedModified || !m_undoStack->isClean(); }

void Document::touch() {
    ++m_revision;
    Q_EMIT changed();
}

void Document::setPath(const QString& path) {
    if (path == m_path) return;
    m_path = path;
    Q_EMIT pathChanged(m_path);
}

void Document::clear() {
    replaceGraph({}, {});
    m_forcedModified = false;
    Q_EMIT modifiedChanged(false);
}

void Document::load(const QString& path) {
    core::Graph graph = core::loadPipeline(str(path), m_registry);
    replaceGraph(std::move(graph), QFileInfo(path).absoluteFilePath());
    m_forcedModified = false;
    Q_EMIT modifiedChanged(false);
}

void Document::loadTemplate(const QString& path, const QString& workDirectory,
                            const std::function<QString(const QString&)>& localTitle) {
    core::Graph graph = core::loadPipeline(str(path), m_registry);
    graph.setBaseDirectory(str(workDirectory));
    if (localTitle)
        for (const core::Node& node : graph.nodes())
            if (!node.title.empty())
                graph.node(node.id)->title = str(localTitle(qstr(node.title)));
    replaceGraph(std::move(graph), {});
    // The pipeline's name (ONNX metadata, window title) stays the example's.
    m_graph.setFileName(str(QFileInfo(path).fileName()));
    m_forcedModified = false;
    Q_EMIT modifiedChanged(false);
}

void Document::replaceGraph(core::Graph graph, const QString& path) {
    m_graph = std::move(graph);
    m_undoStack->clear();
    m_forcedModified = true;
    setPath(path);
    if (!path.isEmpty() && m_graph.baseDirectory().empty())
        m_graph.setBaseDirectory(str(QFileInfo(path).absolutePath()));
    m_graph.setFileName(str(QFileInfo(path).fileName()));
    Q_EMIT graphReset();
    touch();
    Q_EMIT modifiedChanged(isModified());
}

void Document::save(const QString& path) {
    core::savePipeline(m_graph, m_registry, str(path));
    // Relative file parameters now resolve against the new folder; keep the old base for the
    // graph only while it has no file of its own.
    if (m_graph.baseDirectory().empty())
        m_graph.setBaseDirectory(str(QFileInfo(path).absolutePath()));
    m_graph.setFileName(str(QFileInfo(path).fileName()));
    setPath(QFileInfo(path).absoluteFilePath());
    m_forcedModified = false;
    m_undoStack->setClean();
    Q_EMIT modifiedChanged(false);
}

void Document::saveCopy(const QString& path) const {
    core::savePipeline(m_graph, m_registry, str(path));
}

void Document::setRecordRuns(bool record) {
    if (record == m_graph.recordRuns()) return;
    m_graph.setRecordRuns(record);
    m_forcedModified = true;
    Q_EMIT modifiedChanged(true);
}

QString Document::serialized() const {
    return qstr(core::serializePipeline(m_graph, m_registry));
}

QString Document::nodeTitle(const QString& node) const {
    const core::Node* n = m_graph.node(str(node));
    if (!n) return node;
    if (!n->title.empty()) return qstr(n->title);
    const core::NodeSpec* spec = nodeSpec(node);
    return spec ? trCore(spec->title) : node;
}

const core::NodeSpec* Document::nodeSpec(const QString& node) const {
    const core::Node* n = m_graph.node(str(node));
    return n ? m_registry.find(n->type) : nullptr;
}

// ---- undoable edits ----

QString Document::addNode(const std::string& type, core::Position position,
                          const core::ParamValues& params, const std::string& title) {
    const core::NodeSpec* spec = m_registry.find(type);
    if (!spec) return {};
    core::Node node{m_graph.uniqueId(idBase(spec->type)), spec->type, title, position,
                    spec->defaults()};
    for (const auto& [key, value] : params.all()) node.params.set(key, value);
    const QString id = qstr(node.id);
    const QString name = title.empty() ? trCore(spec->title) : qstr(title);
    m_undoStack->push(new AddNodeCommand(this, std::move(node), tr("Add %1").arg(name)));
    return id;
}

void Document::removeItems(const QStringList& ids) {
    QStringList nodes, comments;
    for (const QString& id : ids) {
        if (m_graph.node(str(id)) && !nodes.contains(id)) nodes << id;
        else if (m_graph.comment(str(id)) && !comments.contains(id)) comments << id;
    }
    const qsizetype count = nodes.size() + comments.size();
    if (count == 0) return;
    const QString text = count == 1 ? tr("Delete %1").arg(nodes.isEmpty() ? tr("comment")
                                                                         : nodeTitle(nodes[0]))
                                    : tr("Delete %n items", nullptr, int(count));
    auto* macro = new QUndoCommand(text);
    // Links first, so each node leaves with nothing attached and undo restores link order.
    for (const auto& link : m_graph.links())
        if (nodes.contains(qstr(link.from.node)) || nodes.contains(qstr(link.to.node)))
            new DisconnectCommand(this, link, {}, macro);
    for (const QString& id : nodes) new RemoveNodeCommand(this, id, macro);
    for (const QString& id : comments) new RemoveCommentCommand(this, id, macro);
    m_undoStack->push(macro);
}

void Document::moveItems(const QHash<QString, core::Position>& positions) {
    std::vector<MoveItemsCommand::Move> moves;
    // In graph order, so the command does not depend on QHash's order.
    for (const auto& n : m_graph.nodes())
        if (auto it = positions.find(qstr(n.id)); it != positions.end() && *it != n.position)
            moves.push_back({qstr(n.id), n.position, *it});
    for (const auto& c : m_graph.comments())
        if (auto it = positions.find(qstr(c.id)); it != positions.end() && *it != c.position)
            moves.push_back({qstr(c.id), c.position, *it});
    if (moves.empty()) return;
    const QString text = moves.size() == 1 ? tr("Move %1").arg(m_graph.node(str(moves[0].id))
                                                                   ? nodeTitle(moves[0].id)
                                                                   : tr("comment"))
                                           : tr("Move %n items", nullptr, int(moves.size()));
    m_undoStack->push(new MoveItemsCommand(this, std::move(moves), text));
}

std::optional<core::Message> Document::connectPorts(const core::Link& link) {
    if (auto why = core::connectRejects(m_graph, m_registry, link)) return why;
    m_undoStack->push(new ConnectCommand(
        this, link,
        tr("Connect %1 to %2").arg(nodeTitle(qstr(link.from.node)), nodeTitle(qstr(link.to.node)))));
    return std::nullopt;
}

void Document::disconnectLink(const core::Link& link) {
    if (std::find(m_graph.links().begin(), m_graph.links().end(), link) == m_graph.links().end())
        return;
    m_undoStack->push(new DisconnectCommand(
        this, link,
        tr("Disconnect %1 from %2")
            .arg(nodeTitle(qstr(link.from.node)), nodeTitle(qstr(link.to.node)))));
}

void Document::setParameter(const QString& node, const std::string& key, core::Value value) {
    const core::Node* n = m_graph.node(str(node));
    if (!n) return;
    if (n->params.contains(key) && n->params.at(key) == value) return;
    const core::NodeSpec* spec = m_registry.find(n->type);
    const core::Parameter* p = spec ? spec->param(key) : nullptr;
    const QString label = p ? trCore(p->label) : qstr(key);
    m_undoStack->push(new SetParameterCommand(this, node, key, std::move(value),
                                              tr("Set '%1' of %2").arg(label, nodeTitle(node))));
}

void Document::renameNode(const QString& node, const QString& title) {
    const core::Node* n = m_graph.node(str(node));
    if (!n || n->title == str(title)) return;
    const QString before = nodeTitle(node);
    m_undoStack->push(new RenameNodeCommand(
        this, node, str(title),
        title.isEmpty() ? tr("Reset the name of %1").arg(before)
                        : tr("Rename %1 to '%2'").arg(before, title)));
}

QString Document::copy(const QStringList& ids) const {
    core::Graph fragment;
    for (const auto& n : m_graph.nodes())
        if (ids.contains(qstr(n.id))) fragment.addNode(n);
    for (const auto& l : m_graph.links())
        if (fragment.node(l.from.node) && fragment.node(l.to.node)) fragment.connect(l);
    for (const auto& c : m_graph.comments())
        if (ids.contains(qstr(c.id))) fragment.addComment(c);
    if (fragment.nodes().empty() && fragment.comments().empty()) return {};
    return qstr(core::serializePipeline(fragment, m_registry));
}

QStringList Document::paste(const QString& text, core::Position offset) {
    core::Graph fragment = core::parsePipeline(str(text), m_registry, "clipboard");
    if (fragment.nodes().empty() && fragment.comments().empty()) return {};
    // Fresh ids against the graph and against each other, and the links renamed to match.
    core::Graph taken = m_graph;
    std::map<std::string, std::string> renamed;
    QStringList ids;
    auto* macro = new QUndoCommand();
    // "logreg_2" copied again becomes "logreg_3", not "logreg_2_2".
    const auto base = [](std::string id) {
        const auto underscore = id.rfind('_');
        if (underscore != std::string::npos && underscore + 1 < id.size() &&
            id.find_first_not_of("0123456789", underscore + 1) == std::string::npos)
            id.resize(underscore);
        return id;
    };
    for (core::Node node : fragment.nodes()) {
        const std::string fresh = taken.uniqueId(base(node.id));
        renamed[node.id] = fresh;
        node.id = fresh;
        node.position = {node.position.x + offset.x, node.position.y + offset.y};
        taken.addNode(node);
        ids << qstr(fresh);
        new AddNodeCommand(this, std::move(node), {}, macro);
    }
    for (core::Link link : fragment.links()) {
        link.from.node = renamed.at(link.from.node);
        link.to.node = renamed.at(link.to.node);
        new ConnectCommand(this, link, {}, macro);
    }
    for (core::Comment comment : fragment.comments()) {
        comment.id = taken.uniqueId(base(comment.id));
        comment.position = {comment.position.x + offset.x, comment.position.y + offset.y};
        taken.addComment(comment);
        ids << qstr(comment.id);
        new AddCommentCommand(this, std::move(comment), {}, macro);
    }
    QString single = tr("comment");
    if (!fragment.nodes().empty()) {
        const core::Node& n = fragment.nodes()[0];
        const core::NodeSpec* spec = m_registry.find(n.type);
        single = !n.title.empty() ? qstr(n.title) : spec ? trCore(spec->title) : qstr(n.id);
    }
    macro->setText(ids.size() == 1 ? tr("Paste %1").arg(single)
                                    : tr("Paste %n items", nullptr, int(ids.size())));
    m_undoStack->push(macro);
    return ids;
}

QStringList Document::duplicate(const QStringList& ids) {
    const QString text = copy(ids);
    return text.isEmpty() ? QStringList{} : paste(text, {30, 30});
}

QString Document::addComment(core::Position position, const QString& text) {
    core::Comment comment{m_graph.uniqueId("comment"), str(text), position};
    const QString id = qstr(comment.id);
    m_undoStack->push(new AddCommentCommand(this, std::move(comment), tr("Add comment")));
    return id;
}

void Document::setCommentText(const QString& id, const QString& text) {
    const core::Comment* c = m_graph.comment(str(id));
    if (!c || c->text == str(text)) return;
    core::Comment next = *c;
    next.text = str(text);
    m_undoStack->push(new EditCommentCommand(this, std::move(next), tr("Edit comment")));
}

void Document::setCommentGeometry(const QString& id, core::Position position, double width,
                                  double height) {
    const core::Comment* c = m_graph.comment(str(id));
    if (!c) return;
    core::Comment next = *c;
    next.position = position;
    next.width = width;
    next.height = height;
    if (next == *c) return;
    m_undoStack->push(new EditCommentCommand(this, std::move(next), tr("Resize comment")));
}

// ---- mutators ----

void Document::applyAddNode(core::Node node, int index) {
    const QString id = qstr(node.id);
    m_graph.addNode(std::move(node), index);
    Q_EMIT nodeAdded(id);
    touch();
}

std::pair<core::Node, int> Document::applyRemoveNode(const QString& id) {
    const core::Node* n = m_graph.node(str(id));
    if (!n) return {{}, -1};
    core::Node copy = *n;
    // Links go first, each with its own signal, so followers never see a dangling link.
    for (const auto& link : m_graph.linksOf(copy.id)) {
        m_graph.disconnect(link);
        Q_EMIT linkRemoved(link);
    }
    const int index = m_graph.removeNode(copy.id);
    Q_EMIT nodeRemoved(id);
    touch();
    return {std::move(copy), index};
}

void Document::applyConnect(const core::Link& link, int index) {
    m_graph.connect(link, index);
    Q_EMIT linkAdded(link);
    touch();
}

int Document::applyDisconnect(const core::Link& link) {
    const int index = m_graph.disconnect(link);
    if (index >= 0) {
        Q_EMIT linkRemoved(link);
        touch();
    }
    return index;
}

core::Value Document::applyParameter(const QString& node, const std::string& key,
                                     core::Value value) {
    core::Value old = m_graph.setParameter(str(node), key, std::move(value));
    Q_EMIT parameterChanged(node, qstr(key));
    touch();
    return old;
}

core::Position Document::applyPosition(const QString& item, core::Position position) {
    if (core::Node* n = m_graph.node(str(item))) {
        const core::Position old = std::exchange(n->position, position);
        Q_EMIT nodeMoved(item);
        touch();
        return old;
    }
    if (core::Comment* c = m_graph.comment(str(item))) {
        const core::Position old = std::exchange(c->position, position);
        Q_EMIT commentChanged(item);
        touch();
        return old;
    }
    return position;
}

std::string Document::applyTitle(const QString& node, std::string title) {
    core::Node* n = m_graph.node(str(node));
    if (!n) return title;
    std::string old = std::exchange(n->title, std::move(title));
    Q_EMIT nodeRenamed(node);
    touch();
    return old;
}

void Document::applyAddComment(core::Comment comment, int index) {
    const QString id = qstr(comment.id);
    m_graph.addComment(std::move(comment), index);
    Q_EMIT commentAdded(id);
    touch();
}

std::pair<core::Comment, int> Document::applyRemoveComment(const QString& id) {
    const core::Comment* c = m_graph.comment(str(id));
    if (!c) return {{}, -1};
    core::Comment copy = *c;
    const int index = m_graph.removeComment(copy.id);
    Q_EMIT commentRemoved(id);
    touch();
    return {std::move(copy), index};
}

core::Comment Document::applyComment(core::Comment comment) {
    core::Comment* c = m_graph.comment(comment.id);
    if (!c) return comment;
    core::Comment old = std::exchange(*c, std::move(comment));
    Q_EMIT commentChanged(qstr(old.id));
    touch();
    return old;
}

} // namespace oficina::ui
