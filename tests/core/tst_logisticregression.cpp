// Logistic regression (and the feature matrix it is built on) against scikit-learn 1.2:
// StandardScaler then LogisticRegression() on iris, breast cancer and wine, fixtures from
// tests/data/make_sklearn_fixtures.py. Default fits must predict the same classes with
// probabilities within 1e-4; tight fits must reach the optimum's coefficients to 1e-6.
#include "data/FeatureMatrix.h"
#include "models/LogisticRegression.h"
#include "transform/StandardScaler.h"
#include "util/Error.h"

#include "../EigenFixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>

using namespace oficina::core;

namespace {

// Raw table: numeric features and a categorical "target" whose dictionary is `classes`.
Table rawTable(const std::vector<std::string>& features, const Eigen::MatrixXd& X,
               const std::vector<std::string>& y, const std::vector<std::string>& classes) {
    std::vector<Column> columns;
    for (size_t j = 0; j < features.size(); ++j) {
        const auto col = X.col(Eigen::Index(j));
        columns.push_back(Column::numeric(features[j], {col.begin(), col.end()}));
    }
    std::vector<int32_t> codes;
    for (const std::string& label : y)
        codes.push_back(
            int32_t(std::find(classes.begin(), classes.end(), label) - classes.begin()));
    columns.push_back(Column::categorical("target", codes, classes, ColumnRole::Target));
    Table table(std::move(columns));
    table.startLineage();
    return table;
}

double relativeDifference(const Eigen::MatrixXd& actual, const Eigen::MatrixXd& expected) {
    return (actual - expected).cwiseAbs().maxCoeff() / expected.cwiseAbs().maxCoeff();
}

template <class Call> std::string errorOf(Call call) {
    try {
        call();
    } catch (const Error& e) {
        return e.message().english();
    }
    return "(no error)";
}

bool contains(const std::string& text, const char* part) {
    return text.find(part) != std::string::npos;
}

Table smallTable(Column feature, Column target) {
    return Table(
        {Column::numeric("x", {0.0, 1.0, 2.0, 3.0}), std::move(feature), std::move(target)});
}

// A fixture's training rows, scaled, as a plain matrix and class indices.
struct ScaledData {
    Eigen::MatrixXd X;
    std::vector<int32_t> y;
};

ScaledData scaledData(qsizetype fixtureCase) {
    const QJsonObject c =
        fixture::cases(QStringLiteral("sklearn/logistic_regression.json"))[fixtureCase].toObject();
    const std::vector<std::string> classes = fixture::strings(c.value(QLatin1String("classes")));
    ScaledData out;
    out.X = fixture::matrix(c.value(QLatin1String("X_train")));
    out.X = (out.X.rowwise() - fixture::vector(c.value(QLatin1String("scaler_mean"))).transpose())
                .array()
                .rowwise() /
            fixture::vector(c.value(QLatin1String("scaler_scale"))).transpose().array();
    for (const std::string& label : fixture::strings(c.value(QLatin1String("y_train"))))
        out.y.push_back(
            int32_t(std::find(classes.begin(), classes.end(), label) - classes.begin()));
    return out;
}

// Iris: enough iterations to cancel part-way.
ScaledData irisMatrix() {
    return scaledData(0);
}

} // namespace

