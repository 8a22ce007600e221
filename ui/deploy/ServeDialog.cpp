#include "deploy/ServeDialog.h"

#include "Translate.h"
#include "charts/ServeTrafficChart.h"
#include "models/Model.h"
#include "serve/HttpServer.h"
#include "serve/ModelRepository.h"
#include "serve/Routes.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QSysInfo>
#include <QTabWidget>
#include <QTime>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <csignal>
#include <limits>
#include <map>
#include <mutex>
#include <thread>

namespace oficina::ui {

namespace {

constexpr int kDefaultPort = 8080;
/// The live chart's sampling period.
constexpr int kSampleMs = 1000;
const QColor kErrorColor(0xc0, 0x28, 0x28);
const QColor kWarningColor(0x9a, 0x5b, 0x00);

/// Where in-memory packages are "read" from by the repository's loader: a reload (the
/// repository route, or Update the served model) names one of these instead of a file.
std::string memoryPath(int generation) {
    return "gui-memory:" + std::to_string(generation);
}

QString jsonString(const QString& text) {
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\') {
            out += u'\\';
            out += c;
        } else if (c.unicode() < 0x20) {
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    return out + u'"';
}

/// A number as JSON writes it: '.' whatever the UI language, as short as reads back the same.
QString jsonNumber(double value) {
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

/// `text` inside single quotes for a POSIX shell.
QString shellQuoted(const QString& text) {
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

QString cellText(const core::Column& c) {
    return QString::fromStdString(c.cellText(0));
}

/// The Open Inference Protocol v2 request for the first row of `example`: one tensor per raw
/// input column, FP64 numbers ("NaN" when missing) and BYTES categories ("" when missing), as
/// docs/serving.md shows them, one tensor a line.
QString oipBody(const core::Table& example) {
    QStringList tensors;
    for (const core::Column& c : example.columns()) {
        QString data;
        if (c.isNumeric())
            data = c.isMissing(0) || !std::isfinite(c.number(0)) ? QStringLiteral("\"NaN\"")
                                                                 : jsonNumber(c.number(0));
        else
            data = jsonString(c.isMissing(0) ? QString() : cellText(c));
        tensors << QStringLiteral("{\"name\": %1, \"shape\": [1], \"datatype\": \"%2\", "
                                  "\"data\": [%3]}")
                       .arg(jsonString(QString::fromStdString(c.name())),
                            c.isNumeric() ? QStringLiteral("FP64") : QStringLiteral("BYTES"), data);
    }
    return QStringLiteral("{\"inputs\": [\n    ") + tensors.join(QStringLiteral(",\n    ")) +
           QStringLiteral("]}");
}

/// MLflow's pandas split orient for the same row (null for a missing cell).
QString mlflowBody(const core::Table& example) {
    QStringList columns, cells;
    for (const core::Column& c : example.columns()) {
        columns << jsonString(QString::fromStdString(c.name()));
        if (c.isMissing(0) || (c.isNumeric() && !std::isfinite(c.number(0))))
            cells << QStringLiteral("null");
        else
            cells << (c.isNumeric() ? jsonNumber(c.number(0)) : jsonString(cellText(c)));
    }
    return QStringLiteral("{\"dataframe_split\": {\n    \"columns\": [%1],\n    \"data\": "
                          "[[%2]]}}")
        .arg(columns.join(QStringLiteral(", ")), cells.join(QStringLiteral(", ")));
}

QString curl(const QString& url, const QString& body) {
    return QStringLiteral("curl -s %1 \\\n  -H 'Content-Type: application/json' \\\n  -d %2")
        .arg(url, shellQuoted(body));
}

/// The `q` quantile (0–1) of the requests counted in `buckets`, in milliseconds, interpolated
/// within its bucket as Prometheus' histogram_quantile does; NaN when there are none.
double quantileMs(const decltype(core::serve::MetricTotals::buckets)& buckets, double q) {
    constexpr size_t finite = std::size(core::serve::kDurationBuckets);
    unsigned long long total = 0;
    for (const unsigned long long n : buckets)
        total += n;
    if (total == 0) return std::numeric_limits<double>::quiet_NaN();
    const double rank = q * double(total);
    unsigned long long below = 0;
    for (size_t b = 0; b < buckets.size(); ++b) {
        if (buckets[b] == 0 || double(below + buckets[b]) < rank) {
            below += buckets[b];
            continue;
        }
        if (b == finite) return 1000 * core::serve::kDurationBuckets[finite - 1];
        const double lower = b == 0 ? 0.0 : core::serve::kDurationBuckets[b - 1];
        const double upper = core::serve::kDurationBuckets[b];
        return 1000 * (lower + (upper - lower) * (rank - double(below)) / double(buckets[b]));
    }
    return 1000 * core::serve::kDurationBuckets[finite - 1];
}

/// A command to copy: eight lines tall (a model of four inputs fits; more scroll), so the tab
/// widget around it is no taller either (a text edit's own size hint is taller).
class CommandView final : public QPlainTextEdit {
public:
    explicit CommandView(QWidget* parent) : QPlainTextEdit(parent) {
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }
    [[nodiscard]] QSize sizeHint() const override {
        const int frame = 2 * frameWidth() + int(document()->documentMargin() * 2);
        return {QPlainTextEdit::sizeHint().width(), fontMetrics().lineSpacing() * 8 + frame};
    }
    [[nodiscard]] QSize minimumSizeHint() const override { return sizeHint(); }
};

QLabel* faintLabel(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

void colour(QLabel* label, const QColor& color) {
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

} // namespace

/// A model's package and the training row the commands send, built off the UI thread.
struct ServeDialog::Prepared {
    std::shared_ptr<const core::deploy::ModelPackage> package;
    core::Table example;
};

struct ServeDialog::Preparation {
    std::shared_ptr<const Prepared> prepared; ///< null on failure
    QString error;
};

ServeDialog::Preparation ServeDialog::prepare(std::shared_ptr<const core::Model> model,
                                              core::deploy::PackageOptions options) {
    try {
        auto prepared = std::make_shared<Prepared>();
        prepared->package = std::make_shared<const core::deploy::ModelPackage>(
            core::deploy::packageModel(*model, options));
        prepared->example = core::deploy::describeInterface(*model).example;
        return {std::move(prepared), {}};
    } catch (const std::exception& e) {
        return {nullptr, trException(e)};
    }
}

/// The server and what it serves: the repository (whose loader "reads" the packages built in
/// memory), the metrics, the routes and the HTTP binding, and the thread serve() blocks.
struct ServeDialog::Server {
    std::mutex mutex; ///< guards packages: the loader runs on the server's threads
    std::map<std::string, std::shared_ptr<const core::deploy::ModelPackage>> packages;
    core::serve::ModelRepository repository{[this](const std::string& path) {
        std::lock_guard lock(mutex);
        const auto it = packages.find(path);
        // A path sent to the repository's load route: this server never reads files, so an
        // HTTP client cannot make the editor load one. The answer goes over HTTP, in English.
        if (it == packages.end())
            throw core::Error(core::Message("this server serves only the editor's model"), path);
        return *it->second;
    }};
    core::serve::Metrics metrics;
    std::unique_ptr<core::serve::Routes> routes;
    std::unique_ptr<core::serve::HttpServer> http;
    std::thread thread;

    ~Server() {
        if (http) http->stop();
        if (thread.joinable()) thread.join();
    }
};

ServeDialog::ServeDialog(const QString& node, const QString& title, const QString& modelName,
                         std::shared_ptr<const core::Model> model,
                         core::deploy::PackageOptions options, QWidget* parent)
    : QDialog(parent), m_node(node), m_title(title),
      m_modelName(core::serve::isValidModelName(modelName.toStdString())
                      ? modelName
                      : modelNameFor(modelName, node)),
      m_model(std::move(model)), m_options(std::move(options)) {
    setObjectName(QStringLiteral("serveDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Serve %1").arg(title));
    setModal(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(faintLabel(
        tr("Answers predictions over HTTP while this window is open, as oficina-cli serve "
           "does: other programs send rows and get back what \u201c%1\u201d predicts, in the "
           "Open Inference Protocol v2 (KServe, Triton) or MLflow's scoring protocol.")
            .arg(title),
        this));

    // The server: port, who may connect, start and stop, and what went wrong.
    auto* serverBox = new QGroupBox(tr("Server"), this);
    auto* serverLayout = new QVBoxLayout(serverBox);
    auto* portRow = new QHBoxLayout;
    auto* portLabel = new QLabel(tr("&Port:"), serverBox);
    m_portBox = new QSpinBox(serverBox);
    m_portBox->setObjectName(QStringLiteral("servePort"));
    m_portBox->setRange(0, 65535);
    m_portBox->setValue(kDefaultPort);
    m_portBox->setSpecialValueText(tr("Any free port"));
    m_portBox->setToolTip(tr("The TCP port to listen on; 0 takes any free one"));
    portLabel->setBuddy(m_portBox);
    m_networkBox = new QCheckBox(tr("Allow other computers on the network"), serverBox);
    m_networkBox->setObjectName(QStringLiteral("serveAllowNetwork"));
    m_networkBox->setToolTip(tr("Listen on every network interface (0.0.0.0) instead of only "
                                "on this computer (127.0.0.1)"));
    portRow->addWidget(portLabel);
    portRow->addWidget(m_portBox);
    portRow->addSpacing(16);
    portRow->addWidget(m_networkBox);
    portRow->addStretch(1);
    serverLayout->addLayout(portRow);
    m_networkWarning = new QLabel(
        tr("Anyone who can reach this computer can send it rows and read the predictions: "
           "there is no password and no encryption. Use this on a network you trust."),
        serverBox);
    m_networkWarning->setObjectName(QStringLiteral("serveNetworkWarning"));
    m_networkWarning->setWordWrap(true);
    colour(m_networkWarning, kWarningColor);
    m_networkWarning->hide();
    serverLayout->addWidget(m_networkWarning);
    connect(m_networkBox, &QCheckBox::toggled, m_networkWarning, &QWidget::setVisible);

    auto* startRow = new QHBoxLayout;
    m_startButton = new QPushButton(serverBox);
    m_startButton->setObjectName(QStringLiteral("serveStartStop"));
    m_status = new QLabel(serverBox);
    m_status->setObjectName(QStringLiteral("serveStatus"));
    m_status->setWordWrap(true);
    startRow->addWidget(m_startButton);
    startRow->addWidget(m_status, 1);
    serverLayout->addLayout(startRow);
    connect(m_startButton, &QPushButton::clicked, this, [this] {
        if (m_state == State::Stopped)
            start();
        else
            stop();
    });

    auto* errorRow = new QHBoxLayout;
    m_error = new QLabel(serverBox);
    m_error->setObjectName(QStringLiteral("serveError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    colour(m_error, kErrorColor);
    m_usePortButton = new QPushButton(serverBox);
    m_usePortButton->setObjectName(QStringLiteral("serveUseFreePort"));
    errorRow->addWidget(m_error, 1);
    errorRow->addWidget(m_usePortButton);
    serverLayout->addLayout(errorRow);
    m_error->hide();
    m_usePortButton->hide();
    connect(m_usePortButton, &QPushButton::clicked, this, [this] {
        if (m_offeredPort == 0) return;
        setPort(m_offeredPort);
        start();
    });

    m_updateBar = new QWidget(serverBox);
    auto* updateRow = new QHBoxLayout(m_updateBar);
    updateRow->setContentsMargins(0, 0, 0, 0);
    m_updateLabel = new QLabel(
        tr("The pipeline trained this model again. The server still answers with the model "
           "it started with."),
        m_updateBar);
    m_updateLabel->setWordWrap(true);
    m_updateButton = new QPushButton(tr("&Update the served model"), m_updateBar);
    m_updateButton->setObjectName(QStringLiteral("serveUpdateModel"));
    m_updateButton->setToolTip(tr("Serve the new model as the next version: requests under way "
                                  "finish on the current one"));
    updateRow->addWidget(m_updateLabel, 1);
    updateRow->addWidget(m_updateButton);
    m_updateBar->hide();
    serverLayout->addWidget(m_updateBar);
    connect(m_updateButton, &QPushButton::clicked, this, &ServeDialog::updateServedModel);
    layout->addWidget(serverBox);

    // Where to send requests.
    auto* addressBox = new QGroupBox(tr("Address"), this);
    auto* address = new QGridLayout(addressBox);
    m_urlLabel = new QLabel(addressBox);
    m_urlLabel->setObjectName(QStringLiteral("serveUrl"));
    m_urlLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_urlLabel->setOpenExternalLinks(true);
    m_copyUrl = new QToolButton(addressBox);
    m_copyUrl->setText(tr("Copy"));
    m_copyUrl->setToolTip(tr("Copy the address"));
    connect(m_copyUrl, &QToolButton::clicked, this,
            [this] { QApplication::clipboard()->setText(baseUrl()); });
    m_inferLabel = new QLabel(addressBox);
    m_inferLabel->setObjectName(QStringLiteral("serveInferUrl"));
    m_inferLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_otherComputers = faintLabel({}, addressBox);
    m_otherComputers->setTextInteractionFlags(Qt::TextSelectableByMouse);
    address->addWidget(new QLabel(tr("Server:"), addressBox), 0, 0);
    address->addWidget(m_urlLabel, 0, 1);
    address->addWidget(m_copyUrl, 0, 2);
    address->addWidget(new QLabel(tr("Predictions:"), addressBox), 1, 0);
    address->addWidget(m_inferLabel, 1, 1, 1, 3);
    address->addWidget(m_otherComputers, 2, 0, 1, 4);
    address->setColumnStretch(3, 1); // the Copy button stays beside the address
    layout->addWidget(addressBox);

    // A request to paste into a terminal, in either protocol.
    m_commands = new QTabWidget(this);
    m_commands->setObjectName(QStringLiteral("serveCommands"));
    const auto commandView = [this] {
        auto* text = new CommandView(m_commands);
        text->setReadOnly(true);
        text->setLineWrapMode(QPlainTextEdit::NoWrap);
        text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        return text;
    };
    m_inferText = commandView();
    m_invocationsText = commandView();
    m_commands->addTab(m_inferText, tr("Open Inference Protocol v2"));
    m_commands->addTab(m_invocationsText, tr("MLflow /invocations"));
    m_copyCommand = new QPushButton(tr("&Copy command"), m_commands);
    m_copyCommand->setObjectName(QStringLiteral("serveCopyCommand"));
    m_copyCommand->setToolTip(tr("Copy this curl command, which predicts a training row"));
    m_commands->setCornerWidget(m_copyCommand, Qt::TopRightCorner);
    connect(m_copyCommand, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_commands->currentIndex() == 0 ? m_inferCommand
                                                                           : m_invocationsCommand);
        m_copyCommand->setText(tr("Copied"));
        QTimer::singleShot(1500, m_copyCommand,
                           [button = m_copyCommand] { button->setText(tr("&Copy command")); });
    });
    auto* commandBox = new QGroupBox(tr("Try it from a terminal"), this);
    auto* commandLayout = new QVBoxLayout(commandBox);
    commandLayout->addWidget(m_commands);
    // As tall as the commands: the chart takes the height to spare.
    commandBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_commands->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    layout->addWidget(commandBox);

    m_chart = new ServeTrafficChart(this);
    m_chart->setNote(tr("Requests to this model, sampled every second. Percentiles are "
                        "estimated from the server's latency histogram, as Prometheus does."));
    m_chart->setMinimumHeight(240);
    layout->addWidget(m_chart, 1);
    m_totals = new QLabel(this);
    m_totals->setObjectName(QStringLiteral("serveTotals"));
    layout->addWidget(m_totals);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &ServeDialog::reject);
    layout->addWidget(buttons);

    m_sampler = new QTimer(this);
    m_sampler->setInterval(kSampleMs);
    connect(m_sampler, &QTimer::timeout, this, &ServeDialog::sample);

    resize(760, 860);
    setState(State::Stopped);
    m_status->setText(tr("Not serving."));
    m_totals->setText(totalsText());
    updateAddress();
}

ServeDialog::~ServeDialog() {
    m_generation++;
    m_server.reset(); // stops the server and waits for its thread
    for (QFutureWatcher<void>* stopping : findChildren<QFutureWatcher<void>*>())
        stopping->waitForFinished();
}

QString ServeDialog::modelNameFor(const QString& title, const QString& fallback) {
    const auto clean = [](const QString& text) {
        QString name;
        // Accents dropped (NFKD, then the marks left out): "Regressão" gives "regressao".
        for (const QChar c : text.normalized(QString::NormalizationForm_KD)) {
            if (c.isMark()) continue;
            if (c.unicode() < 128 && (c.isLetterOrNumber() || c == u'_' || c == u'.'))
                name += c.toLower();
            else if (!name.isEmpty() && !name.endsWith(u'-'))
                name += u'-';
        }
        while (!name.isEmpty() && !name.back().isLetterOrNumber())
            name.chop(1);
        while (!name.isEmpty() && !name.front().isLetterOrNumber())
            name.remove(0, 1);
        name.truncate(64);
        return core::serve::isValidModelName(name.toStdString()) ? name : QString();
    };
    QString name = clean(title);
    if (name.isEmpty()) name = clean(fallback);
    return name.isEmpty() ? QStringLiteral("model") : name;
}

void ServeDialog::setPort(int port) {
    m_portBox->setValue(port);
}

int ServeDialog::port() const {
    return m_portBox->value();
}

void ServeDialog::setAllowNetwork(bool allow) {
    m_networkBox->setChecked(allow);
}

QString ServeDialog::host() const {
    return m_networkBox->isChecked() ? QStringLiteral("0.0.0.0") : QStringLiteral("127.0.0.1");
}

bool ServeDialog::portIsFree(const QString& host, int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return true; // cannot tell: the server's own bind will say
    // Connections of an earlier server still closing (TIME_WAIT) do not make the port busy:
    // the server binds with SO_REUSEADDR too. A socket listening on it does. No SO_REUSEPORT
    // here, unlike cpp-httplib's bind, which would share a port another server listens on.
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    bool free = true;
    if (::inet_pton(AF_INET, host.toLatin1().constData(), &address.sin_addr) == 1)
        free = ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0 ||
               errno != EADDRINUSE;
    ::close(fd);
    return free;
}

int ServeDialog::nextFreePort(const QString& host, int port) {
    for (int candidate = port + 1; candidate <= std::min(port + 100, 65535); ++candidate)
        if (portIsFree(host, candidate)) return candidate;
    return 0;
}

bool ServeDialog::start() {
    if (m_state != State::Stopped) return false;
    clearError();
    const int wanted = port();
    const QString listenOn = host();
    // Said before the package is built, with a way out: cpp-httplib would share the port with
    // another server that binds it the same way (SO_REUSEPORT) instead of refusing it.
    if (wanted != 0 && !portIsFree(listenOn, wanted)) {
        const int next = nextFreePort(listenOn, wanted);
        showError(tr("Port %1 is already in use. Choose another port, or 0 for any free one.")
                      .arg(wanted),
                  next);
        Q_EMIT failed(errorText());
        return false;
    }
    setState(State::Starting);
    const quint64 generation = ++m_generation;
    if (m_prepared) {
        serve(m_prepared);
        return m_state != State::Stopped;
    }
    m_status->setText(tr("Preparing the model (it predicts every training row once)…"));
    auto* watcher = new QFutureWatcher<Preparation>(this);
    const std::shared_ptr<const core::Model> model = m_model;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, model] {
        watcher->deleteLater();
        const Preparation result = watcher->result();
        if (result.prepared && model == m_model) m_prepared = result.prepared; // for a restart
        if (generation != m_generation || m_state != State::Starting) return;  // stopped since
        if (!result.prepared) {
            setState(State::Stopped);
            m_status->setText(tr("Not serving."));
            showError(tr("Could not prepare the model: %1").arg(result.error));
            Q_EMIT failed(errorText());
            return;
        }
        serve(result.prepared);
    });
    // Only values travel to the pool: a dialog closed meanwhile leaves the task nothing to touch.
    watcher->setFuture(QtConcurrent::run(&ServeDialog::prepare, model, m_options));
    return true;
}

void ServeDialog::serve(std::shared_ptr<const Prepared> prepared) {
#ifdef SIGPIPE
    // A client that hangs up mid-answer must not end Oficina: the server sends with
    // MSG_NOSIGNAL; this covers the rest, as oficina-cli serve does.
    std::signal(SIGPIPE, SIG_IGN);
#endif
    auto server = std::make_unique<Server>();
    int bound = 0;
    try {
        const std::string key = memoryPath(1);
        server->packages[key] = prepared->package;
        server->repository.add(m_modelName.toStdString(), *prepared->package, key);
        server->routes = std::make_unique<core::serve::Routes>(server->repository, server->metrics);
        core::serve::HttpServerOptions options;
        options.host = host().toStdString();
        options.port = port();
        server->http =
            std::make_unique<core::serve::HttpServer>(*server->routes, server->metrics, options);
        bound = server->http->bind();
    } catch (const std::exception& e) {
        setState(State::Stopped);
        m_status->setText(tr("Not serving."));
        showError(tr("Could not start the server: %1").arg(trException(e)));
        Q_EMIT failed(errorText());
        return;
    }
    core::serve::HttpServer* http = server->http.get();
    server->thread = std::thread([this, http] {
        try {
            http->serve();
        } catch (const std::exception& e) {
            // Said on the UI thread; the dialog waits for this thread before it goes, so it is
            // still there to receive the call.
            QMetaObject::invokeMethod(
                this,
                [this, why = trException(e)] {
                    if (m_state != State::Serving) return;
                    stopNow();
                    showError(tr("The server stopped: %1").arg(why));
                    Q_EMIT failed(errorText());
                },
                Qt::QueuedConnection);
        }
    });
    m_server = std::move(server);
    m_servingPort = bound;
    m_version = QStringLiteral("1");
    m_last = {};
    m_clock.start();
    m_lastTime = 0;
    m_chart->clear();
    showCommands(prepared->example);
    setState(State::Serving);
    m_status->setText(tr("Serving \u201c%1\u201d (version %2) on port %3 since %4.")
                          .arg(m_modelName, m_version)
                          .arg(bound)
                          .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    sample();
    m_sampler->start();
    Q_EMIT started(bound);
}

void ServeDialog::stop() {
    if (m_state == State::Starting) { // the package being built is dropped when it comes
        ++m_generation;
        adoptOffered();
        setState(State::Stopped);
        m_status->setText(tr("Not serving."));
        Q_EMIT stopped();
        return;
    }
    if (m_state != State::Serving || !m_server) return;
    m_sampler->stop();
    sample(); // the last requests into the totals
    setState(State::Stopping);
    m_status->setText(tr("Stopping: finishing the requests under way…"));
    // serve() returns once the requests in progress are answered: waited for off the UI thread.
    m_server->http->stop();
    std::shared_ptr<Server> server(std::move(m_server));
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        finishStop();
    });
    watcher->setFuture(QtConcurrent::run([server] {
        if (server->thread.joinable()) server->thread.join();
    }));
}

void ServeDialog::stopNow() {
    m_sampler->stop();
    m_server.reset();
    finishStop();
}

void ServeDialog::adoptOffered() {
    if (!m_offered) return;
    m_model = std::move(m_offered);
    m_options = std::move(m_offeredOptions);
    m_offered.reset();
    m_prepared.reset();
}

void ServeDialog::finishStop() {
    adoptOffered(); // a model trained again while serving: the next start serves it
    const int freed = m_servingPort;
    m_servingPort = 0;
    setState(State::Stopped);
    m_status->setText(tr("Stopped. Port %1 is free again.").arg(freed));
    updateAddress();
    Q_EMIT stopped();
}

void ServeDialog::setState(State state) {
    m_state = state;
    const bool stopped = state == State::Stopped;
    m_portBox->setEnabled(stopped);
    m_networkBox->setEnabled(stopped);
    m_startButton->setEnabled(state != State::Stopping);
    m_startButton->setText(stopped ? tr("&Start") : tr("S&top"));
    m_startButton->setIcon(
        style()->standardIcon(stopped ? QStyle::SP_MediaPlay : QStyle::SP_MediaStop));
    m_updateBar->setVisible(state == State::Serving && m_offered);
    m_updateButton->setEnabled(true);
    updateAddress();
}

void ServeDialog::showError(const QString& message, int offeredPort) {
    m_error->setText(message);
    m_error->show();
    m_offeredPort = offeredPort;
    m_usePortButton->setVisible(offeredPort != 0);
    if (offeredPort != 0) m_usePortButton->setText(tr("Use port %1").arg(offeredPort));
}

void ServeDialog::clearError() {
    m_error->clear();
    m_error->hide();
    m_offeredPort = 0;
    m_usePortButton->hide();
}

QString ServeDialog::errorText() const {
    return m_error->text();
}

QString ServeDialog::baseUrl() const {
    // Listening on every interface still answers on loopback, the address this computer uses.
    return m_servingPort ? QStringLiteral("http://127.0.0.1:%1").arg(m_servingPort) : QString();
}

QString ServeDialog::inferUrl() const {
    return m_servingPort ? baseUrl() + QStringLiteral("/v2/models/%1/infer").arg(m_modelName)
                         : QString();
}

void ServeDialog::updateAddress() {
    const bool serving = m_servingPort != 0;
    if (serving) {
        const QString url = baseUrl();
        m_urlLabel->setText(QStringLiteral("<a href=\"%1\">%1</a>").arg(url.toHtmlEscaped()));
        m_inferLabel->setText(inferUrl());
    } else {
        m_urlLabel->setText(tr("(not serving)"));
        m_inferLabel->setText(tr("(not serving)"));
    }
    m_copyUrl->setEnabled(serving);
    const bool network = serving && m_server && m_networkBox->isChecked();
    m_otherComputers->setVisible(network);
    if (network)
        m_otherComputers->setText(
            tr("Other computers use this computer's name or address instead of 127.0.0.1: "
               "http://%1:%2")
                .arg(QSysInfo::machineHostName())
                .arg(m_servingPort));
    if (!serving) { // a command naming a port no longer served would fail: none until started
        m_inferCommand.clear();
        m_invocationsCommand.clear();
        m_inferBody.clear();
        const QString waiting = tr("# Start the server to get a request here that predicts a "
                                   "training row.");
        m_inferText->setPlainText(waiting);
        m_invocationsText->setPlainText(waiting);
    }
    m_copyCommand->setEnabled(serving && !m_inferCommand.isEmpty());
}

void ServeDialog::showCommands(const core::Table& example) {
    m_inferBody = oipBody(example);
    m_inferCommand = curl(inferUrl(), m_inferBody);
    m_invocationsCommand = curl(baseUrl() + QStringLiteral("/invocations"), mlflowBody(example));
    m_inferText->setPlainText(m_inferCommand);
    m_invocationsText->setPlainText(m_invocationsCommand);
    updateAddress();
}

void ServeDialog::sample() {
    if (!m_server) return;
    const core::serve::MetricTotals now = m_server->metrics.totals(m_modelName.toStdString());
    const double time = double(m_clock.elapsed()) / 1000.0;
    const double elapsed = time - m_lastTime;
    if (elapsed > 0.05 || m_chart->sampleCount() == 0) {
        core::serve::MetricTotals delta;
        delta.requests = now.requests - m_last.requests;
        delta.seconds = now.seconds - m_last.seconds;
        for (size_t b = 0; b < delta.buckets.size(); ++b)
            delta.buckets[b] = now.buckets[b] - m_last.buckets[b];
        const double rate = elapsed > 0.05 ? double(delta.requests) / elapsed : 0.0;
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double mean = delta.requests ? 1000 * delta.seconds / double(delta.requests) : nan;
        m_chart->addSample(time, rate, mean, quantileMs(delta.buckets, 0.99));
        m_lastTime = time;
    }
    m_last = now;
    m_totals->setText(totalsText());
    Q_EMIT sampled();
}

QString ServeDialog::totalsText() const {
    const QLocale locale;
    return tr("Requests: %1 \u00b7 Errors: %2 \u00b7 Rows predicted: %3")
        .arg(locale.toString(m_last.requests), locale.toString(m_last.errors),
             locale.toString(m_last.rows));
}

void ServeDialog::offerModel(std::shared_ptr<const core::Model> model,
                             core::deploy::PackageOptions options) {
    if (!model || model == m_model) return;
    m_offered = std::move(model);
    m_offeredOptions = std::move(options);
    if (m_state == State::Stopped) // the next start serves it
        adoptOffered();
    m_updateBar->setVisible(m_state == State::Serving && m_offered);
}

bool ServeDialog::updateOffered() const {
    return m_offered != nullptr && m_updateBar->isVisibleTo(this);
}

void ServeDialog::updateServedModel() {
    if (!m_offered || m_state != State::Serving) return;
    m_updateButton->setEnabled(false);
    m_updateLabel->setText(tr("Preparing the new model…"));
    const std::shared_ptr<const core::Model> model = m_offered;
    const quint64 generation = m_generation;
    auto* watcher = new QFutureWatcher<Preparation>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, model, generation] {
        watcher->deleteLater();
        const Preparation result = watcher->result();
        m_updateButton->setEnabled(true);
        m_updateLabel->setText(tr("The pipeline trained this model again. The server still "
                                  "answers with the model it started with."));
        if (!result.prepared) {
            showError(tr("Could not prepare the new model: %1. The server goes on with the "
                         "one it has.")
                          .arg(result.error));
            return;
        }
        // Stopped meanwhile: the model was adopted for the next start, which needs this package.
        if (model == m_model && !m_prepared) m_prepared = result.prepared;
        if (model != m_offered) return; // stopped, or an even newer one came: offered instead
        if (generation != m_generation || m_state != State::Serving || !m_server) return;
        try {
            const std::string key = memoryPath(int(m_server->packages.size()) + 1);
            {
                std::lock_guard lock(m_server->mutex);
                m_server->packages[key] = result.prepared->package;
            }
            // As the repository route and SIGHUP do: requests under way finish on the old one.
            const auto served = m_server->routes->load(m_modelName.toStdString(), key);
            m_version = QString::fromStdString(served->version);
        } catch (const std::exception& e) {
            showError(tr("Could not update the served model: %1").arg(trException(e)));
            return;
        }
        m_model = model;
        m_options = std::move(m_offeredOptions);
        m_prepared = result.prepared;
        m_offered.reset();
        m_updateBar->hide();
        clearError();
        showCommands(result.prepared->example);
        m_status->setText(tr("Serving \u201c%1\u201d (version %2) on port %3, updated at %4.")
                              .arg(m_modelName, m_version)
                              .arg(m_servingPort)
                              .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
        Q_EMIT modelUpdated(m_version);
    });
    watcher->setFuture(QtConcurrent::run(&ServeDialog::prepare, model, m_offeredOptions));
}

void ServeDialog::closeEvent(QCloseEvent* event) {
    // Closing stops the server: the dialog is deleted (WA_DeleteOnClose), and its destructor
    // stops the server and joins its thread. Not QDialog::closeEvent, which would reject()
    // and, with reject() closing, ignore the event.
    ++m_generation;
    m_sampler->stop();
    event->accept();
}

void ServeDialog::reject() {
    close(); // Escape and Close: the dialog goes (WA_DeleteOnClose), and the server with it
}

} // namespace oficina::ui
