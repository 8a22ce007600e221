// Cross-validation, model comparison and learning curves: fold by fold equal to scikit-learn
// 1.2's cross_val_score / learning_curve on a StandardScaler + LogisticRegression pipeline
// (tests/data/make_eval_fixtures.py), no leakage from held-out rows into the per-fold
// preprocessing, and the evaluation and model nodes run through the executor.
#include "data/Table.h"
#include "eval/CrossValidation.h"
#include "eval/Curves.h"
#include "models/LogisticRegression.h"
#include "models/Model.h"
#include "nodes/Nodes.h"
#include "pipeline/Executor.h"
#include "pipeline/NodeRegistry.h"
#include "transform/StandardScaler.h"
#include "util/Error.h"
#include "util/RunContext.h"

#include "GraphBuilder.h"
#include "../JsonFixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace oficina::core;

namespace {


QJsonObject fixtureCase(const char* name) {
    for (const QJsonValue& v : fixture::read(QStringLiteral("sklearn/eval_cross_validation.json"))
                                   .object()
                                   .value(QLatin1String("cross_val_score"))
                                   .toArray())
        if (v.toObject().value(QLatin1String("name")).toString() == QLatin1String(name))
            return v.toObject();
    qFatal("no fixture case %s", name);
}

std::shared_ptr<const Learner> logisticLearner() {
    return makeLearner("Logistic regression", Task::Classification,
                       [](const Table& t, const std::string& target, RunContext&) {
                           return Fitted{trainLogisticRegression(
                                             t, t.namesWithRole(ColumnRole::Feature), target)
                                             .estimator,
                                         {}};
                       });
}

} // namespace

class TestCrossValidation : public QObject {
    Q_OBJECT

    NodeRegistry m_registry;

    RunResult run(const Graph& g) {
        Executor executor(m_registry);
        RunContext ctx;
        return executor.run(g, ctx);
    }

    Table sample(const std::string& key) {
        Builder b;
        b.node("d", "oficina.data.sample", {{"dataset", key}});
        const RunResult r = run(b.graph);
        return output<Table>(r, "d", "data");
    }

    // The per-fold `metric` of a cross-validation node on scaler + `model` over `dataset`.
    std::vector<double> nodeFolds(const std::string& dataset, const std::string& modelType,
                                  const std::string& metric) {
        Builder b;
        b.node("d", "oficina.data.sample", {{"dataset", dataset}})
            .node("scale", "oficina.scale.standard")
            .node("m", modelType)
            .node("cv", "oficina.eval.cross_validation")
            .link("d.data", "scale.data")
            .link("scale.data", "m.data")
            .link("m.model", "cv.model")
            .link("d.data", "cv.data");
        const RunResult r = run(b.graph);
        if (r.anyFailed()) qFatal("%s", describeError(r.nodes.at("cv")).c_str());
        const Metrics& m = output<Metrics>(r, "cv", "metrics");
        const LabeledMatrix* folds = m.matrix("folds");
        std::vector<double> out;
        const size_t column = size_t(std::find(folds->columnLabels.begin(),
                                               folds->columnLabels.end(), metric) -
                                     folds->columnLabels.begin());
        for (size_t f = 0; f < folds->rowLabels.size(); ++f) out.push_back(folds->at(f, column));
        // Out-of-fold predictions: one per row.
        const Table& oof = output<Table>(r, "cv", "predictions");
        QTest::qVerify(oof.rowCount() == output<Table>(r, "d", "data").rowCount(), "rows", "",
                       __FILE__, __LINE__);
        QTest::qVerify(oof.column(kPredictionColumn).missingCount() == 0, "oof", "", __FILE__,
                       __LINE__);
        return out;
    }

private Q_SLOTS:
    void initTestCase() {
        registerBuiltinNodes(m_registry,
                             {.datasetDirectory = OFICINA_SOURCE_DIR "/resources/datasets"});
    }

    void foldsEqualScikitLearn_data() {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("metric");
        QTest::newRow("iris") << "iris" << "oficina.model.logistic_regression" << "accuracy";
        QTest::newRow("breast_cancer")
            << "breast_cancer" << "oficina.model.logistic_regression" << "accuracy";
        QTest::newRow("diabetes_knn") << "diabetes" << "oficina.model.knn_regressor" << "r2";
    }

    void foldsEqualScikitLearn() {
        QFETCH(QString, dataset);
        QFETCH(QString, model);
        QFETCH(QString, metric);
        const QJsonObject c = fixtureCase(dataset == QLatin1String("diabetes")
                                              ? "diabetes_knn"
                                              : dataset.toUtf8().constData());
        const auto expected = fixture::numbers(c.value(QLatin1String("folds")));
        const auto actual =
            nodeFolds(dataset.toStdString(), model.toStdString(), metric.toStdString());
        QCOMPARE(actual.size(), expected.size());
        for (size_t f = 0; f < expected.size(); ++f)
            QVERIFY2(std::abs(actual[f] - expected[f]) <= 1e-6 * std::abs(expected[f]),
                     qPrintable(QStringLiteral("fold %1: %2 vs %3")
                                    .arg(f + 1)
                                    .arg(actual[f])
                                    .arg(expected[f])));
    }

