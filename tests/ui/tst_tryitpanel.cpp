// The Try it panel and Save model, on the bundled examples: the panel predicts what
// core::Model::predict predicts for the row in its form — the training row it starts from, and
// numbers typed afterwards (with the UI language's decimal comma), a category seen in training,
// one it never saw, a missing number and category — for a classifier with its probabilities, a
// regression, a clustering and a network; a non-number is said inline, not predicted. Save
// model refuses an untrained node, then writes a package that reads back and predicts what the
// model predicts.
#include "../core/GraphBuilder.h"
#include "AppFixture.h"
#include "PopupHelpers.h"
#include "TabHelpers.h"

#include "MainWindow.h"
#include "Translate.h"
#include "canvas/PipelineScene.h"
#include "deploy/ModelPackage.h"
#include "deploy/TryItPanel.h"
#include "models/Model.h"
#include "panels/NodeOutputsView.h"
#include "pipeline/NodeRegistry.h"
#include "util/Error.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <cmath>
#include <functional>
#include <limits>

using namespace oficina;

namespace {

/// What the panel should show for `raw`, computed the way the Predict node does.
struct Expected {
    QString text;
    std::vector<std::pair<QString, double>> probabilities;
    QString error; ///< the model refused the row: why
};

Expected expected(const core::Model& model, const core::Table& raw) {
    Expected e;
    try {
        const core::Table out = model.predict(raw);
        const core::Task task = model.estimator->task();
        for (const core::Column& c : out.columns()) {
            if (c.role() != core::ColumnRole::Prediction && c.role() != core::ColumnRole::Cluster)
                continue;
            if (c.name() == core::kPredictionColumn || c.name() == core::kClusterColumn) {
                if (task == core::Task::Clustering)
                    e.text = "Cluster " + QString::fromStdString(c.cellText(0));
                else if (c.isNumeric())
                    e.text = ui::localNumber(c.number(0), 'g', 6);
                else
                    e.text = QString::fromStdString(c.cellText(0));
            } else if (c.name().starts_with("P(")) {
                e.probabilities.emplace_back(
                    QString::fromStdString(c.name().substr(2, c.name().size() - 3)), c.number(0));
            }
        }
    } catch (const core::Error& error) {
        e.error = ui::trException(error);
    }
    return e;
}

/// The panel shows what the model predicts for `raw`.
void checkShows(const ui::TryItPanel& panel, const core::Model& model, const core::Table& raw) {
    const Expected e = expected(model, raw);
    if (!e.error.isEmpty()) { // the model refused the row: said inline
        QCOMPARE(panel.errorText(), e.error);
        QCOMPARE(panel.predictionText(), QString());
        return;
    }
    QVERIFY2(panel.errorText().isEmpty(), qPrintable(panel.errorText()));
    QCOMPARE(panel.predictionText(), e.text);
    QCOMPARE(panel.probabilities().size(), e.probabilities.size());
    for (size_t i = 0; i < e.probabilities.size(); ++i) {
        QCOMPARE(panel.probabilities()[i].first, e.probabilities[i].first);
        QCOMPARE(panel.probabilities()[i].second, e.probabilities[i].second);
    }
}

/// A one-row raw table: numbers and categories by column name ("" = a missing category).
core::Table row(const std::vector<std::pair<std::string, double>>& numbers,
                const std::vector<std::pair<std::string, std::string>>& categories = {}) {
    std::vector<core::Column> columns;
    for (const auto& [name, value] : numbers)
        columns.push_back(core::Column::numeric(name, {value}));
    for (const auto& [name, label] : categories)
        columns.push_back(label.empty() ? core::Column::categorical(name, {-1}, {})
                                        : core::Column::categorical(name, {0}, {label}));
    return core::Table(std::move(columns));
}

/// Types `text` into a number field, replacing it, and waits for the prediction that follows.
void type(ui::TryItPanel& panel, const QString& column, const QString& text) {
    auto* edit = qobject_cast<QLineEdit*>(panel.editor(column));
    QVERIFY2(edit, qPrintable(column));
    QSignalSpy updated(&panel, &ui::TryItPanel::predicted);
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        QTest::keyClicks(edit, text);
    QVERIFY(updated.wait(5000));
    QVERIFY(!panel.updatePending());
}

/// Picks or types a category, and waits for the prediction that follows.
void choose(ui::TryItPanel& panel, const QString& column, const QString& text) {
    QSignalSpy updated(&panel, &ui::TryItPanel::predicted);
    panel.setInput(column, text);
    QVERIFY(updated.wait(5000));
}

} // namespace

class TryItPanelTest : public QObject {
    Q_OBJECT

    core::NodeRegistry m_registry;
    const QString m_share = installedShare();
    QTemporaryDir m_dir;

