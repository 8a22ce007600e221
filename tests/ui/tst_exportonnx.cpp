// Exporting from the GUI: the node context menu offers "Export model to ONNX…" on nodes that
// train a model (enabled once trained), File → Export asks where and writes the file and its
// card (with the test metrics the run measured); an untrained model is explained, not exported.
#include "AppFixture.h"
#include "PopupHelpers.h"
#include "MainWindow.h"
#include "canvas/PipelineScene.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <functional>

using namespace oficina;

class ExportOnnxTest : public QObject {
    Q_OBJECT

    core::NodeRegistry m_registry;
    const QString m_share = installedShare();

private Q_SLOTS:
    void initTestCase() {
        setUpAppForTest(m_registry);
    }

    void exportsFromTheContextMenuAndTheFileMenu() {
        QTemporaryDir dir;
        ui::MainWindow window(m_registry, m_share, nullptr, dir.filePath("recovery"));
        window.show();
        QVERIFY(window.openPipeline(m_share + "/examples/iris_classification.oficina"));
        const QString file = dir.filePath("iris.onnx");

        // Not trained yet: said so, nothing written.
        QString said;
        onNextPopup([&](QWidget* w) {
            said = qobject_cast<QMessageBox*>(w)->text();
            w->close();
        });
        QVERIFY(!window.exportModel("logreg", file));
        QVERIFY2(said.contains("run the pipeline first"), qPrintable(said));
        QVERIFY(!QFile::exists(file));

        // The context menu offers the export on the model node, disabled until it has trained.
        const auto menuEntry = [&](const QString& node) {
            QAction* found = nullptr;
            bool seen = false;
            onNextPopup([&](QWidget* w) {
                for (QAction* a : qobject_cast<QMenu*>(w)->actions())
                    if (a->text().contains("ONNX")) found = a, seen = a->isEnabled();
                w->close();
            });
            Q_EMIT window.scene().contextMenuRequested(node, {}, QPoint(100, 100));
            return found ? std::optional<bool>(seen) : std::nullopt;
        };
        QCOMPARE(menuEntry("logreg"), std::optional<bool>(false));
        QCOMPARE(menuEntry("score"), std::nullopt); // no model output

        QSignalSpy finished(&window, &ui::MainWindow::runFinished);
        window.runPipeline();
        QVERIFY(finished.wait(30000) || finished.count() == 1);
        QCOMPARE(menuEntry("logreg"), std::optional<bool>(true));

        // File → Export with the model node selected asks where, then writes file and card.
        window.scene().selectItems({"logreg"});
        onNextPopup([&](QWidget* w) {
            auto* dialog = qobject_cast<QFileDialog*>(w);
            QVERIFY(dialog);
            dialog->selectFile(file);
            QMetaObject::invokeMethod(dialog, "accept");
        });
        window.action("exportOnnxAction")->trigger();
        QVERIFY(QFile::exists(file));
        // The card, named after the model, has what the run measured on the test rows.
        QFile card(dir.filePath("iris.md"));
        QVERIFY(card.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(card.readAll());
        QVERIFY2(text.contains("### On test rows — Score (score)") && text.contains("| accuracy |") &&
                     text.contains("pipeline SHA-256"),
                 qPrintable(text));
        QVERIFY2(window.logText().contains("Exported Logistic regression (logreg) to " +
                                           QDir::toNativeSeparators(file)),
                 qPrintable(window.logText()));
        QFile onnx(file);
        QVERIFY(onnx.open(QIODevice::ReadOnly));
        QVERIFY(onnx.readAll().contains("iris_classification.oficina"));
    }
};

QTEST_MAIN(ExportOnnxTest)
#include "tst_exportonnx.moc"
