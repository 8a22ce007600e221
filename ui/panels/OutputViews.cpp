#include "panels/OutputViews.h"

#include "Translate.h"
#include "eval/Metrics.h"
#include "models/Model.h"
#include "panels/TableModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace oficina::ui {

namespace {

QTableWidget* scalarTable(const std::vector<std::pair<std::string, double>>& scalars,
                          QWidget* parent = nullptr) {
    auto* table = new QTableWidget(int(scalars.size()), 2, parent);
    table->setHorizontalHeaderLabels({QObject::tr("Metric"), QObject::tr("Value")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int i = 0; i < int(scalars.size()); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(QString::fromStdString(scalars[size_t(i)].first)));
        auto* value = new QTableWidgetItem(formatCell(scalars[size_t(i)].second));
        value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(i, 1, value);
    }
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

std::vector<std::pair<QString, QWidget*>> createMetricsViews(const core::Metrics& metrics) {
    std::vector<std::pair<QString, QWidget*>> pages;
    if (!metrics.scalars.empty()) pages.emplace_back(QObject::tr("Scores"), scalarTable(metrics.scalars));
    return pages;
}

QWidget* createModelView(const core::Model& model) {
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    auto* label = new QLabel(model.estimator ? trCore(model.estimator->title()) : QString(), page);
    layout->addWidget(label);
    layout->addWidget(scalarTable(model.trainingMetrics, page), 1);
    return page;
}

} // namespace oficina::ui
