// Kernel SVMs (libsvm) and the linear SVM (liblinear) against scikit-learn 1.2's SVC, SVR and
// LinearSVC on iris, wine, breast cancer (standardised), digits and diabetes; fixtures from
// tests/data/make_linear_fixtures.py. SVC/SVR run the same SMO as scikit-learn's copy of
// libsvm, so decision values must agree closely; LinearSVC's random coordinate order differs
// (scikit-learn's liblinear has its own generator), so it must reach the same test accuracy
// within 2 points.
#include "models/Classification.h"
#include "models/Svm.h"
#include "util/Error.h"

#include "../EigenFixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <chrono>
#include <ctime>
#include <pthread.h>
#include <cmath>
#include <functional>
#include <thread>

using namespace oficina::core;

namespace {

std::vector<int32_t> codes(const std::vector<std::string>& labels,
                           const std::vector<std::string>& classes) {
    std::vector<int32_t> out;
    for (const std::string& label : labels)
        out.push_back(int32_t(std::find(classes.begin(), classes.end(), label) - classes.begin()));
    return out;
}

double accuracy(const std::vector<int32_t>& predicted, const std::vector<int32_t>& truth) {
    double correct = 0;
    for (size_t i = 0; i < truth.size(); ++i) correct += predicted[i] == truth[i];
    return correct / double(truth.size());
}

SvmKernel kernelOf(const QString& name) {
    if (name == QLatin1String("linear")) return SvmKernel::Linear;
    if (name == QLatin1String("poly")) return SvmKernel::Poly;
    if (name == QLatin1String("sigmoid")) return SvmKernel::Sigmoid;
    return SvmKernel::Rbf;
}

struct Case {
    Eigen::MatrixXd xTrain, xTest;
    std::vector<std::string> classes;
    std::vector<int32_t> yTrain, yTest;
};

Case classificationCase(const QJsonObject& c) {
    Case out;
    out.classes = fixture::strings(c.value(QLatin1String("classes")));
    out.xTrain = fixture::matrix(c.value(QLatin1String("X_train")));
    out.xTest = fixture::matrix(c.value(QLatin1String("X_test")));
    out.yTrain = codes(fixture::strings(c.value(QLatin1String("y_train"))), out.classes);
    out.yTest = codes(fixture::strings(c.value(QLatin1String("y_test"))), out.classes);
    return out;
}

void addFits(const char* model) {
    QTest::addColumn<QJsonObject>("data");
    QTest::addColumn<QJsonObject>("fit");
    for (const QJsonValue& v : fixture::cases(QStringLiteral("sklearn/svm.json"))) {
        const QJsonObject c = v.toObject();
        for (const QJsonValue& f : c.value(QLatin1String("fits")).toArray()) {
            const QJsonObject fit = f.toObject();
            if (fit.value(QLatin1String("model")).toString() != QLatin1String(model)) continue;
            const QString name = QStringLiteral("%1 %2").arg(
                c.value(QLatin1String("name")).toString(),
                fit.value(QLatin1String("kernel")).toString());
            QTest::newRow(name.toUtf8().constData()) << c << fit;
        }
    }
}

template <class Call> std::string errorOf(Call call) {
    try {
        call();
    } catch (const Error& e) {
        return e.message().english();
    }
    return "(no error)";
}

} // namespace

