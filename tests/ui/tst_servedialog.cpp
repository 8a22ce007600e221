// The Serve dialog on the Iris example's model: refused before the run, then serving on a free
// port a real Open Inference Protocol v2 request from a plain socket, which predicts what
// core::Model::predict predicts, and the curl commands it shows, run by a shell; the totals and
// the live chart count the requests; Stop and closing the dialog free the port (bound again
// here). A busy port — held by a plain socket, or by another Serve dialog — is said with the
// next free one offered; a retrained model is swapped in as version 2. Screenshots in English
// and pt_BR go to $OFICINA_SHOTS when set.
#include "AppFixture.h"
#include "PopupHelpers.h"
#include "Screenshots.h"

#include "MainWindow.h"
#include "canvas/PipelineScene.h"
#include "charts/ServeTrafficChart.h"
#include "deploy/ModelPackage.h"
#include "deploy/ServeDialog.h"
#include "document/Document.h"
#include "models/Model.h"
#include "pipeline/NodeRegistry.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <functional>
#include <optional>

using namespace oficina;

namespace {

struct Reply {
    int status = 0; ///< 0: no answer
    QByteArray body;
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

/// One HTTP/1.1 request to 127.0.0.1:port on a plain socket ("Connection: close", read to the
/// end). Blocking, within a few seconds: the server answers on threads of its own.
Reply request(int port, const QByteArray& method, const QByteArray& path,
              const QByteArray& body = {}) {
    Reply reply;
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return reply;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return reply;
    }
    QByteArray text = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!body.isEmpty())
        text +=
            "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\n";
    text += "Connection: close\r\n\r\n" + body;
    for (qsizetype sent = 0; sent < text.size();) {
        const ssize_t n =
            ::send(fd, text.constData() + sent, size_t(text.size() - sent), MSG_NOSIGNAL);
        if (n <= 0) break;
        sent += n;
    }
    QByteArray answer;
    char buffer[4096];
    for (;;) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 10000) <= 0) break;
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        answer.append(buffer, n);
    }
    ::close(fd);
    const qsizetype split = answer.indexOf("\r\n\r\n");
    if (!answer.startsWith("HTTP/1.1 ") || split < 0) return reply;
    reply.status = answer.mid(9, 3).toInt();
    reply.body = answer.mid(split + 4);
    return reply;
}

/// A socket listening on 127.0.0.1:`port` (0: any free one) the way servers bind
/// (SO_REUSEADDR, so connections of an earlier server still closing do not count), or -1.
int listenOn(int port, int* chosen = nullptr) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(fd, 4) != 0) {
        ::close(fd);
        return -1;
    }
    socklen_t size = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
    if (chosen) *chosen = ntohs(address.sin_port);
    return fd;
}

/// Whether 127.0.0.1:`port` can be listened on now.
bool canListenOn(int port) {
    const int fd = listenOn(port);
    if (fd < 0) return false;
    ::close(fd);
    return true;
}

/// The label `model` predicts for the first row of `rows`.
QString predictedLabel(const core::Model& model, const core::Table& rows) {
    return QString::fromStdString(model.predict(rows).column(core::kPredictionColumn).cellText(0));
}

/// The first value of the output tensor `name` of an OIP v2 answer.
QString outputValue(const QJsonObject& answer, const QString& name) {
    for (const QJsonValue& output : answer.value("outputs").toArray())
        if (output.toObject().value("name").toString() == name)
            return output.toObject().value("data").toArray().first().toString();
    return {};
}

} // namespace

class ServeDialogTest : public QObject {
    Q_OBJECT

    core::NodeRegistry m_registry;
    const QString m_share = installedShare();
    QTemporaryDir m_dir;
    int m_windows = 0;

    /// A window with the Iris example opened and run.
    std::unique_ptr<ui::MainWindow> irisWindow(bool run = true) {
        auto window = std::make_unique<ui::MainWindow>(
            m_registry, m_share, nullptr, m_dir.filePath(QString("recovery%1").arg(++m_windows)));
        window->show();
        if (!window->openPipeline(m_share + "/examples/iris_classification.oficina")) return {};
        if (run && !runAndWait(*window)) return {};
        return window;
    }

