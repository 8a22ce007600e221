#include "runs/RunsPanel.h"

#include "Translate.h"
#include "runs/RegisterModelDialog.h"
#include "runs/RunCompareView.h"
#include "runs/RunDetails.h"
#include "runs/RunStoreCache.h"
#include "runs/RunsFilterModel.h"
#include "track/RunStore.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace oficina::ui {

using core::track::RunRecord;
using core::track::RunStatus;
using core::track::RunStore;

struct RunsPanel::Loaded {
    QString path;
    RunsSnapshot snapshot;
    std::exception_ptr error;
};

namespace {
constexpr int kMaxFittedWidth = 260; // a long note or file list does not push the rest away
}

RunsPanel::RunsPanel(std::shared_ptr<RunStoreCache> stores, QWidget* parent)
    : QWidget(parent), m_stores(std::move(stores)) {
    setObjectName(QStringLiteral("runsPanel"));
    m_model = new RunsTableModel(this);
    m_proxy = new RunsFilterModel(this);
    m_proxy->setSourceModel(m_model);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* filterRow = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("runsFilter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("Filter by number, note, tag, pipeline or data file"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &RunsFilterModel::setText);
    m_statusBox = new QComboBox(this);
    m_statusBox->setObjectName(QStringLiteral("runsStatusFilter"));
    m_statusBox->addItem(tr("All statuses"), -1);
    for (RunStatus status : {RunStatus::Running, RunStatus::Finished, RunStatus::Failed,
                             RunStatus::Stopped, RunStatus::Crashed})
        m_statusBox->addItem(RunsTableModel::statusText(status), int(status));
    connect(m_statusBox, &QComboBox::currentIndexChanged, this, [this] {
        const int status = m_statusBox->currentData().toInt();
        m_proxy->setStatus(status < 0 ? std::nullopt : std::optional<RunStatus>(RunStatus(status)));
    });
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_statusBox);
    layout->addLayout(filterRow);

    createActions();

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("runsTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RunsTableModel::Number, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures 10,000 rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setResizeContentsPrecision(100);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &RunsPanel::showContextMenu);

    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("runDetails"));
    m_details->setOpenLinks(false);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("runsStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    // One store read per pause while the selection moves (arrow keys through the list).
    m_detailsTimer = new QTimer(this);
    m_detailsTimer->setSingleShot(true);
    m_detailsTimer->setInterval(100);
    connect(m_detailsTimer, &QTimer::timeout, this, &RunsPanel::showDetails);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        m_detailsTimer->start();
    });
    connect(&m_loader, &QFutureWatcher<std::shared_ptr<Loaded>>::finished, this,
            &RunsPanel::onLoaded);
    connect(m_model, &RunsTableModel::noteEdited, this,
            [this](const QString& id, const QString& note) {
                if (!write(tr("Cannot save the note"),
                           [&](RunStore& s) { s.setNote(id.toStdString(), note.toStdString()); }))
                    refresh();
            });
    connect(m_model, &RunsTableModel::tagsEdited, this,
            [this](const QString& id, const QStringList& tags) {
                std::vector<std::string> list;
                for (const QString& tag : tags)
                    list.push_back(tag.toStdString());
                if (!write(tr("Cannot save the tags"),
                           [&](RunStore& s) { s.setTags(id.toStdString(), list); }))
                    refresh();
            });
    updateActions();
    showDetails();
}

RunsPanel::~RunsPanel() = default;

void RunsPanel::createActions() {
    auto* bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("runsToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    const auto add = [this, bar](const QString& text, const char* name, const QString& tip,
                                 auto slot) {
        auto* a = new QAction(text, this);
        a->setObjectName(QLatin1String(name));
        a->setToolTip(tip);
        connect(a, &QAction::triggered, this, slot);
        bar->addAction(a);
        return a;
    };
    add(tr("Refresh"), "refreshRunsAction", tr("Read the list of runs again"),
        [this] { refresh(); });
    bar->addSeparator();
    add(tr("Compare"), "compareRunsAction",
        tr("Parameters, metrics, curves and confusion matrices of the selected runs side by side"),
        [this] { compareRuns(selectedRunIds()); });
    add(tr("Restore pipeline"), "restoreRunAction", tr("Open the pipeline as it was in this run"),
        [this] { Q_EMIT restoreRequested(m_storePath, selectedRunIds().value(0), false); });
    add(tr("Run again"), "rerunAction", tr("Restore the pipeline of this run and run it"),
        [this] { Q_EMIT restoreRequested(m_storePath, selectedRunIds().value(0), true); });
    add(tr("Note and tags"), "editNoteAction",
        tr("Write a note on this run (tags: edit the Tags column)"),
        [this] { editNote(selectedRunIds().value(0)); });
    add(tr("Register model…"), "registerModelAction",
        tr("Give the model this run saved a name and version, for serving"),
        [this] { registerModel(selectedRunIds().value(0)); });
    bar->addSeparator();
    add(tr("Delete"), "deleteRunsAction", tr("Delete the selected runs"),
        [this] { deleteRuns(selectedRunIds()); });
    static_cast<QVBoxLayout*>(layout())->addWidget(bar);
}

