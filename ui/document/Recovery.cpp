#include "document/Recovery.h"

#include "document/Document.h"
#include "util/Error.h"
#include "util/SafeFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUuid>

namespace oficina::ui {

namespace {
QString stem(const QString& file) { return file.left(file.size() - int(qstrlen(".oficina"))); }

bool hasUnsavedWork(const Document& document) {
    const bool empty = document.graph().nodes().empty() && document.graph().comments().empty();
    return document.isModified() && !empty;
}
} // namespace

Recovery::Recovery(QString directory) : m_directory(std::move(directory)) {
    if (m_directory.isEmpty())
        m_directory =
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/recovery";
    QDir().mkpath(m_directory);
    m_base = m_directory + "/session-" + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_lock = std::make_unique<QLockFile>(m_base + ".lock");
    m_lock->setStaleLockTime(0);
    m_lock->tryLock(0);
    m_writer.setMaxThreadCount(1);
}

Recovery::~Recovery() { m_writer.waitForDone(); }

void Recovery::write(const QString& pipeline, const QString& originalPath) const {
    if (pipeline.isEmpty()) {
        QFile::remove(m_base + ".oficina");
        QFile::remove(m_base + ".path");
        return;
    }
    core::writeFileAtomically(file().toStdString(), pipeline.toStdString());
    // Which file the copy belongs to, so a recovered copy can be saved back there; written
    // like the copy itself, so a crash mid-write never leaves half a path.
    core::writeFileAtomically((m_base + ".path").toStdString(), originalPath.toStdString());
}

bool Recovery::save(const Document& document, QString* error) {
    waitForWrites();
    try {
        write(hasUnsavedWork(document) ? document.serialized() : QString(), document.path());
    } catch (const core::Error& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

void Recovery::saveInBackground(const Document& document, QObject* context,
                                std::function<void(const QString&)> failed) {
    const QString pipeline = hasUnsavedWork(document) ? document.serialized() : QString();
    m_writer.start([this, pipeline, path = document.path(), receiver = QPointer(context),
                    failed = std::move(failed)] {
        try {
            write(pipeline, path);
        } catch (const core::Error& e) {
            if (!receiver) return;
            QMetaObject::invokeMethod(
                receiver, [failed, reason = QString::fromUtf8(e.what())] { failed(reason); },
                Qt::QueuedConnection);
        }
    });
}

void Recovery::waitForWrites() { m_writer.waitForDone(); }

void Recovery::discard() {
    waitForWrites();
    write({}, {});
}

QStringList Recovery::orphans() const {
    QStringList found;
    const QDir dir(m_directory);
    for (const QString& name : dir.entryList({"*.oficina"}, QDir::Files, QDir::Time)) {
        const QString path = dir.filePath(name);
        if (stem(path) == m_base) continue;
        // Only the process that wrote it holds its lock; a lock left by a dead process is
        // stale and taken over (staleLockTime 0: age alone never makes a live lock stale).
        QLockFile lock(stem(path) + ".lock");
        lock.setStaleLockTime(0);
        if (lock.tryLock(0)) {
            lock.unlock();
            found << path;
        }
    }
    return found;
}

QString Recovery::originalPath(const QString& orphan) {
    QFile file(stem(orphan) + ".path");
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString Recovery::setAside(const QString& orphan) {
    const QFileInfo info(orphan);
    QDir dir = info.dir();
    if (!dir.mkpath(QStringLiteral("unreadable")) || !dir.cd(QStringLiteral("unreadable")))
        return orphan;
    // A name not taken yet: an earlier unreadable file of the same session stays too.
    QString target = dir.filePath(info.fileName());
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = dir.filePath(info.completeBaseName() + QStringLiteral("-%1.oficina").arg(n));
    if (!QFile::rename(orphan, target)) return orphan;
    QFile::rename(stem(orphan) + ".path", stem(target) + ".path");
    QFile::remove(stem(orphan) + ".lock");
    return target;
}

void Recovery::remove(const QString& orphan) {
    QFile::remove(orphan);
    QFile::remove(stem(orphan) + ".path");
    QFile::remove(stem(orphan) + ".lock");
}

} // namespace oficina::ui
