#pragma once

#include "dialogs/RecoveryDialog.h"
#include "pipeline/Executor.h"
#include "run/RunResults.h"

#include <QFuture>
#include <QList>
#include <QMainWindow>
#include <QMap>
#include <QMessageBox>
#include <QPointer>
#include <QSet>

#include <functional>
#include <map>
#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QStackedWidget;
class QTimer;

namespace oficina::core {
class NodeRegistry;
} // namespace oficina::core

namespace oficina::ui {

class Document;
class HelpPanel;
class NodeOutputsView;
class NodePalette;
class PipelineScene;
class PipelineView;
class PropertyPanel;
class Recovery;
class RunController;
class RunStoreCache;
class RunsPanel;
class ServeDialog;
class StartPage;

/// The main window: the pipeline canvas in the centre with the node outputs under it; the node
/// palette on the left, the property editor and run log on the right, in docks whose layout
/// persists. Owns the Document and the RunController; the canvas and panels follow the
/// document.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// `recoveryDirectory` empty = the standard location (tests pass their own).
    MainWindow(const core::NodeRegistry& registry, QString shareDirectory,
               QWidget* parent = nullptr, const QString& recoveryDirectory = {});
    ~MainWindow() override;

    /// Opens a pipeline file (no unsaved-changes prompt); on failure the reason goes to the log
    /// (and to `error` if given) and false is returned.
    bool openPipeline(const QString& path, QString* error = nullptr);
    /// Opens a bundled example as an untitled copy (outputs go to the documents folder),
    /// selects the node that tells its story, runs it and brings that node's telling view to
    /// the front; false (reason in the log and `error`) when it cannot be read.
    bool openExample(const QString& path, QString* error = nullptr);
    /// The welcome page (new, open, recent, examples) in place of the canvas.
    void showStartPage();
    /// The canvas again.
    void showCanvas();
    [[nodiscard]] bool isStartPageShown() const;
    [[nodiscard]] StartPage& startPage() const { return *m_startPage; }
    /// Saves to `path`; on failure the reason goes to the log and to `error`.
    bool savePipeline(const QString& path, QString* error = nullptr);
    /// Runs every node (cached results are reused).
    void runPipeline();
    /// Runs the selected nodes and everything downstream of them.
    void runFromSelection();
    void stopRun();
    /// Ends the training under way with the model it has; the run goes on
    /// (RunController::finishTraining).
    void finishTraining();
    /// Presentation mode, for a projector (View > Presentation, F11): full screen, the canvas
    /// and the selected node's outputs sharing it, the other panels hidden, larger text and
    /// thicker chart lines; Right/Left (or Page Down/Up) step through the nodes in run order.
    /// Off restores the window as it was. MainWindowPresentation.cpp.
    void setPresentation(bool on);
    [[nodiscard]] bool isPresenting() const { return m_presenting; }
    /// Selects the next (`step` 1) or previous (-1) node in run order.
    void stepSelection(int step);

    [[nodiscard]] Document& document() const { return *m_document; }
    [[nodiscard]] PipelineScene& scene() const { return *m_scene; }
    [[nodiscard]] PipelineView& view() const { return *m_view; }
    [[nodiscard]] NodePalette& palette() const { return *m_palette; }
    [[nodiscard]] PropertyPanel& properties() const { return *m_properties; }
    [[nodiscard]] NodeOutputsView& outputs() const { return *m_outputs; }
    [[nodiscard]] HelpPanel& helpPanel() const { return *m_help; }
    [[nodiscard]] RunController& runController() { return *m_runController; }
    /// The latest result of each node (from the last runs), by id.
    [[nodiscard]] const std::map<QString, core::NodeResult>& nodeResults() const {
        return m_results.all();
    }
    /// Column names for a node's input, from the last run's tables (the property panel's
    /// column pickers).
    [[nodiscard]] QStringList inputColumns(const QString& node, const QString& inputPort) const;
    /// The last run's table on a node's input ("" = its first table input), or null.
    [[nodiscard]] std::shared_ptr<const core::Table> inputTable(const QString& node,
                                                                const QString& inputPort) const;
    /// The model a node trained in the last run, or null.
    [[nodiscard]] std::shared_ptr<const core::Model> trainedModel(const QString& node) const;
    /// Writes a node's trained model as ONNX to `path` (empty = ask where), or says in a
    /// message box and the log why it cannot; true when written.
    bool exportModel(const QString& node, QString path = {});
    /// Saves a node's trained model as a model package (*.ofmodel, what `oficina-cli predict`
    /// and `serve` read) to `path` (empty = ask where). The package is built and written on the
    /// thread pool (it predicts every training row); modelPackageSaved() says how it ended, in
    /// the log and the status bar too, and a failure in a message box. False when refused
    /// (not trained, or changed since: why in a message box and the log) or cancelled.
    /// MainWindowDeploy.cpp.
    bool saveModelPackage(const QString& node, QString path = {});
    /// Blocks until the model packages being saved are written (the destructor, tests).
    void waitForModelSaves();
    /// Opens the Serve dialog for a node's trained model (one per node: an open one is raised),
    /// which serves it over HTTP while open; when the node trains again the dialog offers to
    /// swap the new model in. Null when refused (not trained, or changed since: why in a
    /// message box and the log). MainWindowDeploy.cpp.
    ServeDialog* serveModel(const QString& node);
    /// The node's open Serve dialog, or null.
    [[nodiscard]] ServeDialog* serveDialog(const QString& node) const;
    [[nodiscard]] QString resultsText() const;
    [[nodiscard]] QString logText() const;
    [[nodiscard]] QAction* action(const QString& objectName) const;
    /// Brings the selected node's output view of this class (e.g. "LossChart", "ScatterPlot")
    /// to the front; false when it has none.
    bool showOutputView(const QString& className);

