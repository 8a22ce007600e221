// The inference server's routes without sockets: every route of the Open Inference Protocol
// v2, MLflow's health routes and /metrics, each answer and each error status, on packages the
// bundled examples train (tst_serverepository: MLflow scoring and the repository). Predictions must
// equal what the package itself predicts for the same raw rows.
#include "ServeFixture.h"

#include "pipeline/JsonText.h"
#include "serve/InferenceCodec.h"
#include "serve/Metrics.h"
#include "serve/ModelRepository.h"
#include "serve/Routes.h"

#include <QTemporaryDir>

#include <cmath>
#include <functional>
#include <optional>

using namespace oficina::core;
using namespace oficina::core::serve;
using namespace servetest;

class ServeRoutesTest : public QObject {
    Q_OBJECT

    deploy::ModelPackage m_iris;
    deploy::ModelPackage m_ridge;
    deploy::ModelPackage m_kmeans;
    deploy::ModelPackage m_wine;
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
    HttpResponse infer(const std::string& model, const Json& body) {
        return call("POST", "/v2/models/" + model + "/infer", body.dump());
    }
    Json irisBody(size_t first, size_t count) {
        return {{"id", "request-" + std::to_string(first)},
                {"inputs", oipInputs(sampleRows(m_iris, first, count))}};
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_iris = examplePackage("iris_classification", "logreg");
        m_ridge = examplePackage("diabetes_regression", "ridge");
        m_kmeans = examplePackage("iris_clustering", "kmeans");
        m_wine = examplePackage("wine_cleaning", "logreg");
        m_irisPath = m_dir.filePath(QStringLiteral("iris.ofmodel")).toStdString();
        deploy::writePackage(m_iris, m_irisPath);
        m_repository = std::make_unique<ModelRepository>();
        m_repository->add("iris", m_iris, m_irisPath);
        m_repository->add("diabetes", m_ridge);
        m_repository->add("clusters", m_kmeans);
        m_repository->add("wine", m_wine);
        m_metrics = std::make_unique<serve::Metrics>();
        m_routes =
            std::make_unique<Routes>(*m_repository, *m_metrics, RouteOptions{.maxRows = 1000});
    }

