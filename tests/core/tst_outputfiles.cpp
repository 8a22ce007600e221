// Output files: which files a run would write (core/pipeline/OutputFiles.h), which of them would
// replace an existing file outside the pipeline's folder, and the paths written reaching the
// node's result (RunContext::wroteFile), so the CLI and the run log can show them.
#include "data/Table.h"
#include "nodes/Nodes.h"
#include "pipeline/Executor.h"
#include "pipeline/NodeRegistry.h"
#include "pipeline/OutputFiles.h"
#include "util/RunContext.h"
#include "util/SafeFile.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>

using namespace oficina::core;
namespace fs = std::filesystem;

namespace {

/// A node that writes its "path" and a .note file beside it, like the ONNX export and its card.
void registerWriter(NodeRegistry& registry) {
    registry.add({.type = "test.writer",
                  .title = "Writer",
                  .category = Category::Export,
                  .outputs = {{"done", PortType::Table, "Done"}},
                  .params = {Parameter::outputFile("path", "File", "")},
                  .run =
                      [](const NodeInputs&, const ParamValues& p, RunContext& ctx) {
                          const fs::path path = p.text("path");
                          const std::string note =
                              fs::path(path).replace_extension(".note").string();
                          writeFilesAtomically({{path.string(), "out"}, {note, "note"}});
                          ctx.wroteFile(path.string());
                          ctx.wroteFile(note);
                          return PortValues{{"done", tableValue(Table{})}};
                      },
                  .companionExtensions = {".note"}});
    registry.add({.type = "test.reader",
                  .title = "Reader",
                  .outputs = {{"out", PortType::Table, "Out"}},
                  .params = {Parameter::file("path", "File", "").optional()},
                  .run = [](const NodeInputs&, const ParamValues&, RunContext&) {
                      return PortValues{{"out", tableValue(Table{})}};
                  }});
}

Graph writerGraph(const std::string& base, const std::string& path) {
    Graph graph;
    graph.setBaseDirectory(base);
    graph.addNode({"write", "test.writer", "", {}, {}});
    graph.setParameter("write", "path", path);
    // Reads are never outputs, wherever they point.
    graph.addNode({"read", "test.reader", "", {}, {}});
    graph.setParameter("read", "path", std::string("/etc/hostname"));
    return graph;
}

void touch(const fs::path& path) { std::ofstream(path) << "old"; }

std::vector<std::string> paths(const std::vector<OutputFile>& files) {
    std::vector<std::string> out;
    for (const auto& f : files) out.push_back(f.path);
    return out;
}

} // namespace

class TestOutputFiles : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    fs::path m_root;
    fs::path m_pipelineFolder;
    NodeRegistry m_registry;

