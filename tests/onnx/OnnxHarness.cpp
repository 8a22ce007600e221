#include "OnnxHarness.h"

#include "cluster/KMeans.h"
#include "data/CsvReader.h"
#include "data/FeatureMatrix.h"
#include "transform/ColumnSelection.h"
#include "transform/Encoders.h"
#include "transform/Imputer.h"
#include "transform/StandardScaler.h"
#include "util/RunContext.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTest>

#include <QFile>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace oficina::core;

namespace onnxtest {

namespace {

const QString kRunner = QStringLiteral(OFICINA_SOURCE_DIR "/tests/onnx/run_model.js");

double number(const QJsonValue& v) {
    return v.isNull() ? std::nan("") : v.toDouble();
}

/// How far the best of `scores` is ahead of the runner-up (the largest when `largestWins`, the
/// smallest otherwise); infinite with fewer than two.
double runnerUpGap(std::vector<double> scores, bool largestWins) {
    if (scores.size() < 2) return std::numeric_limits<double>::infinity();
    std::sort(scores.begin(), scores.end());
    return largestWins ? scores[scores.size() - 1] - scores[scores.size() - 2]
                       : scores[1] - scores[0];
}

} // namespace

namespace {

Table withTarget(const Table& raw, const std::string& target) {
    std::vector<Column> columns;
    for (const Column& c : raw.columns())
        columns.push_back(
            c.withRole(c.name() == target ? ColumnRole::Target : ColumnRole::Feature));
    Table t(std::move(columns));
    t.startLineage();
    return t;
}

} // namespace

Table dataset(const std::string& name, const std::string& target) {
    return withTarget(
        readCsv(std::string(OFICINA_SOURCE_DIR) + "/resources/datasets/" + name + ".csv").table,
        target);
}

Table gridDataset(const std::string& target) {
    std::mt19937 random(2026);
    const auto grid = [&](int steps) {
        return std::uniform_int_distribution<int>(0, steps)(random);
    };
    QString csv = QStringLiteral("a,b,c,d,kind,amount\n");
    for (int row = 0; row < 600; ++row) {
        const int a = grid(300), b = grid(300), c = grid(150), d = grid(2000);
        // Thresholds on grid values, so trees split exactly where values repeat.
        QString kind = a + b > 300 ? QStringLiteral("high")
                       : c <= 75   ? QStringLiteral("low")
                                   : QStringLiteral("mid");
        if (grid(9) == 0) kind = QStringLiteral("mid");
        const double amount = 1000.0 + 20.0 * a + 0.05 * b * b + 3.0 * d / 1000.0 + grid(500);
        csv += QStringLiteral("%1,%2,%3,%4,%5,%6\n")
                   .arg(a / 1000.0, 0, 'f', 3)
                   .arg(b / 1000.0, 0, 'f', 3)
                   .arg(c / 1000.0, 0, 'f', 3)
                   .arg(row % 13 == 5 ? QString() : QString::number(d / 1000.0, 'f', 3))
                   .arg(kind)
                   .arg(amount, 0, 'f', 2);
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("grid.csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv.toUtf8()) < 0) return Table{};
    file.close();
    return withTarget(readCsv(path.toStdString()).table, target);
}

Table mixed(const Table& table, const std::string& source, double low, double high,
            const std::string& blank) {
    std::vector<Column> columns;
    int highs = 0;
    for (const Column& c : table.columns()) {
        if (c.name() == source) {
            std::vector<int32_t> codes;
            for (size_t i = 0; i < c.size(); ++i) {
                const double v = c.values()[i];
                int32_t code = v < low ? 0 : v < high ? 1 : 2;
                if (code == 2 && i % 4 == 0 && highs++ % 2 == 0) code = 3;
                codes.push_back(i % 7 == 3 ? Column::kMissingCode : code);
            }
            columns.push_back(Column::categorical(source + "_level", std::move(codes),
                                                  {"low", "mid", "high", "extreme"}));
        } else if (c.name() == blank) {
            std::vector<double> values = c.values();
            for (size_t i = 4; i < values.size(); i += 9)
                values[i] = std::nan("");
            columns.push_back(Column::numeric(c.name(), std::move(values), c.role()));
        } else {
            columns.push_back(c);
        }
    }
    Table t(std::move(columns));
    t.startLineage();
    return t;
}

Table wineMixed() {
    return mixed(dataset("wine", "cultivar"), "color_intensity", 4, 7, "magnesium");
}

Table diabetesMixed() {
    return mixed(dataset("diabetes", "progression"), "bmi", 24, 30, "bp");
}

Table trainingRows(const Table& table) {
    std::vector<size_t> rows;
    for (size_t i = 0; i < table.rowCount(); ++i)
        if (i % 4 != 0) rows.push_back(i);
    return table.takeRows(rows);
}

Table select(const Table& t, std::vector<std::string> features, const std::string& target) {
    if (features.empty())
        for (const Column& c : t.columns())
            if (c.name() != target) features.push_back(c.name());
    std::vector<ColumnSchema> schemas;
    for (const std::string& name : features) {
        const Column& c = t.column(name);
        schemas.push_back({name, c.type(), ColumnRole::Feature,
                           c.isNumeric() ? std::vector<std::string>{} : c.categories()});
    }
    return applyStep(std::make_shared<const ColumnSelectionStep>(std::move(schemas), target), t);
}

std::vector<std::string> featuresOf(const Table& t) {
    return t.namesWithRole(ColumnRole::Feature);
}

Table imputedScaled(const Table& selected) {
    Table t = applyStep(fitImputer(trainingRows(selected), {}), selected);
    return applyStep(fitStandardScaler(trainingRows(t)), t);
}

std::shared_ptr<const Learner> logistic(LogisticRegressionOptions options) {
    return makeLearner("Logistic regression", Task::Classification,
                       [options](const Table& t, const std::string& target, RunContext&) {
                           auto trained =
                               trainLogisticRegression(t, featuresOf(t), target, options);
                           return Fitted{trained.estimator, {{"loss", trained.fit.loss}}};
                       });
}

std::shared_ptr<const Learner> kmeans(int k) {
    return makeLearner("K-Means", Task::Clustering,
                       [k](const Table& t, const std::string&, RunContext&) {
                           KMeansOptions o;
                           o.nClusters = k;
                           const auto names = featuresOf(t);
                           KMeansFit fit = fitKMeans(featureMatrix(t, names), o);
                           return Fitted{std::make_shared<const KMeansModel>(names, fit.centers),
                                         {{"inertia", fit.inertia}}};
                       });
}

Model train(const Table& table, std::shared_ptr<const Learner> learner) {
    RunContext ctx;
    return trainModel(trainingRows(table), std::move(learner), ctx);
}

Case imputeOneHotScaleLogistic() {
    const Table raw = wineMixed();
    Table t = select(raw, {}, "cultivar");
    t = applyStep(fitImputer(trainingRows(t), {.strategy = ImputeStrategy::MostFrequent}), t);
    t = applyStep(fitOneHotEncoder(trainingRows(t)), t);
    t = applyStep(fitStandardScaler(trainingRows(t)), t);
    return {train(t, logistic()), raw};
}

QJsonObject feedsFor(const OnnxExportResult& exported, const Table& rows) {
    QJsonObject feeds;
    for (const OnnxInput& in : exported.inputs) {
        QJsonArray data;
        for (size_t i = 0; i < rows.rowCount(); ++i)
            for (const std::string& name : in.columns) {
                const Column& c = rows.column(name);
                if (!c.isNumeric())
                    data.append(QString::fromStdString(c.cellText(i)));
                else if (std::isnan(c.values()[i]))
                    data.append(QJsonValue::Null);
                else
                    data.append(c.values()[i]);
            }
        feeds.insert(
            QString::fromStdString(in.name),
            QJsonObject{{"type", QString::fromStdString(in.type)},
                        {"dims", QJsonArray{qint64(rows.rowCount()), qint64(in.columns.size())}},
                        {"data", data}});
    }
    return feeds;
}

QString ortDirectory() {
    return qEnvironmentVariable("OFICINA_ORT_DIR", QStringLiteral(OFICINA_ORT_DIR));
}

OrtChecker::OrtChecker() {
    m_dir.setAutoRemove(!qEnvironmentVariableIsSet("OFICINA_ONNX_KEEP")); // to look at the files
}

OrtChecker::~OrtChecker() {
    if (m_node.state() != QProcess::NotRunning) {
        m_node.closeWriteChannel();
        if (!m_node.waitForFinished(5000)) m_node.kill();
    }
    qInfo("largest difference over all cases: %.3g", m_largest);
}

bool OrtChecker::start() {
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder");
        return false;
    }
    if (!m_dir.autoRemove()) qInfo("exports kept in %s", qPrintable(m_dir.path()));
    const QString ortDir = ortDirectory();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OFICINA_ORT_DIR"), ortDir);
    const QString help =
        QStringLiteral("ONNX Runtime for Node is not usable from %1: run tests/onnx/install_ort.sh "
                       "%1 (ctest's onnx.runtime test does; it needs node, npm and npm's "
                       "registry)")
            .arg(ortDir);
    QProcess check;
    check.setProcessEnvironment(env);
    check.start(QStringLiteral("node"), {kRunner, QStringLiteral("--check")});
    if (!check.waitForFinished(60000) || check.exitStatus() != QProcess::NormalExit ||
        check.exitCode() != 0) {
        m_error = help + QStringLiteral("\n") + QString::fromUtf8(check.readAllStandardError());
        return false;
    }
    qInfo("%s", check.readAllStandardOutput().trimmed().constData());
    m_node.setProcessEnvironment(env);
    m_node.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_node.start(QStringLiteral("node"), {kRunner, QStringLiteral("--serve")});
    if (!m_node.waitForStarted(10000)) {
        m_error = help;
        return false;
    }
    return true;
}

QString OrtChecker::file(const QString& name) const {
    return m_dir.filePath(name);
}

QJsonObject OrtChecker::run(const QString& model, const QJsonObject& feeds) {
    const QJsonObject request{{"model", model}, {"inputs", feeds}};
    m_node.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    while (!m_node.canReadLine())
        if (!m_node.waitForReadyRead(60000)) return {{"error", "no answer from run_model.js"}};
    return QJsonDocument::fromJson(m_node.readLine()).object();
}

QString OrtChecker::check(const Model& model, const Table& rows, const QString& file,
                          const OnnxExportOptions& options) {
    OnnxExportOptions chosen = options;
    // OFICINA_ONNX_FLOAT_INPUTS=1 runs every parity case with float inputs, the export before
    // issue 21: it shows what the raw-value datasets catch.
    if (qEnvironmentVariableIntValue("OFICINA_ONNX_FLOAT_INPUTS") == 1) chosen.floatInputs = true;
    return compare(model, rows, file, exportOnnx(model, file.toStdString(), chosen));
}

QString OrtChecker::checkCase(const NamedCase& named, const QString& file) {
    const Case c = named.make();
    if (const auto why = oficina::core::onnxRefusal(c.model))
        return QStringLiteral("%1: refused: %2")
            .arg(named.name, QString::fromStdString(why->english()));
    qInfo("%s: %s, %zu rows", qPrintable(QFileInfo(file).fileName()), named.name,
          c.rows.rowCount());
    return check(c.model, c.rows, file);
}

void addParityRows(const std::vector<NamedCase>& cases) {
    QTest::addColumn<int>("index");
    for (size_t i = 0; i < cases.size(); ++i)
        QTest::newRow(cases[i].name) << int(i);
}

QString OrtChecker::compare(const Model& model, const Table& rows, const QString& file,
                            const OnnxExportResult& exported) {
    const QJsonObject answer = run(file, feedsFor(exported, rows));
    if (answer.contains(QLatin1String("error")))
        return QStringLiteral("ONNX Runtime failed: ") +
               answer.value(QLatin1String("error")).toString();
    const QJsonObject outputs = answer.value(QLatin1String("outputs")).toObject();
    const auto values = [&](const char* name) {
        return outputs.value(QLatin1String(name)).toObject().value(QLatin1String("data")).toArray();
    };
    const Table predicted = model.predict(rows);
    const size_t n = rows.rowCount();
    const QJsonArray label = values("label");
    if (size_t(label.size()) != n)
        return QStringLiteral("label has %1 rows, expected %2").arg(label.size()).arg(n);
    double largest = 0.0;
    size_t closeCalls = 0;
    QString failure;
    // Relative for values and distances, absolute for probabilities.
    const auto near = [&](double app, double onnx, const char* what, size_t row,
                          bool relative) {
        const double diff = std::isnan(app) && std::isnan(onnx) ? 0.0 : std::abs(app - onnx);
        const double allowed = relative ? m_tolerance.value * std::max(1.0, std::abs(app))
                                        : m_tolerance.probability;
        if (!(diff <= allowed) && failure.isEmpty())
            failure = QStringLiteral("%1, row %2: app %3, ONNX %4")
                          .arg(QLatin1String(what))
                          .arg(row)
                          .arg(app, 0, 'g', 10)
                          .arg(onnx, 0, 'g', 10);
        if (!std::isnan(diff)) largest = std::max(largest, diff);
    };
    // `margin`: by how much the app's decision for the row won over the runner-up.
    const auto sameLabel = [&](const std::string& app, const QString& onnx, size_t row,
                               double margin) {
        if (app == onnx.toStdString()) return;
        if (margin < kCloseCall) {
            ++closeCalls;
            return;
        }
        if (failure.isEmpty())
            failure = QStringLiteral("row %1: the app says '%2', ONNX '%3'")
                          .arg(row)
                          .arg(QString::fromStdString(app), onnx);
    };
    switch (model.estimator->task()) {
    case Task::Classification: {
        const Column& app = predicted.column(kPredictionColumn);
        std::vector<const Column*> columns; // P(label) in class order, as the graph has them
        for (const Column& c : predicted.columns())
            if (c.role() == ColumnRole::Prediction && c.name() != kPredictionColumn)
                columns.push_back(&c);
        for (size_t i = 0; i < n; ++i) {
            std::vector<double> p;
            for (const Column* c : columns)
                p.push_back(c->values()[i]);
            sameLabel(app.cellText(i), label[qsizetype(i)].toString(), i, runnerUpGap(p, true));
        }
        const QJsonArray p = values("probabilities");
        const size_t k = columns.size();
        if (size_t(p.size()) != n * k)
            return QStringLiteral("probabilities: %1 values, expected %2").arg(p.size()).arg(n * k);
        for (size_t i = 0; i < n; ++i)
            for (size_t j = 0; j < k; ++j)
                near(columns[j]->values()[i], number(p[qsizetype(i * k + j)]), "probability", i,
                     false);
        break;
    }
    case Task::Regression: {
        const Column& app = predicted.column(kPredictionColumn);
        for (size_t i = 0; i < n; ++i)
            near(app.values()[i], number(label[qsizetype(i)]), "value", i, true);
        break;
    }
    case Task::Clustering: {
        const Column& app = predicted.column(kClusterColumn);
        const auto* kmeans = dynamic_cast<const KMeansModel*>(model.estimator.get());
        Eigen::MatrixXd distances; // the app's distance of each row to each centre
        if (kmeans) {
            const Eigen::MatrixXd X =
                featureMatrix(model.lineage.applyTo(rows), kmeans->featureNames());
            distances.resize(X.rows(), kmeans->centers().rows());
            for (Eigen::Index i = 0; i < X.rows(); ++i)
                for (Eigen::Index c = 0; c < distances.cols(); ++c)
                    distances(i, c) = (X.row(i) - kmeans->centers().row(c)).norm();
        }
        for (size_t i = 0; i < n; ++i) {
            double margin = std::numeric_limits<double>::infinity();
            if (kmeans) {
                const auto row = distances.row(Eigen::Index(i));
                margin = runnerUpGap(std::vector<double>(row.begin(), row.end()), false);
            }
            sameLabel(app.cellText(i), QString::number(label[qsizetype(i)].toInteger()), i,
                      margin);
        }
        if (!kmeans) break;
        const QJsonArray d = values("distances");
        const auto k = size_t(distances.cols());
        if (size_t(d.size()) != n * k)
            return QStringLiteral("distances: %1 values, expected %2").arg(d.size()).arg(n * k);
        for (size_t i = 0; i < n; ++i)
            for (size_t c = 0; c < k; ++c)
                near(distances(Eigen::Index(i), Eigen::Index(c)), number(d[qsizetype(i * k + c)]),
                     "distance", i, true);
        break;
    }
    }
    if (closeCalls > 0)
        qInfo("%s: %zu row(s) with another label where the app decides by less than %g",
              qPrintable(QFileInfo(file).fileName()), closeCalls, kCloseCall);
    m_closeCalls += closeCalls;
    qInfo("%s: %llu bytes, %zu nodes, %zu input(s), largest difference %.3g",
          qPrintable(QFileInfo(file).fileName()), static_cast<unsigned long long>(exported.bytes),
          exported.nodeCount, exported.inputs.size(), largest);
    m_largest = std::max(m_largest, largest);
    return failure;
}

} // namespace onnxtest