    void health() {
        HttpResponse r = call("GET", "/v2/health/live");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.route, std::string("/v2/health/live"));
        QCOMPARE(Json::parse(r.body)["live"], Json(true));
        QCOMPARE(call("GET", "/v2/health/ready").status, 200);
        QCOMPARE(call("HEAD", "/v2/health/ready/").status, 200);
        m_routes->setDraining(true);
        QCOMPARE(call("GET", "/v2/health/ready").status, 503);
        QCOMPARE(call("GET", "/ping").status, 503);
        QCOMPARE(call("GET", "/v2/health/live").status, 200);
        m_routes->setDraining(false);
        QCOMPARE(call("GET", "/ping").status, 200);
        QCOMPARE(call("GET", "/health").status, 200);
        r = call("GET", "/version");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, std::string(OFICINA_VERSION));
        QVERIFY(Routes::isPublic("/v2/health/ready"));
        QVERIFY(Routes::isPublic("/ping"));
        QVERIFY(!Routes::isPublic("/v2/models/iris/infer"));
        QVERIFY(!Routes::isPublic("/metrics"));
    }

    void serverMetadata() {
        const HttpResponse r = call("GET", "/v2");
        QCOMPARE(r.status, 200);
        const Json j = Json::parse(r.body);
        QCOMPARE(j["name"], Json("oficina"));
        QCOMPARE(j["version"], Json(OFICINA_VERSION));
        QCOMPARE(j["extensions"], Json::array({"model_repository"}));
    }

    void modelMetadata() {
        HttpResponse r = call("GET", "/v2/models/iris");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.model, std::string("iris"));
        QCOMPARE(r.route, std::string("/v2/models/{name}"));
        Json j = Json::parse(r.body);
        QCOMPARE(j["name"], Json("iris"));
        QCOMPARE(j["versions"], Json::array({"1"}));
        QCOMPARE(j["platform"], Json("oficina"));
        QCOMPARE(j["inputs"].size(), m_iris.manifest.inputs.size());
        for (size_t i = 0; i < m_iris.manifest.inputs.size(); ++i) {
            QCOMPARE(j["inputs"][i]["name"].get<std::string>(), m_iris.manifest.inputs[i].name);
            QCOMPARE(j["inputs"][i]["datatype"], Json("FP64"));
            QCOMPARE(j["inputs"][i]["shape"], Json::array({-1}));
        }
        QCOMPARE(j["outputs"][0]["name"], Json("label"));
        QCOMPARE(j["outputs"][0]["datatype"], Json("BYTES"));
        QCOMPARE(j["outputs"][1]["name"], Json("probabilities"));
        QCOMPARE(j["outputs"][1]["shape"], Json::array({-1, 3}));
        QCOMPARE(strings(j["outputs"][1]["parameters"]["classes"]), m_iris.manifest.classes);
        QCOMPARE(j["parameters"]["task"], Json("classification"));
        QCOMPARE(j["parameters"]["target"], Json("species"));

        QCOMPARE(call("GET", "/v2/models/iris/versions/1").status, 200);
        r = call("GET", "/v2/models/iris/versions/7");
        QCOMPARE(r.status, 404);
        QVERIFY(contains(r.body, "no version"));
        r = call("GET", "/v2/models/nope");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.model, std::string()); // unknown names stay out of the metric labels
        QVERIFY(contains(Json::parse(r.body)["error"].get<std::string>(), "unknown model"));

        j = Json::parse(call("GET", "/v2/models/wine").body);
        bool categorical = false;
        for (const Json& in : j["inputs"])
            categorical = categorical || in["datatype"] == "BYTES";
        QVERIFY(categorical);
        j = Json::parse(call("GET", "/v2/models/diabetes").body);
        QCOMPARE(j["outputs"].size(), size_t(1));
        QCOMPARE(j["outputs"][0]["datatype"], Json("FP64"));
    }

    void modelReady() {
        HttpResponse r = call("GET", "/v2/models/iris/ready");
        QCOMPARE(r.status, 200);
        QCOMPARE(Json::parse(r.body)["ready"], Json(true));
        QCOMPARE(call("GET", "/v2/models/iris/versions/1/ready").status, 200);
        QCOMPARE(call("GET", "/v2/models/iris/versions/2/ready").status, 404);
        QCOMPARE(call("GET", "/v2/models/nope/ready").status, 404);
    }

    void inferClassifier() {
        const Table rows = sampleRows(m_iris, 10, 7);
        const std::vector<Column> expected = expectedPredictions(m_iris, rows);
        const HttpResponse r = infer("iris", irisBody(10, 7));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.rows, size_t(7));
        QCOMPARE(r.route, std::string("/v2/models/{name}/infer"));
        const Json j = Json::parse(r.body);
        QCOMPARE(j["model_name"], Json("iris"));
        QCOMPARE(j["model_version"], Json("1"));
        QCOMPARE(j["id"], Json("request-10"));
        const Json& label = j["outputs"][0];
        QCOMPARE(label["name"], Json("label"));
        QCOMPARE(label["datatype"], Json("BYTES"));
        QCOMPARE(label["shape"], Json::array({7}));
        QCOMPARE(strings(label["data"]), labelsOf(expected));
        const Json& p = j["outputs"][1];
        QCOMPARE(p["name"], Json("probabilities"));
        QCOMPARE(p["datatype"], Json("FP64"));
        QCOMPARE(p["shape"], Json::array({7, 3}));
        QCOMPARE(strings(p["parameters"]["classes"]), m_iris.manifest.classes);
        for (size_t row = 0; row < 7; ++row)
            for (size_t k = 0; k < 3; ++k) {
                const std::string column = probabilityColumnName(m_iris.manifest.classes[k]);
                const auto it = std::find_if(expected.begin(), expected.end(),
                                             [&](const Column& c) { return c.name() == column; });
                QVERIFY(it != expected.end());
                // Shortest round-trip text both ways: the very same double.
                QCOMPARE(p["data"][row * 3 + k].get<double>(), it->number(row));
            }
        QVERIFY(contains(m_metrics->text(), "oficina_rows_predicted_total{model=\"iris\"}"));
    }

    void inferOutputsAndVariants() {
        Json body = irisBody(0, 3);
        body["outputs"] = Json::array({Json{{"name", "probabilities"}}});
        Json j = Json::parse(infer("iris", body).body);
        QCOMPARE(j["outputs"].size(), size_t(1));
        QCOMPARE(j["outputs"][0]["name"], Json("probabilities"));
        QVERIFY(!j.contains("id") || j["id"] == "request-0");

        // Nested data with shape [N, 1], FP32 and INT64 numbers, no id, the versioned path.
        const std::vector<std::string> expected =
            labelsOf(expectedPredictions(m_iris, sampleRows(m_iris, 0, 3)));
        body = irisBody(0, 3);
        body.erase("id");
        for (size_t i = 0; i < body["inputs"].size(); ++i) {
            Json& tensor = body["inputs"][i];
            Json nested = Json::array();
            for (const Json& v : tensor["data"])
                nested.push_back(Json::array({v}));
            tensor["data"] = nested;
            tensor["shape"] = Json::array({3, 1});
            tensor["datatype"] = i == 0 ? "FP32" : "FP64";
        }
        const HttpResponse r = call("POST", "/v2/models/iris/versions/1/infer", body.dump());
        QCOMPARE(r.status, 200);
        j = Json::parse(r.body);
        QVERIFY(!j.contains("id"));
        QCOMPARE(strings(j["outputs"][0]["data"]), expected);

        // Zero rows: empty tensors of the right shapes, nothing predicted.
        body = irisBody(0, 3);
        for (Json& tensor : body["inputs"]) {
            tensor["data"] = Json::array();
            tensor["shape"] = Json::array({0});
        }
        j = Json::parse(infer("iris", body).body);
        QCOMPARE(j["outputs"][0]["shape"], Json::array({0}));
        QCOMPARE(j["outputs"][1]["shape"], Json::array({0, 3}));
    }

    void inferMissingValuesAndCategories() {
        // The wine pipeline imputes: "NaN" for a number and "" for a category are missing.
        Table rows = sampleRows(m_wine, 0, 4);
        std::vector<Column> columns;
        for (const Column& c : rows.columns()) {
            if (c.isNumeric()) {
                std::vector<double> values(c.size());
                c.copyNumbers(values.data());
                values[1] = std::nan("");
                columns.push_back(Column::numeric(c.name(), values));
            } else {
                std::vector<int32_t> codes = c.codes();
                codes[2] = Column::kMissingCode;
                columns.push_back(Column::categorical(c.name(), codes, c.categories()));
            }
        }
        rows = Table(columns);
        const Json body = {{"inputs", oipInputs(rows)}};
        QVERIFY(contains(body.dump(), "\"NaN\""));
        const HttpResponse r = infer("wine", body);
        QCOMPARE(r.status, 200);
        QCOMPARE(strings(Json::parse(r.body)["outputs"][0]["data"]),
                 labelsOf(expectedPredictions(m_wine, rows)));
    }

    void simpleRequestReader() {
        // readSimpleOipRequest (the common request read without a JSON document) must give the
        // very table parseOipRequest gives, or give up: never a different table, never an error.
        const deploy::PackageManifest& iris = m_iris.manifest;
        const auto generic = [&](const std::string& body) {
            return parseOipRequest(parseJsonText(body, "request body"), iris, 1000);
        };
        const std::string good = irisBody(3, 4).dump();
        Json nested = irisBody(0, 2);
        for (Json& tensor : nested["inputs"]) {
            Json rows = Json::array();
            for (const Json& v : tensor["data"])
                rows.push_back(Json::array({v}));
            tensor["data"] = rows;
            tensor["shape"] = {2, 1};
            tensor["datatype"] = "FP32";
        }
        Json reordered = irisBody(5, 3);
        std::reverse(reordered["inputs"].begin(), reordered["inputs"].end());
        // Numbers as nlohmann reads them: integers as 64-bit integers ("-0" is 0), the rest as
        // the nearest double.
        const std::string one = irisBody(0, 1).dump();
        const std::string first = "[" + irisBody(0, 1)["inputs"][0]["data"][0].dump() + "]";
        std::string spaced = good;
        for (const char* token : {"{", ":", ",", "[", "]", "}"})
            for (size_t at = spaced.find(token); at != std::string::npos;
                 at = spaced.find(token, at + 4))
                spaced.replace(at, 1, std::string(" \t") + token + "\r\n");
        std::vector<std::string> accepted = {
            good,
            nested.dump(),
            reordered.dump(),
            spaced,
            "{\"parameters\": {\"a\": [1, -2.5e3, true, false, null, \"x\", {}]}, " +
                good.substr(1),
            "{\"outputs\": [{\"name\": \"probabilities\"}], " + good.substr(1),
        };
        for (const char* number : {"-0", "0", "-0.0", "18446744073709551615",
                                   "-9223372036854775808", "123456789012345678901234567890", "1E2",
                                   "-1.5e-3", "0.1", "2.2250738585072014e-308"}) {
            std::string body = one;
            body.replace(body.find(first), first.size(), "[" + std::string(number) + "]");
            accepted.push_back(body);
        }
        for (const std::string& body : accepted) {
            const std::optional<OipRequest> fast = readSimpleOipRequest(body, iris, 1000);
            QVERIFY2(fast.has_value(), body.c_str());
            const OipRequest slow = generic(body);
            QCOMPARE(fast->id, slow.id);
            QCOMPARE(fast->outputs, slow.outputs);
            QCOMPARE(fast->table.columnNames(), slow.table.columnNames());
            QCOMPARE(fast->table.rowCount(), slow.table.rowCount());
            for (size_t c = 0; c < slow.table.columnCount(); ++c) {
                const Column& a = fast->table.columns()[c];
                const Column& b = slow.table.columns()[c];
                QVERIFY(a.isNumeric() && b.isNumeric());
                for (size_t r = 0; r < b.size(); ++r) {
                    QCOMPARE(a.number(r), b.number(r));
                    QCOMPARE(std::signbit(a.number(r)), std::signbit(b.number(r)));
                }
            }
        }
        // Beyond the subset, and every error: left to the full parser.
        const auto edit = [&](const std::function<void(Json&)>& change) {
            Json body = irisBody(0, 2);
            change(body);
            return body.dump();
        };
        const std::vector<std::string> refused = {
            "",
            "[]",
            "{}",
            good + "x",
            "\xEF\xBB\xBF" + good,
            "{\"id\": 7, " + good.substr(good.find("\"inputs\"")),
            "{\"x\": 1, " + good.substr(1),
            good.substr(0, good.size() - 1) + ", \"inputs\": []}",
            edit([](Json& b) { b["inputs"][0]["data"][0] = "NaN"; }),
            edit([](Json& b) { b["inputs"][0]["data"][0] = 1e300; }),
            edit([](Json& b) { b["inputs"][0]["name"] = "sepal\tlength"; }),
            edit([](Json& b) { b["inputs"][0]["parameters"] = Json::object(); }),
            edit([](Json& b) { b["inputs"].erase(b["inputs"].begin()); }),
            edit([](Json& b) { b["inputs"].push_back(b["inputs"][0]); }),
            edit([](Json& b) { b["inputs"][0]["datatype"] = "BYTES"; }),
            edit([](Json& b) {
                b["inputs"][0]["shape"] = {1, 2};
            }),
            edit([](Json& b) { b["inputs"][0]["shape"] = {3}; }),
            edit([](Json& b) { b["inputs"][0]["data"][1] = nullptr; }),
            edit([](Json& b) {
                for (Json& t : b["inputs"]) {
                    t["shape"] = {0};
                    t["data"] = Json::array();
                }
            }),
            edit([](Json& b) {
                b["outputs"] = {{{"name", "score"}}};
            }),
        };
        for (std::string body : refused) {
            if (body.find("1e+300") != std::string::npos)
                body.replace(body.find("1e+300"), 6, "1e400");
            QVERIFY2(!readSimpleOipRequest(body, iris, 1000).has_value(), body.c_str());
        }
        QVERIFY(!readSimpleOipRequest(irisBody(0, 2).dump(), iris, 1).has_value());
        QVERIFY(!readSimpleOipRequest(Json{{"inputs", oipInputs(sampleRows(m_wine, 0, 2))}}.dump(),
                                      m_wine.manifest, 1000)
                     .has_value());
    }

    void inferErrors_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("column");
        const Json good = irisBody(0, 2);
        const std::string first = m_iris.manifest.inputs[0].name;
        const auto edit = [&](const std::function<void(Json&)>& change) {
            Json body = good;
            change(body);
            return QByteArray::fromStdString(body.dump());
        };
        const QString col = QString::fromStdString(first);
        QTest::newRow("malformed JSON")
            << "iris" << QByteArray("{\"inputs\": [") << 400 << "request body"
            << "";
        QTest::newRow("not an object") << "iris" << QByteArray("[]") << 400 << "\"inputs\""
                                       << "";
        QTest::newRow("missing input")
            << "iris" << edit([](Json& b) { b["inputs"].erase(b["inputs"].begin()); }) << 400
            << "is missing" << col;
        QTest::newRow("unknown input")
            << "iris" << edit([](Json& b) { b["inputs"][0]["name"] = "sepal"; }) << 400
            << "unknown input \"sepal\""
            << "";
        QTest::newRow("input twice")
            << "iris" << edit([](Json& b) { b["inputs"].push_back(b["inputs"][0]); }) << 400
            << "given twice" << col;
        QTest::newRow("text for a number")
            << "iris" << edit([](Json& b) { b["inputs"][0]["datatype"] = "BYTES"; }) << 400
            << "is numeric" << col;
        QTest::newRow("unsupported datatype")
            << "iris" << edit([](Json& b) { b["inputs"][0]["datatype"] = "BOOL"; }) << 400
            << "not supported" << col;
        QTest::newRow("matrix shape") << "iris" << edit([](Json& b) {
            b["inputs"][0]["shape"] = {1, 2};
        }) << 400 << "give [N]" << col;
        QTest::newRow("shape and data differ")
            << "iris" << edit([](Json& b) { b["inputs"][0]["shape"] = {3}; }) << 400
            << "but 2 values" << col;
        QTest::newRow("rows differ") << "iris" << edit([](Json& b) {
            b["inputs"][1]["shape"] = {1};
            b["inputs"][1]["data"].erase(1);
        }) << 400 << "one value per row"
                                     << QString::fromStdString(m_iris.manifest.inputs[1].name);
        QTest::newRow("null") << "iris"
                              << edit([](Json& b) { b["inputs"][0]["data"][1] = nullptr; }) << 400
                              << "send \"NaN\"" << col;
        QTest::newRow("not a number")
            << "iris" << edit([](Json& b) { b["inputs"][0]["data"][0] = "five"; }) << 400
            << "\"five\" is not a number" << col;
        QTest::newRow("no data") << "iris" << edit([](Json& b) { b["inputs"][0].erase("data"); })
                                 << 400 << "needs" << col;
        QTest::newRow("unknown output")
            << "diabetes"
            << QByteArray::fromStdString(Json{{"inputs", oipInputs(sampleRows(m_ridge, 0, 1))},
                                              {"outputs", {{{"name", "probabilities"}}}}}
                                             .dump())
            << 400 << "unknown output"
            << "";
        QTest::newRow("too many rows") << "iris" << edit([](Json& b) {
            for (Json& t : b["inputs"]) {
                t["shape"] = {1001};
                t["data"] = Json::array();
                for (int i = 0; i < 1001; ++i)
                    t["data"].push_back(1.0);
            }
        }) << 413 << "at most 1000"
                                       << "";
        QTest::newRow("unknown model")
            << "nope" << QByteArray::fromStdString(good.dump()) << 404 << "unknown model"
            << "";
    }

    void inferErrors() {
        QFETCH(QString, model);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, message);
        QFETCH(QString, column);
        const std::string counter = "oficina_input_errors_total{model=\"" + model.toStdString() +
                                    "\",column=\"" + column.toStdString() + "\"} ";
        const auto count = [&] {
            const std::string text = m_metrics->text();
            const size_t at = text.find(counter);
            return at == std::string::npos ? 0 : std::stoi(text.substr(at + counter.size()));
        };
        const int before = count();
        const HttpResponse r =
            call("POST", "/v2/models/" + model.toStdString() + "/infer", body.toStdString());
        QCOMPARE(r.status, status);
        const Json j = Json::parse(r.body, nullptr, false);
        QVERIFY2(j.is_object() && j["error"].is_string(), r.body.c_str());
        QVERIFY2(contains(j["error"].get<std::string>(), message.toStdString()), r.body.c_str());
        if (!column.isEmpty()) QCOMPARE(count(), before + 1);
    }

    void inferContentTypes() {
        const std::string body = irisBody(0, 1).dump();
        QCOMPARE(call("POST", "/v2/models/iris/infer", body, "").status, 200);
        QCOMPARE(
            call("POST", "/v2/models/iris/infer", body, "application/json; charset=utf-8").status,
            200);
        const HttpResponse r = call("POST", "/v2/models/iris/infer", body, "text/csv");
        QCOMPARE(r.status, 415);
        QVERIFY(contains(r.body, "application/json"));
    }

    void methodsAndUnknownRoutes() {
        HttpResponse r = call("GET", "/v2/models/iris/infer");
        QCOMPARE(r.status, 405);
        QCOMPARE(r.headers.at(0), (std::pair<std::string, std::string>("Allow", "POST")));
        QCOMPARE(call("POST", "/v2/health/live").status, 405);
        QCOMPARE(call("DELETE", "/metrics").status, 405);
        QCOMPARE(call("GET", "/invocations").status, 405);
        r = call("GET", "/nowhere");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.route, std::string("other"));
        QCOMPARE(call("GET", "/v2/models/iris/somewhere").status, 404);
        QCOMPARE(call("GET", "/v2/models").status, 404);
    }

    void regression() {
        const Table rows = sampleRows(m_ridge, 3, 5);
        const Column* expected = nullptr;
        const std::vector<Column> predictions = expectedPredictions(m_ridge, rows);
        expected = predictedColumn(predictions);
        QVERIFY(expected && expected->isNumeric());
        HttpResponse r = infer("diabetes", {{"inputs", oipInputs(rows)}});
        QCOMPARE(r.status, 200);
        const Json j = Json::parse(r.body);
        QCOMPARE(j["outputs"].size(), size_t(1));
        QCOMPARE(j["outputs"][0]["datatype"], Json("FP64"));
        for (size_t i = 0; i < 5; ++i)
            QCOMPARE(j["outputs"][0]["data"][i].get<double>(), expected->number(i));
        QVERIFY(contains(m_metrics->text(), "oficina_prediction_value_count{model=\"diabetes\"}"));
    }

    void clustering() {
        const Table rows = sampleRows(m_kmeans, 0, 20);
        const HttpResponse r = infer("clusters", {{"inputs", oipInputs(rows)}});
        QCOMPARE(r.status, 200);
        const Json j = Json::parse(r.body);
        QCOMPARE(j["outputs"].size(), size_t(1));
        QCOMPARE(j["outputs"][0]["datatype"], Json("BYTES"));
        QCOMPARE(strings(j["outputs"][0]["data"]), labelsOf(expectedPredictions(m_kmeans, rows)));
        QVERIFY(contains(m_metrics->text(), "oficina_predictions_total{model=\"clusters\",class="));
    }

    void metricsRoute() {
        const HttpResponse r = call("GET", "/metrics");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.contentType, std::string("text/plain; version=0.0.4; charset=utf-8"));
        for (const char* family : {"# TYPE oficina_requests_total counter",
                                   "# TYPE oficina_request_duration_seconds histogram",
                                   "# TYPE oficina_rows_predicted_total counter",
                                   "# TYPE oficina_predictions_total counter",
                                   "# TYPE oficina_input_errors_total counter",
                                   "oficina_model_loads_total{model=\"iris\"} 1",
                                   "oficina_predictions_total{model=\"iris\",class=\""})
            QVERIFY2(contains(r.body, family), family);
    }

    void promtoolAcceptsMetrics() {
        m_metrics->countRequest("iris", "/v2/models/{name}/infer", 200, 0.002);
        m_metrics->countRequest("", "other", 404, 0.0001);
        const std::string problems = promtoolProblems(call("GET", "/metrics").body);
        QVERIFY2(problems.empty(), problems.c_str());
    }
};

QTEST_GUILESS_MAIN(ServeRoutesTest)
#include "tst_serveroutes.moc"
