#include "canvas/NodePalette.h"

#include "Translate.h"
#include "canvas/NodeItem.h"
#include "canvas/PipelineScene.h"
#include "pipeline/NodeRegistry.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QMimeData>
#include <QScrollBar>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <optional>

namespace oficina::ui {

namespace {
constexpr int kTypeRole = Qt::UserRole + 1;
constexpr int kSearchRole = Qt::UserRole + 2; // {title, English title, type id, help}
constexpr int kOrderRole = Qt::UserRole + 3;  // the place populate() gave it

/// How well `item` matches `needle`, best first: its title starts with it, holds it, its English
/// title or type id holds it, only its description does; nothing when it does not match.
std::optional<int> matchRank(const QTreeWidgetItem* item, const QString& needle) {
    if (needle.isEmpty()) return 0;
    const QStringList fields = item->data(0, kSearchRole).toStringList();
    if (fields.value(0).startsWith(needle, Qt::CaseInsensitive)) return 0;
    for (int i = 0; i < fields.size(); ++i)
        if (fields[i].contains(needle, Qt::CaseInsensitive)) return i == 0 ? 1 : i < 3 ? 2 : 3;
    return std::nullopt;
}

/// Reorders the children of `parent` (the tree's top level when null) by `rank`, then by the
/// order populate() gave them.
void sortItems(QTreeWidget* tree, QTreeWidgetItem* parent,
               const std::function<int(QTreeWidgetItem*)>& rank) {
    QList<QTreeWidgetItem*> items;
    if (parent) {
        items = parent->takeChildren();
    } else {
        while (tree->topLevelItemCount() > 0) items << tree->takeTopLevelItem(0);
    }
    std::stable_sort(items.begin(), items.end(), [&](QTreeWidgetItem* a, QTreeWidgetItem* b) {
        const int ra = rank(a), rb = rank(b);
        if (ra != rb) return ra < rb;
        return a->data(0, kOrderRole).toInt() < b->data(0, kOrderRole).toInt();
    });
    if (parent)
        parent->addChildren(items);
    else
        tree->addTopLevelItems(items);
}

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
        group->setData(0, kOrderRole, m_tree->topLevelItemCount());
        group->setIcon(0, categoryIcon(category));
        group->setFlags(Qt::ItemIsEnabled);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        for (const core::NodeSpec* spec : specs) {
            auto* item = new QTreeWidgetItem(group, {trCore(spec->title)});
            item->setData(0, kOrderRole, group->childCount());
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
                          QStringList{trCore(spec->title), QString::fromUtf8(spec->title),
                                      QString::fromStdString(spec->type), help});
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
    }
    m_tree->expandAll();
}

void NodePalette::setFilter(const QString& text) {
    const QString needle = text.trimmed();
    // Best matches first, across categories too: a node named like the text comes before one
    // that only mentions it in its description.
    std::map<QTreeWidgetItem*, int> groupRank;
    std::map<QTreeWidgetItem*, bool> expanded;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        expanded[group] = group->isExpanded() || !needle.isEmpty();
        std::map<QTreeWidgetItem*, int> ranks;
        int best = std::numeric_limits<int>::max();
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem* item = group->child(i);
            const std::optional<int> rank = matchRank(item, needle);
            item->setHidden(!rank);
            ranks[item] = rank.value_or(std::numeric_limits<int>::max());
            best = std::min(best, ranks[item]);
        }
        sortItems(m_tree, group, [&](QTreeWidgetItem* item) { return ranks.at(item); });
        groupRank[group] = best;
        group->setHidden(best == std::numeric_limits<int>::max());
    }
    sortItems(m_tree, nullptr, [&](QTreeWidgetItem* group) { return groupRank.at(group); });
    // Taken out and put back, a group comes back collapsed.
    for (const auto& [group, open] : expanded) group->setExpanded(open);
}

int NodePalette::visibleCount() const {
    int count = 0;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g)
        for (int i = 0; i < m_tree->topLevelItem(g)->childCount(); ++i)
            count += m_tree->topLevelItem(g)->child(i)->isHidden() ? 0 : 1;
    return count;
}

} // namespace oficina::ui
