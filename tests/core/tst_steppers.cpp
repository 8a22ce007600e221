// The teaching steppers: step-through K-Means ends where fitKMeans ends; gradient descent on a
// logistic regression lowers its loss and approaches the app's L-BFGS optimum.
#include "cluster/KMeans.h"
#include "data/CsvReader.h"
#include "data/FeatureMatrix.h"
#include "models/LogisticRegression.h"
#include "teach/GradientDescentStepper.h"
#include "teach/KMeansStepper.h"
#include "util/Error.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <stdexcept>

using namespace oficina::core;

namespace {

struct Dataset {
    Eigen::MatrixXd X;
    ClassLabels y;
};

/// `columns` of a bundled dataset (all features when empty), the last column as the class.
Dataset load(const std::string& name, std::vector<std::string> columns = {}) {
    const Table t = readCsv(OFICINA_SOURCE_DIR "/resources/datasets/" + name + ".csv").table;
    auto names = t.columnNames();
    const std::string target = names.back();
    names.pop_back();
    if (columns.empty()) columns = names;
    return {featureMatrix(t, columns), classLabels(t.column(target))};
}

/// Rows whose class is `a` or `b`, relabelled 0 and 1.
Dataset twoClasses(const Dataset& d, int32_t a, int32_t b) {
    std::vector<Eigen::Index> rows;
    Dataset out;
    for (size_t i = 0; i < d.y.codes.size(); ++i)
        if (d.y.codes[i] == a || d.y.codes[i] == b) {
            rows.push_back(Eigen::Index(i));
            out.y.codes.push_back(d.y.codes[i] == a ? 0 : 1);
        }
    out.X = d.X(rows, Eigen::all);
    out.y.labels = {d.y.labels[size_t(a)], d.y.labels[size_t(b)]};
    return out;
}

} // namespace

class SteppersTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void kmeansEndsAsFitKMeans_data() {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("seed");
        QTest::addColumn<int>("maxIter");
        QTest::newRow("iris k=3") << "iris" << 3 << 0 << 300;
        QTest::newRow("iris k=5 seed 7") << "iris" << 5 << 7 << 300;
        QTest::newRow("wine k=3 seed 1") << "wine" << 3 << 1 << 300;
        QTest::newRow("wine k=4 max_iter 2") << "wine" << 4 << 3 << 2;
    }

    void kmeansEndsAsFitKMeans() {
        QFETCH(QString, dataset);
        QFETCH(int, k);
        QFETCH(int, seed);
        QFETCH(int, maxIter);
        const Eigen::MatrixXd X = load(dataset.toStdString()).X;
        KMeansOptions options;
        options.nClusters = k;
        options.seed = uint32_t(seed);
        options.maxIter = maxIter;
        const KMeansFit expected = fitKMeans(X, options);

        KMeansStepper stepper(X, {.nClusters = k, .seed = uint32_t(seed), .maxIter = maxIter});
        QCOMPARE(stepper.phase(), KMeansPhase::Initialised);
        QVERIFY(std::isnan(stepper.inertia()));
        int steps = 0;
        double last = std::numeric_limits<double>::infinity();
        while (stepper.step()) {
            ++steps;
            // Assign and move alternate, starting with an assignment.
            QCOMPARE(stepper.phase(), steps % 2 == 1 ? KMeansPhase::Assigned : KMeansPhase::Moved);
            QVERIFY2(stepper.inertia() <= last * (1 + 1e-12),
                     qPrintable(QString("step %1: %2 after %3")
                                    .arg(steps)
                                    .arg(stepper.inertia(), 0, 'g', 17)
                                    .arg(last, 0, 'g', 17)));
            last = stepper.inertia();
            if (stepper.phase() == KMeansPhase::Moved)
                QVERIFY(stepper.centers() != stepper.previousCenters());
            QVERIFY(steps < 2 * maxIter + 3);
        }
        QCOMPARE(stepper.stepCount(), steps);
        QCOMPARE(int(stepper.inertiaHistory().size()), steps);
        QVERIFY(stepper.finished());
        QVERIFY(!stepper.step());
        const KMeansFit got = stepper.result();
        QCOMPARE(got.labels, expected.labels);
        QCOMPARE(got.iterations, expected.iterations);
        QCOMPARE(got.converged, expected.converged);
        QVERIFY((got.centers - expected.centers).cwiseAbs().maxCoeff() < 1e-12);
        QVERIFY(std::abs(got.inertia - expected.inertia) <= 1e-12 * expected.inertia);
        int total = 0;
        for (int size : stepper.clusterSizes())
            total += size;
        QCOMPARE(total, int(X.rows()));
        if (maxIter == 2)
            QVERIFY(!got.converged);
        else
            QVERIFY(got.converged);
    }

    void kmeansResetReplays() {
        const Eigen::MatrixXd X = load("iris").X;
        KMeansStepper stepper(X, {.nClusters = 3, .seed = 0});
        const Eigen::MatrixXd start = stepper.centers();
        for (int i = 0; i < 3; ++i)
            stepper.step();
        const std::vector<double> history = stepper.inertiaHistory();
        stepper.reset();
        QCOMPARE(stepper.stepCount(), 0);
        QCOMPARE(stepper.centers(), start);
        QCOMPARE(stepper.labels(), std::vector<int32_t>(size_t(X.rows()), -1));
        for (int i = 0; i < 3; ++i)
            stepper.step();
        QCOMPARE(stepper.inertiaHistory(), history);
    }

    void kmeansExplicitInit() {
        // Two far-apart groups, centres started inside one of them: the first move splits them.
        Eigen::MatrixXd X(6, 2);
        X << 0, 0, 0, 1, 1, 0, 10, 10, 10, 11, 11, 10;
        Eigen::MatrixXd init(2, 2);
        init << 0, 0, 1, 0;
        KMeansStepper stepper(X, {.nClusters = 2, .init = init});
        QCOMPARE(stepper.centers(), init);
        QVERIFY(stepper.step());
        QCOMPARE(stepper.labels(), (std::vector<int32_t>{0, 0, 1, 1, 1, 1}));
        QVERIFY(stepper.step());
        QCOMPARE(stepper.previousCenters(), init);
        QVERIFY(std::abs(stepper.centers()(1, 0) - 8.0) < 1e-12);
        while (stepper.step()) {
        }
        QCOMPARE(stepper.labels(), (std::vector<int32_t>{0, 0, 0, 1, 1, 1}));
        QVERIFY(std::abs(stepper.inertia() - 8.0 / 3.0) < 1e-12);
    }

    void kmeansRejectsBadInput() {
        Eigen::MatrixXd X(2, 2);
        X << 0, 1, std::nan(""), 2;
        QVERIFY_THROWS_EXCEPTION(Error, KMeansStepper(X, {.nClusters = 1}));
        X(1, 0) = 3;
        QVERIFY_THROWS_EXCEPTION(Error, KMeansStepper(X, {.nClusters = 3}));
        QVERIFY_THROWS_EXCEPTION(Error,
                                 KMeansStepper(X, {.nClusters = 2, .init = Eigen::MatrixXd(1, 2)}));
    }

    void gradientDescentApproachesLbfgs_data() {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<QStringList>("features");
        QTest::addColumn<bool>("binary");
        QTest::addColumn<double>("c");
        QTest::addColumn<double>("rate");
        QTest::newRow("iris sepals, 3 classes")
            << "iris" << QStringList{"sepal length (cm)", "sepal width (cm)"} << false << 1.0
            << 1.0;
        QTest::newRow("iris petals, 3 classes, C=0.1")
            << "iris" << QStringList{"petal length (cm)", "petal width (cm)"} << false << 0.1
            << 1.0;
        QTest::newRow("wine, class 0 vs 1")
            << "wine" << QStringList{"alcohol", "proline"} << true << 1.0 << 1.0;
    }

    void gradientDescentApproachesLbfgs() {
        QFETCH(QString, dataset);
        QFETCH(QStringList, features);
        QFETCH(bool, binary);
        QFETCH(double, c);
        QFETCH(double, rate);
        std::vector<std::string> columns;
        for (const QString& f : features)
            columns.push_back(f.toStdString());
        Dataset d = load(dataset.toStdString(), columns);
        if (binary) d = twoClasses(d, 0, 1);

        GradientDescentStepper gd(d.X, d.y.codes, d.y.labels, {.learningRate = rate, .c = c});
        QCOMPARE(gd.stepCount(), 0);
        // Zero weights: every class equally likely.
        const double classes = double(d.y.labels.size());
        QVERIFY(std::abs(gd.loss() - std::log(classes)) < 1e-12);
        for (int i = 0; i < 20000; ++i) {
            const double before = gd.loss();
            QVERIFY(gd.step() <= before + 1e-15);
        }
        QCOMPARE(gd.stepCount(), 20000);
        QCOMPARE(int(gd.lossHistory().size()), 20001);

        // The app's L-BFGS on the same standardised features and C, run to a tight tolerance.
        LogisticRegressionOptions options;
        options.c = c;
        options.tol = 1e-10;
        options.maxIter = 10000;
        const LogisticRegressionFit best =
            fitLogisticRegression(gd.standardised(), d.y.codes, int(d.y.labels.size()), options);
        QCOMPARE(gd.coefficients().rows(), best.coefficients.rows());
        const double gap = std::max((gd.coefficients() - best.coefficients).cwiseAbs().maxCoeff(),
                                    (gd.intercepts() - best.intercepts).cwiseAbs().maxCoeff());
        const double size = best.coefficients.cwiseAbs().maxCoeff();
        QVERIFY2(gap < 1e-3 * std::max(1.0, size),
                 qPrintable(QString("weights %1 from the optimum").arg(gap)));
        QVERIFY(std::abs(gd.loss() - best.loss) < 1e-6);
        QVERIFY(gd.gradientNorm() < 1e-4);

        // The raw-unit weights give the same classes as the standardised ones.
        const LogisticRegression fitted({}, d.y.labels, best.coefficients, best.intercepts);
        QCOMPARE(gd.predict(d.X), fitted.predictClasses(gd.standardised()));
        QVERIFY(gd.accuracy() > (binary ? 0.9 : 0.75));
    }

    void gradientDescentGridAndReset() {
        const Dataset d = load("iris", {"petal length (cm)", "petal width (cm)"});
        GradientDescentStepper gd(d.X, d.y.codes, d.y.labels, {.learningRate = 0.5});
        const DecisionGrid before = gd.decisionGrid("x", "y", 0, 8, 0, 3, 20);
        QCOMPARE(int(before.classes.size()), 400);
        // Zero weights: ties everywhere go to the first class.
        QVERIFY(std::all_of(before.classes.begin(), before.classes.end(),
                            [](int32_t c) { return c == 0; }));
        for (int i = 0; i < 200; ++i)
            gd.step();
        const DecisionGrid after = gd.decisionGrid("x", "y", 0, 8, 0, 3, 20);
        QCOMPARE(after.labels, d.y.labels);
        QCOMPARE(after.at(0, 0), 0);   // short, narrow petals: setosa
        QCOMPARE(after.at(19, 19), 2); // long, wide petals: virginica
        gd.reset();
        QCOMPARE(gd.stepCount(), 0);
        QCOMPARE(gd.coefficients(), Eigen::MatrixXd::Zero(3, 2));
    }

    void networkLearnsWhatALineCannot() {
        // Two rings: no straight line separates them; one hidden layer of tanh units does.
        constexpr int n = 200;
        Eigen::MatrixXd X(n, 2);
        std::vector<int32_t> y(n);
        for (int i = 0; i < n; ++i) {
            const double angle = 4 * M_PI * double(i / 2) / n + (i % 2) * 0.3;
            const double r = i % 2 == 0 ? 1.0 : 3.0;
            X(i, 0) = r * std::cos(angle);
            X(i, 1) = r * std::sin(angle);
            y[size_t(i)] = i % 2;
        }
        GradientDescentStepper line(X, y, {"inner", "outer"}, {.learningRate = 0.5});
        GradientDescentStepper net(X, y, {"inner", "outer"},
                                   {.learningRate = 0.5, .hiddenUnits = 8, .seed = 1});
        QCOMPARE(net.hiddenUnits(), 8);
        QCOMPARE(net.coefficients().cols(), 8);
        for (int i = 0; i < 3000; ++i) {
            line.step();
            net.step();
        }
        QVERIFY2(line.accuracy() < 0.7, qPrintable(QString::number(line.accuracy())));
        QVERIFY2(net.accuracy() > 0.95, qPrintable(QString::number(net.accuracy())));
        QVERIFY(net.loss() < 0.25 * net.lossHistory().front());
        QVERIFY(net.loss() < 0.5 * line.loss());
        QVERIFY_THROWS_EXCEPTION(std::logic_error, (void)net.rawCoefficients());
        // The grid agrees with predict(): the centre is inside, the corners outside.
        const DecisionGrid grid = net.decisionGrid("x", "y", -4, 4, -4, 4, 41);
        QCOMPARE(grid.at(20, 20), 0);
        QCOMPARE(grid.at(0, 0), 1);
        QCOMPARE(grid.at(40, 40), 1);

        // Seeded: a reset replays the same losses; another seed starts elsewhere.
        const std::vector<double> first(net.lossHistory().begin(), net.lossHistory().begin() + 50);
        net.reset();
        for (int i = 0; i < 49; ++i)
            net.step();
        QCOMPARE(net.lossHistory(), first);
        GradientDescentStepper other(X, y, {"inner", "outer"},
                                     {.learningRate = 0.5, .hiddenUnits = 8, .seed = 2});
        for (int i = 0; i < 49; ++i)
            other.step();
        QVERIFY(other.loss() != net.loss());
    }

    void gradientDescentRejectsBadInput() {
        Eigen::MatrixXd X(3, 2);
        X << 1, 2, 1, 3, 1, 4; // the first feature is constant
        QVERIFY_THROWS_EXCEPTION(Error, GradientDescentStepper(X, {0, 1, 0}, {"a", "b"}, {}));
        X(0, 0) = 0;
        QVERIFY_THROWS_EXCEPTION(Error, GradientDescentStepper(X, {0, 1}, {"a", "b"}, {}));
        QVERIFY_THROWS_EXCEPTION(Error, GradientDescentStepper(X, {0, 1, 0}, {"a"}, {}));
        QVERIFY_THROWS_EXCEPTION(Error, GradientDescentStepper(X, {0, 1, 2}, {"a", "b"}, {}));
        QVERIFY_THROWS_EXCEPTION(
            Error, GradientDescentStepper(X, {0, 1, 0}, {"a", "b"}, {.learningRate = -1}));
        GradientDescentStepper gd(X, {0, 1, 0}, {"a", "b"}, {});
        QVERIFY_THROWS_EXCEPTION(Error, gd.setLearningRate(0));
        QVERIFY_THROWS_EXCEPTION(
            Error, GradientDescentStepper(X, {0, 1, 0}, {"a", "b"}, {.hiddenUnits = -1}));
        Eigen::MatrixXd wide(3, 3);
        wide << 0, 1, 2, 1, 2, 0, 2, 0, 1;
        GradientDescentStepper three(wide, {0, 1, 0}, {"a", "b"}, {});
        QVERIFY_THROWS_EXCEPTION(Error, three.decisionGrid("x", "y", 0, 1, 0, 1, 10));
    }
};

QTEST_GUILESS_MAIN(SteppersTest)
#include "tst_steppers.moc"