    // Run history (MainWindowRuns.cpp).
    /// The run store this pipeline's runs go to (core::track::defaultStorePath of its file).
    [[nodiscard]] QString runStorePath() const;
    [[nodiscard]] RunsPanel& runsPanel() const { return *m_runsPanel; }
    /// Shows the Runs panel (Run > Runs…), its list read again.
    void showRuns();
    /// Replaces the pipeline with the one a run ran (asking to save changes first): the run's
    /// pipeline file, unsaved, its relative paths resolving in that file's folder; then runs it
    /// if `run`. False (reason in the log and `error`) when the run or its text cannot be read.
    bool restoreRun(const QString& storePath, const QString& runId, bool run,
                    QString* error = nullptr);

    // Crash recovery.
    [[nodiscard]] Recovery& recovery() const { return *m_recovery; }
    /// Writes the recovery file now (the timer does it every 60 s).
    void autosave();
    /// Lists every pipeline crashed sessions left and recovers, discards or keeps each as the
    /// user chooses (called once at start-up; MainWindowRecovery.cpp). The first one recovered
    /// goes into this window if it is empty, every other one into a new window. A file that
    /// cannot be loaded is set aside, never deleted, and the user is told where it is.
    void offerRecovery();
    /// Loads a recovery file as an unsaved pipeline, writes it to this session's recovery file
    /// and removes the orphan; true on success. On failure the orphan is set aside
    /// (Recovery::setAside) and the reason, with where the file now is, goes to the log and
    /// `error`.
    bool recover(const QString& recoveryFile, QString* error = nullptr);

