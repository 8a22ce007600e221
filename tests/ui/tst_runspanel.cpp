// The Runs panel over a store filled directly (runs with their parameters, metrics, series and
// confusion matrices): its rows, sorting by a metric, filtering by text and status, the
// comparison (differences highlighted, both losses on one chart, two confusion matrices),
// deleting after a question, a note kept in the store, registering a model twice; and the main
// window recording its runs beside the pipeline, not when told not to, and restoring one.
// OFICINA_SHOTS=dir saves pictures of the panel and the comparison (pt_BR with OFICINA_QM).
#include "../track/TrackFixture.h"
#include "AppFixture.h"
#include "PopupHelpers.h"
#include "Screenshots.h"

#include "MainWindow.h"
#include "canvas/PipelineScene.h"
#include "charts/ConfusionMatrixView.h"
#include "charts/RunCurvesChart.h"
#include "document/Document.h"
#include "runs/RegisterModelDialog.h"
#include "runs/RunCompareView.h"
#include "runs/RunStoreCache.h"
#include "runs/RunsFilterModel.h"
#include "runs/RunsPanel.h"
#include "runs/RunsTableModel.h"
#include "track/RunStore.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace oficina;
using core::track::RunRecord;
using core::track::RunStatus;
using core::track::RunStore;

namespace {

struct FakeRun {
    RunStatus status = RunStatus::Finished;
    std::map<std::string, std::string> params;
    std::vector<std::pair<std::string, double>> scalars;
    std::vector<std::pair<std::string, std::vector<double>>> series;
    std::vector<double> confusion; ///< 2 × 2, empty for none
    std::string note;
    std::vector<std::string> tags;
    std::string reproducibility = "exact";
};

/// Records a run as the recorder would, without running anything; returns its id.
std::string addRun(RunStore& store, const FakeRun& fake) {
    RunRecord record;
    record.experiment = "churn";
    record.pipelinePath = "/data/churn.oficina";
    record.pipelineText = "{}";
    record.source = "cli";
    record.note = fake.note;
    record.tags = fake.tags;
    store.beginRun(record);
    if (fake.status == RunStatus::Running) return record.id;
    record.status = fake.status;
    record.endMs = record.startMs + 4200;
    record.params = fake.params;
    record.reproducibility = fake.reproducibility;
    for (const auto& [key, value] : fake.scalars)
        record.metrics.push_back({key, value});
    for (const auto& [key, values] : fake.series)
        for (size_t i = 0; i < values.size(); ++i)
            record.metrics.push_back({key, values[i], double(i + 1), 0, true});
    if (!fake.confusion.empty()) {
        nlohmann::json values = nlohmann::json::array(
            {{fake.confusion[0], fake.confusion[1]}, {fake.confusion[2], fake.confusion[3]}});
        nlohmann::json matrix = {
            {"rows", {"no", "yes"}}, {"columns", {"no", "yes"}}, {"values", values}};
        record.report =
            nlohmann::json{
                {"format", "oficina-run-report"},
                {"nodes", {{{"id", "score"}, {"matrices", {{"confusion_matrix", matrix}}}}}}}
                .dump();
    }
    if (fake.status == RunStatus::Failed) {
        record.failedNode = "model";
        record.message = "did not converge";
    }
    store.finishRun(record);
    return record.id;
}

/// The run numbers in the order the panel's table shows them.
QList<int> shownNumbers(const ui::RunsPanel& panel) {
    QList<int> numbers;
    const auto& proxy = panel.proxy();
    for (int row = 0; row < proxy.rowCount(); ++row)
        numbers << proxy.index(row, ui::RunsTableModel::Number).data().toInt();
    return numbers;
}

/// Clicks `button` on the next message box.
void answerNextMessage(QMessageBox::StandardButton button, QString* text = nullptr) {
    onNextPopup([button, text](QWidget* popup) {
        auto* box = qobject_cast<QMessageBox*>(popup);
        QVERIFY(box);
        if (text) *text = box->text();
        box->button(button)->click();
    });
}

} // namespace

class RunsPanelTest : public QObject {
    Q_OBJECT

    core::NodeRegistry m_registry;
    QTemporaryDir m_userData; // the user's store, for pipelines that were never saved
    QTemporaryDir m_dir;
    QString m_storePath;
    std::vector<std::string> m_ids; // runs #1…#4

