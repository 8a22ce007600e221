#pragma once

#include "deploy/ModelPackage.h"
#include "serve/Metrics.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QString>

#include <memory>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTimer;
class QToolButton;
class QWidget;

namespace oficina::core {
struct Model;
}

namespace oficina::ui {

class ServeTrafficChart;

/// Serves one trained model over HTTP from the GUI, as `oficina-cli serve` does (core/serve:
/// the Open Inference Protocol v2 and MLflow's scoring protocol, docs/serving.md), while the
/// dialog is open. The user picks the port (0: any free one; a busy one is said, with the next
/// free one offered) and whether other computers may connect (0.0.0.0 instead of 127.0.0.1).
/// Start builds the model package on the thread pool (it predicts every training row), then
/// binds the port and serves on a thread of its own; the dialog then shows the URLs, a curl
/// command for a real training row in each protocol, a live chart of requests per second and
/// latency (the server's Metrics, sampled once a second) and totals. Stop, or closing the
/// dialog, stops the server and frees the port. When the node trains again, offerModel() lets
/// the user swap the new model in while serving (a new version; requests under way finish on
/// the old one). Errors show in red in the dialog. Non-modal; deletes itself when closed. UI
/// thread only.
class ServeDialog : public QDialog {
    Q_OBJECT
public:
    enum class State { Stopped, Starting, Serving, Stopping };

    /// `node` and `title` name the training node (the title as the window shows it); the model
    /// is served as `modelName` (modelNameFor() makes one). `options` go into the package, as
    /// Save model records them.
    ServeDialog(const QString& node, const QString& title, const QString& modelName,
                std::shared_ptr<const core::Model> model, core::deploy::PackageOptions options,
                QWidget* parent = nullptr);
    /// Stops the server and waits for its thread (a moment: idle connections are closed).
    ~ServeDialog() override;

    /// A model name for URLs and metric labels (core::serve::isValidModelName) made from a
    /// node's own title (empty when the user gave none): lower case, accents dropped, other
    /// characters as '-'; else from `fallback` (the node id), else "model".
    static QString modelNameFor(const QString& title, const QString& fallback);

    [[nodiscard]] QString node() const { return m_node; }
    [[nodiscard]] QString modelName() const { return m_modelName; }
    [[nodiscard]] std::shared_ptr<const core::Model> model() const { return m_model; }
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isServing() const { return m_state == State::Serving; }

    /// The port asked for (0 = any free one), and the one served on (0 when not serving).
    void setPort(int port);
    [[nodiscard]] int port() const;
    [[nodiscard]] int servingPort() const { return m_servingPort; }
    /// Listen on 0.0.0.0 (other computers may connect) instead of 127.0.0.1.
    void setAllowNetwork(bool allow);
    [[nodiscard]] QString host() const;

    /// Starts serving: refused at once (false, why in red) when the port is busy; otherwise the
    /// package is built off the UI thread and started() or failed() follows.
    bool start();
    /// Stops serving; stopped() follows once the port is free.
    void stop();

    /// What the dialog shows while serving (empty otherwise): the base URL, the model's OIP v2
    /// infer URL, the curl commands and the request body of the first.
    [[nodiscard]] QString baseUrl() const;
    [[nodiscard]] QString inferUrl() const;
    [[nodiscard]] QString inferCommand() const { return m_inferCommand; }
    [[nodiscard]] QString invocationsCommand() const { return m_invocationsCommand; }
    [[nodiscard]] QString inferBody() const { return m_inferBody; }
    /// The error shown in red ("" when none), and the free port offered beside it (0: none).
    [[nodiscard]] QString errorText() const;
    [[nodiscard]] int offeredPort() const { return m_offeredPort; }
    /// The served model's figures at the last sample (requests, errors, rows predicted…).
    [[nodiscard]] const core::serve::MetricTotals& totals() const { return m_last; }
    [[nodiscard]] QString totalsText() const;
    [[nodiscard]] ServeTrafficChart* chart() const { return m_chart; }
    /// The version served: "1", then one more at each update.
    [[nodiscard]] QString servedVersion() const { return m_version; }

    /// The node trained again: while serving, offers "Update the served model"; otherwise
    /// takes the new model for the next start.
    void offerModel(std::shared_ptr<const core::Model> model, core::deploy::PackageOptions options);
    [[nodiscard]] bool updateOffered() const;
    /// Packages the offered model off the UI thread and swaps it in; modelUpdated() follows.
    void updateServedModel();

    /// Whether a TCP port on `host` can be listened on now (an IPv4 address).
    static bool portIsFree(const QString& host, int port);
    /// The first free port after `port` (within 100), or 0.
    static int nextFreePort(const QString& host, int port);

Q_SIGNALS:
    void started(int port);
    void failed(const QString& why);
    void stopped();
    void modelUpdated(const QString& version);
    /// After each sample of the server's metrics (once a second while serving).
    void sampled();

protected:
    void closeEvent(QCloseEvent* event) override;
    void reject() override;

private:
    struct Server;
    struct Prepared;
    struct Preparation;
    /// Builds the package and the example row (on the thread pool: only values in and out).
    static Preparation prepare(std::shared_ptr<const core::Model> model,
                               core::deploy::PackageOptions options);
    void setState(State state);
    void showError(const QString& message, int offeredPort = 0);
    void clearError();
    void serve(std::shared_ptr<const Prepared> prepared);
    void sample();
    void showCommands(const core::Table& example);
    void updateAddress();
    void finishStop();
    /// Takes the offered model as the one to serve from the next start.
    void adoptOffered();
    void stopNow();

    QString m_node;
    QString m_title;
    QString m_modelName;
    std::shared_ptr<const core::Model> m_model;
    core::deploy::PackageOptions m_options;
    std::shared_ptr<const Prepared> m_prepared;   ///< m_model's package and example, once built
    std::shared_ptr<const core::Model> m_offered; ///< a newer model, offered while serving
    core::deploy::PackageOptions m_offeredOptions;
    State m_state = State::Stopped;
    std::unique_ptr<Server> m_server;
    int m_servingPort = 0;
    int m_offeredPort = 0;
    QString m_version;
    QString m_inferCommand, m_invocationsCommand, m_inferBody;
    quint64 m_generation = 0; ///< bumped by stop(): a start under way sees it was cancelled
    core::serve::MetricTotals m_last;
    double m_lastTime = 0;
    QElapsedTimer m_clock;

    QSpinBox* m_portBox = nullptr;
    QCheckBox* m_networkBox = nullptr;
    QLabel* m_networkWarning = nullptr;
    QPushButton* m_startButton = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_usePortButton = nullptr;
    QWidget* m_updateBar = nullptr;
    QLabel* m_updateLabel = nullptr;
    QPushButton* m_updateButton = nullptr;
    QLabel* m_urlLabel = nullptr;
    QLabel* m_inferLabel = nullptr;
    QLabel* m_otherComputers = nullptr;
    QToolButton* m_copyUrl = nullptr;
    QTabWidget* m_commands = nullptr;
    QPlainTextEdit* m_inferText = nullptr;
    QPlainTextEdit* m_invocationsText = nullptr;
    QPushButton* m_copyCommand = nullptr;
    ServeTrafficChart* m_chart = nullptr;
    QLabel* m_totals = nullptr;
    QTimer* m_sampler = nullptr;
};

} // namespace oficina::ui
