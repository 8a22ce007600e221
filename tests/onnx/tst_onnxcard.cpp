// The model card an ONNX export writes beside the model (issue 21): named after the model and
// never replacing another file, the categories and what an unseen one becomes, the fitted
// preprocessing, held-out metrics, a real training row with the app's prediction, and hashes.
// Its Node.js snippet is run with onnxruntime-node and must print the card's expected output.
// Also the float32 option: what the card says, and that float inputs do flip decisions on raw
// decimal values where the default double inputs do not.
#include "OnnxHarness.h"

#include "export/OnnxExport.h"
#include "models/RandomForest.h"
#include "util/Error.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTest>

#include <cmath>

using namespace oficina::core;

namespace {

using namespace onnxtest;

std::shared_ptr<const Learner> forest(TreeCriterion criterion, int trees) {
    return makeLearner(
        "Random forest",
        criterion == TreeCriterion::SquaredError ? Task::Regression : Task::Classification,
        [=](const Table& t, const std::string& target, RunContext&) {
            RandomForestOptions o;
            o.nEstimators = trees;
            o.criterion = criterion;
            o.maxFeatures = RandomForestOptions::defaultMaxFeatures(criterion);
            return Fitted{trainRandomForest(t, featuresOf(t), target, o).estimator, {}};
        });
}

Case gridForestRegressor() { // values in the thousands
    const Table raw = gridDataset("amount");
    return {train(imputedScaled(select(raw, {"a", "b", "c", "d"}, "amount")),
                  forest(TreeCriterion::SquaredError, 20)),
            raw};
}

Case gridForestClassifier() {
    const Table raw = gridDataset("kind");
    return {train(imputedScaled(select(raw, {"a", "b", "c", "d"}, "kind")),
                  forest(TreeCriterion::Gini, 50)),
            raw};
}

Case diabetesClusters() {
    const Table raw = dataset("diabetes", "progression");
    return {train(imputedScaled(select(raw, {"age", "bmi", "bp", "s5"}, "")), kmeans(4)), raw};
}

QString readText(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

/// The body of the card's first fenced block that starts with "```<language>".
QString fenced(const QString& card, const QString& language) {
    const QRegularExpression block(QStringLiteral("```%1\\n(.*?)```").arg(language),
                                   QRegularExpression::DotMatchesEverythingOption);
    return block.match(card).captured(1);
}

/// "label: x" and "probabilities: a, b" lines as name → fields.
std::map<QString, QStringList> outputLines(const QString& text) {
    std::map<QString, QStringList> out;
    for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(QLatin1String(": "));
        if (colon > 0)
            out[line.left(colon)] = line.mid(colon + 2).split(QStringLiteral(", "));
    }
    return out;
}

/// Counted independently of the exporter: non-missing numeric training cells of `columns`
/// that float32 does not hold exactly.
size_t floatInexact(const Table& trainingRaw, const std::vector<std::string>& columns) {
    size_t count = 0;
    for (const std::string& name : columns)
        for (double v : trainingRaw.column(name).values())
            if (!std::isnan(v) && double(float(v)) != v) ++count;
    return count;
}

/// The table with every number rounded to float32: the values a float export represents.
Table roundedToFloat(const Table& table) {
    std::vector<Column> columns;
    for (const Column& c : table.columns()) {
        if (!c.isNumeric()) {
            columns.push_back(c);
            continue;
        }
        std::vector<double> values = c.values();
        for (double& v : values)
            v = double(float(v));
        columns.push_back(Column::numeric(c.name(), std::move(values), c.role()));
    }
    Table t(std::move(columns));
    t.startLineage();
    return t;
}

} // namespace

