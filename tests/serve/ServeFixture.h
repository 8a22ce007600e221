#pragma once
// Shared by the serve tests: model packages trained by the bundled examples, and a small HTTP
// client on raw sockets (the tests link core only, and cpp-httplib stays inside core; raw
// sockets also let a test send half a request).

#include "deploy/ModelPackage.h"
#include "models/Model.h"
#include "nodes/Nodes.h"
#include "pipeline/Executor.h"
#include "pipeline/NodeRegistry.h"
#include "pipeline/PipelineFile.h"
#include "serve/InferenceCodec.h"
#include "util/RunContext.h"

#include <nlohmann/json.hpp>

#include <QFileInfo>
#include <QProcess>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <string>

namespace servetest {

using namespace oficina::core;
using Json = nlohmann::ordered_json;

inline const NodeRegistry& registry() {
    static const NodeRegistry* instance = [] {
        auto* r = new NodeRegistry;
        registerBuiltinNodes(*r, {.datasetDirectory = OFICINA_SOURCE_DIR "/resources/datasets"});
        return r;
    }();
    return *instance;
}

/// The model the node `node` of resources/examples/`example`.oficina trains, packaged.
inline deploy::ModelPackage examplePackage(const std::string& example, const std::string& node) {
    const Graph graph = loadPipeline(std::string(OFICINA_SOURCE_DIR) + "/resources/examples/" +
                                         example + ".oficina",
                                     registry());
    Executor executor(registry());
    RunContext ctx;
    const RunResult result = executor.run(graph, ctx, {node});
    if (result.anyFailed() || !result.nodes.count(node))
        qFatal("training %s failed: %s", node.c_str(),
               result.nodes.count(node) ? describeError(result.nodes.at(node)).c_str() : "");
    const auto model =
        std::get<std::shared_ptr<const Model>>(result.nodes.at(node).outputs.at("model"));
    return deploy::packageModel(*model);
}

/// What the package itself predicts for `rows`: the reference the server must match.
inline std::vector<Column> expectedPredictions(const deploy::ModelPackage& package,
                                               const Table& rows) {
    return deploy::predictColumns(package,
                                  deploy::conformInput(rows, package.manifest.inputs, "test"));
}

/// One OIP tensor per input column of `rows` (numbers FP64, NaN as "NaN"; labels BYTES).
inline Json oipInputs(const Table& rows) {
    Json inputs = Json::array();
    for (const Column& c : rows.columns()) {
        Json data = Json::array();
        for (size_t r = 0; r < c.size(); ++r) {
            if (c.isNumeric())
                c.isMissing(r) ? data.push_back("NaN") : data.push_back(c.number(r));
            else
                data.push_back(c.isMissing(r) ? std::string() : c.cellText(r));
        }
        inputs.push_back({{"name", c.name()},
                          {"shape", {c.size()}},
                          {"datatype", c.isNumeric() ? "FP64" : "BYTES"},
                          {"data", std::move(data)}});
    }
    return inputs;
}

/// The rows [first, first + count) of the package's training sample, input columns only.
inline Table sampleRows(const deploy::ModelPackage& package, size_t first, size_t count) {
    std::vector<size_t> rows;
    for (size_t r = first; r < first + count && r < package.sample.rowCount(); ++r)
        rows.push_back(r);
    std::vector<Column> columns;
    for (const deploy::InputColumn& in : package.manifest.inputs)
        columns.push_back(package.sample.column(in.name).take(rows));
    return Table(std::move(columns));
}

/// The labels (or values, as text) of the predicted column.
inline std::vector<std::string> labelsOf(const std::vector<Column>& predictions) {
    const Column* label = serve::predictedColumn(predictions);
    std::vector<std::string> out;
    for (size_t r = 0; label && r < label->size(); ++r)
        out.push_back(label->cellText(r));
    return out;
}

/// A JSON array's items as text (strings as they are, anything else dumped).
inline std::vector<std::string> strings(const Json& array) {
    std::vector<std::string> out;
    for (const Json& v : array)
        out.push_back(v.is_string() ? v.get<std::string>() : v.dump());
    return out;
}

/// What `promtool check metrics` says is wrong with a Prometheus text, or "" when it accepts it.
inline std::string promtoolProblems(const std::string& metricsText) {
    if (!QFileInfo::exists(QStringLiteral("/usr/bin/promtool")))
        return "promtool is missing: run packaging/install-deps.sh (Debian package prometheus)";
    QProcess promtool;
    promtool.start(QStringLiteral("/usr/bin/promtool"),
                   {QStringLiteral("check"), QStringLiteral("metrics")});
    if (!promtool.waitForStarted()) return "promtool did not start";
    promtool.write(QByteArray::fromStdString(metricsText));
    promtool.closeWriteChannel();
    // A hang guard, far beyond the milliseconds promtool takes.
    if (!promtool.waitForFinished(300000)) return "promtool did not finish";
    return promtool.exitCode() == 0 ? std::string()
                                    : "promtool: " + promtool.readAllStandardError().toStdString();
}

inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// ---- HTTP on raw sockets ---------------------------------------------------------------------

struct Reply {
    int status = 0; ///< 0: no answer (connection refused, closed or timed out)
    std::map<std::string, std::string> headers; ///< names lower-cased
    std::string body;
    [[nodiscard]] Json json() const { return Json::parse(body, nullptr, false); }
};

/// One client connection to 127.0.0.1:port.
class Connection {
public:
    explicit Connection(int port) {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(uint16_t(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
        if (m_fd >= 0) {
            const int one = 1;
            ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        }
    }
    ~Connection() {
        if (m_fd >= 0) ::close(m_fd);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    [[nodiscard]] bool connected() const { return m_fd >= 0; }

    bool send(std::string_view bytes) {
        while (m_fd >= 0 && !bytes.empty()) {
            const ssize_t n = ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (n <= 0) return false;
            bytes.remove_prefix(size_t(n));
        }
        return m_fd >= 0;
    }

    /// Reads one response; status 0 if the connection ends or `timeoutMs` passes first.
    Reply read(int timeoutMs = 60000) {
        Reply reply;
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
        size_t headEnd;
        while ((headEnd = m_pending.find("\r\n\r\n")) == std::string::npos)
            if (!fill(until)) return reply;
        const std::string head = m_pending.substr(0, headEnd);
        m_pending.erase(0, headEnd + 4);
        size_t lineEnd = head.find("\r\n");
        const std::string statusLine = head.substr(0, lineEnd);
        if (statusLine.size() < 12) return reply;
        const int status = std::atoi(statusLine.c_str() + 9);
        while (lineEnd != std::string::npos) {
            const size_t start = lineEnd + 2;
            lineEnd = head.find("\r\n", start);
            const std::string line = head.substr(start, lineEnd - start);
            const size_t colon = line.find(':');
            if (colon == std::string::npos) continue;
            std::string name = line.substr(0, colon);
            std::transform(name.begin(), name.end(), name.begin(),
                           [](unsigned char c) { return char(std::tolower(c)); });
            std::string value = line.substr(colon + 1);
            value.erase(0, value.find_first_not_of(' '));
            reply.headers[name] = value;
        }
        if (reply.headers.count("content-length")) {
            const size_t length = std::stoul(reply.headers["content-length"]);
            while (m_pending.size() < length)
                if (!fill(until)) return reply;
            reply.body = m_pending.substr(0, length);
            m_pending.erase(0, length);
        } else {
            while (fill(until)) {
            }
            reply.body = std::move(m_pending);
            m_pending.clear();
        }
        reply.status = status;
        return reply;
    }

    /// Whether the server closes the connection (EOF or reset) within `timeoutMs`.
    bool closedByPeer(int timeoutMs = 10000) {
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
        while (std::chrono::steady_clock::now() < until) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0) continue;
            char buffer[4096];
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n <= 0) return true;
            m_pending.append(buffer, size_t(n));
        }
        return false;
    }

private:
    bool fill(std::chrono::steady_clock::time_point until) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                              until - std::chrono::steady_clock::now())
                              .count();
        if (m_fd < 0 || left <= 0) return false;
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, int(left)) <= 0) return false;
        char buffer[16384];
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n <= 0) return false;
        m_pending.append(buffer, size_t(n));
        return true;
    }

    int m_fd = -1;
    std::string m_pending;
};

/// The text of a request; `extra` holds whole header lines ("Name: value").
inline std::string requestText(const std::string& method, const std::string& path,
                               const std::string& body = {},
                               const std::string& contentType = "application/json",
                               const std::vector<std::string>& extra = {}, bool close = true) {
    std::string text = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!body.empty() || method == "POST") {
        if (!contentType.empty()) text += "Content-Type: " + contentType + "\r\n";
        text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    }
    for (const std::string& line : extra)
        text += line + "\r\n";
    if (close) text += "Connection: close\r\n";
    return text + "\r\n" + body;
}

/// One request on its own connection.
inline Reply request(int port, const std::string& method, const std::string& path,
                     const std::string& body = {},
                     const std::string& contentType = "application/json",
                     const std::vector<std::string>& extra = {}) {
    Connection connection(port);
    if (!connection.send(requestText(method, path, body, contentType, extra))) return {};
    return connection.read();
}

} // namespace servetest
