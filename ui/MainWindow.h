#pragma once

#include "pipeline/Graph.h"

#include <QMainWindow>

#include <memory>

class QGraphicsView;
class QPlainTextEdit;
class QLabel;
class QProgressBar;
class QAction;

namespace oficina::core {
class NodeRegistry;
struct NodeResult;
struct RunResult;
} // namespace oficina::core

namespace oficina::ui {

class PipelineScene;
class RunController;

/// The main window: the pipeline canvas in the centre, the run log and results in docks.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(const core::NodeRegistry& registry, QString shareDirectory,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a pipeline file; on failure the reason goes to the log (and to `error` if given)
    /// and false is returned.
    bool openPipeline(const QString& path, QString* error = nullptr);
    void runPipeline();
    void stopRun();
    [[nodiscard]] RunController& runController() { return *m_runController; }
    [[nodiscard]] QString resultsText() const;
    [[nodiscard]] QString logText() const;

Q_SIGNALS:
    void runFinished();

private:
    void createActions();
    void createDocks();
    void chooseAndOpen();
    void showAbout();
    void appendLog(const QString& line);
    void onNodeChanged(const QString& node, const core::NodeResult& result);
    void onRunFinished(std::shared_ptr<const core::RunResult> result, quint64 revision);
    void updateActions();
    [[nodiscard]] QString nodeTitle(const QString& id) const;

    const core::NodeRegistry& m_registry;
    QString m_shareDirectory;
    core::Graph m_graph;
    QString m_path;
    quint64 m_revision = 0;

    PipelineScene* m_scene = nullptr;
    QGraphicsView* m_view = nullptr;
    QPlainTextEdit* m_log = nullptr;
    QPlainTextEdit* m_results = nullptr;
    QProgressBar* m_progress = nullptr;
    QAction* m_runAction = nullptr;
    QAction* m_stopAction = nullptr;
    std::unique_ptr<RunController> m_runController;
};

} // namespace oficina::ui
