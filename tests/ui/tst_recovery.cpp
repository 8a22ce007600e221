// Crash recovery with several crashed windows (issue 23): every recovery file is listed, none is
// deleted unasked, each one recovered opens in a window of its own, and a file that cannot be
// loaded is set aside (and the user told where), never deleted.
#include "MainWindow.h"
#include "dialogs/RecoveryDialog.h"
#include "document/Document.h"
#include "document/Recovery.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QListWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace oficina;

namespace {

// What two crashed windows and a damaged autosave leave behind. The second is an autosave of a
// node not configured yet (Load file without a file): it must load too.
const QByteArray kIris = R"({"format": "oficina-pipeline", "version": 1, "nodes": [
    {"id": "iris", "type": "oficina.data.sample", "params": {"dataset": "iris"}}]})";
const QByteArray kUnconfigured = R"({"format": "oficina-pipeline", "version": 1, "nodes": [
    {"id": "load", "type": "oficina.data.load_file", "params": {"file": ""}}]})";
const QByteArray kBroken = R"({"format": "oficina-pipeline", "version": 1, "nodes": [{"id": )";

void write(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QByteArray read(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The windows offerRecovery opened besides `window` and kept open (one opened for a file that
/// failed is closed again); the caller deletes them.
QList<ui::MainWindow*> otherWindows(const ui::MainWindow& window) {
    QList<ui::MainWindow*> found;
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* main = qobject_cast<ui::MainWindow*>(w);
            main && main != &window && main->isVisible())
            found << main;
    return found;
}

} // namespace

class RecoveryTest : public QObject {
    Q_OBJECT

    core::NodeRegistry m_registry;
    const QString m_share = QStringLiteral(OFICINA_SOURCE_DIR "/resources");
    QTemporaryDir m_dir;
    QString m_recoveryDir;

    QStringList leaveCrashedSessions() {
        m_recoveryDir = m_dir.filePath(QStringLiteral("recovery-%1").arg(++m_round));
        QDir().mkpath(m_recoveryDir);
        write(m_recoveryDir + "/session-a.oficina", kIris);
        write(m_recoveryDir + "/session-a.path", "/work/first.oficina");
        write(m_recoveryDir + "/session-b.oficina", kUnconfigured);
        write(m_recoveryDir + "/session-c.oficina", kBroken);
        return {m_recoveryDir + "/session-a.oficina", m_recoveryDir + "/session-b.oficina",
                m_recoveryDir + "/session-c.oficina"};
    }
    int m_round = 0;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // settings out of $HOME
        core::registerBuiltinNodes(m_registry, {});
    }

    void laterKeepsEverything() {
        const QStringList files = leaveCrashedSessions();
        ui::MainWindow window(m_registry, m_share, nullptr, m_recoveryDir);
        QStringList offered;
        window.setRecoveryPrompt([&](const QStringList& orphans) {
            offered = orphans;
            return ui::RecoveryChoice{};
        });
        window.offerRecovery();
        // Every crashed session is offered, not just the newest.
        offered.sort();
        QCOMPARE(offered, files);
        for (const QString& file : files)
            QVERIFY2(QFile::exists(file), qPrintable(file));
        QCOMPARE(window.recovery().orphans().size(), qsizetype(3));
    }

    void discardRemovesOnlyWhatWasChecked() {
        const QStringList files = leaveCrashedSessions();
        ui::MainWindow window(m_registry, m_share, nullptr, m_recoveryDir);
        window.setRecoveryPrompt([&](const QStringList&) {
            return ui::RecoveryChoice{{}, {files[0]}};
        });
        window.offerRecovery();
        QVERIFY(!QFile::exists(files[0]));
        QVERIFY(!QFile::exists(m_recoveryDir + "/session-a.path"));
        QVERIFY(QFile::exists(files[1]));
        QVERIFY(QFile::exists(files[2]));
    }

    void recoversEachIntoItsOwnWindowAndSetsAsideWhatFails() {
        const QStringList files = leaveCrashedSessions();
        ui::MainWindow window(m_registry, m_share, nullptr, m_recoveryDir);
        window.setRecoveryPrompt([&](const QStringList& orphans) {
            return ui::RecoveryChoice{orphans, {}};
        });
        window.offerRecovery();

        // The damaged file is kept, out of the way, with its bytes, and the user is told where.
        const QString kept = m_recoveryDir + "/unreadable/session-c.oficina";
        QCOMPARE(read(kept), kBroken);
        QVERIFY(!QFile::exists(files[2]));
        auto* box = window.findChild<QMessageBox*>("recoveryProblems");
        QVERIFY(box);
        QVERIFY2(box->text().contains(QDir::toNativeSeparators(kept)), qPrintable(box->text()));
        QVERIFY2(box->text().contains("not valid JSON"), qPrintable(box->text()));
        QVERIFY(window.logText().contains(QDir::toNativeSeparators(kept)));

        // The two others are open, one here and one in a new window, and their orphans are
        // gone now that each window's own session holds them.
        const QList<ui::MainWindow*> others = otherWindows(window);
        QCOMPARE(others.size(), qsizetype(1));
        QStringList nodes;
        for (const ui::MainWindow* w : {&window, others[0]}) {
            QVERIFY(w->document().isModified());
            QCOMPARE(w->document().graph().nodes().size(), size_t(1));
            nodes << QString::fromStdString(w->document().graph().nodes()[0].id);
            QVERIFY(QFile::exists(w->recovery().file()));
        }
        nodes.sort();
        QCOMPARE(nodes, (QStringList{"iris", "load"}));
        QVERIFY(!QFile::exists(files[0]));
        QVERIFY(!QFile::exists(files[1]));
        QVERIFY(window.recovery().orphans().isEmpty());
        // Set aside, it is not offered again.
        ui::Recovery later(m_recoveryDir);
        QVERIFY(later.orphans().isEmpty());
        others[0]->document().clear();
        delete others[0];
    }

    void secondFailureKeepsBoth() {
        m_recoveryDir = m_dir.filePath("recovery-twice");
        QDir().mkpath(m_recoveryDir + "/unreadable");
        write(m_recoveryDir + "/unreadable/session-c.oficina", "earlier");
        write(m_recoveryDir + "/session-c.oficina", kBroken);
        const QString kept = ui::Recovery::setAside(m_recoveryDir + "/session-c.oficina");
        QCOMPARE(kept, m_recoveryDir + "/unreadable/session-c-2.oficina");
        QCOMPARE(read(kept), kBroken);
        QCOMPARE(read(m_recoveryDir + "/unreadable/session-c.oficina"), QByteArray("earlier"));
    }

    void dialogListsEverySession() {
        const QStringList files = leaveCrashedSessions();
        ui::RecoveryDialog dialog(files);
        QCOMPARE(dialog.list()->count(), 3);
        QVERIFY(dialog.list()->item(0)->text().contains(
            QDir::toNativeSeparators("/work/first.oficina")));
        QVERIFY(dialog.list()->item(1)->text().contains("Untitled pipeline"));
        // Only the newest is checked to begin with.
        QCOMPARE(dialog.checked(), QStringList{files[0]});
        dialog.list()->item(2)->setCheckState(Qt::Checked);
        QCOMPARE(dialog.checked(), (QStringList{files[0], files[2]}));
    }
};

QTEST_MAIN(RecoveryTest)
#include "tst_recovery.moc"