    static bool runAndWait(ui::MainWindow& window) {
        QSignalSpy finished(&window, &ui::MainWindow::runFinished);
        window.runPipeline();
        return finished.wait(60000) || finished.count() > 0;
    }

    /// Starts `dialog` and waits until it serves; its port, or 0.
    static int startAndWait(ui::ServeDialog& dialog) {
        QSignalSpy started(&dialog, &ui::ServeDialog::started);
        QSignalSpy failed(&dialog, &ui::ServeDialog::failed);
        if (!dialog.start()) return 0;
        if (started.count() == 0 && !started.wait(60000)) return 0;
        return failed.count() ? 0 : dialog.servingPort();
    }

    static bool stopAndWait(ui::ServeDialog& dialog) {
        QSignalSpy stopped(&dialog, &ui::ServeDialog::stopped);
        dialog.stop();
        return stopped.count() > 0 || stopped.wait(15000);
    }

private Q_SLOTS:
    void initTestCase() {
        setUpAppForTest(m_registry);
        QVERIFY(m_dir.isValid());
    }

    void modelNames_data() {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("fallback");
        QTest::addColumn<QString>("name");
        const auto row = [](const char* tag, const char* title, const char* fallback,
                            const char* name) {
            QTest::newRow(tag) << QString(title) << QString(fallback) << QString(name);
        };
        row("untitled node", "", "logreg", "logreg");
        row("words", "Iris classifier", "logreg", "iris-classifier");
        row("accents", "Regressão logística", "x", "regressao-logistica");
        row("punctuation", "  k-NN (k = 5)!", "x", "k-nn-k-5");
        row("kept", "model_v2.1", "x", "model_v2.1");
        row("nothing usable", "???", "", "model");
        row("not latin", "模型", "node_3", "node_3");
    }
    void modelNames() {
        QFETCH(QString, title);
        QFETCH(QString, fallback);
        QFETCH(QString, name);
        QCOMPARE(ui::ServeDialog::modelNameFor(title, fallback), name);
    }

    /// The whole round: refused untrained, served, asked by a socket and by curl, counted,
    /// stopped, restarted, closed.
    void servesTheIrisModel() {
        auto window = irisWindow(false);
        QVERIFY(window);

        // Not trained yet: the menu entry is disabled, and asking anyway is refused clearly.
        const auto menuEntry = [&](const QString& node) {
            std::optional<bool> enabled;
            onNextPopup([&](QWidget* w) {
                for (QAction* a : qobject_cast<QMenu*>(w)->actions())
                    if (a->text().remove('&') == "Serve…") enabled = a->isEnabled();
                w->close();
            });
            Q_EMIT window->scene().contextMenuRequested(node, {}, QPoint(100, 100));
            return enabled;
        };
        QCOMPARE(menuEntry("logreg"), std::optional<bool>(false));
        QCOMPARE(menuEntry("score"), std::nullopt);
        QString said;
        onNextPopup([&](QWidget* w) {
            said = qobject_cast<QMessageBox*>(w)->text();
            w->close();
        });
        window->scene().selectItems({"logreg"});
        window->action("serveModelAction")->trigger();
        QVERIFY2(said.contains("has not trained a model yet: run the pipeline first"),
                 qPrintable(said));
        QVERIFY(!window->serveDialog("logreg"));

        QVERIFY(runAndWait(*window));
        QCOMPARE(menuEntry("logreg"), std::optional<bool>(true));
        ui::ServeDialog* dialog = window->serveModel("logreg");
        QVERIFY(dialog);
        QCOMPARE(window->serveModel("logreg"), dialog); // one per node: raised again
        QVERIFY(!dialog->isModal());
        QCOMPARE(dialog->modelName(), QString("logreg"));
        QCOMPARE(dialog->host(), QString("127.0.0.1"));
        QCOMPARE(dialog->port(), 8080);
        QVERIFY(dialog->baseUrl().isEmpty());

        // Started on any free port.
        QSignalSpy sampled(dialog, &ui::ServeDialog::sampled);
        double highestRate = 0;
        connect(dialog, &ui::ServeDialog::sampled, this,
                [&] { highestRate = std::max(highestRate, dialog->chart()->lastRate()); });
        dialog->setPort(0);
        const int port = startAndWait(*dialog);
        QVERIFY2(port > 0, qPrintable(dialog->errorText()));
        QVERIFY(dialog->isServing());
        QCOMPARE(dialog->errorText(), QString());
        QCOMPARE(dialog->baseUrl(), QString("http://127.0.0.1:%1").arg(port));
        QCOMPARE(dialog->inferUrl(),
                 QString("http://127.0.0.1:%1/v2/models/logreg/infer").arg(port));
        QVERIFY2(window->logText().contains(dialog->baseUrl()), qPrintable(window->logText()));
        QVERIFY(dialog->findChild<QLabel*>("serveUrl")->text().contains(dialog->baseUrl()));
        QVERIFY(!canListenOn(port));

        // A real OIP v2 request, the body the dialog's curl command sends: one tensor per raw
        // input column, FP64.
        const auto model = window->trainedModel("logreg");
        const core::Table example = core::deploy::describeInterface(*model).example;
        const QString expected = predictedLabel(*model, example);
        QVERIFY(!expected.isEmpty());
        const QByteArray body = dialog->inferBody().toUtf8();
        QVERIFY2(body.contains("{\"name\": \"petal width (cm)\", \"shape\": [1], \"datatype\": "
                               "\"FP64\""),
                 body.constData());
        const Reply answer = request(port, "POST", "/v2/models/logreg/infer", body);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json().value("model_name").toString(), QString("logreg"));
        QCOMPARE(answer.json().value("model_version").toString(), QString("1"));
        QCOMPARE(outputValue(answer.json(), "label"), expected);

