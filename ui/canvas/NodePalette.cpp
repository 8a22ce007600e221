#include "canvas/NodePalette.h"

#include "Translate.h"
#include "canvas/NodeItem.h"
#include "canvas/PipelineScene.h"
#include "pipeline/NodeRegistry.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QMimeData>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace oficina::ui {

namespace {
constexpr int kTypeRole = Qt::UserRole + 1;
constexpr int kSearchRole = Qt::UserRole + 2;

/// Drags carry the node type id.
class PaletteTree : public QTreeWidget {
public:
    using QTreeWidget::QTreeWidget;

protected:
    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override {
        for (const QTreeWidgetItem* item : items) {
            const QString type = item->data(0, kTypeRole).toString();
            if (!type.isEmpty()) return NodePalette::mimeDataFor(type.toStdString());
        }
        return nullptr;
    }
    [[nodiscard]] QStringList mimeTypes() const override {
        return {PipelineScene::kNodeTypeMime};
    }
};

constexpr core::Category kCategories[] = {
    core::Category::Data,    core::Category::Clean,      core::Category::Features,
    core::Category::Reduce,  core::Category::Models,     core::Category::Cluster,
    core::Category::NeuralNets, core::Category::Evaluate, core::Category::Export};
} // namespace

NodePalette::NodePalette(const core::NodeRegistry& registry, QWidget* parent)
    : QWidget(parent), m_registry(registry) {
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search nodes…"));
    m_search->setClearButtonEnabled(true);
    m_tree = new PaletteTree(this);
    m_tree->setHeaderHidden(true);
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setIconSize(QSize(20, 20));
    m_tree->setRootIsDecorated(true);
    m_tree->setIndentation(14);  // the group icons already set entries apart
    m_tree->setUniformRowHeights(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_search);
    layout->addWidget(m_tree);
    populate();
    connect(m_search, &QLineEdit::textChanged, this, &NodePalette::setFilter);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString type = item->data(0, kTypeRole).toString();
        if (!type.isEmpty()) Q_EMIT nodeActivated(type);
    });
    // The help panel follows the entry pointed at or chosen with the keyboard.
    m_tree->setMouseTracking(true);
    const auto highlight = [this](QTreeWidgetItem* item) {
        const QString type = item ? item->data(0, kTypeRole).toString() : QString();
        if (!type.isEmpty()) Q_EMIT nodeTypeHighlighted(type);
    };
    connect(m_tree, &QTreeWidget::itemEntered, this, highlight);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, highlight);
}

QMimeData* NodePalette::mimeDataFor(const std::string& type) {
    auto* mime = new QMimeData;
    mime->setData(PipelineScene::kNodeTypeMime, QByteArray::fromStdString(type));
    return mime;
}

QSize NodePalette::sizeHint() const {
    const QMargins margins = layout()->contentsMargins();
    // QTreeView hides sizeHintForColumn(); the item view base class offers it.
    const auto* view = static_cast<const QAbstractItemView*>(m_tree);
    const int width = view->sizeHintForColumn(0) + 2 * m_tree->frameWidth() +
                      m_tree->verticalScrollBar()->sizeHint().width() + margins.left() +
                      margins.right() + 4;
    return {width, QWidget::sizeHint().height()};
}

void NodePalette::populate() {
    m_tree->clear();
    for (core::Category category : kCategories) {
        std::vector<const core::NodeSpec*> specs;
        for (const auto& spec : m_registry.all())
            if (spec.category == category) specs.push_back(&spec);
        if (specs.empty()) continue;
        std::sort(specs.begin(), specs.end(), [](const auto* a, const auto* b) {
            return trCore(a->title).localeAwareCompare(trCore(b->title)) < 0;
        });
        auto* group = new QTreeWidgetItem(m_tree, {trCore(core::categoryTitle(category))});
        group->setIcon(0, categoryIcon(category));
        group->setFlags(Qt::ItemIsEnabled);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        for (const core::NodeSpec* spec : specs) {
            auto* item = new QTreeWidgetItem(group, {trCore(spec->title)});
            item->setData(0, kTypeRole, QString::fromStdString(spec->type));
            const QString help = trCore(spec->help);
            QString tip = QStringLiteral("<b>%1</b><br>%2")
                              .arg(trCore(spec->title).toHtmlEscaped(), help.toHtmlEscaped());
            if (*spec->whenToUse)
                tip += QStringLiteral("<br><b>%1</b> %2")
                           .arg(tr("When to use it:").toHtmlEscaped(),
                                trCore(spec->whenToUse).toHtmlEscaped());
            tip += QStringLiteral("<br><i>%1</i>").arg(QString::fromStdString(spec->type));
            item->setToolTip(0, tip);
            item->setData(0, kSearchRole,
                          QStringList{trCore(spec->title), QString::fromUtf8(spec->title), help,
                                      QString::fromStdString(spec->type)}
                              .join('\n'));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
    }
    m_tree->expandAll();
}

void NodePalette::setFilter(const QString& text) {
    const QString needle = text.trimmed();
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        int shown = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem* item = group->child(i);
            const bool match =
                needle.isEmpty() ||
                item->data(0, kSearchRole).toString().contains(needle, Qt::CaseInsensitive);
            item->setHidden(!match);
            shown += match ? 1 : 0;
        }
        group->setHidden(shown == 0);
        if (!needle.isEmpty()) group->setExpanded(true);
    }
}

int NodePalette::visibleCount() const {
    int count = 0;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g)
        for (int i = 0; i < m_tree->topLevelItem(g)->childCount(); ++i)
            count += m_tree->topLevelItem(g)->child(i)->isHidden() ? 0 : 1;
    return count;
}

} // namespace oficina::ui
