// Before a run the main window asks when an output node of a pipeline would replace an existing
// file outside the pipeline's folder (once per file), and the run log names every file written.
#include "../OutsideWriteFixture.h"
#include "AppFixture.h"
#include "MainWindow.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"
#include "run/RunController.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace oficina;

namespace {

// Only a guard against a hang, far beyond any run here: no test depends on the machine's speed.
constexpr int kHangGuardMs = 10 * 60 * 1000;

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class OutputWarningTest : public QObject {
    Q_OBJECT

    core::NodeRegistry m_registry;
    const QString m_share = installedShare();

private Q_SLOTS:
    void initTestCase() {
        setUpAppForTest(m_registry);
    }

    void asksBeforeReplacingFilesOutsideThePipelineFolder() {
        QTemporaryDir dir;
        const QString file =
            writeIrisExportingOutside(dir.path(), m_share + "/examples/iris_classification.oficina");
        QVERIFY(!file.isEmpty());
        const QString model = QDir::cleanPath(dir.filePath("elsewhere/model.onnx"));
        const QString card = QDir::cleanPath(dir.filePath("elsewhere/model.md"));
        QVERIFY(writeAll(model, "precious"));

        ui::MainWindow window(m_registry, m_share, nullptr, dir.filePath("recovery"));
        window.show();
        QVERIFY(window.openPipeline(file));
        QList<QStringList> asked;
        bool answer = false;
        window.setOverwritePrompt([&](const QStringList& files) {
            asked << files;
            return answer;
        });
        QSignalSpy finished(&window, &ui::MainWindow::runFinished);

        // Declined: nothing runs, nothing is written.
        window.runPipeline();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked[0], QStringList{QDir::toNativeSeparators(model)});
        QVERIFY(!window.runController().isRunning());
        QVERIFY2(window.logText().contains("Run cancelled"), qPrintable(window.logText()));
        QCOMPARE(readAll(model), QByteArray("precious"));

        // Allowed: the run replaces it and the log says where each output went.
        answer = true;
        window.runPipeline();
        QCOMPARE(asked.size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kHangGuardMs);
        QVERIFY(readAll(model).size() > 1000);
        const QString log = window.logText();
        QVERIFY2(log.contains("wrote " + QDir::toNativeSeparators(model)), qPrintable(log));
        QVERIFY2(log.contains("wrote " + QDir::toNativeSeparators(card)), qPrintable(log));

        // Its own outputs, and what the user allowed, are not asked about again.
        window.runPipeline();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kHangGuardMs);
        QCOMPARE(asked.size(), 2);
    }
};

QTEST_MAIN(OutputWarningTest)
#include "tst_outputwarning.moc"
