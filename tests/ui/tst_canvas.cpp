// The canvas through real mouse events on the view: palette drops, port drags (compatible ports
// light up, incompatible ones refuse with the reason), moves snapped to the grid, rubber-band
// selection, delete, zoom; file drops create loaders; the scene follows undo.
#include "AppFixture.h"
#include "canvas/CommentItem.h"
#include "canvas/LinkItem.h"
#include "canvas/NodeItem.h"
#include "canvas/NodePalette.h"
#include "canvas/PipelineScene.h"
#include "canvas/PipelineView.h"
#include "canvas/PortItem.h"
#include "document/Document.h"
#include "eval/Metrics.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"

#include <QDropEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QUrl>
#include <QtTest>

using namespace oficina;

namespace {

/// A document, its scene and a shown view, at 100 % with the scene origin at a known place.
struct Canvas {
    explicit Canvas(const core::NodeRegistry& registry)
        : document(registry), scene(document), view(&scene) {
        view.resize(1000, 700);
        view.show();
        view.centerOn(400, 200);
    }
    QPoint at(QPointF scenePos) const { return view.mapFromScene(scenePos); }
    QPoint portPoint(const QString& node, const std::string& port, bool output) const {
        return at(scene.portItem(node, port, output)->scenePos());
    }
    void drag(QPoint from, QPoint to) {
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, from);
        // Several moves, as a hand would make, so the scene sees a drag.
        for (int i = 1; i <= 5; ++i)
            QTest::mouseMove(view.viewport(), from + (to - from) * i / 5);
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, to);
    }

    ui::Document document;
    ui::PipelineScene scene;
    ui::PipelineView view;
};

} // namespace

class CanvasTest : public QObject {
    Q_OBJECT

    core::NodeRegistry m_registry;
    const QString m_share = installedShare();

private Q_SLOTS:
    void initTestCase() {
        setUpAppForTest(m_registry);
    }

    void paletteGroupsAndFilters() {
        ui::NodePalette palette(m_registry);
        QTreeWidget* tree = palette.tree();
        QVERIFY(tree->topLevelItemCount() >= 3);
        QCOMPARE(tree->topLevelItem(0)->text(0), QString("Data"));
        const int all = palette.visibleCount();
        QCOMPARE(all, int(m_registry.all().size()));
        palette.searchField()->setText("logistic");
        QCOMPARE(palette.visibleCount(), 1);
        palette.searchField()->setText("oficina.data.");  // type ids match too
        QVERIFY(palette.visibleCount() >= 4);
        palette.searchField()->setText("zzz-nothing");
        QCOMPARE(palette.visibleCount(), 0);

        // Nodes named like the text come first, before those whose description mentions it,
        // whatever their category.
        for (const QString needle : {"score", "tree", "split", "network", "scale"}) {
            palette.searchField()->setText(needle);
            QStringList shown;
            for (int g = 0; g < tree->topLevelItemCount(); ++g)
                for (int i = 0; i < tree->topLevelItem(g)->childCount(); ++i)
                    if (!tree->topLevelItem(g)->child(i)->isHidden())
                        shown << tree->topLevelItem(g)->child(i)->text(0);
            QVERIFY2(!shown.isEmpty(), qPrintable(needle));
            const auto named = [&](const QString& title) {
                return title.contains(needle, Qt::CaseInsensitive);
            };
            const auto firstUnnamed = std::find_if_not(shown.begin(), shown.end(), named);
            QVERIFY2(std::none_of(firstUnnamed, shown.end(), named), qPrintable(shown.join(", ")));
            QVERIFY2(named(shown.front()), qPrintable(shown.join(", ")));
        }
        palette.searchField()->clear();
        QCOMPARE(tree->topLevelItem(0)->text(0), QString("Data"));  // the categories' order again

        // At its preferred width no entry is cut short with "…".
        palette.resize(palette.sizeHint().width(), 600);
        palette.show();
        QVERIFY(QTest::qWaitForWindowExposed(&palette));
        const QFontMetrics fm(tree->font());
        const int room = tree->viewport()->width();
        for (int g = 0; g < tree->topLevelItemCount(); ++g)
            for (int i = 0; i < tree->topLevelItem(g)->childCount(); ++i) {
                QTreeWidgetItem* item = tree->topLevelItem(g)->child(i);
                const int right =
                    tree->visualItemRect(item).left() + fm.horizontalAdvance(item->text(0));
                QVERIFY2(right < room, qPrintable(item->text(0)));
            }
        palette.searchField()->clear();
        QCOMPARE(palette.visibleCount(), all);
    }

