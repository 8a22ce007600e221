#include "charts/ClustersVsClassesView.h"

#include "Translate.h"
#include "charts/ChartColors.h"
#include "charts/MatrixColumn.h"
#include "charts/ScatterPlot.h"
#include "data/Table.h"
#include "eval/Metrics.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace oficina::ui {

namespace {

QLabel* caption(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    return label;
}

} // namespace

ClustersVsClassesView::ClustersVsClassesView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // One grid, so both plots start at the same height whatever their captions' lengths.
    auto* plots = new QGridLayout;
    plots->addWidget(caption(tr("<b>Unsupervised:</b> the algorithm never saw the labels; "
                                "colours are the clusters it found"),
                             this),
                     0, 0);
    auto* rightHeader = new QHBoxLayout;
    m_rightCaption = caption({}, this);
    rightHeader->addWidget(m_rightCaption, 1);
    m_colourBy = new QComboBox(this);
    m_colourBy->addItems({tr("True class"), tr("Classifier's prediction")});
    m_colourBy->setToolTip(tr("Colour the right plot by the true class or by what the "
                              "classifier predicted"));
    rightHeader->addWidget(m_colourBy);
    plots->addLayout(rightHeader, 0, 1);
    m_clusters = new ScatterPlot(this);
    m_clusters->setObjectName(QStringLiteral("clusterPlot"));
    plots->addWidget(m_clusters, 1, 0);
    m_classes = new ScatterPlot(this);
    m_classes->setObjectName(QStringLiteral("classPlot"));
    plots->addWidget(m_classes, 1, 1);
    plots->setColumnStretch(0, 1);
    plots->setColumnStretch(1, 1);
    plots->setRowStretch(1, 1);
    layout->addLayout(plots, 1);
    connect(m_colourBy, &QComboBox::currentIndexChanged, this,
            [this](int index) { showPredictions(index == 1); });

    // The agreement beside its table, both as short as their text: in the outputs dock
    // height is what the plots need most.
    auto* below = new QHBoxLayout;
    below->setContentsMargins(4, 2, 4, 2);
    m_agreement = caption({}, this);
    m_agreement->setObjectName(QStringLiteral("agreement"));
    m_agreement->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_agreement->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    below->addWidget(m_agreement, 1);
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("contingency"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    below->addWidget(m_table, 0, Qt::AlignTop);
    layout->addLayout(below);
}

ClustersVsClassesView::~ClustersVsClassesView() = default;

void ClustersVsClassesView::setMetrics(std::shared_ptr<const core::Metrics> metrics) {
    m_metrics = std::move(metrics);
    const core::LabeledMatrix* c = m_metrics->matrix("contingency");
    const core::LabeledMatrix* points = m_metrics->matrix("cluster_class_points");
    if (!c || !points) return;
    // Each cluster takes the colour of the class most of its rows belong to, largest clusters
    // choosing first; clusters left over (more clusters than classes) take colours after them.
    const size_t k = c->rowLabels.size(), classes = c->columnLabels.size();
    std::vector<size_t> order(k);
    std::iota(order.begin(), order.end(), 0);
    const auto rowSum = [&](size_t r) {
        double s = 0;
        for (size_t j = 0; j < classes; ++j)
            s += c->at(r, j);
        return s;
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return rowSum(a) > rowSum(b); });
    m_clusterSlot.assign(k, -1);
    std::vector<bool> taken(classes, false);
    int spare = int(classes);
    for (size_t r : order) {
        if (c->rowLabels[r] == "noise") { // drawn grey: it takes no class's colour
            m_clusterSlot[r] = spare++;
            continue;
        }
        int best = -1;
        for (size_t j = 0; j < classes; ++j)
            if (!taken[j] && c->at(r, j) > 0 && (best < 0 || c->at(r, j) > c->at(r, size_t(best))))
                best = int(j);
        if (best >= 0) taken[size_t(best)] = true;
        m_clusterSlot[r] = best >= 0 ? best : spare++;
    }

    const bool predictions = matrixColumn(*points, "prediction") >= 0;
    m_colourBy->setVisible(predictions);
    m_clusters->setTable(pointsTable(matrixColumn(*points, "cluster"), true));
    showPredictions(predictions && m_colourBy->currentIndex() == 1);

    QStringList lines;
    if (const double* ari = m_metrics->scalar("ari"))
        lines << tr("<b>Adjusted Rand index: %1</b> — how well the clusters match the classes "
                    "(1 = the same groups, about 0 = no better than chance).")
                     .arg(localNumber(*ari, 'f', 3));
    if (const double* nmi = m_metrics->scalar("nmi"))
        lines << tr("Normalized mutual information: %1.").arg(localNumber(*nmi, 'f', 3));
    if (const double* accuracy = m_metrics->scalar("accuracy"))
        lines << tr("The classifier, which learned from the labels, predicts %1 % of the rows "
                    "right.")
                     .arg(localNumber(*accuracy * 100.0, 'f', 1));
    lines << tr("Rows of each cluster in each class:");
    m_agreement->setText(lines.join(QStringLiteral("<br>")));
    m_agreement->setToolTip(
        tr("Adjusted Rand index: the agreement of two groupings of the same rows, corrected "
           "for chance; it does not matter which cluster number goes with which class."));
    fillContingency();
}

