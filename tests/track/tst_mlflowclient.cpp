// The MLflow REST client against a mock tracking server on the loopback (MockMlflowServer.h),
// which checks every request body as MLflow's server does: a whole run pushed, batches split
// within MLflow's limits, keys and values made acceptable, experiments found or created, live
// logging in batches while the run goes on, and each way the server can fail (down, an error
// answer, no answer) ending in an Error that names the URL and quotes the server. Nothing here
// measures time: waits are bounded polls on the mock's state.
#include "MockMlflowServer.h"

#include "track/MlflowClient.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace oficina::core;
using namespace oficina::core::track;
using mlflowtest::MockMlflowServer;

namespace {

constexpr int64_t kStart = 1700000000000;

RunRecord sampleRecord() {
    RunRecord r;
    r.id = "0123456789abcdef0123456789abcdef";
    r.number = 12;
    r.experiment = "churn";
    r.pipelinePath = "/home/ana/churn.oficina";
    r.pipelineHash = std::string(64, 'a');
    r.source = "cli";
    r.status = RunStatus::Finished;
    r.startMs = kStart;
    r.endMs = kStart + 5000;
    r.params = {{"model.max_iter", "200"}, {"split.test_size", "0.3"}, {"split.seed", "7"}};
    r.versions = {{"oficina", "0.9.0"}, {"pipeline_format", "1"}};
    r.inputs = {{.node = "load", .path = "/home/ana/churn.csv", .sha256 = std::string(64, 'b')},
                {.node = "load", .path = "/home/ana/extra.csv", .sha256 = std::string(64, 'c')}};
    r.note = "first try";
    r.tags = {"baseline", "v1"};
    for (int epoch = 0; epoch < 5; ++epoch)
        r.metrics.push_back({.key = "model.loss", .value = 1.0 / (epoch + 1), .step = double(epoch),
                             .timestampMs = kStart + 1000 + epoch, .series = true});
    r.metrics.push_back({.key = "score.accuracy", .value = 0.93, .timestampMs = kStart + 4000});
    return r;
}

std::map<std::string, std::string> asMap(const KeyValues& items) {
    return {items.begin(), items.end()};
}

std::vector<std::string> endpoints(const MockMlflowServer& server) {
    std::vector<std::string> out;
    for (const auto& request : server.requests()) out.push_back(request.endpoint);
    return out;
}

std::string problems(const MockMlflowServer& server) {
    std::string out;
    for (const std::string& problem : server.problems()) out += "\n  " + problem;
    return out;
}

/// A port nothing listens on: a mock's, after it stopped.
int closedPort() {
    MockMlflowServer server;
    const int port = server.start();
    server.stop();
    return port;
}

/// Calls `action` and returns the English text of the Error it throws; fails when none.
template <typename Action> std::string errorOf(Action action) {
    try {
        action();
    } catch (const Error& error) {
        return error.what();
    }
    return "(no error)";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

class TestMlflowClient : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // getpass.getuser()'s order, which mlflowUser() follows: $LOGNAME before $USER.
    void initTestCase() {
        qputenv("LOGNAME", "ana");
        qputenv("USER", "bruno");
    }

    void pushRunSendsTheWholeRun() {
        MockMlflowServer server;
        server.start();
        MlflowClient client({.uri = server.uri()});
        const RunRecord record = sampleRecord();
        const std::string runId = pushRun(client, record);

        QVERIFY2(server.problems().empty(), problems(server).c_str());
        const std::vector<std::string> expected = {"experiments/get-by-name", "experiments/create",
                                                   "runs/create", "runs/log-batch", "runs/update"};
        QCOMPARE(endpoints(server), expected);
        QCOMPARE(server.requests()[0].query.at("experiment_name"), std::string("churn"));
        QCOMPARE(server.requests()[1].body, mlflowtest::Json({{"name", "churn"}}));

        const auto create = server.requests("runs/create").at(0).body;
        QCOMPARE(create["experiment_id"], mlflowtest::Json("1"));
        QCOMPARE(create["run_name"], mlflowtest::Json("churn #12"));
        QCOMPARE(create["start_time"], mlflowtest::Json(kStart));
        for (const auto& tag : create["tags"])  // MLflow's own tags only, the rest in log-batch
            QVERIFY(tag["key"].get<std::string>().starts_with("mlflow."));

        QCOMPARE(server.runs().size(), size_t(1));
        const mlflowtest::MockRun run = server.runs()[0];
        QCOMPARE(run.id, runId);
        QCOMPARE(run.name, std::string("churn #12"));
        QCOMPARE(run.status, std::string("FINISHED"));
        QCOMPARE(run.endTime, kStart + 5000);
        QCOMPARE(run.params, record.params);
        QCOMPARE(run.tags.at("mlflow.runName"), std::string("churn #12"));
        QCOMPARE(run.tags.at("mlflow.user"), std::string("ana"));
        QCOMPARE(run.tags.at("mlflow.source.name"), record.pipelinePath);
        QCOMPARE(run.tags.at("mlflow.source.type"), std::string("LOCAL"));
        QCOMPARE(run.tags.at("mlflow.note.content"), std::string("first try"));
        QCOMPARE(run.tags.at("oficina.run_id"), record.id);
        QCOMPARE(run.tags.at("oficina.run_number"), std::string("12"));
        QCOMPARE(run.tags.at("oficina.reproducibility"), std::string("exact"));
        QCOMPARE(run.tags.at("oficina.input.load.sha256"), std::string(64, 'b'));
        QCOMPARE(run.tags.at("oficina.input.load.2.sha256"), std::string(64, 'c'));
        QCOMPARE(run.tags.at("oficina.version.oficina"), std::string("0.9.0"));
        QCOMPARE(run.tags.at("oficina.labels"), std::string("baseline, v1"));
        QVERIFY(!run.tags.count("oficina.error"));

        QCOMPARE(run.metrics.size(), record.metrics.size());
        for (size_t i = 0; i < record.metrics.size(); ++i) {
            QCOMPARE(run.metrics[i].key, record.metrics[i].key);
            QCOMPARE(run.metrics[i].value.get<double>(), record.metrics[i].value);
            QCOMPARE(run.metrics[i].step, int64_t(record.metrics[i].step));
            QCOMPARE(run.metrics[i].timestamp, record.metrics[i].timestampMs);
        }
    }

    void statusIsMapped_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("number");  // MLflow's RunStatus, which its file store writes
        QTest::newRow("finished") << int(RunStatus::Finished) << "FINISHED" << 3;
        QTest::newRow("failed") << int(RunStatus::Failed) << "FAILED" << 4;
        QTest::newRow("stopped") << int(RunStatus::Stopped) << "KILLED" << 5;
        QTest::newRow("crashed") << int(RunStatus::Crashed) << "FAILED" << 4;
        QTest::newRow("running: no update") << int(RunStatus::Running) << "RUNNING" << 1;
    }
    void statusIsMapped() {
        QFETCH(int, status);
        QFETCH(QString, expected);
        QFETCH(int, number);
        QCOMPARE(mlflowStatusNumber(RunStatus(status)), number);
        MockMlflowServer server;
        server.start();
        MlflowClient client({.uri = server.uri()});
        RunRecord record = sampleRecord();
        record.status = RunStatus(status);
        record.failedNode = "model";
        record.message = "the solver diverged";
        pushRun(client, record);
        QVERIFY2(server.problems().empty(), problems(server).c_str());
        const mlflowtest::MockRun run = server.runs().at(0);
        QCOMPARE(QString::fromStdString(run.status), expected);
        QCOMPARE(server.requests("runs/update").size(),
                 size_t(record.status == RunStatus::Running ? 0 : 1));
        QCOMPARE(run.tags.count("oficina.error"), size_t(record.status != RunStatus::Finished));
        QCOMPARE(run.tags.at("oficina.status"), std::string(toString(record.status)));
    }

