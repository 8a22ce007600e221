// MainWindow: saving a trained model as a model package (*.ofmodel), the file `oficina-cli
// predict` and `serve` read, from the node context menu and File > Export model…; serving it
// over HTTP from the GUI (the Serve dialog), from the node context menu and Run > Serve model….
#include "MainWindow.h"

#include "Translate.h"
#include "deploy/ModelPackage.h"
#include "deploy/PackageFromRun.h"
#include "deploy/ServeDialog.h"
#include "document/Document.h"
#include "models/Model.h"
#include "pipeline/NodeRegistry.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QMessageBox>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>
#include <utility>

namespace oficina::ui {

namespace {

/// What a save on the thread pool came back with: the package's name and inputs, or why not.
struct SavedPackage {
    QString error; ///< empty on success
    QString name;
    int inputs = 0;
};

} // namespace

bool MainWindow::saveModelPackage(const QString& node, QString path) {
    const core::Node* n = m_document->graph().node(node.toStdString());
    const QString title = n ? QString::fromStdString(core::nodeLabel(*n, m_registry)) : node;
    const auto refuse = [&](const QString& why) {
        appendLog(tr("Cannot save the model of %1: %2").arg(title, why));
        QMessageBox::warning(this, tr("Save model"), why);
        return false;
    };
    const std::shared_ptr<const core::Model> model = trainedModel(node);
    if (!model)
        return refuse(tr("'%1' has not trained a model yet: run the pipeline first.").arg(title));
    // The package records the pipeline's hash: it must be the pipeline that trained the model.
    if (!m_results.fits(m_document->graph(), node))
        return refuse(tr("'%1' or a node before it has changed since the model was trained: run "
                         "the pipeline again to save the model it describes now.")
                          .arg(title));
    if (path.isEmpty()) {
        const QString folder = m_document->path().isEmpty()
                                   ? QDir::homePath()
                                   : QFileInfo(m_document->path()).absolutePath();
        path = QFileDialog::getSaveFileName(this, tr("Save model"),
                                            folder + QLatin1Char('/') + node +
                                                QLatin1String(core::deploy::kPackageExtension),
                                            tr("Oficina models (*.ofmodel)"));
        if (path.isEmpty()) return false;
        if (QFileInfo(path).suffix().isEmpty())
            path += QLatin1String(core::deploy::kPackageExtension);
    }
    // What only the window knows is gathered here, on its thread; the package is built (a
    // prediction of every training row, the profile, the ONNX export) on the pool.
    core::deploy::PackageOptions options;
    try {
        options = core::deploy::packageOptionsFromRun(
            m_document->graph(), m_registry,
            [this](const std::string& id) { return m_results.find(QString::fromStdString(id)); },
            node.toStdString(), m_document->path().toStdString());
    } catch (const std::exception& e) {
        return refuse(trException(e));
    }

    const QString shown = QDir::toNativeSeparators(path);
    const QString saving = tr("Saving the model of %1 to %2…").arg(title, shown);
    appendLog(saving);
    statusBar()->showMessage(saving);
    auto* watcher = new QFutureWatcher<SavedPackage>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, node, title, path] {
        const SavedPackage saved = watcher->result();
        watcher->deleteLater();
        m_modelSaves.removeIf([](const QFuture<void>& f) { return f.isFinished(); });
        const QString shown = QDir::toNativeSeparators(path);
        if (!saved.error.isEmpty()) {
            statusBar()->clearMessage();
            const QString why =
                tr("Could not save the model of %1 to %2: %3").arg(title, shown, saved.error);
            appendLog(why);
            QMessageBox::warning(this, tr("Save model"), why);
            Q_EMIT modelPackageSaved(node, path, false);
            return;
        }
        const QString done =
            tr("Saved model '%1' to %2 (%n inputs, %3)", nullptr, saved.inputs)
                .arg(saved.name, shown, QLocale().formattedDataSize(QFileInfo(path).size()));
        appendLog(done);
        statusBar()->showMessage(done, 8000);
        keepSavedModelWithRun(node, path);
        Q_EMIT modelPackageSaved(node, path, true);
    });
    QFuture<SavedPackage> future = QtConcurrent::run([model, options = std::move(options),
                                                      file = path.toStdString()]() -> SavedPackage {
        try {
            const core::deploy::ModelPackage package = core::deploy::packageModel(*model, options);
            core::deploy::writePackage(package, file);
            return {{},
                    QString::fromStdString(package.manifest.name),
                    int(package.manifest.inputs.size())};
        } catch (const std::exception& e) {
            return {trException(e), {}, 0};
        }
    });
    m_modelSaves.append(QFuture<void>(future));
    watcher->setFuture(future);
    return true;
}

