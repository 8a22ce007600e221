#include "util/SafeFile.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <cerrno>
#include <filesystem>
#include <memory>
#include <random>
#include <set>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace oficina::core {

namespace fs = std::filesystem;

namespace {

// Linux's limit on symlinks followed while resolving one path (MAXSYMLINKS).
constexpr int kMaxLinks = 40;
// The longest name a file system entry may have (NAME_MAX on Linux's file systems).
constexpr size_t kMaxName = 255;

std::string reason(int code) { return std::error_code(code, std::generic_category()).message(); }

[[noreturn]] void throwWriteError(const std::string& path, int code) {
    throw Error(Message(OFICINA_TR_NOOP("cannot write the file: %1"), {reason(code)}), path);
}

[[noreturn]] void throwReplaceError(const std::string& path, int code) {
    throw Error(Message(OFICINA_TR_NOOP("cannot replace the file: %1"), {reason(code)}), path);
}

/// The file a write to `path` should replace: `path` itself, or what its chain of symlinks
/// ends at (which need not exist yet). Writing through the link keeps the link, as an editor
/// does; replacing the link itself would silently cut it from the file it shared.
std::string resolveLinks(const std::string& path, const std::string& given) {
    fs::path current(path);
    for (int hops = 0; hops <= kMaxLinks; ++hops) {
        std::error_code ec;
        if (!fs::is_symlink(fs::symlink_status(current, ec)) || ec) return current.string();
        const fs::path next = fs::read_symlink(current, ec);
        if (ec) return current.string();  // the write itself reports why
        current = next.is_absolute() ? next : current.parent_path() / next;
    }
    throwWriteError(given, ELOOP);
}

fs::path folderOf(const fs::path& file) {
    return file.parent_path().empty() ? fs::path(".") : file.parent_path();
}

/// ".NAME.<12 random letters>.tmp" in the target's folder; the name shortened so the whole
/// stays within kMaxName.
std::string uniqueSibling(const fs::path& target, const char* suffix) {
    static constexpr char kLetters[] =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::random_device random;  // the kernel's generator: not guessable from the pid or time
    std::string name = target.filename().string();
    std::string tail = ".";
    for (int i = 0; i < 12; ++i) tail += kLetters[random() % (sizeof kLetters - 1)];
    tail += suffix;
    name.resize(std::min(name.size(), kMaxName - 1 - tail.size()));
    return (folderOf(target) / ("." + name + tail)).string();
}

/// Flushes a folder's entries (a rename) to disk. Best effort: the rename has happened by
/// then, so a failure here must not tell the caller that the old file is still in place; file
/// systems that cannot sync a folder say EINVAL.
void syncFolder(const fs::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    if (::fsync(fd) != 0) {
    }
    ::close(fd);
}

} // namespace

SafeFile::SafeFile(std::string path) : m_path(std::move(path)) {
    if (m_path.empty()) throwWriteError(m_path, ENOENT);
    struct stat existing {};
    if (::stat(m_path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode) &&
        !S_ISDIR(existing.st_mode)) {
        m_fd = ::open(m_path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
        if (m_fd < 0) throwWriteError(m_path, errno);
        m_target = m_path;
        m_direct = true;
        return;
    }
    m_target = resolveLinks(m_path, m_path);
    // O_EXCL | O_NOFOLLOW: never open what someone else put at the name, file or symlink.
    // Mode 0666: the kernel takes the umask (and a default ACL) off, as for any new file.
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string name = uniqueSibling(m_target, ".tmp");
        m_fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (m_fd >= 0) {
            m_temporary = std::move(name);
            return;
        }
        if (errno != EEXIST && errno != EINTR) break;
    }
    throwWriteError(m_path, errno);
}

SafeFile::~SafeFile() { discard(); }

void SafeFile::write(std::string_view bytes) {
    if (m_fd < 0) throwWriteError(m_path, EBADF);
    while (!bytes.empty()) {
        const ssize_t written = ::write(m_fd, bytes.data(), bytes.size());
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) {
            const int code = written < 0 ? errno : EIO;
            discard();
            throwWriteError(m_path, code);
        }
        bytes.remove_prefix(size_t(written));
    }
}