    /// A port's tooltip says what it carries and what may connect, not only its label.
    void portToolTipsExplain() {
        Canvas canvas(m_registry);
        const QString sample = canvas.document.addNode("oficina.data.sample", {0, 0});
        const QString predict = canvas.document.addNode("oficina.model.predict", {300, 0});
        const QString out = canvas.scene.portItem(sample, "data", true)->toolTip();
        QVERIFY2(out.contains("Rows and columns") && out.contains("several nodes"),
                 qPrintable(out));
        const QString in = canvas.scene.portItem(predict, "model", false)->toolTip();
        QVERIFY2(in.contains("trained model") && in.contains("model output"), qPrintable(in));
    }

    /// Let go at the view's bottom-right corner, a card still shows whole, ports included.
    void dropNearAnEdgeKeepsTheCardInView() {
        Canvas canvas(m_registry);
        QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
        const QRectF visible =
            canvas.view.mapToScene(canvas.view.viewport()->rect()).boundingRect();
        std::unique_ptr<QMimeData> mime(ui::NodePalette::mimeDataFor("oficina.eval.score"));
        const QPoint corner = canvas.view.viewport()->rect().bottomRight() - QPoint(3, 3);
        // What a drag from the palette delivers: enter, move, drop.
        QDragEnterEvent enter(corner, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(canvas.view.viewport(), &enter);
        QDragMoveEvent move(corner, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(canvas.view.viewport(), &move);
        QDropEvent drop(corner, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(canvas.view.viewport(), &drop);
        QCOMPARE(canvas.document.graph().nodes().size(), size_t(1));
        const QString id = QString::fromStdString(canvas.document.graph().nodes().front().id);
        QVERIFY(visible.contains(canvas.scene.nodeItem(id)->sceneBoundingRect()));
    }

    void dropFromPaletteAndConnectByDragging() {
        Canvas canvas(m_registry);
        // The palette's own drag payload, dropped where the user let go.
        std::unique_ptr<QMimeData> mime(ui::NodePalette::mimeDataFor("oficina.data.sample"));
        QVERIFY(canvas.scene.canDrop(mime.get()));
        QCOMPARE(canvas.scene.drop(mime.get(), {100, 100}), QStringList{"sample"});
        mime.reset(ui::NodePalette::mimeDataFor("oficina.scale.standard"));
        QCOMPARE(canvas.scene.drop(mime.get(), {500, 100}), QStringList{"standard"});
        mime.reset(ui::NodePalette::mimeDataFor("oficina.model.predict"));
        canvas.scene.drop(mime.get(), {500, 300});
        const core::Node* sample = canvas.document.graph().node("sample");
        QCOMPARE(sample->position, (core::Position{0, 80}));  // centred under the cursor, snapped
        QVERIFY(canvas.scene.nodeItem("sample"));

        // While dragging from the sample's output, the table input lights up; the model input
        // does not, and says why.
        const QPoint from = canvas.portPoint("sample", "data", true);
        QTest::mousePress(canvas.view.viewport(), Qt::LeftButton, {}, from);
        QTest::mouseMove(canvas.view.viewport(), from + QPoint(40, 10));
        QCOMPARE(canvas.scene.portItem("standard", "data", false)->highlight(),
                 ui::PortItem::Highlight::Compatible);
        const ui::PortItem* modelPort = canvas.scene.portItem("predict", "model", false);
        QCOMPARE(modelPort->highlight(), ui::PortItem::Highlight::Incompatible);
        QVERIFY2(modelPort->toolTip().contains("a table output cannot feed a model input"),
                 qPrintable(modelPort->toolTip()));
        const QPoint to = canvas.portPoint("standard", "data", false);
        QTest::mouseMove(canvas.view.viewport(), to);
        QTest::mouseRelease(canvas.view.viewport(), Qt::LeftButton, {}, to);
        QCOMPARE(canvas.document.graph().links().size(), size_t(1));
        QCOMPARE(canvas.document.graph().links()[0].to.text(), std::string("standard.data"));
        QVERIFY(canvas.scene.linkItem(canvas.document.graph().links()[0]));
        QCOMPARE(modelPort->highlight(), ui::PortItem::Highlight::None);

        // An incompatible drop changes nothing and says why.
        QSignalSpy status(&canvas.scene, &ui::PipelineScene::statusMessage);
        canvas.drag(canvas.portPoint("standard", "data", true),
                    canvas.portPoint("predict", "model", false));
        QCOMPARE(canvas.document.graph().links().size(), size_t(1));
        QCOMPARE(status.count(), 1);
        QVERIFY2(status.at(0).at(0).toString().contains("cannot feed a model input"),
                 qPrintable(status.at(0).at(0).toString()));
        // Dragging from an input to an output works too; a second link into a fed input fails.
        canvas.drag(canvas.portPoint("predict", "data", false),
                    canvas.portPoint("standard", "data", true));
        QCOMPARE(canvas.document.graph().links().size(), size_t(2));
        canvas.drag(canvas.portPoint("sample", "data", true),
                    canvas.portPoint("predict", "data", false));
        QVERIFY(status.last().at(0).toString().contains("already connected"));
    }

    void moveSnapsAndUndoes() {
        Canvas canvas(m_registry);
        const QString id = canvas.document.addNode("oficina.data.split", {100, 100});
        ui::NodeItem* item = canvas.scene.nodeItem(id);
        const QPoint grab = canvas.at(item->scenePos() + QPointF(100, 25));  // the title bar
        canvas.drag(grab, grab + QPoint(133, 47));
        QCOMPARE(canvas.document.graph().node(id.toStdString())->position,
                 (core::Position{240, 140}));  // 233, 147 snapped to the 20 px grid
        QCOMPARE(item->pos(), QPointF(240, 140));
        QCOMPARE(canvas.document.undoStack()->undoText(), QString("Move Train/test split"));
        canvas.document.undoStack()->undo();
        QCOMPARE(item->pos(), QPointF(100, 100));
        canvas.scene.setSnapToGrid(false);
        canvas.drag(grab, grab + QPoint(13, 7));
        QCOMPARE(canvas.document.graph().node(id.toStdString())->position,
                 (core::Position{113, 107}));
    }

    void rubberBandSelectDeleteAndUndo() {
        Canvas canvas(m_registry);
        canvas.document.load(m_share + "/examples/iris_classification.oficina");
        const QString original = canvas.document.serialized();
        QCOMPARE(canvas.scene.items().size() > 7, true);
        // A band around the first three cards (x 0…390, y 0…120).
        canvas.drag(canvas.at({-30, -30}), canvas.at({600, 140}));
        QCOMPARE(canvas.scene.selectedIds(), (QStringList{"iris", "select", "split"}));
        QTest::keyClick(canvas.view.viewport(), Qt::Key_Delete);  // not bound in a bare view
        canvas.scene.deleteSelection();
        QCOMPARE(canvas.document.graph().nodes().size(), size_t(4));
        QVERIFY(!canvas.scene.nodeItem("split"));
        canvas.document.undoStack()->undo();
        QCOMPARE(canvas.document.serialized(), original);
        QVERIFY(canvas.scene.nodeItem("split"));
        QVERIFY(canvas.scene.linkItem({{"split", "train"}, {"scale", "data"}}));

        // A selected link alone is disconnected.
        canvas.scene.clearSelection();
        canvas.scene.linkItem({{"predict", "predictions"}, {"score", "predictions"}})->setSelected(true);
        canvas.scene.deleteSelection();
        QCOMPARE(canvas.document.graph().links().size(), size_t(6));
        QCOMPARE(canvas.document.undoStack()->undoText(), QString("Disconnect Predict from Score"));
    }

    void dropDataFiles() {
        Canvas canvas(m_registry);
        QTemporaryDir dir;
        QFile::copy(m_share + "/datasets/iris.csv", dir.filePath("flowers.csv"));
        QFile(dir.filePath("notes.pdf")).open(QIODevice::WriteOnly);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(dir.filePath("notes.pdf"))});
        QVERIFY(!canvas.scene.canDrop(&mime));
        mime.setUrls({QUrl::fromLocalFile(dir.filePath("flowers.csv")),
                      QUrl::fromLocalFile(dir.filePath("notes.pdf")),
                      QUrl::fromLocalFile(QStringLiteral(OFICINA_TEST_DATA "/arff/iris.arff"))});
        QVERIFY(canvas.scene.canDrop(&mime));
        const QStringList ids = canvas.scene.drop(&mime, {300, 300});
        QCOMPARE(ids, (QStringList{"load_file", "load_file_2"}));
        const core::Node* csv = canvas.document.graph().node("load_file");
        QCOMPARE(csv->type, std::string("oficina.data.load_file"));
        QCOMPARE(csv->params.text("file"), dir.filePath("flowers.csv").toStdString());
        QCOMPARE(csv->title, std::string("flowers.csv"));
        QCOMPARE(canvas.scene.selectedIds(), ids);
        QCOMPARE(canvas.scene.nodeItem("load_file_2")->title(), QString("iris.arff"));

        // Through the view's drag-and-drop events, as from a file manager.
        QMimeData one;
        one.setUrls({QUrl::fromLocalFile(dir.filePath("flowers.csv"))});
        const QPoint pos = canvas.at({700, 100});
        QDragEnterEvent enter(pos, Qt::CopyAction, &one, Qt::LeftButton, {});
        QApplication::sendEvent(canvas.view.viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(pos, Qt::CopyAction, &one, Qt::LeftButton, {});
        QApplication::sendEvent(canvas.view.viewport(), &move);
        QDropEvent dropped(pos, Qt::CopyAction, &one, Qt::LeftButton, {});
        QApplication::sendEvent(canvas.view.viewport(), &dropped);
        QVERIFY(canvas.document.graph().node("load_file_3"));
    }

    void commentsFollowTheDocument() {
        Canvas canvas(m_registry);
        const QString id = canvas.document.addComment({0, 0}, "First the data");
        ui::CommentItem* item = canvas.scene.commentItem(id);
        QVERIFY(item);
        QCOMPARE(item->text(), QString("First the data"));
        canvas.document.setCommentText(id, "Then the model");
        QCOMPARE(item->text(), QString("Then the model"));
        Q_EMIT item->textEdited(id, "Edited on the canvas");
        QCOMPARE(canvas.document.graph().comment("comment")->text,
                 std::string("Edited on the canvas"));
        canvas.document.undoStack()->undo();
        QCOMPARE(item->text(), QString("First the data"));
        canvas.document.undoStack()->undo();
        QVERIFY(!canvas.scene.commentItem(id));
    }

    void zoomAndFit() {
        Canvas canvas(m_registry);
        canvas.document.load(m_share + "/examples/iris_classification.oficina");
        QWheelEvent wheel(QPointF(500, 350), canvas.view.viewport()->mapToGlobal(QPointF(500, 350)),
                          {}, QPoint(0, 240), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase,
                          false);
        QApplication::sendEvent(canvas.view.viewport(), &wheel);
        QVERIFY(qAbs(canvas.view.zoom() - 1.15 * 1.15) < 1e-9);
        for (int i = 0; i < 40; ++i) canvas.view.zoomIn();
        QCOMPARE(canvas.view.zoom(), ui::PipelineView::kMaxZoom);
        canvas.view.fitToView();
        QVERIFY(canvas.view.zoom() <= 1.0);
        const QRectF visible = canvas.view.mapToScene(canvas.view.viewport()->rect()).boundingRect();
        QVERIFY(visible.contains(canvas.scene.nodeItem("iris")->sceneBoundingRect()));
        QVERIFY(visible.contains(canvas.scene.nodeItem("score")->sceneBoundingRect()));
    }

    void fitNeverShrinksCardsBelowReadable() {
        Canvas canvas(m_registry);
        // Twelve cards in a row: 2,880 px, far wider than the view.
        for (int i = 0; i < 12; ++i)
            canvas.document.addNode("oficina.scale.standard", {i * 240.0, i == 11 ? 400.0 : 0.0});
        canvas.view.resize(700, 400);
        QTRY_COMPARE(canvas.view.viewport()->width() < 700, true);
        QSignalSpy zoomed(&canvas.view, &ui::PipelineView::zoomChanged);
        canvas.view.fitToView();
        QCOMPARE(canvas.view.zoom(), ui::PipelineView::kMinFitZoom);
        QCOMPARE(zoomed.last().at(0).toReal(), ui::PipelineView::kMinFitZoom);
        // Shown from its start: the first card whole, near the top left; the rest a scroll away.
        const auto visible = [&] {
            return canvas.view.mapToScene(canvas.view.viewport()->rect()).boundingRect();
        };
        const QRectF first = canvas.scene.nodeItem("standard")->sceneBoundingRect();
        QVERIFY(visible().contains(first));
        QVERIFY(first.left() - visible().left() < 60);
        QVERIFY(first.top() - visible().top() < 60);
        QVERIFY(!visible().intersects(canvas.scene.nodeItem("standard_12")->sceneBoundingRect()));

        // The fit follows the view's size (docks settle after a file opens)…
        canvas.view.resize(3400, 900);
        QTRY_COMPARE(canvas.view.zoom(), 1.0);
        QVERIFY(visible().contains(canvas.scene.nodeItem("standard_12")->sceneBoundingRect()));
        // …until the user picks a zoom of their own.
        canvas.view.zoomOut();
        const qreal chosen = canvas.view.zoom();
        canvas.view.resize(700, 400);
        QTRY_COMPARE(canvas.view.viewport()->width() < 700, true);
        QCOMPARE(canvas.view.zoom(), chosen);
    }

    void backwardLinksStayBetweenTheCards() {
        // A pipeline wrapped onto a second row links right to left: the link runs along the gap
        // between the rows instead of looping around (or behind) the cards.
        const QPainterPath path = ui::LinkItem::curve({680, 60}, {0, 260});
        const QRectF back = path.boundingRect();
        QVERIFY2(back.right() < 680 + 50 && back.left() > -50,
                 qPrintable(QString("%1 … %2").arg(back.left()).arg(back.right())));
        QCOMPARE(qRound(path.pointAtPercent(0.5).y()), 160);  // crosses halfway between rows
        const QRectF forward = ui::LinkItem::curve({200, 60}, {240, 60}).boundingRect();
        QVERIFY(forward.left() >= 200 && forward.right() <= 240);
    }

    void cardsShowStatusAndSummary() {
        Canvas canvas(m_registry);
        const QString id = canvas.document.addNode("oficina.eval.score", {0, 0});
        ui::NodeItem* item = canvas.scene.nodeItem(id);
        QCOMPARE(item->badgeText(), QString());
        canvas.scene.setNodeProgress(id, 0.42);
        QCOMPARE(item->badgeText(), QString("running 42%"));
        core::Metrics metrics;
        metrics.task = "classification";
        metrics.scalars = {{"accuracy", 0.9534}};
        core::NodeResult done;
        done.state = core::NodeState::Done;
        done.outputs["metrics"] = core::metricsValue(metrics);
        canvas.scene.setNodeResult(id, done);
        QCOMPARE(item->badgeText(), QString("done"));
        QCOMPARE(item->summary(), QString("accuracy 0.953"));
        canvas.scene.markStale({id});
        QCOMPARE(item->badgeText(), QString("stale"));
        core::NodeResult failed;
        failed.state = core::NodeState::Failed;
        failed.error = core::Message("column '%1' has missing values", {"age"});
        canvas.scene.setNodeResult(id, failed);
        QCOMPARE(item->badgeText(), QString("failed"));
        QVERIFY(item->toolTip().contains("column 'age' has missing values"));

        core::Metrics clusters;
        clusters.task = "clustering";
        clusters.scalars = {{"n_clusters", 3}, {"noise", 0}, {"silhouette", 0.5512}};
        done.outputs["metrics"] = core::metricsValue(clusters);
        QCOMPARE(ui::resultSummary(done), QString("k = 3, silhouette 0.55"));
    }
};

QTEST_MAIN(CanvasTest)
#include "tst_canvas.moc"
