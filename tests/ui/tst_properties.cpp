// The property panel drives real editor widgets: each ParamKind gets its widget, every edit
// lands in the document through Document::setParameter and is undone by the undo stack, the
// panel follows undo, removal and reset, column pickers list the ColumnLookup's columns, and
// rejected values show why. The layer-list editor of a network: add, change, move and remove
// layers, each one undo step; shapes and their misfits; text from a file that does not parse.
#include "Screenshots.h"
#include "Settings.h"
#include "document/Document.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"
#include "properties/LayersEditor.h"
#include "properties/ParamEditorFactory.h"
#include "properties/PropertyPanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QUrl>
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

using Layers = std::vector<std::string>;

/// A network node as issue 5's will declare it: an input shape and a list of layers.
core::NodeSpec fakeNetworkSpec() {
    return {.type = "test.network",
            .title = "Network",
            .category = core::Category::NeuralNets,
            .inputs = {{"data", core::PortType::Table, "Data"}},
            .outputs = {{"model", core::PortType::Model, "Model"}},
            .params = {core::Parameter::text("input_shape", "Input shape").optional(),
                       core::Parameter::layers("layers", "Layers",
                                               {"Dense(units=64)", "ReLU"})
                           .withShapeFrom("input_shape")}};
}

Layers layersOf(const ui::Document& doc, const QString& node) {
    return std::get<Layers>(param(doc, node, "layers"));
}

QString cell(ui::LayersEditor& editor, int row, int column) {
    const QTableWidgetItem* item = editor.findChild<QTableWidget*>("layersTable")->item(row, column);
    return item ? item->text() : QStringLiteral("<none>");
}

QLabel* shapeLabel(ui::LayersEditor& editor) {
    return editor.findChild<QLabel*>("layerShapes");
}

void addFromMenu(ui::LayersEditor& editor, const QString& key) {
    for (QAction* action : editor.findChild<QPushButton*>("addLayer")->menu()->actions())
        if (action->data().toString() == key) return action->trigger();
    QFAIL(qPrintable("no menu entry " + key));
}

} // namespace

class PropertiesTest : public QObject {
    Q_OBJECT

    core::NodeRegistry m_registry;
    core::NodeRegistry m_networks;  // fake nodes with a layer list

private Q_SLOTS:
    void initTestCase() {
        core::registerBuiltinNodes(m_registry,
                                   {.datasetDirectory = OFICINA_SOURCE_DIR "/resources/datasets"});
        m_networks.add(fakeNetworkSpec());
    }

