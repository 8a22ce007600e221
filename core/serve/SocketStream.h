#pragma once

// A connection's socket for cpp-httplib, and the socket helpers of the inference server.
// Private to core/serve: only HttpServer.cpp includes it (it includes httplib.h).

#include <httplib.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace oficina::core::serve {

/// poll() for `events` on one socket: > 0 ready, 0 timed out, < 0 failed.
int waitFor(int fd, short events, int timeoutMs);

/// A connection's socket as cpp-httplib reads and writes it: buffered reads (its line reader
/// reads a byte at a time), timeouts by poll() (asked only when the socket is not ready at
/// once), no SIGPIPE, a budget of bytes per request. A response's head (status line and
/// headers, which cpp-httplib writes apart from its body) is held back and sent with the body
/// in one segment, or by flush(), which must follow every request answered.
class SocketStream final : public httplib::Stream {
public:
    SocketStream(int fd, int readTimeoutMs, int writeTimeoutMs)
        : m_fd(fd), m_readMs(readTimeoutMs), m_writeMs(writeTimeoutMs) {}

    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, size_t size) override;
    ssize_t write(const char* ptr, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    socket_t socket() const override { return m_fd; }

    /// Bytes received and not yet read.
    [[nodiscard]] bool buffered() const { return m_begin < m_end; }
    /// Sends a response head still held back; false if the peer is gone.
    bool flush();
    /// Bytes the next request may take from the socket; reading beyond fails.
    void setBudget(size_t bytes) {
        m_budget = bytes;
        m_overBudget = false;
    }
    /// Whether a read failed because the budget was spent.
    [[nodiscard]] bool overBudget() const { return m_overBudget; }

private:
    /// Sends `first` then `second` (either may be empty) in one call where the socket takes
    /// them, within the write timeout of each piece: the bytes sent, or -1.
    ssize_t sendBoth(std::string_view first, std::string_view second);

    int m_fd;
    int m_readMs;
    int m_writeMs;
    char m_buffer[16384];
    size_t m_begin = 0;
    size_t m_end = 0;
    size_t m_budget = size_t(-1);
    bool m_overBudget = false;
    std::string m_head; ///< a response head held back until its body
    /// The peer's and our address, asked of the socket once (cpp-httplib asks per request).
    mutable std::string m_remoteIp, m_localIp;
    mutable int m_remotePort = -1, m_localPort = -1;
    mutable bool m_remoteKnown = false, m_localKnown = false;
};

/// Sends all of `bytes` within the write timeout of each piece; false if the peer is gone.
bool sendAll(int fd, std::string_view bytes, int timeoutMs);

/// Closes after an answer the client may still be sending a body to: our side first, then
/// what it sends is read away for a moment (at most 200 ms, 4 MiB), so that closing does not
/// reset the connection before the client has read the answer.
void closeGently(int fd);

} // namespace oficina::core::serve
