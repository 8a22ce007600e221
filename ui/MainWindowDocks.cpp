// MainWindow's docks: their default layout, and what they show for the selected node.
#include "MainWindow.h"

#include "canvas/NodePalette.h"
#include "canvas/PipelineScene.h"
#include "data/Table.h"
#include "document/Document.h"
#include "panels/HelpPanel.h"
#include "panels/NodeOutputsView.h"
#include "pipeline/NodeRegistry.h"
#include "properties/PropertyPanel.h"

#include <QAction>
#include <QDockWidget>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTabWidget>

#include <algorithm>

namespace oficina::ui {

void MainWindow::createDocks() {
    const auto dock = [this](QWidget* widget, const QString& title, const char* name,
                             Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(widget);
        addDockWidget(area, d);
        return d;
    };
    // Palette and properties run the window's full height; the canvas and, under it, the
    // outputs share the middle, so tables and charts get the canvas's width.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    m_palette = new NodePalette(m_registry, this);
    QDockWidget* paletteDock = dock(m_palette, tr("Nodes"), "paletteDock", Qt::LeftDockWidgetArea);
    m_properties = new PropertyPanel(*m_document, this);
    m_properties->setColumnLookup([this](const QString& node, const QString& port) {
        return inputColumns(node, port);
    });
    m_properties->setFeatureCountLookup(
        [this](const QString& node, const QString& port) -> std::optional<int> {
            const auto table = inputTable(node, port);
            if (!table) return std::nullopt;
            return int(table->namesWithRole(core::ColumnRole::Feature).size());
        });
    QDockWidget* propertiesDock =
        dock(m_properties, tr("Properties"), "propertiesDock", Qt::RightDockWidgetArea);

    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_summary = new QPlainTextEdit(this);
    m_summary->setReadOnly(true);
    m_summary->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_summary->setLineWrapMode(QPlainTextEdit::NoWrap);
    QDockWidget* logDock = dock(m_log, tr("Run log"), "runLogDock", Qt::RightDockWidgetArea);
    QDockWidget* resultsDock =
        dock(m_summary, tr("Run summary"), "resultsDock", Qt::RightDockWidgetArea);
    m_help = new HelpPanel(m_registry, this);
    QDockWidget* helpDock = dock(m_help, tr("Help"), "helpDock", Qt::RightDockWidgetArea);
    splitDockWidget(propertiesDock, logDock, Qt::Vertical);
    tabifyDockWidget(logDock, resultsDock);
    tabifyDockWidget(resultsDock, helpDock);
    logDock->raise();
    connect(m_palette, &NodePalette::nodeTypeHighlighted, m_help, &HelpPanel::showNodeType);
    // F1 brings the help forward, on the selected node when there is one (the Help menu lists
    // it too).
    auto* showHelp = new QAction(tr("&Node help"), this);
    showHelp->setObjectName("nodeHelpAction");
    showHelp->setShortcut(QKeySequence::HelpContents);
    connect(showHelp, &QAction::triggered, this, [this, helpDock] {
        const QString node = m_scene->selectedNode();
        if (const core::NodeSpec* spec = m_document->nodeSpec(node))
            m_help->showNodeType(QString::fromStdString(spec->type));
        helpDock->show();
        helpDock->raise();
    });
    addAction(showHelp);

    m_outputs = new NodeOutputsView(this);
    // A view wider than the dock (a chart's row of controls) scrolls inside it rather than
    // widening the dock, which would shrink the canvas each time such a node is selected.
    auto* outputsScroll = new QScrollArea(this);
    outputsScroll->setWidget(m_outputs);
    outputsScroll->setWidgetResizable(true);
    outputsScroll->setFrameShape(QFrame::NoFrame);
    QDockWidget* outputsDock =
        dock(outputsScroll, tr("Outputs"), "outputsDock", Qt::BottomDockWidgetArea);
    createRunsDock(outputsDock);

    // In a 1600 x 1000 window the bundled examples fit the canvas at 100 %. The palette is as
    // wide as its longest entry.
    resizeDocks({paletteDock, propertiesDock},
                {std::min(m_palette->sizeHint().width(), kMaxPaletteWidth), kRightDockWidth},
                Qt::Horizontal);
    resizeDocks({propertiesDock, logDock}, {560, 260}, Qt::Vertical);
}

bool MainWindow::showOutputView(const QString& className) {
    QTabWidget* tabs = m_outputs->tabs();
    for (int i = 0; i < tabs->count(); ++i) {
        const QString name = QString::fromLatin1(tabs->widget(i)->metaObject()->className());
        if (name == className || name.endsWith("::" + className)) {
            tabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void MainWindow::showSelection() {
    const QString node = m_scene->selectedNode();
    m_properties->showNode(node);
    if (const core::NodeSpec* spec = node.isEmpty() ? nullptr : m_document->nodeSpec(node))
        m_help->showNodeType(QString::fromStdString(spec->type));
    if (const core::NodeResult* result = node.isEmpty() ? nullptr : m_results.find(node))
        m_outputs->showNode(m_document->nodeTitle(node), *result, m_document->nodeSpec(node));
    else if (!node.isEmpty() || m_outputs->showsFailure())
        m_outputs->clear();  // nothing to show, or a node's error once it is not selected
    updateActions();
}

std::shared_ptr<const core::Table> MainWindow::inputTable(const QString& node,
                                                         const QString& inputPort) const {
    return m_results.inputTable(m_document->graph(), node, inputPort);
}

QStringList MainWindow::inputColumns(const QString& node, const QString& inputPort) const {
    QStringList names;
    if (const auto table = inputTable(node, inputPort))
        for (const auto& name : table->columnNames()) names << QString::fromStdString(name);
    return names;
}

} // namespace oficina::ui