        // The commands as shown, run by a shell: what a user pastes into a terminal.
        QVERIFY(dialog->inferCommand().startsWith("curl -s " + dialog->inferUrl() + " \\\n"));
        QVERIFY(dialog->invocationsCommand().contains(dialog->baseUrl() + "/invocations"));
        if (!QStandardPaths::findExecutable("curl").isEmpty()) {
            for (const QString& command : {dialog->inferCommand(), dialog->invocationsCommand()}) {
                QProcess shell;
                shell.start("/bin/sh", {"-c", command});
                QVERIFY(shell.waitForFinished(15000));
                const QByteArray out = shell.readAllStandardOutput();
                QVERIFY2(out.contains("\"" + expected.toUtf8() + "\""), out.constData());
            }
        } else {
            qWarning("curl is not installed: the commands were not run");
        }

        // A request the model refuses counts as an error.
        QCOMPARE(request(port, "POST", "/v2/models/logreg/infer",
                         R"({"inputs": [{"name": "petals", "shape": [1], "datatype": "FP64",)"
                         R"( "data": [1]}]})")
                     .status,
                 400);

        // Totals and chart follow within a sample or two.
        const quint64 requests = QStandardPaths::findExecutable("curl").isEmpty() ? 2 : 4;
        QTRY_VERIFY_WITH_TIMEOUT(dialog->totals().requests >= requests, 5000);
        QCOMPARE(dialog->totals().errors, 1ull);
        QCOMPARE(dialog->totals().rows, requests - 1);
        QVERIFY2(dialog->totalsText().startsWith(QString("Requests: %1 ").arg(requests)),
                 qPrintable(dialog->totalsText()));
        QVERIFY(dialog->findChild<QLabel*>("serveTotals")->text() == dialog->totalsText());
        QVERIFY(highestRate > 0);
        QVERIFY(dialog->chart()->sampleCount() >= 2);
        QVERIFY(dialog->chart()->drawnRatePoints() >= 2);

