// The inference server on a real socket (127.0.0.1, a free port): answers under 64 parallel
// clients without mixing them up, a model replaced while requests run, the bounded queue's 503,
// the limits and auth answered before a body is read, and a stop that lets a request in
// progress finish. Nothing here measures time: waits are bounded polls on the server's state.
#include "ServeFixture.h"

#include "serve/HttpServer.h"
#include "serve/InferenceCodec.h"
#include "serve/Metrics.h"
#include "serve/ModelRepository.h"
#include "serve/Routes.h"

#include <QTemporaryDir>

#include <atomic>
#include <mutex>
#include <thread>

using namespace oficina::core;
using namespace oficina::core::serve;
using namespace servetest;

namespace {

/// A server on its own thread, stopped and joined when destroyed.
struct RunningServer {
    ModelRepository repository;
    serve::Metrics metrics;
    std::unique_ptr<Routes> routes;
    std::unique_ptr<HttpServer> server;
    std::thread thread;
    int port = 0;
    std::mutex logMutex;
    std::vector<std::string> log;

    RunningServer(const std::vector<std::pair<std::string, std::string>>& models,
                  HttpServerOptions options, RouteOptions routeOptions = {}) {
        for (const auto& [name, path] : models)
            repository.add(name, path);
        routes = std::make_unique<Routes>(repository, metrics, routeOptions);
        options.host = "127.0.0.1";
        options.port = 0;
        options.log = [this](const std::string& line) {
            std::lock_guard lock(logMutex);
            log.push_back(line);
        };
        server = std::make_unique<HttpServer>(*routes, metrics, options);
        port = server->bind();
        thread = std::thread([this] { server->serve(); });
    }
    ~RunningServer() { stop(); }
    void stop() {
        if (!thread.joinable()) return;
        server->stop();
        thread.join();
    }
    std::vector<std::string> logLines() {
        std::lock_guard lock(logMutex);
        return log;
    }
};

} // namespace

class ServeHttpTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    deploy::ModelPackage m_logistic;
    deploy::ModelPackage m_tree;
    std::string m_logisticPath;
    std::string m_treePath;

    std::string inferBody(const deploy::ModelPackage& package, size_t first, size_t count,
                          const std::string& id) const {
        return Json{{"id", id}, {"inputs", oipInputs(sampleRows(package, first, count))}}.dump();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_logistic = examplePackage("iris_classification", "logreg");
        m_tree = examplePackage("iris_lr_vs_tree", "tree");
        m_logisticPath = m_dir.filePath(QStringLiteral("logistic.ofmodel")).toStdString();
        m_treePath = m_dir.filePath(QStringLiteral("tree.ofmodel")).toStdString();
        deploy::writePackage(m_logistic, m_logisticPath);
        deploy::writePackage(m_tree, m_treePath);
    }

    void answersOverHttp() {
        RunningServer s({{"iris", m_logisticPath}}, {.threads = 4, .accessLog = true});
        Reply r = request(s.port, "GET", "/v2/health/live");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers["content-type"], std::string("application/json"));
        r = request(s.port, "POST", "/v2/models/iris/infer", inferBody(m_logistic, 0, 5, "a"));
        QCOMPARE(r.status, 200);
        QCOMPARE(strings(r.json()["outputs"][0]["data"]),
                 labelsOf(expectedPredictions(m_logistic, sampleRows(m_logistic, 0, 5))));

        // Keep-alive: three requests on one connection, answered in order.
        Connection c(s.port);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(c.send(requestText("POST", "/v2/models/iris/infer",
                                       inferBody(m_logistic, size_t(i), 1, std::to_string(i)),
                                       "application/json", {}, false)));
            r = c.read();
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json()["id"], Json(std::to_string(i)));
        }
        r = request(s.port, "GET", "/nowhere");
        QCOMPARE(r.status, 404);
        QVERIFY(r.json()["error"].is_string());
        // Counted once the answer is written: the last one may lag the client a moment.
        const auto metricsHave = [&](const std::string& line) {
            const Reply m = request(s.port, "GET", "/metrics");
            return m.status == 200 && m.body.find(line) != std::string::npos;
        };
        QTRY_VERIFY(metricsHave("oficina_requests_total{model=\"iris\",route=\"/v2/models/"
                                "{name}/infer\",code=\"200\"} 4\n"));
        QVERIFY(metricsHave("oficina_rows_predicted_total{model=\"iris\"} 8\n"));
        s.stop();
        bool logged = false;
        for (const std::string& line : s.logLines())
            logged = logged || (line.starts_with("POST /v2/models/iris/infer 200 rows=5 us="));
        QVERIFY(logged);
    }

    void parallelClientsGetTheirOwnAnswers() {
        RunningServer s({{"iris", m_logisticPath}}, {.threads = 8, .queue = 128});
        constexpr int kClients = 64;
        constexpr int kRequests = 4;
        const size_t rows = m_logistic.sample.rowCount();
        std::vector<std::string> expected =
            labelsOf(expectedPredictions(m_logistic, sampleRows(m_logistic, 0, rows)));
        std::atomic<int> good{0};
        std::mutex failureMutex;
        std::string failure;
        std::vector<std::thread> clients;
        for (int client = 0; client < kClients; ++client)
            clients.emplace_back([&, client] {
                for (int i = 0; i < kRequests; ++i) {
                    // Each client asks for its own rows, tagged with its own id.
                    const size_t first = size_t(client * kRequests + i) % (rows - 2);
                    const std::string id = std::to_string(client) + "/" + std::to_string(i);
                    const Reply r = request(s.port, "POST", "/v2/models/iris/infer",
                                            inferBody(m_logistic, first, 2, id));
                    const Json j = r.json();
                    const bool ok =
                        r.status == 200 && j["id"] == id &&
                        strings(j["outputs"][0]["data"]) ==
                            std::vector<std::string>{expected[first], expected[first + 1]};
                    if (ok) {
                        ++good;
                    } else {
                        std::lock_guard lock(failureMutex);
                        failure = std::to_string(r.status) + " " + r.body;
                    }
                }
            });
        for (std::thread& t : clients)
            t.join();
        QVERIFY2(good == kClients * kRequests, failure.c_str());
    }

    void replacesTheModelWithoutDowntime() {
        RunningServer s({{"iris", m_logisticPath}}, {.threads = 8, .queue = 128});
        // The two models' probabilities for a few rows: each answer must be wholly one model's.
        const Table rows = sampleRows(m_logistic, 40, 3);
        const auto probabilities = [](const deploy::ModelPackage& p, const Table& t) {
            const std::vector<Column> predicted = expectedPredictions(p, t);
            std::vector<double> out;
            for (size_t r = 0; r < t.rowCount(); ++r)
                for (const std::string& label : p.manifest.classes)
                    for (const Column& c : predicted)
                        if (c.name() == probabilityColumnName(label)) out.push_back(c.number(r));
            return out;
        };
        const std::vector<double> logistic = probabilities(m_logistic, rows);
        const std::vector<double> tree = probabilities(m_tree, rows);
        QVERIFY(logistic != tree);
        const std::string body = Json{{"inputs", oipInputs(rows)}}.dump();

        std::atomic<bool> done{false};
        std::atomic<int> answered{0};
        std::mutex failureMutex;
        std::string failure;
        std::vector<std::thread> clients;
        for (int client = 0; client < 8; ++client)
            clients.emplace_back([&] {
                while (!done) {
                    const Reply r = request(s.port, "POST", "/v2/models/iris/infer", body);
                    const Json j = r.json();
                    std::vector<double> got;
                    if (r.status == 200)
                        for (const Json& v : j["outputs"][1]["data"])
                            got.push_back(v.get<double>());
                    // Odd versions are the logistic model, even ones the tree.
                    const int version =
                        r.status == 200 ? std::stoi(j["model_version"].get<std::string>()) : 0;
                    if (r.status == 200 && got == (version % 2 ? logistic : tree)) {
                        ++answered;
                    } else {
                        std::lock_guard lock(failureMutex);
                        failure = std::to_string(r.status) + " " + r.body;
                        done = true;
                    }
                }
            });
        for (int load = 0; load < 6 && !done; ++load) {
            const int before = answered;
            QTRY_VERIFY(answered > before + 5 || done);
            const std::string path = load % 2 ? m_logisticPath : m_treePath;
            const Reply r = request(s.port, "POST", "/v2/repository/models/iris/load",
                                    Json{{"parameters", {{"path", path}}}}.dump());
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json()["version"], Json(std::to_string(load + 2)));
        }
        const int before = answered;
        QTRY_VERIFY(answered > before + 5 || done);
        done = true;
        for (std::thread& t : clients)
            t.join();
        QVERIFY2(failure.empty(), failure.c_str());
    }

    void fullQueueAnswers503() {
        RunningServer s({{"iris", m_logisticPath}}, {.threads = 1, .queue = 1});
        const std::string body = inferBody(m_logistic, 0, 1, "slow");
        const std::string text = requestText("POST", "/v2/models/iris/infer", body);
        const size_t half = text.size() - body.size() / 2;
        // The only thread waits for the rest of this request's body…
        Connection slow(s.port);
        QVERIFY(slow.send(text.substr(0, half)));
        QTRY_COMPARE(s.server->busyThreads(), size_t(1));
        // …this connection waits in the queue…
        Connection queued(s.port);
        QVERIFY(queued.send(requestText("GET", "/v2/health/live")));
        QTRY_COMPARE(s.server->queuedConnections(), size_t(1));
        // …and this one finds both full.
        Reply r = request(s.port, "POST", "/v2/models/iris/infer", body);
        QCOMPARE(r.status, 503);
        QCOMPARE(r.headers["retry-after"], std::string("1"));
        QVERIFY(r.json()["error"].get<std::string>().find("busy") != std::string::npos);
        QVERIFY(slow.send(text.substr(half)));
        QCOMPARE(slow.read().status, 200);
        QCOMPARE(queued.read().status, 200);
        const auto metricsHave = [&](const std::string& line) {
            const Reply m = request(s.port, "GET", "/metrics");
            return m.status == 200 && m.body.find(line) != std::string::npos;
        };
        QTRY_VERIFY(metricsHave("oficina_rejected_connections_total 1\n"));
        QVERIFY(metricsHave("route=\"/v2/models/{name}/infer\",code=\"503\"} 1\n"));
    }

    void limitsAndAuth() {
        RunningServer s({{"iris", m_logisticPath}},
                        {.threads = 4, .maxBodyBytes = 4096, .token = "s3cret-token"},
                        {.maxRows = 10});
        const std::string auth = "Authorization: Bearer s3cret-token";
        const std::string body = inferBody(m_logistic, 0, 2, "x");
        // Health probes are public; everything else needs the token.
        QCOMPARE(request(s.port, "GET", "/v2/health/ready").status, 200);
        QCOMPARE(request(s.port, "GET", "/ping").status, 200);
        Reply r = request(s.port, "POST", "/v2/models/iris/infer", body);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.headers["www-authenticate"], std::string("Bearer"));
        QCOMPARE(request(s.port, "GET", "/metrics", {}, {}, {"Authorization: Bearer wrong"}).status,
                 401);
        QCOMPARE(
            request(s.port, "GET", "/metrics", {}, {}, {"Authorization: Basic czNjcmV0"}).status,
            401);
        QCOMPARE(request(s.port, "POST", "/v2/models/iris/infer", body, "application/json", {auth})
                     .status,
                 200);
        QCOMPARE(
            request(s.port, "GET", "/v2", {}, {}, {"authorization: bearer s3cret-token"}).status,
            200);

        // A body over the limit is refused from its Content-Length, before it is read.
        Connection big(s.port);
        QVERIFY(big.send("POST /v2/models/iris/infer HTTP/1.1\r\nHost: x\r\n" + auth +
                         "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"));
        r = big.read();
        QCOMPARE(r.status, 413);
        QVERIFY(r.json()["error"].get<std::string>().find("4096") != std::string::npos);
        QVERIFY(big.closedByPeer());
        // A chunked body has no Content-Length: its bytes are counted as they come.
        Connection chunked(s.port);
        std::string chunk(3000, ' ');
        QVERIFY(chunked.send("POST /v2/models/iris/infer HTTP/1.1\r\nHost: x\r\n" + auth +
                             "\r\nContent-Type: application/json\r\n"
                             "Transfer-Encoding: chunked\r\n\r\n"));
        bool sent = true;
        for (int i = 0; i < 400 && sent; ++i) // 1.2 MB: over the 4 KiB + 1 MiB of headers
            sent = chunked.send("bb8\r\n" + chunk + "\r\n");
        r = chunked.read();
        QCOMPARE(r.status, 413);

        // Rows over --max-rows; a form body; compressed bodies; the fixed HTTP limits.
        Json many = Json::parse(inferBody(m_logistic, 0, 11, "many"));
        r = request(s.port, "POST", "/v2/models/iris/infer", many.dump(), "application/json",
                    {auth});
        QCOMPARE(r.status, 413);
        r = request(s.port, "POST", "/v2/models/iris/infer", "a=1",
                    "application/x-www-form-urlencoded", {auth});
        QCOMPARE(r.status, 415);
        r = request(s.port, "POST", "/v2/models/iris/infer", body, "application/json",
                    {auth, "Content-Encoding: gzip"});
        QCOMPARE(r.status, 415);
        r = request(s.port, "GET", "/v2/" + std::string(9000, 'a'), {}, {}, {auth});
        QCOMPARE(r.status, 414);
        r = request(s.port, "GET", "/v2", {}, {}, {auth, "X-Long: " + std::string(9000, 'b')});
        QCOMPARE(r.status, 400);
        Connection garbage(s.port);
        QVERIFY(garbage.send("NONSENSE\r\n\r\n"));
        QCOMPARE(garbage.read().status, 400);
        // The server is still up after all that.
        QCOMPARE(request(s.port, "GET", "/v2/health/live").status, 200);
    }

    void stopFinishesTheRequestInProgress() {
        RunningServer s({{"iris", m_logisticPath}}, {.threads = 2});
        const std::string body = inferBody(m_logistic, 3, 2, "draining");
        const std::string text = requestText("POST", "/v2/models/iris/infer", body);
        const size_t half = text.size() - body.size() / 2;
        Connection inProgress(s.port);
        QVERIFY(inProgress.send(text.substr(0, half)));
        QTRY_COMPARE(s.server->busyThreads(), size_t(1));
        // An idle keep-alive connection is closed by the stop.
        Connection idle(s.port);
        QVERIFY(idle.send(requestText("GET", "/v2/health/live", {}, {}, {}, false)));
        QCOMPARE(idle.read().status, 200);

        s.server->stop();
        QVERIFY(idle.closedByPeer());
        QVERIFY(!Connection(s.port).connected() ||
                request(s.port, "GET", "/v2/health/live").status == 0);
        QVERIFY(inProgress.send(text.substr(half)));
        const Reply r = inProgress.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()["id"], Json("draining"));
        s.thread.join(); // serve() returns once the last request is answered
    }
};

QTEST_GUILESS_MAIN(ServeHttpTest)
#include "tst_servehttp.moc"
