// `oficina-cli drift` end to end: Iris against itself (no drift, exit 0 even with --fail-on
// drift), against a copy with longer petals (exit 3 with --fail-on drift, that column flagged in
// the JSON report), a model package as the reference (its training sample, and its predictions,
// which drift too), the HTML report (well-formed, one chart per column, xmllint's HTML parser
// where installed) and bad input (exit 2 naming the file, column or option).
#include "CliRun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

const QString kIris = QStringLiteral(OFICINA_SOURCE_DIR "/resources/datasets/iris.csv");
const QString kPetalLength = QStringLiteral("petal length (cm)");

// Iris with `shift` added to every petal length (the third column).
bool writeShiftedIris(const QString& path, double shift) {
    QFile in(kIris), out(path);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly)) return false;
    QTextStream reader(&in), writer(&out);
    writer << reader.readLine() << "\n";
    while (!reader.atEnd()) {
        QStringList cells = reader.readLine().split(',');
        if (cells.size() != 5) return false;
        cells[2] = QString::number(cells[2].toDouble() + shift);
        writer << cells.join(',') << "\n";
    }
    return true;
}

// The first columns of Iris, `keep` of them.
bool writeIrisColumns(const QString& path, int keep) {
    QFile in(kIris), out(path);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly)) return false;
    QTextStream reader(&in), writer(&out);
    while (!reader.atEnd()) writer << reader.readLine().section(',', 0, keep - 1) << "\n";
    return true;
}

QJsonObject column(const QJsonObject& report, const QString& name) {
    for (const auto& c : report["columns"].toArray())
        if (c.toObject()["name"].toString() == name) return c.toObject();
    return {};
}

QStringList names(const QJsonArray& array) {
    QStringList out;
    for (const auto& value : array) out << value.toString();
    return out;
}

} // namespace

class CliDriftTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_shifted, m_package;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_shifted = m_dir.filePath("shifted.csv");
        QVERIFY(writeShiftedIris(m_shifted, 1.5));
        m_package = m_dir.filePath("iris.ofmodel");
        const CliRun run = runCli({"run", kExample, "--no-record", "--quiet", "--save-model",
                                   "logreg=" + m_package});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }

    void sameDataNoDrift() {
        const QString report = m_dir.filePath("same.json");
        const CliRun run =
            runCli({"drift", kIris, kIris, "--fail-on", "drift", "--report", report});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.endsWith("no drift in 5 columns\n"), qPrintable(run.out));
        const QJsonObject json = readReport(report);
        QCOMPARE(json["drift"].toBool(true), false);
        QCOMPARE(json["columns"].toArray().size(), 5);
        QCOMPARE(json["reference"].toObject()["rows"].toInt(), 150);
        QCOMPARE(json["reference"].toObject()["kind"].toString(), "data");
        QCOMPARE(json["current"].toObject()["path"].toString(), kIris);
        for (const auto& c : json["columns"].toArray()) {
            QCOMPARE(c.toObject()["statistic"].toDouble(-1), 0.0);
            QCOMPARE(c.toObject()["drift"].toBool(true), false);
        }
    }

    void shiftedColumnDrifts() {
        const QString report = m_dir.filePath("shifted.json");
        CliRun run = runCli({"drift", kIris, m_shifted, "--fail-on", "drift", "--report", report});
        QVERIFY2(run.exitCode == 3, qPrintable(run.out + run.err));
        QVERIFY2(run.out.endsWith("drift in 1 of 5 columns: petal length (cm)\n"),
                 qPrintable(run.out));
        QVERIFY(run.out.contains(QRegularExpression("petal length \\(cm\\) +continuous +ks .* "
                                                    "major .*DRIFT\n")));
        const QJsonObject json = readReport(report);
        QCOMPARE(json["drift"].toBool(), true);
        QCOMPARE(names(json["drifted_columns"].toArray()), QStringList{kPetalLength});
        const QJsonObject petal = column(json, kPetalLength);
        QCOMPARE(petal["test"].toString(), "ks");
        QVERIFY(petal["drift"].toBool());
        QVERIFY(petal["p_value"].toDouble(1) < 1e-9);
        QCOMPARE(petal["threshold"].toDouble(), 0.05);
        QVERIFY(petal["psi"].toDouble() >= 0.25);
        QCOMPARE(petal["psi_level"].toString(), "major");
        QCOMPARE(petal["reference_shares"].toArray().size(), 10);
        QVERIFY(!column(json, "species")["drift"].toBool(true));

        // Without --fail-on, drift is a finding, not a failure.
        run = runCli({"drift", kIris, m_shifted});
        QCOMPARE(run.exitCode, 0);
        // Overrides: PSI as the test, and a threshold the shift stays under.
        run = runCli({"drift", kIris, m_shifted, "--fail-on", "drift", "--column", kPetalLength,
                      "--test", kPetalLength + "=psi", "--threshold", kPetalLength + "=10"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY(run.out.contains(QRegularExpression("continuous +psi ")));
        QVERIFY(!run.out.contains("species"));
    }

    // The package's training sample is the reference, its inputs the columns, and the model's
    // predictions on both sides are compared too: longer petals make more virginica.
    void packageAsReference() {
        const QString report = m_dir.filePath("package.json");
        CliRun run =
            runCli({"drift", m_package, m_shifted, "--fail-on", "drift", "--report", report});
        QVERIFY2(run.exitCode == 3, qPrintable(run.out + run.err));
        const QJsonObject json = readReport(report);
        const QJsonObject reference = json["reference"].toObject();
        QCOMPARE(reference["kind"].toString(), "model_package");
        QVERIFY(reference["training_rows"].toInt() >= reference["rows"].toInt());
        QVERIFY(reference["rows"].toInt() > 0);
        const QJsonObject model = json["model"].toObject();
        QCOMPARE(model["path"].toString(), m_package);
        QVERIFY(names(model["prediction_columns"].toArray()).contains("prediction"));
        const QJsonObject prediction = column(json, "prediction");
        QVERIFY2(prediction["drift"].toBool(), qPrintable(run.out));
        QVERIFY(column(json, kPetalLength)["drift"].toBool());
        QVERIFY(!column(json, "sepal width (cm)")["drift"].toBool(true));
        QVERIFY(column(json, "species").isEmpty()); // not an input of the model

        // The same model on a data file as the reference.
        run = runCli({"drift", kIris, m_shifted, "--model", m_package, "--report", report});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(column(readReport(report), "prediction")["drift"].toBool());
        // The model's own training data shows no drift in its predictions.
        run = runCli({"drift", m_package, kIris, "--fail-on", "drift"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    }

    void htmlReport() {
        const QString report = m_dir.filePath("drift.html");
        const CliRun run = runCli({"drift", m_package, m_shifted, "--report", report});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile file(report);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray html = file.readAll();
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QVERIFY(!html.contains("<script"));
        QXmlStreamReader xml(html);
        int charts = 0;
        QStringList columns;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement) continue;
            if (xml.name() == u"svg" && xml.attributes().value("class") == u"chart") ++charts;
            if (xml.name() == u"div" && xml.attributes().value("class") == u"name")
                columns << xml.readElementText();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        // Four inputs, the predicted class and three probabilities; drifted ones first.
        QCOMPARE(charts, 8);
        QCOMPARE(columns.size(), 8);
        QCOMPARE(columns.first(), kPetalLength);
        for (const char* name : {"sepal length (cm)", "prediction", "P(virginica)"})
            QVERIFY2(columns.contains(name), qPrintable(columns.join(", ")));

        // libxml2's HTML parser knows HTML 4 elements only: it names the SVG and HTML5 ones it
        // does not know, which is all it may say.
        const QString xmllint = QStandardPaths::findExecutable("xmllint");
        QVERIFY2(!xmllint.isEmpty(),
                 "xmllint is missing: run packaging/install-deps.sh (Debian package libxml2-utils)");
        QProcess lint;
        lint.start(xmllint, {"--html", "--noout", report});
        QVERIFY(lint.waitForFinished(kHangGuardMs));
        QCOMPARE(lint.exitCode(), 0);
        const QString said = QString::fromUtf8(lint.readAllStandardError());
        for (const QString& line : said.split('\n'))
            if (line.contains("parser error"))
                QVERIFY2(line.contains(QRegularExpression(
                             "HTML parser error : Tag (svg|g|rect|line|text|title|footer) "
                             "invalid$")),
                         qPrintable(line));
    }

    void badInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing reference")
            << QStringList{"drift", "absent.csv", kIris} << "absent.csv";
        QTest::newRow("missing current") << QStringList{"drift", kIris, "gone.csv"} << "gone.csv";
        QTest::newRow("unknown test") << QStringList{"drift", kIris, kIris, "--test", "species=t"}
                                      << "--test species=t: unknown test 't'";
        QTest::newRow("test for an unknown column")
            << QStringList{"drift", kIris, kIris, "--test", "colour=psi"}
            << "has no column 'colour'";
        QTest::newRow("numeric test on a category")
            << QStringList{"drift", kIris, kIris, "--test", "species=ks"}
            << "--test species=ks: test 'ks' needs a numeric column";
        QTest::newRow("unknown column")
            << QStringList{"drift", kIris, kIris, "--column", "colour"}
            << "--column colour: " + kIris + " has no column 'colour'";
        QTest::newRow("bad threshold")
            << QStringList{"drift", kIris, kIris, "--threshold", "species=-1"}
            << "--threshold species=-1: expected a number above 0";
        QTest::newRow("p-value threshold above 1")
            << QStringList{"drift", kIris, kIris, "--threshold", "species=2"}
            << "--threshold species=2: column 'species' is judged by the p-value";
        QTest::newRow("report format")
            << QStringList{"drift", kIris, kIris, "--report", "drift.pdf"}
            << "--report drift.pdf: a drift report is JSON (.json) or HTML (.html)";
        QTest::newRow("fail-on value")
            << QStringList{"drift", kIris, kIris, "--fail-on", "warning"} << "--fail-on";
        QTest::newRow("package as current")
            << QStringList{"drift", kIris, "model.ofmodel"}
            << "model.ofmodel: CURRENT is a data file";
    }
    void badInput() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliRun run = runCli(args, m_dir.path());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(!QFile::exists(m_dir.filePath("drift.pdf")));
    }

    // The current file lacks a compared column: named, with the file, and no report written.
    void currentLacksAColumn() {
        const QString three = m_dir.filePath("three.csv");
        QVERIFY(writeIrisColumns(three, 3));
        const QString report = m_dir.filePath("lacking.json");
        CliRun run = runCli({"drift", kIris, three, "--report", report});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(three + " has no column 'petal width (cm)'"),
                 qPrintable(run.err));
        QVERIFY(!QFile::exists(report));
        // Against a package: the model cannot read the file without it.
        run = runCli({"drift", m_package, three});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("petal width (cm)") && run.err.contains(three),
                 qPrintable(run.err));
        // --column leaves it out: the rest is compared.
        run = runCli({"drift", kIris, three, "--column", "sepal length (cm)"});
        QCOMPARE(run.exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(CliDriftTest)
#include "tst_clidrift.moc"