void SafeFile::prepare() {
    if (m_fd < 0) throwWriteError(m_path, EBADF);
    if (m_direct) {
        const int closed = ::close(m_fd);
        m_fd = -1;
        if (closed != 0 && errno != EINTR) throwWriteError(m_path, errno);
        return;
    }
    // Keep the replaced file's mode (an executable script stays executable, a private file
    // private) and, where the system allows it (root saving a user's file), its owner.
    struct stat old {};
    if (::stat(m_target.c_str(), &old) == 0 && S_ISREG(old.st_mode)) {
        if ((old.st_uid != ::geteuid() || old.st_gid != ::getegid()) &&
            ::fchown(m_fd, old.st_uid, old.st_gid) != 0) {
            // Not allowed: the new file is the writer's, as with any editor.
        }
        if (::fchmod(m_fd, old.st_mode & 07777) != 0) {
            const int code = errno;
            discard();
            throwWriteError(m_path, code);
        }
    }
    int code = 0;
    while (::fsync(m_fd) != 0 && code == 0)
        if (errno != EINTR) code = errno;
    if (::close(m_fd) != 0 && code == 0 && errno != EINTR) code = errno;
    m_fd = -1;
    if (code != 0) {
        discard();
        throwWriteError(m_path, code);
    }
}

void SafeFile::replaceTarget() {
    if (m_direct) return;
    if (m_temporary.empty()) throwWriteError(m_path, EBADF);
    if (::rename(m_temporary.c_str(), m_target.c_str()) != 0) {
        const int code = errno;
        discard();
        throwReplaceError(m_path, code);
    }
    m_temporary.clear();
}

void SafeFile::commit() {
    prepare();
    replaceTarget();
    if (!m_direct) syncFolder(folderOf(m_target));
}

void SafeFile::discard() noexcept {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
    if (!m_temporary.empty()) ::unlink(m_temporary.c_str());
    m_temporary.clear();
}

void writeFileAtomically(const std::string& path, std::string_view contents) {
    SafeFile file(path);
    file.write(contents);
    file.commit();
}

void writeFilesAtomically(const std::vector<FileContents>& files) {
    // First every file's contents on disk: a failure here has replaced nothing.
    std::vector<std::unique_ptr<SafeFile>> staged;
    for (const FileContents& f : files) {
        staged.push_back(std::make_unique<SafeFile>(f.path));
        staged.back()->write(f.contents);
        staged.back()->prepare();
    }
    // A hard link keeps each existing file's old contents until every rename has worked, so a
    // failed rename can put them back. A file system without hard links cannot keep them: such
    // a file then stays replaced, the others are still rolled back.
    struct Undo {
        std::string target, backup;
        bool existed = false;
    };
    std::vector<Undo> undo;
    for (const auto& file : staged) {
        Undo u{file->target(), {}, false};
        struct stat st {};
        u.existed = ::lstat(u.target.c_str(), &st) == 0;
        if (u.existed && S_ISREG(st.st_mode)) {
            for (int attempt = 0; attempt < 100 && u.backup.empty(); ++attempt) {
                std::string name = uniqueSibling(u.target, ".bak");
                if (::link(u.target.c_str(), name.c_str()) == 0) u.backup = std::move(name);
                else if (errno != EEXIST) break;
            }
        }
        undo.push_back(std::move(u));
    }
    const auto dropBackups = [&] {
        for (const Undo& u : undo)
            if (!u.backup.empty()) ::unlink(u.backup.c_str());
    };
    for (size_t i = 0; i < staged.size(); ++i) {
        try {
            staged[i]->replaceTarget();
        } catch (...) {
            for (size_t j = 0; j < i; ++j) {
                if (!undo[j].backup.empty() &&
                    ::rename(undo[j].backup.c_str(), undo[j].target.c_str()) == 0)
                    undo[j].backup.clear();
                else if (!undo[j].existed)
                    ::unlink(undo[j].target.c_str());
            }
            dropBackups();
            throw;  // the staged files' destructors remove their temporary files
        }
    }
    dropBackups();
    std::set<std::string> folders;
    for (const Undo& u : undo) folders.insert(folderOf(u.target).string());
    for (const std::string& folder : folders) syncFolder(folder);
}

} // namespace oficina::core