private Q_SLOTS:
    void initTestCase() {
        registerWriter(m_registry);
        m_root = m_dir.path().toStdString();
        m_pipelineFolder = m_root / "project";
        fs::create_directories(m_pipelineFolder / "sub");
        fs::create_directories(m_root / "elsewhere");
    }

    void outputsAreResolvedAgainstTheFolder() {
        const Graph graph = writerGraph(m_pipelineFolder.string(), "sub/model.bin");
        const auto files = outputFiles(graph, m_registry);
        QCOMPARE(files.size(), size_t(2));
        QCOMPARE(files[0].node, std::string("write"));
        QCOMPARE(fs::path(files[0].path), m_pipelineFolder / "sub/model.bin");
        QCOMPARE(fs::path(files[1].path), m_pipelineFolder / "sub/model.note");
    }

    void overwritesOutside_data() {
        QTest::addColumn<QString>("path");       // the node's parameter
        QTest::addColumn<QStringList>("exist");  // files there before the run, under m_root
        QTest::addColumn<QStringList>("warned"); // under m_root
        QTest::newRow("inside, existing") << "sub/out.bin" << QStringList{"project/sub/out.bin"}
                                          << QStringList{};
        QTest::newRow("outside, new") << "../elsewhere/out.bin" << QStringList{}
                                      << QStringList{};
        QTest::newRow("outside, existing")
            << "../elsewhere/out.bin" << QStringList{"elsewhere/out.bin"}
            << QStringList{"elsewhere/out.bin"};
        QTest::newRow("outside, only the file beside it exists")
            << "../elsewhere/out.bin" << QStringList{"elsewhere/out.note"}
            << QStringList{"elsewhere/out.note"};
        QTest::newRow("absolute") << "ABS/elsewhere/out.bin"
                                  << QStringList{"elsewhere/out.bin", "elsewhere/out.note"}
                                  << QStringList{"elsewhere/out.bin", "elsewhere/out.note"};
        QTest::newRow("a name that only starts like the folder")
            << "../project-old/out.bin" << QStringList{"project-old/out.bin"}
            << QStringList{"project-old/out.bin"};
    }
    void overwritesOutside() {
        QFETCH(QString, path);
        QFETCH(QStringList, exist);
        QFETCH(QStringList, warned);
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        for (const char* folder : {"project/sub", "elsewhere", "project-old"})
            fs::create_directories(root / folder);
        for (const QString& file : exist) touch(root / file.toStdString());
        std::string value = path.toStdString();
        if (value.starts_with("ABS/")) value = (root / value.substr(4)).string();
        const Graph graph = writerGraph((root / "project").string(), value);

        std::vector<std::string> expected;
        for (const QString& file : warned) expected.push_back((root / file.toStdString()).string());
        QCOMPARE(paths(overwritesOutsideFolder(graph, m_registry)), expected);
    }

    // A symlink in the pipeline's folder that points outside it writes outside it.
    void symlinkOutOfTheFolder() {
        const fs::path victim = m_root / "elsewhere" / "victim.bin";
        touch(victim);
        fs::create_symlink(victim, m_pipelineFolder / "innocent.bin");
        const Graph graph = writerGraph(m_pipelineFolder.string(), "innocent.bin");
        QCOMPARE(paths(overwritesOutsideFolder(graph, m_registry)),
                 std::vector<std::string>{(m_pipelineFolder / "innocent.bin").string()});
        fs::remove(m_pipelineFolder / "innocent.bin");
    }

    void unsavedPipelineIsNotChecked() {
        touch(m_root / "elsewhere" / "out.bin");
        const Graph graph = writerGraph("", (m_root / "elsewhere" / "out.bin").string());
        QVERIFY(overwritesOutsideFolder(graph, m_registry).empty());
    }

    void onlyTheNodesThatWouldRun() {
        touch(m_root / "elsewhere" / "out.bin");
        const Graph graph = writerGraph(m_pipelineFolder.string(), "../elsewhere/out.bin");
        QCOMPARE(overwritesOutsideFolder(graph, m_registry, {"read"}).size(), size_t(0));
        QCOMPARE(overwritesOutsideFolder(graph, m_registry, {"write"}).size(), size_t(1));
    }

    void theOnnxExportDeclaresItsCard() {
        NodeRegistry registry;
        registerBuiltinNodes(registry, {});
        Graph graph;
        graph.setBaseDirectory(m_pipelineFolder.string());
        graph.addNode({"export", "oficina.export.onnx", "", {}, {}});
        graph.setParameter("export", "path", std::string("out/model.onnx"));
        QCOMPARE(paths(outputFiles(graph, registry)),
                 (std::vector<std::string>{(m_pipelineFolder / "out/model.onnx").string(),
                                           (m_pipelineFolder / "out/model.md").string()}));
    }

    void writtenFilesReachTheResult() {
        const Graph graph = writerGraph(m_pipelineFolder.string(), "sub/written.bin");
        Executor executor(m_registry);
        RunContext context;
        const RunResult first = executor.run(graph, context);
        QCOMPARE(first.nodes.at("write").state, NodeState::Done);
        QCOMPARE(first.nodes.at("write").writtenFiles,
                 (std::vector<std::string>{(m_pipelineFolder / "sub/written.bin").string(),
                                           (m_pipelineFolder / "sub/written.note").string()}));
        QVERIFY(first.nodes.at("read").writtenFiles.empty());
        QVERIFY(fs::exists(m_pipelineFolder / "sub/written.bin"));
    }
};

QTEST_GUILESS_MAIN(TestOutputFiles)
#include "tst_outputfiles.moc"
