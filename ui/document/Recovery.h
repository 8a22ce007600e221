#pragma once

#include <QLockFile>
#include <QString>
#include <QStringList>

#include <memory>

namespace oficina::ui {

class Document;

/// Crash recovery files. Each running Oficina holds a lock (QLockFile) on its own session in the
/// recovery folder (QStandardPaths::AppDataLocation/recovery) and writes its unsaved pipeline
/// there; a clean exit deletes it. A pipeline whose lock nobody holds any more was left by a
/// session that crashed, and can be recovered. UI thread only.
class Recovery {
public:
    /// `directory` empty = the standard location.
    explicit Recovery(QString directory = {});
    ~Recovery();

    [[nodiscard]] const QString& directory() const { return m_directory; }
    /// This session's recovery file.
    [[nodiscard]] QString file() const { return m_base + ".oficina"; }
    /// Writes the document if it has unsaved changes, else removes this session's file.
    /// Returns false (with `error`) when the file cannot be written.
    bool save(const Document& document, QString* error = nullptr);
    /// Removes this session's files (after a save, or at a clean exit).
    void discard();

    /// Recovery files left by sessions that are not running any more.
    [[nodiscard]] QStringList orphans() const;
    /// The path the orphaned pipeline had been saved to (empty for a new one).
    [[nodiscard]] static QString originalPath(const QString& orphan);
    /// Removes an orphan's files.
    static void remove(const QString& orphan);

private:
    QString m_directory;
    QString m_base;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace oficina::ui
