#include "dialogs/PreferencesDialog.h"

#include "Settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace oficina::ui {

PreferencesDialog::PreferencesDialog(QWidget* parent)
    : QDialog(parent), m_initial(Settings::language()) {
    setWindowTitle(tr("Preferences"));
    m_language = new QComboBox(this);
    m_language->setObjectName("languageBox");
    m_language->addItem(tr("System default"), QString());
    // Each language in its own name, so that its readers find it whatever the current one.
    const std::pair<const char*, const char*> languages[] = {{"en", "English"},
                                                             {"pt_BR", "Português (Brasil)"}};
    for (const auto& [name, native] : languages)
        m_language->addItem(QString::fromUtf8(native), QString::fromLatin1(name));
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_initial)));

    m_restartNote = new QLabel(tr("The new language takes effect after restarting Oficina."), this);
    m_restartNote->setObjectName("restartNote");
    m_restartNote->setWordWrap(true);
    m_restartNote->setVisible(false);
    connect(m_language, &QComboBox::currentIndexChanged, this,
            [this] { m_restartNote->setVisible(chosenLanguage() != m_initial); });

    auto* form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        m_changed = apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_restartNote);
    layout->addStretch();
    layout->addWidget(buttons);
}

QString PreferencesDialog::chosenLanguage() const {
    return m_language->currentData().toString();
}

bool PreferencesDialog::apply() {
    const QString chosen = chosenLanguage();
    if (chosen == Settings::language()) return false;
    Settings::setLanguage(chosen);
    return true;
}

} // namespace oficina::ui