    void existingExperimentIsReused() {
        MockMlflowServer server;
        server.start();
        server.addExperiment("other");
        const std::string id = server.addExperiment("churn");
        MlflowClient client({.uri = server.uri()});
        pushRun(client, sampleRecord());
        QVERIFY2(server.problems().empty(), problems(server).c_str());
        QVERIFY(server.requests("experiments/create").empty());
        QCOMPARE(server.runs().at(0).experimentId, id);
        QCOMPARE(server.experiments().size(), size_t(2));
    }

    void experimentCreatedMeanwhileIsFound() {
        // Another client creates the experiment between our look-up and our create.
        MockMlflowServer server;
        server.start();
        const std::string id = server.addExperiment("churn");
        server.failNext(404, "RESOURCE_DOES_NOT_EXIST", "no such experiment",
                        "experiments/get-by-name");
        MlflowClient client({.uri = server.uri()});
        QCOMPARE(client.experimentId("churn"), id);
        const std::vector<std::string> expected = {
            "experiments/get-by-name", "experiments/create", "experiments/get-by-name"};
        QCOMPARE(endpoints(server), expected);
        QCOMPARE(server.requests()[1].status, 400);
        QVERIFY2(server.problems().empty(), problems(server).c_str());
    }

    void deletedExperimentIsRefused() {
        MockMlflowServer server;
        server.start();
        server.addExperiment("churn", "deleted");
        MlflowClient client({.uri = server.uri()});
        const std::string error = errorOf([&] { pushRun(client, sampleRecord()); });
        QVERIFY2(contains(error, "\"churn\" is deleted"), error.c_str());
        QVERIFY(server.requests("runs/create").empty());
    }

