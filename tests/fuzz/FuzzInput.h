// Shared by the fuzz harnesses: the readers take paths, so each input goes to a private file.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <unistd.h>

namespace fuzz {

/// One file per process, created once (mkstemp) and rewritten for every input.
class InputFile {
public:
    InputFile() {
        const char* dir = std::getenv("TMPDIR");
        std::string name = std::string(dir && *dir ? dir : "/tmp") + "/oficina-fuzz-XXXXXX";
        m_fd = ::mkstemp(name.data());
        if (m_fd < 0) {
            std::perror("oficina fuzz: mkstemp");
            std::abort();
        }
        m_path = name;
    }
    ~InputFile() {
        ::close(m_fd);
        ::unlink(m_path.c_str());
    }

    /// Replaces the file's contents; returns its path.
    const std::string& write(std::string_view bytes) {
        if (::ftruncate(m_fd, 0) != 0 || ::pwrite(m_fd, bytes.data(), bytes.size(), 0) !=
                                             static_cast<ssize_t>(bytes.size())) {
            std::perror("oficina fuzz: write");
            std::abort();
        }
        return m_path;
    }

private:
    int m_fd = -1;
    std::string m_path;
};

/// Stops the fuzzer with a message: a property every input must have does not hold.
[[noreturn]] inline void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "oficina fuzz: %s\n%s\n", what, detail.c_str());
    std::abort();
}

} // namespace fuzz
