// Model packages end to end: every model the bundled examples train, saved and read back,
// predicts bit for bit what the trained model predicts on its raw training rows; batch
// prediction on the example's data file equals the Predict node's arithmetic; a damaged,
// truncated, foreign or newer package is refused with a message that says so.
#include "data/CsvReader.h"
#include "deploy/BatchPredict.h"
#include "deploy/ModelPackage.h"
#include "deploy/ZipArchive.h"
#include "nodes/Nodes.h"
#include "pipeline/Executor.h"
#include "pipeline/NodeRegistry.h"
#include "pipeline/PipelineFile.h"
#include "util/Error.h"
#include "util/RunContext.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <fstream>
#include <sstream>

using namespace oficina::core;
using namespace oficina::core::deploy;

namespace {

const std::string kExamples = OFICINA_SOURCE_DIR "/resources/examples/";
const std::string kDatasets = OFICINA_SOURCE_DIR "/resources/datasets/";

/// The raw rows a model learned from, as a table.
Table trainingRows(const Model& model) {
    const SourceRows& source = *model.lineage.sourceRows;
    std::vector<Column> columns;
    for (const Column& c : source.columns)
        columns.push_back(source.rows ? c.take(*source.rows) : c);
    return Table(std::move(columns));
}

/// "" when the two columns hold the same cells bit for bit, else the first difference.
QString differs(const Column& expected, const Column& actual) {
    if (expected.name() != actual.name())
        return QString("column %1 vs %2").arg(expected.name().c_str(), actual.name().c_str());
    if (expected.size() != actual.size() || expected.type() != actual.type())
        return QString("column %1: shape or type").arg(expected.name().c_str());
    for (size_t r = 0; r < expected.size(); ++r) {
        if (expected.isNumeric()) {
            const double a = expected.number(r), b = actual.number(r);
            if (std::memcmp(&a, &b, sizeof a) != 0)
                return QString("%1 row %2: %3 vs %4")
                    .arg(expected.name().c_str())
                    .arg(r)
                    .arg(a, 0, 'g', 17)
                    .arg(b, 0, 'g', 17);
        } else if (expected.cellText(r) != actual.cellText(r)) {
            return QString("%1 row %2: %3 vs %4")
                .arg(expected.name().c_str())
                .arg(r)
                .arg(expected.cellText(r).c_str(), actual.cellText(r).c_str());
        }
    }
    return {};
}

std::string readBytes(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    const QByteArray bytes = file.readAll();
    return std::string(bytes.constData(), size_t(bytes.size()));
}

void writeBytes(const QString& path, const std::string& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes.data(), qint64(bytes.size()));
}

