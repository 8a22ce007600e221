// Running oficina-cli from the CLI tests: the binary, the Iris example, a run's exit code and
// output, and the report it wrote. Test-only.
#pragma once

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

inline const QString kCli = QStringLiteral(OFICINA_BIN_DIR "/oficina-cli");
inline const QString kExample =
    QStringLiteral(OFICINA_SOURCE_DIR "/resources/examples/iris_classification.oficina");

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// No test may depend on the machine's speed (the CNN example alone takes 10 s, more on a loaded
// machine): this only guards against a hang, far beyond any run here.
constexpr int kHangGuardMs = 15 * 60 * 1000;

/// `folder`: the working directory (default: the test's). `ownStore`: runs go where the command
/// line puts them by default (beside the pipeline, or --store), not to the suite's shared store
/// (OFICINA_RUN_STORE, tests/CMakeLists.txt).
inline CliRun runCli(const QStringList& args, const QString& folder = {}, bool ownStore = false) {
    QProcess process;
    if (!folder.isEmpty()) process.setWorkingDirectory(folder);
    if (ownStore) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove("OFICINA_RUN_STORE");
        process.setProcessEnvironment(environment);
    }
    process.start(kCli, args);
    if (!process.waitForFinished(kHangGuardMs)) {
        process.kill();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// The report oficina-cli wrote; empty when it wrote none, so that the comparisons after it fail
// this test function only (fixtures go through fixture::read, which stops the executable).
inline QJsonObject readReport(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

inline QJsonObject reportNode(const QJsonObject& report, const QString& id) {
    for (const auto& node : report["nodes"].toArray())
        if (node.toObject()["id"].toString() == id) return node.toObject();
    return {};
}
