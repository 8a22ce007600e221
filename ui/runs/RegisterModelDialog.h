#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;

namespace oficina::ui {

/// Asks for the name (a new model or the next version of one in `models`) and description of a
/// run's model package to register, and which node's when the run stored several.
class RegisterModelDialog : public QDialog {
    Q_OBJECT
public:
    RegisterModelDialog(const QString& runLabel, const QStringList& models,
                        const QStringList& nodes, QWidget* parent = nullptr);

    [[nodiscard]] QString name() const;
    [[nodiscard]] QString description() const;
    /// The node whose package to register; empty when the run has one.
    [[nodiscard]] QString node() const;

    [[nodiscard]] QLineEdit* nameEdit() const { return m_name; }
    [[nodiscard]] QPlainTextEdit* descriptionEdit() const { return m_description; }

private:
    QLineEdit* m_name = nullptr;
    QPlainTextEdit* m_description = nullptr;
    QComboBox* m_node = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace oficina::ui