QAction* RunsPanel::action(const QString& objectName) const {
    return findChild<QAction*>(objectName);
}

void RunsPanel::setStorePath(const QString& path) {
    if (path == m_storePath) return;
    m_storePath = path;
    m_model->setSnapshot({});
    showDetails();
    refresh();
}

void RunsPanel::refresh() {
    m_stale = true;
    if (isVisible()) load();
}

void RunsPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_stale) load();
}

void RunsPanel::load() {
    if (m_loader.isRunning()) {
        m_loadAgain = true;
        return;
    }
    m_stale = false;
    // Browsing does not create a store: a pipeline never run has none.
    if (m_storePath.isEmpty() || !QFileInfo::exists(m_storePath)) {
        m_model->setSnapshot({});
        setStatus(tr("No runs recorded yet."));
        Q_EMIT loaded();
        return;
    }
    setStatus(tr("Reading the runs…"));
    m_loader.setFuture(QtConcurrent::run([path = m_storePath] {
        auto result = std::make_shared<Loaded>();
        result->path = path;
        try {
            const RunStore store(path.toStdString());
            result->snapshot = makeRunsSnapshot(store.listRuns());
        } catch (...) {
            result->error = std::current_exception();
        }
        return result;
    }));
}

void RunsPanel::onLoaded() {
    const std::shared_ptr<Loaded> result = m_loader.result();
    if (result->path != m_storePath || std::exchange(m_loadAgain, false)) {
        load(); // another store, or runs added since it was read
        return;
    }
    const QStringList selected = selectedRunIds();
    if (result->error) {
        m_model->setSnapshot({});
        try {
            std::rethrow_exception(result->error);
        } catch (const std::exception& e) {
            setStatus(tr("Cannot read the runs: %1").arg(trException(e)));
        }
        Q_EMIT loaded();
        return;
    }
    const size_t count = result->snapshot.runs.size();
    std::vector<std::string> columns = result->snapshot.paramKeys;
    columns.insert(columns.end(), result->snapshot.metricKeys.begin(),
                   result->snapshot.metricKeys.end());
    m_model->setSnapshot(std::move(result->snapshot));
    if (columns != m_columnsFor) { // new columns: fit them, else keep the user's widths
        m_columnsFor = std::move(columns);
        m_table->resizeColumnsToContents();
        for (int c = 0; c < m_model->columnCount(); ++c)
            m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), kMaxFittedWidth));
    }
    // Runs of generated or bundled data read no file: no column for it then.
    const auto& runs = m_model->snapshot().runs;
    m_table->setColumnHidden(RunsTableModel::Data,
                             std::all_of(runs.begin(), runs.end(),
                                         [](const auto& run) { return run.dataFiles.empty(); }));
    selectRuns(selected);
    setStatus(
        tr("%n run(s) in %1", nullptr, int(count)).arg(QDir::toNativeSeparators(m_storePath)));
    Q_EMIT loaded();
}

void RunsPanel::setStatus(const QString& text) {
    m_status->setText(text);
}

QStringList RunsPanel::selectedRunIds() const {
    QStringList ids;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        ids << index.data(RunsTableModel::kIdRole).toString();
    return ids;
}

void RunsPanel::selectRuns(const QStringList& ids) {
    QItemSelection selection;
    for (const QString& id : ids)
        if (const int row = m_model->rowOf(id); row >= 0) {
            const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
            if (index.isValid()) selection.select(index, index);
        }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect |
                                                     QItemSelectionModel::Rows);
    if (!selection.isEmpty())
        m_table->selectionModel()->setCurrentIndex(selection.indexes().first(),
                                                   QItemSelectionModel::NoUpdate);
}

void RunsPanel::updateActions() {
    const QStringList ids = selectedRunIds();
    bool running = false, finished = ids.size() == 1;
    for (const QString& id : ids) {
        const int row = m_model->rowOf(id);
        if (row < 0) continue;
        running = running || m_model->run(row).status == RunStatus::Running;
        finished = finished && m_model->run(row).status == RunStatus::Finished;
    }
    action("compareRunsAction")->setEnabled(ids.size() >= 2);
    action("restoreRunAction")->setEnabled(ids.size() == 1);
    action("rerunAction")->setEnabled(ids.size() == 1);
    action("editNoteAction")->setEnabled(ids.size() == 1);
    action("registerModelAction")->setEnabled(finished);
    action("deleteRunsAction")->setEnabled(!ids.isEmpty() && !running);
}