/// readPackage's Error message for `path`, or "" when it reads.
QString refusal(const QString& path) {
    try {
        (void)readPackage(path.toStdString());
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

} // namespace

class ModelPackageTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        registerBuiltinNodes(m_registry, {.datasetDirectory = kDatasets});
        QVERIFY(m_dir.isValid());
    }

    void roundTrip_data() {
        QTest::addColumn<QString>("example");
        QTest::addColumn<QString>("node");
        QTest::newRow("logistic (iris)") << "iris_classification" << "logreg";
        QTest::newRow("logistic vs tree: tree") << "iris_lr_vs_tree" << "tree";
        QTest::newRow("k-means (iris)") << "iris_clustering" << "kmeans";
        QTest::newRow("ridge (diabetes)") << "diabetes_regression" << "ridge";
        QTest::newRow("cleaning steps (wine)") << "wine_cleaning" << "logreg";
        QTest::newRow("cross-validated logistic (breast cancer)")
            << "breast_cancer_cv_onnx" << "logreg";
        // Networks, one epoch each: the weights are what matters, not how good they are.
        QTest::newRow("CNN (digits)") << "digits_cnn" << "cnn";
        QTest::newRow("LSTM (sunspots, time-series windows)") << "sunspots_lstm" << "lstm";
    }

    void roundTrip() {
        QFETCH(QString, example);
        QFETCH(QString, node);
        const Model model = train(example.toStdString(), node.toStdString());
        const QString path = m_dir.filePath(example + ".ofmodel");
        const ModelPackage saved = packageModel(model, {.pipelineName = "example"});
        writePackage(saved, path.toStdString());
        const ModelPackage loaded = readPackage(path.toStdString());

        QCOMPARE(loaded.manifest.estimatorType, model.estimator->typeId());
        QCOMPARE(loaded.manifest.inputs.size(), saved.manifest.inputs.size());
        QVERIFY(!loaded.manifest.inputs.empty());
        QCOMPARE(loaded.model.lineage.steps.size(), model.lineage.steps.size());
        QCOMPARE(loaded.onnx, saved.onnx);
        QVERIFY(loaded.manifest.hasOnnx);

        const Table raw = trainingRows(model);
        const Table expected = model.predict(raw);
        const std::vector<Column> actual =
            predictColumns(loaded, conformInput(raw, loaded.manifest.inputs, "rows"));
        QCOMPARE(actual.size(), loaded.manifest.outputs.size());
        for (const Column& column : actual) {
            const QString difference = differs(expected.column(column.name()), column);
            QVERIFY2(difference.isEmpty(), qPrintable(difference));
        }
    }

    /// The inputs are the raw columns the model cannot do without: the Iris model reads the
    /// four measurements, never the species it predicts.
    void manifestDescribesTheModel() {
        const Model model = train("iris_classification", "logreg");
        const ModelPackage package = packageModel(model);
        const PackageManifest& m = package.manifest;
        QCOMPARE(m.inputs.size(), size_t(4));
        for (const InputColumn& in : m.inputs) {
            QCOMPARE(in.type, ColumnType::Numeric);
            QVERIFY(in.name != "species");
            QVERIFY(!in.mayBeMissing);
        }
        QCOMPARE(m.task, Task::Classification);
        QCOMPARE(m.target, std::string("species"));
        QCOMPARE(m.classes, (std::vector<std::string>{"setosa", "versicolor", "virginica"}));
        QCOMPARE(m.outputs.front().name, std::string(kPredictionColumn));
        QCOMPARE(m.outputs.size(), size_t(4));
        QCOMPARE(m.trainingData.rows, model.lineage.sourceRows->rowCount());
        QCOMPARE(m.trainingData.fingerprint.size(), size_t(64));
        QCOMPARE(m.appVersion, std::string(OFICINA_VERSION));

        // The profile counts every training row; the sample is those rows, seeded.
        const auto& profile = package.profile;
        QCOMPARE(profile.rows, uint64_t(m.trainingData.rows));
        QCOMPARE(profile.columns.size(), size_t(5)); // the inputs and the target
        for (const auto& column : profile.columns) {
            uint64_t counted = column.missing;
            for (uint64_t c : column.type == ColumnType::Numeric ? column.counts
                                                                 : column.categoryCounts)
                counted += c;
            QCOMPARE(counted, profile.rows);
        }
        QCOMPARE(package.sample.rowCount(), size_t(m.trainingData.rows)); // under 10,000
        const ModelPackage again = packageModel(model);
        QVERIFY(differs(package.sample.column("sepal length (cm)"),
                        again.sample.column("sepal length (cm)"))
                    .isEmpty());
    }

    void reservoirSampleIsSeededAndUniform() {
        const auto a = monitor::reservoirSample(100000, 10000, 7);
        QCOMPARE(a, monitor::reservoirSample(100000, 10000, 7));
        QVERIFY(a != monitor::reservoirSample(100000, 10000, 8));
        QCOMPARE(a.size(), size_t(10000));
        QVERIFY(std::adjacent_find(a.begin(), a.end()) == a.end()); // sorted, distinct
        // Each tenth of the rows gets about a tenth of the sample (binomial sd ≈ 30).
        std::vector<int> tenths(10, 0);
        for (size_t row : a) ++tenths[row / 10000];
        for (int n : tenths) QVERIFY2(std::abs(n - 1000) < 150, qPrintable(QString::number(n)));
        QCOMPARE(monitor::reservoirSample(5, 10, 1), (std::vector<size_t>{0, 1, 2, 3, 4}));
    }

    /// predict on the example's data file, read a few records at a time, gives the Predict
    /// node's numbers for every row.
    void batchPredictionEqualsThePredictNode() {
        const Model model = train("diabetes_regression", "ridge");
        const QString path = m_dir.filePath("diabetes.ofmodel");
        writePackage(packageModel(model), path.toStdString());
        const ModelPackage package = readPackage(path.toStdString());
        const std::string data = kDatasets + "diabetes.csv";
        const std::string out = m_dir.filePath("diabetes-predictions.csv").toStdString();
        BatchOptions options;
        options.keep = {"age"};
        options.chunkBytes = 4096; // many pieces
        const uint64_t rows = predictFile(package, data, out, options);

        const Table raw = readCsv(data).table;
        QCOMPARE(rows, uint64_t(raw.rowCount()));
        const Table expected = model.predict(raw);
        const Table written = readCsv(out).table;
        QCOMPARE(written.columns().size(), size_t(2));
        QVERIFY(differs(raw.column("age"), written.column("age")).isEmpty());
        const QString difference =
            differs(expected.column(kPredictionColumn), written.column(kPredictionColumn));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void batchPredictionProbabilitiesAndErrors() {
        const Model model = train("iris_classification", "logreg");
        const QString path = m_dir.filePath("iris.ofmodel");
        writePackage(packageModel(model), path.toStdString());
        const ModelPackage package = readPackage(path.toStdString());
        const std::string out = m_dir.filePath("iris-predictions.csv").toStdString();
        BatchOptions options;
        options.probabilities = true;
        predictFile(package, kDatasets + "iris.csv", out, options);
        const Table written = readCsv(out).table;
        const Table expected = model.predict(readCsv(kDatasets + "iris.csv").table);
        QCOMPARE(written.columns().size(), size_t(4));
        for (const char* name : {"P(setosa)", "P(versicolor)", "P(virginica)"})
            QVERIFY(differs(expected.column(name), written.column(name)).isEmpty());

        // A missing input and a non-number in a numeric input name the column (and the line);
        // nothing is written.
        const QString missing = m_dir.filePath("missing.csv");
        writeBytes(missing, "sepal length (cm),sepal width (cm),petal length (cm)\n1,2,3\n");
        const std::string missingOut = m_dir.filePath("missing-out.csv").toStdString();
        QVERIFY_THROWS_EXCEPTION(Error, predictFile(package, missing.toStdString(), missingOut));
        try {
            predictFile(package, missing.toStdString(), missingOut);
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("petal width (cm)") != std::string::npos, e.what());
        }
        QVERIFY(!QFile::exists(QString::fromStdString(missingOut)));
        const QString text = m_dir.filePath("text.csv");
        writeBytes(text, "sepal length (cm),sepal width (cm),petal length (cm),petal width (cm)\n"
                         "1,2,3,4\n5,6,7,eight\n");
        try {
            predictFile(package, text.toStdString(), missingOut);
            QFAIL("a word in a numeric input was accepted");
        } catch (const Error& e) {
            const std::string message = e.what();
            QVERIFY2(message.find("text.csv:3") != std::string::npos, e.what());
            QVERIFY2(message.find("eight") != std::string::npos, e.what());
        }
    }

    void refusesDamagedPackages() {
        const Model model = train("iris_classification", "logreg");
        const QString path = m_dir.filePath("good.ofmodel");
        writePackage(packageModel(model), path.toStdString());
        const std::string bytes = readBytes(path);
        QVERIFY(refusal(path).isEmpty());

        const QString truncated = m_dir.filePath("truncated.ofmodel");
        writeBytes(truncated, bytes.substr(0, bytes.size() * 2 / 3));
        QVERIFY2(refusal(truncated).contains("cut short") || refusal(truncated).contains("damaged"),
                 qPrintable(refusal(truncated)));

        // A byte flipped inside the compressed data: the CRC or the checksum catches it.
        for (size_t at : {bytes.size() / 3, bytes.size() / 2}) {
            std::string flipped = bytes;
            flipped[at] = char(flipped[at] ^ 0x5a);
            const QString damaged = m_dir.filePath("flipped.ofmodel");
            writeBytes(damaged, flipped);
            QVERIFY2(!refusal(damaged).isEmpty(), "a flipped byte went unnoticed");
        }

        const QString foreign = m_dir.filePath("data.ofmodel");
        writeBytes(foreign, "a,b\n1,2\n");
        QVERIFY2(refusal(foreign).contains("not a model package"), qPrintable(refusal(foreign)));
        QVERIFY2(refusal(m_dir.filePath("absent.ofmodel")).contains("does not exist"),
                 qPrintable(refusal(m_dir.filePath("absent.ofmodel"))));
    }

    /// Entries rewritten by hand: a newer format, and state that no longer matches its
    /// checksum, are refused with their own messages.
    void refusesNewerAndTamperedContent() {
        const Model model = train("iris_classification", "logreg");
        const QString path = m_dir.filePath("entries.ofmodel");
        writePackage(packageModel(model), path.toStdString());
        const std::string bytes = readBytes(path);
        const ZipReader zip(bytes, "entries");
        std::vector<std::pair<std::string, std::string>> entries;
        for (const char* name : {"manifest.json", "pipeline/state.json", "pipeline/arrays.bin",
                                 "profile/profile.json", "profile/sample.json",
                                 "profile/sample.bin", "MODEL.md", "model.onnx"})
            entries.emplace_back(name, zip.read(name, uint64_t(1) << 30));
        const auto rewrite = [&](const QString& file, const auto& change) {
            auto copy = entries;
            change(copy);
            std::vector<std::pair<std::string, std::string_view>> views;
            for (const auto& [name, content] : copy) views.emplace_back(name, content);
            writeBytes(file, zipEntries(views));
        };

        const QString newer = m_dir.filePath("newer.ofmodel");
        rewrite(newer, [](auto& e) {
            auto manifest = nlohmann::ordered_json::parse(e[0].second);
            manifest["format_version"] = kPackageFormatVersion + 1;
            e[0].second = manifest.dump();
        });
        QVERIFY2(refusal(newer).contains("update Oficina"), qPrintable(refusal(newer)));

        const QString tampered = m_dir.filePath("tampered.ofmodel");
        rewrite(tampered, [](auto& e) { e[2].second[0] = char(e[2].second[0] ^ 1); });
        QVERIFY2(refusal(tampered).contains("pipeline/arrays.bin") &&
                     refusal(tampered).contains("checksum"),
                 qPrintable(refusal(tampered)));

        const QString incomplete = m_dir.filePath("incomplete.ofmodel");
        rewrite(incomplete, [](auto& e) { e.erase(e.begin() + 1); });
        QVERIFY2(refusal(incomplete).contains("pipeline/state.json"),
                 qPrintable(refusal(incomplete)));

        const QString unchanged = m_dir.filePath("unchanged.ofmodel");
        rewrite(unchanged, [](auto&) {});
        QVERIFY2(refusal(unchanged).isEmpty(), qPrintable(refusal(unchanged)));
    }

    void conformsColumnTypes() {
        const std::vector<InputColumn> inputs = {{"size", ColumnType::Numeric, {}, false},
                                                 {"grade", ColumnType::Categorical, {"1", "2"}, false}};
        // "size" read as text (a stray token), "grade" read as numbers.
        const Table raw({Column::categorical("size", {0, 1, -1}, {"1.5", "2"}),
                         Column::numeric("grade", {1, 2, 2}), Column::numeric("other", {0, 0, 0})});
        const Table conformed = conformInput(raw, inputs, "rows");
        QCOMPARE(conformed.columns().size(), size_t(2));
        QVERIFY(conformed.column("size").isNumeric());
        QCOMPARE(conformed.column("size").number(0), 1.5);
        QVERIFY(conformed.column("size").isMissing(2));
        QCOMPARE(conformed.column("grade").cellText(1), std::string("2"));

        const Table words({Column::categorical("size", {0}, {"big"}), Column::numeric("grade", {1})});
        try {
            (void)conformInput(words, inputs, "rows");
            QFAIL("a word in a numeric input was accepted");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("\"big\"") != std::string::npos, e.what());
        }
    }

private:
    Model train(const std::string& example, const std::string& node) {
        Graph graph = loadPipeline(kExamples + example + ".oficina", m_registry);
        const Node* trainer = graph.node(node);
        if (trainer && trainer->params.contains("epochs")) graph.setParameter(node, "epochs", int64_t(1));
        // Not the example's own exports: they would rewrite files in the source tree.
        std::vector<std::string> exports;
        for (const Node& n : graph.nodes())
            if (n.type.starts_with("oficina.export.")) exports.push_back(n.id);
        for (const std::string& id : exports) graph.removeNode(id);
        Executor executor(m_registry);
        RunContext context;
        const RunResult result = executor.run(graph, context);
        const NodeResult& trained = result.nodes.at(node);
        if (trained.state != NodeState::Done) throw std::runtime_error(describeError(trained));
        return *std::get<std::shared_ptr<const Model>>(trained.outputs.at("model"));
    }

    NodeRegistry m_registry;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(ModelPackageTest)
#include "tst_modelpackage.moc"
