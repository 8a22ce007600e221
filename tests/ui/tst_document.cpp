// The Document: every edit is one named undo step; undo restores the serialised graph exactly
// (order included) and redo brings back the same graph; parameter edits merge Tiled-style.
#include "AppFixture.h"
#include "document/Document.h"
#include "nodes/Nodes.h"
#include "pipeline/Executor.h"
#include "pipeline/NodeRegistry.h"
#include "util/Error.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace oficina;

class DocumentTest : public QObject {
    Q_OBJECT

    core::NodeRegistry m_registry;
    const QString m_share = installedShare();
    const QString m_example = m_share + "/examples/iris_classification.oficina";

private Q_SLOTS:
    void initTestCase() {
        setUpAppForTest(m_registry);
    }

    void addNodeIsOneNamedStep() {
        ui::Document doc(m_registry);
        QSignalSpy added(&doc, &ui::Document::nodeAdded);
        const QString id = doc.addNode("oficina.scale.standard", {40, 60});
        QCOMPARE(id, QString("standard"));
        QCOMPARE(doc.addNode("oficina.scale.standard", {0, 0}), QString("standard_2"));
        QCOMPARE(added.count(), 2);
        QCOMPARE(doc.undoStack()->count(), 2);
        QCOMPARE(doc.undoStack()->undoText(), QString("Add Standard scaler"));
        QCOMPARE(doc.graph().node("standard")->position, (core::Position{40, 60}));
        QVERIFY(doc.graph().node("standard")->params.boolean("with_mean"));
        QVERIFY(doc.addNode("oficina.no_such_type", {0, 0}).isEmpty());
        doc.undoStack()->undo();
        QVERIFY(!doc.graph().node("standard_2"));
        QCOMPARE(doc.graph().nodes().size(), size_t(1));
    }

    void parameterEditsMerge() {
        ui::Document doc(m_registry);
        const QString id = doc.addNode("oficina.model.logistic_regression", {0, 0});
        const quint64 before = doc.revision();
        doc.setParameter(id, "C", 2.0);
        doc.setParameter(id, "C", 3.0);
        doc.setParameter(id, "C", 4.0);
        QVERIFY(doc.revision() > before);
        QCOMPARE(doc.undoStack()->count(), 2);  // add + one merged edit
        QCOMPARE(doc.undoStack()->undoText(),
                 QString("Set 'Inverse regularisation (C)' of Logistic regression"));
        QCOMPARE(doc.graph().node("logistic_regression")->params.real("C"), 4.0);
        doc.setParameter(id, "max_iter", int64_t(50));  // another key: a new step
        QCOMPARE(doc.undoStack()->count(), 3);
        doc.undoStack()->undo();
        QCOMPARE(doc.graph().node("logistic_regression")->params.integer("max_iter"), 100);
        doc.undoStack()->undo();
        QCOMPARE(doc.graph().node("logistic_regression")->params.real("C"), 1.0);
        doc.undoStack()->redo();
        QCOMPARE(doc.graph().node("logistic_regression")->params.real("C"), 4.0);

        // Edits that end where they began leave no step at all.
        doc.undoStack()->clear();
        doc.setParameter(id, "C", 9.0);
        doc.setParameter(id, "C", 4.0);
        QCOMPARE(doc.undoStack()->count(), 0);
        doc.setParameter(id, "C", 4.0);  // no change: nothing pushed
        QCOMPARE(doc.undoStack()->count(), 0);
    }

    void connectRefusesWithAReason() {
        ui::Document doc(m_registry);
        const QString data = doc.addNode("oficina.data.sample", {0, 0});
        const QString model = doc.addNode("oficina.model.logistic_regression", {200, 0});
        const QString predict = doc.addNode("oficina.model.predict", {400, 0});
        const int steps = doc.undoStack()->count();
        const auto why = doc.connectPorts({{data.toStdString(), "data"},
                                           {predict.toStdString(), "model"}});
        QVERIFY(why.has_value());
        QCOMPARE(why->english(), std::string("a table output cannot feed a model input"));
        QCOMPARE(doc.undoStack()->count(), steps);
        QVERIFY(!doc.connectPorts({{data.toStdString(), "data"}, {model.toStdString(), "data"}}));
        QCOMPARE(doc.undoStack()->undoText(), QString("Connect Sample dataset to Logistic regression"));
        QCOMPARE(doc.graph().links().size(), size_t(1));
        doc.disconnectLink(doc.graph().links()[0]);
        QVERIFY(doc.graph().links().empty());
        doc.undoStack()->undo();
        QCOMPARE(doc.graph().links().size(), size_t(1));
    }

