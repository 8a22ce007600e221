#include "serve/SocketStream.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/uio.h>
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
        // Usually the bytes are there already (the server polled before the request): the
        // poll() for the timeout only when they are not.
        ssize_t n;
        for (;;) {
            n = ::recv(m_fd, m_buffer, std::min(sizeof m_buffer, m_budget), MSG_DONTWAIT);
            if (n >= 0) break;
            if (errno == EINTR) continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
            if (waitFor(m_fd, POLLIN, m_readMs) <= 0) return -1;
        }
        if (n == 0) return 0;
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
    const std::string_view bytes(ptr, size);
    // cpp-httplib writes a response's status line and headers in one call, then its body:
    // the head waits for the body (or flush()), so the answer leaves in one segment, not two
    // (TCP_NODELAY sends each at once). "HTTP/1.1 100 Continue" goes at once: the client
    // waits for it before sending the body.
    if (m_head.empty() && bytes.size() < 16384 && bytes.starts_with("HTTP/1.1 ") &&
        !bytes.starts_with("HTTP/1.1 1") && bytes.ends_with("\r\n\r\n")) {
        m_head.assign(bytes);
        return ssize_t(size);
    }
    if (m_head.empty()) return sendBoth({}, bytes);
    // The held head first, then as much of `bytes` as goes with it.
    const size_t held = m_head.size();
    size_t sent = 0;
    while (sent < held) {
        const ssize_t n = sendBoth(std::string_view(m_head).substr(sent), bytes);
        if (n < 0) {
            m_head.clear();
            return -1;
        }
        sent += size_t(n);
    }
    m_head.clear();
    if (sent > held) return ssize_t(sent - held);
    return sendBoth({}, bytes);
}

bool SocketStream::flush() {
    std::string_view head(m_head);
    bool ok = true;
    while (!head.empty()) {
        const ssize_t n = sendBoth(head, {});
        if (n < 0) {
            ok = false;
            break;
        }
        head.remove_prefix(size_t(n));
    }
    m_head.clear();
    return ok;
}

ssize_t SocketStream::sendBoth(std::string_view first, std::string_view second) {
    iovec parts[2];
    int count = 0;
    for (const std::string_view part : {first, second})
        if (!part.empty()) parts[count++] = {const_cast<char*>(part.data()), part.size()};
    if (count == 0) return 0;
    msghdr message{};
    message.msg_iov = parts;
    message.msg_iovlen = size_t(count);
    for (;;) {
        // Sent at once when the socket takes it (nearly always): poll() only when it is full.
        const ssize_t n = ::sendmsg(m_fd, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n >= 0) return n;
        if (errno == EINTR) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
        if (!is_writable()) return -1;
    }
}

void SocketStream::get_remote_ip_and_port(std::string& ip, int& port) const {
    if (!m_remoteKnown) {
        address(m_fd, true, m_remoteIp, m_remotePort);
        m_remoteKnown = true;
    }
    ip = m_remoteIp;
    port = m_remotePort;
}

void SocketStream::get_local_ip_and_port(std::string& ip, int& port) const {
    if (!m_localKnown) {
        address(m_fd, false, m_localIp, m_localPort);
        m_localKnown = true;
    }
    ip = m_localIp;
    port = m_localPort;
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
