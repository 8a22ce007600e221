// The property panel drives real editor widgets: each ParamKind gets its widget, every edit
// lands in the document through Document::setParameter and is undone by the undo stack, the
// panel follows undo, removal and reset, column pickers list the ColumnLookup's columns, and
// rejected values show why.
#include "document/Document.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"
#include "properties/ParamEditorFactory.h"
#include "properties/PropertyPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QUndoStack>
#include <QtTest>

using namespace oficina;

namespace {

const QStringList kIrisColumns = {"sepal length (cm)", "sepal width (cm)", "petal length (cm)",
                                  "petal width (cm)", "species"};

template <typename T>
T* widgetIn(ui::PropertyPanel& panel, const std::string& key) {
    ui::ParamEditor* editor = panel.editor(key);
    if (!editor) return nullptr;
    return editor->findChild<T*>();
}

const core::Value& param(const ui::Document& doc, const QString& node, const std::string& key) {
    return doc.graph().node(node.toStdString())->params.at(key);
}

QLabel* problemOf(ui::PropertyPanel& panel, const std::string& key) {
    return panel.findChild<QLabel*>(QStringLiteral("problem_%1").arg(key.c_str()));
}

} // namespace

class PropertiesTest : public QObject {
    Q_OBJECT

    core::NodeRegistry m_registry;

private Q_SLOTS:
    void initTestCase() {
        core::registerBuiltinNodes(m_registry,
                                   {.datasetDirectory = OFICINA_SOURCE_DIR "/resources/datasets"});
    }

    void numbersAndBooleansAreUndoable() {
        ui::Document doc(m_registry);
        ui::PropertyPanel panel(doc);
        const QString lr = doc.addNode("oficina.model.logistic_regression", {0, 0});
        const int base = doc.undoStack()->count();
        panel.showNode(lr);
        panel.show();

        auto* maxIter = widgetIn<QSpinBox>(panel, "max_iter");
        QVERIFY(maxIter);
        QCOMPARE(maxIter->value(), 100);
        QCOMPARE(maxIter->minimum(), 1);       // the declared range
        QCOMPARE(maxIter->maximum(), 100000);
        maxIter->setValue(250);
        QCOMPARE(std::get<int64_t>(param(doc, lr, "max_iter")), int64_t(250));
        QCOMPARE(doc.undoStack()->count(), base + 1);

        auto* c = widgetIn<QDoubleSpinBox>(panel, "C");
        QVERIFY(c);
        QCOMPARE(c->minimum(), 1e-6);
        QCOMPARE(c->text(), QStringLiteral("1"));   // shortest form, not "1.000000000000000"
        c->setValue(0.05);
        QCOMPARE(std::get<double>(param(doc, lr, "C")), 0.05);
        auto* tol = widgetIn<QDoubleSpinBox>(panel, "tol");
        QCOMPARE(tol->text(), QStringLiteral("0.0001"));  // small defaults are not rounded to 0

        auto* intercept = widgetIn<QCheckBox>(panel, "fit_intercept");
        QVERIFY(intercept && intercept->isChecked());
        intercept->click();
        QCOMPARE(std::get<bool>(param(doc, lr, "fit_intercept")), false);
        QCOMPARE(doc.undoStack()->count(), base + 3);

        // Undo walks back through the document, and the widgets follow its signals.
        doc.undoStack()->undo();
        QCOMPARE(std::get<bool>(param(doc, lr, "fit_intercept")), true);
        QVERIFY(intercept->isChecked());
        doc.undoStack()->undo();
        QCOMPARE(c->value(), 1.0);
        doc.undoStack()->undo();
        QCOMPARE(maxIter->value(), 100);
        QCOMPARE(std::get<int64_t>(param(doc, lr, "max_iter")), int64_t(100));
        doc.undoStack()->redo();
        QCOMPARE(maxIter->value(), 250);
        QVERIFY(!doc.undoStack()->undoText().isEmpty());
    }

    void helpIsShown() {
        ui::Document doc(m_registry);
        ui::PropertyPanel panel(doc);
        const QString lr = doc.addNode("oficina.model.logistic_regression", {0, 0});
        panel.showNode(lr);
        auto* title = panel.findChild<QLabel*>("propertyTitle");
        auto* help = panel.findChild<QLabel*>("propertyHelp");
        QVERIFY(title->text().contains("Logistic regression"));
        QVERIFY(title->text().contains(lr));
        QVERIFY(help->text().contains("L-BFGS"));
        QVERIFY(panel.editor("C")->toolTip().contains("regularise"));
        // Nothing selected: an empty panel.
        panel.showNode({});
        QVERIFY(!panel.editor("C"));
        QVERIFY(panel.nodeId().isEmpty());
    }

