// Metric gates (core/monitor/Gates): the rule grammar and its errors, MLflow MetricThreshold
// semantics for every kind of rule (against MLflow's _validate arithmetic, restated below), the
// gates that cannot be evaluated, the run report reader on a report of a real run, and the
// Markdown summary.
#include "eval/Metrics.h"
#include "monitor/Gates.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"
#include "pipeline/RunReport.h"
#include "util/Error.h"

#include "GraphBuilder.h"

#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <limits>

using namespace oficina::core;
using namespace oficina::core::monitor;

Q_DECLARE_METATYPE(GateOp)
Q_DECLARE_METATYPE(GateValue)

namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

QString errorText(const std::string& rule) {
    try {
        parseGateRule(rule);
    } catch (const Error& e) {
        return QString::fromStdString(e.what());
    }
    return QStringLiteral("(no error)");
}

void writeFile(const QString& path, const std::string& text) {
    std::ofstream out(path.toStdString(), std::ios::binary);
    out << text;
}

GateResult evaluateOne(const std::string& rule, double value, double baseline) {
    const MetricMap run{{"m.x", value}};
    const MetricMap base{{"m.x", baseline}};
    return evaluateGates({parseGateRule(rule)}, run, &base).front();
}

// MLflow's _validate for one metric (mlflow/models/evaluation/validation.py), restated: the
// reference the gates must agree with wherever MetricThreshold can express the rule.
bool mlflowPasses(const GateThreshold& t, double v, double b) {
    const bool gib = t.greaterIsBetter;
    auto cmp = [gib](double a, double c) { return gib ? a >= c : a <= c; };
    if (t.threshold) return cmp(v, *t.threshold);
    if (t.minAbsoluteChange)
        return cmp(v, gib ? b + *t.minAbsoluteChange : b - *t.minAbsoluteChange);
    if (b == 0) return cmp(v, gib ? b + 1e-10 : b - 1e-10);
    const double change = gib ? (v - b) / b : (b - v) / b;
    return !(change < *t.minRelativeChange);
}

} // namespace