void RunsPanel::showContextMenu(const QPoint& at) {
    if (selectedRunIds().isEmpty()) return;
    QMenu menu(this);
    for (const char* name : {"compareRunsAction", "restoreRunAction", "rerunAction",
                             "editNoteAction", "registerModelAction"})
        menu.addAction(action(QLatin1String(name)));
    menu.addSeparator();
    menu.addAction(action(QStringLiteral("deleteRunsAction")));
    menu.exec(m_table->viewport()->mapToGlobal(at));
}

std::shared_ptr<RunStore> RunsPanel::store() {
    try {
        return m_stores->open(m_storePath);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Cannot open the run store"), trException(e));
        return nullptr;
    }
}

template <typename Write> bool RunsPanel::write(const QString& title, Write&& write) {
    try {
        write(*m_stores->open(m_storePath));
        return true;
    } catch (const std::exception& e) {
        QMessageBox::warning(this, title, trException(e));
        return false;
    }
}

void RunsPanel::showDetails() {
    const QStringList ids = selectedRunIds();
    if (ids.size() != 1) {
        m_details->setPlainText(ids.isEmpty()
                                    ? tr("Select a run for its details; two or more to compare "
                                         "them.")
                                    : tr("%n runs selected", nullptr, int(ids.size())));
        return;
    }
    try {
        m_details->setHtml(runDetailsHtml(m_stores->open(m_storePath)->run(ids[0].toStdString())));
    } catch (const std::exception& e) {
        m_details->setPlainText(trException(e));
    }
}

RunCompareView* RunsPanel::compareRuns(const QStringList& ids) {
    if (ids.size() < 2) return nullptr;
    std::vector<RunRecord> records;
    if (!write(tr("Cannot compare runs"), [&](RunStore& s) {
            for (const QString& id : ids)
                records.push_back(s.run(id.toStdString()));
        }))
        return nullptr;
    std::sort(records.begin(), records.end(),
              [](const RunRecord& a, const RunRecord& b) { return a.number < b.number; });
    auto* window = new QDialog(this, Qt::Window);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setObjectName(QStringLiteral("compareRunsWindow"));
    window->setWindowTitle(tr("Compare runs"));
    auto* layout = new QVBoxLayout(window);
    auto* view = new RunCompareView(std::move(records), window);
    layout->addWidget(view);
    window->resize(1000, 720);
    window->show();
    return view;
}

void RunsPanel::deleteRuns(const QStringList& ids) {
    if (ids.isEmpty()) return;
    const auto answer = QMessageBox::question(
        this, tr("Delete runs"),
        tr("Delete %n run(s)? Their metrics and the files stored with them go too; this cannot "
           "be undone.",
           nullptr, int(ids.size())),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes) return;
    std::vector<std::string> list;
    for (const QString& id : ids)
        list.push_back(id.toStdString());
    if (write(tr("Cannot delete runs"), [&](RunStore& s) { s.deleteRuns(list); }))
        Q_EMIT message(tr("Deleted %n run(s)", nullptr, int(ids.size())));
    refresh();
}

void RunsPanel::registerModel(const QString& runId) {
    if (runId.isEmpty()) return;
    const std::shared_ptr<RunStore> s = store();
    if (!s) return;
    RunRecord run;
    QStringList models, nodes;
    try {
        run = s->run(runId.toStdString());
        for (const auto& model : s->listModels())
            models << QString::fromStdString(model.name);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Register model"), trException(e));
        return;
    }
    for (const auto& artifact : run.artifacts)
        if (artifact.kind == "model_package" &&
            !nodes.contains(QString::fromStdString(artifact.node)))
            nodes << QString::fromStdString(artifact.node);
    if (nodes.isEmpty()) {
        QMessageBox::information(
            this, tr("Register model"),
            tr("Run #%1 saved no model package. Add a Save model node to the pipeline, run it, "
               "and register that run's model.")
                .arg(run.number));
        return;
    }
    RegisterModelDialog dialog(tr("#%1", "a run by its number").arg(run.number), models, nodes,
                               this);
    if (dialog.exec() != QDialog::Accepted) return;
    core::track::ModelVersion version;
    if (!write(tr("Cannot register the model"), [&](RunStore& store) {
            version = store.registerModel(dialog.name().toStdString(), run.id,
                                          dialog.node().toStdString(),
                                          dialog.description().toStdString());
        }))
        return;
    const QString text = tr("Registered %1 version %2 (models:/%1/%2)")
                             .arg(QString::fromStdString(version.name))
                             .arg(version.version);
    setStatus(text);
    Q_EMIT message(text);
    m_detailsTimer->start();
}

void RunsPanel::editNote(const QString& runId) {
    const int row = m_model->rowOf(runId);
    if (row < 0) return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, m_model->noteColumn()));
    if (!index.isValid()) return;
    m_table->scrollTo(index);
    m_table->setCurrentIndex(index);
    m_table->edit(index);
}

} // namespace oficina::ui