void MainWindow::waitForModelSaves() {
    for (QFuture<void>& save : m_modelSaves)
        save.waitForFinished();
}

ServeDialog* MainWindow::serveDialog(const QString& node) const {
    return m_serveDialogs.value(node).data();
}

ServeDialog* MainWindow::serveModel(const QString& node) {
    const core::Node* n = m_document->graph().node(node.toStdString());
    const QString title = n ? QString::fromStdString(core::nodeLabel(*n, m_registry)) : node;
    const auto refuse = [&](const QString& why) -> ServeDialog* {
        appendLog(tr("Cannot serve the model of %1: %2").arg(title, why));
        QMessageBox::warning(this, tr("Serve model"), why);
        return nullptr;
    };
    // The model the node trained last, if it still fits the pipeline and is not `served`, and
    // what its package records (as Save model does: it hashes the data files, so only then).
    using Latest =
        std::optional<std::pair<std::shared_ptr<const core::Model>, core::deploy::PackageOptions>>;
    const auto current = [this, node](const std::shared_ptr<const core::Model>& served) -> Latest {
        const std::shared_ptr<const core::Model> model = trainedModel(node);
        if (!model || model == served || !m_results.fits(m_document->graph(), node))
            return std::nullopt;
        return std::pair{model, core::deploy::packageOptionsFromRun(
                                    m_document->graph(), m_registry,
                                    [this](const std::string& id) {
                                        return m_results.find(QString::fromStdString(id));
                                    },
                                    node.toStdString(), m_document->path().toStdString())};
    };
    // A newer model for an open dialog: offered (swapped in at once when it is not serving).
    const auto offerLatest = [current](ServeDialog* dialog) {
        try {
            if (const auto latest = current(dialog->model()))
                dialog->offerModel(latest->first, latest->second);
        } catch (const std::exception&) {
            // Not offered: the dialog goes on with the model it has.
        }
    };
    if (ServeDialog* open = serveDialog(node)) {
        offerLatest(open);
        open->show();
        open->raise();
        open->activateWindow();
        return open;
    }
    if (!trainedModel(node))
        return refuse(tr("'%1' has not trained a model yet: run the pipeline first.").arg(title));
    if (!m_results.fits(m_document->graph(), node))
        return refuse(tr("'%1' or a node before it has changed since the model was trained: run "
                         "the pipeline again to serve the model it describes now.")
                          .arg(title));
    Latest latest;
    try {
        latest = current(nullptr);
    } catch (const std::exception& e) {
        return refuse(trException(e));
    }
    // Served under the name the user gave the node, else its id: "logreg", as in the pipeline.
    const QString name =
        ServeDialog::modelNameFor(n ? QString::fromStdString(n->title) : QString(), node);
    auto* dialog =
        new ServeDialog(node, title, name, latest->first, std::move(latest->second), this);
    m_serveDialogs[node] = dialog;
    // Trained again: the dialog offers the new model (swapped in while serving).
    connect(this, &MainWindow::runFinished, dialog, [dialog, offerLatest] { offerLatest(dialog); });
    connect(dialog, &ServeDialog::started, this, [this, dialog, title](int port) {
        appendLog(tr("Serving the model of %1 at %2").arg(title, dialog->baseUrl()));
        statusBar()->showMessage(tr("Serving the model of %1 on port %2").arg(title).arg(port),
                                 8000);
    });
    connect(dialog, &ServeDialog::stopped, this,
            [this, title] { appendLog(tr("Stopped serving the model of %1").arg(title)); });
    connect(dialog, &ServeDialog::modelUpdated, this, [this, title](const QString& version) {
        appendLog(tr("Serving the model of %1 as retrained (version %2)").arg(title, version));
    });
    dialog->show();
    return dialog;
}

} // namespace oficina::ui
