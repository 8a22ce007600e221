// oficina-cli's contract: the exit codes (0 ok, 1 node failed, 2 bad input), hostile and
// unfinished pipeline files, out of memory, ONNX export and its refusals, safe writes and the
// warning before replacing files elsewhere, format, inspect and nodes.
#include "../OutsideWriteFixture.h"
#include "CliRun.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

class CliContractTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
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

    /// The summary on stdout holds the scalar metrics and the tables a person reads (the
    /// confusion matrix), and only names the curves that the report holds in full; a failed
    /// node is listed in the report's top-level issues.
    void summaryLeavesCurvesToTheReport() {
        QTemporaryDir dir;
        const QString report = dir.filePath("report.json");
        const CliRun run = runCli({"run", "-q", kExample, "--report", report});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("accuracy") && run.out.contains("confusion_matrix"),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains("in the report (--report): roc:"), qPrintable(run.out));
        QVERIFY2(!run.out.contains("\n  roc:") && !run.out.contains("threshold"),
                 qPrintable(run.out));
        QVERIFY2(run.out.count('\n') < 40, qPrintable(run.out));
        const QJsonObject score = reportNode(readReport(report), "score");
        QVERIFY(score["matrices"].toObject().contains("roc:setosa"));
        QVERIFY(readReport(report)["issues"].toArray().isEmpty());

        const CliRun failed =
            runCli({"run", "-q", kExample, "--set", "select.target=petal", "--report", report});
        QCOMPARE(failed.exitCode, 1);
        const QJsonArray issues = readReport(report)["issues"].toArray();
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues[0].toObject()["node"].toString(), QString("select"));
        QVERIFY(issues[0].toObject()["message"].toString().contains("no column 'petal'"));
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
        const QString file = writeIrisExportingOutside(dir.path(), kExample);
        QVERIFY(!file.isEmpty());
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

    /// Names and labels from a file reach the terminal with their control characters escaped,
    /// in the summary and in error messages alike: a crafted file cannot clear the screen.
    void terminalOutputEscapesControlCharacters() {
        const QByteArray escape(1, char(0x1b));
        const QByteArray bell(1, char(0x07));
        QTemporaryDir dir;
        const QString csv = dir.filePath("crafted.csv");
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("x" + escape + "[2J,label\n1,a" + escape + "]0;owned" + bell + "\n2,b\n");
        file.close();
        const CliRun run = runCli({"inspect", csv});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(!run.out.contains(QChar(0x1b)) && !run.out.contains(QChar(0x07)),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains("x\\x1B[2J") && run.out.contains("a\\x1B]0;owned\\x07"),
                 qPrintable(run.out));

        const QJsonObject load{{"id", "load"}, {"type", "oficina.data.load_file"},
                               {"params", QJsonObject{{"file", csv}}}};
        const QJsonObject select{
            {"id", "select"}, {"type", "oficina.data.select_columns"},
            {"params", QJsonObject{{"target", QString::fromLatin1("no" + escape + "[2Jsuch")}}}};
        const QJsonObject pipeline{
            {"format", "oficina-pipeline"}, {"version", 1}, {"nodes", QJsonArray{load, select}},
            {"links", QJsonArray{QJsonObject{{"from", "load.data"}, {"to", "select.data"}}}}};
        const QString path = dir.filePath("crafted.oficina");
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(pipeline).toJson());
        out.close();
        const CliRun failed = runCli({"run", path});
        QCOMPARE(failed.exitCode, 1);
        QVERIFY2(!failed.err.contains(QChar(0x1b)), qPrintable(failed.err));
        QVERIFY2(failed.err.contains("no\\x1B[2Jsuch"), qPrintable(failed.err));
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

QTEST_GUILESS_MAIN(CliContractTest)
#include "tst_clicontract.moc"