class OnnxCard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_ort.start(), qPrintable(m_ort.error())); }

    void cardSaysWhatTheEngineerNeeds() {
        const QString dir = m_ort.file(QStringLiteral("card"));
        QVERIFY(QDir().mkpath(dir));
        const Case c = imputeOneHotScaleLogistic();
        const QString file = dir + QStringLiteral("/wine.onnx");
        OnnxExportOptions options;
        options.pipelineName = "wine.oficina";
        options.pipelineHash = std::string(64, 'a');
        options.heldOut = {{"test rows", {{"accuracy", 0.96875}}},
                           {"5-fold cross-validation", {{"accuracy_mean", 0.955}}}};
        const OnnxExportResult r = exportOnnx(c.model, file.toStdString(), options);
        QCOMPARE(QString::fromStdString(r.cardPath), dir + QStringLiteral("/wine.md"));
        const QString card = readText(dir + QStringLiteral("/wine.md"));
        QVERIFY(card.startsWith(QStringLiteral("<!-- Oficina model card of wine.onnx -->")));
        QVERIFY(!QFile::exists(dir + QStringLiteral("/MODEL.md")));

        QFile onnx(file);
        QVERIFY(onnx.open(QIODevice::ReadOnly));
        const QByteArray sha =
            QCryptographicHash::hash(onnx.readAll(), QCryptographicHash::Sha256).toHex();
        const Table training = trainingRows(c.rows);
        for (const QString& needle : {
                 // the categories seen, and what an unseen one becomes
                 QStringLiteral("| low, mid, high, extreme | all zeros in its one-hot columns |"),
                 QStringLiteral("**Numbers:** numeric inputs and outputs are double"),
                 // fitted values, held-out and training metrics
                 QStringLiteral("| Imputer | magnesium | fill value 88 |"),
                 QStringLiteral("| Standard scaler | alcohol | mean 12.99"),
                 QStringLiteral("| One-hot encoder | color_intensity_level | categories high, "
                                "low, mid |"),
                 QStringLiteral("### On test rows"), QStringLiteral("| accuracy | 0.96875 |"),
                 QStringLiteral("### On 5-fold cross-validation"),
                 QStringLiteral("### On the training rows"), QStringLiteral("| loss |"),
                 // the example and the three snippets
                 QStringLiteral("A real training row"), QStringLiteral("probabilities: "),
                 QStringLiteral("import onnxruntime"), QStringLiteral("Ort::Session"),
                 QStringLiteral("require('onnxruntime-node')"),
                 QStringLiteral("It uses `ai.onnx.ml` (LabelEncoder, OneHotEncoder)"),
                 // versions
                 QStringLiteral("| model file SHA-256 | `%1` |").arg(QString::fromLatin1(sha)),
                 QStringLiteral("| training data SHA-256 (%1 rows, %2 raw columns) |")
                     .arg(training.rowCount())
                     .arg(c.rows.columnCount()),
                 QStringLiteral("| pipeline SHA-256 (canonical file) | `%1` |")
                     .arg(QString(64, QLatin1Char('a'))),
                 QStringLiteral("ONNX Runtime 1.30.0"),
             })
            QVERIFY2(card.contains(needle), qPrintable(needle));
        // The example is the first complete training row: its alcohol is in the request.
        const double alcohol = training.column("alcohol").values()[0];
        QVERIFY2(card.contains(QStringLiteral("| `alcohol` | %1 |")
                                   .arg(QString::fromStdString(formatNumber(alcohol)))),
                 qPrintable(card));
    }

    void nodeSnippetPrintsTheExpectedOutput_data() {
        QTest::addColumn<int>("which");
        QTest::newRow("classifier, mixed wine") << 0;
        QTest::newRow("regressor, grid values in the thousands") << 1;
        QTest::newRow("K-Means, diabetes") << 2;
    }

    void nodeSnippetPrintsTheExpectedOutput() {
        QFETCH(int, which);
        const Case c = which == 0 ? imputeOneHotScaleLogistic()
                       : which == 1 ? gridForestRegressor()
                                    : diabetesClusters();
        const QString dir = m_ort.file(QStringLiteral("snippet%1").arg(which));
        QVERIFY(QDir().mkpath(dir));
        const OnnxExportResult r =
            exportOnnx(c.model, (dir + QStringLiteral("/model.onnx")).toStdString());
        const QString card = readText(QString::fromStdString(r.cardPath));
        const QString script = fenced(card, QStringLiteral("js"));
        const QString expected =
            card.mid(card.indexOf(QLatin1String("Expected output"))).section(QLatin1String("```"), 1, 1);
        QVERIFY2(!script.isEmpty() && expected.contains(QLatin1String("label: ")), qPrintable(card));
        QFile js(dir + QStringLiteral("/run.js"));
        QVERIFY(js.open(QIODevice::WriteOnly));
        js.write(script.toUtf8());
        js.close();

        QProcess node;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NODE_PATH"), ortDirectory() + QStringLiteral("/node_modules"));
        node.setProcessEnvironment(env);
        node.setWorkingDirectory(dir);
        node.start(QStringLiteral("node"), {QStringLiteral("run.js")});
        QVERIFY(node.waitForFinished(-1));
        QVERIFY2(node.exitCode() == 0, node.readAllStandardError().constData());
        const auto printed = outputLines(QString::fromUtf8(node.readAllStandardOutput()));
        const auto wanted = outputLines(expected);
        QCOMPARE(printed.size(), wanted.size());
        for (const auto& [name, fields] : wanted) {
            QVERIFY2(printed.count(name), qPrintable(name));
            const QStringList& got = printed.at(name);
            QCOMPARE(got.size(), fields.size());
            for (qsizetype i = 0; i < fields.size(); ++i) {
                bool numeric = false;
                const double want = fields[i].toDouble(&numeric);
                if (!numeric || name == QLatin1String("label") && which != 1)
                    QCOMPARE(got[i], fields[i]);
                else
                    QVERIFY2(std::abs(got[i].toDouble() - want) <= 1e-6 * std::max(1.0, std::abs(want)),
                             qPrintable(got[i] + QStringLiteral(" vs ") + fields[i]));
            }
        }
    }

    void cardsNeverReplaceAnotherFile() {
        const QString dir = m_ort.file(QStringLiteral("two"));
        QVERIFY(QDir().mkpath(dir));
        (void)exportOnnx(diabetesClusters().model, (dir + QStringLiteral("/a.onnx")).toStdString());
        (void)exportOnnx(imputeOneHotScaleLogistic().model, (dir + QStringLiteral("/b.onnx")).toStdString());
        QVERIFY(readText(dir + QStringLiteral("/a.md")).contains(QLatin1String("card of a.onnx")));
        QVERIFY(readText(dir + QStringLiteral("/b.md")).contains(QLatin1String("card of b.onnx")));
        // Exporting a.onnx again replaces its own card.
        (void)exportOnnx(diabetesClusters().model, (dir + QStringLiteral("/a.onnx")).toStdString());
        // The user's own c.md stays, and nothing is written for c.onnx.
        QFile notes(dir + QStringLiteral("/c.md"));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("# my notes\n");
        notes.close();
        try {
            (void)exportOnnx(imputeOneHotScaleLogistic().model, (dir + QStringLiteral("/c.onnx")).toStdString());
            QFAIL("the export replaced a file that is not its card");
        } catch (const Error& e) {
            QVERIFY2(e.message().english().find("'c.md'") != std::string::npos,
                     e.message().english().c_str());
        }
        QVERIFY(!QFile::exists(dir + QStringLiteral("/c.onnx")));
        QCOMPARE(readText(dir + QStringLiteral("/c.md")), QStringLiteral("# my notes\n"));
    }

    void floatExportSaysWhatItCannotMatch() {
        const QString dir = m_ort.file(QStringLiteral("float"));
        QVERIFY(QDir().mkpath(dir));
        const Case c = gridForestClassifier();
        const QString file = dir + QStringLiteral("/grid.onnx");
        const OnnxExportResult r =
            exportOnnx(c.model, file.toStdString(), {.floatInputs = true});
        for (const OnnxInput& in : r.inputs)
            QCOMPARE(in.type, std::string("float"));
        const QString card = readText(QString::fromStdString(r.cardPath));
        const Table training = trainingRows(c.rows);
        const size_t inexact = floatInexact(training, {"a", "b", "c", "d"});
        QVERIFY(inexact > 0); // 0.001 steps: most are not floats
        QVERIFY2(card.contains(QStringLiteral("**Numbers: float32.**")), qPrintable(card));
        QVERIFY2(card.contains(QStringLiteral(", %1 are not exact in float32").arg(inexact)),
                 qPrintable(card));
        // Values float32 holds exactly: the float export gives the app's predictions.
        const Table exact = roundedToFloat(c.rows);
        QString failure = m_ort.compare(c.model, exact, file, r);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        // The raw values: the float export decides some rows otherwise (the defect the double
        // default fixes), the double export decides them all as the app does.
        failure = m_ort.compare(c.model, c.rows, file, r);
        QVERIFY2(!failure.isEmpty(), "float inputs matched the app on raw decimal values");
        qInfo("float inputs on raw values: %s", qPrintable(failure));
        failure = m_ort.check(c.model, c.rows, dir + QStringLiteral("/grid-double.onnx"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

private:
    OrtChecker m_ort;
};

QTEST_GUILESS_MAIN(OnnxCard)
#include "tst_onnxcard.moc"
