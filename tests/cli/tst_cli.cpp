// oficina-cli end to end: the Iris example against scikit-learn on the same split, the report,
// predictions CSV, inspect, nodes, and the exit-code contract (0 ok, 1 node failed, 2 bad input).
#include "../JsonFixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kCli = QStringLiteral(OFICINA_BIN_DIR "/oficina-cli");
const QString kExample =
    QStringLiteral(OFICINA_SOURCE_DIR "/resources/examples/iris_classification.oficina");

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// No test may depend on the machine's speed (the CNN example alone takes 10 s, more on a loaded
// machine): this only guards against a hang, far beyond any run here.
constexpr int kHangGuardMs = 15 * 60 * 1000;

CliRun runCli(const QStringList& args) {
    QProcess process;
    process.start(kCli, args);
    if (!process.waitForFinished(kHangGuardMs)) {
        process.kill();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// The report oficina-cli wrote; empty when it wrote none, so that the comparisons after it fail
// this test function only (fixtures go through fixture::read, which stops the executable).
QJsonObject readReport(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject reportNode(const QJsonObject& report, const QString& id) {
    for (const auto& node : report["nodes"].toArray())
        if (node.toObject()["id"].toString() == id) return node.toObject();
    return {};
}

} // namespace

class CliTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void irisMatchesScikitLearn_data() {
        QTest::addColumn<int>("caseIndex");
        QTest::newRow("test 25%, seed 0") << 0;
        QTest::newRow("test 30%, seed 42, stratified") << 1;
        QTest::newRow("test 50%, seed 7") << 2;
    }

    void irisMatchesScikitLearn() {
        QFETCH(int, caseIndex);
        const QJsonObject fixture =
            fixture::cases(QStringLiteral("sklearn/iris_cli.json"))[caseIndex].toObject();
        QVERIFY(!fixture.isEmpty());
        QTemporaryDir dir;
        const QString report = dir.filePath("report.json");
        const QString predictions = dir.filePath("predictions.csv");
        const CliRun run = runCli(
            {"run", kExample, "--set", "split.test_size=" + QString::number(fixture["test_size"].toDouble()),
             "--set", "split.seed=" + QString::number(fixture["seed"].toInt()),
             "--set", QString("split.stratify=") + (fixture["stratify"].toBool() ? "true" : "false"),
             "--report", report, "--predictions", "predict=" + predictions});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        // Metrics summary on stdout, progress on stderr.
        QVERIFY(run.out.contains("accuracy"));
        QVERIFY(run.err.contains("Logistic regression"));

        const QJsonObject score = reportNode(readReport(report), "score");
        QCOMPARE(score["state"].toString(), QString("done"));
        QCOMPARE(score["metrics"].toObject()["accuracy"].toDouble(), fixture["accuracy"].toDouble());
        QVERIFY(qAbs(score["metrics"].toObject()["f1_macro"].toDouble() -
                     fixture["f1_macro"].toDouble()) < 1e-12);
        const QJsonObject confusion = score["matrices"].toObject()["confusion_matrix"].toObject();
        QCOMPARE(confusion["rows"].toArray(), fixture["labels"].toArray());
        QCOMPARE(confusion["values"].toArray().size(), fixture["confusion_matrix"].toArray().size());
        for (int r = 0; r < confusion["values"].toArray().size(); ++r)
            for (int c = 0; c < 3; ++c)
                QCOMPARE(confusion["values"].toArray()[r].toArray()[c].toDouble(),
                         fixture["confusion_matrix"].toArray()[r].toArray()[c].toDouble());

        // Same rows in the same order as scikit-learn's split, same predicted labels.
        QFile csv(predictions);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList header = QString::fromUtf8(csv.readLine()).trimmed().split(',');
        const int truthColumn = header.indexOf("species");
        const int predictedColumn = header.indexOf("prediction");
        QVERIFY(truthColumn >= 0 && predictedColumn >= 0);
        QVERIFY(header.contains("P(setosa)"));
        int row = 0;
        while (!csv.atEnd()) {
            const QStringList cells = QString::fromUtf8(csv.readLine()).trimmed().split(',');
            QCOMPARE(cells[truthColumn], fixture["truth"].toArray()[row].toString());
            QCOMPARE(cells[predictedColumn], fixture["predicted"].toArray()[row].toString());
            ++row;
        }
        QCOMPARE(row, fixture["test_rows"].toInt());
    }

    void reportHasLossSeries() {
        QTemporaryDir dir;
        const QString report = dir.filePath("report.json");
        QCOMPARE(runCli({"run", kExample, "--quiet", "--report", report}).exitCode, 0);
        const QJsonObject logreg = reportNode(readReport(report), "logreg");
        const QJsonArray loss = logreg["series"].toObject()["loss"].toArray();
        QVERIFY(loss.size() > 5);
        QVERIFY(loss.last().toArray()[1].toDouble() < loss.first().toArray()[1].toDouble());
        QCOMPARE(logreg["outputs"].toObject()["model"].toObject()["estimator"].toString(),
                 QString("oficina.model.logistic_regression"));
    }

    /// The bundled network examples, headless: the CNN on Digits and the LSTM forecast of
    /// Sunspots against the naive forecast (next year = this year) on the same test years.
    void networkExamplesReachTheirMetrics() {
        QTemporaryDir dir;
        const QString examples = QStringLiteral(OFICINA_SOURCE_DIR "/resources/examples/");
        const QString cnnReport = dir.filePath("cnn.json");
        CliRun run = runCli({"run", "-q", examples + "digits_cnn.oficina", "--report", cnnReport});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const double accuracy =
            reportNode(readReport(cnnReport), "score")["metrics"].toObject()["accuracy"].toDouble();
        qInfo("digits CNN example: accuracy %.4f", accuracy);
        QVERIFY(accuracy >= 0.97);

        const QString forecast = dir.filePath("forecast.csv");
        run = runCli({"run", "-q", examples + "sunspots_lstm.oficina", "--predictions",
                      "predict=" + forecast});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile file(forecast);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList header = QString::fromUtf8(file.readLine()).trimmed().split(',');
        const qsizetype last = header.indexOf("lag_1"), truth = header.indexOf("SUNACTIVITY_t+1"),
                        predicted = header.indexOf("prediction");
        QVERIFY(last >= 0 && truth >= 0 && predicted >= 0);
        double mae = 0, naive = 0;
        int rows = 0;
        while (!file.atEnd()) {
            const QStringList cells = QString::fromUtf8(file.readLine()).trimmed().split(',');
            mae += qAbs(cells[predicted].toDouble() - cells[truth].toDouble());
            naive += qAbs(cells[last].toDouble() - cells[truth].toDouble());
            ++rows;
        }
        qInfo("sunspots LSTM example: MAE %.2f, naive %.2f over %d test years", mae / rows,
              naive / rows, rows);
        QCOMPARE(rows, 60);
        QVERIFY(mae < naive);
    }

    /// The Wine clusters-vs-classes example, headless: K-Means (labels hidden) finds the
    /// cultivars with scikit-learn's adjusted Rand index on the same steps (StandardScaler,
    /// KMeans(3, random_state=0, n_init=10): 0.91488, tests/data/sklearn/teaching.json), and
    /// the logistic regression's out-of-fold accuracy is scikit-learn's 0.98315.
    void wineClustersVsClassesExample() {
        QTemporaryDir dir;
        const QString report = dir.filePath("wine.json");
        const CliRun run =
            runCli({"run", "-q",
                    QStringLiteral(OFICINA_SOURCE_DIR
                                   "/resources/examples/wine_clusters_vs_classes.oficina"),
                    "--report", report});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject metrics =
            reportNode(readReport(report), "compare")["metrics"].toObject();
        qInfo("wine clusters vs classes: ARI %.5f, classifier accuracy %.5f",
              metrics["ari"].toDouble(), metrics["accuracy"].toDouble());
        QVERIFY(qAbs(metrics["ari"].toDouble() - 0.9148795960669529) < 1e-9);
        QVERIFY(qAbs(metrics["accuracy"].toDouble() - 0.9831460674157303) < 1e-9);
    }

    /// The classroom examples, headless, against scikit-learn doing the same steps on the same
    /// rows (tests/data/make_example_fixtures.py): Iris logistic regression vs decision tree,
    /// K-Means on Iris, Diabetes ridge regression, Breast Cancer cross-validation with its ONNX export, and the
    /// messy Wine export cleaned (duplicates, mistyped values, missing cells, a category).
    void classroomExamplesMatchScikitLearn() {
        const QJsonObject expected = fixture::read("sklearn/examples.json").object();
        const QString examples = QStringLiteral(OFICINA_SOURCE_DIR "/resources/examples/");
        QTemporaryDir dir;
        const auto run = [&](const QString& name, QStringList extra = {}) {
            const QString report = dir.filePath(name + ".json");
            const CliRun result = runCli(
                QStringList{"run", "-q", examples + name + ".oficina", "--report", report} + extra);
            if (result.exitCode != 0) qWarning("%s: %s", qPrintable(name), qPrintable(result.err));
            return readReport(report);
        };
        const auto metric = [](const QJsonObject& report, const QString& node, const char* key) {
            return reportNode(report, node)["metrics"].toObject()[key].toDouble(-1);
        };
        const auto near = [](double a, double b) { return qAbs(a - b) < 1e-9; };

        QJsonObject report = run("iris_lr_vs_tree");
        QJsonObject sk = expected["iris_lr_vs_tree"].toObject();
        QVERIFY(near(metric(report, "score_logreg", "accuracy"),
                     sk["logreg_test_accuracy"].toDouble()));
        QVERIFY(near(metric(report, "score_tree", "accuracy"), sk["tree_test_accuracy"].toDouble()));
        const QJsonObject comparison =
            reportNode(report, "compare")["matrices"].toObject()["comparison"].toObject();
        QCOMPARE(comparison["columns"].toArray().first().toString(), QString("accuracy_mean"));
        const QJsonArray values = comparison["values"].toArray();
        QCOMPARE(values.size(), 2);
        QVERIFY(near(values[0].toArray()[0].toDouble(), sk["logreg_cv_accuracy"].toDouble()));
        QVERIFY(near(values[1].toArray()[0].toDouble(), sk["tree_cv_accuracy"].toDouble()));
        // Overfitting made visible: deeper trees keep gaining on their training folds only.
        const QJsonArray curve = reportNode(report, "depth_curve")["matrices"]
                                     .toObject()["validation_curve"]
                                     .toObject()["values"]
                                     .toArray();
        QCOMPARE(curve.size(), 8);
        for (int depth = 0; depth < 8; ++depth) {
            const QJsonArray row = curve[depth].toArray();
            QCOMPARE(row[0].toDouble(), depth + 1.0);
            QVERIFY(near(row[1].toDouble(), sk["depth_train_accuracy"].toArray()[depth].toDouble()));
            QVERIFY(near(row[3].toDouble(),
                         sk["depth_validation_accuracy"].toArray()[depth].toDouble()));
        }
        QCOMPARE(metric(report, "depth_curve", "best_value"), 4.0);

        report = run("iris_clustering");
        sk = expected["iris_clustering"].toObject();
        QVERIFY(qAbs(metric(report, "quality", "silhouette") - sk["silhouette"].toDouble()) < 1e-9);
        QVERIFY(near(metric(report, "quality", "ari"), sk["ari"].toDouble()));

        report = run("diabetes_regression");
        sk = expected["diabetes_regression"].toObject();
        qInfo("diabetes example: R² %.4f, RMSE %.2f", metric(report, "score", "r2"),
              metric(report, "score", "rmse"));
        QVERIFY(qAbs(metric(report, "score", "r2") - sk["r2"].toDouble()) < 1e-9);
        QVERIFY(qAbs(metric(report, "score", "rmse") - sk["rmse"].toDouble()) < 1e-6);

        // The example writes breast_cancer.onnx beside itself; here into the scratch folder.
        const QString onnx = dir.filePath("breast_cancer.onnx");
        report = run("breast_cancer_cv_onnx", {"--set", "export.path=" + onnx});
        sk = expected["breast_cancer_cv_onnx"].toObject();
        QVERIFY(near(metric(report, "score", "accuracy"), sk["test_accuracy"].toDouble()));
        QVERIFY(near(metric(report, "cv", "accuracy_mean"), sk["cv_accuracy"].toDouble()));
        QVERIFY(QFileInfo(onnx).size() > 1000);
        // The card, named after the model, carries the test and cross-validated scores.
        QFile card(dir.filePath("breast_cancer.md"));
        QVERIFY(card.open(QIODevice::ReadOnly));
        const QByteArray cardText = card.readAll();
        QVERIFY2(cardText.contains("### On test rows") &&
                     cardText.contains("### On cross-validation"),
                 cardText.constData());
        QVERIFY(metric(report, "export", "graph_inputs") == 30);  // one per raw column

        report = run("wine_cleaning");
        sk = expected["wine_cleaning"].toObject();
        const auto rows = [&](const char* node) {
            return reportNode(report, node)["outputs"].toObject()["data"].toObject()["rows"].toInt();
        };
        QCOMPARE(rows("messy"), sk["rows"].toInt());
        QCOMPARE(rows("dedupe"), sk["after_duplicates"].toInt());
        QCOMPARE(rows("outliers"), sk["after_outliers"].toInt());
        QVERIFY(near(metric(report, "score", "accuracy"), sk["test_accuracy"].toDouble()));
    }

    /// `format` leaves the canonical bundled examples alone, rewrites a hand-written pipeline
    /// into the form the GUI saves, and with --check only says which file is not canonical.
    void formatRewritesPipelinesCanonically() {
        const QString examples = QStringLiteral(OFICINA_SOURCE_DIR "/resources/examples/");
        CliRun run = runCli({"format", "--check", examples + "iris_classification.oficina",
                             examples + "wine_cleaning.oficina"});
        QCOMPARE(run.exitCode, 0);

        QTemporaryDir dir;
        const QString file = dir.filePath("terse.oficina");
        QFile terse(file);
        QVERIFY(terse.open(QIODevice::WriteOnly));
        terse.write(R"({"format": "oficina-pipeline", "version": 1,
            "nodes": [{"id": "iris", "type": "oficina.data.sample", "params": {"dataset": "iris"}}]})");
        terse.close();
        run = runCli({"format", "--check", file});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.contains("terse.oficina: not in canonical form"));
        run = runCli({"format", file});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(runCli({"format", "--check", file}).exitCode == 0);
        QVERIFY(runCli({"run", "-q", file}).exitCode == 0);
        QCOMPARE(runCli({"format", dir.filePath("missing.oficina")}).exitCode, 2);
    }

    void exitCodes_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("no such pipeline") << QStringList{"run", "/nonexistent.oficina"} << 2
                                          << "/nonexistent.oficina: cannot open the file";
        QTest::newRow("unknown node in --set") << QStringList{"run", kExample, "--set", "nope.x=1"}
                                               << 2 << "the pipeline has no node 'nope'";
        QTest::newRow("unknown parameter") << QStringList{"run", kExample, "--set", "split.size=1"}
                                           << 2 << "has no parameter 'size'";
        QTest::newRow("bad value") << QStringList{"run", kExample, "--set", "split.test_size=abc"}
                                   << 2 << "expected a number";
        QTest::newRow("out of range") << QStringList{"run", kExample, "--set", "split.test_size=2"}
                                      << 2 << "test_size must be between";
        QTest::newRow("malformed --set") << QStringList{"run", kExample, "--set", "split"} << 2
                                         << "expected NODE.PARAM=VALUE";
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << 2 << "";
        QTest::newRow("failing node")
            << QStringList{"run", kExample, "--set", "select.target=petal"} << 1
            << "there is no column 'petal'";
        // Quiet silences progress, never the error CI needs to read.
        QTest::newRow("failing node, quiet")
            << QStringList{"run", "--quiet", kExample, "--set", "select.target=petal"} << 1
            << "there is no column 'petal'";
        QTest::newRow("pipeline is a folder")
            << QStringList{"run", OFICINA_SOURCE_DIR "/resources/examples"} << 2
            << "/resources/examples: this is a folder, not a pipeline file";
        QTest::newRow("seed beyond int64 in --set")
            << QStringList{"run", kExample, "--set", "split.seed=18446744073709551615"} << 2
            << "seed must be between 0 and";
        QTest::newRow("inspect missing file") << QStringList{"inspect", "/nonexistent.csv"} << 2
                                              << "/nonexistent.csv";
        QTest::newRow("--export-onnx unknown node")
            << QStringList{"run", kExample, "--export-onnx", "nope=x.onnx"} << 2
            << "the pipeline has no node 'nope'";
        QTest::newRow("--export-onnx a node without a model")
            << QStringList{"run", kExample, "--export-onnx", "score=x.onnx"} << 2
            << "node 'score' (oficina.eval.score) has no model output";
        QTest::newRow("malformed --export-onnx")
            << QStringList{"run", kExample, "--export-onnx", "logreg"} << 2
            << "expected NODE=FILE.onnx";
        QTest::newRow("unknown node type") << QStringList{"nodes", "oficina.nope"} << 2
                                           << "no node type 'oficina.nope'";
    }

    void exitCodes() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const CliRun run = runCli(args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    /// Hand-edited pipelines that used to abort oficina-cli (exit 134): each is bad input with
    /// its own message naming the file and the place, for `run` and for `format` alike.
    void hostilePipelineFiles_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("number beyond double")
            << QByteArray(R"({"format": "oficina-pipeline", "version": 1, "nodes": [
                          {"id": "iris", "type": "oficina.data.sample", "params":
                           {"dataset": "iris"}},
                          {"id": "lr", "type": "oficina.model.logistic_regression",
                           "params": {"C": 1e400}}]})")
            << "hostile.oficina:5:44: the number 1e400 is beyond the range";
        QTest::newRow("format not text")
            << QByteArray(R"({"format": 1, "version": 1, "nodes": []})")
            << "hostile.oficina: not an Oficina pipeline: \"format\" is 1";
        QTest::newRow("version beyond int")
            << QByteArray(R"({"format": "oficina-pipeline", "version": 4294967297, "nodes": []})")
            << "pipeline format version 4294967297 is not supported";
        QByteArray deep = "{\"format\": \"oficina-pipeline\", \"version\": 1, \"nodes\": "
                          "[{\"id\": \"n\", \"type\": ";
        deep += QByteArray(1000000, '[') + QByteArray(1000000, ']') + "}]}";
        QTest::newRow("type nested a million deep")
            << deep
            << "values are nested more than 100 levels deep";
    }

    void hostilePipelineFiles() {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString file = dir.filePath("hostile.oficina");
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text);
        out.close();
        for (const QStringList& args :
             {QStringList{"run", "-q", file}, QStringList{"format", file}}) {
            const CliRun run = runCli(args);
            QVERIFY2(run.exitCode == 2, qPrintable(args.join(' ') + ": " + run.err.left(500)));
            QVERIFY2(run.err.contains(message), qPrintable(run.err.left(500)));
        }
    }

    /// A node added but not configured yet (Load file without a file) saves as the GUI left it
    /// and reopens; running it is what says what is missing.
    void unconfiguredNodeLoadsAndRunSaysWhatIsMissing() {
        QTemporaryDir dir;
        const QString file = dir.filePath("unconfigured.oficina");
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(R"({"format": "oficina-pipeline", "version": 1, "nodes": [
            {"id": "load", "type": "oficina.data.load_file", "params": {"file": ""}}]})");
        out.close();
        CliRun run = runCli({"format", file});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(runCli({"format", "--check", file}).exitCode == 0);
        run = runCli({"run", "-q", file});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("node 'load': file is required"), qPrintable(run.err));
    }

    /// Under a memory limit `inspect` says "out of memory" (bad input, exit 2) as `run` does,
    /// rather than aborting on an uncaught bad_alloc (exit 134). A categorical column of two
    /// million distinct values needs far more than the 300 MB data limit set here.
    void inspectOutOfMemoryIsReported() {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("AddressSanitizer's shadow memory does not fit under a data limit");
#endif
        QTemporaryDir dir;
        const QString file = dir.filePath("distinct.csv");
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("name\n");
        for (int i = 0; i < 2000000; ++i)
            out.write(QStringLiteral("category_%1\n").arg(i, 20, 10, QChar('0')).toLatin1());
        out.close();
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("OPENBLAS_NUM_THREADS", "1");  // OpenBLAS's thread buffers spin at this limit
        process.setProcessEnvironment(env);
        process.start("/bin/sh", {"-c", "ulimit -d 300000 && exec \"$0\" inspect \"$1\"", kCli,
                                  file});
        QVERIFY(process.waitForFinished(kHangGuardMs));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == 2, qPrintable(err));
        // Either the reader's own estimate refuses the file up front, or the allocation fails.
        QVERIFY2(err.contains(file + ": out of memory") || err.contains("not enough memory"),
                 qPrintable(err));
    }

    void exportsOnnx() {
        QTemporaryDir dir;
        const QString file = dir.filePath("iris.onnx");
        const CliRun run = runCli({"run", kExample, "--export-onnx", "logreg=" + file});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("exported 'logreg' to " + file), qPrintable(run.err));
        QFile onnx(file);
        QVERIFY(onnx.open(QIODevice::ReadOnly));
        const QByteArray bytes = onnx.readAll();
        // metadata_props: the pipeline file and the node's title travel with the model.
        QVERIFY(bytes.contains("iris_classification.oficina"));
        QVERIFY(bytes.contains("Logistic regression"));
        QVERIFY(bytes.contains("versicolor"));
        // The card: what the run measured on the test rows, the pipeline's hash.
        QFile card(dir.filePath("iris.md"));
        QVERIFY(card.open(QIODevice::ReadOnly));
        const QByteArray cardText = card.readAll();
        QVERIFY2(cardText.contains("### On test rows — Score (score)") &&
                     cardText.contains("pipeline SHA-256") &&
                     cardText.contains("**Numbers:** numeric inputs and outputs are double"),
                 cardText.constData());
        // --onnx-float: float32 numbers, said on the card.
        const QString single = dir.filePath("iris32.onnx");
        QCOMPARE(runCli({"run", kExample, "--export-onnx", "logreg=" + single, "--onnx-float"})
                     .exitCode,
                 0);
        QFile card32(dir.filePath("iris32.md"));
        QVERIFY(card32.open(QIODevice::ReadOnly));
        QVERIFY(card32.readAll().contains("**Numbers: float32.**"));
    }

    // A pipeline from elsewhere whose Export node replaces files outside its folder: warned
    // before the run (no prompt: CI), and every file a node wrote is named in the log.
    void warnsBeforeReplacingFilesOutsideThePipelineFolder() {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("project") && QDir(dir.path()).mkpath("elsewhere"));
        QFile example(kExample);
        QVERIFY(example.open(QIODevice::ReadOnly));
        QJsonObject pipeline = QJsonDocument::fromJson(example.readAll()).object();
        QJsonArray nodes = pipeline["nodes"].toArray();
        nodes.append(QJsonObject{{"id", "export"}, {"type", "oficina.export.onnx"},
                                 {"params", QJsonObject{{"path", "../elsewhere/model.onnx"}}}});
        pipeline["nodes"] = nodes;
        QJsonArray links = pipeline["links"].toArray();
        links.append(QJsonObject{{"from", "logreg.model"}, {"to", "export.model"}});
        pipeline["links"] = links;
        const QString file = dir.filePath("project/iris.oficina");
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(pipeline).toJson());
        out.close();
        const QString model = QDir::cleanPath(dir.filePath("elsewhere/model.onnx"));
        const QString card = QDir::cleanPath(dir.filePath("elsewhere/model.md"));

        CliRun run = runCli({"run", file});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(!run.err.contains("will replace"), qPrintable(run.err));
        QVERIFY2(run.err.contains("  wrote " + model + "\n"), qPrintable(run.err));
        QVERIFY2(run.err.contains("  wrote " + card + "\n"), qPrintable(run.err));

        run = runCli({"run", "-q", file});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains("warning: node 'export' will replace " + model +
                                  ", outside the pipeline's folder"),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains("warning: node 'export' will replace " + card),
                 qPrintable(run.err));
        QVERIFY2(!run.err.contains("wrote"), qPrintable(run.err));  // quiet: no log
    }

    // --report through a symlink replaces the file it points at and keeps the link and the
    // file's mode; no temporary file stays behind.
    void reportIsWrittenThroughASymlink() {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("reports"));
        const QString real = dir.filePath("reports/latest.json");
        QFile old(real);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("{}");
        old.close();
        const auto mode = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup;
        QVERIFY(QFile::setPermissions(real, mode));
        const QString link = dir.filePath("report.json");
        QVERIFY(QFile::link("reports/latest.json", link));

        const CliRun run = runCli({"run", "-q", kExample, "--report", link});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(QFileInfo(link).symLinkTarget(), QFileInfo(real).absoluteFilePath());
        QVERIFY(!readReport(real)["nodes"].toArray().isEmpty());
        QCOMPARE((QFile::permissions(real) & 0x7077).toInt(), (mode & 0x7077).toInt());
        QCOMPARE(QDir(dir.filePath("reports")).entryList(QDir::Files | QDir::Hidden),
                 QStringList{"latest.json"});
    }

    void onnxRefusalComesBeforeTheRun() {
        // DBSCAN has no rule for new rows: refused before anything runs or is written.
        QTemporaryDir dir;
        const QString pipeline = dir.filePath("dbscan.oficina");
        QFile f(pipeline);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "oficina-pipeline", "version": 1, "nodes": [
            {"id": "iris", "type": "oficina.data.sample", "params": {"dataset": "iris"}},
            {"id": "dbscan", "type": "oficina.cluster.dbscan"}],
            "links": [{"from": "iris.data", "to": "dbscan.data"}]})");
        f.close();
        const CliRun run =
            runCli({"run", pipeline, "--export-onnx", "dbscan=" + dir.filePath("x.onnx")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("DBSCAN cannot be exported to ONNX"), qPrintable(run.err));
        QVERIFY2(!run.err.contains("▶"), qPrintable(run.err)); // nothing ran
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"dbscan.oficina"});
    }

    void inspectSummarisesColumns() {
        const CliRun run =
            runCli({"inspect", OFICINA_SOURCE_DIR "/resources/datasets/iris.csv", "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(json["rows"].toInt(), 150);
        const QJsonArray columns = json["columns"].toArray();
        QCOMPARE(columns.size(), 5);
        QCOMPARE(columns[0].toObject()["name"].toString(), QString("sepal length (cm)"));
        QCOMPARE(columns[0].toObject()["min"].toDouble(), 4.3);
        QCOMPARE(columns[0].toObject()["max"].toDouble(), 7.9);
        QVERIFY(qAbs(columns[0].toObject()["mean"].toDouble() - 5.843333333333334) < 1e-12);
        QCOMPARE(columns[4].toObject()["type"].toString(), QString("categorical"));
        QCOMPARE(columns[4].toObject()["distinct"].toInt(), 3);
        QCOMPARE(columns[4].toObject()["counts"].toObject()["setosa"].toInt(), 50);

        const CliRun text = runCli({"inspect", OFICINA_SOURCE_DIR "/resources/datasets/co2.csv"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("2284 rows"), qPrintable(text.out));
    }

    void nodesListsEveryType() {
        const CliRun run = runCli({"nodes", "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray nodes = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QStringList types;
        for (const auto& n : nodes) types << n.toObject()["type"].toString();
        for (const char* expected :
             {"oficina.data.load_file", "oficina.data.sample", "oficina.data.select_columns",
              "oficina.data.split", "oficina.scale.standard", "oficina.model.logistic_regression",
              "oficina.model.predict", "oficina.eval.score"})
            QVERIFY2(types.contains(expected), expected);
        const QJsonObject split = nodes[types.indexOf("oficina.data.split")].toObject();
        const QJsonObject testSize = split["params"].toArray()[0].toObject();
        QCOMPARE(testSize["key"].toString(), QString("test_size"));
        QCOMPARE(testSize["default"].toDouble(), 0.25);
        QCOMPARE(testSize["kind"].toString(), QString("double"));
        QVERIFY(!split["when_to_use"].toString().isEmpty());
        QVERIFY(split["concepts"].toArray().contains(QJsonValue("overfitting")));

        const CliRun text = runCli({"nodes", "oficina.data.split"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("test_size : double = 0.25"));
        QVERIFY(text.out.contains("When to use it: "));
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
