#include "panels/NodeOutputsView.h"

#include "Translate.h"
#include "data/Table.h"
#include "eval/Metrics.h"
#include "models/Model.h"
#include "panels/DataPreview.h"
#include "charts/LossChart.h"
#include "panels/OutputViews.h"
#include "pipeline/NodeSpec.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace oficina::ui {

namespace {

void appendPoints(LossChart* chart, const std::vector<core::MetricPoint>& points) {
    for (const auto& p : points) chart->append(QString::fromStdString(p.series), p.step, p.value);
    chart->refresh();
}

} // namespace

NodeOutputsView::NodeOutputsView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_caption = new QLabel(this);
    m_caption->setContentsMargins(4, 2, 4, 2);
    m_caption->setWordWrap(true);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_caption);
    layout->addWidget(m_tabs, 1);
    clear();
}

NodeOutputsView::~NodeOutputsView() = default;

void NodeOutputsView::clear() {
    while (m_tabs->count() > 0) {
        QWidget* page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        page->deleteLater();
    }
    m_liveLoss = nullptr;
    m_liveNode.clear();
    m_failure = false;
    m_caption->setText(tr("Select a node that has run to see its results."));
}

void NodeOutputsView::showNode(const QString& title, const core::NodeResult& result,
                               const core::NodeSpec* spec) {
    clear();
    m_caption->setText(title);
    m_failure = result.state == core::NodeState::Failed && result.error;
    if (m_failure) m_caption->setText(tr("%1 — failed: %2").arg(title, trNodeError(result)));
    for (const auto& [port, value] : result.outputs) {
        const core::PortSpec* output = spec ? spec->output(port) : nullptr;
        const QString name = output && *output->label ? trCore(output->label)
                                                      : QString::fromStdString(port);
        if (const auto* table = std::get_if<std::shared_ptr<const core::Table>>(&value)) {
            if (!*table) continue;
            auto* preview = new DataPreview;
            preview->setTable(*table, tr("%1 → %2").arg(title, name));
            m_tabs->addTab(preview, name);
            if (QWidget* plot = createTablePlot(*table))
                m_tabs->addTab(plot, tr("%1 plot").arg(name));
        } else if (const auto* model = std::get_if<std::shared_ptr<const core::Model>>(&value)) {
            if (!*model) continue;
            for (auto& [tabTitle, page] : createModelViews(*model, trainingTable()))
                m_tabs->addTab(page, tabTitle);
        } else if (const auto* metrics = std::get_if<std::shared_ptr<const core::Metrics>>(&value)) {
            if (!*metrics) continue;
            for (auto& [tabTitle, page] : createMetricsViews(*metrics))
                m_tabs->addTab(page, tabTitle);
        }
    }
    if (!result.metrics.empty()) addLossTab(result.metrics);
    m_inputs.clear();
}

void NodeOutputsView::setNodeInputs(core::PortValues inputs) { m_inputs = std::move(inputs); }

std::shared_ptr<const core::Table> NodeOutputsView::trainingTable() const {
    for (const auto& [port, value] : m_inputs)
        if (const auto* table = std::get_if<std::shared_ptr<const core::Table>>(&value))
            if (*table) return *table;
    return nullptr;
}

void NodeOutputsView::addLossTab(const std::vector<core::MetricPoint>& points) {
    m_liveLoss = new LossChart;
    m_tabs->addTab(m_liveLoss, tr("Training"));
    appendPoints(m_liveLoss, points);
}

void NodeOutputsView::appendMetrics(const QString& nodeId,
                                    const std::vector<core::MetricPoint>& points) {
    std::vector<core::MetricPoint> mine;
    QString node = nodeId;
    for (const auto& p : points) {
        const QString from = QString::fromStdString(p.node);
        if (node.isEmpty()) node = from;
        if (from.isEmpty() || from == node) mine.push_back(p);
    }
    if (mine.empty()) return;
    if (node != m_liveNode || !m_liveLoss) {
        clear();
        m_liveNode = node;
        m_caption->setText(tr("Training %1…").arg(node));
        addLossTab({});
    }
    appendPoints(m_liveLoss, mine);
    m_liveLoss->applyPresentationScale();  // the series a new point started
}

} // namespace oficina::ui
