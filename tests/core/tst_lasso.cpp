// Lasso and elastic net by coordinate descent against scikit-learn 1.2 (Lasso, ElasticNet) on
// raw and standardised diabetes; fixtures from tests/data/make_linear_fixtures.py. The same
// algorithm: coefficients to 1e-6 relative, and the same iteration counts.
#include "models/CoordinateDescent.h"
#include "util/Error.h"

#include "../EigenFixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace oficina::core;

class TestLasso : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesScikitLearn_data() {
        QTest::addColumn<QJsonObject>("data");
        QTest::addColumn<QJsonObject>("fit");
        for (const QJsonValue& v : fixture::cases(QStringLiteral("sklearn/lasso.json"))) {
            const QJsonObject c = v.toObject();
            for (const QJsonValue& f : c.value(QLatin1String("fits")).toArray()) {
                const QJsonObject fit = f.toObject();
                const QString name =
                    QStringLiteral("%1 %2 alpha=%3 l1=%4 intercept=%5")
                        .arg(c.value(QLatin1String("name")).toString(),
                             fit.value(QLatin1String("model")).toString())
                        .arg(fit.value(QLatin1String("alpha")).toDouble())
                        .arg(fit.value(QLatin1String("l1_ratio")).toDouble())
                        .arg(fit.value(QLatin1String("fit_intercept")).toBool());
                QTest::newRow(name.toUtf8().constData()) << c << fit;
            }
        }
    }

    void matchesScikitLearn() {
        QFETCH(QJsonObject, data);
        QFETCH(QJsonObject, fit);
        const Eigen::MatrixXd X = fixture::matrix(data.value(QLatin1String("X")));
        const Eigen::VectorXd y = fixture::vector(data.value(QLatin1String("y")));
        ElasticNetOptions options;
        options.alpha = fit.value(QLatin1String("alpha")).toDouble();
        options.l1Ratio = fit.value(QLatin1String("l1_ratio")).toDouble();
        options.fitIntercept = fit.value(QLatin1String("fit_intercept")).toBool();
        int passes = 0;
        double previous = std::numeric_limits<double>::infinity();
        bool decreasing = true;
        const ElasticNetFit ours = fitElasticNet(X, y, options, [&](int pass, double objective) {
            passes = pass;
            decreasing = decreasing && objective <= previous * (1 + 1e-12);
            previous = objective;
        });
        const Eigen::VectorXd coef = fixture::vector(fit.value(QLatin1String("coef")));
        const double coefDiff =
            (ours.coefficients - coef).cwiseAbs().maxCoeff() / coef.cwiseAbs().maxCoeff();
        const double expectedIntercept = fit.value(QLatin1String("intercept")).toDouble();
        const double interceptDiff = std::abs(ours.intercept - expectedIntercept) /
                                     std::max(1.0, std::abs(expectedIntercept));
        Eigen::VectorXd predicted = X * ours.coefficients;
        predicted.array() += ours.intercept;
        const Eigen::VectorXd expected = fixture::vector(fit.value(QLatin1String("predict")));
        const double predictDiff =
            (predicted - expected).cwiseAbs().maxCoeff() / expected.cwiseAbs().maxCoeff();
        const int sklearnIterations = fit.value(QLatin1String("n_iter")).toInt();
        qInfo("%d passes (scikit-learn %d), gap %.3g (%.3g), coef rel %.3g, intercept %.3g, "
              "predictions %.3g",
              ours.iterations, sklearnIterations, ours.dualGap,
              fit.value(QLatin1String("dual_gap")).toDouble(), coefDiff, interceptDiff,
              predictDiff);
        QVERIFY(coefDiff <= 1e-6);
        QVERIFY(interceptDiff <= 1e-6);
        QVERIFY(predictDiff <= 1e-6);
        QVERIFY(std::abs(ours.iterations - sklearnIterations) <= 1);
        QCOMPARE(passes, ours.iterations);
        QVERIFY(decreasing);
        const bool warned = fit.value(QLatin1String("warnings")).toInt() > 0;
        QCOMPARE(bool(ours.warning), warned);
        QCOMPARE(ours.converged, !warned);
    }

    void lassoZeroesWeakFeatures() {
        // y depends on the first column only; a large alpha drops the noise column exactly.
        Eigen::MatrixXd X(6, 2);
        X << 1, 0.3, 2, -0.1, 3, 0.2, 4, -0.3, 5, 0.1, 6, -0.2;
        const Eigen::VectorXd y = 2.0 * X.col(0);
        const ElasticNetFit fit = fitElasticNet(X, y, {.alpha = 0.5, .l1Ratio = 1.0});
        QVERIFY(fit.converged);
        QCOMPARE(fit.coefficients(1), 0.0);
        QVERIFY(fit.coefficients(0) > 1.5 && fit.coefficients(0) < 2.0);
        // A huge alpha leaves every coefficient at zero and the intercept at the mean.
        const ElasticNetFit null = fitElasticNet(X, y, {.alpha = 1e6, .l1Ratio = 1.0});
        QCOMPARE(null.coefficients.cwiseAbs().maxCoeff(), 0.0);
        QVERIFY(std::abs(null.intercept - y.mean()) < 1e-12);
        QCOMPARE(null.iterations, 1);
    }

    void positiveConstraint() {
        Eigen::MatrixXd X(5, 2);
        X << 1, 5, 2, 4, 3, 3, 4, 2, 5, 1.5;
        const Eigen::VectorXd y = X.col(0) - 0.5 * X.col(1);
        ElasticNetOptions options{.alpha = 0.01, .l1Ratio = 1.0};
        options.positive = true;
        const ElasticNetFit fit = fitElasticNet(X, y, options);
        QVERIFY(fit.coefficients.minCoeff() >= 0.0);
    }

    void rejectsBadOptionsAndStops() {
        const Eigen::MatrixXd X = Eigen::MatrixXd::Random(20, 3);
        const Eigen::VectorXd y = Eigen::VectorXd::Random(20);
        QVERIFY_THROWS_EXCEPTION(Error, fitElasticNet(X, y, {.alpha = -1.0}));
        QVERIFY_THROWS_EXCEPTION(Error, fitElasticNet(X, y, {.l1Ratio = 1.5}));
        QVERIFY_THROWS_EXCEPTION(Error, fitElasticNet(X, y, {.maxIter = 0}));
        std::stop_source source;
        int seen = 0;
        bool cancelled = false;
        try {
            (void)fitElasticNet(X, y, {.alpha = 1e-6, .tol = 0.0}, [&](int pass, double) {
                seen = pass;
                if (pass == 3) source.request_stop();
            }, source.get_token());
        } catch (const Cancelled&) {
            cancelled = true;
        }
        QVERIFY(cancelled);
        QCOMPARE(seen, 3);
    }
};

QTEST_APPLESS_MAIN(TestLasso)
#include "tst_lasso.moc"
