// The step-through teaching dialog on Iris: K-Means one half iteration per click (phases,
// moving centres, falling inertia), gradient descent one step per click (a loss point each,
// the boundary redrawn), Run / Pause / Reset, the context-menu entry, and clear messages for
// data it cannot use. OFICINA_SHOTS=dir saves pictures (and in pt_BR with OFICINA_QM=file.qm).
#include "MainWindow.h"
#include "Screenshots.h"
#include "charts/DecisionBoundaryView.h"
#include "charts/LossChart.h"
#include "data/CsvReader.h"
#include "document/Document.h"
#include "models/Model.h"
#include "nodes/Nodes.h"
#include "pipeline/Graph.h"
#include "pipeline/NodeRegistry.h"
#include "teach/GradientDescentStepper.h"
#include "teach/KMeansStepView.h"
#include "teach/KMeansStepper.h"
#include "teach/StepThroughDialog.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace oficina;
using ui::StepThroughDialog;

namespace {

std::shared_ptr<const core::Table> iris(bool withTarget = true) {
    core::Table t = core::readCsv(OFICINA_SOURCE_DIR "/resources/datasets/iris.csv").table;
    if (withTarget)
        t = t.withColumn(t.column("species").withRole(core::ColumnRole::Target));
    else
        t = t.withColumn(t.column("species").withRole(core::ColumnRole::Ignored));
    return std::make_shared<const core::Table>(std::move(t));
}

core::ParamValues kmeansParams(int k) {
    core::ParamValues p;
    p.set("n_clusters", int64_t(k));
    p.set("seed", int64_t(0));
    return p;
}

} // namespace

class StepThroughTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void kmeansStepByStep() {
        StepThroughDialog dialog(StepThroughDialog::Mode::KMeans, iris(), kmeansParams(3));
        dialog.show();
        QVERIFY(dialog.errorText().isEmpty());
        QVERIFY(dialog.spaceCombo()->isVisible()); // four features: PCA view offered
        QCOMPARE(dialog.clustersBox()->value(), 3);
        QCOMPARE(dialog.phaseText(), QStringLiteral("Centres placed (k-means++)"));
        QVERIFY(!dialog.resetButton()->isEnabled());
        QCOMPARE(dialog.kmeansView()->centers().size(), 3);

        double lastInertia = INFINITY;
        int moves = 0;
        while (dialog.stepButton()->isEnabled()) {
            const QList<QPointF> before = dialog.kmeansView()->centers();
            const int step = dialog.stepCount() + 1;
            QTest::mouseClick(dialog.stepButton(), Qt::LeftButton);
            QCOMPARE(dialog.stepCount(), step);
            QCOMPARE(dialog.findChild<QLabel*>("stepCounter")->text(),
                     QStringLiteral("Step %1").arg(step));
            const core::KMeansStepper& k = *dialog.kmeans();
            QVERIFY(k.inertia() <= lastInertia * (1 + 1e-12));
            lastInertia = k.inertia();
            if (k.finished()) {
                QCOMPARE(dialog.phaseText(), QStringLiteral("Converged"));
            } else if (step % 2 == 1) {
                QCOMPARE(dialog.phaseText(), QStringLiteral("Assign points"));
                QCOMPARE(dialog.kmeansView()->centers(), before); // assigning moves nothing
            } else {
                QCOMPARE(dialog.phaseText(), QStringLiteral("Move centres"));
                QVERIFY(dialog.kmeansView()->centers() != before);
                ++moves;
                // Each centre that moved has one more point on its path, ending where it is.
                for (int c = 0; c < 3; ++c)
                    QCOMPARE(dialog.kmeansView()->path(c).back(),
                             dialog.kmeansView()->centers()[c]);
            }
            QVERIFY(dialog.statusText().contains(QStringLiteral("inertia")));
            QVERIFY(step < 100);
        }
        QVERIFY(moves >= 2);
        QVERIFY(dialog.kmeansView()->path(0).size() >= 2);
        QVERIFY(!dialog.runButton()->isEnabled());
        // The end is the app's K-Means fit on the same data.
        QCOMPARE(dialog.kmeans()->result().iterations, dialog.kmeans()->iterations());
        QVERIFY(dialog.kmeans()->converged());