    void noLeakage() {
        // Each fold's scaler must learn from its training rows only. Recomputing the folds by
        // hand both ways: the node agrees with the honest recipe and differs from the leaky one.
        Table raw = sample("breast_cancer");
        raw.startLineage();
        RunContext ctx;
        const Table scaled = applyStep(fitStandardScaler(raw), raw);
        const Model model = trainModel(scaled, logisticLearner(), ctx);
        const auto folds = crossValidationFolds(raw, "diagnosis", Task::Classification, {});
        const CrossValidationResult cv = crossValidate(model, raw, folds, ctx);
        const auto leakyScaler = fitStandardScaler(raw);
        double largestLeakGap = 0.0;
        for (size_t f = 0; f < folds.size(); ++f) {
            const Table train = raw.takeRows(folds[f].train);
            const Table honestScaled = applyStep(fitStandardScaler(train), train);
            const Model honest = trainModel(honestScaled, logisticLearner(), ctx);
            const double honestLoss = *scorePredictions(honest.predict(raw.takeRows(folds[f].test)))
                                           .scalar("log_loss");
            const Table leakyScaledTrain = applyStep(leakyScaler, train);
            const Model leaky = trainModel(leakyScaledTrain, logisticLearner(), ctx);
            const double leakyLoss = *scorePredictions(leaky.predict(raw.takeRows(folds[f].test)))
                                          .scalar("log_loss");
            const double cvLoss = *cv.folds[f].scalar("log_loss");
            QCOMPARE(cvLoss, honestLoss);
            largestLeakGap = std::max(largestLeakGap, std::abs(cvLoss - leakyLoss));
        }
        qInfo("largest log-loss gap to a scaler fitted on all rows: %.3g", largestLeakGap);
        QVERIFY(largestLeakGap > 1e-6);
    }

    void summaryIsMeanAndPopulationStd() {
        Metrics a, b;
        a.scalars = {{"accuracy", 0.5}, {"only_a", 1.0}};
        b.scalars = {{"accuracy", 1.0}};
        const Metrics s = summarizeFolds({a, b});
        QCOMPARE(*s.scalar("accuracy_mean"), 0.75);
        QCOMPARE(*s.scalar("accuracy_std"), 0.25);
        QVERIFY(!s.scalar("only_a_mean"));
        QCOMPARE(s.matrix("folds")->rowLabels, (std::vector<std::string>{"1", "2"}));
    }

    void learningCurveEqualsScikitLearn() {
        const QJsonObject c = fixture::read(QStringLiteral("sklearn/eval_cross_validation.json"))
                                  .object()
                                  .value(QLatin1String("learning_curve"))
                                  .toObject();
        Builder b;
        b.node("d", "oficina.data.sample", {{"dataset", std::string("breast_cancer")}})
            .node("scale", "oficina.scale.standard")
            .node("m", "oficina.model.logistic_regression")
            .node("lc", "oficina.eval.learning_curve")
            .link("d.data", "scale.data")
            .link("scale.data", "m.data")
            .link("m.model", "lc.model")
            .link("d.data", "lc.data");
        const RunResult r = run(b.graph);
        QVERIFY(!r.anyFailed());
        const LabeledMatrix* curve = output<Metrics>(r, "lc", "metrics").matrix("learning_curve");
        QVERIFY(curve);
        QCOMPARE(curve->columnLabels, (std::vector<std::string>{"train_size", "train_mean",
                                                                "train_std", "test_mean",
                                                                "test_std"}));
        const auto sizes = fixture::numbers(c.value(QLatin1String("train_sizes")));
        QCOMPARE(curve->rowLabels.size(), sizes.size());
        const char* columns[] = {"train_sizes", "train_mean", "train_std", "test_mean", "test_std"};
        for (size_t j = 0; j < 5; ++j) {
            const auto expected = fixture::numbers(c.value(QLatin1String(columns[j])));
            for (size_t i = 0; i < sizes.size(); ++i)
                QVERIFY2(std::abs(curve->at(i, j) - expected[i]) <= 1e-9,
                         qPrintable(QStringLiteral("%1 row %2: %3 vs %4")
                                        .arg(columns[j])
                                        .arg(i)
                                        .arg(curve->at(i, j))
                                        .arg(expected[i])));
        }
    }

