#pragma once

#include <QWidget>

class QTextBrowser;

namespace oficina::core {
class NodeRegistry;
} // namespace oficina::core

namespace oficina::ui {

/// Help for beginners and teachers: what a node type does, when to use it, what its ports and
/// parameters mean, and the course concepts it embodies as links; a concept link shows that
/// concept's paragraph and the nodes that embody it. With nothing chosen it lists the concepts.
/// UI thread only; the registry must outlive the panel.
class HelpPanel : public QWidget {
    Q_OBJECT
public:
    explicit HelpPanel(const core::NodeRegistry& registry, QWidget* parent = nullptr);

    /// Shows a node type's help; an unknown or empty type shows the overview.
    void showNodeType(const QString& type);
    /// Shows a concept's paragraph (core/nodes/Concepts.h id); an unknown id shows the overview.
    void showConcept(const QString& id);
    void showOverview();

    /// The node type or concept id shown ("" for the overview).
    [[nodiscard]] QString nodeType() const { return m_type; }
    [[nodiscard]] QString conceptId() const { return m_concept; }
    [[nodiscard]] QTextBrowser* browser() const { return m_browser; }
    /// The shown page as plain text (tests).
    [[nodiscard]] QString plainText() const;

    /// Link targets in the page: "concept:<id>" and "node:<type>".
    static constexpr const char* kConceptScheme = "concept";
    static constexpr const char* kNodeScheme = "node";

private:
    void openLink(const QUrl& url);
    [[nodiscard]] QString conceptLinks(const std::vector<std::string>& ids) const;

    const core::NodeRegistry& m_registry;
    QTextBrowser* m_browser = nullptr;
    QString m_type;
    QString m_concept;
};

} // namespace oficina::ui
