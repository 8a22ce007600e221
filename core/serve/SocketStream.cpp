#include "serve/SocketStream.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>

namespace oficina::core::serve {

namespace {

void address(int fd, bool peer, std::string& ip, int& port) {
    sockaddr_storage addr{};
    socklen_t length = sizeof addr;
    auto* sa = reinterpret_cast<sockaddr*>(&addr);
    if ((peer ? ::getpeername(fd, sa, &length) : ::getsockname(fd, sa, &length)) != 0) return;
    char host[NI_MAXHOST];
    char service[NI_MAXSERV];
    if (::getnameinfo(sa, length, host, sizeof host, service, sizeof service,
                      NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
        ip = host;
        port = std::atoi(service);
    }
}

} // namespace

int waitFor(int fd, short events, int timeoutMs) {
    pollfd p{fd, events, 0};
    for (;;) {
        const int r = ::poll(&p, 1, timeoutMs);
        if (r < 0 && errno == EINTR) continue;
        return r;
    }
}

bool SocketStream::is_readable() const {
    return m_begin < m_end || waitFor(m_fd, POLLIN, m_readMs) > 0;
}

bool SocketStream::is_writable() const {
    return waitFor(m_fd, POLLOUT, m_writeMs) > 0;
}

ssize_t SocketStream::read(char* ptr, size_t size) {
    if (m_begin == m_end) {
        if (m_budget == 0) {
            m_overBudget = true;
            return -1;
        }
        if (waitFor(m_fd, POLLIN, m_readMs) <= 0) return -1;
        ssize_t n;
        do {
            n = ::recv(m_fd, m_buffer, std::min(sizeof m_buffer, m_budget), 0);
        } while (n < 0 && errno == EINTR);
        if (n <= 0) return n;
        m_budget -= size_t(n);
        m_begin = 0;
        m_end = size_t(n);
    }
    const size_t n = std::min(size, m_end - m_begin);
    std::memcpy(ptr, m_buffer + m_begin, n);
    m_begin += n;
    return ssize_t(n);
}

ssize_t SocketStream::write(const char* ptr, size_t size) {
    if (!is_writable()) return -1;
    ssize_t n;
    do {
        n = ::send(m_fd, ptr, size, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    return n;
}

void SocketStream::get_remote_ip_and_port(std::string& ip, int& port) const {
    address(m_fd, true, ip, port);
}

void SocketStream::get_local_ip_and_port(std::string& ip, int& port) const {
    address(m_fd, false, ip, port);
}

bool sendAll(int fd, std::string_view bytes, int timeoutMs) {
    while (!bytes.empty()) {
        if (waitFor(fd, POLLOUT, timeoutMs) <= 0) return false;
        const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(size_t(n));
    }
    return true;
}

void closeGently(int fd) {
    using Clock = std::chrono::steady_clock;
    ::shutdown(fd, SHUT_WR);
    char sink[16384];
    const auto until = Clock::now() + std::chrono::milliseconds(200);
    size_t drained = 0;
    while (drained < (size_t(4) << 20)) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
        if (left <= 0 || waitFor(fd, POLLIN, int(left)) <= 0) break;
        const ssize_t n = ::recv(fd, sink, sizeof sink, 0);
        if (n <= 0) break;
        drained += size_t(n);
    }
    ::close(fd);
}

} // namespace oficina::core::serve