    /// A panel on the fixture store, shown and loaded.
    std::unique_ptr<ui::RunsPanel> openPanel(const QString& path) {
        auto panel = std::make_unique<ui::RunsPanel>(std::make_shared<ui::RunStoreCache>());
        panel->resize(1200, 400);
        QSignalSpy loaded(panel.get(), &ui::RunsPanel::loaded);
        panel->setStorePath(path);
        panel->show();
        if (loaded.isEmpty()) loaded.wait(10000);
        return panel;
    }

private Q_SLOTS:
    void initTestCase() {
        qputenv("XDG_DATA_HOME", m_userData.path().toUtf8());
        qunsetenv("OFICINA_RUN_STORE");
        setUpAppForTest(m_registry);
        m_storePath = m_dir.filePath(".oficina/runs.db");
        RunStore store(m_storePath.toStdString());
        m_ids.push_back(addRun(store, {.params = {{"model.C", "1"}, {"split.test_size", "0.25"}},
                                       .scalars = {{"score.accuracy", 0.90}},
                                       .series = {{"model.loss", {0.9, 0.6, 0.5}},
                                                  {"model.val_loss", {1.0, 0.7, 0.65}}},
                                       .confusion = {40, 10, 5, 45},
                                       .note = "baseline",
                                       .tags = {"base"}}));
        m_ids.push_back(addRun(store, {.params = {{"model.C", "0.5"}, {"split.test_size", "0.25"}},
                                       .scalars = {{"score.accuracy", 0.95}},
                                       .series = {{"model.loss", {0.8, 0.4, 0.3, 0.25}}},
                                       .confusion = {47, 3, 2, 48},
                                       .tags = {"tuned"},
                                       .reproducibility = "last_bits"}));
        m_ids.push_back(
            addRun(store, {.status = RunStatus::Failed,
                           .params = {{"model.C", "10"}, {"split.test_size", "0.25"}}}));
        {
            // Begun by a process that died: its owner lock went with it.
            RunStore other(m_storePath.toStdString());
            m_ids.push_back(addRun(other, {.status = RunStatus::Running}));
        }
    }