    /// An empty file field browses the bundled datasets first, then the folder a file was last
    /// chosen from; both are in the dialog's side bar.
    void fileDialogOpensWhereTheDataIs() {
        const QString datasets = QStringLiteral(OFICINA_SOURCE_DIR "/resources/datasets");
        ui::Settings::setBundledDatasets(datasets);
        QSettings().remove("files/lastDataFolder");
        QTemporaryDir other;
        QFile csv(other.filePath("sales.csv"));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("a,b\n1,2\n");
        csv.close();
        const core::Parameter& file = *m_registry.find("oficina.data.load_file")->param("file");
        std::unique_ptr<ui::ParamEditor> editor(ui::ParamEditorFactory::create(file));
        editor->show();
        QSignalSpy edited(editor.get(), &ui::ParamEditor::edited);

        QString opened;
        QList<QUrl> places;
        const auto chooseIn = [&](const QString& choice) {
            QTimer::singleShot(0, [&, choice] {
                auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
                QVERIFY(dialog);
                opened = dialog->directory().absolutePath();
                places = dialog->sidebarUrls();
                dialog->selectFile(choice);
                QMetaObject::invokeMethod(dialog, "accept");  // protected in QFileDialog
            });
            editor->findChild<QToolButton*>()->click();
        };
        chooseIn(other.filePath("sales.csv"));
        QCOMPARE(opened, QDir(datasets).absolutePath());
        QVERIFY(places.contains(QUrl::fromLocalFile(datasets)));
        QCOMPARE(edited.count(), 1);
        QCOMPARE(std::get<std::string>(editor->value()), other.filePath("sales.csv").toStdString());
        QCOMPARE(ui::Settings::dataFolder(), QDir(other.path()).absolutePath());

        editor->setValue(std::string());
        chooseIn(other.filePath("sales.csv"));
        QCOMPARE(opened, QDir(other.path()).absolutePath());
        QVERIFY(places.contains(QUrl::fromLocalFile(QDir(other.path()).absolutePath())));
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
        // The target is not offered as a feature as well.
        const auto enabled = [&](int row) {
            return bool(list->item(row)->flags() & Qt::ItemIsEnabled);
        };
        QVERIFY(!enabled(4));
        QVERIFY(enabled(3));

        doc.undoStack()->setIndex(afterFeatures);
        QCOMPARE(std::get<std::string>(param(doc, select, "target")), std::string());
        QCOMPARE(target->currentText(), QString());
        QVERIFY(enabled(4));
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

    // Every change of the list goes through the document and is one undo step of its own,
    // even two edits of the same setting in a row (the document would merge those otherwise).
    void layerListEditsAreUndoneOneByOne() {
        ui::Document doc(m_networks);
        ui::PropertyPanel panel(doc);
        const QString net = doc.addNode("test.network", {0, 0});
        const int base = doc.undoStack()->index();
        panel.showNode(net);
        panel.show();
        auto* editor = qobject_cast<ui::LayersEditor*>(panel.editor("layers"));
        QVERIFY(editor);
        QCOMPARE(editor->findChild<QTableWidget*>("layersTable")->rowCount(), 2);
        QCOMPARE(cell(*editor, 0, 1), QStringLiteral("Dense"));
        QCOMPARE(cell(*editor, 0, 2), QStringLiteral("64 units"));
        QCOMPARE(cell(*editor, 1, 1), QStringLiteral("ReLU"));
        QVERIFY(editor->findChild<QTableWidget*>("layersTable")->isColumnHidden(3));  // no shape

        std::vector<Layers> history{layersOf(doc, net)};
        const auto step = [&](const Layers& expected) {
            QCOMPARE(layersOf(doc, net), expected);
            history.push_back(expected);
            QCOMPARE(doc.undoStack()->index(), base + int(history.size()) - 1);
        };

        editor->setCurrentRow(0);
        addFromMenu(*editor, "Dropout");  // after the selected row
        step({"Dense(units=64)", "Dropout(rate=0.2)", "ReLU"});
        QCOMPARE(editor->currentRow(), 1);
        QCOMPARE(cell(*editor, 1, 2), QStringLiteral("rate 0.2"));
        QVERIFY(doc.undoStack()->undoText().contains("Dropout"));

        editor->setCurrentRow(0);
        auto* units = editor->findChild<QSpinBox*>("layerField_units");
        QVERIFY(units);
        QCoreApplication::processEvents();  // the form's layout shows new rows on a later event
        QVERIFY(units->isVisibleTo(&panel));
        QCOMPARE(units->value(), 64);
        QCOMPARE(units->maximum(), 100000);
        units->setValue(128);
        step({"Dense(units=128)", "Dropout(rate=0.2)", "ReLU"});
        units->setValue(256);
        step({"Dense(units=256)", "Dropout(rate=0.2)", "ReLU"});
        QCOMPARE(cell(*editor, 0, 2), QStringLiteral("256 units"));

        editor->findChild<QToolButton*>("moveLayerDown")->click();
        step({"Dropout(rate=0.2)", "Dense(units=256)", "ReLU"});
        QCOMPARE(editor->currentRow(), 1);  // the selection follows the layer
        editor->findChild<QToolButton*>("moveLayerUp")->click();
        step({"Dense(units=256)", "Dropout(rate=0.2)", "ReLU"});

        // Another kind resets the row to that kind's defaults.
        auto* kind = editor->findChild<QComboBox*>("layerKind");
        editor->setCurrentRow(1);
        const int conv = kind->findText("Convolution 2-D");
        QVERIFY(conv >= 0);
        kind->setCurrentIndex(conv);
        Q_EMIT kind->activated(conv);
        step({"Dense(units=256)", "Conv2d(units=16, kernel=3, stride=1, padding=0)", "ReLU"});
        QCOMPARE(cell(*editor, 1, 2), QStringLiteral("16 ch, 3×3"));
        auto* kernel = editor->findChild<QSpinBox*>("layerField_kernel");
        QVERIFY(kernel);
        QVERIFY(!kernel->toolTip().isEmpty());
        kernel->setValue(5);
        step({"Dense(units=256)", "Conv2d(units=16, kernel=5, stride=1, padding=0)", "ReLU"});

        editor->setCurrentRow(2);
        editor->findChild<QPushButton*>("removeLayer")->click();
        step({"Dense(units=256)", "Conv2d(units=16, kernel=5, stride=1, padding=0)"});
        QCOMPARE(editor->currentRow(), 1);
        QVERIFY(!editor->findChild<QToolButton*>("moveLayerDown")->isEnabled());

        // Undo walks back one edit at a time, and the table follows.
        for (size_t i = history.size() - 1; i > 0; --i) {
            doc.undoStack()->undo();
            QCOMPARE(layersOf(doc, net), history[i - 1]);
            QCOMPARE(editor->findChild<QTableWidget*>("layersTable")->rowCount(),
                     int(history[i - 1].size()));
        }
        QCOMPARE(doc.undoStack()->index(), base);
        QCOMPARE(cell(*editor, 0, 2), QStringLiteral("64 units"));
        doc.undoStack()->redo();
        QCOMPARE(layersOf(doc, net), history[1]);
    }

    void layerShapesAndTheirMisfits() {
        ui::Document doc(m_networks);
        ui::PropertyPanel panel(doc);
        const QString net = doc.addNode("test.network", {0, 0});
        doc.setParameter(net, "input_shape", std::string("1x8x8"));
        doc.setParameter(net, "layers",
                         Layers{"Conv2d(units=4, kernel=3, stride=1, padding=0)", "ReLU",
                                "MaxPool2d(kernel=2, stride=0, padding=0)", "Dense(units=10)"});
        panel.showNode(net);
        panel.show();
        auto* editor = qobject_cast<ui::LayersEditor*>(panel.editor("layers"));
        QVERIFY(editor);
        auto* table = editor->findChild<QTableWidget*>("layersTable");
        QVERIFY(!table->isColumnHidden(3));
        QCOMPARE(cell(*editor, 0, 3), QStringLiteral("4×6×6"));
        QCOMPARE(cell(*editor, 2, 3), QStringLiteral("4×3×3"));
        QCOMPARE(cell(*editor, 2, 2), QStringLiteral("2×2"));
        // A Dense layer after an image-shaped output: core's message, under the table, in red.
        QVERIFY(editor->shapeLineIsProblem());
        QLabel* line = shapeLabel(*editor);
        QVERIFY(line->isVisible());
        QVERIFY2(line->text().contains("layer 4 Dense expects a row of features, gets 4×3×3"),
                 qPrintable(line->text()));
        QVERIFY(line->text().contains("Flatten"));
        QCOMPARE(cell(*editor, 3, 3), QStringLiteral("✗"));

        editor->setCurrentRow(2);
        addFromMenu(*editor, "Flatten");
        QCOMPARE(layersOf(doc, net)[3], std::string("Flatten"));
        QVERIFY(!editor->shapeLineIsProblem());
        QCOMPARE(line->text(), QStringLiteral("Input: 1×8×8"));
        QCOMPARE(cell(*editor, 3, 3), QStringLiteral("36"));
        QCOMPARE(cell(*editor, 4, 3), QStringLiteral("10"));

        // The input shape follows its parameter: flat features need the input's feature count.
        doc.setParameter(net, "input_shape", std::string());
        QVERIFY(table->isColumnHidden(3));
        QVERIFY(!line->isVisible());
        panel.setFeatureCountLookup([&](const QString& node, const QString& port) {
            return node == net && port == "data" ? std::optional<int>(64) : std::nullopt;
        });
        QVERIFY(!table->isColumnHidden(3));
        QVERIFY(line->text().contains("layer 1 Conv2d expects channels × height × width, gets 64"));
        doc.setParameter(net, "input_shape", std::string("8 by 8"));
        QVERIFY(editor->shapeLineIsProblem());
        QVERIFY2(line->text().contains("'8 by 8' is not valid"), qPrintable(line->text()));
        doc.undoStack()->undo();  // both edits of the input shape, merged into one step
        QCOMPARE(line->text(), QStringLiteral("Input: 1×8×8"));
    }

    // Pictures for a look (OFICINA_SHOTS=dir); with OFICINA_QM=oficina_pt_BR.qm also in pt_BR.
    void layerListScreenshots() {
        const QString dir = shotsFolder();
        if (dir.isEmpty()) QSKIP("set OFICINA_SHOTS to a folder for the pictures");
        inEachLanguage([&](const QString& language) {
            ui::Document doc(m_registry);
            ui::PropertyPanel panel(doc);
            const QString net = doc.addNode("oficina.nn.network", {0, 0});
            doc.setParameter(net, "input_shape", std::string("1x8x8"));
            doc.setParameter(net, "layers",
                             Layers{"Conv2d(units=16, kernel=3, stride=1, padding=1)", "ReLU",
                                    "MaxPool2d(kernel=2, stride=0, padding=0)", "Flatten",
                                    "Dense(units=64)", "ReLU"});
            panel.showNode(net);
            auto* editor = qobject_cast<ui::LayersEditor*>(panel.editor("layers"));
            editor->setCurrentRow(0);
            panel.resize(350, 900);
            panel.show();
            QTest::qWait(50);  // layouts settle, new form rows are shown
            panel.grab().save(dir + "/properties_layers_" + language + ".png");
            doc.setParameter(net, "layers", Layers{"Conv2d(units=16, kernel=3)", "ReLU",
                                                   "Dense(units=10)"});
            editor->setCurrentRow(2);
            QTest::qWait(50);
            panel.grab().save(dir + "/properties_layers_error_" + language + ".png");
        });
    }

    // The built-in network nodes: a network's layers start from its input shape, a transfer
    // head's from its backbone's output, unknown before a run.
    void builtInNetworkNodes() {
        ui::Document doc(m_registry);
        ui::PropertyPanel panel(doc);
        const QString net = doc.addNode("oficina.nn.network", {0, 0});
        const QString transfer = doc.addNode("oficina.nn.transfer", {0, 0});
        for (const QString& node : {net, transfer}) {
            doc.setParameter(node, "input_shape", std::string("1x8x8"));
            doc.setParameter(node, "layers", Layers{"Dense(units=10)"});
        }
        panel.showNode(net);
        auto* editor = qobject_cast<ui::LayersEditor*>(panel.editor("layers"));
        QVERIFY(editor);
        QVERIFY(editor->shapeLineIsProblem());
        QVERIFY(editor->shapeLine().contains("layer 1 Dense expects a row of features"));
        panel.showNode(transfer);
        editor = qobject_cast<ui::LayersEditor*>(panel.editor("layers"));
        QVERIFY(editor);
        QVERIFY(!editor->shapeLineIsProblem());
        QVERIFY(editor->shapeLine().isEmpty());
        QVERIFY(editor->findChild<QTableWidget*>("layersTable")->isColumnHidden(3));
    }

    // A hand-edited file: the row is shown as written, in red with the reason, and the rest of
    // the list still works; picking a kind replaces the row.
    void unparsableLayersAreShownNotDropped() {
        ui::Document doc(m_networks);
        ui::PropertyPanel panel(doc);
        const QString net = doc.addNode("test.network", {0, 0});
        doc.setParameter(net, "input_shape", std::string("10"));
        doc.setParameter(net, "layers",
                         Layers{"Dense(units=32)", "Banana(size=3)", "Dense(units=0)"});
        panel.showNode(net);
        panel.show();
        auto* editor = qobject_cast<ui::LayersEditor*>(panel.editor("layers"));
        QVERIFY(editor);
        auto* table = editor->findChild<QTableWidget*>("layersTable");
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(cell(*editor, 1, 1), QStringLiteral("Banana(size=3)"));
        QVERIFY(table->item(1, 1)->toolTip().contains("is not a layer"));
        QVERIFY2(table->item(2, 1)->toolTip().contains("units must be between 1 and"),
                 qPrintable(table->item(2, 1)->toolTip()));
        QCOMPARE(table->item(1, 1)->foreground().color(), QColor(0xc0, 0x1c, 0x28));
        QVERIFY(problemOf(panel, "layers")->isVisible());  // the parameter's own check
        QCOMPARE(cell(*editor, 0, 3), QStringLiteral("32"));
        QCOMPARE(cell(*editor, 1, 3), QString());  // no shapes after a row that means nothing

        editor->setCurrentRow(1);
        auto* kind = editor->findChild<QComboBox*>("layerKind");
        QCOMPARE(kind->currentIndex(), -1);
        QVERIFY(editor->findChild<QLabel*>("layerProblem")->isVisibleTo(&panel));
        QVERIFY(!editor->findChild<QSpinBox*>("layerField_units"));
        const int relu = kind->findText("ReLU");
        kind->setCurrentIndex(relu);
        Q_EMIT kind->activated(relu);
        QCOMPARE(layersOf(doc, net), (Layers{"Dense(units=32)", "ReLU", "Dense(units=0)"}));
        editor->setCurrentRow(2);
        auto* units = editor->findChild<QSpinBox*>("layerField_units");
        QVERIFY(!units);  // still a bad row: its kind must be picked again
        doc.undoStack()->undo();
        QCOMPARE(layersOf(doc, net)[1], std::string("Banana(size=3)"));
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
