#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace oficina::core {

struct FileContents;

/// Writes one file the way QSaveFile does, without Qt: the bytes go to a new temporary file in
/// the target's folder, and only commit() puts them in place, so readers see the old file or
/// the whole new one, never a part, and a failed or abandoned write leaves the target as it was.
///
/// - The temporary file has an unpredictable name (".NAME.<random>.tmp") and is created with
///   O_CREAT | O_EXCL | O_NOFOLLOW: a file or symlink planted at that name is never opened.
/// - commit() flushes the file to disk (fsync), gives it the replaced file's mode (and owner
///   where allowed; a new file gets 0666 less the umask), renames it over the target and
///   flushes the folder, so the rename survives a crash too.
/// - When the target is a symlink the write goes through it: the file the link points to
///   (following every link in a chain) is replaced and the link stays a link.
/// - A target that exists and is neither a regular file nor a folder (a pipe, /dev/stdout) is
///   written directly: there is nothing to replace atomically.
///
/// Errors are Error with where = the path as given. Not thread-safe; one object per file. The
/// destructor discards an uncommitted file (removes the temporary file).
///
/// Example:
///     SafeFile file("out/predictions.csv");
///     for (const auto& chunk : chunks) file.write(chunk);
///     file.commit();  // nothing at "out/predictions.csv" changes before this line
class SafeFile {
public:
    explicit SafeFile(std::string path);
    ~SafeFile();
    SafeFile(const SafeFile&) = delete;
    SafeFile& operator=(const SafeFile&) = delete;

    /// Appends bytes to the temporary file; throws Error (and discards) when they cannot be
    /// written (disk full…).
    void write(std::string_view bytes);
    /// Flushes the temporary file to disk and renames it over the target. Throws Error (the
    /// target is then unchanged and the temporary file removed).
    void commit();
    /// Removes the temporary file; the target stays as it was. Safe to call twice.
    void discard() noexcept;

    /// The path as given.
    [[nodiscard]] const std::string& path() const { return m_path; }
    /// The file that commit() replaces: the path with symlinks resolved.
    [[nodiscard]] const std::string& target() const { return m_target; }
    /// The temporary file being written (empty once committed or discarded).
    [[nodiscard]] const std::string& temporaryPath() const { return m_temporary; }

private:
    friend void writeFilesAtomically(const std::vector<FileContents>& files);

    /// commit()'s first half: contents on disk, mode set, file closed; nothing replaced yet.
    void prepare();
    /// commit()'s second half: the rename and the folder's flush.
    void replaceTarget();

    std::string m_path;
    std::string m_target;
    std::string m_temporary;
    int m_fd = -1;
    bool m_direct = false;  // writing straight to a pipe or device
};

/// Writes `contents` to `path` with SafeFile's guarantees; throws Error on failure.
void writeFileAtomically(const std::string& path, std::string_view contents);

/// One file of writeFilesAtomically().
struct FileContents {
    std::string path;
    std::string_view contents;  ///< must outlive the call
};

/// All or nothing for several files that belong together (a model and its card): every
/// temporary file is written and flushed first, then all are renamed in the order given. When
/// any write fails no target has changed; when a rename fails (rare: the target is a folder…)
/// the targets already renamed are rolled back — a file that did not exist is removed, one
/// that did gets its old contents back — and the temporary files are removed. Throws Error
/// (where = the path that failed).
void writeFilesAtomically(const std::vector<FileContents>& files);

} // namespace oficina::core
