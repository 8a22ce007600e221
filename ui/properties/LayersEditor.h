#pragma once

#include "nn/LayerSpec.h"
#include "properties/ParamEditorFactory.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QToolButton;

namespace oficina::ui {

/// The editor of a ParamKind::Layers parameter: the network as a table of layers (number, kind,
/// settings and, when the input shape is known, each layer's output shape) with Add, Remove and
/// Move buttons, and under it a small form for the selected layer: its kind and one widget per
/// setting of nn::layerTypes(). Every change is reported once by edited() and is an undo step
/// of its own (editText()). Text that does not parse (a hand-edited file) is kept as it is,
/// shown in red with the reason, and replaced only when the user picks a kind for that row.
/// UI thread.
class LayersEditor final : public ParamEditor {
    Q_OBJECT
public:
    explicit LayersEditor(const core::Parameter& parameter, QWidget* parent = nullptr);

    [[nodiscard]] core::Value value() const override;
    void setValue(const core::Value& value) override;
    void setInputShape(const std::optional<std::vector<int64_t>>& shape,
                       const QString& problem) override;
    [[nodiscard]] QString editText() const override { return m_editText; }

    /// The selected row (-1 when the list is empty).
    [[nodiscard]] int currentRow() const { return m_current; }
    void setCurrentRow(int row);
    /// Adds a layer of `kind` with default settings after the selected row (at the end when
    /// nothing is selected) and selects it.
    void addLayer(core::nn::LayerKind kind);
    void removeCurrent();
    /// Moves the selected layer by `delta` rows (-1 up, +1 down).
    void moveCurrent(int delta);
    /// The line under the table: the input shape, or why the layers do not fit it (red).
    [[nodiscard]] QString shapeLine() const;
    [[nodiscard]] bool shapeLineIsProblem() const { return m_shapeProblem; }

private:
    struct Row {
        std::string text;
        std::optional<core::nn::LayerSpec> layer;  ///< nothing when the text does not parse
        QString error;                             ///< why not, translated
    };
    [[nodiscard]] std::vector<std::string> texts() const;
    void commit(std::vector<std::string> layers, int select, const QString& text);
    void refresh();
    void computeShapes();
    void fillTable();
    void updateButtons();
    void updateForm();
    void rebuildFields(const core::nn::LayerType* type);
    void setKind(core::nn::LayerKind kind);
    void setField(const core::nn::LayerField& field, double value);

    std::vector<Row> m_rows;
    std::vector<QString> m_shapes;  ///< output shape per row ("" = unknown)
    std::optional<std::vector<int64_t>> m_inputShape;
    QString m_inputShapeProblem;
    int m_current = -1;
    QString m_editText;
    QString m_shapeText;
    bool m_shapeProblem = false;
    /// The row and kind (-1: text that does not parse) the form's fields were built for.
    std::pair<int, int> m_formFor{-2, -2};

    QTableWidget* m_table = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QToolButton* m_up = nullptr;
    QToolButton* m_down = nullptr;
    QLabel* m_shapeLabel = nullptr;
    QGroupBox* m_formBox = nullptr;
    QFormLayout* m_form = nullptr;
    QComboBox* m_kind = nullptr;
    QLabel* m_rowProblem = nullptr;
    std::vector<std::pair<const core::nn::LayerField*, QWidget*>> m_fields;
};

} // namespace oficina::ui
