// Graph editing and validation, and the *.oficina file: round trip and rejection cases.
#include "FakeNodes.h"

#include "data/Column.h"
#include "nodes/Nodes.h"
#include "pipeline/Graph.h"
#include "pipeline/PipelineFile.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace oficina::core;

namespace {

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const char* kValid = R"({
  "format": "oficina-pipeline", "version": 1,
  "nodes": [
    {"id": "src", "type": "test.source", "title": "My data", "position": [10, 20],
     "params": {"value": 2.5}},
    {"id": "add", "type": "test.add", "position": [200.5, 20], "params": {"delta": -1}}
  ],
  "links": [{"from": "src.out", "to": "add.in"}]
})";

/// A valid value other than the default, as a user would set it in the editor.
Value configuredValue(const Parameter& p) {
    Value v = p.defaultValue;
    switch (p.kind) {
    case ParamKind::Int: {
        const int64_t d = std::get<int64_t>(p.defaultValue);
        v = p.max && double(d + 1) > *p.max ? d - 1 : d + 1;
        break;
    }
    case ParamKind::Double: {
        const double d = std::get<double>(p.defaultValue);
        v = p.max && d + 0.5 > *p.max ? (p.min ? (*p.min + d) / 2 : d - 0.5) : d + 0.5;
        break;
    }
    case ParamKind::Bool: v = !std::get<bool>(p.defaultValue); break;
    case ParamKind::Choice:
        for (const auto& c : p.choices)
            if (c.key != std::get<std::string>(p.defaultValue)) v = c.key;
        break;
    case ParamKind::Column: v = std::string("petal width (cm)"); break;
    case ParamKind::Columns: v = std::vector<std::string>{"a", "b, c", "Ótimo"}; break;
    case ParamKind::Text: v = std::string("a \"quoted\"\nnote"); break;
    case ParamKind::File:
        v = std::string(p.writesFile ? "out/my model.onnx" : "data/my file.csv");
        break;
    case ParamKind::Layers: {
        auto layers = std::get<std::vector<std::string>>(p.defaultValue);
        std::reverse(layers.begin(), layers.end());
        v = layers;
        break;
    }
    }
    return p.rejects(v) ? p.defaultValue : v;
}

