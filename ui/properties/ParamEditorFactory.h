#pragma once

#include "pipeline/Parameter.h"

#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <optional>
#include <vector>

namespace oficina::ui {

/// The editor of one parameter. Subclasses (one per core::ParamKind) live in
/// ParamEditorFactory.cpp; the panel only sees this interface. It reports user edits with
/// edited() and never writes the graph itself.
class ParamEditor : public QWidget {
    Q_OBJECT
public:
    explicit ParamEditor(const core::Parameter& parameter, QWidget* parent = nullptr);

    [[nodiscard]] const core::Parameter& parameter() const { return m_parameter; }
    /// The value the widget shows, in the parameter's Value alternative.
    [[nodiscard]] virtual core::Value value() const = 0;
    /// Shows `value` without emitting edited().
    virtual void setValue(const core::Value& value) = 0;
    /// Column names offered by column pickers (empty = unknown: free text).
    virtual void setColumns(const QStringList& columns) { Q_UNUSED(columns); }
    /// Several columns: the column another parameter took (Parameter::excludes), offered
    /// greyed out; empty = none.
    virtual void setExcludedColumn(const QString& column) { Q_UNUSED(column); }
    /// Layers: the shape of one input sample (nothing = unknown), or why the node's input shape
    /// is not valid.
    virtual void setInputShape(const std::optional<std::vector<int64_t>>& shape,
                               const QString& problem) {
        Q_UNUSED(shape);
        Q_UNUSED(problem);
    }
    /// The name of the edit just reported when it must be an undo step of its own (a layer
    /// added, moved, changed), or empty to let it merge with the edit of the same parameter
    /// before it (a number nudged again).
    [[nodiscard]] virtual QString editText() const { return {}; }

Q_SIGNALS:
    /// The user changed the value (once per finished edit, not per keystroke).
    void edited();

private:
    core::Parameter m_parameter;
};

/// Builds the editor widget for a parameter from its kind: spin boxes with the declared range,
/// a combo box for choices, column pickers (single and multiple), a file picker with the
/// parameter's filter, a check box, a line edit, a table of layers (LayersEditor).
class ParamEditorFactory {
public:
    [[nodiscard]] static ParamEditor* create(const core::Parameter& parameter,
                                             QWidget* parent = nullptr);
};

} // namespace oficina::ui
