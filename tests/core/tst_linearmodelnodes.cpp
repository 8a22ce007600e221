// The linear-model and SVM nodes (core/nodes/LinearModelNodes.cpp) and the extended logistic
// regression node run as the executor runs them: spec defaults, a sample dataset with its target,
// a RunContext. Each must give the model its algorithm gives, refit per fold, and fail with a
// message naming the column on bad input.
#include "data/FeatureMatrix.h"
#include "models/CoordinateDescent.h"
#include "models/LinearRegression.h"
#include "models/LogisticRegression.h"
#include "models/Svm.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"
#include "util/Error.h"
#include "util/RunContext.h"

#include <QTest>

#include <cmath>

using namespace oficina::core;

namespace {

Table sample(const std::string& key) {
    RunContext ctx;
    ParamValues params = sampleDatasetSpec("").defaults();
    params.set("dataset", key);
    const NodeSpec spec = sampleDatasetSpec(OFICINA_SOURCE_DIR "/resources/datasets");
    const PortValues out = spec.run(NodeInputs({}), params, ctx);
    return *std::get<std::shared_ptr<const Table>>(out.at("data"));
}

struct Run {
    Model model;
    std::vector<Message> warnings;
    std::vector<MetricPoint> metrics;
};

Run runNode(const NodeRegistry& registry, const std::string& type, const Table& data,
            std::initializer_list<std::pair<const char*, Value>> changes = {}) {
    const NodeSpec* spec = registry.find(type);
    if (!spec) throw std::logic_error("no node " + type);
    ParamValues params = spec->defaults();
    for (const auto& [key, value] : changes) params.set(key, value);
    RunContext ctx;
    ctx.beginNode("n");
    const PortValues out = spec->run(NodeInputs({{"data", tableValue(data)}}), params, ctx);
    Run run{*std::get<std::shared_ptr<const Model>>(out.at("model")), ctx.takeWarnings(),
            ctx.metricsOf("n")};
    return run;
}

std::string errorOf(const std::function<void()>& call) {
    try {
        call();
    } catch (const Error& e) {
        return e.message().english();
    }
    return "(no error)";
}

std::vector<double> predictedValues(const Model& model, const Table& table) {
    return model.predict(table).column(kPredictionColumn).values();
}

} // namespace

class TestLinearModelNodes : public QObject {
    Q_OBJECT

    NodeRegistry m_registry;
    Table m_diabetes;
    Table m_wine;

private Q_SLOTS:
    void initTestCase() {
        registerLinearModelNodes(m_registry);
        m_registry.add(logisticRegressionSpec());
        m_diabetes = sample("diabetes");
        m_wine = sample("wine");
        QCOMPARE(m_diabetes.namesWithRole(ColumnRole::Target),
                 std::vector<std::string>{"progression"});
    }

    void regressionNodesGiveTheirAlgorithmsModel_data() {
        QTest::addColumn<QString>("type");
        QTest::newRow("ols") << "oficina.model.linear_regression";
        QTest::newRow("ridge") << "oficina.model.ridge";
        QTest::newRow("lasso") << "oficina.model.lasso";
        QTest::newRow("elastic net") << "oficina.model.elastic_net";
        QTest::newRow("svr") << "oficina.model.svr";
    }

    void regressionNodesGiveTheirAlgorithmsModel() {
        QFETCH(QString, type);
        const Run run = runNode(m_registry, type.toStdString(), m_diabetes);
        QCOMPARE(run.model.estimator->typeId(), type.toStdString());
        QCOMPARE(run.model.estimator->task(), Task::Regression);
        QCOMPARE(run.model.targetName, std::string("progression"));
        const std::vector<double> predicted = predictedValues(run.model, m_diabetes);
        QCOMPARE(predicted.size(), m_diabetes.rowCount());

        const auto names = m_diabetes.namesWithRole(ColumnRole::Feature);
        const Eigen::MatrixXd X = featureMatrix(m_diabetes, names);
        const Eigen::VectorXd y = regressionTarget(m_diabetes, "progression");
        Eigen::VectorXd expected;
        if (type.endsWith("linear_regression"))
            expected = LinearRegressor("", "", names, fitLinearRegression(X, y).coefficients,
                                       fitLinearRegression(X, y).intercept)
                           .predictValues(X);
        else if (type.endsWith("ridge")) {
            const LinearFit fit = fitRidge(X, y);
            expected = LinearRegressor("", "", names, fit.coefficients, fit.intercept)
                           .predictValues(X);
        } else if (type.endsWith("svr")) {
            expected = fitSvr(X, y, names)->predictValues(X);
        } else {
            const ElasticNetFit fit =
                fitElasticNet(X, y, {.l1Ratio = type.endsWith("lasso") ? 1.0 : 0.5});
            expected = LinearRegressor("", "", names, fit.coefficients, fit.intercept)
                           .predictValues(X);
            // Coordinate descent streams its objective per pass.
            QVERIFY(!run.metrics.empty());
            QCOMPARE(run.metrics.front().series, std::string("loss"));
            QCOMPARE(int(run.metrics.size()), fit.iterations);
        }
        for (size_t i = 0; i < predicted.size(); ++i)
            QCOMPARE(predicted[i], expected(Eigen::Index(i)));

        // Cross-validation refits the same recipe on other rows.
        std::vector<size_t> half;
        for (size_t i = 0; i < m_diabetes.rowCount(); i += 2) half.push_back(i);
        RunContext ctx;
        const Model refitted = refitModel(run.model, m_diabetes.takeRows(half), ctx);
        QCOMPARE(refitted.estimator->typeId(), type.toStdString());
        QVERIFY(predictedValues(refitted, m_diabetes) != predicted);
    }