    /// Replaces the "save changes?" dialog (tests): returns Save, Discard or Cancel.
    void setSavePrompt(std::function<QMessageBox::StandardButton()> prompt);
    /// Replaces the recovery dialog (tests): given the orphans, returns what to do with them.
    void setRecoveryPrompt(std::function<RecoveryChoice(const QStringList&)> prompt);
    /// Replaces the question a run asks before replacing files outside the pipeline's folder
    /// (tests): given the files, returns whether to run.
    void setOverwritePrompt(std::function<bool(const QStringList&)> prompt);

Q_SIGNALS:
    void runFinished();
    /// A saveModelPackage() ended: the file is written (`ok`) or nothing was.
    void modelPackageSaved(const QString& node, const QString& path, bool ok);

protected:
    void showEvent(QShowEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

    static constexpr int kMaxPaletteWidth = 280;
    static constexpr int kRightDockWidth = 320;
    static constexpr int kDefaultWidth = 1600;
    static constexpr int kDefaultHeight = 1000;

private:
    void createDocks();
    void createActions();
    void createStartPage(); // MainWindowStart.cpp
    /// View > Presentation and the keys it enables; returns the menu action.
    QAction* createPresentationActions();
    void updateActions();
    void updateTitle();
    void updateRecentMenu();
    void openRecent(const QString& path);
    /// Stops a run and replaces the document through `load`; on success resets the results and
    /// shows the canvas fitted, on failure says why in the log and `error`.
    bool replaceDocument(const QString& path, const std::function<void()>& load, QString* error);
    void newPipeline();
    void chooseAndOpen();
    bool save();
    bool saveAs();
    /// Asks to save unsaved changes; false when the user cancels.
    bool maybeSave();
    void startRun(std::vector<std::string> targets);
    /// Before a run: asks whether its output nodes may replace existing files outside the
    /// pipeline's folder (once per file and window); false = do not run.
    bool confirmOutsideWrites(const std::vector<std::string>& targets);
    void appendLog(const QString& line);
    void showSelection();
    void showContextMenu(const QString& item, QPointF scenePos, QPoint screenPos);
    void renameSelected();
    void addCommentAt(QPointF scenePos);
    void copySelection();
    void paste();
    void markStaleNodes();
    void onNodeChanged(const QString& node, const core::NodeResult& result);
    void onRunFinished(std::shared_ptr<const core::RunResult> result, quint64 revision);
    void onMetrics(const std::vector<core::MetricPoint>& points);
    /// The Runs panel's dock, tabbed with `outputs`; MainWindowRuns.cpp, from createDocks.
    void createRunsDock(QDockWidget* outputs);
    void addRunsActions(QMenu* run); // MainWindowRuns.cpp, from createActions
    void onRunRecorded(const QString& storePath, const QString& runId, qint64 number);
    void onRecordingFailed(const QString& storePath, const QString& reason);
    /// Stores PNGs of the charts on display for a node of the run just recorded.
    void snapshotCharts(const core::RunResult& result);
    /// Keeps a package saved from `node` with the last recorded run, when that run trained it.
    void keepSavedModelWithRun(const QString& node, const QString& path);
    /// Whether `widget` is (on) a page of the outputs' tabs, not one replaced and going.
    [[nodiscard]] bool isOnOutputTab(const QWidget* widget) const;
    void showAbout();
    void showPreferences();
    /// Whether the node's type has a model output.
    [[nodiscard]] bool trainsModel(const QString& node) const;
    /// What File → Export to ONNX exports: the selected node if it trains a model, else the only
    /// node with a trained model; empty when that is ambiguous.
    [[nodiscard]] QString nodeToExport() const;

    const core::NodeRegistry& m_registry;
    QString m_shareDirectory;
    Document* m_document = nullptr;
    PipelineScene* m_scene = nullptr;
    PipelineView* m_view = nullptr;
    QStackedWidget* m_pages = nullptr;
    StartPage* m_startPage = nullptr;
    bool m_outputsWereVisible = true;
    bool m_layoutRestored = false; ///< the window's geometry and docks came from the settings
    bool m_docksSized = false;
    bool m_presenting = false;
    QByteArray m_stateBeforePresentation; ///< docks and toolbars, for leaving presentation
    bool m_wasMaximized = false;
    QList<QAction*> m_presentationKeys; ///< enabled only while presenting
    NodePalette* m_palette = nullptr;
    PropertyPanel* m_properties = nullptr;
    NodeOutputsView* m_outputs = nullptr;
    HelpPanel* m_help = nullptr;
    QPlainTextEdit* m_log = nullptr;
    QPlainTextEdit* m_summary = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_zoomLabel = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QAction* m_runAction = nullptr;
    QAction* m_runFromAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_finishTrainingAction = nullptr;
    QAction* m_autoRunAction = nullptr;
    std::unique_ptr<RunController> m_runController;
    std::unique_ptr<Recovery> m_recovery;
    RunResults m_results;
    QTimer* m_autosaveTimer = nullptr;
    QTimer* m_autoRunTimer = nullptr;
    bool m_autoRunPending = false;
    QPointF m_pastePosition;
    std::function<QMessageBox::StandardButton()> m_savePrompt;
    std::function<RecoveryChoice(const QStringList&)> m_recoveryPrompt;
    std::function<bool(const QStringList&)> m_overwritePrompt;
    QSet<QString> m_allowedOutputs;  // files the user let runs replace, and those runs wrote
    QString m_allowedOutputsFor;     // the pipeline file m_allowedOutputs is about
    QList<QFuture<void>> m_modelSaves; // packages being written on the pool
    QMap<QString, QPointer<ServeDialog>> m_serveDialogs; // by node; null once closed
    std::shared_ptr<RunStoreCache> m_runStores;  // shared with the Runs panel
    RunsPanel* m_runsPanel = nullptr;
    QAction* m_recordRunsAction = nullptr;
    QString m_recordedStore;    // where the run now ending was recorded, and as what
    QString m_recordedRun;
    // The last recorded run and the nodes it holds results of: a model saved from one of them
    // (Save model…) is kept with that run, so the Runs panel can register it.
    QString m_lastRunStore;
    QString m_lastRunId;
    QSet<QString> m_lastRunNodes;
    QString m_recordWarnedFor;  // the store whose failure the log told of, once
};

} // namespace oficina::ui