    void compareModelsUsesTheSameFolds() {
        Builder b;
        b.node("d", "oficina.data.sample", {{"dataset", std::string("iris")}})
            .node("scale", "oficina.scale.standard")
            .node("lr", "oficina.model.logistic_regression")
            .node("nb", "oficina.model.gaussian_nb")
            .node("knn", "oficina.model.knn_classifier")
            .node("cmp", "oficina.eval.compare_models")
            .node("cv", "oficina.eval.cross_validation")
            .link("d.data", "scale.data")
            .link("scale.data", "lr.data")
            .link("d.data", "nb.data")
            .link("scale.data", "knn.data")
            .link("d.data", "cmp.data")
            .link("lr.model", "cmp.model_1")
            .link("nb.model", "cmp.model_2")
            .link("knn.model", "cmp.model_4")
            .link("d.data", "cv.data")
            .link("nb.model", "cv.model");
        // A row is named by the node's title when the user gave one.
        b.graph.node("knn")->title = "5 neighbours";
        const RunResult r = run(b.graph);
        QVERIFY(!r.anyFailed());
        const LabeledMatrix* table = output<Metrics>(r, "cmp", "metrics").matrix("comparison");
        QVERIFY(table);
        QCOMPARE(table->rowLabels, (std::vector<std::string>{"Logistic regression",
                                                             "Gaussian naive Bayes",
                                                             "5 neighbours"}));
        QCOMPARE(table->columnLabels[0], std::string("accuracy_mean"));
        QCOMPARE(table->columnLabels[1], std::string("accuracy_std"));
        // Row 2 equals the cross-validation node on the same model.
        const Metrics& cv = output<Metrics>(r, "cv", "metrics");
        QCOMPARE(table->at(1, 0), *cv.scalar("accuracy_mean"));
        const auto logLoss = std::find(table->columnLabels.begin(), table->columnLabels.end(),
                                       "log_loss_mean");
        QVERIFY(logLoss != table->columnLabels.end());
        QCOMPARE(table->at(1, size_t(logLoss - table->columnLabels.begin())),
                 *cv.scalar("log_loss_mean"));
        QVERIFY(*cv.scalar("accuracy_mean") > 0.9);
    }

    void scoreNodeDetectsRegression() {
        Builder b;
        b.node("d", "oficina.data.sample", {{"dataset", std::string("diabetes")}})
            .node("split", "oficina.data.split")
            .node("knn", "oficina.model.knn_regressor")
            .node("p", "oficina.model.predict")
            .node("s", "oficina.eval.score")
            .link("d.data", "split.data")
            .link("split.train", "knn.data")
            .link("knn.model", "p.model")
            .link("split.test", "p.data")
            .link("p.predictions", "s.predictions");
        const RunResult r = run(b.graph);
        QVERIFY(!r.anyFailed());
        const Metrics& m = output<Metrics>(r, "s", "metrics");
        QCOMPARE(m.task, std::string("regression"));
        QVERIFY(m.scalar("r2"));
        qInfo("diabetes k-NN test r2 %.4f", *m.scalar("r2"));
        QVERIFY(*m.scalar("r2") > 0.0 && *m.scalar("r2") < 1.0);
        QVERIFY(m.matrix("residuals"));
    }

    void scoreNodeScoresClusters() {
        Builder b;
        b.node("d", "oficina.data.sample", {{"dataset", std::string("iris")}})
            .node("km", "oficina.cluster.kmeans", {{"n_clusters", int64_t(3)}})
            .node("s", "oficina.eval.score")
            .link("d.data", "km.data")
            .link("km.data", "s.predictions");
        const RunResult r = run(b.graph);
        QVERIFY(!r.anyFailed());
        const Metrics& m = output<Metrics>(r, "s", "metrics");
        QCOMPARE(m.task, std::string("clustering"));
        QCOMPARE(*m.scalar("n_clusters"), 3.0);
        QVERIFY(m.scalar("silhouette") && m.scalar("ari"));
    }

    void errorsAndCancellation() {
        Builder b;
        b.node("d", "oficina.data.sample", {{"dataset", std::string("iris")}})
            .node("w", "oficina.data.sample", {{"dataset", std::string("wine")}})
            .node("lr", "oficina.model.logistic_regression")
            .node("cv", "oficina.eval.cross_validation")
            .link("d.data", "lr.data")
            .link("lr.model", "cv.model")
            .link("w.data", "cv.data");
        const RunResult r = run(b.graph);
        QCOMPARE(r.nodes.at("cv").state, NodeState::Failed);
        QVERIFY(r.nodes.at("cv").error->english().find("'species'") != std::string::npos);

        Table raw = sample("iris");
        RunContext fit;
        const Model model = trainModel(raw, logisticLearner(), fit);
        std::stop_source stop;
        stop.request_stop();
        RunContext stopped(stop.get_token());
        const auto folds = crossValidationFolds(raw, "species", Task::Classification, {});
        QVERIFY_THROWS_EXCEPTION(Cancelled, (void)crossValidate(model, raw, folds, stopped));
        QVERIFY_THROWS_EXCEPTION(
            Error, (void)crossValidationFolds(raw, "species", Task::Classification, {.folds = 1}));
        QVERIFY_THROWS_EXCEPTION(Error, (void)learningCurveSizes({0.0, 0.5}, 100));
        QCOMPARE(learningCurveSizes({0.1, 0.325, 0.55, 0.775, 1.0}, 120),
                 (std::vector<size_t>{12, 39, 66, 93, 120}));
    }
};

QTEST_GUILESS_MAIN(TestCrossValidation)
#include "tst_crossvalidation.moc"
