#pragma once

#include "deploy/ModelPackage.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QGroupBox;
class QLabel;
class QTimer;

namespace oficina::core {
struct Model;
}

namespace oficina::ui {

class ProbabilityBars;

/// "Try it": inference on one row the user types. A form of the model's raw input columns
/// (core::deploy::describeInterface: numbers in line edits that read the UI language's decimal
/// separator, empty = missing; categories in editable combo boxes of those seen in training,
/// where an unseen one can be typed), filled with a real training row, and the prediction of
/// that row: the label, value or cluster in large type and, for a classifier, each class's
/// probability as a bar. It predicts through the same path as `oficina-cli predict`
/// (conformInput, predictColumns), ~100 ms after the last edit; a value the pipeline refuses is
/// said in red under the prediction. The form is built when the panel is first shown (a few
/// one-row predictions; a network's first loads LibTorch). UI thread only.
class TryItPanel : public QWidget {
    Q_OBJECT
public:
    explicit TryItPanel(std::shared_ptr<const core::Model> model, QWidget* parent = nullptr);
    ~TryItPanel() override;

    /// Builds the form and predicts its first row, if not done yet (showing the panel does it).
    void ensureBuilt();
    /// The input columns, in the form's order (empty until built, or when the model cannot be
    /// described).
    [[nodiscard]] QStringList inputNames() const;
    /// An input's editor: a QLineEdit for a number, an editable QComboBox for a category.
    [[nodiscard]] QWidget* editor(const QString& column) const;
    /// Sets an input's text as if typed ("" = missing); the prediction follows ~100 ms later.
    void setInput(const QString& column, const QString& text);
    /// Puts the example training row back in the form.
    void resetInputs();
    /// Predicts the form's row now, without waiting for the edits to settle.
    void predictNow();
    /// The one-row raw table the form holds, as predictNow() feeds it to the model; an empty
    /// table, and why in `error`, when a field does not hold a number.
    [[nodiscard]] core::Table inputRow(QString* error = nullptr) const;

    /// What the panel shows: the prediction as text ("" when there is none), the class
    /// probabilities in class order (classifiers), the error in red ("" when none), and whether
    /// an update is waiting for the edits to settle.
    [[nodiscard]] QString predictionText() const;
    [[nodiscard]] std::vector<std::pair<QString, double>> probabilities() const;
    [[nodiscard]] QString errorText() const;
    [[nodiscard]] bool updatePending() const;

Q_SIGNALS:
    /// After each update of the prediction (or of the error that replaced it).
    void predicted();

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Field;
    void build();
    void scheduleUpdate();
    void showPrediction(const std::vector<core::Column>& columns);
    void showError(const QString& message);
    [[nodiscard]] QString fieldText(const Field& field) const;

    std::shared_ptr<const core::Model> m_model;
    core::deploy::ModelPackage m_package; ///< just the model: what predictColumns() reads
    core::deploy::ModelInterface m_interface;
    bool m_built = false;
    std::vector<Field> m_fields;
    QTimer* m_debounce = nullptr;
    QGroupBox* m_inputBox = nullptr;
    QLabel* m_caption = nullptr;
    QLabel* m_value = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_note = nullptr;
    ProbabilityBars* m_bars = nullptr;
    QString m_prediction;
};

} // namespace oficina::ui
