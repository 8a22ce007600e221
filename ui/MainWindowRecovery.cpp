// MainWindow: crash recovery (autosave, and what crashed sessions left behind).
#include "MainWindow.h"

#include "Translate.h"
#include "canvas/PipelineView.h"
#include "document/Document.h"
#include "document/Recovery.h"
#include "pipeline/PipelineFile.h"
#include "util/Error.h"

#include <QDir>
#include <QFileInfo>
#include <QPlainTextEdit>
#include <QTimer>

namespace oficina::ui {

void MainWindow::autosave() {
    m_recovery->saveInBackground(*m_document, this, [this](const QString& error) {
        appendLog(tr("Autosave failed: %1").arg(error));
    });
}

void MainWindow::setRecoveryPrompt(std::function<RecoveryChoice(const QStringList&)> prompt) {
    m_recoveryPrompt = std::move(prompt);
}

void MainWindow::offerRecovery() {
    const QStringList orphans = m_recovery->orphans();
    if (orphans.isEmpty()) return;
    const RecoveryChoice choice =
        m_recoveryPrompt ? m_recoveryPrompt(orphans) : RecoveryDialog::ask(orphans, this);
    for (const QString& orphan : choice.discard)
        Recovery::remove(orphan);

    // This window takes the first pipeline if it holds nothing of its own; each other one gets
    // a window (and so a recovery session) of its own, as it had before the crash.
    const auto isEmpty = [](const MainWindow& w) {
        return !w.m_document->isModified() && w.m_document->graph().nodes().empty() &&
               w.m_document->graph().comments().empty();
    };
    MainWindow* target = nullptr;
    QStringList problems;
    for (const QString& orphan : choice.recover) {
        if (!target) {
            if (isEmpty(*this)) {
                target = this;
            } else {
                target =
                    new MainWindow(m_registry, m_shareDirectory, nullptr, m_recovery->directory());
                target->setAttribute(Qt::WA_DeleteOnClose);
                target->move(pos() + QPoint(40, 40));
                target->show();
            }
        }
        QString error;
        if (target->recover(orphan, &error)) {
            target = nullptr;
        } else {
            problems << error;
            if (target != this) appendLog(error); // that window may close again
        }
    }
    if (target && target != this) target->close(); // opened for a file that failed to load
    if (problems.isEmpty()) return;
    // Not modal: the windows recovered stay usable while the user reads where the files went.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Recover pipelines"),
                                problems.join(QStringLiteral("\n\n")), QMessageBox::Ok, this);
    box->setObjectName("recoveryProblems");
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

bool MainWindow::recover(const QString& recoveryFile, QString* error) {
    const QString original = Recovery::originalPath(recoveryFile);
    try {
        core::Graph graph = core::loadPipeline(recoveryFile.toStdString(), m_registry);
        // Relative file parameters belong to the original pipeline's folder.
        graph.setBaseDirectory(
            original.isEmpty() ? std::string() : QFileInfo(original).absolutePath().toStdString());
        m_document->replaceGraph(std::move(graph), original);
    } catch (const std::exception& e) { // core::Error or anything else: the same handling
        // Kept, never deleted: the user may still get their work back from it by hand.
        const QString kept = Recovery::setAside(recoveryFile);
        const QString reason =
            tr("Cannot recover the unsaved pipeline %1: %2. Its file is kept as %3.")
                .arg(original.isEmpty() ? tr("(untitled)") : QDir::toNativeSeparators(original),
                     trException(e), QDir::toNativeSeparators(kept));
        appendLog(reason);
        if (error) *error = reason;
        return false;
    }
    // The pipeline is this session's now: written to its own recovery file before the orphan
    // goes, so a second crash right away loses nothing.
    QString saveError;
    if (m_recovery->save(*m_document, &saveError))
        Recovery::remove(recoveryFile);
    else
        appendLog(tr("Autosave failed: %1").arg(saveError));
    showCanvas();
    QTimer::singleShot(0, m_view, &PipelineView::fitToView);
    appendLog(tr("Recovered an unsaved pipeline"));
    return true;
}

} // namespace oficina::ui