class TestSvm : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void svcMatchesScikitLearn_data() { addFits("svc"); }

    void svcMatchesScikitLearn() {
        QFETCH(QJsonObject, data);
        QFETCH(QJsonObject, fit);
        const Case c = classificationCase(data);
        KernelSvmOptions options;
        options.kernel = kernelOf(fit.value(QLatin1String("kernel")).toString());
        const auto model = fitSvc(c.xTrain, c.yTrain, c.classes, {}, options);
        QVERIFY(std::abs(model->gamma() - fit.value(QLatin1String("gamma")).toDouble()) <=
                1e-12 * model->gamma());
        int supportVectors = 0;
        for (const QJsonValue& n : fit.value(QLatin1String("n_support")).toArray())
            supportVectors += n.toInt();
        const Eigen::MatrixXd decision = model->decisionValues(c.xTest);
        Eigen::MatrixXd expected = fixture::matrix(fit.value(QLatin1String("decision_test")));
        if (!fit.value(QLatin1String("decision_test")).toArray().first().isArray()) // binary
            expected = fixture::vector(fit.value(QLatin1String("decision_test")));
        QCOMPARE(decision.rows(), expected.rows());
        QCOMPARE(decision.cols(), expected.cols());
        const double difference = (decision - expected).cwiseAbs().maxCoeff();
        const auto predicted = model->predictClasses(c.xTest);
        const auto expectedPredicted =
            codes(fixture::strings(fit.value(QLatin1String("predict_test"))), c.classes);
        const double ours = accuracy(predicted, c.yTest);
        const double theirs = fit.value(QLatin1String("accuracy")).toDouble();
        qInfo("support vectors %d (scikit-learn %d), max |decision diff| %.3g, accuracy %.4f "
              "(scikit-learn %.4f)",
              model->supportVectorCount(), supportVectors, difference, ours, theirs);
        QCOMPARE(model->supportVectorCount(), supportVectors);
        QVERIFY(difference <= 1e-6);
        QCOMPARE(predicted, expectedPredicted);
    }

    void svcProbabilities_data() { addFits("svc_probability"); }

    void svcProbabilities() {
        QFETCH(QJsonObject, data);
        QFETCH(QJsonObject, fit);
        const Case c = classificationCase(data);
        KernelSvmOptions options;
        options.probability = true;
        const auto model = fitSvc(c.xTrain, c.yTrain, c.classes, {}, options);
        QVERIFY(model->hasProbabilities());
        const Eigen::MatrixXd p = model->predictProbabilities(c.xTest);
        const Eigen::MatrixXd expected = fixture::matrix(fit.value(QLatin1String("proba_test")));
        // Platt scaling is fitted on random folds, which differ from scikit-learn's.
        const double difference = (p - expected).cwiseAbs().maxCoeff();
        const double meanDifference = (p - expected).cwiseAbs().mean();
        const double ours = accuracy(model->predictClasses(c.xTest), c.yTest);
        qInfo("max |dP| %.3g, mean |dP| %.3g, accuracy %.4f (scikit-learn %.4f)", difference,
              meanDifference, ours, fit.value(QLatin1String("accuracy")).toDouble());
        QVERIFY((p.rowwise().sum().array() - 1.0).abs().maxCoeff() < 1e-9);
        QVERIFY(meanDifference < 0.02);
        QVERIFY(ours >= fit.value(QLatin1String("accuracy")).toDouble() - 0.02);
        // Seeded: the same seed gives the same probabilities.
        const auto again = fitSvc(c.xTrain, c.yTrain, c.classes, {}, options);
        QCOMPARE(again->predictProbabilities(c.xTest), p);
    }

    void linearSvcAccuracy_data() { addFits("linear_svc"); }

    void linearSvcAccuracy() {
        QFETCH(QJsonObject, data);
        QFETCH(QJsonObject, fit);
        const Case c = classificationCase(data);
        const LiblinearFit ours = fitLiblinear(c.xTrain, c.yTrain, int(c.classes.size()));
        const LinearSvc model({}, c.classes, ours.coefficients, ours.intercepts);
        const double accuracyOurs = accuracy(model.predictClasses(c.xTest), c.yTest);
        const double theirs = fit.value(QLatin1String("accuracy")).toDouble();
        const Eigen::MatrixXd coef = fixture::matrix(fit.value(QLatin1String("coef")));
        const double coefDifference =
            (ours.coefficients - coef).cwiseAbs().maxCoeff() / coef.cwiseAbs().maxCoeff();
        qInfo("accuracy %.4f (scikit-learn %.4f), coef rel. diff %.3g, converged %d "
              "(scikit-learn warnings %d)",
              accuracyOurs, theirs, coefDifference, int(ours.converged),
              fit.value(QLatin1String("warnings")).toInt());
        QCOMPARE(ours.coefficients.rows(), coef.rows());
        QVERIFY(accuracyOurs >= theirs - 0.02);
        // Converged fits reach the same optimum whatever the coordinate order.
        if (ours.converged && fit.value(QLatin1String("warnings")).toInt() == 0)
            QVERIFY(coefDifference < 1e-2);
    }

    void svrMatchesScikitLearn() {
        const QJsonArray cases = fixture::cases(QStringLiteral("sklearn/svm.json"));
        const QJsonObject c = cases.last().toObject();
        QCOMPARE(c.value(QLatin1String("name")).toString(), QStringLiteral("diabetes_svr"));
        const Eigen::MatrixXd xTrain = fixture::matrix(c.value(QLatin1String("X_train")));
        const Eigen::MatrixXd xTest = fixture::matrix(c.value(QLatin1String("X_test")));
        const Eigen::VectorXd yTrain = fixture::vector(c.value(QLatin1String("y_train")));
        for (const QJsonValue& f : c.value(QLatin1String("fits")).toArray()) {
            const QJsonObject fit = f.toObject();
            KernelSvmOptions options;
            options.kernel = kernelOf(fit.value(QLatin1String("kernel")).toString());
            options.c = fit.value(QLatin1String("C")).toDouble();
            options.epsilon = fit.value(QLatin1String("epsilon")).toDouble();
            const auto model = fitSvr(xTrain, yTrain, {}, options);
            const Eigen::VectorXd expected =
                fixture::vector(fit.value(QLatin1String("predict_test")));
            const double difference =
                (model->predictValues(xTest) - expected).cwiseAbs().maxCoeff() /
                expected.cwiseAbs().maxCoeff();
            qInfo("SVR %s C=%g: support vectors %d (scikit-learn %d), prediction rel. diff %.3g",
                  qPrintable(fit.value(QLatin1String("kernel")).toString()), options.c,
                  model->supportVectorCount(), fit.value(QLatin1String("n_support")).toInt(),
                  difference);
            QCOMPARE(model->supportVectorCount(), fit.value(QLatin1String("n_support")).toInt());
            QVERIFY(difference <= 1e-6);
            QCOMPARE(model->task(), Task::Regression);
        }
    }

    void predictColumnsThroughTheTable() {
        const Table table({Column::numeric("a", {0, 1, 2, 3, 4, 5}),
                           Column::numeric("b", {1, 0, 1, 0, 1, 0}),
                           Column::categorical("kind", {0, 0, 0, 1, 1, 1}, {"low", "high"},
                                               ColumnRole::Target)});
        const ClassLabels classes = presentClasses(table.column("kind"));
        const Eigen::MatrixXd X = featureMatrix(table, {"a", "b"});
        auto svc = fitSvc(X, classes.codes, classes.labels, {"a", "b"});
        auto columns = svc->predict(table);
        QCOMPARE(columns.size(), size_t(1)); // no probabilities unless asked for
        QCOMPARE(columns[0].name(), std::string(kPredictionColumn));
        QCOMPARE(columns[0].categories(), (std::vector<std::string>{"low", "high"}));
        QCOMPARE(columns[0].codes(), classes.codes);
        QCOMPARE(svc->typeId(), std::string("oficina.model.svc"));

        const LiblinearFit linear = fitLiblinear(X, classes.codes, 2);
        QCOMPARE(linear.coefficients.rows(), Eigen::Index(1));
        QVERIFY(linear.coefficients(0, 0) > 0); // positive scores favour class 1 ("high")
        const LinearSvc model({"a", "b"}, classes.labels, linear.coefficients, linear.intercepts);
        QCOMPARE(model.predict(table)[0].codes(), classes.codes);
    }

    void classWeightsAreBalanced() {
        const std::vector<double> w = classWeights({0, 0, 0, 1, 2, 2}, 4, ClassWeight::Balanced);
        QCOMPARE(w.size(), size_t(4));
        QCOMPARE(w[0], 6.0 / (3 * 3));
        QCOMPARE(w[1], 6.0 / (3 * 1));
        QCOMPARE(w[2], 6.0 / (3 * 2));
        QCOMPARE(w[3], 1.0);
        QCOMPARE(classWeights({0, 1}, 2, ClassWeight::None), (std::vector<double>{1.0, 1.0}));
    }

    void rejectsBadInput() {
        const Eigen::MatrixXd big = Eigen::MatrixXd::Zero(20001, 1);
        const std::vector<int32_t> y(20001, 0);
        std::string message = errorOf([&] { fitSvc(big, y, {"a", "b"}, {"x"}); });
        QVERIFY2(message.find("linear SVM") != std::string::npos, message.c_str());
        message = errorOf([&] {
            fitSvr(big, Eigen::VectorXd::Zero(20001), {"x"});
        });
        QVERIFY2(message.find("20000") != std::string::npos, message.c_str());

        const Eigen::MatrixXd X = Eigen::MatrixXd::Random(6, 2);
        message = errorOf([&] { fitSvc(X, {0, 0, 0, 0, 0, 0}, {"a", "b"}, {}); });
        QVERIFY2(message.find("only one class") != std::string::npos, message.c_str());
        KernelSvmOptions badC;
        badC.c = -1;
        message = errorOf([&] { fitSvc(X, {0, 1, 0, 1, 0, 1}, {"a", "b"}, {}, badC); });
        QVERIFY2(message.find("C must be a positive number") != std::string::npos,
                 message.c_str());
        Eigen::MatrixXd nan = X;
        nan(2, 1) = std::numeric_limits<double>::quiet_NaN();
        message = errorOf([&] { fitLiblinear(nan, {0, 1, 0, 1, 0, 1}, 2); });
        QVERIFY2(message.find("missing or infinite") != std::string::npos, message.c_str());
        std::stop_source stop;
        stop.request_stop();
        QVERIFY_THROWS_EXCEPTION(Cancelled, fitLiblinear(X, {0, 1, 0, 1, 0, 1}, 2, {},
                                                         stop.get_token()));
        QVERIFY_THROWS_EXCEPTION(Cancelled, fitSvc(X, {0, 1, 0, 1, 0, 1}, {"a", "b"}, {}, {},
                                                   stop.get_token()));
    }

    // Stop reaches into the running solvers: random labels make SMO and dual coordinate descent
    // work long, and a stop requested a tenth of the way in ends the fit with Cancelled instead
    // of a model. "A tenth of the way" is the fitting thread's CPU time, not the clock's, so a
    // loaded machine (which stretches the wall-clock time, not the work) changes nothing.
    void stopInterruptsRunningFits() {
        std::srand(7);
        const Eigen::MatrixXd X = Eigen::MatrixXd::Random(2000, 8);
        std::vector<int32_t> y(2000);
        for (int32_t& label : y) label = std::rand() % 2;
        KernelSvmOptions svc;
        svc.c = 100.0;
        LiblinearOptions linear;
        linear.c = 100.0;
        clockid_t fitClock;
        QCOMPARE(pthread_getcpuclockid(pthread_self(), &fitClock), 0);
        const auto cpuSeconds = [&] {
            timespec now{};
            clock_gettime(fitClock, &now);
            return double(now.tv_sec) + double(now.tv_nsec) * 1e-9;
        };
        const auto cpuSecondsOf = [&](const auto& fit) {
            const double start = cpuSeconds();
            fit();
            return cpuSeconds() - start;
        };
        const auto cancelledAfter = [&](double work, const auto& fit) {
            std::stop_source stop;
            const double start = cpuSeconds();
            std::jthread stopper([&](std::stop_token fitEnded) {
                while (!fitEnded.stop_requested() && cpuSeconds() - start < work)
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                stop.request_stop();
            });
            QVERIFY_THROWS_EXCEPTION(Cancelled, fit(stop.get_token()));
        };
        const auto runSvc = [&](const Eigen::MatrixXd& X, const std::vector<int32_t>& y,
                                std::stop_token stop) { fitSvc(X, y, {"a", "b"}, {}, svc, stop); };
        const auto runLinear = [&](const Eigen::MatrixXd& X, const std::vector<int32_t>& y,
                                   std::stop_token stop) { fitLiblinear(X, y, 2, linear, stop); };
        using Fit = std::function<void(const Eigen::MatrixXd&, const std::vector<int32_t>&,
                                       std::stop_token)>;
        for (const Fit& fit : {Fit(runSvc), Fit(runLinear)}) {
            const double full = cpuSecondsOf([&] { fit(X, y, {}); });
            cancelledAfter(full / 10, [&](std::stop_token stop) { fit(X, y, stop); });
            // The library is usable again after the unwind.
            fit(X.topRows(100), {y.begin(), y.begin() + 100}, {});
        }
    }
};

QTEST_APPLESS_MAIN(TestSvm)
#include "tst_svm.moc"
