// MLflow's scoring protocol, the repository extension (reload, load by path, unload), the
// version a request holds across a swap, the metrics' text format and the bounded worker pool,
// without sockets, on the package the bundled Iris example trains.
#include "ServeFixture.h"

#include "serve/InferenceCodec.h"
#include "serve/Metrics.h"
#include "serve/ModelRepository.h"
#include "serve/Routes.h"
#include "serve/WorkerPool.h"

#include <QTemporaryDir>

#include <atomic>
#include <functional>
#include <latch>

using namespace oficina::core;
using namespace oficina::core::serve;
using namespace servetest;

namespace {

/// The CSV text of a table, header first, as pandas' to_csv would send it.
std::string csvText(const Table& table) {
    std::string text;
    for (size_t c = 0; c < table.columnCount(); ++c)
        text += (c ? "," : "") + std::string("\"") + table.column(c).name() + "\"";
    text += "\n";
    for (size_t r = 0; r < table.rowCount(); ++r) {
        for (size_t c = 0; c < table.columnCount(); ++c)
            text += (c ? "," : "") + table.column(c).cellText(r);
        text += "\n";
    }
    return text;
}

} // namespace

class ServeRepositoryTest : public QObject {
    Q_OBJECT

    deploy::ModelPackage m_iris;
    QTemporaryDir m_dir;
    std::string m_irisPath;
    std::unique_ptr<ModelRepository> m_repository;
    std::unique_ptr<serve::Metrics> m_metrics;
    std::unique_ptr<Routes> m_routes;

    HttpResponse call(const std::string& method, const std::string& path,
                      const std::string& body = {},
                      const std::string& contentType = "application/json") {
        return m_routes->handle({method, path, contentType, body});
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_iris = examplePackage("iris_classification", "logreg");
        m_irisPath = m_dir.filePath(QStringLiteral("iris.ofmodel")).toStdString();
        deploy::writePackage(m_iris, m_irisPath);
        m_repository = std::make_unique<ModelRepository>();
        m_repository->add("iris", m_iris, m_irisPath);
        m_repository->add("second", m_iris);
        m_metrics = std::make_unique<serve::Metrics>();
        m_routes = std::make_unique<Routes>(*m_repository, *m_metrics);
    }

    void mlflowFormats() {
        const Table rows = sampleRows(m_iris, 20, 6);
        const std::vector<std::string> expected = labelsOf(expectedPredictions(m_iris, rows));
        Json split = {{"columns", Json::array()}, {"data", Json::array()}};
        Json records = Json::array();
        Json columns = Json::object();
        for (const Column& c : rows.columns()) {
            split["columns"].push_back(c.name());
            columns[c.name()] = Json::array();
        }
        for (size_t r = 0; r < rows.rowCount(); ++r) {
            Json row = Json::array();
            Json record = Json::object();
            for (const Column& c : rows.columns()) {
                row.push_back(c.number(r));
                record[c.name()] = c.number(r);
                columns[c.name()].push_back(c.number(r));
            }
            record["unused"] = "ignored"; // extra columns are left out, as MLflow does
            split["data"].push_back(row);
            records.push_back(record);
        }
        const std::vector<Json> bodies = {
            Json{{"dataframe_split", split}}, Json{{"dataframe_records", records}},
            Json{{"instances", records}}, Json{{"inputs", columns}, {"params", Json::object()}}};
        for (const Json& body : bodies) {
            const HttpResponse r = call("POST", "/invocations", body.dump());
            QVERIFY2(r.status == 200, r.body.c_str());
            QCOMPARE(r.model, std::string("iris")); // the first model served
            QCOMPARE(strings(Json::parse(r.body)["predictions"]), expected);
        }
        const HttpResponse r = call("POST", "/invocations", csvText(rows), "text/csv");
        QVERIFY2(r.status == 200, r.body.c_str());
        QCOMPARE(strings(Json::parse(r.body)["predictions"]), expected);
        QCOMPARE(r.rows, size_t(6));
    }

