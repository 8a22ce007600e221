#include "panels/OutputViews.h"

#include "Translate.h"
#include "charts/ConfusionMatrixView.h"
#include "charts/DecisionBoundaryView.h"
#include "charts/DendrogramView.h"
#include "charts/FeatureImportanceChart.h"
#include "charts/MatrixLineChart.h"
#include "charts/ResidualPlot.h"
#include "charts/RocChart.h"
#include "charts/ScatterPlot.h"
#include "charts/VarianceBars.h"
#include "data/Table.h"
#include "eval/DecisionGrid.h"
#include "eval/Metrics.h"
#include "models/Model.h"
#include "panels/TableModel.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace oficina::ui {

namespace {

/// Translation context of these pages: the view they appear in.
struct NodeOutputsText {
    Q_DECLARE_TR_FUNCTIONS(NodeOutputsView)
};

QTableWidget* scalarTable(const std::vector<std::pair<std::string, double>>& scalars) {
    auto* table = new QTableWidget(int(scalars.size()), 2);
    table->setHorizontalHeaderLabels({NodeOutputsText::tr("Metric"), NodeOutputsText::tr("Value")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int i = 0; i < int(scalars.size()); ++i) {
        const auto& [name, value] = scalars[size_t(i)];
        table->setItem(i, 0, new QTableWidgetItem(QString::fromStdString(name)));
        auto* cell = new QTableWidgetItem(formatCell(value));
        cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(i, 1, cell);
    }
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QTableWidget* matrixTable(const core::LabeledMatrix& m) {
    // Matrices with many rows (curves) are shown in full; QTableWidget copes with thousands.
    auto* table = new QTableWidget(int(m.rowLabels.size()), int(m.columnLabels.size()));
    QStringList columns, rows;
    for (const auto& c : m.columnLabels) columns << QString::fromStdString(c);
    for (const auto& r : m.rowLabels) rows << QString::fromStdString(r);
    table->setHorizontalHeaderLabels(columns);
    table->setVerticalHeaderLabels(rows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (size_t r = 0; r < m.rowLabels.size(); ++r)
        for (size_t c = 0; c < m.columnLabels.size(); ++c) {
            auto* cell = new QTableWidgetItem(formatCell(m.at(r, c)));
            cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table->setItem(int(r), int(c), cell);
        }
    return table;
}

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

} // namespace

Pages createMetricsViews(const core::Metrics& metrics) {
    Pages pages;
    if (!metrics.scalars.empty())
        pages.emplace_back(NodeOutputsText::tr("Scores"), scalarTable(metrics.scalars));
    bool rocDone = false;
    for (const core::LabeledMatrix& m : metrics.matrices) {
        if (m.name == "confusion_matrix") {
            auto* view = new ConfusionMatrixView;
            view->setMatrix(m);
            pages.emplace_back(NodeOutputsText::tr("Confusion matrix"), view);
        } else if (startsWith(m.name, "roc:")) {
            if (rocDone) continue;
            rocDone = true;
            auto* view = new RocChart;
            view->setMetrics(metrics);
            pages.emplace_back(NodeOutputsText::tr("ROC"), view);
        } else if (m.name == "residuals") {
            auto* view = new ResidualPlot;
            view->setMatrix(m);
            pages.emplace_back(NodeOutputsText::tr("Residuals"), view);
        } else if (m.name == "explained_variance") {
            auto* view = new VarianceBars;
            view->setMatrix(m);
            pages.emplace_back(NodeOutputsText::tr("Variance"), view);
            pages.emplace_back(QString::fromStdString(m.name), matrixTable(m));
        } else if (m.name == "merge_tree") {
            auto* view = new DendrogramView;
            view->setMatrix(m);
            pages.emplace_back(NodeOutputsText::tr("Dendrogram"), view);
        } else if (m.name == "k_scores") {
            auto* view = new MatrixLineChart(NodeOutputsText::tr("Scores by number of clusters"));
            view->setMatrix(m, "k", {QStringLiteral("inertia")}, {QStringLiteral("silhouette")});
            if (const double* k = metrics.scalar("suggested_k"))
                view->markX(*k, NodeOutputsText::tr("suggested k = %1").arg(*k));
            pages.emplace_back(NodeOutputsText::tr("k scores"), view);
        } else if (m.name == "k_distance") {
            auto* view = new MatrixLineChart(NodeOutputsText::tr("Sorted k-distance"));
            view->setMatrix(m, "rank", {QStringLiteral("distance")});
            if (const double* eps = metrics.scalar("suggested_eps"))
                view->markY(*eps, NodeOutputsText::tr("suggested eps = %1").arg(formatCell(*eps)));
            pages.emplace_back(NodeOutputsText::tr("k-distance"), view);
        } else if (m.name == "learning_curve") {
            auto* view = new MatrixLineChart(NodeOutputsText::tr("Learning curve"));
            view->setMatrix(m, "train_size",
                            {QStringLiteral("train_mean"), QStringLiteral("test_mean")});
            pages.emplace_back(NodeOutputsText::tr("Learning curve"), view);
            pages.emplace_back(QString::fromStdString(m.name), matrixTable(m));
        } else {
            pages.emplace_back(QString::fromStdString(m.name), matrixTable(m));
        }
    }
    return pages;
}

Pages createModelViews(const core::Model& model,
                       const std::shared_ptr<const core::Table>& training) {
    Pages pages;
    auto* summary = new QWidget;
    auto* layout = new QVBoxLayout(summary);
    QStringList lines;
    if (model.estimator) {
        lines << NodeOutputsText::tr("<b>%1</b>").arg(trCore(model.estimator->title()).toHtmlEscaped());
        if (!model.targetName.empty())
            lines << NodeOutputsText::tr("Predicts: %1")
                         .arg(QString::fromStdString(model.targetName).toHtmlEscaped());
        QStringList features;
        for (const auto& f : model.estimator->featureNames()) features << QString::fromStdString(f);
        lines << NodeOutputsText::tr("Features (%1): %2")
                     .arg(features.size())
                     .arg(features.join(QStringLiteral(", ")).toHtmlEscaped());
    }
    QStringList steps;
    for (const auto& step : model.lineage.steps) steps << trCore(step->title());
    if (!steps.isEmpty())
        lines << NodeOutputsText::tr("Preprocessing: %1").arg(steps.join(QStringLiteral(" → ")));
    auto* text = new QLabel(lines.join(QStringLiteral("<br>")), summary);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(text);
    if (!model.trainingMetrics.empty()) layout->addWidget(scalarTable(model.trainingMetrics), 1);
    else layout->addStretch(1);
    pages.emplace_back(NodeOutputsText::tr("Model"), summary);

    if (model.estimator) {
        const std::vector<double> importances = model.estimator->featureImportances();
        if (!importances.empty()) {
            auto* chart = new FeatureImportanceChart;
            chart->setImportances(model.estimator->featureNames(), importances);
            pages.emplace_back(NodeOutputsText::tr("Importances"), chart);
        }
    }
    if (const auto inputs = core::twoNumericInputs(model); inputs && training &&
        training->find(inputs->first) && training->find(inputs->second)) {
        try {
            auto grid = core::computeDecisionGrid(model, *training, inputs->first, inputs->second,
                                                  150);
            auto* view = new DecisionBoundaryView;
            view->setData(std::move(grid), training);
            pages.emplace_back(NodeOutputsText::tr("Decision boundary"), view);
        } catch (const std::exception&) {
            // A model that cannot predict on the grid simply gets no boundary view.
        }
    }
    return pages;
}

QWidget* createTablePlot(const std::shared_ptr<const core::Table>& table) {
    if (!table || table->rowCount() == 0) return nullptr;
    const bool clustered = table->find(core::kClusterColumn) != nullptr;
    const bool projected = (table->find("tsne_1") && table->find("tsne_2")) ||
                           (table->find("PC1") && table->find("PC2"));
    if (!clustered && !projected) return nullptr;
    auto* plot = new ScatterPlot;
    plot->setTable(table);
    return plot;
}

} // namespace oficina::ui