    void unsavedPipelineGoesToDefault() {
        MockMlflowServer server;
        server.start();
        const std::string id = server.addExperiment("Default");
        MlflowClient client({.uri = server.uri()});
        RunRecord record = sampleRecord();
        record.experiment.clear();
        record.pipelinePath.clear();
        pushRun(client, record);
        QVERIFY2(server.problems().empty(), problems(server).c_str());
        QCOMPARE(server.runs().at(0).experimentId, id);
        QCOMPARE(server.runs().at(0).name, std::string("run #12"));
        QVERIFY(!server.runs().at(0).tags.count("mlflow.source.name"));
    }

    void batchesStayWithinLimits() {
        MockMlflowServer server;
        server.start();
        MlflowClient client({.uri = server.uri()});
        const std::string runId =
            client.createRun(client.experimentId("big"), "big #1", kStart, {});
        std::vector<MetricValue> metrics;
        for (int i = 0; i < 2500; ++i)
            metrics.push_back({.key = "model.loss", .value = i * 0.5, .step = double(i),
                               .timestampMs = kStart + i, .series = true});
        KeyValues params, tags;
        for (int i = 0; i < 150; ++i) params.emplace_back("p.n" + std::to_string(i), "1");
        for (int i = 0; i < 120; ++i) tags.emplace_back("t.n" + std::to_string(i), "x");
        client.logBatch(runId, metrics, params, tags);

        QVERIFY2(server.problems().empty(), problems(server).c_str());
        const auto batches = server.requests("runs/log-batch");
        QVERIFY(batches.size() >= 3);
        for (const auto& batch : batches) {
            const size_t m = batch.body["metrics"].size();
            const size_t p = batch.body["params"].size();
            const size_t t = batch.body["tags"].size();
            QVERIFY(m <= kMlflowMaxMetricsPerBatch && p <= kMlflowMaxParamsPerBatch &&
                    t <= kMlflowMaxTagsPerBatch && m + p + t <= kMlflowMaxEntitiesPerBatch);
            QVERIFY(m + p + t > 0);
        }
        const mlflowtest::MockRun run = server.runs().at(0);
        QCOMPARE(run.params.size(), size_t(150));
        QCOMPARE(run.tags.size(), size_t(120));
        QCOMPARE(run.metrics.size(), size_t(2500));
        for (int i = 0; i < 2500; ++i) QCOMPARE(run.metrics[size_t(i)].step, int64_t(i));
    }