    void mlflowErrors() {
        HttpResponse r = call("POST", "/invocations", "{}", "");
        QCOMPARE(r.status, 415);
        r = call("POST", "/invocations", "x", "text/plain");
        QCOMPARE(r.status, 415);
        QCOMPARE(Json::parse(r.body)["error_code"], Json("BAD_REQUEST"));
        r = call("POST", "/invocations", "{\"dataframe_split\":");
        QCOMPARE(r.status, 400);
        QVERIFY(Json::parse(r.body)["message"].is_string());
        r = call("POST", "/invocations", "{\"rows\": []}");
        QCOMPARE(r.status, 400);
        QVERIFY(contains(r.body, "dataframe_split"));
        r = call("POST", "/invocations", Json{{"dataframe_records", {{{"x", 1}}}}}.dump());
        QCOMPARE(r.status, 400);
        QVERIFY(contains(r.body, "missing"));
        r = call("POST", "/invocations",
                 Json{{"dataframe_split", {{"columns", {"a"}}, {"data", {{1, 2}}}}}}.dump());
        QCOMPARE(r.status, 400);
        QVERIFY(contains(r.body, "list of 1 values"));
        r = call("POST", "/invocations", "\"a\",\"b\"\n1,\"unclosed\n", "text/csv");
        QCOMPARE(r.status, 400);
        QVERIFY2(contains(r.body, "CSV body"), r.body.c_str());
    }

    void metricsFormat() {
        serve::Metrics metrics;
        metrics.countRequest("m", "/r", 200, 0.0004);
        metrics.countRequest("m", "/r", 200, 0.003);
        metrics.countRequest("m", "/r", 400, 50);
        metrics.countInputError("m", "a \"quoted\"\\name\nnext");
        metrics.countPredictions("m", Column::categorical("prediction", {0, 1, 1, -1}, {"x", "y"}));
        metrics.addInFlight(2);
        const std::string text = metrics.text();
        for (const char* line :
             {"oficina_requests_total{model=\"m\",route=\"/r\",code=\"200\"} 2\n",
              "oficina_requests_total{model=\"m\",route=\"/r\",code=\"400\"} 1\n",
              "oficina_request_duration_seconds_bucket{model=\"m\",route=\"/r\",le=\"0.0005\"} 1\n",
              "oficina_request_duration_seconds_bucket{model=\"m\",route=\"/r\",le=\"0.005\"} 2\n",
              "oficina_request_duration_seconds_bucket{model=\"m\",route=\"/r\",le=\"10\"} 2\n",
              "oficina_request_duration_seconds_bucket{model=\"m\",route=\"/r\",le=\"+Inf\"} 3\n",
              "oficina_request_duration_seconds_count{model=\"m\",route=\"/r\"} 3\n",
              "oficina_input_errors_total{model=\"m\",column=\"a \\\"quoted\\\"\\\\name\\nnext\"} "
              "1\n",
              "oficina_predictions_total{model=\"m\",class=\"y\"} 2\n",
              "oficina_predictions_total{model=\"m\",class=\"\"} 1\n",
              "oficina_requests_in_flight 2\n"})
            QVERIFY2(contains(text, line), line);
        QVERIFY(text.ends_with('\n'));
    }

