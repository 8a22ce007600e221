// `oficina-cli run` recording runs, `runs` and `models` on the command line, `serve
// models:/NAME@ALIAS`, and `run --mlflow-uri` against the mock tracking server: live logging,
// a server that is down (the run still succeeds and waits in the push queue) and `runs push`.
#include "../cli/CliRun.h"
#include "MockMlflowServer.h"
#include "TrackFixture.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <set>

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace oficina::tests;
using mlflowtest::MockMlflowServer;
using Json = nlohmann::json;

// A JSON value against what it should be, showing it when it is not.
#define QCOMPARE_JSON(actual, expected) QVERIFY2((actual) == Json(expected), (actual).dump().c_str())

namespace {

CliRun cli(const QStringList& arguments, const QString& folder) {
    return runCli(arguments, folder, true);
}

std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) text += line + "\n";
    return text;
}

Json cliJson(const QStringList& arguments, const QString& folder) {
    const CliRun r = cli(arguments, folder);
    if (r.exitCode != 0) throw std::runtime_error(r.err.toStdString());
    return Json::parse(r.out.toStdString());
}

} // namespace

class CliTrackTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        m_pipeline = QString::fromStdString(writeIrisPipeline(m_dir->path(), kLogisticLearner, true));
    }

    void runIsRecordedBesideThePipeline() {
        const CliRun r = cli({"run", m_pipeline, "--set", "split.test_size=0.4", "--note",
                              "first", "--tag", "baseline", "--report", "report.json"},
                             m_dir->path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains("recorded run #1"), qPrintable(r.err));
        QVERIFY(QFile::exists(m_dir->path() + "/.oficina/runs.db"));

        const Json list = cliJson({"runs", "list", "--json"}, m_dir->path());
        QCOMPARE(list.size(), size_t(1));
        QCOMPARE_JSON(list[0]["status"], "finished");
        QCOMPARE_JSON(list[0]["params"]["split.test_size"], "0.4");
        QCOMPARE_JSON(list[0]["tags"], Json::array({"baseline"}));
        const Json run = cliJson({"runs", "show", "1", "--json"}, m_dir->path());
        QCOMPARE_JSON(run["overrides"], Json::array({"split.test_size=0.4"}));
        QCOMPARE_JSON(run["note"], "first");
        QCOMPARE_JSON(run["inputs"][0]["rows"], 150);
        QCOMPARE(run["inputs"][0]["sha256"].get<std::string>().size(), size_t(64));
        std::set<std::string> kinds;
        for (const auto& a : run["artifacts"]) kinds.insert(a["kind"].get<std::string>());
        QCOMPARE(kinds, (std::set<std::string>{"model_package", "report"}));
        QVERIFY(run["metrics"].size() > 0);

        // The text form names the same run; a run that is not there is exit 2, saying so.
        const CliRun shown = cli({"runs", "show", QString::fromStdString(run["id"].get<std::string>().substr(0, 8))},
                                 m_dir->path());
        QVERIFY2(shown.exitCode == 0 && shown.out.contains("score.accuracy"), qPrintable(shown.out));
        const CliRun missing = cli({"runs", "show", "7"}, m_dir->path());
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains("no run \"7\""), qPrintable(missing.err));
    }

    void recordingCanBeTurnedOff() {
        QCOMPARE(cli({"run", "-q", "--no-record", m_pipeline}, m_dir->path()).exitCode, 0);
        QVERIFY(!QFile::exists(m_dir->path() + "/.oficina/runs.db"));
        const CliRun unrecorded = cli({"run", "-q", "--no-record", m_pipeline, "--register", "iris"},
                                      m_dir->path());
        QCOMPARE(unrecorded.exitCode, 2);
        QVERIFY2(unrecorded.err.contains("--no-record turns recording off"), qPrintable(unrecorded.err));
        QFile file(m_pipeline);
        file.open(QIODevice::ReadOnly);
        Json text = Json::parse(file.readAll().toStdString());
        file.close();
        text["record_runs"] = false;
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(QByteArray::fromStdString(text.dump()));
        file.close();
        QCOMPARE(cli({"run", "-q", m_pipeline}, m_dir->path()).exitCode, 0);
        QVERIFY(!QFile::exists(m_dir->path() + "/.oficina/runs.db"));
        const CliRun none = cli({"runs", "list"}, m_dir->path());
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(none.err.contains("no run store here"), qPrintable(none.err));
    }

    void registryOnTheCommandLineAndServe() {
        QCOMPARE(cli({"run", "-q", m_pipeline, "--register", "save=iris"}, m_dir->path()).exitCode, 0);
        QCOMPARE(cli({"run", "-q", m_pipeline}, m_dir->path()).exitCode, 0);
        QCOMPARE(cli({"models", "register", "2", "--name", "iris", "--description", "again"},
                     m_dir->path()).exitCode, 0);
        QCOMPARE(cli({"models", "alias", "iris", "champion", "1"}, m_dir->path()).exitCode, 0);
        const Json models = cliJson({"models", "list", "--json"}, m_dir->path());
        QCOMPARE_JSON(models[0]["latest_version"], 2);
        QCOMPARE_JSON(models[0]["aliases"]["champion"], 1);
        const Json champion = cliJson({"models", "show", "iris@champion", "--json"}, m_dir->path());
        QCOMPARE_JSON(champion[0]["version"], 1);
        QCOMPARE(cli({"models", "export", "iris/2", "-o", "v2.ofmodel"}, m_dir->path()).exitCode, 0);
        QVERIFY(QFileInfo(m_dir->path() + "/v2.ofmodel").size() > 1000);
        const CliRun bad = cli({"models", "alias", "iris", "champion", "5"}, m_dir->path());
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("no version 5"), qPrintable(bad.err));

        QProcess server;
        server.setWorkingDirectory(m_dir->path());
        server.setProcessChannelMode(QProcess::MergedChannels);  // it says where it listens on stderr
        server.start(OFICINA_BIN_DIR "/oficina-cli",
                     {"serve", "models:/iris@champion", "--port", "0"});
        QString said;
        const QRegularExpression serving("serving (\\S+) \\(version 1\\) on http://127.0.0.1:(\\d+)");
        QRegularExpressionMatch match;
        while (!(match = serving.match(said)).hasMatch() && server.waitForReadyRead(kHangGuardMs))
            said += QString::fromUtf8(server.readAll());
        QVERIFY2(match.hasMatch(), qPrintable(said));
        QCOMPARE(match.captured(1), QString("iris"));
        httplib::Client client("127.0.0.1", match.captured(2).toInt());
        const auto ready = client.Get("/v2/models/iris/ready");
        QVERIFY(ready && ready->status == 200);
        server.terminate();
        QVERIFY(server.waitForFinished(kHangGuardMs));
    }

    void logsLiveToMlflow() {
        MockMlflowServer mlflow;
        mlflow.start();
        const CliRun r = cli({"run", m_pipeline, "--mlflow-uri", QString::fromStdString(mlflow.uri())},
                             m_dir->path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains("logged to MLflow as run"), qPrintable(r.err));
        QVERIFY2(mlflow.problems().empty(), joined(mlflow.problems()).c_str());
        const auto runs = mlflow.runs();
        QCOMPARE(runs.size(), size_t(1));
        QCOMPARE(runs[0].status, std::string("FINISHED"));
        QCOMPARE(runs[0].params.at("split.seed"), std::string("7"));
        QCOMPARE(runs[0].tags.at("mlflow.runName"), std::string("iris #1"));
        bool accuracy = false;
        for (const auto& m : runs[0].metrics) accuracy |= m.key == "score.accuracy";
        QVERIFY(accuracy);
        QCOMPARE(mlflow.experiments().back().name, std::string("iris"));
    }

    // A server that is down never fails the run: it waits in the store's push queue, and a
    // push to a server still down fails again (exit 1), keeping it queued.
    void serverDownQueuesTheRun() {
        MockMlflowServer mlflow;
        const int port = mlflow.start();
        mlflow.stop();
        const QString uri = "http://127.0.0.1:" + QString::number(port);
        const CliRun r = cli({"run", m_pipeline, "--mlflow-uri", uri}, m_dir->path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains("cannot reach") && r.err.contains("runs push"), qPrintable(r.err));
        QVERIFY(r.out.contains("accuracy"));
        const CliRun push = cli({"runs", "push", "--mlflow-uri", uri}, m_dir->path());
        QCOMPARE(push.exitCode, 1);
        QVERIFY2(push.err.contains("could not send run"), qPrintable(push.err));
        QVERIFY(cli({"runs", "push", "--mlflow-uri", "http://127.0.0.1:1"}, m_dir->path())
                    .err.contains("nothing waits"));
    }

    void pushSendsWhatWaited() {
        MockMlflowServer mlflow;
        mlflow.start();
        const QString uri = QString::fromStdString(mlflow.uri());
        // The live logging stops at its first failed request.
        mlflow.failNext(503, "TEMPORARILY_UNAVAILABLE", "try later");
        const CliRun r = cli({"run", m_pipeline, "--mlflow-uri", uri}, m_dir->path());
        QVERIFY2(r.exitCode == 0 && r.err.contains("try later"), qPrintable(r.err));
        QVERIFY(mlflow.runs().empty());

        const CliRun push = cli({"runs", "push"}, m_dir->path());
        QVERIFY2(push.exitCode == 0 && push.err.contains("sent run"), qPrintable(push.err));
        QCOMPARE(mlflow.runs().size(), size_t(1));
        QCOMPARE(mlflow.runs()[0].status, std::string("FINISHED"));
        QVERIFY2(mlflow.problems().empty(), joined(mlflow.problems()).c_str());
        QVERIFY(cli({"runs", "push"}, m_dir->path()).err.contains("nothing waits"));
    }

    // Gates: an absolute rule and a baseline rule against a run report, then against the
    // registry's champion; a failed gate exits 3 with a Markdown summary, a malformed rule or
    // a missing baseline is bad input before anything runs.
    void gatesJudgeTheRun() {
        QCOMPARE(cli({"run", "-q", m_pipeline, "--report", "base.json", "--register", "save=iris"},
                     m_dir->path()).exitCode, 0);
        const CliRun pass = cli({"run", "-q", m_pipeline, "--require", "score.accuracy >= 0.5",
                                 "--require", "score.accuracy >= baseline-0.001", "--baseline",
                                 "base.json", "--summary", "pass.md"},
                                m_dir->path());
        QVERIFY2(pass.exitCode == 0, qPrintable(pass.err));
        QFile summary(m_dir->path() + "/pass.md");
        QVERIFY(summary.open(QIODevice::ReadOnly));
        QVERIFY(summary.readAll().startsWith("✅ **2 of 2 gates passed**"));

        const CliRun fail = cli({"run", "-q", m_pipeline, "--require", "score.accuracy > 1",
                                 "--require", "score.accuracy >= baseline*1.1", "--baseline",
                                 "models:/iris/1", "--summary", "fail.md"},
                                m_dir->path());
        QCOMPARE(fail.exitCode, 3);
        QVERIFY2(fail.err.contains("✗ gate score.accuracy > 1"), qPrintable(fail.err));
        QFile failed(m_dir->path() + "/fail.md");
        QVERIFY(failed.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(failed.readAll());
        QVERIFY2(text.contains("0 of 2 gates passed") && text.contains("models:/iris/1"),
                 qPrintable(text));

        const CliRun typo = cli({"run", "-q", m_pipeline, "--require", "score.accuracy => 0.9"},
                                m_dir->path());
        QCOMPARE(typo.exitCode, 2);
        QVERIFY2(typo.err.contains("column 16"), qPrintable(typo.err));
        const CliRun noBaseline = cli({"run", "-q", m_pipeline, "--require",
                                       "score.accuracy >= baseline", "--baseline", "nope.json"},
                                      m_dir->path());
        QCOMPARE(noBaseline.exitCode, 2);
        QVERIFY2(noBaseline.err.contains("nope.json"), qPrintable(noBaseline.err));
    }

    void exportsTheMlflowFileStore() {
        QCOMPARE(cli({"run", "-q", m_pipeline, "--register", "iris"}, m_dir->path()).exitCode, 0);
        const CliRun r = cli({"runs", "export", "--mlflow", "mlruns"}, m_dir->path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(m_dir->path() + "/mlruns/0/meta.yaml"));
        QVERIFY(QFile::exists(m_dir->path() + "/mlruns/models/iris/version-1/meta.yaml"));
        QVERIFY(!QDir(m_dir->path() + "/mlruns").entryList({"[1-9]*"}, QDir::Dirs).isEmpty());
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_pipeline;
};

QTEST_GUILESS_MAIN(CliTrackTest)
#include "tst_clitrack.moc"
