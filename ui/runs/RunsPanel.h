#pragma once

#include "runs/RunsTableModel.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include <exception>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;
class QTimer;

namespace oficina::ui {

class RunCompareView;
class RunStoreCache;
class RunsFilterModel;

/// The Runs panel: the runs of one store (core/track) as a sortable, filterable table, the
/// selected run's details under it, and what to do with runs: compare, restore the pipeline
/// (and run it again), delete, annotate with a note and tags, register a model. The list loads
/// off the UI thread, and only while the panel is shown; 10,000 runs are one model, no widget
/// per row. UI thread.
class RunsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunsPanel(std::shared_ptr<RunStoreCache> stores, QWidget* parent = nullptr);
    ~RunsPanel() override;

    /// Shows the runs of the store at `path` (a database that does not exist yet lists none).
    void setStorePath(const QString& path);
    [[nodiscard]] const QString& storePath() const { return m_storePath; }
    /// Loads the list again: now if the panel is shown, else when it next is. loaded() follows.
    void refresh();

    [[nodiscard]] RunsTableModel& model() const { return *m_model; }
    [[nodiscard]] RunsFilterModel& proxy() const { return *m_proxy; }
    [[nodiscard]] QTableView* table() const { return m_table; }
    [[nodiscard]] QLineEdit* filterEdit() const { return m_filter; }
    [[nodiscard]] QComboBox* statusFilter() const { return m_statusBox; }
    [[nodiscard]] QTextBrowser* details() const { return m_details; }
    [[nodiscard]] QAction* action(const QString& objectName) const;
    [[nodiscard]] QStringList selectedRunIds() const;
    void selectRuns(const QStringList& ids);

    // What the actions do, on the selected runs or on these.
    /// Opens a window comparing the runs (two or more); returns its view, or null.
    RunCompareView* compareRuns(const QStringList& ids);
    /// Asks, then deletes; a refusal (a registered model comes from a run) in a message box.
    void deleteRuns(const QStringList& ids);
    /// Asks for a name and description and registers the run's model package.
    void registerModel(const QString& runId);
    /// Starts editing the note of a run in the table.
    void editNote(const QString& runId);

Q_SIGNALS:
    /// The user wants the pipeline of a run back in the editor, and run again if `run`.
    void restoreRequested(const QString& storePath, const QString& runId, bool run);
    /// The list shows the store's runs as they were just read (or why they could not be).
    void loaded();
    /// Something happened worth a line in the run log ("Registered churn version 2").
    void message(const QString& text);

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Loaded;
    void createActions();
    void load();
    void onLoaded();
    void updateActions();
    void showDetails();
    void showContextMenu(const QPoint& at);
    void setStatus(const QString& text);
    /// The store, opened on the UI thread; null (reason in a message box) when it cannot be.
    std::shared_ptr<core::track::RunStore> store();
    /// Runs the store call `write`; false with the reason in a message box titled `title`.
    template <typename Write> bool write(const QString& title, Write&& write);

    std::shared_ptr<RunStoreCache> m_stores;
    QString m_storePath;
    RunsTableModel* m_model = nullptr;
    RunsFilterModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QLineEdit* m_filter = nullptr;
    QComboBox* m_statusBox = nullptr;
    QTextBrowser* m_details = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_detailsTimer = nullptr;
    QFutureWatcher<std::shared_ptr<Loaded>> m_loader;
    bool m_stale = true;                   ///< the list is older than the store (load when shown)
    bool m_loadAgain = false;              ///< a refresh came while loading
    std::vector<std::string> m_columnsFor; ///< the keys the column widths were fitted to
};

} // namespace oficina::ui
