// Live drift on the server: traffic like the training data shows no drift; shifted traffic
// crosses the threshold on the shifted column and on the predictions, in GET …/drift and on
// /metrics (which promtool accepts) — without sleeping: the figures are computed when asked.
#include "ServeFixture.h"

#include "serve/Metrics.h"
#include "serve/ModelRepository.h"
#include "serve/Routes.h"

#include <QTemporaryDir>

using namespace servetest;
using namespace oficina::core::serve;

class ServeDriftTest : public QObject {
    Q_OBJECT

    deploy::ModelPackage m_iris;
    QTemporaryDir m_dir;
    std::unique_ptr<ModelRepository> m_repository;
    std::unique_ptr<serve::Metrics> m_metrics;
    std::unique_ptr<Routes> m_routes;

    HttpResponse call(const std::string& method, const std::string& path,
                      const std::string& body = {}) {
        return m_routes->handle({method, path, "application/json", body});
    }
    Json drift() {
        const HttpResponse r = call("GET", "/v2/models/iris/drift");
        if (r.status != 200) qFatal("drift answered %d: %s", r.status, r.body.c_str());
        return Json::parse(r.body);
    }
    static const Json* column(const Json& report, const std::string& part) {
        for (const Json& c : report["columns"])
            if (c["name"].get<std::string>().find(part) != std::string::npos) return &c;
        return nullptr;
    }
    /// Sends the sample's rows [first, first + count) in requests of 10, `shift` added to the
    /// petal length.
    void send(size_t first, size_t count, double shift) {
        for (size_t at = first; at < first + count; at += 10) {
            Table rows = sampleRows(m_iris, at, 10);
            std::vector<Column> columns = rows.columns();
            for (Column& c : columns)
                if (c.name().find("petal length") != std::string::npos) {
                    std::vector<double> values = c.values();
                    for (double& v : values) v += shift;
                    c = Column::numeric(c.name(), std::move(values));
                }
            const Json body = {{"inputs", oipInputs(Table(std::move(columns)))}};
            const HttpResponse r = call("POST", "/v2/models/iris/infer", body.dump());
            QCOMPARE(r.status, 200);
        }
    }

private Q_SLOTS:
    void initTestCase() {
        m_iris = examplePackage("iris_classification", "logreg");
        QVERIFY(m_iris.sample.rowCount() >= 100);
        const std::string path = m_dir.filePath(QStringLiteral("iris.ofmodel")).toStdString();
        deploy::writePackage(m_iris, path);
        m_repository = std::make_unique<ModelRepository>();
        m_repository->add("iris", m_iris, path);
        m_metrics = std::make_unique<serve::Metrics>();
        m_routes = std::make_unique<Routes>(*m_repository, *m_metrics);
    }

    void nothingSeenYet() {
        const Json report = drift();
        QCOMPARE(report["window_rows"].get<size_t>(), size_t(0));
        QCOMPARE(report["drift"].get<bool>(), false);
        QVERIFY(report["columns"].empty());
        QCOMPARE(call("GET", "/v2/models/nope/drift").status, 404);
        QCOMPARE(call("POST", "/v2/models/iris/drift").status, 405);
    }

    // The training rows themselves: every test says "no drift".
    void trafficLikeTheTrainingData() {
        send(0, 100, 0);
        const Json report = drift();
        QCOMPARE(report["window_rows"].get<size_t>(), size_t(100));
        QCOMPARE(report["rows_seen"].get<uint64_t>(), uint64_t(100));
        QCOMPARE(report["columns"].size(), m_iris.manifest.inputs.size() +
                                               m_iris.manifest.outputs.size());
        for (const Json& c : report["columns"]) QVERIFY2(!c["drift"].get<bool>(), c.dump().c_str());
        // 112 training rows: the small-sample tests, with p-values.
        QCOMPARE((*column(report, "petal length"))["test"].get<std::string>(), std::string("ks"));
        QVERIFY((*column(report, "petal length"))["p_value"].get<double>() > 0.05);
    }

    void shiftedTrafficCrossesTheThreshold() {
        send(0, 100, 3.0);
        const Json report = drift();
        QCOMPARE(report["window_rows"].get<size_t>(), size_t(200));
        QVERIFY(report["drift"].get<bool>());
        const Json& petal = *column(report, "petal length");
        QVERIFY2(petal["drift"].get<bool>() && petal["p_value"].get<double>() < 0.05,
                 petal.dump().c_str());
        const Json& sepal = *column(report, "sepal width");
        QVERIFY2(!sepal["drift"].get<bool>(), sepal.dump().c_str());
        // Longer petals make more virginica: the predictions drift too.
        const Json* prediction = column(report, "prediction");
        QVERIFY(prediction);
        QVERIFY2((*prediction)["drift"].get<bool>(), prediction->dump().c_str());

        const std::string metrics = call("GET", "/metrics").body;
        QVERIFY2(contains(metrics, "oficina_drift_detected{model=\"iris\",column=\"" +
                                       petal["name"].get<std::string>() + "\",test=\"ks\"} 1"),
                 metrics.c_str());
        QVERIFY(contains(metrics, "oficina_drift_window_rows{model=\"iris\"} 200"));
    }

    void promtoolAcceptsTheDriftGauges() {
        const std::string problems = promtoolProblems(call("GET", "/metrics").body);
        QVERIFY2(problems.empty(), problems.c_str());
    }

    void offWhenTheWindowIsZero() {
        ModelRepository repository;
        repository.setDriftWindow(0);
        repository.add("iris", m_iris);
        serve::Metrics metrics;
        Routes routes(repository, metrics);
        const Json body = {{"inputs", oipInputs(sampleRows(m_iris, 0, 5))}};
        QCOMPARE(routes.handle({"POST", "/v2/models/iris/infer", "application/json", body.dump()}).status,
                 200);
        const HttpResponse r = routes.handle({"GET", "/v2/models/iris/drift", {}, {}});
        QCOMPARE(r.status, 200);
        const Json report = Json::parse(r.body);
        QCOMPARE(report["window_rows"].get<size_t>(), size_t(0));
        QVERIFY(report["error"].get<std::string>().find("off") != std::string::npos);
    }

    // A reload is a new version with a window of its own.
    void aReloadStartsAFreshWindow() {
        m_routes->load("iris");
        QCOMPARE(drift()["window_rows"].get<size_t>(), size_t(0));
    }
};

QTEST_GUILESS_MAIN(ServeDriftTest)
#include "tst_servedrift.moc"