std::string errorOf(const std::string& text, const NodeRegistry& registry) {
    try {
        parsePipeline(text, registry, "old.oficina");
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

class PipelineFileTest : public QObject {
    Q_OBJECT

    NodeRegistry m_registry;
    NodeRegistry m_builtin;
    fake::RunCounter m_counter;

private Q_SLOTS:
    void initTestCase() {
        fake::registerFakeNodes(m_registry, m_counter);
        registerBuiltinNodes(m_builtin, {});
    }

    void everyNodeTypeRoundTrips_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("configured");
        for (const auto& spec : m_builtin.all()) {
            const QString type = QString::fromStdString(spec.type);
            QTest::newRow(qPrintable(type + " as added")) << type << false;
            QTest::newRow(qPrintable(type + " configured")) << type << true;
        }
    }

    /// Whatever the editor holds saves and reopens (issue 23): every registered node type as it
    /// is added (required files, columns and texts still empty) and with every parameter set;
    /// save → reopen → save is identical. An unconfigured node is the run's error, not the
    /// file's.
    void everyNodeTypeRoundTrips() {
        QFETCH(QString, type);
        QFETCH(bool, configured);
        const NodeSpec* spec = m_builtin.find(type.toStdString());
        QVERIFY(spec);
        Node node{"node", spec->type, "A title", {12.5, -3}, spec->defaults()};
        if (configured)
            for (const auto& p : spec->params) node.params.set(p.key, configuredValue(p));
        Graph graph;
        graph.addNode(node);

        QTemporaryDir dir;
        const std::string path = (dir.path() + "/saved.oficina").toStdString();
        savePipeline(graph, m_builtin, path);
        Graph reopened;
        try {
            reopened = loadPipeline(path, m_builtin);
        } catch (const Error& e) {
            QFAIL(e.what());
        }
        QCOMPARE(reopened.nodes().size(), size_t(1));
        QVERIFY(reopened.nodes()[0].params == node.params);
        QCOMPARE(serializePipeline(reopened, m_builtin), readAll(path));

        const auto issues = validateGraph(reopened, m_builtin);
        for (const auto& p : spec->params) {
            const auto why = p.rejects(node.params.at(p.key));
            if (!why) continue;
            QVERIFY2(std::any_of(issues.begin(), issues.end(),
                                 [&](const GraphIssue& i) { return i.message.english() ==
                                                                   why->english(); }),
                     why->english().c_str());
        }
    }

    void parsesAllFields() {
        const Graph g = parsePipeline(kValid, m_registry, "test.oficina");
        QCOMPARE(g.nodes().size(), size_t(2));
        QCOMPARE(g.nodes()[0].title, std::string("My data"));
        QCOMPARE(g.nodes()[0].position, (Position{10, 20}));
        QCOMPARE(g.nodes()[0].params.real("value"), 2.5);
        QCOMPARE(g.nodes()[1].params.real("delta"), -1.0);
        QCOMPARE(g.nodes()[1].params.text("column"), std::string());  // default filled in
        QCOMPARE(g.links().size(), size_t(1));
        QCOMPARE(g.links()[0].to.text(), std::string("add.in"));
    }

    void roundTripIsByteIdentical() {
        const std::string first =
            serializePipeline(parsePipeline(kValid, m_registry, "a"), m_registry);
        const std::string second =
            serializePipeline(parsePipeline(first, m_registry, "b"), m_registry);
        QCOMPARE(second, first);
    }

    void bundledExampleRoundTrips_data() {
        QTest::addColumn<QString>("file");
        const QDir examples(QStringLiteral(OFICINA_SOURCE_DIR "/resources/examples"));
        for (const QString& name : examples.entryList({"*.oficina"}, QDir::Files))
            QTest::newRow(qPrintable(name)) << examples.filePath(name);
    }

    /// Every bundled example is in canonical form (`oficina-cli format` writes it) and valid.
    void bundledExampleRoundTrips() {
        QFETCH(QString, file);
        const NodeRegistry& builtin = m_builtin;
        const std::string path = file.toStdString();
        QTemporaryDir dir;
        const std::string copy = (dir.path() + "/copy.oficina").toStdString();
        savePipeline(loadPipeline(path, builtin), builtin, copy);
        QCOMPARE(readAll(copy), readAll(path));
        QVERIFY(validateGraph(loadPipeline(copy, builtin), builtin).empty());
    }

    void aliasIsMigrated() {
        std::string text = kValid;
        text.replace(text.find("test.source"), 11, "test.old_source");
        const Graph g = parsePipeline(text, m_registry, "old.oficina");
        QCOMPARE(g.nodes()[0].type, std::string("test.source"));
    }

    void everyNodeTypeOpensAfterARenameAndAnUpgrade_data() {
        QTest::addColumn<QString>("type");
        for (const auto& spec : m_builtin.all())
            if (!spec.params.empty()) QTest::newRow(spec.type.c_str()) << QString::fromStdString(spec.type);
    }

    /// Users keep files across releases (issue 22): a version-1 file of every node type opens
    /// after its first parameter is renamed and the node's version raised. The value arrives
    /// under the new key, migrate() runs once with the file's version, and the file saves in
    /// the new form.
    void everyNodeTypeOpensAfterARenameAndAnUpgrade() {
        QFETCH(QString, type);
        const NodeSpec& spec = *m_builtin.find(type.toStdString());
        Node node{"node", spec.type, "", {0, 0}, spec.defaults()};
        for (const auto& p : spec.params) node.params.set(p.key, configuredValue(p));
        Graph graph;
        graph.addNode(node);
        const std::string saved = serializePipeline(graph, m_builtin);
        QVERIFY(saved.find("\"version\": 1") != std::string::npos);

        const std::string oldKey = spec.params.front().key;
        const std::string newKey = oldKey + "_renamed";
        std::vector<int> migratedFrom;
        NodeRegistry upgraded;
        for (NodeSpec s : m_builtin.all()) {
            if (s.type == spec.type) {
                s.version = 2;
                s.params.front() = s.params.front().formerly(oldKey);
                s.params.front().key = newKey;
                s.migrate = [&](ParamValues&, int fromVersion) {
                    migratedFrom.push_back(fromVersion);
                };
            }
            upgraded.add(std::move(s));
        }
        Graph reopened;
        try {
            reopened = parsePipeline(saved, upgraded, "old.oficina");
        } catch (const Error& e) {
            QFAIL(e.what());
        }
        const ParamValues& params = reopened.nodes().front().params;
        QVERIFY(!params.contains(oldKey));
        QVERIFY(params.at(newKey) == node.params.at(oldKey));
        QCOMPARE(migratedFrom, std::vector<int>{1});
        const std::string resaved = serializePipeline(reopened, upgraded);
        QVERIFY(resaved.find("\"" + newKey + "\"") != std::string::npos);
        QVERIFY(resaved.find("\"" + oldKey + "\"") == std::string::npos);
        QVERIFY(resaved.find("\"version\": 2") != std::string::npos);
        // The new form is current: it opens without another migration.
        (void)parsePipeline(resaved, upgraded, "new.oficina");
        QCOMPARE(migratedFrom.size(), size_t(1));
    }

    /// Ports keep former names too: links in older files still connect. A key given under both
    /// its names, or a migration that refuses, is an error naming the node.
    void renamedPortsAndFailedMigrations() {
        NodeRegistry renamed;
        for (NodeSpec s : m_registry.all()) {
            if (s.type == "test.source") {
                s.outputs.front().formerNames = {s.outputs.front().name};
                s.outputs.front().name = "table";
            }
            if (s.type == "test.add") {
                s.version = 2;
                s.params.front() = s.params.front().formerly("step");
                s.migrate = [](ParamValues& params, int) {
                    if (params.real("delta") > 50)
                        throw Error(Message("delta %1 has no meaning any more",
                                            {formatNumber(params.real("delta"))}));
                };
            }
            renamed.add(std::move(s));
        }
        const Graph g = parsePipeline(kValid, renamed, "old.oficina");
        QCOMPARE(g.links().size(), size_t(1));
        QCOMPARE(g.links().front().from.port, std::string("table"));

        std::string twice = kValid;
        twice.replace(twice.find("\"delta\": -1"), 11, "\"delta\": -1, \"step\": 2");
        QVERIFY2(errorOf(twice, renamed).find("node 'add': parameter 'delta' is given twice") !=
                     std::string::npos,
                 errorOf(twice, renamed).c_str());
        std::string refused = kValid;
        refused.replace(refused.find("\"delta\": -1"), 11, "\"step\": 60");
        QVERIFY2(errorOf(refused, renamed).find("node 'add': delta 60 has no meaning") !=
                     std::string::npos,
                 errorOf(refused, renamed).c_str());
    }

    void rejects_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << "{\"format\": \n  oops}" << "bad.oficina:2:3: not valid JSON";
        QTest::newRow("wrong format") << R"({"format": "x", "version": 1, "nodes": []})"
                                      << "not an Oficina pipeline";
        QTest::newRow("newer version") << R"({"format": "oficina-pipeline", "version": 2, "nodes": []})"
                                       << "format version 2 is not supported";
        QTest::newRow("no nodes") << R"({"format": "oficina-pipeline", "version": 1})"
                                  << "missing \"nodes\"";
        QTest::newRow("unknown type")
            << R"({"format": "oficina-pipeline", "version": 1, "nodes": [{"id": "n", "type": "test.nope"}]})"
            << "node 'n': unknown node type \"test.nope\"";
        QTest::newRow("unknown parameter")
            << R"({"format": "oficina-pipeline", "version": 1, "nodes": [{"id": "n", "type": "test.add", "params": {"detla": 1}}]})"
            << "node 'n': unknown parameter 'detla' for test.add";
        QTest::newRow("wrong value type")
            << R"({"format": "oficina-pipeline", "version": 1, "nodes": [{"id": "n", "type": "test.add", "params": {"delta": "one"}}]})"
            << "parameter 'delta' is \"one\"; expected a number";
        QTest::newRow("out of range")
            << R"({"format": "oficina-pipeline", "version": 1, "nodes": [{"id": "n", "type": "test.add", "params": {"delta": 1000}}]})"
            << "delta must be between -100 and 100, not 1000";
        QTest::newRow("newer node version")
            << R"({"format": "oficina-pipeline", "version": 1, "nodes": [{"id": "n", "type": "test.add", "version": 3}]})"
            << "node version 3 is newer";
        QTest::newRow("duplicate id")
            << R"({"format": "oficina-pipeline", "version": 1, "nodes": [{"id": "n", "type": "test.add"}, {"id": "n", "type": "test.add"}]})"
            << "node id 'n' is used twice";
        QTest::newRow("bad id")
            << R"({"format": "oficina-pipeline", "version": 1, "nodes": [{"id": "a.b", "type": "test.add"}]})"
            << "node id 'a.b' may only hold";
        QTest::newRow("unknown port")
            << R"({"format": "oficina-pipeline", "version": 1, "nodes": [{"id": "s", "type": "test.source"}, {"id": "a", "type": "test.add"}], "links": [{"from": "s.output", "to": "a.in"}]})"
            << "'s' has no output named 'output'";
        QTest::newRow("type mismatch")
            << R"({"format": "oficina-pipeline", "version": 1, "nodes": [{"id": "s", "type": "test.source"}, {"id": "m", "type": "test.model"}], "links": [{"from": "s.out", "to": "m.model"}]})"
            << "a table output cannot feed a model input";
        QTest::newRow("cycle")
            << R"({"format": "oficina-pipeline", "version": 1, "nodes": [{"id": "a", "type": "test.add"}, {"id": "b", "type": "test.add"}], "links": [{"from": "a.out", "to": "b.in"}, {"from": "b.out", "to": "a.in"}]})"
            << "this link would make a cycle";
        QTest::newRow("fed twice")
            << R"({"format": "oficina-pipeline", "version": 1, "nodes": [{"id": "s", "type": "test.source"}, {"id": "t", "type": "test.source"}, {"id": "a", "type": "test.add"}], "links": [{"from": "s.out", "to": "a.in"}, {"from": "t.out", "to": "a.in"}]})"
            << "input 'in' of 'a' is already connected";
        QTest::newRow("comments not a list")
            << R"({"format": "oficina-pipeline", "version": 1, "nodes": [], "comments": {}})"
            << "\"comments\" must be a list";
        QTest::newRow("comment without id")
            << R"({"format": "oficina-pipeline", "version": 1, "nodes": [], "comments": [{"text": "x"}]})"
            << "missing \"id\"";
        QTest::newRow("comment bad size")
            << R"({"format": "oficina-pipeline", "version": 1, "nodes": [], "comments": [{"id": "c", "size": [1]}]})"
            << "comment 'c': size must be [x, y]";
        QTest::newRow("comment id taken by a node")
            << R"({"format": "oficina-pipeline", "version": 1, "nodes": [{"id": "n", "type": "test.add"}], "comments": [{"id": "n"}]})"
            << "node id 'n' is used twice";
        QTest::newRow("bad link form")
            << R"({"format": "oficina-pipeline", "version": 1, "nodes": [], "links": [{"from": "s", "to": "a.in"}]})"
            << "link end \"s\" is not of the form";
    }

    void rejects() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        try {
            parsePipeline(text.toStdString(), m_registry, "bad.oficina");
            QFAIL("accepted a bad pipeline");
        } catch (const Error& e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(expected), e.what());
            QVERIFY2(QString::fromStdString(e.what()).startsWith("bad.oficina"), e.what());
        }
    }

    void missingFileIsAnError() {
        QVERIFY_THROWS_EXCEPTION(Error, loadPipeline("/nonexistent/x.oficina", m_registry));
    }

    void saveIsAtomic() {
        QTemporaryDir dir;
        const std::string path = (dir.path() + "/p.oficina").toStdString();
        std::ofstream(path) << "previous contents";
        const Graph g = parsePipeline(kValid, m_registry, "a");
        savePipeline(g, m_registry, path);
        QCOMPARE(readAll(path), serializePipeline(g, m_registry));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"p.oficina"});
        QVERIFY_THROWS_EXCEPTION(Error, savePipeline(g, m_registry, "/nonexistent/dir/p.oficina"));
    }

    void graphEditing() {
        Graph g = parsePipeline(kValid, m_registry, "a");
        QCOMPARE(g.uniqueId("add"), std::string("add_2"));
        QCOMPARE(g.uniqueId("k means!"), std::string("k_means_"));
        QCOMPARE(g.topologicalOrder().value(), (std::vector<std::string>{"src", "add"}));
        QCOMPARE(g.downstreamOf({"src"}), (std::vector<std::string>{"add", "src"}));
        QCOMPARE(g.downstreamOf({"add", "gone"}), std::vector<std::string>{"add"});
        const Value old = g.setParameter("add", "delta", 3.0);
        QCOMPARE(std::get<double>(old), -1.0);
        const int index = g.removeNode("src");
        QCOMPARE(index, 0);
        QVERIFY(g.links().empty());
        const auto issues = validateGraph(g, m_registry);
        QCOMPARE(issues.size(), size_t(1));
        QCOMPARE(issues[0].node, std::string("add"));
        QCOMPARE(issues[0].message.english(), std::string("input 'in' is not connected"));
    }

    void commentsRoundTrip() {
        // An old file has no "comments": it still loads, and saving it writes none.
        const Graph plain = parsePipeline(kValid, m_registry, "a");
        QVERIFY(plain.comments().empty());
        QVERIFY(serializePipeline(plain, m_registry).find("comments") == std::string::npos);

        Graph g = plain;
        g.addComment({"note", "Scale before fitting.\nÓtimo: \"quotes\"", {-40.5, 300}, 260, 90});
        g.addComment({g.uniqueId("note"), "", {0, 0}});
        QCOMPARE(g.comments()[1].id, std::string("note_2"));
        QVERIFY_THROWS_EXCEPTION(Error, g.addComment({"src", "clashes with a node"}));
        QVERIFY_THROWS_EXCEPTION(Error, g.addNode({"note", "test.add", "", {}, {}}));
        const std::string first = serializePipeline(g, m_registry);
        const Graph loaded = parsePipeline(first, m_registry, "b");
        QCOMPARE(loaded.comments().size(), size_t(2));
        QCOMPARE(loaded.comments()[0], g.comments()[0]);
        QCOMPARE(loaded.comments()[1].width, 240.0);
        QCOMPARE(serializePipeline(loaded, m_registry), first);

        QCOMPARE(g.removeComment("note"), 0);
        QCOMPARE(g.removeComment("note"), -1);
        QCOMPARE(g.comments().size(), size_t(1));
    }

    void connectRejectsReasons() {
        Graph g = parsePipeline(kValid, m_registry, "a");
        g.addNode({"m", "test.model", "", {}, {}});
        QVERIFY(connectRejects(g, m_registry, {{"src", "out"}, {"m", "model"}}).has_value());
        QVERIFY(connectRejects(g, m_registry, {{"add", "out"}, {"add", "in"}}).has_value());
        QVERIFY(connectRejects(g, m_registry, {{"src", "out"}, {"add", "in"}}).has_value());
        g.addNode({"add2", "test.add", "", {}, {}});
        QVERIFY(!connectRejects(g, m_registry, {{"add", "out"}, {"add2", "in"}}).has_value());
    }
};

QTEST_GUILESS_MAIN(PipelineFileTest)
#include "tst_pipelinefile.moc"