        // Stop frees the port.
        QVERIFY(stopAndWait(*dialog));
        QVERIFY(!dialog->isServing());
        QVERIFY(dialog->baseUrl().isEmpty());
        QVERIFY(dialog->inferCommand().isEmpty());
        QVERIFY(canListenOn(port));
        QCOMPARE(request(port, "GET", "/v2/health/live").status, 0);

        // Started again on the same port (the package is kept: at once), then closed: closing
        // stops it too.
        dialog->setPort(port);
        QCOMPARE(startAndWait(*dialog), port);
        QCOMPARE(request(port, "GET", "/v2/health/ready").status, 200);
        QPointer<ui::ServeDialog> closing(dialog);
        dialog->close();
        QTRY_VERIFY(closing.isNull());
        QVERIFY(!window->serveDialog("logreg"));
        QVERIFY(canListenOn(port));
    }

    /// A busy port is said, with the next free one offered; that one then serves.
    void busyPortIsSaid() {
        auto window = irisWindow();
        QVERIFY(window);
        int busy = 0;
        const int holder = listenOn(0, &busy);
        QVERIFY(holder >= 0);
        ui::ServeDialog* dialog = window->serveModel("logreg");
        QVERIFY(dialog);
        dialog->setPort(busy);
        QSignalSpy failed(dialog, &ui::ServeDialog::failed);
        QVERIFY(!dialog->start());
        QCOMPARE(failed.count(), 1);
        QVERIFY(!dialog->isServing());
        QVERIFY2(dialog->errorText().startsWith(QString("Port %1 is already in use.").arg(busy)),
                 qPrintable(dialog->errorText()));
        QVERIFY(dialog->findChild<QLabel*>("serveError")->isVisible());
        const int offered = dialog->offeredPort();
        QVERIFY(offered > busy);
        auto* use = dialog->findChild<QPushButton*>("serveUseFreePort");
        QVERIFY(use->isVisible());
        QCOMPARE(use->text(), QString("Use port %1").arg(offered));
        QSignalSpy started(dialog, &ui::ServeDialog::started);
        use->click();
        QVERIFY(started.count() > 0 || started.wait(60000));
        QCOMPARE(dialog->servingPort(), offered);
        QCOMPARE(dialog->errorText(), QString());
        ::close(holder);

        // A port another Serve dialog serves on is busy too (cpp-httplib alone would share it).
        ui::ServeDialog other(QString("other"), QString("Other"), QString("other"),
                              window->trainedModel("logreg"), {});
        other.setPort(offered);
        QVERIFY(!other.start());
        QVERIFY2(other.errorText().contains(QString::number(offered)),
                 qPrintable(other.errorText()));

        // Allowing other computers listens on every interface, with a warning.
        QVERIFY(stopAndWait(*dialog));
        auto* warning = dialog->findChild<QLabel*>("serveNetworkWarning");
        QVERIFY(!warning->isVisible());
        dialog->setAllowNetwork(true);
        QVERIFY(warning->isVisible());
        QCOMPARE(dialog->host(), QString("0.0.0.0"));
        dialog->setPort(0);
        const int port = startAndWait(*dialog);
        QVERIFY(port > 0);
        QCOMPARE(request(port, "GET", "/v2/health/live").status, 200); // loopback still answers
        QVERIFY(!canListenOn(port));
        dialog->close();
        QTRY_VERIFY(!window->serveDialog("logreg"));
        QVERIFY(canListenOn(port));
    }

    /// Trained again while serving: offered, then swapped in as version 2 without a restart.
    void updatesTheServedModel() {
        auto window = irisWindow();
        QVERIFY(window);
        ui::ServeDialog* dialog = window->serveModel("logreg");
        QVERIFY(dialog);
        dialog->setPort(0);
        const int port = startAndWait(*dialog);
        QVERIFY(port > 0);
        const auto first = window->trainedModel("logreg");
        QVERIFY(!dialog->updateOffered());

        // A weaker regularisation: another model.
        window->document().setParameter("logreg", "C", 0.01);
        QVERIFY(runAndWait(*window));
        const auto second = window->trainedModel("logreg");
        QVERIFY(second && second != first);
        QVERIFY(dialog->updateOffered());
        QCOMPARE(dialog->model(), first); // still serving the first
        QCOMPARE(request(port, "POST", "/v2/models/logreg/infer", dialog->inferBody().toUtf8())
                     .json()
                     .value("model_version")
                     .toString(),
                 QString("1"));

        QSignalSpy updated(dialog, &ui::ServeDialog::modelUpdated);
        dialog->findChild<QPushButton*>("serveUpdateModel")->click();
        QVERIFY(updated.wait(60000));
        QCOMPARE(updated.at(0).at(0).toString(), QString("2"));
        QCOMPARE(dialog->servedVersion(), QString("2"));
        QCOMPARE(dialog->model(), second);
        QVERIFY(!dialog->updateOffered());
        QCOMPARE(dialog->servingPort(), port);

        // A training row the two models tell apart, if there is one; else the example row.
        const core::Table example = core::deploy::describeInterface(*second).example;
        const Reply answer =
            request(port, "POST", "/v2/models/logreg/infer", dialog->inferBody().toUtf8());
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json().value("model_version").toString(), QString("2"));
        QCOMPARE(outputValue(answer.json(), "label"), predictedLabel(*second, example));
        // Probabilities tell the versions apart even when the labels agree.
        const core::Table predicted = second->predict(example);
        const double p =
            predicted.column("P(" + predicted.column(core::kPredictionColumn).cellText(0) + ")")
                .number(0);
        double served = -1;
        for (const QJsonValue& output : answer.json().value("outputs").toArray())
            if (output.toObject().value("name").toString() == "probabilities") {
                const QJsonArray classes =
                    output.toObject().value("parameters").toObject().value("classes").toArray();
                const QJsonArray data = output.toObject().value("data").toArray();
                for (int c = 0; c < classes.size(); ++c)
                    if (classes[c].toString() == outputValue(answer.json(), "label"))
                        served = data[c].toDouble();
            }
        QVERIFY(std::abs(served - p) < 1e-9);

        // The window goes while the dialog serves: the server goes with it.
        window.reset();
        QVERIFY(canListenOn(port));
    }

    /// For a look: the dialog serving, after a minute's traffic of a few requests a second.
    void screenshots() {
        const QString shots = shotsFolder();
        if (shots.isEmpty()) QSKIP("set OFICINA_SHOTS to a folder for the pictures");
        auto window = irisWindow();
        QVERIFY(window);
        const auto model = window->trainedModel("logreg");
        inEachLanguage([&](const QString& language) {
            ui::ServeDialog dialog("logreg", "Logistic regression (logreg)", "logreg", model, {});
            // The default port when it is free, as a user sees it first.
            dialog.setPort(ui::ServeDialog::portIsFree("127.0.0.1", 8080) ? 8080 : 0);
            const int port = startAndWait(dialog);
            QVERIFY(port > 0);
            const QByteArray body = dialog.inferBody().toUtf8();
            // Bursts that rise and fall, one a second, so the lines have a shape.
            for (int second = 0; second < 14; ++second) {
                const int burst = 4 + (second * 7) % 11;
                for (int i = 0; i < burst; ++i)
                    request(port, "POST", "/v2/models/logreg/infer", body);
                if (second == 9) request(port, "POST", "/v2/models/logreg/infer", "{}");
                QTest::qWait(1000);
            }
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QTest::qWait(300);
            const QString name = language == "en" ? "serve" : "serve-" + language;
            QVERIFY(dialog.grab().save(shots + "/" + name + ".png"));

            // Its port taken by another, with other computers allowed: the error and the warning.
            ui::ServeDialog busy("logreg", "Logistic regression (logreg)", "logreg", model, {});
            busy.setAllowNetwork(true);
            busy.setPort(port);
            QVERIFY(!busy.start());
            busy.show();
            QVERIFY(QTest::qWaitForWindowExposed(&busy));
            QTest::qWait(300);
            QVERIFY(busy.grab().save(shots + "/" + name + "-busy.png"));
        });
    }
};

QTEST_MAIN(ServeDialogTest)
#include "tst_servedialog.moc"