    void listsSortsAndFilters() {
        auto panel = openPanel(m_storePath);
        const ui::RunsTableModel& model = panel->model();
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(shownNumbers(*panel), (QList<int>{4, 3, 2, 1})); // newest first
        const int row4 = model.rowOf(QString::fromStdString(m_ids[3]));
        QCOMPARE(model.index(row4, ui::RunsTableModel::Status).data().toString(),
                 QStringLiteral("Crashed"));
        QCOMPARE(
            model.index(model.rowOf(QString::fromStdString(m_ids[2])), ui::RunsTableModel::Status)
                .data()
                .toString(),
            QStringLiteral("Failed"));
        // Only the parameter that differs gets a column.
        QVERIFY(model.paramColumn("model.C") >= 0);
        QCOMPARE(model.paramColumn("split.test_size"), -1);
        const int accuracy = model.metricColumn("score.accuracy");
        QVERIFY(accuracy >= 0);
        QCOMPARE(model.headerData(accuracy, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("Accuracy"));

        // By accuracy, both ways; runs without one stay last.
        panel->table()->sortByColumn(accuracy, Qt::AscendingOrder);
        QCOMPARE(shownNumbers(*panel).mid(0, 2), (QList<int>{1, 2}));
        panel->table()->sortByColumn(accuracy, Qt::DescendingOrder);
        QCOMPARE(shownNumbers(*panel).mid(0, 2), (QList<int>{2, 1}));
        // By C as numbers: 0.5 < 1 < 10.
        panel->table()->sortByColumn(model.paramColumn("model.C"), Qt::AscendingOrder);
        QCOMPARE(shownNumbers(*panel).mid(0, 3), (QList<int>{2, 1, 3}));

        panel->filterEdit()->setText("tuned");
        QCOMPARE(shownNumbers(*panel), QList<int>{2});
        panel->filterEdit()->setText("#1");
        QCOMPARE(shownNumbers(*panel), QList<int>{1});
        panel->filterEdit()->setText("BASELINE");
        QCOMPARE(shownNumbers(*panel), QList<int>{1});
        panel->filterEdit()->clear();
        QComboBox* status = panel->statusFilter();
        status->setCurrentIndex(status->findData(int(RunStatus::Failed)));
        QCOMPARE(shownNumbers(*panel), QList<int>{3});
        status->setCurrentIndex(status->findData(int(RunStatus::Finished)));
        QCOMPARE(shownNumbers(*panel).size(), 2);
        status->setCurrentIndex(0);
        QCOMPARE(shownNumbers(*panel).size(), 4);

        // The actions follow the selection.
        panel->selectRuns({QString::fromStdString(m_ids[0])});
        QVERIFY(!panel->action("compareRunsAction")->isEnabled());
        QVERIFY(panel->action("restoreRunAction")->isEnabled());
        panel->selectRuns({QString::fromStdString(m_ids[0]), QString::fromStdString(m_ids[1])});
        QVERIFY(panel->action("compareRunsAction")->isEnabled());
        QVERIFY(!panel->action("restoreRunAction")->isEnabled());
        // One run's details say whether a re-run repeats it.
        panel->selectRuns({QString::fromStdString(m_ids[1])});
        QTRY_VERIFY(panel->details()->toPlainText().contains("last bits"));
    }

    void comparesRuns() {
        auto panel = openPanel(m_storePath);
        ui::RunCompareView* view = panel->compareRuns(
            {QString::fromStdString(m_ids[1]), QString::fromStdString(m_ids[0])});
        QVERIFY(view);
        QCOMPARE(view->runs().front().number, 1); // in run order
        QVERIFY(view->differs("model.C"));
        QVERIFY(!view->differs("split.test_size"));
        QTableWidget* params = view->parameters();
        int differing = -1, same = -1;
        for (int row = 0; row < params->rowCount(); ++row) {
            const QString key = params->verticalHeaderItem(row)->text();
            if (key == "model.C") differing = row;
            if (key == "split.test_size") same = row;
        }
        QVERIFY(differing >= 0 && same >= 0);
        QCOMPARE(params->item(differing, 0)->text(), QStringLiteral("1"));
        QCOMPARE(params->item(differing, 1)->text(), QStringLiteral("0.5"));
        QVERIFY(params->item(differing, 0)->background() != params->item(same, 0)->background());

        QTableWidget* metrics = view->metrics();
        QCOMPARE(metrics->rowCount(), 1);
        QVERIFY(metrics->item(0, 1)->font().bold()); // 0.95, the better accuracy
        QVERIFY(!metrics->item(0, 0)->font().bold());

        ui::RunCurvesChart* curves = view->curves();
        QVERIFY(curves);
        const QStringList lines = curves->lineNames();
        QCOMPARE(lines.size(), 3); // #1's loss and validation loss, #2's loss
        QVERIFY(lines.filter("#1").size() == 2 && lines.filter("#2").size() == 1);

        QCOMPARE(view->confusionMatrices().size(), 2);
        QCOMPARE(view->confusionMatrices()[0]->count(0, 1), 10.0);
        QCOMPARE(view->confusionMatrices()[1]->count(0, 1), 3.0);
        QVERIFY(view->reproducibilityNote().contains("last bits"));
        QVERIFY(view->reproducibilityNote().contains("#2"));
        view->window()->close();
    }

    void keepsNotesAndTags() {
        auto panel = openPanel(m_storePath);
        ui::RunsTableModel& model = panel->model();
        const int row = model.rowOf(QString::fromStdString(m_ids[1]));
        QVERIFY(model.setData(model.index(row, model.noteColumn()), "C halved", Qt::EditRole));
        QVERIFY(model.setData(model.index(row, model.tagsColumn()), "tuned, keep", Qt::EditRole));
        const RunRecord stored = RunStore(m_storePath.toStdString()).run(m_ids[1]);
        QCOMPARE(stored.note, std::string("C halved"));
        QCOMPARE(stored.tags, (std::vector<std::string>{"tuned", "keep"}));
    }

    void showsRunningThenCrashed() {
        QTemporaryDir dir;
        const QString path = dir.filePath("runs.db");
        auto writer = std::make_unique<RunStore>(path.toStdString());
        const QString id = QString::fromStdString(addRun(*writer, {.status = RunStatus::Running}));
        auto panel = openPanel(path);
        const auto status = [&] {
            return panel->model().index(panel->model().rowOf(id), 0).data().toString();
        };
        QCOMPARE(status(), QStringLiteral("Running"));
        panel->selectRuns({id});
        QVERIFY(!panel->action("deleteRunsAction")->isEnabled()); // its owner is writing it
        writer.reset();                                           // as if its process died
        QSignalSpy loaded(panel.get(), &ui::RunsPanel::loaded);
        panel->refresh();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(status(), QStringLiteral("Crashed"));
        QVERIFY(panel->action("deleteRunsAction")->isEnabled());
    }

    void deletesAfterAsking() {
        QTemporaryDir dir;
        const QString path = dir.filePath("runs.db");
        std::string id;
        {
            RunStore store(path.toStdString());
            addRun(store, {});
            id = addRun(store, {});
        }
        auto panel = openPanel(path);
        QSignalSpy loaded(panel.get(), &ui::RunsPanel::loaded);
        answerNextMessage(QMessageBox::Cancel);
        panel->deleteRuns({QString::fromStdString(id)});
        QCOMPARE(RunStore(path.toStdString()).listRuns().size(), size_t(2));
        QString question;
        answerNextMessage(QMessageBox::Yes, &question);
        panel->deleteRuns({QString::fromStdString(id)});
        QVERIFY(question.contains("1 run"));
        QCOMPARE(RunStore(path.toStdString()).listRuns().size(), size_t(1));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(panel->model().rowCount(), 1);
    }

    void registersModelVersions() {
        QTemporaryDir dir;
        const std::string pipeline =
            tests::writeIrisPipeline(dir.path(), tests::kLogisticLearner, true);
        const QString path = QString::fromStdString(core::track::defaultStorePath(pipeline));
        std::string id;
        {
            RunStore store(path.toStdString());
            id = tests::recordRun(store, m_registry, pipeline).id;
        }
        auto panel = openPanel(path);
        for (int expected = 1; expected <= 2; ++expected) {
            onNextPopup([](QWidget* popup) {
                auto* dialog = qobject_cast<ui::RegisterModelDialog*>(popup);
                QVERIFY(dialog);
                dialog->nameEdit()->setText("churn");
                dialog->accept();
            });
            QSignalSpy message(panel.get(), &ui::RunsPanel::message);
            panel->registerModel(QString::fromStdString(id));
            QCOMPARE(message.size(), 1);
            QVERIFY(message[0][0].toString().contains(QString("churn version %1").arg(expected)));
            QCOMPARE(RunStore(path.toStdString()).modelVersions("churn").size(), size_t(expected));
        }
        // A run a registered model comes from stays, and the user is told why.
        QString refusal;
        onNextPopup([&refusal](QWidget* popup) {
            answerNextMessage(QMessageBox::Ok, &refusal);
            qobject_cast<QMessageBox*>(popup)->button(QMessageBox::Yes)->click();
        });
        panel->deleteRuns({QString::fromStdString(id)});
        QVERIFY2(refusal.contains("churn"), qPrintable(refusal));
        QCOMPARE(RunStore(path.toStdString()).listRuns().size(), size_t(1));
    }

    void mainWindowRecordsAndRestores() {
        QTemporaryDir dir;
        const QString pipeline = dir.filePath("iris.oficina");
        QVERIFY(QFile::copy(installedShare() + "/examples/iris_classification.oficina", pipeline));
        ui::MainWindow window(m_registry, installedShare(), nullptr, dir.filePath("recovery"));
        window.setSavePrompt([] { return QMessageBox::Discard; });
        QVERIFY(window.openPipeline(pipeline));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.runStorePath(), dir.filePath(".oficina/runs.db"));
        QCOMPARE(window.runsPanel().storePath(), window.runStorePath());
        window.scene().selectItems({"score"}); // its charts on display are kept with the run
        QSignalSpy finished(&window, &ui::MainWindow::runFinished);
        window.runPipeline();
        QVERIFY(finished.wait(60000));

        const std::string store = window.runStorePath().toStdString();
        std::vector<core::track::RunSummary> runs = RunStore(store).listRuns();
        QCOMPARE(runs.size(), size_t(1));
        QCOMPARE(runs[0].status, RunStatus::Finished);
        QCOMPARE(runs[0].source, std::string("gui"));
        QVERIFY(runs[0].metrics.contains("score.accuracy"));
        const auto charts = [&] {
            const RunRecord run = RunStore(store).run(runs[0].id);
            return std::count_if(run.artifacts.begin(), run.artifacts.end(), [](const auto& a) {
                return a.kind == "chart" && a.node == "score";
            });
        };
        QTRY_VERIFY(charts() >= 2); // the confusion matrix and the ROC curves at least
        // Save model… on a node the run trained keeps the package with the run: registrable.
        QSignalSpy saved(&window, &ui::MainWindow::modelPackageSaved);
        QVERIFY(window.saveModelPackage("logreg", dir.filePath("iris.ofmodel")));
        QVERIFY(saved.wait(60000));
        QCOMPARE(RunStore(store).registerModel("iris", runs[0].id).node, std::string("logreg"));
        const RunRecord recorded = RunStore(store).run(runs[0].id);
        QVERIFY(window.logText().contains("Recorded as run #1"));

        // Off for this pipeline: runs go on, unrecorded; the setting is part of the file.
        QAction* record = window.action("recordRunsAction");
        QVERIFY(record->isChecked());
        record->trigger();
        QVERIFY(!window.document().graph().recordRuns());
        QVERIFY(window.document().isModified());
        QVERIFY(window.document().serialized().contains("\"record_runs\": false"));
        window.document().setParameter("logreg", "C", 0.5);
        window.runPipeline();
        QVERIFY(finished.wait(60000));
        QCOMPARE(RunStore(store).listRuns().size(), size_t(1));

        // Back to the pipeline as it ran, then again with a run.
        QVERIFY(
            window.restoreRun(window.runStorePath(), QString::fromStdString(runs[0].id), false));
        QCOMPARE(window.document().serialized().toStdString(), recorded.pipelineText);
        QCOMPARE(window.document().path(), pipeline);
        QVERIFY(window.document().isModified());
        QVERIFY(record->isChecked());
        QVERIFY(window.restoreRun(window.runStorePath(), QString::fromStdString(runs[0].id), true));
        QVERIFY(finished.wait(60000));
        runs = RunStore(store).listRuns();
        QCOMPARE(runs.size(), size_t(2));
        QCOMPARE(runs[0].metrics, runs[1].metrics);
    }