void ClustersVsClassesView::showPredictions(bool on) {
    const core::LabeledMatrix* points =
        m_metrics ? m_metrics->matrix("cluster_class_points") : nullptr;
    if (!points) return;
    const int column = matrixColumn(*points, on ? "prediction" : "class");
    if (column < 0) return;
    {
        const QSignalBlocker quiet(m_colourBy);
        m_colourBy->setCurrentIndex(int(on));
    }
    m_rightCaption->setText(on ? tr("<b>Supervised:</b> colours are the classifier's "
                                    "predictions; it learned from the labels")
                               : tr("<b>Supervised:</b> colours are the true classes, the "
                                    "labels a classifier learns from"));
    m_classes->setTable(pointsTable(column, false));
}

std::shared_ptr<const core::Table> ClustersVsClassesView::pointsTable(int codeColumn,
                                                                      bool clusters) const {
    const core::LabeledMatrix& points = *m_metrics->matrix("cluster_class_points");
    const core::LabeledMatrix& c = *m_metrics->matrix("contingency");
    const size_t rows = points.values.size() / points.columnLabels.size();
    std::vector<double> x(rows), y(rows);
    std::vector<int32_t> codes(rows, core::Column::kMissingCode);
    for (size_t r = 0; r < rows; ++r) {
        x[r] = points.at(r, 0);
        y[r] = points.at(r, 1);
        const double code = points.at(r, size_t(codeColumn));
        if (std::isnan(code)) continue;
        const auto i = size_t(code);
        if (!clusters)
            codes[r] = int32_t(i);
        else if (c.rowLabels[i] != "noise")
            codes[r] = int32_t(m_clusterSlot[i]);
    }
    std::vector<std::string> names;
    if (clusters) {
        // Colour slots name their cluster; unused slots stay as placeholders nobody draws.
        names.resize(size_t(*std::max_element(m_clusterSlot.begin(), m_clusterSlot.end()) + 1));
        for (size_t i = 0; i < m_clusterSlot.size(); ++i)
            if (c.rowLabels[i] != "noise") names[size_t(m_clusterSlot[i])] = c.rowLabels[i];
        for (size_t i = 0; i < names.size(); ++i)
            if (names[i].empty()) names[i] = "-" + std::to_string(i);
    } else {
        names = c.columnLabels;
    }
    std::vector<core::Column> columns{core::Column::numeric("PC1", std::move(x)),
                                      core::Column::numeric("PC2", std::move(y))};
    if (clusters)
        columns.push_back(core::Column::categorical("cluster", std::move(codes), std::move(names),
                                                    core::ColumnRole::Cluster));
    else
        columns.push_back(core::Column::categorical(tr("class").toStdString(), std::move(codes),
                                                    std::move(names), core::ColumnRole::Target));
    return std::make_shared<const core::Table>(core::Table(std::move(columns)));
}

void ClustersVsClassesView::fillContingency() {
    const core::LabeledMatrix& c = *m_metrics->matrix("contingency");
    const int rows = int(c.rowLabels.size()), cols = int(c.columnLabels.size());
    m_table->clear();
    m_table->setRowCount(rows);
    m_table->setColumnCount(cols);
    QStringList header, side;
    for (const auto& l : c.columnLabels)
        header << QString::fromStdString(l);
    for (const auto& l : c.rowLabels)
        side << (l == "noise" ? tr("noise") : tr("cluster %1").arg(QString::fromStdString(l)));
    m_table->setHorizontalHeaderLabels(header);
    m_table->setVerticalHeaderLabels(side);
    for (int r = 0; r < rows; ++r) {
        double total = 0;
        for (int j = 0; j < cols; ++j)
            total += c.at(size_t(r), size_t(j));
        for (int j = 0; j < cols; ++j) {
            const double n = c.at(size_t(r), size_t(j));
            auto* item = new QTableWidgetItem(formatCell(n));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            // Shaded by the share of the cluster's rows: a pure cluster reads as one dark cell.
            QColor shade = categoryColor(0);
            shade.setAlphaF(total > 0 ? 0.6 * n / total : 0.0);
            item->setBackground(shade);
            m_table->setItem(r, j, item);
        }
    }
    m_table->resizeColumnsToContents();
    const int shown = std::min(rows, 6); // more clusters scroll
    m_table->setMaximumHeight(m_table->horizontalHeader()->height() +
                              shown * m_table->verticalHeader()->defaultSectionSize() +
                              2 * m_table->frameWidth() + 2);
}

} // namespace oficina::ui