class TestLogisticRegression : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesScikitLearn_data() {
        QTest::addColumn<QJsonObject>("testCase");
        for (const QJsonValue& v :
             fixture::cases(QStringLiteral("sklearn/logistic_regression.json"))) {
            const QJsonObject c = v.toObject();
            QTest::newRow(c.value(QLatin1String("name")).toString().toUtf8().constData()) << c;
        }
    }

    void matchesScikitLearn() {
        QFETCH(QJsonObject, testCase);
        const auto features = fixture::strings(testCase.value(QLatin1String("features")));
        const auto classes = fixture::strings(testCase.value(QLatin1String("classes")));
        const Table train =
            rawTable(features, fixture::matrix(testCase.value(QLatin1String("X_train"))),
                     fixture::strings(testCase.value(QLatin1String("y_train"))), classes);
        const bool sameRows = testCase.value(QLatin1String("X_test")).isNull();
        const Table test =
            sameRows ? train
                     : rawTable(features, fixture::matrix(testCase.value(QLatin1String("X_test"))),
                                fixture::strings(testCase.value(QLatin1String("y_test"))), classes);

        const Table scaled = applyStep(fitStandardScaler(train), train);
        const LogisticRegressionTraining training =
            trainLogisticRegression(scaled, features, "target");
        QVERIFY(training.fit.converged);
        QVERIFY(!training.fit.warning);
        QCOMPARE(training.estimator->classLabels(), classes);
        QCOMPARE(training.estimator->featureNames(), features);

        // Through the Model: the scaler is re-applied to the raw test rows with its training fit.
        const Model model{.lineage = scaled.lineage(), .estimator = training.estimator,
                          .targetName = "target"};
        const Table predicted = model.predict(test);
        const Column& prediction = predicted.column(kPredictionColumn);
        QCOMPARE(prediction.categories(), classes);
        const auto expectedLabels = fixture::strings(testCase.value(QLatin1String("default"))
                                                         .toObject()
                                                         .value(QLatin1String("predict_test")));
        QCOMPARE(prediction.size(), expectedLabels.size());
        for (size_t i = 0; i < expectedLabels.size(); ++i)
            QCOMPARE(prediction.cellText(i), expectedLabels[i]);

        const QJsonObject reference = testCase.value(QLatin1String("default")).toObject();
        const Eigen::MatrixXd expectedProba =
            fixture::matrix(reference.value(QLatin1String("proba_test")));
        double probabilityDifference = 0.0;
        for (size_t c = 0; c < classes.size(); ++c) {
            const Column& p = predicted.column(probabilityColumnName(classes[c]));
            QCOMPARE(p.role(), ColumnRole::Prediction);
            for (size_t i = 0; i < p.size(); ++i)
                probabilityDifference = std::max(
                    probabilityDifference,
                    std::abs(p.values()[i] - expectedProba(Eigen::Index(i), Eigen::Index(c))));
        }
        const double coefficientDifference = relativeDifference(
            training.fit.coefficients, fixture::matrix(reference.value(QLatin1String("coef"))));
        qInfo("default fit: %d iterations (scikit-learn %d), max |dP| %.3g, coef rel. diff %.3g",
              training.fit.iterations, reference.value(QLatin1String("n_iter")).toInt(),
              probabilityDifference, coefficientDifference);
        QVERIFY(probabilityDifference <= 1e-4);

        LogisticRegressionOptions tight;
        tight.tol = 1e-10;
        tight.maxIter = 10000;
        const LogisticRegressionTraining precise =
            trainLogisticRegression(scaled, features, "target", tight);
        const QJsonObject optimum = testCase.value(QLatin1String("tight")).toObject();
        const double tightDifference = relativeDifference(
            precise.fit.coefficients, fixture::matrix(optimum.value(QLatin1String("coef"))));
        const double interceptDifference =
            (precise.fit.intercepts - fixture::vector(optimum.value(QLatin1String("intercept"))))
                .cwiseAbs()
                .maxCoeff();
        qInfo("tight fit: %d iterations, coef rel. diff %.3g, intercept diff %.3g",
              precise.fit.iterations, tightDifference, interceptDifference);
        QVERIFY(precise.fit.converged);
        QVERIFY(tightDifference <= 1e-6);
        QVERIFY(interceptDifference <= 1e-6);
    }

    void estimatorIdentity() {
        const LogisticRegression model({"a"}, {"no", "yes"}, Eigen::MatrixXd::Ones(1, 1),
                                       Eigen::VectorXd::Zero(1));
        QCOMPARE(model.typeId(), std::string("oficina.model.logistic_regression"));
        QCOMPARE(model.title(), "Logistic regression");
        QCOMPARE(model.task(), Task::Classification);
        const auto columns = model.predict(Table({Column::numeric("a", {-1.0, 0.0, 2.0})}));
        QCOMPARE(columns.size(), size_t(3));
        QCOMPARE(columns[0].name(), std::string(kPredictionColumn));
        QCOMPARE(columns[0].role(), ColumnRole::Prediction);
        QCOMPARE(columns[0].codes(), (std::vector<int32_t>{0, 0, 1})); // z = 0 → class 0
        QCOMPARE(columns[1].name(), std::string("P(no)"));
        QCOMPARE(columns[2].name(), std::string("P(yes)"));
        QCOMPARE(columns[2].values()[1], 0.5);
        QVERIFY(std::abs(columns[2].values()[2] - 1.0 / (1.0 + std::exp(-2.0))) < 1e-15);
    }

    void numericIntegerTarget() {
        const Table table = smallTable(Column::numeric("y", {1.0, 3.0, 2.0, 0.0}),
                                       Column::numeric("label", {7, 7, 3, 3}, ColumnRole::Target));
        const auto training = trainLogisticRegression(table, {"x", "y"}, "label");
        QCOMPARE(training.estimator->classLabels(), (std::vector<std::string>{"3", "7"}));
        QCOMPARE(training.fit.coefficients.rows(), Eigen::Index(1));
    }

    void unusedCategoryIsNotAClass() {
        const Table table = smallTable(Column::numeric("y", {1.0, 3.0, 2.0, 0.0}),
                                       Column::categorical("label", {0, 0, 2, 2}, {"a", "b", "c"}));
        const auto training = trainLogisticRegression(table, {"x", "y"}, "label");
        QCOMPARE(training.estimator->classLabels(), (std::vector<std::string>{"a", "c"}));
    }

    void rejectsBadInput() {
        const Column target = Column::categorical("label", {0, 1, 0, 1}, {"a", "b"});
        const Table categorical =
            smallTable(Column::categorical("colour", {0, 1, 1, 0}, {"red", "blue"}), target);
        std::string message = errorOf([&] {
            trainLogisticRegression(categorical, {"x", "colour"}, "label");
        });
        QVERIFY2(contains(message, "'colour' is categorical"), message.c_str());

        const double nan = std::numeric_limits<double>::quiet_NaN();
        const Table missing = smallTable(Column::numeric("age", {1.0, nan, 3.0, 4.0}), target);
        message = errorOf([&] { trainLogisticRegression(missing, {"x", "age"}, "label"); });
        QVERIFY2(contains(message, "'age' has 1 missing values"), message.c_str());

        const Table oneClass =
            smallTable(Column::numeric("y", {1.0, 2.0, 3.0, 4.0}),
                       Column::categorical("label", {1, 1, 1, 1}, {"setosa", "virginica"}));
        message = errorOf([&] { trainLogisticRegression(oneClass, {"x", "y"}, "label"); });
        QVERIFY2(contains(message, "only one class 'virginica'"), message.c_str());

        const Table fractional = smallTable(Column::numeric("y", {1.0, 2.0, 3.0, 4.0}),
                                            Column::numeric("price", {1.5, 2.0, 1.0, 2.0}));
        message = errorOf([&] { trainLogisticRegression(fractional, {"x", "y"}, "price"); });
        QVERIFY2(contains(message, "'price' has non-integer values such as 1.5"), message.c_str());

        const Table missingTarget =
            smallTable(Column::numeric("y", {1.0, 2.0, 3.0, 4.0}),
                       Column::categorical("label", {0, -1, 1, -1}, {"a", "b"}));
        message = errorOf([&] { trainLogisticRegression(missingTarget, {"x", "y"}, "label"); });
        QVERIFY2(contains(message, "'label' has 2 missing values"), message.c_str());

        const Table empty({Column::numeric("x", {}), Column::categorical("label", {}, {"a"})});
        message = errorOf([&] { trainLogisticRegression(empty, {"x"}, "label"); });
        QVERIFY2(contains(message, "no rows"), message.c_str());
        message = errorOf([&] { fitLogisticRegression(Eigen::MatrixXd(0, 2), {}, 2); });
        QVERIFY2(contains(message, "no rows"), message.c_str());

        const ScaledData iris = irisMatrix();
        LogisticRegressionOptions badC;
        badC.c = 0.0;
        message = errorOf([&] { fitLogisticRegression(iris.X, iris.y, 3, badC); });
        QVERIFY2(contains(message, "C must be a positive number"), message.c_str());
        message = errorOf([&] { fitLogisticRegression(iris.X, iris.y, 2); });
        QVERIFY2(contains(message, "class index 2"), message.c_str());
    }

    void reportsEveryIteration() {
        const ScaledData iris = irisMatrix();
        std::vector<double> losses;
        const LogisticRegressionFit fit =
            fitLogisticRegression(iris.X, iris.y, 3, {}, [&](int iteration, double loss) {
                QCOMPARE(iteration, int(losses.size()) + 1);
                losses.push_back(loss);
            });
        QCOMPARE(int(losses.size()), fit.iterations);
        QVERIFY(losses.front() < std::log(3.0)); // the loss at zero is log(classes)
        for (size_t i = 1; i < losses.size(); ++i)
            QVERIFY(losses[i] <= losses[i - 1]);
        QCOMPARE(losses.back(), fit.loss);
    }

    void warnsWhenMaxIterIsReached() {
        const ScaledData iris = irisMatrix();
        LogisticRegressionOptions options;
        options.maxIter = 2;
        const LogisticRegressionFit fit = fitLogisticRegression(iris.X, iris.y, 3, options);
        QCOMPARE(fit.iterations, 2);
        QVERIFY(!fit.converged);
        QVERIFY(fit.warning);
        QVERIFY(contains(fit.warning->english(), "did not converge in 2 iterations"));
    }

    void cancelsAfterThreeIterations() {
        const ScaledData iris = irisMatrix();
        std::stop_source source;
        int reported = 0;
        bool cancelled = false;
        try {
            (void)fitLogisticRegression(
                iris.X, iris.y, 3, {},
                [&](int iteration, double) {
                    reported = iteration;
                    if (iteration == 3) source.request_stop();
                },
                source.get_token());
        } catch (const Cancelled&) {
            cancelled = true;
        }
        QVERIFY(cancelled);
        // It stopped at the third iteration, not later: counted, not timed (a loaded machine).
        QCOMPARE(reported, 3);

        std::stop_source before;
        before.request_stop();
        QVERIFY_THROWS_EXCEPTION(
            Cancelled, fitLogisticRegression(iris.X, iris.y, 3, {}, {}, before.get_token()));
    }

    // k stacked copies of the data with C/k have the same optimum; enough rows for the
    // objective to split them into blocks evaluated on several threads.
    void stackedCopiesMatchScaledC_data() {
        QTest::addColumn<int>("fixtureCase");
        QTest::addColumn<int>("copies");
        QTest::addColumn<int>("classes");
        QTest::newRow("iris") << 0 << 131 << 3;
        QTest::newRow("breast_cancer") << 2 << 9 << 2;
    }

    void stackedCopiesMatchScaledC() {
        QFETCH(int, fixtureCase);
        QFETCH(int, copies);
        QFETCH(int, classes);
        const ScaledData data = scaledData(fixtureCase);
        ScaledData stacked;
        stacked.X = data.X.replicate(copies, 1);
        for (int k = 0; k < copies; ++k)
            stacked.y.insert(stacked.y.end(), data.y.begin(), data.y.end());
        LogisticRegressionOptions tight;
        tight.tol = 1e-10;
        tight.maxIter = 10000;
        const LogisticRegressionFit single = fitLogisticRegression(data.X, data.y, classes, tight);
        tight.c = 1.0 / copies;
        const LogisticRegressionFit many =
            fitLogisticRegression(stacked.X, stacked.y, classes, tight);
        // Same path up to rounding: only the order of the sums differs.
        QCOMPARE(many.iterations, single.iterations);
        QVERIFY(relativeDifference(many.coefficients, single.coefficients) <= 1e-9);
        QVERIFY((many.intercepts - single.intercepts).cwiseAbs().maxCoeff() <= 1e-9);
    }

    // class_weight and the liblinear solver (L1 and L2) against LogisticRegression on
    // standardised splits (tests/data/make_linear_fixtures.py). liblinear's versions differ
    // (coordinate order, stopping), so those fits must predict as well; the balanced L2
    // multinomial fit by L-BFGS must reach the optimum's coefficients.
    void liblinearAndClassWeights_data() {
        QTest::addColumn<QJsonObject>("data");
        QTest::addColumn<QJsonObject>("fit");
        for (const QJsonValue& v :
             fixture::cases(QStringLiteral("sklearn/logistic_liblinear.json"))) {
            const QJsonObject c = v.toObject();
            for (const QJsonValue& f : c.value(QLatin1String("fits")).toArray()) {
                const QJsonObject fit = f.toObject();
                const QString name = QStringLiteral("%1 %2 %3 %4")
                                         .arg(c.value(QLatin1String("name")).toString(),
                                              fit.value(QLatin1String("solver")).toString(),
                                              fit.value(QLatin1String("penalty")).toString(),
                                              fit.value(QLatin1String("class_weight")).toString());
                QTest::newRow(name.toUtf8().constData()) << c << fit;
            }
        }
    }

    void liblinearAndClassWeights() {
        QFETCH(QJsonObject, data);
        QFETCH(QJsonObject, fit);
        const auto classes = fixture::strings(fit.value(QLatin1String("classes")));
        const auto toCodes = [&](const QJsonValue& labels) {
            std::vector<int32_t> out;
            for (const std::string& label : fixture::strings(labels))
                out.push_back(
                    int32_t(std::find(classes.begin(), classes.end(), label) - classes.begin()));
            return out;
        };
        const Eigen::MatrixXd xTrain = fixture::matrix(data.value(QLatin1String("X_train")));
        const Eigen::MatrixXd xTest = fixture::matrix(data.value(QLatin1String("X_test")));
        const std::vector<int32_t> yTrain = toCodes(data.value(QLatin1String("y_train")));
        const std::vector<int32_t> yTest = toCodes(data.value(QLatin1String("y_test")));
        LogisticRegressionOptions options;
        options.c = fit.value(QLatin1String("C")).toDouble();
        const bool liblinear = fit.value(QLatin1String("solver")).toString() == "liblinear";
        options.solver = liblinear ? LogisticSolver::Liblinear : LogisticSolver::Lbfgs;
        options.penalty = fit.value(QLatin1String("penalty")).toString() == "l1"
                              ? LogisticPenalty::L1
                              : LogisticPenalty::L2;
        options.classWeight = fit.value(QLatin1String("class_weight")).toString() == "balanced"
                                  ? ClassWeight::Balanced
                                  : ClassWeight::None;
        if (!liblinear) {
            options.tol = 1e-10;
            options.maxIter = 10000;
        }
        const int k = int(classes.size());
        const LogisticRegressionFit ours = fitLogisticRegression(xTrain, yTrain, k, options);
        QCOMPARE(ours.oneVsRest, liblinear);
        const LogisticRegression model({}, classes, ours.coefficients, ours.intercepts,
                                       ours.oneVsRest);
        const std::vector<int32_t> predicted = model.predictClasses(xTest);
        double correct = 0;
        for (size_t i = 0; i < yTest.size(); ++i) correct += predicted[i] == yTest[i];
        const double accuracy = correct / double(yTest.size());
        const double expectedAccuracy = fit.value(QLatin1String("accuracy")).toDouble();
        const double coefDifference = relativeDifference(
            ours.coefficients, fixture::matrix(fit.value(QLatin1String("coef"))));
        const Eigen::MatrixXd p = model.predictProbabilities(xTest);
        const double meanProbabilityDifference =
            (p - fixture::matrix(fit.value(QLatin1String("proba_test")))).cwiseAbs().mean();
        qInfo("accuracy %.4f (scikit-learn %.4f), coef rel. diff %.3g, mean |dP| %.3g, "
              "loss %.4f",
              accuracy, expectedAccuracy, coefDifference, meanProbabilityDifference, ours.loss);
        QVERIFY((p.rowwise().sum().array() - 1.0).abs().maxCoeff() < 1e-12);
        QVERIFY(accuracy >= expectedAccuracy - 0.02);
        QVERIFY(meanProbabilityDifference < 0.01);
        QVERIFY(std::isfinite(ours.loss) && ours.loss > 0);
        if (!liblinear) {
            QVERIFY(ours.converged);
            QVERIFY(coefDifference <= 1e-6);
        }
        if (options.penalty == LogisticPenalty::L1) // L1 zeroes some weights
            QVERIFY((ours.coefficients.array() == 0.0).count() > 0);
    }

    void featureMatrixIsColumnMajorCopy() {
        const Table table({Column::numeric("a", {1.0, 2.0}), Column::numeric("b", {3.0, 4.0})});
        const Eigen::MatrixXd X = featureMatrix(table, {"b", "a"});
        QCOMPARE(X.rows(), Eigen::Index(2));
        QCOMPARE(X(0, 0), 3.0);
        QCOMPARE(X(1, 1), 2.0);
        const double inf = std::numeric_limits<double>::infinity();
        const std::string message = errorOf([&] {
            (void)featureMatrix(Table({Column::numeric("z", {inf, 1.0})}), {"z"});
        });
        QVERIFY2(contains(message, "'z' has 1 infinite values"), message.c_str());
    }

    void classLabelsOfNumericTarget() {
        const ClassLabels labels = classLabels(Column::numeric("y", {3.0, 1.0, 3.0, 7.0, -0.0}));
        QCOMPARE(labels.labels, (std::vector<std::string>{"0", "1", "3", "7"}));
        QCOMPARE(labels.codes, (std::vector<int32_t>{2, 1, 2, 3, 0}));
    }
};

QTEST_APPLESS_MAIN(TestLogisticRegression)
#include "tst_logisticregression.moc"