    void columnPickersOfferTheInputColumns() {
        ui::Document doc(m_registry);
        ui::PropertyPanel panel(doc);
        const QString select = doc.addNode("oficina.data.select_columns", {0, 0});
        const int base = doc.undoStack()->index();
        QString askedNode, askedPort;
        panel.setColumnLookup([&](const QString& node, const QString& port) {
            askedNode = node;
            askedPort = port;
            return kIrisColumns;
        });
        panel.showNode(select);
        panel.show();
        QCOMPARE(askedNode, select);
        QCOMPARE(askedPort, QStringLiteral("data"));

        auto* list = widgetIn<QListWidget>(panel, "features");
        QVERIFY(list);
        QCOMPARE(list->count(), 5);
        list->item(2)->setCheckState(Qt::Checked);
        list->item(3)->setCheckState(Qt::Checked);
        QCOMPARE(std::get<std::vector<std::string>>(param(doc, select, "features")),
                 (std::vector<std::string>{"petal length (cm)", "petal width (cm)"}));
        const int afterFeatures = doc.undoStack()->index();
        QVERIFY(afterFeatures > base);

        auto* target = widgetIn<QComboBox>(panel, "target");
        QVERIFY(target);
        QCOMPARE(target->count(), 6);  // optional: an empty entry first
        target->setFocus();
        for (int i = 0; i < 5; ++i) QTest::keyClick(target, Qt::Key_Down);
        QCOMPARE(target->currentText(), QStringLiteral("species"));
        QCOMPARE(std::get<std::string>(param(doc, select, "target")), std::string("species"));

        doc.undoStack()->setIndex(afterFeatures);
        QCOMPARE(std::get<std::string>(param(doc, select, "target")), std::string());
        QCOMPARE(target->currentText(), QString());
        doc.undoStack()->setIndex(base);
        QVERIFY(std::get<std::vector<std::string>>(param(doc, select, "features")).empty());
        for (int i = 0; i < list->count(); ++i)
            QCOMPARE(list->item(i)->checkState(), Qt::Unchecked);
    }

    void unknownColumnsFallBackToText() {
        ui::Document doc(m_registry);
        ui::PropertyPanel panel(doc);
        const QString select = doc.addNode("oficina.data.select_columns", {0, 0});
        panel.showNode(select);  // no lookup: before the first run
        panel.show();
        auto* text = widgetIn<QLineEdit>(panel, "features");
        QVERIFY(text && text->isVisible());
        text->setFocus();
        QTest::keyClicks(text, "a, b ,c");
        QTest::keyClick(text, Qt::Key_Return);
        QCOMPARE(std::get<std::vector<std::string>>(param(doc, select, "features")),
                 (std::vector<std::string>{"a", "b", "c"}));
    }

    void choicesAndFilesWithTheirProblems() {
        ui::Document doc(m_registry);
        ui::PropertyPanel panel(doc);
        const QString load = doc.addNode("oficina.data.load_file", {0, 0});
        panel.showNode(load);
        panel.show();
        // The file is required and empty: the panel says so under the editor.
        QLabel* problem = problemOf(panel, "file");
        QVERIFY(problem && problem->isVisible());
        QVERIFY2(problem->text().contains("required"), qPrintable(problem->text()));
        auto* file = widgetIn<QLineEdit>(panel, "file");
        file->setFocus();
        QTest::keyClicks(file, "/data/vendas.csv");
        QTest::keyClick(file, Qt::Key_Return);
        QCOMPARE(std::get<std::string>(param(doc, load, "file")), std::string("/data/vendas.csv"));
        QVERIFY(!problem->isVisible());

        auto* delimiter = widgetIn<QComboBox>(panel, "delimiter");
        QVERIFY(delimiter);
        const core::Parameter& spec = *m_registry.find("oficina.data.load_file")->param("delimiter");
        QCOMPARE(delimiter->count(), int(spec.choices.size()));
        delimiter->setFocus();
        QTest::keyClick(delimiter, Qt::Key_Down);
        QCOMPARE(std::get<std::string>(param(doc, load, "delimiter")), spec.choices[1].key);
        doc.undoStack()->undo();
        QCOMPARE(delimiter->currentIndex(), 0);
        doc.undoStack()->undo();
        QVERIFY(problem->isVisible());  // the empty file again

        if (!qEnvironmentVariableIsEmpty("OFICINA_SHOTS")) {
            panel.resize(360, 480);
            panel.grab().save(qEnvironmentVariable("OFICINA_SHOTS") + "/properties.png");
        }
    }

    void followsRemovalAndReset() {
        ui::Document doc(m_registry);
        ui::PropertyPanel panel(doc);
        const QString lr = doc.addNode("oficina.model.logistic_regression", {0, 0});
        panel.showNode(lr);
        QVERIFY(panel.editor("C"));
        doc.removeItems({lr});
        QVERIFY(panel.nodeId().isEmpty());
        QVERIFY(!panel.editor("C"));
        doc.undoStack()->undo();  // the node is back; the panel stays cleared until selected
        panel.showNode(lr);
        QVERIFY(panel.editor("C"));
        doc.clear();
        QVERIFY(panel.nodeId().isEmpty());
    }
};

QTEST_MAIN(PropertiesTest)
#include "tst_properties.moc"
