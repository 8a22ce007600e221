// Ordinary least squares and ridge against scikit-learn 1.2 (LinearRegression, Ridge) on
// diabetes, linnerud, a rank-deficient and a wide case; fixtures from
// tests/data/make_linear_fixtures.py. Coefficients and predictions must agree to 1e-6 relative.
// A taller case, read from its CSV and trained on a row view of it, takes the streamed least
// squares through several blocks.
#include "models/LinearRegression.h"
#include "data/CsvReader.h"
#include "util/Error.h"

#include "../EigenFixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>

using namespace oficina::core;

namespace {

double relative(const Eigen::VectorXd& actual, const Eigen::VectorXd& expected) {
    return (actual - expected).cwiseAbs().maxCoeff() /
           std::max(expected.cwiseAbs().maxCoeff(), 1e-300);
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

class TestLinearRegression : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesScikitLearn_data() {
        QTest::addColumn<QJsonObject>("data");
        QTest::addColumn<QJsonObject>("fit");
        for (const QJsonValue& v :
             fixture::cases(QStringLiteral("sklearn/linear_regression.json"))) {
            const QJsonObject c = v.toObject();
            for (const QJsonValue& f : c.value(QLatin1String("fits")).toArray()) {
                const QJsonObject fit = f.toObject();
                const QString name = QStringLiteral("%1 %2 alpha=%3 intercept=%4")
                                         .arg(c.value(QLatin1String("name")).toString(),
                                              fit.value(QLatin1String("model")).toString())
                                         .arg(fit.value(QLatin1String("alpha")).toDouble())
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
        const bool intercept = fit.value(QLatin1String("fit_intercept")).toBool();
        const double alpha = fit.value(QLatin1String("alpha")).toDouble();
        const LinearFit ours = fit.value(QLatin1String("model")).toString() == QLatin1String("ols")
                                   ? fitLinearRegression(X, y, intercept)
                                   : fitRidge(X, y, {.alpha = alpha, .fitIntercept = intercept});
        // Where scikit-learn's lstsq keeps a rounding-level singular value its coefficients are
        // noise along that direction; the fixture then holds the minimum-norm solution too.
        const bool minNorm = fit.contains(QLatin1String("coef_min_norm"));
        const Eigen::VectorXd coef =
            fixture::vector(fit.value(QLatin1String(minNorm ? "coef_min_norm" : "coef")));
        const double expectedIntercept =
            fit.value(QLatin1String(minNorm ? "intercept_min_norm" : "intercept")).toDouble();
        const LinearRegressor model("oficina.model.ridge", "Ridge", {}, ours.coefficients,
                                    ours.intercept);
        const Eigen::VectorXd predicted = model.predictValues(X);
        const double coefDiff = relative(ours.coefficients, coef);
        const double predictDiff =
            relative(predicted, fixture::vector(fit.value(QLatin1String("predict"))));
        const double interceptDiff = std::abs(ours.intercept - expectedIntercept) /
                                     std::max(std::abs(expectedIntercept), 1.0);
        qInfo("coef rel %.3g, intercept rel %.3g, predictions rel %.3g", coefDiff, interceptDiff,
              predictDiff);
        QVERIFY(coefDiff <= 1e-6);
        QVERIFY(interceptDiff <= 1e-6);
        QVERIFY(predictDiff <= 1e-6);
    }

    /// The even rows of a 4,400-row file (more than one block of rows) on scales from 1e-3 to
    /// 5e4 with one column an exact multiple of another, as a split hands them over: a view of
    /// the loaded columns. Minimum-norm coefficients and the odd rows' predictions.
    void tallDataThroughRowViewsMatchesScikitLearn() {
        const QJsonObject c =
            fixture::cases(QStringLiteral("sklearn/linear_regression_tall.json"))[0].toObject();
        const QString csv = QStringLiteral(OFICINA_TEST_DATA "/") + c["csv"].toString();
        const Table all = readCsv(csv.toStdString()).table;
        std::vector<size_t> even, odd;
        for (size_t row = 0; row < all.rowCount(); ++row) (row % 2 ? odd : even).push_back(row);
        const Table train = all.takeRows(even);
        const Table test = all.takeRows(odd);
        QVERIFY(train.column("x1").viewedRows());
        const std::vector<std::string> names{"x1", "x2", "x3", "x4", "x5"};
        for (const QJsonValue& f : c["fits"].toArray()) {
            const QJsonObject fit = f.toObject();
            const LinearFit ours = fitLinearRegression(FeatureRows(train, names),
                                                       regressionTarget(train, "y"),
                                                       fit["fit_intercept"].toBool());
            QCOMPARE(ours.rank, 4);
            const double coefDiff =
                relative(ours.coefficients, fixture::vector(fit["coef_min_norm"]));
            const double expectedIntercept = fit["intercept_min_norm"].toDouble();
            const double interceptDiff = std::abs(ours.intercept - expectedIntercept) /
                                         std::max(std::abs(expectedIntercept), 1.0);
            const LinearRegressor model("oficina.model.linear_regression", "Linear regression",
                                        names, ours.coefficients, ours.intercept);
            const std::vector<double> predicted = model.predict(test)[0].values();
            const double predictDiff =
                relative(Eigen::Map<const Eigen::VectorXd>(predicted.data(),
                                                           Eigen::Index(predicted.size())),
                         fixture::vector(fit["predict_odd_rows"]));
            qInfo("coef rel %.3g, intercept rel %.3g, predictions rel %.3g", coefDiff,
                  interceptDiff, predictDiff);
            QVERIFY(coefDiff <= 1e-6);
            QVERIFY(interceptDiff <= 1e-6);
            QVERIFY(predictDiff <= 1e-6);
        }
    }

    void perfectFitHasNoError() {
        Eigen::MatrixXd X(5, 2);
        X << 1, 2, 2, 1, 3, 5, 4, 2, 5, 0;
        const Eigen::VectorXd y = (X * Eigen::Vector2d(1.5, -2.0)).array() + 3.0;
        const LinearFit fit = fitLinearRegression(X, y);
        QVERIFY(std::abs(fit.coefficients(0) - 1.5) < 1e-12);
        QVERIFY(std::abs(fit.coefficients(1) + 2.0) < 1e-12);
        QVERIFY(std::abs(fit.intercept - 3.0) < 1e-12);
        QCOMPARE(fit.rank, 2);
    }

    void constantColumnGetsZeroWeight() {
        Eigen::MatrixXd X(4, 2);
        X << 1, 7, 2, 7, 3, 7, 4, 7;
        const Eigen::VectorXd y = Eigen::Vector4d(2, 4, 6, 8);
        const LinearFit ols = fitLinearRegression(X, y);
        QCOMPARE(ols.rank, 1);
        QVERIFY(std::abs(ols.coefficients(1)) < 1e-12);
        QVERIFY(std::abs(ols.coefficients(0) - 2.0) < 1e-12);
        // Ridge with alpha = 0 is singular here: the least-squares fallback gives the same.
        const LinearFit ridge = fitRidge(X, y, {.alpha = 0.0});
        QVERIFY((ridge.coefficients - ols.coefficients).cwiseAbs().maxCoeff() < 1e-10);
        QVERIFY(ridge.coefficients.allFinite());
    }

    void trainsThroughTheTable() {
        const Table table({Column::numeric("a", {1, 2, 3, 4}), Column::numeric("b", {0, 1, 0, 1}),
                           Column::numeric("y", {1, 3, 3, 5}, ColumnRole::Target)});
        const Eigen::VectorXd y = regressionTarget(table, "y");
        QCOMPARE(y.size(), Eigen::Index(4));
        const double nan = std::numeric_limits<double>::quiet_NaN();
        std::string message = errorOf([&] {
            regressionTarget(Table({Column::numeric("y", {1.0, nan})}), "y");
        });
        QVERIFY2(message.find("'y' has 1 missing values") != std::string::npos, message.c_str());
        message = errorOf([&] {
            regressionTarget(Table({Column::categorical("kind", {0, 1}, {"a", "b"})}), "kind");
        });
        QVERIFY2(message.find("'kind' is categorical") != std::string::npos, message.c_str());
        message = errorOf([&] { fitLinearRegression(Eigen::MatrixXd(0, 2), Eigen::VectorXd()); });
        QVERIFY2(message.find("no rows") != std::string::npos, message.c_str());
        message = errorOf([&] {
            fitRidge(Eigen::MatrixXd::Ones(2, 1), Eigen::VectorXd::Ones(2), {.alpha = -1});
        });
        QVERIFY2(message.find("alpha must not be negative") != std::string::npos,
                 message.c_str());
        Eigen::MatrixXd bad = Eigen::MatrixXd::Ones(2, 1);
        bad(1, 0) = nan;
        message = errorOf([&] { fitLinearRegression(bad, Eigen::VectorXd::Ones(2)); });
        QVERIFY2(message.find("missing or infinite") != std::string::npos, message.c_str());

        const LinearRegressor model("oficina.model.linear_regression", "Linear regression",
                                    {"b", "a"}, Eigen::Vector2d(10.0, 1.0), 0.5);
        const auto columns = model.predict(table);
        QCOMPARE(columns.size(), size_t(1));
        QCOMPARE(columns[0].name(), std::string(kPredictionColumn));
        QCOMPARE(columns[0].role(), ColumnRole::Prediction);
        QCOMPARE(columns[0].values(), (std::vector<double>{1.5, 12.5, 3.5, 14.5}));
        QCOMPARE(model.task(), Task::Regression);
    }
};

QTEST_APPLESS_MAIN(TestLinearRegression)
#include "tst_linearregression.moc"
