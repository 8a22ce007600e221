#pragma once

#include <QDialog>

class QComboBox;
class QLabel;

namespace oficina::ui {

/// Edit ▸ Preferences: the interface language (system default, English, Brazilian Portuguese),
/// stored in Settings. Oficina's texts are built once, so a new language applies from the next
/// start; the dialog says so as soon as the choice differs from the running one.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    [[nodiscard]] QComboBox* languageBox() const { return m_language; }
    /// The language chosen in the combo box: "" (system default) or a locale name.
    [[nodiscard]] QString chosenLanguage() const;
    /// Stores the choice; true when it differs from what was stored before.
    bool apply();
    /// Whether OK stored a different language.
    [[nodiscard]] bool changed() const { return m_changed; }

private:
    QComboBox* m_language = nullptr;
    QLabel* m_restartNote = nullptr;
    QString m_initial;
    bool m_changed = false;
};

} // namespace oficina::ui