    /// Opens and runs an example in `window`, selects `node` and brings its Try it page up.
    ui::TryItPanel* tryIt(ui::MainWindow& window, const QString& example, const QString& node) {
        window.show();
        if (!window.openPipeline(m_share + "/examples/" + example)) return nullptr;
        QSignalSpy finished(&window, &ui::MainWindow::runFinished);
        window.runPipeline();
        if (!finished.wait(60000) && finished.count() == 0) return nullptr;
        window.scene().selectItems({node});
        if (!window.showOutputView("TryItPanel")) return nullptr;
        auto* panel = tab<ui::TryItPanel>(window.outputs().tabs());
        if (panel) panel->ensureBuilt();
        return panel;
    }

private Q_SLOTS:
    void initTestCase() {
        setUpAppForTest(m_registry);
        QVERIFY(m_dir.isValid());
    }

    /// Iris: the form's four numbers, the training row first, then typed values.
    void classifierShowsLabelAndProbabilities() {
        ui::MainWindow window(m_registry, m_share, nullptr, m_dir.filePath("recovery1"));
        ui::TryItPanel* panel = tryIt(window, "iris_classification.oficina", "logreg");
        QVERIFY(panel);
        QCOMPARE(window.outputs().tabs()->tabText(window.outputs().tabs()->currentIndex()),
                 QString("Try it"));
        const auto model = window.trainedModel("logreg");
        QVERIFY(model);
        const core::deploy::ModelInterface interface = core::deploy::describeInterface(*model);
        QCOMPARE(panel->inputNames(), (QStringList{"sepal length (cm)", "sepal width (cm)",
                                                   "petal length (cm)", "petal width (cm)"}));

        // The training row it starts from, predicted as the model predicts it.
        checkShows(*panel, *model, interface.example);
        QCOMPARE(panel->probabilities().size(), size_t(3));
        QCOMPARE(panel->probabilities()[0].first, QString("setosa"));
        double sum = 0;
        for (const auto& [label, p] : panel->probabilities())
            sum += p;
        QVERIFY(std::abs(sum - 1) < 1e-9);

        // New values, typed.
        type(*panel, "sepal length (cm)", "6.7");
        type(*panel, "sepal width (cm)", "3");
        type(*panel, "petal length (cm)", "5.2");
        type(*panel, "petal width (cm)", "2.3");
        const core::Table typed = row({{"sepal length (cm)", 6.7},
                                       {"sepal width (cm)", 3},
                                       {"petal length (cm)", 5.2},
                                       {"petal width (cm)", 2.3}});
        checkShows(*panel, *model, typed);
        QCOMPARE(panel->predictionText(), QString("virginica"));
        QString why;
        const core::Table formRow = panel->inputRow(&why);
        QVERIFY(why.isEmpty());
        QCOMPARE(formRow.column("petal length (cm)").number(0), 5.2);

        // Letters do not get in; a half-typed number is said inline, not predicted.
        auto* edit = qobject_cast<QLineEdit*>(panel->editor("petal width (cm)"));
        QTest::keyClicks(edit, "abc");
        QCOMPARE(edit->text(), QString("2.3"));
        type(*panel, "petal width (cm)", "2e");
        QVERIFY2(panel->errorText().contains("not a number"), qPrintable(panel->errorText()));
        QCOMPARE(panel->predictionText(), QString());
        QVERIFY(panel->probabilities().empty());

        // In Portuguese, the decimal comma (and a '.' still reads as a decimal point).
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::Portuguese, QLocale::Brazil));
        type(*panel, "petal width (cm)", "0,4");
        type(*panel, "petal length (cm)", "1.5");
        checkShows(*panel, *model,
                   row({{"sepal length (cm)", 6.7},
                        {"sepal width (cm)", 3},
                        {"petal length (cm)", 1.5},
                        {"petal width (cm)", 0.4}}));
        panel->resetInputs();
        panel->predictNow();
        const double sepal = interface.example.column("sepal length (cm)").number(0);
        QCOMPARE(qobject_cast<QLineEdit*>(panel->editor("sepal length (cm)"))->text(),
                 QLocale().toString(sepal, 'g', QLocale::FloatingPointShortest));
        QLocale::setDefault(before);
        panel->resetInputs();
        panel->predictNow();
        checkShows(*panel, *model, interface.example);

        // A missing number: predicted if the pipeline copes, else said inline.
        type(*panel, "sepal width (cm)", "");
        core::Table missing = interface.example.withColumn(
            core::Column::numeric("sepal width (cm)", {std::numeric_limits<double>::quiet_NaN()}));
        checkShows(*panel, *model, missing);
        // Iris's pipeline has no imputer: the model's own words, inline.
        QVERIFY2(panel->errorText().contains("sepal width (cm)"), qPrintable(panel->errorText()));
    }

    /// Wine cleaning: a categorical colour (imputed, one-hot encoded) and imputed numbers.
    void categoricalInputAndMissingValues() {
        ui::MainWindow window(m_registry, m_share, nullptr, m_dir.filePath("recovery2"));
        ui::TryItPanel* panel = tryIt(window, "wine_cleaning.oficina", "logreg");
        QVERIFY(panel);
        const auto model = window.trainedModel("logreg");
        QVERIFY(model);
        const core::deploy::ModelInterface interface = core::deploy::describeInterface(*model);
        checkShows(*panel, *model, interface.example);

        auto* colour = qobject_cast<QComboBox*>(panel->editor("colour"));
        QVERIFY(colour);
        QVERIFY(colour->isEditable());
        QStringList items;
        for (int i = 0; i < colour->count(); ++i)
            items << colour->itemText(i);
        QVERIFY2(items.contains("deep") && items.contains("pale") && items.contains("medium") &&
                     items.last() == "(missing)",
                 qPrintable(items.join(", ")));

        const auto withColour = [&](const std::string& label) {
            return interface.example.withColumn(
                label.empty() ? core::Column::categorical("colour", {-1}, {})
                              : core::Column::categorical("colour", {0}, {label}));
        };
        for (const char* label : {"deep", "pale"}) {
            choose(*panel, "colour", label);
            checkShows(*panel, *model, withColour(label));
        }
        // Never seen in training: the fitted one-hot encoder ignores it; the panel says so.
        choose(*panel, "colour", "purple");
        QVERIFY2(panel->errorText().isEmpty(), qPrintable(panel->errorText()));
        checkShows(*panel, *model, withColour("purple"));
        // Missing: the imputer fills it in.
        choose(*panel, "colour", "");
        QCOMPARE(colour->currentText(), QString("(missing)"));
        checkShows(*panel, *model, withColour(""));
        QVERIFY2(panel->errorText().isEmpty(), qPrintable(panel->errorText()));

        // A missing number: imputed with the training median.
        type(*panel, "alcohol", "");
        core::Table missing = withColour("").withColumn(
            core::Column::numeric("alcohol", {std::numeric_limits<double>::quiet_NaN()}));
        checkShows(*panel, *model, missing);
        QVERIFY2(panel->errorText().isEmpty(), qPrintable(panel->errorText()));
        QVERIFY(!panel->predictionText().isEmpty());
    }

    /// Diabetes: a regression shows its value.
    void regressionShowsTheValue() {
        ui::MainWindow window(m_registry, m_share, nullptr, m_dir.filePath("recovery3"));
        ui::TryItPanel* panel = tryIt(window, "diabetes_regression.oficina", "ridge");
        QVERIFY(panel);
        const auto model = window.trainedModel("ridge");
        const core::deploy::ModelInterface interface = core::deploy::describeInterface(*model);
        QCOMPARE(panel->inputNames().size(), 10);
        checkShows(*panel, *model, interface.example);
        QVERIFY(panel->probabilities().empty());
        const double before = panel->predictionText().toDouble();
        type(*panel, "bmi", "40");
        checkShows(*panel, *model,
                   interface.example.withColumn(core::Column::numeric("bmi", {40.0})));
        QVERIFY(panel->predictionText().toDouble() > before); // a higher BMI, more progression
    }

    /// Iris clustering: the assigned cluster.
    void clusteringShowsTheCluster() {
        ui::MainWindow window(m_registry, m_share, nullptr, m_dir.filePath("recovery4"));
        ui::TryItPanel* panel = tryIt(window, "iris_clustering.oficina", "kmeans");
        QVERIFY(panel);
        const auto model = window.trainedModel("kmeans");
        const core::deploy::ModelInterface interface = core::deploy::describeInterface(*model);
        checkShows(*panel, *model, interface.example);
        QVERIFY2(panel->predictionText().startsWith("Cluster "),
                 qPrintable(panel->predictionText()));
        type(*panel, "petal length (cm)", "6.5");
        checkShows(*panel, *model,
                   interface.example.withColumn(core::Column::numeric("petal length (cm)", {6.5})));
    }

    /// A network (LibTorch, loaded on first use) predicts through the panel as well.
    void networkModel() {
        Builder b = trainPredictScore("oficina.nn.network", {{"epochs", int64_t(3)}});
        const core::RunResult run = runGraph(m_registry, b.graph);
        QVERIFY2(run.nodes.at("model").state == core::NodeState::Done,
                 run.nodes.at("model").error ? run.nodes.at("model").error->english().c_str()
                                             : "not done");
        const auto model =
            std::get<std::shared_ptr<const core::Model>>(run.nodes.at("model").outputs.at("model"));
        ui::TryItPanel panel(model);
        panel.resize(800, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const core::deploy::ModelInterface interface = core::deploy::describeInterface(*model);
        checkShows(panel, *model, interface.example);
        QCOMPARE(panel.probabilities().size(), size_t(3));
        type(panel, "petal width (cm)", "2.5");
        checkShows(panel, *model,
                   interface.example.withColumn(core::Column::numeric("petal width (cm)", {2.5})));
    }

    /// Save model: refused before the run, offered in the context menu once trained, then
    /// written (off the UI thread) to a package that predicts what the model predicts.
    void savesAModelPackage() {
        ui::MainWindow window(m_registry, m_share, nullptr, m_dir.filePath("recovery5"));
        window.show();
        QVERIFY(window.openPipeline(m_share + "/examples/iris_classification.oficina"));
        const QString file = m_dir.filePath("iris.ofmodel");

        QString said;
        onNextPopup([&](QWidget* w) {
            said = qobject_cast<QMessageBox*>(w)->text();
            w->close();
        });
        QVERIFY(!window.saveModelPackage("logreg", file));
        QVERIFY2(said.contains("run the pipeline first"), qPrintable(said));
        QVERIFY(!QFile::exists(file));

        const auto menuEntry = [&](const QString& node) {
            std::optional<bool> enabled;
            onNextPopup([&](QWidget* w) {
                for (QAction* a : qobject_cast<QMenu*>(w)->actions())
                    if (a->text().contains("Save") && a->text().contains("model"))
                        enabled = a->isEnabled();
                w->close();
            });
            Q_EMIT window.scene().contextMenuRequested(node, {}, QPoint(100, 100));
            return enabled;
        };
        QCOMPARE(menuEntry("logreg"), std::optional<bool>(false));
        QCOMPARE(menuEntry("score"), std::nullopt);

        QSignalSpy finished(&window, &ui::MainWindow::runFinished);
        window.runPipeline();
        QVERIFY(finished.wait(30000) || finished.count() == 1);
        QCOMPARE(menuEntry("logreg"), std::optional<bool>(true));

        QSignalSpy saved(&window, &ui::MainWindow::modelPackageSaved);
        QVERIFY(window.saveModelPackage("logreg", file));
        QVERIFY(saved.wait(30000));
        QCOMPARE(saved.at(0).at(0).toString(), QString("logreg"));
        QCOMPARE(saved.at(0).at(2).toBool(), true);
        QVERIFY2(window.logText().contains("Saved model '") &&
                     window.logText().contains(QDir::toNativeSeparators(file) + " (4 inputs"),
                 qPrintable(window.logText()));

        const auto model = window.trainedModel("logreg");
        const core::deploy::ModelPackage package = core::deploy::readPackage(file.toStdString());
        QCOMPARE(package.manifest.inputs.size(), size_t(4));
        QCOMPARE(package.manifest.pipeline, std::string("iris_classification.oficina"));
        QVERIFY(package.sample.rowCount() > 100);
        const std::vector<core::Column> read = core::deploy::predictColumns(
            package, core::deploy::conformInput(package.sample, package.manifest.inputs, "test"));
        const core::Table direct = model->predict(package.sample);
        QCOMPARE(read.size(), size_t(4)); // prediction and three probabilities
        for (const core::Column& c : read) {
            const core::Column& d = direct.column(c.name());
            for (size_t r = 0; r < c.size(); ++r)
                QCOMPARE(c.cellText(r), d.cellText(r));
        }

        // File > Export model… asks where and adds the suffix.
        window.scene().selectItems({"logreg"});
        onNextPopup([&](QWidget* w) {
            auto* dialog = qobject_cast<QFileDialog*>(w);
            QVERIFY(dialog);
            dialog->selectFile(m_dir.filePath("from-menu"));
            QMetaObject::invokeMethod(dialog, "accept");
        });
        saved.clear();
        window.action("saveModelAction")->trigger();
        QVERIFY(saved.wait(30000));
        QVERIFY(QFile::exists(m_dir.filePath("from-menu.ofmodel")));

        // A path that cannot be written: said in a message box naming the node.
        saved.clear();
        said.clear();
        onNextPopup([&](QWidget* w) {
            said = qobject_cast<QMessageBox*>(w)->text();
            w->close();
        });
        QVERIFY(window.saveModelPackage("logreg", m_dir.filePath("no/such/folder/x.ofmodel")));
        QVERIFY(saved.wait(30000));
        QCOMPARE(saved.at(0).at(2).toBool(), false);
        QTRY_VERIFY(!said.isEmpty());
        QVERIFY2(said.contains("Logistic regression (logreg)"), qPrintable(said));
    }
};

QTEST_MAIN(TryItPanelTest)
#include "tst_tryitpanel.moc"