    void batchesStayUnderOneMegabyte() {
        MockMlflowServer server;
        server.start();
        MlflowClient client({.uri = server.uri()});
        const std::string runId =
            client.createRun(client.experimentId("big"), "big #1", kStart, {});
        KeyValues params;  // 100 values of 6000 two-byte characters: 1.2 MB
        std::string value;
        for (int i = 0; i < 6000; ++i) value += "é";
        for (int i = 0; i < 100; ++i) params.emplace_back("p.n" + std::to_string(i), value);
        client.logBatch(runId, {}, params, {});
        QVERIFY2(server.problems().empty(), problems(server).c_str());
        const auto batches = server.requests("runs/log-batch");
        QVERIFY(batches.size() >= 2);
        for (const auto& batch : batches) QVERIFY(batch.rawBody.size() <= kMlflowMaxBatchBytes);
        const mlflowtest::MockRun run = server.runs().at(0);
        QCOMPARE(run.params.size(), size_t(100));
        QCOMPARE(run.params.at("p.n99"), value);
        QVERIFY(!run.tags.count(kMlflowTruncatedParamsTag));
    }

    void longValuesAreCut() {
        MockMlflowServer server;
        server.start();
        MlflowClient client({.uri = server.uri()});
        const std::string runId = client.createRun(client.experimentId("x"), "x #1", kStart, {});
        client.logBatch(runId, {}, {{"model.layers", std::string(7000, 'L')}, {"model.alpha", "1"}},
                        {{"oficina.note", std::string(6000, 'n')}});
        QVERIFY2(server.problems().empty(), problems(server).c_str());
        const mlflowtest::MockRun run = server.runs().at(0);
        QCOMPARE(run.params.at("model.layers"), std::string(kMlflowMaxParamValueLength, 'L'));
        QCOMPARE(run.params.at("model.alpha"), std::string("1"));
        QCOMPARE(run.tags.at(kMlflowTruncatedParamsTag), std::string("model.layers"));
        QCOMPARE(run.tags.at("oficina.note"), std::string(kMlflowMaxTagValueLength, 'n'));
    }

