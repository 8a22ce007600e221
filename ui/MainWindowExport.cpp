// MainWindow: exporting a trained model to ONNX from the node context menu and the File menu.
#include "MainWindow.h"

#include "Translate.h"
#include "canvas/PipelineScene.h"
#include "document/Document.h"
#include "export/OnnxExport.h"
#include "models/Model.h"
#include "pipeline/HeldOutMetrics.h"
#include "pipeline/NodeRegistry.h"
#include "pipeline/PipelineFile.h"
#include "util/Error.h"
#include "util/Sha256.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QStatusBar>

namespace oficina::ui {

std::shared_ptr<const core::Model> MainWindow::trainedModel(const QString& node) const {
    return m_results.trainedModel(node);
}

bool MainWindow::trainsModel(const QString& node) const {
    const core::Node* n = m_document->graph().node(node.toStdString());
    const core::NodeSpec* spec = n ? m_registry.find(n->type) : nullptr;
    return spec && std::any_of(spec->outputs.begin(), spec->outputs.end(), [](const auto& port) {
               return port.type == core::PortType::Model;
           });
}

QString MainWindow::nodeToExport() const {
    const QString selected = m_scene->selectedNode();
    if (!selected.isEmpty() && trainsModel(selected)) return selected;
    QString only;
    for (const core::Node& node : m_document->graph().nodes()) {
        const QString id = QString::fromStdString(node.id);
        if (!trainedModel(id)) continue;
        if (!only.isEmpty()) return {}; // several: the user picks one
        only = id;
    }
    return only;
}

bool MainWindow::exportModel(const QString& node, QString path) {
    const core::Node* n = m_document->graph().node(node.toStdString());
    const QString title = n ? QString::fromStdString(core::nodeLabel(*n, m_registry)) : node;
    const auto refuse = [&](const QString& why) {
        appendLog(tr("Cannot export %1 to ONNX: %2").arg(title, why));
        QMessageBox::warning(this, tr("Export to ONNX"), why);
        return false;
    };
    const std::shared_ptr<const core::Model> model = trainedModel(node);
    if (!model)
        return refuse(tr("'%1' has not trained a model yet: run the pipeline first.").arg(title));
    // Refused before asking where: nothing to choose a file for.
    if (const auto why = core::onnxRefusal(*model)) return refuse(trMessage(*why));
    if (path.isEmpty()) {
        const QString folder = m_document->path().isEmpty()
                                   ? QDir::homePath()
                                   : QFileInfo(m_document->path()).absolutePath();
        path = QFileDialog::getSaveFileName(this, tr("Export to ONNX"),
                                            folder + QLatin1Char('/') + node + ".onnx",
                                            tr("ONNX models (*.onnx)"));
        if (path.isEmpty()) return false;
        if (QFileInfo(path).suffix().isEmpty()) path += ".onnx";
    }
    const core::Graph& graph = m_document->graph();
    core::OnnxExportOptions options;
    options.pipelineName = graph.fileName();
    options.pipelineHash = core::sha256Hex(core::serializePipeline(graph, m_registry));
    options.heldOut = core::heldOutMetrics(
        graph, m_registry,
        [this](const std::string& id) { return m_results.find(QString::fromStdString(id)); },
        node.toStdString());
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        const core::OnnxExportResult written = core::exportOnnx(*model, path.toStdString(), options);
        QApplication::restoreOverrideCursor();
        const QString done =
            tr("Exported %1 to %2 (%3, %n graph nodes) with its card %4", nullptr,
               int(written.nodeCount))
                .arg(title, QDir::toNativeSeparators(path),
                     QLocale().formattedDataSize(qint64(written.bytes)),
                     QFileInfo(QString::fromStdString(written.cardPath)).fileName());
        appendLog(done);
        statusBar()->showMessage(done, 8000);
        return true;
    } catch (const core::Error& e) {
        QApplication::restoreOverrideCursor();
        return refuse(e.where().empty() ? trMessage(e.message())
                                        : QStringLiteral("%1: %2").arg(
                                              QString::fromStdString(e.where()),
                                              trMessage(e.message())));
    }
}

} // namespace oficina::ui
