#pragma once

#include <QLockFile>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace oficina::ui {

class Document;

/// Crash recovery files. Each running Oficina holds a lock (QLockFile) on its own session in the
/// recovery folder (QStandardPaths::AppDataLocation/recovery) and writes its unsaved pipeline
/// there; a clean exit deletes it. A pipeline whose lock nobody holds any more was left by a
/// session that crashed, and can be recovered. UI thread only; the files of saveInBackground are
/// written on a worker thread of its own, one write after another.
class Recovery {
public:
    /// `directory` empty = the standard location.
    explicit Recovery(QString directory = {});
    ~Recovery();

    [[nodiscard]] const QString& directory() const { return m_directory; }
    /// This session's recovery file.
    [[nodiscard]] QString file() const { return m_base + ".oficina"; }
    /// Writes the document if it has unsaved changes, else removes this session's file, after
    /// the writes queued before. Returns false (with `error`) when the file cannot be written.
    bool save(const Document& document, QString* error = nullptr);
    /// The same without waiting for the disk (two atomic writes, each synced: tens of
    /// milliseconds on a slow disk): the pipeline is serialised now, written on the worker, and
    /// `failed` runs on `context`'s thread with the reason when a write fails.
    void saveInBackground(const Document& document, QObject* context,
                          std::function<void(const QString&)> failed);
    /// Waits for the writes queued so far.
    void waitForWrites();
    /// Removes this session's files (after a save, or at a clean exit), after the queued writes.
    void discard();

    /// Recovery files left by sessions that are not running any more, newest first: one per
    /// crashed window, however many there were.
    [[nodiscard]] QStringList orphans() const;
    /// The path the orphaned pipeline had been saved to (empty for a new one).
    [[nodiscard]] static QString originalPath(const QString& orphan);
    /// Removes an orphan's files.
    static void remove(const QString& orphan);
    /// Moves an orphan that could not be loaded into the folder "unreadable" beside it, so it is
    /// neither offered again nor lost; returns its new path, or the orphan's own path when it
    /// cannot be moved (it is then left where it is, and offered again next time).
    static QString setAside(const QString& orphan);

private:
    /// Writes the copy and the path it belongs to, or removes both when `pipeline` is empty.
    void write(const QString& pipeline, const QString& originalPath) const;

    QString m_directory;
    QString m_base;
    std::unique_ptr<QLockFile> m_lock;
    QThreadPool m_writer; // one thread: writes land in the order they were asked for
};

} // namespace oficina::ui
