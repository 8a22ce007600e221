#pragma once

#include <QKeySequence>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <optional>
#include <string>

class QFormLayout;
class QKeyEvent;
class QLabel;
class QScrollArea;

namespace oficina::core {
struct Parameter;
}

namespace oficina::ui {

class Document;
class ParamEditor;

/// The property editor: one editor widget per parameter of the selected node, generated from
/// its NodeSpec by ParamEditorFactory. Every edit goes through Document::setParameter, so it is
/// undoable; the panel follows the document's signals (undo, removal, reset). UI thread only.
class PropertyPanel : public QWidget {
    Q_OBJECT
public:
    /// Column names of the table feeding `inputPort` of `nodeId` (empty when unknown, e.g.
    /// before the first run). Column pickers fall back to free text then.
    using ColumnLookup =
        std::function<QStringList(const QString& nodeId, const QString& inputPort)>;

    /// How many values one row of the table feeding `inputPort` of `nodeId` gives a network
    /// (its feature columns), or nothing when unknown. With the parameter a layer list takes
    /// its shape from (Parameter::shapeFrom) it gives the shape the list starts from.
    using FeatureCountLookup =
        std::function<std::optional<int>(const QString& nodeId, const QString& inputPort)>;

    PropertyPanel(Document& document, QWidget* parent = nullptr);
    ~PropertyPanel() override;

    /// Shows the parameters of `nodeId`; an empty id (nothing selected) clears the panel.
    void showNode(const QString& nodeId);
    void setColumnLookup(ColumnLookup lookup);
    void setFeatureCountLookup(FeatureCountLookup lookup);
    /// Re-asks the lookups for column names and feature counts (after a run produced new
    /// tables).
    void refreshColumns();

    [[nodiscard]] const QString& nodeId() const { return m_nodeId; }
    /// The editor of parameter `key` of the shown node, or nullptr (for tests).
    [[nodiscard]] ParamEditor* editor(const std::string& key) const;

    /// Ctrl+Shift+Z and Ctrl+Y: redo on every platform, whichever habit the user brings.
    [[nodiscard]] static QList<QKeySequence> redoKeys();
    /// The platform's undo and redo keys, and redoKeys().
    [[nodiscard]] static bool isUndoOrRedo(const QKeyEvent& key);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void rebuild();
    void onParameterChanged(const QString& node, const QString& key);
    void edit(const core::Parameter& parameter, const ParamEditor* editor);
    void showProblem(const ParamEditor* editor);
    void refreshShapes();
    /// The shown node's text parameter `key` (a column name), or empty.
    [[nodiscard]] QString columnValue(const std::string& key) const;

    Document& m_document;
    ColumnLookup m_lookup;
    FeatureCountLookup m_featureLookup;
    QString m_nodeId;
    QLabel* m_title = nullptr;
    QLabel* m_help = nullptr;
    QLabel* m_empty = nullptr;
    QScrollArea* m_scroll = nullptr;
    QWidget* m_form = nullptr;
    QFormLayout* m_formLayout = nullptr;
    std::vector<ParamEditor*> m_editors;
    std::vector<QLabel*> m_problems;
};

} // namespace oficina::ui
