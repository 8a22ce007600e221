// The Iris example with an Export node pointed out of its folder, for the tests of the warning
// before a pipeline from elsewhere replaces files (CLI and GUI). Header-only and test-only.
#pragma once

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

/// Writes `example` (the Iris example) with an Export node writing ../elsewhere/model.onnx into
/// `root`/project/iris.oficina, with `root`/elsewhere made; returns the pipeline's path, or ""
/// when it could not be written.
inline QString writeIrisExportingOutside(const QString& root, const QString& example) {
    QFile in(example);
    if (!QDir(root).mkpath("project") || !QDir(root).mkpath("elsewhere") ||
        !in.open(QIODevice::ReadOnly))
        return {};
    QJsonObject pipeline = QJsonDocument::fromJson(in.readAll()).object();
    QJsonArray nodes = pipeline["nodes"].toArray();
    nodes.append(QJsonObject{{"id", "export"}, {"type", "oficina.export.onnx"},
                             {"params", QJsonObject{{"path", "../elsewhere/model.onnx"}}}});
    pipeline["nodes"] = nodes;
    QJsonArray links = pipeline["links"].toArray();
    links.append(QJsonObject{{"from", "logreg.model"}, {"to", "export.model"}});
    pipeline["links"] = links;
    const QString path = QDir(root).filePath("project/iris.oficina");
    QFile out(path);
    const QByteArray bytes = QJsonDocument(pipeline).toJson();
    return out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size() ? path : QString();
}
