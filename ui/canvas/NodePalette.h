#pragma once

#include "pipeline/NodeSpec.h"

#include <QWidget>

class QLineEdit;
class QMimeData;
class QTreeWidget;

namespace oficina::core {
class NodeRegistry;
}

namespace oficina::ui {

/// The node palette: every registered node type grouped by category, filtered by a search
/// field (title, help or type id). Drag an entry onto the canvas, or double-click it to add it
/// in the middle of the view.
class NodePalette : public QWidget {
    Q_OBJECT
public:
    explicit NodePalette(const core::NodeRegistry& registry, QWidget* parent = nullptr);

    void setFilter(const QString& text);
    /// Number of node entries the filter leaves visible.
    [[nodiscard]] int visibleCount() const;
    [[nodiscard]] QLineEdit* searchField() const { return m_search; }
    [[nodiscard]] QTreeWidget* tree() const { return m_tree; }
    /// Wide enough for the longest entry in the current language (none is cut with "…").
    [[nodiscard]] QSize sizeHint() const override;
    /// What a drag of `type` carries (PipelineScene::kNodeTypeMime); the tree's drags use it.
    [[nodiscard]] static QMimeData* mimeDataFor(const std::string& type);

Q_SIGNALS:
    void nodeActivated(const QString& type);
    /// The pointer rests on, or the keyboard selects, the entry of this node type.
    void nodeTypeHighlighted(const QString& type);

private:
    void populate();

    const core::NodeRegistry& m_registry;
    QLineEdit* m_search = nullptr;
    QTreeWidget* m_tree = nullptr;
};

} // namespace oficina::ui