    void classifierNodes_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("param");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("probabilities");
        QTest::newRow("linear svm") << "oficina.model.linear_svc" << "" << "" << false;
        QTest::newRow("linear svm l1") << "oficina.model.linear_svc" << "penalty" << "l1" << false;
        QTest::newRow("svc") << "oficina.model.svc" << "" << "" << false;
        QTest::newRow("svc probability") << "oficina.model.svc" << "probability" << "" << true;
        QTest::newRow("logistic l1") << "oficina.model.logistic_regression" << "penalty" << "l1"
                                     << true;
        QTest::newRow("logistic balanced") << "oficina.model.logistic_regression"
                                           << "class_weight" << "balanced" << true;
    }

    void classifierNodes() {
        QFETCH(QString, type);
        QFETCH(QString, param);
        QFETCH(QString, value);
        QFETCH(bool, probabilities);
        // Wine scaled by hand (the scaler node is not part of this test's registry).
        Table scaled = m_wine;
        for (const std::string& name : m_wine.namesWithRole(ColumnRole::Feature)) {
            std::vector<double> v = m_wine.column(name).values();
            double mean = 0, sq = 0;
            for (double x : v) mean += x;
            mean /= double(v.size());
            for (double x : v) sq += (x - mean) * (x - mean);
            const double sd = std::sqrt(sq / double(v.size()));
            for (double& x : v) x = (x - mean) / sd;
            scaled = scaled.withColumn(Column::numeric(name, v));
        }
        Run run;
        if (param.isEmpty())
            run = runNode(m_registry, type.toStdString(), scaled);
        else if (value.isEmpty())
            run = runNode(m_registry, type.toStdString(), scaled, {{"probability", true}});
        else
            run = runNode(m_registry, type.toStdString(), scaled,
                          {{param.toUtf8().constData(), value.toStdString()}});
        QCOMPARE(run.model.estimator->task(), Task::Classification);
        const Table predicted = run.model.predict(scaled);
        const Column& prediction = predicted.column(kPredictionColumn);
        QCOMPARE(prediction.categories(), m_wine.column("cultivar").categories());
        double correct = 0;
        for (size_t i = 0; i < predicted.rowCount(); ++i)
            correct += prediction.codes()[i] == m_wine.column("cultivar").codes()[i];
        const double accuracy = correct / double(predicted.rowCount());
        qInfo("training accuracy %.4f", accuracy);
        QVERIFY(accuracy > 0.97);
        const std::string first = m_wine.column("cultivar").categories().front();
        QCOMPARE(predicted.find(probabilityColumnName(first)) != nullptr, probabilities);
    }

    void badInputNamesTheColumn_data() {
        QTest::addColumn<QString>("type");
        for (const char* type :
             {"oficina.model.linear_regression", "oficina.model.ridge", "oficina.model.lasso",
              "oficina.model.elastic_net", "oficina.model.svr", "oficina.model.linear_svc",
              "oficina.model.svc"})
            QTest::newRow(type) << type;
    }

    void badInputNamesTheColumn() {
        QFETCH(QString, type);
        const bool classifier = type.endsWith("svc");
        const Column target =
            classifier ? Column::categorical("label", {0, 1, 0, 1}, {"a", "b"}, ColumnRole::Target)
                       : Column::numeric("label", {1, 2, 3, 4}, ColumnRole::Target);
        const Table categorical({Column::numeric("x", {0, 1, 2, 3}),
                                 Column::categorical("colour", {0, 1, 1, 0}, {"red", "blue"}),
                                 target});
        std::string message =
            errorOf([&] { runNode(m_registry, type.toStdString(), categorical); });
        QVERIFY2(message.find("'colour' is categorical") != std::string::npos, message.c_str());
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const Table missing({Column::numeric("x", {0, 1, 2, 3}),
                             Column::numeric("age", {1, nan, 2, 3}), target});
        message = errorOf([&] { runNode(m_registry, type.toStdString(), missing); });
        QVERIFY2(message.find("'age' has 1 missing values") != std::string::npos,
                 message.c_str());
        if (!classifier) {
            const Table wrongTarget({Column::numeric("x", {0, 1, 2, 3}),
                                     Column::categorical("label", {0, 1, 0, 1}, {"a", "b"},
                                                         ColumnRole::Target)});
            message = errorOf([&] { runNode(m_registry, type.toStdString(), wrongTarget); });
            QVERIFY2(message.find("'label' is categorical") != std::string::npos,
                     message.c_str());
        }
    }

    void kernelSvmRefusesLargeData() {
        const size_t rows = kKernelSvmMaxRows + 1;
        std::vector<double> x(rows), y(rows);
        for (size_t i = 0; i < rows; ++i) {
            x[i] = double(i % 97);
            y[i] = double(i % 2);
        }
        const Table big({Column::numeric("x", x), Column::numeric("y", y, ColumnRole::Target)});
        const std::string message =
            errorOf([&] { runNode(m_registry, "oficina.model.svc", big); });
        QVERIFY2(message.find("use the linear SVM") != std::string::npos, message.c_str());
    }

    void everyNodeIsDocumented() {
        QCOMPARE(m_registry.all().size(), size_t(8));
        for (const NodeSpec& spec : m_registry.all()) {
            QVERIFY(std::string(spec.help).size() > 40);
            QCOMPARE(spec.category, Category::Models);
            for (const Parameter& p : spec.params)
                QVERIFY2(std::string(p.help).size() > 5, (spec.type + "." + p.key).c_str());
        }
    }
};

QTEST_APPLESS_MAIN(TestLinearModelNodes)
#include "tst_linearmodelnodes.moc"
