#include "panels/OutputViews.h"

#include "Translate.h"
#include "charts/ClustersVsClassesView.h"
#include "charts/ConfusionMatrixView.h"
#include "charts/DecisionBoundaryView.h"
#include "charts/DendrogramView.h"
#include "charts/FeatureImportanceChart.h"
#include "charts/LearningCurveChart.h"
#include "charts/MatrixLineChart.h"
#include "charts/MetricNames.h"
#include "charts/PrecisionRecallChart.h"
#include "charts/ResidualPlot.h"
#include "charts/RocChart.h"
#include "charts/ScatterPlot.h"
#include "charts/ScoreBarsChart.h"
#include "charts/VarianceBars.h"
#include "data/Table.h"
#include "deploy/TryItPanel.h"
#include "eval/DecisionGrid.h"
#include "eval/MetricCatalog.h"
#include "eval/Metrics.h"
#include "models/Model.h"
#include "panels/MatrixModel.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>

namespace oficina::ui {

namespace {

/// Cells per side of a decision-boundary grid: fine enough for smooth edges, 22,500
/// predictions.
constexpr int kBoundaryResolution = 150;

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
        const auto& [key, value] = scalars[size_t(i)];
        auto* name = new QTableWidgetItem(metricDisplayName(key));
        name->setToolTip(QString::fromStdString(key));  // the key files and the CLI use
        table->setItem(i, 0, name);
        auto* cell = new QTableWidgetItem(formatCell(value));
        cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(i, 1, cell);
    }
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

/// A Gate's rules, one row each, green when it passed and red when it failed: the rule, the
/// metric's value, the baseline's, the bound it was compared with, and why it failed when it
/// could not be checked (or a note on how it was).
QTableWidget* gatesTable(const core::LabeledMatrix& m) {
    const auto column = [&](const char* name) {
        const auto it = std::find(m.columnLabels.begin(), m.columnLabels.end(), name);
        return it == m.columnLabels.end() ? -1 : int(it - m.columnLabels.begin());
    };
    const int value = column("value"), baseline = column("baseline"), bound = column("bound"),
              passed = column("passed");
    const int rows = int(m.rowLabels.size());
    auto* table = new QTableWidget(rows, 6);
    table->setObjectName(QStringLiteral("gates"));
    table->setHorizontalHeaderLabels({NodeOutputsText::tr("Rule"), metricDisplayName("value"),
                                      metricDisplayName("baseline"), metricDisplayName("bound"),
                                      NodeOutputsText::tr("Result"), NodeOutputsText::tr("Why")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(true);
    const bool notes = m.rowNotes.size() == m.rowLabels.size();
    for (int r = 0; r < rows; ++r) {
        const auto number = [&](int c) {
            const double v = c < 0 ? std::nan("") : m.at(size_t(r), size_t(c));
            return std::isnan(v) ? QStringLiteral("—") : formatCell(v);
        };
        const bool ok = passed >= 0 && m.at(size_t(r), size_t(passed)) == 1;
        const QString why = notes ? trMessage(m.rowNotes[size_t(r)]) : QString();
        const QStringList cells = {QString::fromStdString(m.rowLabels[size_t(r)]), number(value),
                                   number(baseline), number(bound),
                                   ok ? NodeOutputsText::tr("✓ passed")
                                      : NodeOutputsText::tr("✗ failed"),
                                   why};
        for (int c = 0; c < int(cells.size()); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setBackground(ok ? QColor(0xe3, 0xf4, 0xe7) : QColor(0xfb, 0xe3, 0xe3));
            item->setForeground(ok ? QColor(0x1f, 0x6f, 0x3a) : QColor(0xa3, 0x23, 0x23));
            if (c >= 1 && c <= 3) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (!why.isEmpty()) item->setToolTip(why);
            table->setItem(r, c, item);
        }
    }
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(5, QHeaderView::Stretch);
    table->resizeRowsToContents();
    return table;
}

QTableView* tableView(MatrixModel* model) {
    auto* view = new QTableView;
    model->setParent(view);
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    return view;
}

using MetricsPtr = std::shared_ptr<const core::Metrics>;

/// A table of one matrix of `metrics`, built when called.
std::function<QWidget*()> matrixData(const MetricsPtr& metrics, const core::LabeledMatrix& m,
                                     QStringList rowNames = {}) {
    return [metrics, m = &m, rowNames] {
        auto* model = new MatrixModel(metrics, {{{}, m}});
        model->setRowNames(rowNames);
        return static_cast<QWidget*>(tableView(model));
    };
}

/// One table of every "<prefix><label>" curve, a class column first.
std::function<QWidget*()> curvesData(const MetricsPtr& metrics, const std::string& prefix) {
    return [metrics, prefix] {
        std::vector<MatrixModel::Part> parts;
        for (const auto& m : metrics->matrices)
            if (m.name.rfind(prefix, 0) == 0)
                parts.push_back({QString::fromStdString(m.name.substr(prefix.size())), &m});
        return static_cast<QWidget*>(
            tableView(new MatrixModel(metrics, std::move(parts), NodeOutputsText::tr("Class"))));
    };
}

} // namespace

Pages createMetricsViews(const std::shared_ptr<const core::Metrics>& shared) {
    const core::Metrics& metrics = *shared;
    Pages pages;
    if (!metrics.scalars.empty())
        pages.emplace_back(NodeOutputsText::tr("Scores"), scalarTable(metrics.scalars));
    bool rocDone = false, prDone = false;
    for (const core::LabeledMatrix& m : metrics.matrices) {
        const core::MetricInfo* info = core::findMetric(m.name);
        switch (info ? info->view : core::MetricView::Table) {
        case core::MetricView::ConfusionMatrix: {
            auto* view = new ConfusionMatrixView;
            view->setMatrix(m);
            pages.emplace_back(NodeOutputsText::tr("Confusion matrix"), view);
            break;
        }
        case core::MetricView::RocCurves:
        case core::MetricView::PrecisionRecallCurves: {
            // Every class's curve in one chart, not a tab per class.
            const bool roc = info->view == core::MetricView::RocCurves;
            if (std::exchange(roc ? rocDone : prDone, true)) continue;
            ClassCurvesChart* view = roc ? static_cast<ClassCurvesChart*>(new RocChart)
                                         : new PrecisionRecallChart;
            view->setMetrics(metrics);
            view->setDataView(curvesData(shared, std::string(info->key)));
            pages.emplace_back(roc ? NodeOutputsText::tr("ROC")
                                   : NodeOutputsText::tr("Precision–recall"),
                               view);
            break;
        }
        case core::MetricView::Residuals: {
            auto* view = new ResidualPlot;
            view->setMatrix(m);
            view->setDataView(matrixData(shared, m));
            pages.emplace_back(NodeOutputsText::tr("Residuals"), view);
            break;
        }
        case core::MetricView::VarianceBars: {
            auto* view = new VarianceBars;
            view->setMatrix(m);
            view->setDataView(matrixData(shared, m));
            pages.emplace_back(NodeOutputsText::tr("Variance"), view);
            break;
        }
        case core::MetricView::Dendrogram: {
            auto* view = new DendrogramView;
            view->setMatrix(m);
            view->setDataView(matrixData(shared, m));
            pages.emplace_back(NodeOutputsText::tr("Dendrogram"), view);
            break;
        }
        case core::MetricView::KScores: {
            auto* view = new MatrixLineChart(metricDisplayName(m.name));
            view->setMatrix(m, "k", {QStringLiteral("inertia")}, {QStringLiteral("silhouette")});
            if (const double* k = metrics.scalar("suggested_k")) {
                view->markX(*k, NodeOutputsText::tr("suggested k = %1").arg(*k));
                // Why a k chosen by hand (the three Iris species) may differ from this one.
                view->setNote(NodeOutputsText::tr(
                    "The suggestion is the k with the best silhouette: the most compact, best "
                    "separated groups. Groups you know of, such as classes in the labels, need "
                    "not be those, so another k can be the right one for your question."));
            }
            view->setDataView(matrixData(shared, m));
            pages.emplace_back(NodeOutputsText::tr("k scores"), view);
            break;
        }
        case core::MetricView::KDistance: {
            auto* view = new MatrixLineChart(metricDisplayName(m.name));
            view->setMatrix(m, "rank", {QStringLiteral("distance")});
            if (const double* eps = metrics.scalar("suggested_eps"))
                view->markY(*eps, NodeOutputsText::tr("suggested eps = %1").arg(formatCell(*eps)));
            view->setDataView(matrixData(shared, m));
            pages.emplace_back(NodeOutputsText::tr("k-distance"), view);
            break;
        }
        case core::MetricView::LearningCurve: {
            auto* view = new LearningCurveChart;
            view->setMatrix(m);
            view->setDataView(matrixData(shared, m));
            pages.emplace_back(NodeOutputsText::tr("Learning curve"), view);
            break;
        }
        case core::MetricView::ValidationCurve: {
            auto* view = new LearningCurveChart;
            view->setMatrix(m, {}, metricDisplayName(m.columnLabels.front()));
            view->setDataView(matrixData(shared, m));
            pages.emplace_back(metricDisplayName(m.name), view);
            break;
        }
        case core::MetricView::ClustersVsClasses: {
            auto* view = new ClustersVsClassesView;
            view->setMetrics(shared);
            pages.emplace_back(metricDisplayName(m.name), view);
            break;
        }
        case core::MetricView::Gates:
            // The verdict first: a Gate is read for it, its counts come after.
            pages.insert(pages.begin(), {NodeOutputsText::tr("Gates"), gatesTable(m)});
            break;
        case core::MetricView::ScoreBars: {
            auto* view = new ScoreBarsChart;
            QStringList rows;
            if (m.name == "folds") {
                view->setFolds(m);
            } else {
                view->setComparison(m);
                for (const auto& r : m.rowLabels) rows << comparedModelName(r);
            }
            view->setDataView(matrixData(shared, m, rows));
            pages.emplace_back(m.name == "folds" ? NodeOutputsText::tr("Per fold")
                                                 : NodeOutputsText::tr("Comparison"),
                               view);
            break;
        }
        case core::MetricView::Table:
        case core::MetricView::Number:
            // The contingency table is shown under the clusters-vs-classes plots.
            if (m.name == "contingency" && metrics.matrix("cluster_class_points")) continue;
            pages.emplace_back(metricDisplayName(m.name), matrixData(shared, m)());
            break;
        }
    }
    return pages;
}

Pages createModelViews(const std::shared_ptr<const core::Model>& shared,
                       const std::shared_ptr<const core::Table>& training) {
    const core::Model& model = *shared;
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
        auto* view = new DecisionBoundaryView;
        view->compute(
            [shared, training, x = inputs->first, y = inputs->second] {
                return core::computeDecisionGrid(*shared, *training, x, y, kBoundaryResolution);
            },
            training);
        pages.emplace_back(NodeOutputsText::tr("Decision boundary"), view);
    }
    // Built when first shown: selecting a model node costs nothing more.
    if (model.estimator)
        pages.emplace_back(NodeOutputsText::tr("Try it"), new TryItPanel(shared));
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