    void keysAreMadeValid_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "score.f1_macro" << "score.f1_macro";
        QTest::newRow("space and dash") << "a b-c" << "a b-c";
        QTest::newRow("brackets") << "score.f1 (macro)" << "score.f1 _macro_";
        QTest::newRow("slash") << "a/b" << "a_b";
        QTest::newRow("colon") << "a:b" << "a_b";  // validation.py refuses ':' (2.14)
        QTest::newRow("leading dot") << ".hidden" << "_.hidden";
        QTest::newRow("dots") << ".." << "_..";
        QTest::newRow("empty") << "" << "_";
        QTest::newRow("accent") << QString::fromUtf8("previsão.erro") << "previs_o.erro";
        QTest::newRow("long") << QString(300, 'k') << QString(250, 'k');
    }
    void keysAreMadeValid() {
        QFETCH(QString, key);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(mlflowKey(key.toStdString())), expected);
    }

    void keysMadeAlikeAreNumberedWithinTheLimit() {
        std::set<std::string> taken;
        QCOMPARE(mlflowUniqueKey("a/b", taken), std::string("a_b"));
        QCOMPARE(mlflowUniqueKey("a(b", taken), std::string("a_b_2"));
        const std::string longKey(300, 'k');
        QCOMPARE(mlflowUniqueKey(longKey, taken), std::string(250, 'k'));
        QCOMPARE(mlflowUniqueKey(longKey, taken), std::string(248, 'k') + "_2");
        QCOMPARE(taken.size(), size_t(4));
    }

    void invalidKeysAndValuesAreSentValid() {
        MockMlflowServer server;
        server.start();
        MlflowClient client({.uri = server.uri()});
        const std::string runId = client.createRun(client.experimentId("x"), "x #1", kStart,
                                                   {{"mlflow.runName", "x #1"}, {"a/b", "c"}});
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        client.logBatch(runId,
                        {{.key = "m.nan", .value = nan, .timestampMs = kStart},
                         {.key = "m.inf", .value = inf, .timestampMs = kStart},
                         {.key = "m.-inf", .value = -inf, .timestampMs = kStart},
                         {.key = "m.half", .value = 0.5, .step = 2.6, .timestampMs = -5},
                         {.key = "m (x)", .value = 1, .step = nan, .timestampMs = kStart}},
                        {{"a(b", "1"}, {"a)b", "2"}, {"bad\xff", "\xff\xfe"}}, {});
        QVERIFY2(server.problems().empty(), problems(server).c_str());
        const mlflowtest::MockRun run = server.runs().at(0);
        QCOMPARE(run.tags.at("a_b"), std::string("c"));
        QCOMPARE(run.metrics.at(0).value, mlflowtest::Json("NaN"));
        QCOMPARE(run.metrics.at(1).value, mlflowtest::Json("Infinity"));
        QCOMPARE(run.metrics.at(2).value, mlflowtest::Json("-Infinity"));
        QCOMPARE(run.metrics.at(3).step, int64_t(3));
        QCOMPARE(run.metrics.at(3).timestamp, int64_t(0));
        QCOMPARE(run.metrics.at(4).key, std::string("m _x_"));
        QCOMPARE(run.metrics.at(4).step, int64_t(0));
        // Keys made alike stay apart; invalid UTF-8 becomes U+FFFD.
        QCOMPARE(run.params.at("a_b"), std::string("1"));
        QCOMPARE(run.params.at("a_b_2"), std::string("2"));
        QCOMPARE(run.params.at("bad_"), std::string("\xEF\xBF\xBD\xEF\xBF\xBD"));
    }

    void uriWithPathPrefix() {
        MockMlflowServer server("/mlflow");
        server.start();
        MlflowClient client({.uri = server.uri() + "/"});
        pushRun(client, sampleRecord());
        QVERIFY2(server.problems().empty(), problems(server).c_str());
        QCOMPARE(server.runs().size(), size_t(1));
    }

    void invalidUrisAreRefused_data() {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<bool>("valid");
        QTest::newRow("host:port") << "http://mlflow.example.org:5000" << true;
        QTest::newRow("no port") << "http://localhost" << true;
        QTest::newRow("https with a path") << "HTTPS://h.example.org/tracking/" << true;
        QTest::newRow("ipv6") << "http://[::1]:5000" << true;
        QTest::newRow("no scheme") << "127.0.0.1:5000" << false;
        QTest::newRow("ftp") << "ftp://example.org" << false;
        QTest::newRow("no host") << "http://" << false;
        QTest::newRow("port 0") << "http://h:0" << false;
        QTest::newRow("port too big") << "http://h:99999" << false;
        QTest::newRow("port not a number") << "http://h:abc" << false;
        QTest::newRow("user") << "http://ana@h:5000" << false;
        QTest::newRow("query") << "http://h:5000/?x=1" << false;
        QTest::newRow("empty") << "" << false;
    }
    void invalidUrisAreRefused() {
        QFETCH(QString, uri);
        QFETCH(bool, valid);
        const std::string error = errorOf([&] { MlflowClient client({.uri = uri.toStdString()}); });
        if (valid) {
            QCOMPARE(error, std::string("(no error)"));
        } else {
            QVERIFY2(contains(error, "\"" + uri.toStdString() + "\" is not the address"),
                     error.c_str());
        }
    }

    void serverDownIsAnError() {
        const std::string uri = "http://127.0.0.1:" + std::to_string(closedPort());
        MlflowClient client({.uri = uri, .timeoutSeconds = 5});
        const std::string error = errorOf([&] { client.experimentId("churn"); });
        QVERIFY2(contains(error, uri + "/api/2.0/mlflow/experiments/get-by-name"), error.c_str());
        QVERIFY2(contains(error, "cannot reach the MLflow tracking server (cannot connect)"),
                 error.c_str());
    }

    void errorAnswersAreQuoted_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("expected");
        QTest::newRow("500 on create")
            << 500 << "INTERNAL_ERROR" << "database is locked" << "runs/create"
            << "answered HTTP 500: INTERNAL_ERROR: database is locked";
        QTest::newRow("400 on log-batch")
            << 400 << "INVALID_PARAMETER_VALUE" << "Param value too long\nfor 'x'"
            << "runs/log-batch" << "answered HTTP 400: INVALID_PARAMETER_VALUE: Param value "
                                   "too long for 'x'";
        QTest::newRow("403 on update") << 403 << "PERMISSION_DENIED" << "read-only"
                                       << "runs/update"
                                       << "answered HTTP 403: PERMISSION_DENIED: read-only";
        QTest::newRow("proxy page") << 502 << "" << "<html><h1>Bad Gateway</h1></html>"
                                    << "experiments/get-by-name"
                                    << "answered HTTP 502: <html><h1>Bad Gateway</h1></html>";
    }
    void errorAnswersAreQuoted() {
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, message);
        QFETCH(QString, endpoint);
        QFETCH(QString, expected);
        MockMlflowServer server;
        server.start();
        server.failNext(status, code.toStdString(), message.toStdString(), endpoint.toStdString());
        MlflowClient client({.uri = server.uri()});
        const std::string error = errorOf([&] { pushRun(client, sampleRecord()); });
        QVERIFY2(contains(error, server.uri() + "/api/2.0/mlflow/" + endpoint.toStdString() +
                                     ": the MLflow tracking server " + expected.toStdString()),
                 error.c_str());
        QCOMPARE(server.requests().back().endpoint, endpoint.toStdString());  // then it stopped
        QVERIFY2(server.problems().empty(), problems(server).c_str());
    }

    void silentServerTimesOut() {
        MockMlflowServer server;
        server.start();
        server.setHang(true);
        MlflowClient client({.uri = server.uri(), .timeoutSeconds = 0.3});
        const std::string error = errorOf([&] { client.experimentId("churn"); });
        QVERIFY2(contains(error, "experiments/get-by-name: cannot reach the MLflow tracking "
                                 "server (no answer within the timeout"),
                 error.c_str());
        QCOMPARE(server.requestCount(), size_t(1));
        server.setHang(false);
    }

    void liveRunSendsBatchesWhileItRuns() {
        MockMlflowServer server;
        server.start();
        const RunRecord record = sampleRecord();
        LiveMlflowRun live({.uri = server.uri()}, 0.02);
        live.start(record);
        QTRY_VERIFY_WITH_TIMEOUT(!live.runId().empty(), 10000);
        QCOMPARE(server.runs().at(0).status, std::string("RUNNING"));

        // The loss series arrives in two parts, each before the run finishes.
        live.add({record.metrics.begin(), record.metrics.begin() + 2});
        QTRY_COMPARE_WITH_TIMEOUT(server.runs().at(0).metrics.size(), size_t(2), 10000);
        live.add({record.metrics.begin() + 2, record.metrics.begin() + 5});
        QTRY_COMPARE_WITH_TIMEOUT(server.runs().at(0).metrics.size(), size_t(5), 10000);
        QVERIFY(server.requests("runs/log-batch").size() >= 2);
        QVERIFY(server.requests("runs/update").empty());

        QVERIFY(live.finish(record));
        QVERIFY(!live.failed());
        QVERIFY2(server.problems().empty(), problems(server).c_str());
        const mlflowtest::MockRun run = server.runs().at(0);
        QCOMPARE(run.id, live.runId());
        QCOMPARE(run.status, std::string("FINISHED"));
        QCOMPARE(run.params, record.params);
        QCOMPARE(run.tags.at("oficina.run_number"), std::string("12"));
        // The series is not sent twice; the scalar comes with the end.
        QCOMPARE(run.metrics.size(), record.metrics.size());
        QCOMPARE(run.metrics.back().key, std::string("score.accuracy"));
        QCOMPARE(endpoints(server).back(), std::string("runs/update"));
    }

    void liveRunFinishedAtOnce() {
        MockMlflowServer server;
        server.start();
        const RunRecord record = sampleRecord();
        LiveMlflowRun live({.uri = server.uri()}, 60);
        live.start(record);
        live.add(record.metrics);
        QVERIFY(live.finish(record));  // no wait for the flush period
        QVERIFY2(server.problems().empty(), problems(server).c_str());
        QCOMPARE(server.runs().at(0).metrics.size(), record.metrics.size());
        QCOMPARE(server.runs().at(0).status, std::string("FINISHED"));
    }

    void liveRunStopsAtTheFirstFailure() {
        MockMlflowServer server;
        server.start();
        server.failNext(500, "INTERNAL_ERROR", "disk full", "runs/log-batch");
        const RunRecord record = sampleRecord();
        LiveMlflowRun live({.uri = server.uri()}, 0.02);
        live.start(record);
        live.add({record.metrics.front()});
        QTRY_VERIFY_WITH_TIMEOUT(live.failed(), 10000);
        const size_t sent = server.requestCount();
        live.add({record.metrics.begin() + 1, record.metrics.end()});
        QVERIFY(!live.finish(record));
        QCOMPARE(server.requestCount(), sent);
        QVERIFY(live.error());
        const std::string error = live.error()->what();
        QVERIFY2(contains(error, "runs/log-batch: the MLflow tracking server answered HTTP 500: "
                                 "INTERNAL_ERROR: disk full"),
                 error.c_str());
        QVERIFY2(server.problems().empty(), problems(server).c_str());
    }

    void liveRunWithTheServerDown() {
        const std::string uri = "http://127.0.0.1:" + std::to_string(closedPort());
        LiveMlflowRun live({.uri = uri, .timeoutSeconds = 5}, 0.02);
        const RunRecord record = sampleRecord();
        live.start(record);
        live.add(record.metrics);
        QVERIFY(!live.finish(record));
        QVERIFY(live.failed());
        QVERIFY(live.runId().empty());
        QVERIFY2(contains(live.error()->what(), "cannot connect"), live.error()->what());
    }

    void liveRunWithASilentServer() {
        MockMlflowServer server;
        server.start();
        server.setHang(true);
        LiveMlflowRun live({.uri = server.uri(), .timeoutSeconds = 0.3}, 0.02);
        const RunRecord record = sampleRecord();
        live.start(record);
        QVERIFY(!live.finish(record));
        QVERIFY2(contains(live.error()->what(), "no answer within the timeout"),
                 live.error()->what());
        QCOMPARE(server.requestCount(), size_t(1));
        server.setHang(false);
    }

    void liveRunWithAnInvalidUri() {
        LiveMlflowRun live({.uri = "localhost:5000"});
        QVERIFY(!live.finish(sampleRecord()));
        QVERIFY2(contains(live.error()->what(), "is not the address"), live.error()->what());
    }

    void liveRunDestroyedUnfinished() {
        MockMlflowServer server;
        server.start();
        {
            LiveMlflowRun live({.uri = server.uri()}, 0.02);
            live.start(sampleRecord());
            QTRY_VERIFY_WITH_TIMEOUT(!live.runId().empty(), 10000);
        }
        QVERIFY(server.requests("runs/update").empty());
        QCOMPARE(server.runs().at(0).status, std::string("RUNNING"));
        QVERIFY2(server.problems().empty(), problems(server).c_str());
    }

    void tagsOfAFailedRun() {
        RunRecord record = sampleRecord();
        record.status = RunStatus::Failed;
        record.failedNode = "model";
        record.message = "the solver diverged";
        record.note.clear();
        record.overrides = {"model.max_iter=200", "split.seed=7"};
        const auto tags = asMap(mlflowTags(record, "bruno"));
        QCOMPARE(tags.at("mlflow.user"), std::string("bruno"));
        QCOMPARE(tags.at("oficina.failed_node"), std::string("model"));
        QCOMPARE(tags.at("oficina.error"), std::string("the solver diverged"));
        QCOMPARE(tags.at("oficina.overrides"), std::string("model.max_iter=200\nsplit.seed=7"));
        QVERIFY(!tags.count("mlflow.note.content"));
        QCOMPARE(tags.at("oficina.pipeline_sha256"), record.pipelineHash);
        QCOMPARE(tags.at("oficina.input.load.path"), std::string("/home/ana/churn.csv"));
        QCOMPARE(tags.at("oficina.input.load.size"), std::string("0"));
        QVERIFY(!tags.count("oficina.input.load.rows"));  // not read as a table
        QCOMPARE(tags.at("oficina.status"), std::string("failed"));
    }
};

QTEST_GUILESS_MAIN(TestMlflowClient)
#include "tst_mlflowclient.moc"
