// MainWindow: presentation mode, for teaching on a projector.
#include "MainWindow.h"

#include "canvas/PipelineScene.h"
#include "canvas/PipelineView.h"
#include "charts/ChartView.h"
#include "document/Document.h"
#include "panels/NodeOutputsView.h"

#include <QAction>
#include <QDockWidget>
#include <QTabWidget>
#include <QTimer>

#include <algorithm>

namespace oficina::ui {

namespace {
constexpr double kPresentationScale = 1.6; // text, chart lines and markers on a projector
// The panels a presentation hides: a class watches the pipeline and its results.
constexpr const char* kHiddenDocks[] = {"paletteDock", "propertiesDock", "runLogDock",
                                        "resultsDock", "helpDock"};
} // namespace

QAction* MainWindow::createPresentationActions() {
    auto* presentation = new QAction(tr("&Presentation"), this);
    presentation->setObjectName("presentationAction");
    presentation->setShortcut(QKeySequence(Qt::Key_F11));
    presentation->setCheckable(true);
    connect(presentation, &QAction::triggered, this, &MainWindow::setPresentation);
    // While presenting, the arrow and page keys step through the nodes and Escape leaves.
    const auto key = [this](const char* name, QList<QKeySequence> keys, auto slot) {
        auto* a = new QAction(this);
        a->setObjectName(name);
        a->setShortcuts(keys);
        a->setEnabled(false);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        m_presentationKeys << a;
    };
    key("nextNodeAction", {QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_PageDown)},
        [this] { stepSelection(1); });
    key("previousNodeAction", {QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_PageUp)},
        [this] { stepSelection(-1); });
    key("leavePresentationAction", {QKeySequence(Qt::Key_Escape)},
        [this] { setPresentation(false); });
    return presentation;
}

void MainWindow::setPresentation(bool on) {
    if (on == m_presenting) return;
    m_presenting = on;
    if (QAction* action = this->action("presentationAction")) action->setChecked(on);
    for (QAction* key : m_presentationKeys) key->setEnabled(on);
    auto* outputs = findChild<QDockWidget*>("outputsDock");
    if (on) {
        m_stateBeforePresentation = saveState();
        m_wasMaximized = isMaximized();
        for (const char* name : kHiddenDocks)
            if (auto* dock = findChild<QDockWidget*>(name)) dock->hide();
        if (outputs) outputs->show();
        showCanvas();
        showFullScreen();
    } else {
        restoreState(m_stateBeforePresentation);
        m_wasMaximized ? showMaximized() : showNormal();
    }
    ChartView::setPresentationScale(on ? kPresentationScale : 1.0);
    QFont text = font();
    text.setPointSizeF(text.pointSizeF() * kPresentationScale);
    m_outputs->setFont(on ? text : QFont()); // an empty font: inherit the window's again
    // Once the window has its new size: the outputs get half of it, the pipeline is fitted
    // to the rest, and the selected node's views are made again at the new scale.
    m_view->setMaxFitZoom(on ? kPresentationScale : 1.0);
    QTimer::singleShot(0, this, [this, outputs, on] {
        if (on && outputs) resizeDocks({outputs}, {height() / 2}, Qt::Vertical);
        m_view->fitToView();
        const QWidget* page = m_outputs->tabs()->currentWidget();
        const QString view = page ? QString::fromLatin1(page->metaObject()->className()) : "";
        showSelection();
        if (!view.isEmpty()) showOutputView(view);  // the same view, remade at the new scale
        if (on) m_view->setFocus();
    });
}

void MainWindow::stepSelection(int step) {
    const auto order = m_document->graph().topologicalOrder();
    if (!order || order->empty()) return;
    const auto current =
        std::find(order->begin(), order->end(), m_scene->selectedNode().toStdString());
    long index = current == order->end() ? (step > 0 ? 0 : long(order->size()) - 1)
                                         : long(current - order->begin()) + step;
    index = std::clamp(index, 0L, long(order->size()) - 1);
    m_scene->selectItems({QString::fromStdString((*order)[size_t(index)])});
}

} // namespace oficina::ui
