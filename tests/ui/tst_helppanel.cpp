// Node help: the help panel shows a node type's texts (what it does, when to use it, each
// parameter, its concepts as links), a concept link shows the concept's paragraph and the nodes
// that embody it, the palette tooltip carries the when-to-use line, and in the main window the
// panel follows the selected node and the palette, and F1 brings it forward.
// With OFICINA_SCREENSHOT_DIR set, saves help-panel.png and help-panel-pt_BR.png there.
#include "AppFixture.h"
#include "MainWindow.h"
#include "Translate.h"
#include "canvas/NodePalette.h"
#include "canvas/PipelineScene.h"
#include "document/Document.h"
#include "nodes/Concepts.h"
#include "nodes/Nodes.h"
#include "panels/HelpPanel.h"
#include "pipeline/NodeRegistry.h"

#include <QAction>
#include <QDockWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTranslator>
#include <QTreeWidget>
#include <QtTest>

using namespace oficina;

namespace {
constexpr const char* kKMeans = "oficina.cluster.kmeans";

QTreeWidgetItem* paletteItem(ui::NodePalette& palette, const QString& title) {
    const auto items = palette.tree()->findItems(title, Qt::MatchExactly | Qt::MatchRecursive);
    return items.isEmpty() ? nullptr : items.first();
}
} // namespace

class HelpPanelTest : public QObject {
    Q_OBJECT

    core::NodeRegistry m_registry;
    const QString m_share = installedShare();

    void screenshot(const QString& language) {
        const QString dir = qEnvironmentVariable("OFICINA_SCREENSHOT_DIR");
        if (dir.isEmpty()) return;
        QTemporaryDir recovery;
        ui::MainWindow window(m_registry, m_share, nullptr, recovery.filePath("recovery"));
        window.resize(1600, 1000);
        window.show();
        QVERIFY(window.openPipeline(m_share + "/examples/iris_clustering.oficina"));
        window.scene().selectItems({"kmeans"});
        window.action("nodeHelpAction")->trigger();
        QTest::qWait(200);
        const QString suffix = language.isEmpty() ? QString() : "-" + language;
        QVERIFY(window.grab().save(dir + "/help-panel" + suffix + ".png"));
        window.helpPanel().showConcept("clustering");
        QVERIFY(window.grab().save(dir + "/help-concept" + suffix + ".png"));
    }

private Q_SLOTS:
    void initTestCase() {
        setUpAppForTest(m_registry);
    }

    void showsANodesTexts() {
        ui::HelpPanel panel(m_registry);
        QVERIFY(panel.plainText().contains("Concepts")); // the overview lists them
        panel.showNodeType(kKMeans);
        QCOMPARE(panel.nodeType(), QString(kKMeans));
        const core::NodeSpec& spec = *m_registry.find(kKMeans);
        const QString text = panel.plainText();
        QVERIFY(text.contains(ui::trCore(spec.title)));
        QVERIFY(text.contains(ui::trCore(spec.help)));
        QVERIFY(text.contains(ui::trCore(spec.whenToUse)));
        for (const core::Parameter& p : spec.params)
            QVERIFY2(text.contains(ui::trCore(p.label) + ": " + ui::trCore(p.help)), p.key.c_str());
        QVERIFY(text.contains("(table)"));
        const QString html = panel.browser()->toHtml();
        for (const std::string& id : spec.concepts)
            QVERIFY2(html.contains(QString("concept:%1").arg(QString::fromStdString(id))),
                     id.c_str());
        panel.showNodeType("oficina.no.such.node");
        QVERIFY(panel.nodeType().isEmpty());
    }

    void conceptLinkShowsTheParagraph() {
        ui::HelpPanel panel(m_registry);
        panel.showNodeType(kKMeans);
        Q_EMIT panel.browser()->anchorClicked(QUrl("concept:clustering"));
        QCOMPARE(panel.conceptId(), QString("clustering"));
        const QString text = panel.plainText();
        QVERIFY(text.contains(ui::trCore(core::findConcept("clustering")->text)));
        QVERIFY(text.contains("DBSCAN")); // the nodes that embody it
        QVERIFY(!text.contains("Logistic regression"));
        QVERIFY(text.contains("Back to K-Means"));
        Q_EMIT panel.browser()->anchorClicked(QUrl(QString("node:") + kKMeans));
        QCOMPARE(panel.nodeType(), QString(kKMeans));
        QVERIFY(panel.conceptId().isEmpty());
    }

    void paletteTooltipSaysWhenToUse() {
        ui::NodePalette palette(m_registry);
        const core::NodeSpec& spec = *m_registry.find(kKMeans);
        QTreeWidgetItem* item = paletteItem(palette, ui::trCore(spec.title));
        QVERIFY(item);
        const QString tip = item->toolTip(0);
        QVERIFY(tip.contains(ui::trCore(spec.whenToUse).toHtmlEscaped()));
        QVERIFY(tip.contains("When to use it:"));
        QSignalSpy highlighted(&palette, &ui::NodePalette::nodeTypeHighlighted);
        palette.tree()->setCurrentItem(item);
        QCOMPARE(highlighted.count(), 1);
        QCOMPARE(highlighted.first().first().toString(), QString(kKMeans));
    }

    void mainWindowFollowsSelectionAndF1() {
        QTemporaryDir recovery;
        ui::MainWindow window(m_registry, m_share, nullptr, recovery.filePath("recovery"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* dock = window.findChild<QDockWidget*>("helpDock");
        QVERIFY(dock);
        QAction* f1 = window.action("nodeHelpAction");
        QVERIFY(f1);
        QCOMPARE(f1->shortcut(), QKeySequence(QKeySequence::HelpContents));
        QVERIFY(window.action("preferencesAction"));

        const QString id = window.document().addNode("oficina.model.predict", {0, 0});
        window.scene().selectItems({id});
        QCOMPARE(window.helpPanel().nodeType(), QString("oficina.model.predict"));
        QVERIFY(window.helpPanel().plainText().contains(
            ui::trCore(m_registry.find("oficina.model.predict")->whenToUse)));

        // The palette's highlighted entry takes over; F1 goes back to the selected node.
        QTreeWidgetItem* item = paletteItem(window.palette(), "K-Means");
        QVERIFY(item);
        window.palette().tree()->setCurrentItem(item);
        QCOMPARE(window.helpPanel().nodeType(), QString(kKMeans));
        dock->hide();
        f1->trigger();
        QVERIFY(dock->isVisible());
        QCOMPARE(window.helpPanel().nodeType(), QString("oficina.model.predict"));
    }

    void screenshots() {
        screenshot({});
        if (qEnvironmentVariable("OFICINA_SCREENSHOT_DIR").isEmpty()) return;
        // Screenshots only: the .qm the app embeds, built by `ninja oficina` beside the binaries.
        const QString qm = QStringLiteral(OFICINA_BIN_DIR "/../translations/oficina_pt_BR.qm");
        QTranslator portuguese;
        QVERIFY2(portuguese.load(qm), qPrintable(qm));
        QCoreApplication::installTranslator(&portuguese);
        QLocale::setDefault(QLocale(QLocale::Portuguese, QLocale::Brazil));
        screenshot("pt_BR");
        QLocale::setDefault(QLocale::c());
        QCoreApplication::removeTranslator(&portuguese);
    }
};

QTEST_MAIN(HelpPanelTest)
#include "tst_helppanel.moc"
