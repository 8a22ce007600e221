#include "panels/DataPreview.h"

#include "data/Table.h"
#include "panels/ColumnSummaryView.h"
#include "panels/TableModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace oficina::ui {

DataPreview::DataPreview(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("previewCaption"));
    m_caption->setContentsMargins(4, 2, 4, 2);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    m_model = new TableModel(this);
    m_view = new QTableView(splitter);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed row heights and column widths: the header then never measures a million sections,
    // which is what keeps scrolling smooth.
    QHeaderView* rows = m_view->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView* columns = m_view->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setDefaultSectionSize(m_view->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 12);
    columns->setHighlightSections(true);

    m_summary = new ColumnSummaryView(splitter);
    m_summary->setMinimumWidth(180);
    splitter->addWidget(m_view);
    splitter->addWidget(m_summary);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(m_caption);
    layout->addWidget(splitter, 1);

    connect(columns, &QHeaderView::sectionClicked, this, &DataPreview::showColumn);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid()) showColumn(current.column());
            });
    setTable(nullptr, {});
}

DataPreview::~DataPreview() = default;

void DataPreview::setTable(std::shared_ptr<const core::Table> table, const QString& caption) {
    m_table = table;
    m_model->setTable(std::move(table));
    if (!m_table) {
        m_caption->setText(caption.isEmpty() ? tr("No data") : caption);
        m_summary->setColumn(nullptr);
        return;
    }
    const QString size = tr("%1 rows × %2 columns")
                             .arg(QLocale().toString(qulonglong(m_table->rowCount())))
                             .arg(m_table->columnCount());
    m_caption->setText(caption.isEmpty() ? size : tr("%1 — %2").arg(caption, size));
    // Wide enough for each header, from the names alone: measuring cells would read every row.
    QHeaderView* header = m_view->horizontalHeader();
    QFont italic = header->font();
    italic.setItalic(true);
    const QFontMetrics fm(italic);
    const int narrowest = header->defaultSectionSize();
    for (int c = 0; c < std::min(int(m_table->columnCount()), 500); ++c) {
        const QString name = QString::fromStdString(m_table->column(size_t(c)).name());
        header->resizeSection(c, std::clamp(fm.horizontalAdvance(name) + 24, narrowest, 320));
    }
    showColumn(m_table->columnCount() > 0 ? 0 : -1);
}

void DataPreview::showColumn(int column) {
    if (!m_table || column < 0 || size_t(column) >= m_table->columnCount()) {
        m_summary->setColumn(nullptr);
        return;
    }
    m_summary->setColumn(&m_table->column(size_t(column)));
}

} // namespace oficina::ui