    void aStoreThatFailsWarnsOnceAndRunsGoOn() {
        QTemporaryDir dir;
        const QString pipeline = dir.filePath("iris.oficina");
        QVERIFY(QFile::copy(installedShare() + "/examples/iris_classification.oficina", pipeline));
        QVERIFY(QDir(dir.path()).mkdir(".oficina"));
        QFile junk(dir.filePath(".oficina/runs.db"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(4096, 'x')); // not a database
        junk.close();
        ui::MainWindow window(m_registry, installedShare(), nullptr, dir.filePath("recovery"));
        QVERIFY(window.openPipeline(pipeline));
        QSignalSpy finished(&window, &ui::MainWindow::runFinished);
        for (double c : {1.0, 0.5}) {
            window.document().setParameter("logreg", "C", c);
            window.runPipeline();
            QVERIFY(finished.wait(60000));
            QCOMPARE(window.nodeResults().at("score").state, core::NodeState::Done);
        }
        QCOMPARE(window.logText().count("Runs are not being recorded"), 1);
    }

    void screenshots() {
        const QString shots = shotsFolder();
        if (shots.isEmpty()) QSKIP("set OFICINA_SHOTS to a folder for the pictures");
        inEachLanguage([&](const QString& language) {
            auto panel = openPanel(m_storePath);
            panel->resize(1100, 320);
            panel->selectRuns({QString::fromStdString(m_ids[1])});
            QTest::qWait(300);
            panel->grab().save(shots + "/runs_panel_" + language + ".png");
            ui::RunCompareView* view = panel->compareRuns(
                {QString::fromStdString(m_ids[0]), QString::fromStdString(m_ids[1])});
            QWidget* window = view->window();
            for (int tab = 0; tab < view->tabs()->count(); ++tab) {
                view->tabs()->setCurrentIndex(tab);
                QTest::qWait(100);
                window->grab().save(
                    QString("%1/runs_compare_%2_%3.png").arg(shots).arg(tab).arg(language));
            }
            window->close();
            ui::RegisterModelDialog dialog("#2", {"churn"}, {"save", "save_forest"});
            dialog.show();
            QTest::qWait(50);
            dialog.grab().save(shots + "/runs_register_" + language + ".png");

            // In the window, after two runs of an example.
            QTemporaryDir dir;
            const QString pipeline = dir.filePath("iris.oficina");
            QFile::copy(installedShare() + "/examples/iris_classification.oficina", pipeline);
            ui::MainWindow main(m_registry, installedShare(), nullptr, dir.filePath("recovery"));
            main.resize(1600, 1000);
            main.openPipeline(pipeline);
            main.show();
            QVERIFY(QTest::qWaitForWindowExposed(&main));
            QSignalSpy finished(&main, &ui::MainWindow::runFinished);
            for (double c : {1.0, 0.05}) {
                main.document().setParameter("logreg", "C", c);
                main.runPipeline();
                QVERIFY(finished.wait(60000));
            }
            QSignalSpy loaded(&main.runsPanel(), &ui::RunsPanel::loaded);
            main.showRuns();
            QVERIFY(loaded.wait(10000));
            QTest::qWait(100);
            main.grab().save(shots + "/runs_window_" + language + ".png");
        });
    }
};

QTEST_MAIN(RunsPanelTest)
#include "tst_runspanel.moc"