    void repositoryRoutes() {
        ModelRepository repository;
        serve::Metrics metrics;
        repository.add("iris", m_irisPath);
        Routes routes(repository, metrics);
        const auto post = [&](const std::string& path, const std::string& body = {}) {
            return routes.handle({"POST", path, "application/json", body});
        };
        const auto get = [&](const std::string& path) {
            return routes.handle({"GET", path, "", {}});
        };
        Json index = Json::parse(post("/v2/repository/index").body);
        QCOMPARE(index, Json::parse(R"([{"name":"iris","version":"1","state":"READY"}])"));

        // Reload from the same file: version 2, version 1 gone.
        HttpResponse r = post("/v2/repository/models/iris/load");
        QCOMPARE(r.status, 200);
        QCOMPARE(Json::parse(r.body)["version"], Json("2"));
        QCOMPARE(Json::parse(get("/v2/models/iris").body)["versions"], Json::array({"2"}));
        QCOMPARE(get("/v2/models/iris/versions/1").status, 404);
        QVERIFY(contains(metrics.text(), "oficina_model_version{model=\"iris\"} 2"));
        QVERIFY(contains(metrics.text(), "oficina_model_loads_total{model=\"iris\"} 2"));

        // A new name from a path; an unknown name without one; a bad file keeps the old.
        r = post("/v2/repository/models/second/load",
                 Json{{"parameters", {{"path", m_irisPath}}}}.dump());
        QCOMPARE(r.status, 200);
        QCOMPARE(get("/v2/models/second/ready").status, 200);
        QCOMPARE(post("/v2/repository/models/third/load").status, 404);
        const std::string junk = m_dir.filePath(QStringLiteral("junk.ofmodel")).toStdString();
        QFile file(QString::fromStdString(junk));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a zip");
        file.close();
        r = post("/v2/repository/models/iris/load", Json{{"parameters", {{"path", junk}}}}.dump());
        QCOMPARE(r.status, 400);
        QVERIFY(contains(r.body, "junk.ofmodel"));
        QCOMPARE(Json::parse(get("/v2/models/iris").body)["versions"], Json::array({"2"}));
        QCOMPARE(post("/v2/repository/models/iris/load", "[1]").status, 400);
        QCOMPARE(post("/v2/repository/models/iris/load", "{\"parameters\": {\"path\": 5}}").status,
                 400);

        // Unload: not served, listed as unavailable, not ready; load brings it back.
        r = post("/v2/repository/models/second/unload");
        QCOMPARE(r.status, 200);
        r = routes.handle({"POST", "/v2/models/second/infer", "application/json",
                           Json{{"inputs", oipInputs(sampleRows(m_iris, 0, 1))}}.dump()});
        QCOMPARE(r.status, 404);
        QVERIFY(contains(r.body, "not loaded"));
        QCOMPARE(get("/v2/health/ready").status, 503);
        index = Json::parse(post("/v2/repository/index").body);
        QCOMPARE(index[1]["state"], Json("UNAVAILABLE"));
        QCOMPARE(index[1]["reason"], Json("unloaded"));
        QCOMPARE(Json::parse(post("/v2/repository/index", "{\"ready\": true}").body).size(),
                 size_t(1));
        QCOMPARE(post("/v2/repository/models/nope/unload").status, 404);
        QCOMPARE(post("/v2/repository/models/second/load").status, 200);
        QCOMPARE(get("/v2/health/ready").status, 200);
        QCOMPARE(get("/v2/repository/models/second/load").status, 405);
    }

    void swapLeavesHoldersOnTheirVersion() {
        ModelRepository repository;
        repository.add("iris", m_irisPath);
        const auto held = repository.find("iris");
        repository.load("iris");
        const auto current = repository.find("iris");
        QCOMPARE(held->version, std::string("1"));
        QCOMPARE(current->version, std::string("2"));
        QVERIFY(held->package != current->package);
        // The old version still predicts: a request holding it finishes on it.
        const Table rows = sampleRows(m_iris, 0, 5);
        QCOMPARE(labelsOf(expectedPredictions(*held->package, rows)),
                 labelsOf(expectedPredictions(*current->package, rows)));
        QVERIFY_THROWS_EXCEPTION(Error, repository.add("iris", m_irisPath));
        QVERIFY_THROWS_EXCEPTION(Error, repository.add("bad name", m_irisPath));
        QVERIFY_THROWS_EXCEPTION(Error, repository.add("gone", "/nonexistent.ofmodel"));
        QVERIFY(!repository.knows("gone"));
    }

    void modelNames_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << "iris" << true;
        QTest::newRow("punctuation") << "iris_v2.1-b" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("space") << "my model" << false;
        QTest::newRow("slash") << "a/b" << false;
        QTest::newRow("leading dot") << ".hidden" << false;
        QTest::newRow("quote") << "a\"b" << false;
        QTest::newRow("long") << QString(129, QLatin1Char('a')) << false;
    }

    void modelNames() {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(isValidModelName(name.toStdString()), valid);
    }

    void workerPoolIsBounded() {
        WorkerPool pool(1, 1);
        std::latch release(1);
        std::atomic<int> ran{0};
        std::function<void()> blocking = [&] {
            release.wait();
            ++ran;
        };
        std::function<void()> counting = [&] { ++ran; };
        QVERIFY(pool.tryPost(blocking));
        QTRY_COMPARE(pool.busy(), size_t(1));
        QVERIFY(pool.tryPost(counting));
        QCOMPARE(pool.queued(), size_t(1));
        std::function<void()> refused = [&] { ran += 100; };
        QVERIFY(!pool.tryPost(refused));
        QVERIFY(refused); // left intact for the caller to answer
        release.count_down();
        pool.shutdown();
        QCOMPARE(ran.load(), 2);
        QVERIFY(!pool.tryPost(refused));
    }
};

QTEST_GUILESS_MAIN(ServeRepositoryTest)
#include "tst_serverepository.moc"
