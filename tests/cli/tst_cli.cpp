// oficina-cli end to end: the examples against scikit-learn on the same split (Iris, the
// classroom and network examples), and the run report with its series.
#include "../JsonFixture.h"
#include "CliRun.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

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
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