        QTest::mouseClick(dialog.resetButton(), Qt::LeftButton);
        QCOMPARE(dialog.stepCount(), 0);
        QCOMPARE(dialog.kmeansView()->path(0).size(), 1);
        QVERIFY(dialog.stepButton()->isEnabled());
    }

    void kmeansOnTwoChosenFeatures() {
        StepThroughDialog dialog(StepThroughDialog::Mode::KMeans, iris(), kmeansParams(3));
        QVERIFY(!dialog.xCombo()->isEnabled());
        dialog.step();
        dialog.spaceCombo()->setCurrentIndex(1); // a new setting starts afresh
        QVERIFY(dialog.xCombo()->isEnabled());
        QCOMPARE(dialog.stepCount(), 0);
        dialog.xCombo()->setCurrentText(QStringLiteral("petal length (cm)"));
        dialog.yCombo()->setCurrentText(QStringLiteral("petal width (cm)"));
        dialog.clustersBox()->setValue(2);
        QCOMPARE(dialog.kmeans()->centers().cols(), 2);
        QCOMPARE(dialog.kmeans()->centers().rows(), 2);
        // The centres drawn are the stepper's, in the units of the chosen features.
        const QPointF first = dialog.kmeansView()->centers()[0];
        QCOMPARE(first.x(), dialog.kmeans()->centers()(0, 0));
        QCOMPARE(first.y(), dialog.kmeans()->centers()(0, 1));
        dialog.yCombo()->setCurrentIndex(dialog.xCombo()->currentIndex());
        QCOMPARE(dialog.errorText(), QStringLiteral("Choose two different features."));
        QVERIFY(!dialog.stepButton()->isEnabled());
    }

    void largeDataIsSampledForDrawing() {
        std::vector<double> a(12000), b(12000);
        for (size_t i = 0; i < a.size(); ++i) {
            a[i] = double(i % 3) * 10 + double(i % 7) * 0.1;
            b[i] = double(i % 5) * 0.2;
        }
        const auto big = std::make_shared<const core::Table>(std::vector<core::Column>{
            core::Column::numeric("a", a), core::Column::numeric("b", b)});
        StepThroughDialog dialog(StepThroughDialog::Mode::KMeans, big, kmeansParams(3));
        QVERIFY(dialog.errorText().isEmpty());
        QCOMPARE(dialog.kmeansView()->drawnPoints(), 6000);
        QVERIFY(dialog.step());
        QVERIFY(dialog.step());
        QCOMPARE(int(dialog.kmeans()->labels().size()), 12000);
        QVERIFY(dialog.kmeans()->inertia() <= dialog.kmeans()->inertiaHistory().front());
    }

    void runAnimatesAndPauses() {
        StepThroughDialog dialog(StepThroughDialog::Mode::KMeans, iris(), kmeansParams(3));
        QCOMPARE(dialog.runButton()->text(), QStringLiteral("&Run"));
        QTest::mouseClick(dialog.runButton(), Qt::LeftButton);
        QVERIFY(dialog.running());
        QCOMPARE(dialog.runButton()->text(), QStringLiteral("&Pause"));
        QVERIFY(!dialog.stepButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(dialog.stepCount() >= 1, 5000);
        QTest::mouseClick(dialog.runButton(), Qt::LeftButton);
        QVERIFY(!dialog.running());
        const int paused = dialog.stepCount();
        QTest::qWait(800);
        QCOMPARE(dialog.stepCount(), paused);
        dialog.setRunning(true);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.kmeans()->finished(), 30000);
        QTRY_VERIFY(!dialog.running()); // stops by itself at the end
    }

    void gradientDescentStepByStep() {
        core::ParamValues params;
        params.set("C", 1.0);
        StepThroughDialog dialog(StepThroughDialog::Mode::GradientDescent, iris(), params);
        dialog.show();
        QVERIFY(dialog.errorText().isEmpty());
        QVERIFY(dialog.spaceCombo()->isHidden());
        dialog.xCombo()->setCurrentText(QStringLiteral("petal length (cm)"));
        dialog.yCombo()->setCurrentText(QStringLiteral("petal width (cm)"));
        dialog.learningRateBox()->setValue(0.5);
        QCOMPARE(dialog.phaseText(), QStringLiteral("Weights at zero"));
        QCOMPARE(dialog.lossChart()->pointCount("loss"), size_t(1));
        const core::DecisionGrid& start = dialog.boundaryView()->grid();
        QCOMPARE(start.xColumn, std::string("petal length (cm)"));
        QVERIFY(std::all_of(start.classes.begin(), start.classes.end(),
                            [](int32_t c) { return c == 0; }));
        QCOMPARE(dialog.boundaryView()->pointCount(), 150);

        constexpr int kSteps = 12;
        double last = dialog.gradientDescent()->loss();
        for (int i = 1; i <= kSteps; ++i) {
            QTest::mouseClick(dialog.stepButton(), Qt::LeftButton);
            QCOMPARE(dialog.stepCount(), i);
            QCOMPARE(dialog.lossChart()->pointCount("loss"), size_t(i + 1));
            QVERIFY(dialog.gradientDescent()->loss() < last);
            last = dialog.gradientDescent()->loss();
            QCOMPARE(dialog.phaseText(), QStringLiteral("Weights moved against the gradient"));
        }
        // The boundary now separates the three species.
        const core::DecisionGrid& grid = dialog.boundaryView()->grid();
        std::set<int32_t> classes(grid.classes.begin(), grid.classes.end());
        QCOMPARE(classes.size(), size_t(3));
        QVERIFY(dialog.statusText().contains(QStringLiteral("accuracy")));
        const double accuracy = dialog.gradientDescent()->accuracy();
        QVERIFY2(accuracy > 0.6, qPrintable(QString::number(accuracy)));

        // A bigger rate applies from the next step on; Reset starts over.
        dialog.learningRateBox()->setValue(2.0);
        QCOMPARE(dialog.stepCount(), kSteps);
        dialog.step();
        QCOMPARE(dialog.lossChart()->pointCount("loss"), size_t(kSteps + 2));
        QTest::mouseClick(dialog.resetButton(), Qt::LeftButton);
        QCOMPARE(dialog.stepCount(), 0);
        QCOMPARE(dialog.lossChart()->pointCount("loss"), size_t(1));
        dialog.setRunning(true);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.stepCount() >= 20, 10000);
        dialog.setRunning(false);
        QCOMPARE(dialog.lossChart()->pointCount("loss"), size_t(dialog.stepCount() + 1));
    }

    void networkStepByStep() {
        StepThroughDialog dialog(StepThroughDialog::Mode::GradientDescent, iris());
        QCOMPARE(dialog.hiddenUnitsBox()->value(), 0);
        QCOMPARE(dialog.hiddenUnitsBox()->text(), QStringLiteral("None (logistic regression)"));
        QCOMPARE(dialog.gradientDescent()->hiddenUnits(), 0);
        dialog.step();
        dialog.hiddenUnitsBox()->setValue(6); // a new model starts afresh
        QCOMPARE(dialog.stepCount(), 0);
        QCOMPARE(dialog.gradientDescent()->hiddenUnits(), 6);
        QCOMPARE(dialog.lossChart()->pointCount("loss"), size_t(1));
        const double start = dialog.gradientDescent()->loss();
        for (int i = 0; i < 200; ++i)
            dialog.step();
        QCOMPARE(dialog.lossChart()->pointCount("loss"), size_t(201));
        QVERIFY(dialog.gradientDescent()->loss() < 0.5 * start);
        QVERIFY(dialog.gradientDescent()->accuracy() > 0.7);
    }

    void dataItCannotUse() {
        StepThroughDialog none(StepThroughDialog::Mode::KMeans, nullptr);
        QVERIFY(none.errorText().contains(QStringLiteral("Run the pipeline first")));
        QVERIFY(!none.stepButton()->isEnabled());
        QVERIFY(!none.runButton()->isEnabled());
        QVERIFY(!none.step());
        StepThroughDialog noTarget(StepThroughDialog::Mode::GradientDescent, iris(false));
        QVERIFY(noTarget.errorText().contains(QStringLiteral("no target column")));
        QVERIFY(!noTarget.stepButton()->isEnabled());
        StepThroughDialog tooMany(StepThroughDialog::Mode::KMeans, iris(), kmeansParams(3));
        tooMany.spaceCombo()->setCurrentIndex(1);
        const auto few = std::make_shared<const core::Table>(std::vector<core::Column>{
            core::Column::numeric("a", {1, 2}), core::Column::numeric("b", {3, 5})});
        StepThroughDialog small(StepThroughDialog::Mode::KMeans, few, kmeansParams(3));
        QVERIFY(small.errorText().contains(QStringLiteral("fewer than the 3 clusters")));
    }

    // From a pipeline's last run: the data reaching a K-Means node, stepped to the end, gives
    // the labels the node gave.
    void endsAsTheNodeOnItsInput() {
        QStandardPaths::setTestModeEnabled(true);
        const QString share = QStringLiteral(OFICINA_BIN_DIR "/../share/oficina");
        core::NodeRegistry registry;
        core::registerBuiltinNodes(registry,
                                   {.datasetDirectory = OFICINA_SOURCE_DIR "/resources/datasets"});
        QTemporaryDir dir;
        ui::MainWindow window(registry, share, nullptr, dir.filePath("recovery"));
        ui::Document& doc = window.document();
        core::ParamValues sample;
        sample.set("dataset", std::string("iris"));
        const QString data = doc.addNode("oficina.data.sample", {0, 0}, sample);
        const QString kmeans = doc.addNode("oficina.cluster.kmeans", {240, 0});
        doc.setParameter(kmeans, "n_clusters", int64_t(3));
        doc.setParameter(kmeans, "seed", int64_t(4));
        QVERIFY(!doc.connectPorts({{data.toStdString(), "data"}, {kmeans.toStdString(), "data"}}));
        QVERIFY(!window.inputTable(kmeans, {}));
        QSignalSpy finished(&window, &ui::MainWindow::runFinished);
        window.runPipeline();
        QVERIFY(finished.wait(60000));
        const auto input = window.inputTable(kmeans, {});
        QVERIFY(input);

        const core::Node& node = *doc.graph().node(kmeans.toStdString());
        StepThroughDialog dialog(StepThroughDialog::Mode::KMeans, input, node.params);
        dialog.spaceCombo()->setCurrentIndex(0); // all features, as the node clusters
        QCOMPARE(dialog.clustersBox()->value(), 3);
        while (dialog.step()) {
        }
        const auto& out = window.nodeResults().at(kmeans).outputs.at("data");
        const auto& table = *std::get<std::shared_ptr<const core::Table>>(out);
        QCOMPARE(dialog.kmeans()->labels(), table.column(core::kClusterColumn).codes());
    }

    void contextMenuEntry() {
        QWidget window;
        QMenu menu;
        core::Node other{.id = "tree", .type = "oficina.model.decision_tree"};
        QVERIFY(!ui::addStepThroughAction(
            menu, other, [] { return iris(); }, &window));
        core::Node lr{.id = "lr", .type = "oficina.model.logistic_regression"};
        QAction* action = ui::addStepThroughAction(
            menu, lr, [] { return iris(); }, &window);
        QVERIFY(action);
        QCOMPARE(action->text(), QStringLiteral("Step &through…"));
        action->trigger();
        auto* dialog = window.findChild<StepThroughDialog*>("stepThroughDialog");
        QVERIFY(dialog);
        QCOMPARE(dialog->mode(), StepThroughDialog::Mode::GradientDescent);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->testAttribute(Qt::WA_DeleteOnClose));
        dialog->close();
    }

    void screenshots() {
        const QString dir = shotsFolder();
        if (dir.isEmpty()) QSKIP("set OFICINA_SHOTS to a folder for the pictures");
        inEachLanguage([&](const QString& language) {
            StepThroughDialog kmeans(StepThroughDialog::Mode::KMeans, iris(), kmeansParams(3));
            kmeans.show();
            for (int i = 0; i < 4; ++i)
                kmeans.step();
            QTest::qWait(50);
            QVERIFY(kmeans.grab().save(dir + "/stepthrough_kmeans_" + language + ".png"));
            StepThroughDialog descent(StepThroughDialog::Mode::GradientDescent, iris());
            descent.xCombo()->setCurrentText(QStringLiteral("petal length (cm)"));
            descent.yCombo()->setCurrentText(QStringLiteral("petal width (cm)"));
            descent.show();
            for (int i = 0; i < 40; ++i)
                descent.step();
            QTest::qWait(50);
            QVERIFY(descent.grab().save(dir + "/stepthrough_descent_" + language + ".png"));
            descent.hiddenUnitsBox()->setValue(8);
            descent.xCombo()->setCurrentText(QStringLiteral("sepal length (cm)"));
            descent.yCombo()->setCurrentText(QStringLiteral("sepal width (cm)"));
            descent.learningRateBox()->setValue(1.0);
            for (int i = 0; i < 600; ++i)
                descent.step();
            QTest::qWait(50);
            QVERIFY(descent.grab().save(dir + "/stepthrough_network_" + language + ".png"));
        });
    }
};

QTEST_MAIN(StepThroughTest)
#include "tst_stepthrough.moc"
