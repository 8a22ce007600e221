// The run store: runs recorded from real pipeline runs with their parameters, input
// fingerprints, metrics and artifacts; re-runs that reproduce the metrics; several processes
// writing at once; a killed process's run marked crashed; the model registry; refusals of
// foreign and newer databases.
#include "TrackFixture.h"

#include "eval/MetricCatalog.h"
#include "nodes/Nodes.h"
#include "track/RunStore.h"
#include "util/Error.h"
#include "util/Sha256.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <sstream>

using namespace oficina::core;
using namespace oficina::core::track;
using namespace oficina::tests;

namespace {

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

double metric(const RunRecord& record, const std::string& key) {
    for (const auto& m : record.metrics)
        if (m.key == key && !m.series) return m.value;
    throw std::runtime_error("no metric " + key);
}

std::map<std::string, double> scalars(const RunRecord& record) {
    std::map<std::string, double> out;
    for (const auto& m : record.metrics)
        if (!m.series) out[m.key] = m.value;
    return out;
}

void executeSql(const std::string& file, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(file.c_str(), &db);
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
}

} // namespace

class RunStoreTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        qunsetenv("OFICINA_RUN_STORE");  // these tests check where runs go by default
        registerBuiltinNodes(m_registry, {.datasetDirectory = kTrackDatasets});
    }

    void recordsAWholeRun() {
        QTemporaryDir dir;
        const std::string pipeline = writeIrisPipeline(dir.path(), kLogisticLearner, true);
        RunStore store(defaultStorePath(pipeline));
        QCOMPARE(store.path(), dir.path().toStdString() + "/.oficina/runs.db");
        const RunRecord made = recordRun(store, m_registry, pipeline, {.overrides = {"x.y=1"}});

        const RunRecord r = store.run(made.id);
        QCOMPARE(r.status, RunStatus::Finished);
        QCOMPARE(r.number, int64_t(1));
        QCOMPARE(r.experiment, std::string("iris"));
        QCOMPARE(r.pipelinePath, pipeline);
        QCOMPARE(r.pipelineHash, sha256Hex(r.pipelineText));
        QCOMPARE(r.overrides, std::vector<std::string>{"x.y=1"});
        QCOMPARE(r.params.at("split.seed"), std::string("7"));
        QCOMPARE(r.params.at("model.max_iter"), std::string("200"));
        QCOMPARE(r.seeds.at("split.seed"), uint64_t(7));
        QCOMPARE(r.reproducibility, std::string("exact"));
        QVERIFY(r.versions.count("xgboost") && r.versions.count("sqlite"));
        QVERIFY(r.endMs >= r.startMs);

        QCOMPARE(r.inputs.size(), size_t(1));
        const InputFile& in = r.inputs.front();
        QCOMPARE(in.node, std::string("load"));
        QCOMPARE(in.sha256, sha256Hex(readAll(dir.path().toStdString() + "/iris.csv")));
        QCOMPARE(in.rows, size_t(150));
        QCOMPARE(in.columns, size_t(5));
        QCOMPARE(in.schema.back(), (std::pair<std::string, std::string>{"species", "categorical"}));

        const double accuracy = metric(r, "score.accuracy");
        QVERIFY(accuracy > 0.8 && accuracy <= 1.0);
        QCOMPARE(r.artifacts.size(), size_t(1));
        QCOMPARE(r.artifacts.front().kind, std::string("model_package"));
        QCOMPARE(r.artifacts.front().node, std::string("save"));
        QCOMPARE(readAll(store.artifactPath(r.artifacts.front())),
                 readAll(dir.path().toStdString() + "/iris.ofmodel"));
        // The report keeps tables such as the confusion matrix, not curves of a point per row.
        const auto report = nlohmann::json::parse(r.report);
        const auto& score = report["nodes"][5];
        QCOMPARE(score["id"].get<std::string>(), std::string("score"));
        QVERIFY(score["matrices"].contains("confusion_matrix"));
        for (const auto& [name, matrix] : score["matrices"].items())
            QVERIFY2(matrixKind(name) == MatrixKind::Table, name.c_str());
        QVERIFY(!score.contains("series"));

        const auto list = store.listRuns();
        QCOMPARE(list.size(), size_t(1));
        QCOMPARE(list.front().metrics.at("score.accuracy"), accuracy);
        QCOMPARE(list.front().dataFiles, std::vector<std::string>{"iris.csv"});
        // The second run of unchanged data takes the hash the store already has.
        QCOMPARE(store.knownHash(in.path, in.size, in.modifiedNs).value_or(""), in.sha256);
    }

    // Deterministic (no shuffle, L-BFGS) and seeded (shuffled split, random forest): the
    // stored pipeline text, run again on the same data, gives the same metrics bit for bit.
    void reRunReproducesMetrics_data() {
        QTest::addColumn<std::string>("learner");
        QTest::addColumn<bool>("shuffle");
        QTest::newRow("deterministic") << kLogisticLearner << false;
        QTest::newRow("seeded") << kForestLearner << true;
    }
    void reRunReproducesMetrics() {
        QFETCH(std::string, learner);
        QFETCH(bool, shuffle);
        QTemporaryDir dir;
        const std::string pipeline = writeIrisPipeline(dir.path(), learner, shuffle);
        RunStore store(defaultStorePath(pipeline));
        const RunRecord first = store.run(recordRun(store, m_registry, pipeline).id);

        // The run as recorded, from the store alone: the file may have changed since.
        QFile::remove(QString::fromStdString(pipeline));
        Graph graph = parsePipeline(first.pipelineText, m_registry, "run #1");
        graph.setBaseDirectory(dir.path().toStdString());
        graph.setFileName("iris.oficina");
        RunRecorder recorder(store, graph, m_registry, {});
        Executor executor(m_registry);
        RunContext context;
        recorder.finish(executor.run(graph, context));
        recorder.commit();
        const RunRecord second = store.run(recorder.record().id);
        QCOMPARE(second.pipelineHash, first.pipelineHash);
        QCOMPARE(second.inputs.front().sha256, first.inputs.front().sha256);
        QVERIFY(!scalars(first).empty());
        QCOMPARE(scalars(second), scalars(first));
    }

    // Cross-validation's folds become a series per metric (step = fold), beside the mean and
    // standard deviation; the ONNX export the example writes is left out of the test's run.
    void crossValidationFoldsAreSeries() {
        QTemporaryDir dir;
        Graph graph = loadPipeline(OFICINA_SOURCE_DIR "/resources/examples/breast_cancer_cv_onnx.oficina",
                                   m_registry);
        graph.removeNode("export");
        RunStore store(dir.path().toStdString() + "/runs.db");
        RunRecorder recorder(store, graph, m_registry, {});
        Executor executor(m_registry);
        RunContext context;
        recorder.finish(executor.run(graph, context));
        recorder.commit();
        const RunRecord r = store.run(recorder.record().id);
        std::vector<double> folds;
        for (const auto& m : r.metrics)
            if (m.key == "cv.accuracy" && m.series) {
                QCOMPARE(m.step, double(folds.size() + 1));
                folds.push_back(m.value);
            }
        QCOMPARE(folds.size(), size_t(5));
        double sum = 0;
        for (double v : folds) sum += v;
        QVERIFY(std::abs(sum / 5 - metric(r, "cv.accuracy_mean")) < 1e-12);
        QVERIFY(r.inputs.empty());  // a bundled sample set: no file was read
    }

    void failedAndStoppedRunsSayWhy() {
        QTemporaryDir dir;
        const std::string pipeline = writeIrisPipeline(dir.path(), kLogisticLearner, true);
        RunStore store(defaultStorePath(pipeline));
        QFile::remove(dir.path() + "/iris.csv");
        const RunRecord failed = store.run(recordRun(store, m_registry, pipeline).id);
        QCOMPARE(failed.status, RunStatus::Failed);
        QCOMPARE(failed.failedNode, std::string("load"));
        QVERIFY2(failed.message.find("iris.csv") != std::string::npos, failed.message.c_str());
        QVERIFY(failed.inputs.front().sha256.empty());

        QFile::copy(QString::fromStdString(kTrackDatasets + "iris.csv"), dir.path() + "/iris.csv");
        Graph graph = loadPipeline(pipeline, m_registry);
        RunRecorder recorder(store, graph, m_registry, {});
        std::stop_source stop;
        stop.request_stop();
        Executor executor(m_registry);
        RunContext context(stop.get_token());
        recorder.finish(executor.run(graph, context));
        recorder.commit();
        QCOMPARE(store.run(recorder.record().id).status, RunStatus::Stopped);
    }

    void metricSeriesAreKeptInOrder() {
        QTemporaryDir dir;
        RunStore store(dir.path().toStdString() + "/runs.db");
        RunRecord r{.experiment = "curves", .source = "cli"};
        store.beginRun(r);
        store.logMetrics(r.id, {{"train.loss", 0.9, 1, 10, true}, {"train.loss", 0.5, 2, 11, true}});
        QCOMPARE(store.run(r.id).metrics.size(), size_t(2));
        r.status = RunStatus::Finished;
        r.metrics = {{"train.loss", 0.9, 1, 10, true},
                     {"train.loss", 0.5, 2, 11, true},
                     {"train.loss", 0.25, 3, 12, true},
                     {"score.r2", std::nan(""), 0, 12, false}};
        store.finishRun(r);
        const RunRecord back = store.run("#" + std::to_string(r.number));
        QCOMPARE(back.metrics.size(), size_t(4));  // the live values replaced, not doubled
        QCOMPARE(back.metrics[2].value, 0.25);
        QCOMPARE(back.metrics[2].step, 3.0);
        QVERIFY(std::isnan(back.metrics[3].value));
        QCOMPARE(store.run(r.id.substr(0, 8)).id, r.id);
        QVERIFY_THROWS_EXCEPTION(Error, store.run("abc"));
        QVERIFY_THROWS_EXCEPTION(Error, store.run("99"));
        // An id may begin with digits only: six or more of them that number no run are its start.
        executeSql(store.path(), "UPDATE runs SET id = '12345678" + r.id.substr(8) + "'");
        QCOMPARE(store.run("12345678").number, r.number);
        QCOMPARE(store.run("1").number, r.number);
    }

    // Four processes each record 25 runs with 50 metric values at the same time: all 100
    // runs and 5,000 values arrive, numbered 1…100 without a gap.
    void concurrentWritersLoseNothing() {
        QTemporaryDir dir;
        const std::string file = dir.path().toStdString() + "/runs.db";
        { RunStore create(file); }
        constexpr int kProcesses = 4, kRuns = 25, kValues = 50;
        std::vector<pid_t> children;
        for (int p = 0; p < kProcesses; ++p) {
            const pid_t pid = ::fork();
            if (pid == 0) {
                int code = 0;
                try {
                    RunStore store(file);
                    for (int i = 0; i < kRuns; ++i) {
                        RunRecord r{.experiment = "p" + std::to_string(p), .source = "cli"};
                        store.beginRun(r);
                        for (int v = 0; v < kValues; ++v)
                            r.metrics.push_back({"n.loss", double(v), double(v), 0, true});
                        r.params["n.process"] = std::to_string(p);
                        r.status = RunStatus::Finished;
                        store.finishRun(r);
                    }
                } catch (...) {
                    code = 1;
                }
                ::_exit(code);
            }
            children.push_back(pid);
        }
        for (pid_t pid : children) {
            int status = 0;
            ::waitpid(pid, &status, 0);
            QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        }
        RunStore store(file);
        const auto runs = store.listRuns();
        QCOMPARE(runs.size(), size_t(kProcesses * kRuns));
        for (size_t i = 0; i < runs.size(); ++i) {
            QCOMPARE(runs[i].number, int64_t(runs.size() - i));
            QCOMPARE(runs[i].status, RunStatus::Finished);
        }
        QCOMPARE(store.run("57").metrics.size(), size_t(kValues));
    }

    // kill -9 in the middle of a run: the next open marks it crashed; a run still held by a
    // live process (here, this one) stays running.
    void killedRunIsMarkedCrashed() {
        QTemporaryDir dir;
        const std::string file = dir.path().toStdString() + "/runs.db";
        RunStore mine(file);
        RunRecord alive{.experiment = "alive", .source = "gui"};
        mine.beginRun(alive);
        const pid_t pid = ::fork();
        if (pid == 0) {
            RunStore store(file);
            RunRecord r{.experiment = "killed", .source = "cli"};
            store.beginRun(r);
            store.logMetrics(r.id, {{"n.loss", 1, 1, 0, true}});
            ::raise(SIGKILL);
        }
        int status = 0;
        ::waitpid(pid, &status, 0);
        QVERIFY(WIFSIGNALED(status));

        RunStore reopened(file);
        const auto runs = reopened.listRuns();
        QCOMPARE(runs.size(), size_t(2));
        QCOMPARE(runs[0].experiment, std::string("killed"));
        QCOMPARE(runs[0].status, RunStatus::Crashed);
        QCOMPARE(runs[1].status, RunStatus::Running);
        QCOMPARE(reopened.run(runs[0].id).metrics.size(), size_t(1));
        alive.status = RunStatus::Finished;
        mine.finishRun(alive);
        QCOMPARE(RunStore(file).run(alive.id).status, RunStatus::Finished);
    }

    void registryVersionsAndAliases() {
        QTemporaryDir dir;
        const std::string pipeline = writeIrisPipeline(dir.path(), kLogisticLearner, true);
        RunStore store(defaultStorePath(pipeline));
        const RunRecord first = recordRun(store, m_registry, pipeline);
        const RunRecord second = recordRun(store, m_registry, pipeline);

        const ModelVersion v1 = store.registerModel("iris", first.id, {}, "first try");
        const ModelVersion v2 = store.registerModel("iris", second.id, "save");
        QCOMPARE(v1.version, int64_t(1));
        QCOMPARE(v2.version, int64_t(2));
        QCOMPARE(v1.node, std::string("save"));
        QCOMPARE(v1.pipelineHash, first.pipelineHash);
        QCOMPARE(v1.dataFingerprint.size(), size_t(64));
        store.setAlias("iris", "champion", 1);
        store.setAlias("iris", "challenger", 2);
        QCOMPARE(store.resolveModel("models:/iris@champion").runId, first.id);
        QCOMPARE(store.resolveModel("iris").version, int64_t(2));
        QCOMPARE(store.resolveModel("models:/iris/1").aliases, std::vector<std::string>{"champion"});
        store.setAlias("iris", "champion", 2);
        QCOMPARE(store.resolveModel("iris@champion").version, int64_t(2));
        const auto models = store.listModels();
        QCOMPARE(models.size(), size_t(1));
        QCOMPARE(models.front().latestVersion, int64_t(2));
        QCOMPARE(models.front().aliases.at("challenger"), int64_t(2));

        QVERIFY_THROWS_EXCEPTION(Error, store.resolveModel("iris@production"));
        QVERIFY_THROWS_EXCEPTION(Error, store.resolveModel("iris/3"));
        QVERIFY_THROWS_EXCEPTION(Error, store.resolveModel("churn"));
        QVERIFY_THROWS_EXCEPTION(Error, store.registerModel("bad name", first.id));
        QVERIFY_THROWS_EXCEPTION(Error, store.registerModel("iris", first.id, "score"));
        QVERIFY_THROWS_EXCEPTION(Error, store.setAlias("iris", "x", 9));
        // A run a version comes from stays; the package both runs share stays with it.
        QVERIFY_THROWS_EXCEPTION(Error, store.deleteRuns({first.id}));
        const RunRecord third = recordRun(store, m_registry, pipeline);
        store.deleteRuns({third.id});
        QCOMPARE(store.listRuns().size(), size_t(2));
        QVERIFY(QFile::exists(QString::fromStdString(store.artifactPath(first.artifacts.front()))));
    }

    void foreignAndNewerDatabasesAreRefused() {
        QTemporaryDir dir;
        const std::string foreign = dir.path().toStdString() + "/other.db";
        executeSql(foreign, "CREATE TABLE t (x)");
        try {
            RunStore store(foreign);
            QFAIL("a foreign database was opened");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("not a run store") != std::string::npos, e.what());
        }
        const std::string newer = dir.path().toStdString() + "/newer.db";
        { RunStore store(newer); }
        executeSql(newer, "PRAGMA user_version = 99");
        try {
            RunStore store(newer);
            QFAIL("a newer store was opened");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("newer Oficina") != std::string::npos, e.what());
        }
        const std::string text = dir.path().toStdString() + "/text.db";
        std::ofstream(text) << "hello, this is not SQLite at all, just some text\n";
        QVERIFY_THROWS_EXCEPTION(Error, RunStore store(text));
    }

    void notesTagsAndPushQueue() {
        QTemporaryDir dir;
        RunStore store(dir.path().toStdString() + "/runs.db");
        RunRecord r{.experiment = "e", .source = "cli"};
        store.beginRun(r);
        r.status = RunStatus::Finished;
        store.finishRun(r);
        store.setNote(r.id, "baseline, before the new features");
        store.setTags(r.id, {"baseline", "v1"});
        QCOMPARE(store.run(r.id).note, std::string("baseline, before the new features"));
        QCOMPARE(store.listRuns({.text = "BASELINE"}).size(), size_t(1));
        QCOMPARE(store.listRuns({.text = "nothing"}).size(), size_t(0));
        QCOMPARE(store.listRuns({.status = RunStatus::Failed}).size(), size_t(0));

        store.queuePush(r.id, "http://127.0.0.1:5000", "connection refused");
        store.queuePush(r.id, "http://127.0.0.1:5000", "connection refused again");
        auto queued = store.queuedPushes("http://127.0.0.1:5000");
        QCOMPARE(queued.size(), size_t(1));
        store.settlePush(queued.front().id, false, "still down");
        QCOMPARE(store.queuedPushes({}).front().attempts, 1);
        store.settlePush(queued.front().id, true);
        QVERIFY(store.queuedPushes({}).empty());
    }

    void unsavedPipelinesUseTheUserStore() {
        QTemporaryDir dir;
        qputenv("XDG_DATA_HOME", dir.path().toUtf8());
        QCOMPARE(defaultStorePath(""), dir.path().toStdString() + "/oficina/runs.db");
        QDir(dir.path()).mkdir("readonly");
        QFile::setPermissions(dir.path() + "/readonly", QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        if (::access((dir.path() + "/readonly").toLocal8Bit().constData(), W_OK) != 0)
            QCOMPARE(defaultStorePath((dir.path() + "/readonly/p.oficina").toStdString()),
                     dir.path().toStdString() + "/oficina/runs.db");
        QFile::setPermissions(dir.path() + "/readonly", QFileDevice::WriteOwner |
                                                            QFileDevice::ReadOwner |
                                                            QFileDevice::ExeOwner);
    }

private:
    NodeRegistry m_registry;
};

QTEST_GUILESS_MAIN(RunStoreTest)
#include "tst_runstore.moc"
