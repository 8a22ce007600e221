// The Gate node in the editor (issue 16): after a real run its output shows the rules as a
// table, each row green or red with the value, the baseline, the bound and why, the verdict
// first; its card says how many rules passed, in green or red. Pictures of both go to
// $OFICINA_SHOTS when set, to be looked at.
#include "../core/GraphBuilder.h"
#include "AppFixture.h"
#include "Screenshots.h"
#include "Translate.h"
#include "canvas/NodeItem.h"
#include "canvas/PipelineScene.h"
#include "canvas/PipelineView.h"
#include "document/Document.h"
#include "eval/Metrics.h"
#include "panels/NodeOutputsView.h"
#include "pipeline/NodeRegistry.h"

#include <QPainter>
#include <QTabWidget>
#include <QTableWidget>
#include <QtTest>

using namespace oficina;

namespace {

/// Iris scored, then gated: rule 0 passes, 1 fails on its value, 2 names a node that is not
/// wired in, 3 needs a baseline that was not given.
core::Graph gatedIris() {
    Builder b = trainPredictScore("oficina.model.logistic_regression");
    b.node("gate", "oficina.monitor.gate",
           {{"rules", std::string("score.accuracy >= 0.5\nscore.accuracy > 1\n"
                                  "cv.accuracy_mean >= 0.9\nscore.f1_macro >= baseline+0.01")}})
        .link("score.metrics", "gate.metrics");
    return b.graph;
}

const QColor kPassedBackground(0xe3, 0xf4, 0xe7);
const QColor kFailedBackground(0xfb, 0xe3, 0xe3);

} // namespace

class GateViewTest : public QObject {
    Q_OBJECT

    core::NodeRegistry m_registry;
    core::RunResult m_run;

    [[nodiscard]] const core::NodeResult& gate() const { return m_run.nodes.at("gate"); }

    /// The result of a Gate with `passed` of `total` rules passed.
    static core::NodeResult gateResult(int passed, int total) {
        core::Metrics metrics;
        metrics.scalars = {{"gates_passed", passed},
                           {"gates_failed", total - passed},
                           {"passed", passed == total ? 1 : 0}};
        core::NodeResult done;
        done.state = core::NodeState::Done;
        done.outputs["metrics"] = core::metricsValue(metrics);
        return done;
    }

private Q_SLOTS:
    void initTestCase() {
        setUpAppForTest(m_registry);
        m_run = runGraph(m_registry, gatedIris());
        QCOMPARE(gate().state, core::NodeState::Done);
    }

    void rulesAreGreenOrRed() {
        ui::NodeOutputsView view;
        view.showNode("Gate", gate(), m_registry.find("oficina.monitor.gate"));
        QCOMPARE(view.tabs()->tabText(0), QString("Gates"));
        auto* table = qobject_cast<QTableWidget*>(view.tabs()->widget(0));
        QVERIFY(table);
        QCOMPARE(table->objectName(), QString("gates"));
        QCOMPARE(table->rowCount(), 4);
        QStringList headers;
        for (int c = 0; c < table->columnCount(); ++c)
            headers << table->horizontalHeaderItem(c)->text();
        QCOMPARE(headers, (QStringList{"Rule", "Value", "Baseline", "Bound", "Result", "Why"}));

        const double accuracy =
            *output<core::Metrics>(m_run, "score", "metrics").scalar("accuracy");
        QCOMPARE(table->item(0, 0)->text(), QString("score.accuracy >= 0.5"));
        QCOMPARE(table->item(0, 1)->text(), ui::formatCell(accuracy));
        QCOMPARE(table->item(0, 2)->text(), QString("—"));
        QCOMPARE(table->item(0, 3)->text(), QString("0.5"));
        QCOMPARE(table->item(0, 4)->text(), QString("✓ passed"));
        QCOMPARE(table->item(0, 5)->text(), QString());
        QCOMPARE(table->item(1, 3)->text(), QString("1"));
        QCOMPARE(table->item(1, 4)->text(), QString("✗ failed"));
        QCOMPARE(table->item(2, 1)->text(), QString("—"));
        QCOMPARE(table->item(2, 5)->text(),
                 QString("node cv is not connected to this gate: connect its metrics to one of "
                         "the gate's inputs"));
        QCOMPARE(table->item(3, 5)->text(),
                 QString("the rule needs a baseline, and none was given"));
        for (int c = 0; c < table->columnCount(); ++c) {
            QCOMPARE(table->item(0, c)->background().color(), kPassedBackground);
            for (int r = 1; r < 4; ++r)
                QCOMPARE(table->item(r, c)->background().color(), kFailedBackground);
        }
        // The counts follow, under the translated names the catalog gives them.
        QCOMPARE(view.tabs()->tabText(1), QString("Scores"));
        auto* scores = qobject_cast<QTableWidget*>(view.tabs()->widget(1));
        QVERIFY(scores);
        QCOMPARE(scores->item(0, 0)->text(), QString("Gates passed"));
        QCOMPARE(scores->item(0, 1)->text(), QString("1"));
        QCOMPARE(view.tabs()->count(), 2);
    }

    void cardSaysHowManyPassed() {
        ui::Document document(m_registry);
        ui::PipelineScene scene(document);
        const QString id = document.addNode("oficina.monitor.gate", {0, 0});
        ui::NodeItem* item = scene.nodeItem(id);
        scene.setNodeResult(id, gate());
        QCOMPARE(item->summary(), QString("1 of 4 gates passed"));
        QCOMPARE(item->summaryColor(), QColor(0xb0, 0x24, 0x24));
        scene.setNodeResult(id, gateResult(3, 3));
        QCOMPARE(item->summary(), QString("3 of 3 gates passed"));
        QCOMPARE(item->summaryColor(), QColor(0x1f, 0x6f, 0x3a));
        scene.setNodeResult(id, gateResult(0, 2));
        QCOMPARE(item->summaryColor(), QColor(0xb0, 0x24, 0x24));
        scene.markStale({id});
        QCOMPARE(item->summaryColor(), QColor(0x90, 0x90, 0x90));
        // Other nodes' summaries stay green.
        QVERIFY(!ui::resultSummaryFails(m_run.nodes.at("score")));
        QVERIFY(ui::resultSummaryFails(gate()));
    }

    void screenshots() {
        const QString shots = shotsFolder();
        if (shots.isEmpty()) QSKIP("set OFICINA_SHOTS to a folder for the pictures");
        inEachLanguage([&](const QString& language) {
            ui::NodeOutputsView view;
            view.resize(900, 260);
            view.showNode(ui::trCore("Gate"), gate(), m_registry.find("oficina.monitor.gate"));
            view.show();
            QTest::qWait(50);
            QVERIFY(view.grab().save(shots + "/gate_output_" + language + ".png"));

            ui::Document document(m_registry);
            ui::PipelineScene scene(document);
            const QString failing = document.addNode("oficina.monitor.gate", {0, 0});
            const QString passing = document.addNode("oficina.monitor.gate", {240, 0});
            scene.setNodeResult(failing, gate());
            scene.setNodeResult(passing, gateResult(3, 3));
            const QRectF area = scene.itemsBoundingRect().adjusted(-10, -10, 10, 10);
            QImage image((area.size() * 2).toSize(), QImage::Format_ARGB32);
            image.fill(Qt::white);
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            scene.render(&painter, QRectF(QPointF(), area.size() * 2), area);
            painter.end();
            QVERIFY(image.save(shots + "/gate_cards_" + language + ".png"));
        });
    }
};

QTEST_MAIN(GateViewTest)
#include "tst_gateview.moc"
