// The Export node end to end: the Iris example with an "Export to ONNX" node after its logistic
// regression writes a file ONNX Runtime runs with the app's predictions, recording the pipeline
// it came from; a path it cannot write fails the node with the path named and leaves nothing.
#include "OnnxHarness.h"

#include "eval/Metrics.h"
#include "nodes/Nodes.h"
#include "pipeline/Executor.h"
#include "pipeline/HeldOutMetrics.h"
#include "pipeline/NodeRegistry.h"
#include "pipeline/PipelineFile.h"
#include "util/RunContext.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace oficina::core;

namespace {

const std::string kExample = OFICINA_SOURCE_DIR "/resources/examples/iris_classification.oficina";

/// The example with an export node on its model, writing to `path`.
Graph exampleWithExport(const NodeRegistry& registry, const std::string& path,
                        bool singleInput = false) {
    Graph graph = loadPipeline(kExample, registry);
    graph.addNode({"export", "oficina.export.onnx", "", {}, {}});
    graph.setParameter("export", "path", path);
    graph.setParameter("export", "single_input", singleInput);
    graph.connect({*PortRef::parse("logreg.model"), *PortRef::parse("export.model")});
    return graph;
}

} // namespace

class OnnxExportNode : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        registerBuiltinNodes(m_registry,
                             {.datasetDirectory = OFICINA_SOURCE_DIR "/resources/datasets"});
        QVERIFY2(m_ort.start(), qPrintable(m_ort.error()));
    }

    void writesWhatOnnxRuntimeRunsAlike() {
        const QString file = m_ort.file("iris.onnx");
        Executor executor(m_registry);
        RunContext context;
        const RunResult result =
            executor.run(exampleWithExport(m_registry, file.toStdString()), context);
        const NodeResult& exported = result.nodes.at("export");
        QVERIFY2(exported.state == NodeState::Done, describeError(exported).c_str());
        const auto& summary =
            *std::get<std::shared_ptr<const Metrics>>(exported.outputs.at("export"));
        QCOMPARE(*summary.scalar("file_size_kb"), double(QFile(file).size()) / 1024.0);
        QCOMPARE(*summary.scalar("graph_inputs"), 4.0);
        QVERIFY(QFile::exists(m_ort.file("iris.md")));

        QFile onnx(file);
        QVERIFY(onnx.open(QIODevice::ReadOnly));
        QVERIFY(onnx.readAll().contains("iris_classification.oficina")); // metadata "pipeline"

        const auto& model =
            *std::get<std::shared_ptr<const Model>>(result.nodes.at("logreg").outputs.at("model"));
        const Table iris = onnxtest::dataset("iris", "species");
        OnnxExportResult inputs;
        for (const char* column : {"sepal length (cm)", "sepal width (cm)", "petal length (cm)",
                                   "petal width (cm)"})
            inputs.inputs.push_back({column, "double", {column}});
        const QString failure = m_ort.compare(model, iris, file, inputs);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void singleInputTensor() {
        const QString file = m_ort.file("iris-single.onnx");
        Executor executor(m_registry);
        RunContext context;
        const RunResult result =
            executor.run(exampleWithExport(m_registry, file.toStdString(), true), context);
        QVERIFY2(result.nodes.at("export").state == NodeState::Done,
                 describeError(result.nodes.at("export")).c_str());
        const auto& model =
            *std::get<std::shared_ptr<const Model>>(result.nodes.at("logreg").outputs.at("model"));
        OnnxExportResult input;
        input.inputs.push_back({"input",
                                "double",
                                {"sepal length (cm)", "sepal width (cm)", "petal length (cm)",
                                 "petal width (cm)"}});
        const QString failure =
            m_ort.compare(model, onnxtest::dataset("iris", "species"), file, input);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void unwritablePathFailsTheNode() {
        const QString folder = m_ort.file("missing");
        const std::string path = (folder + "/x.onnx").toStdString();
        Executor executor(m_registry);
        RunContext context;
        const RunResult result = executor.run(exampleWithExport(m_registry, path), context);
        const NodeResult& exported = result.nodes.at("export");
        QCOMPARE(exported.state, NodeState::Failed);
        QVERIFY2(describeError(exported).find(path) != std::string::npos,
                 describeError(exported).c_str());
        QCOMPARE(result.nodes.at("score").state, NodeState::Done); // the rest still ran
        QVERIFY(!QDir(folder).exists());
    }

    void heldOutMetricsReachTheCard() {
        // The example wires its Score and Cross-validation nodes to the Export node.
        Graph graph = loadPipeline(OFICINA_SOURCE_DIR
                                   "/resources/examples/breast_cancer_cv_onnx.oficina",
                                   m_registry);
        const QString file = m_ort.file("cancer.onnx");
        graph.setParameter("export", "path", file.toStdString());
        Executor executor(m_registry);
        RunContext context;
        const RunResult result = executor.run(graph, context);
        QVERIFY2(result.nodes.at("export").state == NodeState::Done,
                 describeError(result.nodes.at("export")).c_str());
        QFile card(m_ort.file("cancer.md"));
        QVERIFY(card.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(card.readAll());
        QVERIFY2(text.contains("### On test rows") && text.contains("### On cross-validation") &&
                     text.contains("| accuracy_mean |"),
                 qPrintable(text));
        // What the CLI and the GUI find for an export from the model node's menu.
        const std::vector<HeldOutMetrics> found = heldOutMetrics(graph, m_registry, result, "logreg");
        QCOMPARE(found.size(), size_t(2));
        QCOMPARE(found[0].source, std::string("cross-validation — Cross-validation (cv)"));
        QCOMPARE(found[1].source, std::string("test rows — Score (score)"));
        const auto* accuracy = std::get<std::shared_ptr<const Metrics>>(
                                   result.nodes.at("score").outputs.at("metrics"))
                                   ->scalar("accuracy");
        QVERIFY(accuracy);
        QCOMPARE(found[1].metrics.front(), std::make_pair(std::string("accuracy"), *accuracy));
        QVERIFY(heldOutMetrics(graph, m_registry, result, "predict").empty());
    }

private:
    NodeRegistry m_registry;
    onnxtest::OrtChecker m_ort;
};

QTEST_GUILESS_MAIN(OnnxExportNode)
#include "tst_onnxexportnode.moc"