    void removeRestoresNodesAndLinksInOrder() {
        ui::Document doc(m_registry);
        doc.load(m_example);
        const QString original = doc.serialized();
        QSignalSpy linksRemoved(&doc, &ui::Document::linkRemoved);
        doc.removeItems({"split", "scale"});
        QCOMPARE(doc.undoStack()->undoText(), QString("Delete 2 items"));
        QCOMPARE(linksRemoved.count(), 4);  // select→split, split→scale, scale→logreg, split→predict
        QVERIFY(!doc.graph().node("split"));
        QCOMPARE(doc.graph().links().size(), size_t(3));
        doc.undoStack()->undo();
        QCOMPARE(doc.serialized(), original);
        doc.removeItems({"score"});
        QCOMPARE(doc.undoStack()->undoText(), QString("Delete Score"));
    }

    void moveAndRename() {
        ui::Document doc(m_registry);
        doc.load(m_example);
        doc.moveItems({{"split", {460, 20}}, {"scale", {0, 200}}});  // scale does not move
        QCOMPARE(doc.undoStack()->undoText(), QString("Move Train/test split"));
        doc.moveItems({{"split", {0, 0}}, {"iris", {20, 20}}});
        QCOMPARE(doc.undoStack()->undoText(), QString("Move 2 items"));
        doc.moveItems({{"split", {0, 0}}});
        QCOMPARE(doc.undoStack()->count(), 2);  // no change, no step
        doc.renameNode("split", "Hold out 25 %");
        QCOMPARE(doc.nodeTitle("split"), QString("Hold out 25 %"));
        QCOMPARE(doc.undoStack()->undoText(), QString("Rename Train/test split to 'Hold out 25 %'"));
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.graph().node("split")->position, (core::Position{460, 20}));
        QCOMPARE(doc.nodeTitle("split"), QString("Train/test split"));
    }

    void copyPasteDuplicate() {
        ui::Document doc(m_registry);
        doc.load(m_example);
        doc.setParameter("logreg", "C", 0.5);
        const QString fragment = doc.copy({"scale", "logreg", "nothing"});
        QVERIFY(fragment.contains("\"oficina.model.logistic_regression\""));
        const QStringList ids = doc.paste(fragment, {0, 200});
        QCOMPARE(ids, (QStringList{"scale_2", "logreg_2"}));
        QCOMPARE(doc.undoStack()->undoText(), QString("Paste 2 items"));
        const core::Node* pasted = doc.graph().node("logreg_2");
        QCOMPARE(pasted->params.real("C"), 0.5);
        QCOMPARE(pasted->position, (core::Position{240, 400}));
        // The link between the two copies comes along, renamed; links to the rest do not.
        QCOMPARE(doc.graph().linksOf("scale_2").size(), size_t(1));
        QCOMPARE(doc.graph().linksOf("scale_2")[0].to.node, std::string("logreg_2"));
        QCOMPARE(doc.duplicate({"logreg_2"}), QStringList{"logreg_3"});
        QCOMPARE(doc.undoStack()->undoText(), QString("Paste Logistic regression"));
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.graph().nodes().size(), size_t(7));
        QVERIFY_THROWS_EXCEPTION(core::Error, doc.paste("not a pipeline", {0, 0}));
        QVERIFY(doc.copy({}).isEmpty());
    }

    void comments() {
        ui::Document doc(m_registry);
        QSignalSpy changed(&doc, &ui::Document::commentChanged);
        const QString id = doc.addComment({10, 10}, "Scale first");
        QCOMPARE(id, QString("comment"));
        doc.setCommentText(id, "Scale first, then fit");
        doc.setCommentText(id, "Scale first, then fit.");
        QCOMPARE(doc.undoStack()->count(), 2);  // edits of one comment merge
        QCOMPARE(doc.undoStack()->undoText(), QString("Edit comment"));
        doc.setCommentGeometry(id, {10, 10}, 300, 150);
        doc.moveItems({{id, {100, 100}}});
        QCOMPARE(doc.undoStack()->undoText(), QString("Move comment"));
        QCOMPARE(changed.count(), 4);
        const core::Comment* c = doc.graph().comment("comment");
        QCOMPARE(c->text, std::string("Scale first, then fit."));
        QCOMPARE(c->width, 300.0);
        QCOMPARE(c->position, (core::Position{100, 100}));
        const QStringList pasted = doc.paste(doc.copy({id}), {20, 20});
        QCOMPARE(pasted, QStringList{"comment_2"});
        doc.removeItems({id});
        QCOMPARE(doc.undoStack()->undoText(), QString("Delete comment"));
        while (doc.undoStack()->canUndo()) doc.undoStack()->undo();
        QVERIFY(doc.graph().comments().empty());
    }

    void undoEverythingThenRedo() {
        ui::Document doc(m_registry);
        const QString empty = doc.serialized();
        const QString a = doc.addNode("oficina.data.sample", {0, 0});
        const QString b = doc.addNode("oficina.data.split", {220, 0});
        const QString c = doc.addNode("oficina.scale.standard", {440, 0});
        QVERIFY(!doc.connectPorts({{a.toStdString(), "data"}, {b.toStdString(), "data"}}));
        QVERIFY(!doc.connectPorts({{b.toStdString(), "train"}, {c.toStdString(), "data"}}));
        doc.setParameter(b, "test_size", 0.3);
        doc.addComment({0, 200}, "A note");
        doc.duplicate({b, c});
        doc.moveItems({{a, {20, 40}}});
        doc.removeItems({b});
        doc.renameNode(c, "Scaler");
        const QString full = doc.serialized();
        const int steps = doc.undoStack()->count();
        QCOMPARE(steps, 11);
        while (doc.undoStack()->canUndo()) doc.undoStack()->undo();
        QCOMPARE(doc.serialized(), empty);
        while (doc.undoStack()->canRedo()) doc.undoStack()->redo();
        QCOMPARE(doc.serialized(), full);
    }

    void fileStateAndSignals() {
        QTemporaryDir dir;
        ui::Document doc(m_registry);
        QSignalSpy modified(&doc, &ui::Document::modifiedChanged);
        QSignalSpy reset(&doc, &ui::Document::graphReset);
        QVERIFY(!doc.isModified());
        doc.load(m_example);
        QCOMPARE(reset.count(), 1);
        QVERIFY(!doc.isModified());
        QCOMPARE(doc.path(), QFileInfo(m_example).absoluteFilePath());
        doc.setParameter("split", "seed", int64_t(3));
        QVERIFY(doc.isModified());
        const QString path = dir.filePath("copy.oficina");
        doc.save(path);
        QVERIFY(!doc.isModified());
        QCOMPARE(doc.path(), path);
        doc.undoStack()->undo();
        QVERIFY(doc.isModified());
        doc.undoStack()->redo();
        QVERIFY(!doc.isModified());
        QVERIFY(modified.count() >= 3);

        // A recovered graph is unsaved work even with an empty undo stack.
        ui::Document other(m_registry);
        other.replaceGraph(doc.graph(), path);
        QVERIFY(other.isModified());
        QCOMPARE(other.serialized(), doc.serialized());
        other.clear();
        QVERIFY(!other.isModified());
        QVERIFY(other.graph().nodes().empty());

        QVERIFY_THROWS_EXCEPTION(core::Error, doc.load(dir.filePath("missing.oficina")));
        QCOMPARE(doc.path(), path);  // a failed load keeps the document
    }

    void bundledExamplesRoundTripAndRun() {
        // What File > Open example offers: each opens, saves back byte-identical (the file is
        // what the editor writes) and runs without a failed node.
        const QDir examples(m_share + "/examples");
        const QStringList files = examples.entryList({"*.oficina"}, QDir::Files);
        QVERIFY(files.contains("iris_classification.oficina"));
        QVERIFY(files.contains("iris_clustering.oficina"));
        for (const QString& name : files) {
            ui::Document doc(m_registry);
            doc.load(examples.filePath(name));
            QFile file(examples.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(doc.serialized(), QString::fromUtf8(file.readAll()));
            core::Executor executor(m_registry);
            core::RunContext context;
            const core::RunResult result = executor.run(doc.graph(), context);
            QVERIFY2(result.issues.empty() && !result.anyFailed(), qPrintable(name));
            QCOMPARE(result.nodes.size(), doc.graph().nodes().size());
        }
    }
};

QTEST_MAIN(DocumentTest)
#include "tst_document.moc"