class TestGates : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parse_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("key");
        QTest::addColumn<GateOp>("op");
        QTest::addColumn<GateValue>("kind");
        QTest::addColumn<double>("operand");
        QTest::addColumn<QString>("condition");
        QTest::newRow("absolute") << "score.accuracy>=0.9"
                                  << "score.accuracy" << GateOp::GreaterEqual << GateValue::Number
                                  << 0.9 << ">= 0.9";
        QTest::newRow("spaces") << " \tscore.accuracy  >  0.9 \t"
                                << "score.accuracy" << GateOp::Greater << GateValue::Number << 0.9
                                << "> 0.9";
        QTest::newRow("plus") << "score.f1_macro >= baseline + 0.01"
                              << "score.f1_macro" << GateOp::GreaterEqual << GateValue::BaselinePlus
                              << 0.01 << ">= baseline+0.01";
        QTest::newRow("minus") << "train-1.loss<=baseline-0.5"
                               << "train-1.loss" << GateOp::LessEqual << GateValue::BaselineMinus
                               << 0.5 << "<= baseline-0.5";
        QTest::newRow("times") << "cv.accuracy_mean < baseline *1.05"
                               << "cv.accuracy_mean" << GateOp::Less << GateValue::BaselineTimes
                               << 1.05 << "< baseline*1.05";
        QTest::newRow("bare baseline")
            << "m.r2 >= baseline"
            << "m.r2" << GateOp::GreaterEqual << GateValue::BaselinePlus << 0.0 << ">= baseline";
        QTest::newRow("drift") << "drift.max_psi < 0.25"
                               << "drift.max_psi" << GateOp::Less << GateValue::Number << 0.25
                               << "< 0.25";
        QTest::newRow("negative") << "m.r2 >= -0.5"
                                  << "m.r2" << GateOp::GreaterEqual << GateValue::Number << -0.5
                                  << ">= -0.5";
        QTest::newRow("plus sign, exponent")
            << "m.r2 > +1e-3"
            << "m.r2" << GateOp::Greater << GateValue::Number << 1e-3 << "> +1e-3";
        QTest::newRow("leading point")
            << "m.r2>.5"
            << "m.r2" << GateOp::Greater << GateValue::Number << 0.5 << "> .5";
        QTest::newRow("family key")
            << "s.roc:setosa >= 0.5"
            << "s.roc:setosa" << GateOp::GreaterEqual << GateValue::Number << 0.5 << ">= 0.5";
    }

    void parse() {
        QFETCH(QString, text);
        QFETCH(QString, key);
        QFETCH(GateOp, op);
        QFETCH(GateValue, kind);
        QFETCH(double, operand);
        QFETCH(QString, condition);
        const GateRule rule = parseGateRule(text.toStdString());
        QCOMPARE(QString::fromStdString(rule.key), key);
        QCOMPARE(QString::fromStdString(rule.node), key.section(QLatin1Char('.'), 0, 0));
        QCOMPARE(rule.op, op);
        QCOMPARE(rule.kind, kind);
        QCOMPARE(rule.operand, operand);
        QCOMPARE(QString::fromStdString(rule.condition), condition);
        QCOMPARE(QString::fromStdString(rule.text), text.trimmed());
    }

    void parseErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << ""
                               << "gate '': column 1: expected a node id (letters, digits, "
                                  "'_' or '-')";
        QTest::newRow("no dot") << "score accuracy>=0.9"
                                << "gate 'score accuracy>=0.9': column 6: expected '.' and a "
                                   "metric after the node id";
        QTest::newRow("no metric") << "score.>=0.9"
                                   << "gate 'score.>=0.9': column 7: expected a metric name";
        QTest::newRow("equals") << "score.accuracy = 0.9"
                                << "gate 'score.accuracy = 0.9': column 16: expected an "
                                   "operator: >=, >, <= or <";
        QTest::newRow("word") << "score.accuracy >= high"
                              << "gate 'score.accuracy >= high': column 19: expected a number, "
                                 "baseline+D, baseline-D or baseline*R";
        QTest::newRow("double equals") << "score.accuracy >== 0.9"
                                       << "gate 'score.accuracy >== 0.9': column 18: expected "
                                          "a number, baseline+D, baseline-D or baseline*R";
        QTest::newRow("nan") << "m.x >= nan"
                             << "gate 'm.x >= nan': column 8: expected a number, baseline+D, "
                                "baseline-D or baseline*R";
        QTest::newRow("inf") << "m.x >= -inf"
                             << "gate 'm.x >= -inf': column 9: expected a number, baseline+D, "
                                "baseline-D or baseline*R";
        QTest::newRow("space after sign") << "m.x >= - 1"
                                          << "gate 'm.x >= - 1': column 9: expected a number, "
                                             "baseline+D, baseline-D or baseline*R";
        QTest::newRow("out of range") << "m.x >= 1e999"
                                      << "gate 'm.x >= 1e999': column 8: the number 1e999 is out "
                                         "of range";
        QTest::newRow("baseline divided") << "m.x >= baseline/2"
                                          << "gate 'm.x >= baseline/2': column 16: expected +D, "
                                             "-D or *R after baseline, or the end of the rule";
        QTest::newRow("baseline plus nothing") << "m.x >= baseline +"
                                               << "gate 'm.x >= baseline +': column 18: expected "
                                                  "a number after baseline+ or baseline-";
        QTest::newRow("signed change") << "m.x >= baseline+-0.1"
                                       << "gate 'm.x >= baseline+-0.1': column 17: expected a "
                                          "number after baseline+ or baseline-";
        QTest::newRow("ratio") << "m.x >= baseline*x"
                               << "gate 'm.x >= baseline*x': column 17: expected a ratio after "
                                  "baseline*";
        QTest::newRow("trailing") << "m.x >= 0.9 and more"
                                  << "gate 'm.x >= 0.9 and more': column 12: expected the end "
                                     "of the rule";
        QTest::newRow("half exponent") << "m.x >= 1e"
                                       << "gate 'm.x >= 1e': column 9: expected the end of the "
                                          "rule";
        QTest::newRow("not ascii") << "m.x >= 0.9 é"
                                   << "gate 'm.x >= 0.9 é': column 12: expected the end of the "
                                      "rule";
        QTest::newRow("pipe") << "m.x|y >= 1"
                              << "gate 'm.x|y >= 1': column 4: expected an operator: >=, >, <= "
                                 "or <";
    }

    void parseErrors() {
        QFETCH(QString, text);
        QFETCH(QString, error);
        QCOMPARE(errorText(text.toStdString()), error);
    }

    void mapsToMetricThreshold_data() {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<double>("threshold"); // NaN: not set
        QTest::addColumn<double>("absolute");
        QTest::addColumn<double>("relative");
        QTest::addColumn<bool>("greaterIsBetter");
        QTest::addColumn<bool>("strict");
        QTest::newRow(">=") << "m.x >= 0.9" << 0.9 << kNone << kNone << true << false;
        QTest::newRow(">") << "m.x > 0.9" << 0.9 << kNone << kNone << true << true;
        QTest::newRow("<=") << "m.x <= 0.2" << 0.2 << kNone << kNone << false << false;
        QTest::newRow("<") << "m.x < 0.2" << 0.2 << kNone << kNone << false << true;
        QTest::newRow(">= baseline+")
            << "m.x >= baseline+0.01" << kNone << 0.01 << kNone << true << false;
        QTest::newRow("<= baseline-")
            << "m.x <= baseline-0.01" << kNone << 0.01 << kNone << false << false;
        QTest::newRow(">= baseline- (tolerance)")
            << "m.x >= baseline-0.01" << kNone << -0.01 << kNone << true << false;
        QTest::newRow("< baseline+ (tolerance)")
            << "m.x < baseline+0.01" << kNone << -0.01 << kNone << false << true;
        QTest::newRow(">= baseline") << "m.x >= baseline" << kNone << 0.0 << kNone << true << false;
        QTest::newRow(">= baseline*")
            << "m.x >= baseline*1.5" << kNone << kNone << 0.5 << true << false;
        QTest::newRow("<= baseline*")
            << "m.x <= baseline*0.75" << kNone << kNone << 0.25 << false << false;
        QTest::newRow("> baseline* (tolerance)")
            << "m.x > baseline*0.75" << kNone << kNone << -0.25 << true << true;
    }

    void mapsToMetricThreshold() {
        QFETCH(QString, rule);
        QFETCH(double, threshold);
        QFETCH(double, absolute);
        QFETCH(double, relative);
        QFETCH(bool, greaterIsBetter);
        QFETCH(bool, strict);
        const GateThreshold t = metricThreshold(parseGateRule(rule.toStdString()));
        auto same = [](const std::optional<double>& actual, double expected) {
            return std::isnan(expected) ? !actual : actual && *actual == expected;
        };
        QVERIFY(same(t.threshold, threshold));
        QVERIFY(same(t.minAbsoluteChange, absolute));
        QVERIFY(same(t.minRelativeChange, relative));
        QCOMPARE(t.greaterIsBetter, greaterIsBetter);
        QCOMPARE(t.strict, strict);
    }

    void evaluate_data() {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("baseline");
        QTest::addColumn<double>("bound");
        QTest::addColumn<bool>("passed");
        QTest::addColumn<bool>("note");
        // Values exact in binary, so that equality is equality.
        QTest::newRow(">= at equality") << "m.x >= 0.75" << 0.75 << 0.0 << 0.75 << true << false;
        QTest::newRow("> at equality") << "m.x > 0.75" << 0.75 << 0.0 << 0.75 << false << false;
        QTest::newRow("> above") << "m.x > 0.75" << 0.875 << 0.0 << 0.75 << true << false;
        QTest::newRow(">= below") << "m.x >= 0.75" << 0.5 << 0.0 << 0.75 << false << false;
        QTest::newRow("<= at equality") << "m.x <= 0.25" << 0.25 << 0.0 << 0.25 << true << false;
        QTest::newRow("< at equality") << "m.x < 0.25" << 0.25 << 0.0 << 0.25 << false << false;
        QTest::newRow("< below") << "m.x < 0.25" << 0.125 << 0.0 << 0.25 << true << false;
        QTest::newRow("<= above") << "m.x <= 0.25" << 0.5 << 0.0 << 0.25 << false << false;

        QTest::newRow("baseline+ at equality")
            << "m.x >= baseline+0.25" << 0.75 << 0.5 << 0.75 << true << false;
        QTest::newRow("baseline+ strict")
            << "m.x > baseline+0.25" << 0.75 << 0.5 << 0.75 << false << false;
        QTest::newRow("baseline+ short")
            << "m.x >= baseline+0.25" << 0.625 << 0.5 << 0.75 << false << false;
        QTest::newRow("baseline- lower better")
            << "m.x <= baseline-0.25" << 0.25 << 0.5 << 0.25 << true << false;
        QTest::newRow("baseline- lower strict")
            << "m.x < baseline-0.25" << 0.25 << 0.5 << 0.25 << false << false;
        QTest::newRow("baseline- tolerance")
            << "m.x >= baseline-0.125" << 0.375 << 0.5 << 0.375 << true << false;
        QTest::newRow("baseline- tolerance exceeded")
            << "m.x >= baseline-0.125" << 0.25 << 0.5 << 0.375 << false << false;
        QTest::newRow("baseline+ lower tolerance")
            << "m.x <= baseline+0.125" << 0.625 << 0.5 << 0.625 << true << false;
        QTest::newRow("baseline unchanged")
            << "m.x >= baseline" << 0.5 << 0.5 << 0.5 << true << false;
        QTest::newRow("zero baseline, absolute")
            << "m.x >= baseline+0.125" << 0.125 << 0.0 << 0.125 << true << false;

        QTest::newRow("baseline* at equality")
            << "m.x >= baseline*1.5" << 0.75 << 0.5 << 0.75 << true << false;
        QTest::newRow("baseline* strict")
            << "m.x > baseline*1.5" << 0.75 << 0.5 << 0.75 << false << false;
        QTest::newRow("baseline* short")
            << "m.x >= baseline*1.5" << 0.625 << 0.5 << 0.75 << false << false;
        QTest::newRow("baseline* lower better")
            << "m.x <= baseline*0.5" << 0.25 << 0.5 << 0.25 << true << false;
        QTest::newRow("baseline* lower strict")
            << "m.x < baseline*0.5" << 0.25 << 0.5 << 0.25 << false << false;
        QTest::newRow("baseline* tolerance")
            << "m.x >= baseline*0.75" << 0.375 << 0.5 << 0.375 << true << false;
        // Relative to |b|: 50% better than -2 is -1, not MLflow's -3.
        QTest::newRow("negative baseline*")
            << "m.x >= baseline*1.5" << -1.0 << -2.0 << -1.0 << true << false;
        QTest::newRow("negative baseline* worse")
            << "m.x >= baseline*1.5" << -3.0 << -2.0 << -1.0 << false << false;
        QTest::newRow("negative baseline* lower")
            << "m.x <= baseline*0.5" << -3.0 << -2.0 << -3.0 << true << false;
        QTest::newRow("negative baseline* lower worse")
            << "m.x <= baseline*0.5" << -1.0 << -2.0 << -3.0 << false << false;

        // Zero baseline, relative: MLflow's fallback for improvements, a note, 1e-10 margin.
        QTest::newRow("zero baseline* unchanged")
            << "m.x >= baseline*1.05" << 0.0 << 0.0 << 1e-10 << false << true;
        QTest::newRow("zero baseline* better")
            << "m.x >= baseline*1.05" << 1e-10 << 0.0 << 1e-10 << true << true;
        QTest::newRow("zero baseline* strict")
            << "m.x > baseline*1.05" << 1e-10 << 0.0 << 1e-10 << false << true;
        QTest::newRow("zero baseline* ratio 1")
            << "m.x >= baseline*1" << 0.0 << 0.0 << 1e-10 << false << true;
        QTest::newRow("zero baseline* lower")
            << "m.x <= baseline*0.9" << -1e-10 << 0.0 << -1e-10 << true << true;
        QTest::newRow("zero baseline* lower unchanged")
            << "m.x <= baseline*0.9" << 0.0 << 0.0 << -1e-10 << false << true;
        QTest::newRow("zero baseline* tolerance")
            << "m.x >= baseline*0.9" << 0.0 << 0.0 << 0.0 << true << false;
        QTest::newRow("zero baseline* lower tolerance")
            << "m.x <= baseline*1.1" << 0.0 << 0.0 << 0.0 << true << false;
    }

    void evaluate() {
        QFETCH(QString, rule);
        QFETCH(double, value);
        QFETCH(double, baseline);
        QFETCH(double, bound);
        QFETCH(bool, passed);
        QFETCH(bool, note);
        const GateResult r = evaluateOne(rule.toStdString(), value, baseline);
        QCOMPARE(r.passed, passed);
        QVERIFY(r.bound);
        QCOMPARE(*r.bound, bound);
        QCOMPARE(*r.value, value);
        QCOMPARE(*r.baseline, baseline);
        QVERIFY(r.reason.textTemplate().empty());
        QCOMPARE(!r.note.textTemplate().empty(), note);
        if (note)
            QCOMPARE(r.note.english(), std::string("the baseline is 0, so the relative change is "
                                                   "undefined: as in MLflow, the value must beat "
                                                   "the baseline by 1e-10"));
    }

    // Wherever MetricThreshold can hold the rule (non-strict, change ≥ 0, baseline ≥ 0), the
    // gate decides as MLflow's _validate does, on a grid that includes the boundaries.
    void agreesWithMlflow() {
        const char* rules[] = {"m.x >= 0.5",           "m.x <= 0.5",
                               "m.x >= baseline+0.25", "m.x <= baseline-0.25",
                               "m.x >= baseline*1.5",  "m.x <= baseline*0.5",
                               "m.x >= baseline*1",    "m.x >= baseline+0"};
        int compared = 0;
        for (const char* text : rules) {
            const GateRule rule = parseGateRule(text);
            const GateThreshold t = metricThreshold(rule);
            for (int b = 0; b <= 8; ++b)
                for (int v = -8; v <= 16; ++v) {
                    const double baseline = b / 8.0, value = v / 8.0;
                    QVERIFY2(evaluateOne(text, value, baseline).passed ==
                                 mlflowPasses(t, value, baseline),
                             qPrintable(QStringLiteral("%1 with value %2, baseline %3")
                                            .arg(QLatin1String(text))
                                            .arg(value)
                                            .arg(baseline)));
                    ++compared;
                }
        }
        QCOMPARE(compared, 8 * 9 * 25);
    }

    void cannotEvaluateFails() {
        const MetricMap run{{"s.acc", 0.9}, {"s.nan", kNone}, {"s.f1", 0.8}};
        const MetricMap base{{"s.acc", 0.85}, {"s.f1", kNone}};
        const std::vector<GateRule> rules{
            parseGateRule("s.auc >= 0.5"),         parseGateRule("s.nan >= 0.5"),
            parseGateRule("s.acc >= baseline"),    parseGateRule("s.nan2 >= 0.5"),
            parseGateRule("s.f1 >= baseline*1.1"), parseGateRule("s.acc >= 0.5")};

        const auto withoutBaseline = evaluateGates(rules, run, nullptr);
        QCOMPARE(withoutBaseline[2].reason.english(),
                 std::string("the rule needs a baseline, and none was given"));
        QVERIFY(!withoutBaseline[2].passed);
        QVERIFY(!withoutBaseline[2].bound);
        QVERIFY(withoutBaseline[5].passed);
        QVERIFY(!withoutBaseline[5].baseline);

        const auto results = evaluateGates(rules, run, &base);
        QCOMPARE(results.size(), rules.size());
        const std::string reasons[] = {
            "the run has no metric s.auc",  "the run's s.nan is not a number",     "",
            "the run has no metric s.nan2", "the baseline's s.f1 is not a number", ""};
        for (size_t i = 0; i < results.size(); ++i) {
            QCOMPARE(results[i].reason.english(), reasons[i]);
            QCOMPARE(results[i].passed, reasons[i].empty());
            QCOMPARE(results[i].rule.text, rules[i].text);
        }
        QVERIFY(!results[0].value);
        QVERIFY(std::isnan(*results[1].value));
        QCOMPARE(*results[2].bound, 0.85);
        // An absolute rule shows the baseline's value too, for the summary's delta.
        QCOMPARE(*results[5].baseline, 0.85);
        QVERIFY(!allGatesPassed(results));
        QVERIFY(allGatesPassed({results[2], results[5]}));
        QVERIFY(allGatesPassed({}));

        const MetricMap lacking{{"s.other", 1.0}};
        const auto missingBaseline = evaluateGates({rules[2]}, run, &lacking);
        QCOMPARE(missingBaseline[0].reason.english(),
                 std::string("the baseline has no metric s.acc"));
        QVERIFY(!missingBaseline[0].passed);

        // An infinite baseline times 0: no bound to compare with.
        const GateResult nanBound =
            evaluateOne("m.x >= baseline*0", 1.0, std::numeric_limits<double>::infinity());
        QVERIFY(!nanBound.passed);
        QVERIFY(!nanBound.bound);
        QCOMPARE(nanBound.reason.english(),
                 std::string("the bound computed from the baseline's m.x is not a number"));
    }

    void readsReportOfRealRun() {
        NodeRegistry registry;
        registerBuiltinNodes(registry,
                             {.datasetDirectory = OFICINA_SOURCE_DIR "/resources/datasets"});
        const Builder b = trainPredictScore("oficina.model.logistic_regression");
        const RunResult result = runGraph(registry, b.graph);
        QVERIFY(!result.anyFailed());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.json"));
        writeFile(path, runReport(b.graph, registry, result).dump(2));

        const MetricMap metrics = readReportMetrics(path.toStdString());
        const Metrics& scores = output<Metrics>(result, "score", "metrics");
        QVERIFY(scores.scalars.size() >= 3);
        for (const auto& [name, value] : scores.scalars) {
            QVERIFY2(metrics.count("score." + name), name.c_str());
            QCOMPARE(metrics.at("score." + name), value); // JSON keeps doubles exactly
        }
        size_t scoreKeys = 0;
        for (const auto& [key, value] : metrics)
            scoreKeys += key.rfind("score.", 0) == 0;
        QCOMPARE(scoreKeys, scores.scalars.size());

        const double accuracy = metrics.at("score.accuracy");
        const auto results = evaluateGates(
            {parseGateRule("score.accuracy >= baseline"), parseGateRule("score.accuracy > 1")},
            metrics, &metrics);
        QVERIFY(results[0].passed);
        QCOMPARE(*results[0].bound, accuracy);
        QVERIFY(!results[1].passed);
    }

    void reportNullIsNaN() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.json"));
        writeFile(path, R"({"format": "oficina-run-report", "version": 1, "nodes": [
            {"id": "score", "metrics": {"accuracy": 0.5, "r2": null}},
            {"id": "split", "metrics": {}}]})");
        const MetricMap metrics = readReportMetrics(path.toStdString());
        QCOMPARE(metrics.size(), size_t(2));
        QCOMPARE(metrics.at("score.accuracy"), 0.5);
        QVERIFY(std::isnan(metrics.at("score.r2")));
    }

    void reportErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        const QString head =
            QStringLiteral(R"({"format": "oficina-run-report", "version": 1, "nodes": )");
        QTest::newRow("not json") << "{"
                                  << "not valid JSON";
        QTest::newRow("array") << "[]"
                               << "not an Oficina run report (oficina-cli run --report "
                                  "writes one)";
        QTest::newRow("pipeline") << R"({"format": "oficina-pipeline", "version": 1})"
                                  << "not an Oficina run report (oficina-cli run --report writes "
                                     "one)";
        QTest::newRow("no version") << R"({"format": "oficina-run-report", "nodes": []})"
                                    << "the run report has no format version";
        QTest::newRow("newer") << R"({"format": "oficina-run-report", "version": 2, "nodes": []})"
                               << "run report version 2 is newer than this Oficina reads (1)";
        QTest::newRow("no nodes") << R"({"format": "oficina-run-report", "version": 1})"
                                  << "the run report has no list of nodes";
        QTest::newRow("node without id") << head + R"([{"metrics": {}}]})"
                                         << R"(a node of the run report has no id: {"metrics":{}})";
        QTest::newRow("twice") << head +
                                      R"([{"id": "a", "metrics": {}}, {"id": "a", "metrics": {}}]})"
                               << "node a appears twice in the run report";
        QTest::newRow("no metrics") << head + R"([{"id": "a"}]})"
                                    << "node a of the run report has no metrics object";
        QTest::newRow("metrics list") << head + R"([{"id": "a", "metrics": [1]}]})"
                                      << "node a of the run report has no metrics object";
        QTest::newRow("text metric") << head + R"([{"id": "a", "metrics": {"acc": "high"}}]})"
                                     << R"(metric acc of node a is not a number: "high")";
    }

    void reportErrors() {
        QFETCH(QString, text);
        QFETCH(QString, error);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("bad.json")).toStdString();
        writeFile(QString::fromStdString(path), text.toStdString());
        try {
            readReportMetrics(path);
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(QString::fromStdString(e.message().english()), error);
            QVERIFY2(e.where().rfind(path, 0) == 0, e.where().c_str()); // "path" or "path:1:2"
        }
    }

    void reportFileErrors() {
        QTemporaryDir dir;
        const std::string missing = dir.filePath(QStringLiteral("none.json")).toStdString();
        try {
            readReportMetrics(missing);
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.where(), missing);
            QCOMPARE(e.message().textTemplate(), std::string("cannot open the file: %1"));
        }
        try {
            readReportMetrics(dir.path().toStdString());
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.where(), dir.path().toStdString());
            QCOMPARE(e.message().english(), std::string("this is a folder, not a run report"));
        }
    }

    void markdown() {
        const MetricMap run{
            {"score.accuracy", 0.93}, {"score.f1_macro", 0.85}, {"cv.accuracy_mean", 1.0 / 3}};
        const MetricMap base{
            {"score.accuracy", 0.91}, {"score.f1_macro", 0.845}, {"cv.accuracy_mean", 0}};
        const auto results = evaluateGates({parseGateRule("score.accuracy>=0.9"),
                                            parseGateRule("score.f1_macro >= baseline + 0.01"),
                                            parseGateRule("score.auc > 0.8"),
                                            parseGateRule("cv.accuracy_mean >= baseline*1.05")},
                                           run, &base);
        QCOMPARE(
            gateSummaryMarkdown(results, "report.json"),
            std::string("❌ **2 of 4 gates passed**\n"
                        "\n"
                        "Baseline: `report.json`\n"
                        "\n"
                        "| Metric | Value | Baseline | Delta | Rule | Bound | Result |\n"
                        "| --- | ---: | ---: | ---: | --- | ---: | --- |\n"
                        "| `score.accuracy` | 0.93 | 0.91 | +0.02 | `>= 0.9` | 0.9 | ✅ |\n"
                        "| `score.f1_macro` | 0.85 | 0.845 | +0.005 | `>= baseline+0.01` | 0.855 | "
                        "❌ |\n"
                        "| `score.auc` | — | — | — | `> 0.8` | — | ❌ the run has no metric "
                        "score.auc |\n"
                        "| `cv.accuracy_mean` | 0.333333 | 0 | +0.333333 | `>= baseline*1.05` | "
                        "1e-10 | ✅ the baseline is 0, so the relative change is undefined: as in "
                        "MLflow, the value must beat the baseline by 1e-10 |\n"));

        const auto passing = evaluateGates({parseGateRule("score.accuracy >= 0.9")}, run, nullptr);
        QCOMPARE(gateSummaryMarkdown(passing),
                 std::string("✅ **1 of 1 gate passed**\n"
                             "\n"
                             "| Metric | Value | Baseline | Delta | Rule | Bound | Result |\n"
                             "| --- | ---: | ---: | ---: | --- | ---: | --- |\n"
                             "| `score.accuracy` | 0.93 | — | — | `>= 0.9` | 0.9 | ✅ |\n"));

        // A baseline name with backticks stays one code span.
        const std::string named = gateSummaryMarkdown(passing, "a`b.json");
        QVERIFY(named.find("Baseline: ``a`b.json``\n") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestGates)
#include "tst_gates.moc"
