#include "runs/RegisterModelDialog.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>

namespace oficina::ui {

RegisterModelDialog::RegisterModelDialog(const QString& runLabel, const QStringList& models,
                                         const QStringList& nodes, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Register model"));
    auto* form = new QFormLayout(this);
    auto* intro =
        new QLabel(tr("Registers the model that run %1 saved under a name, as its next version. "
                      "oficina-cli serve and predict find it as models:/NAME.")
                       .arg(runLabel),
                   this);
    intro->setWordWrap(true);
    form->addRow(intro);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("modelName"));
    // The store's rule for names, so they work unquoted on a command line and in a URI.
    m_name->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[A-Za-z0-9._-]+")), m_name));
    m_name->setPlaceholderText(tr("e.g. churn"));
    auto* completer = new QCompleter(models, m_name);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_name->setCompleter(completer);
    form->addRow(tr("&Name:"), m_name);
    m_node = new QComboBox(this);
    m_node->addItems(nodes);
    if (nodes.size() > 1)
        form->addRow(tr("&From node:"), m_node);
    else
        m_node->hide();
    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(QStringLiteral("modelDescription"));
    m_description->setTabChangesFocus(true);
    m_description->setMinimumHeight(fontMetrics().lineSpacing() * 4);
    form->addRow(tr("&Description:"), m_description);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Register"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_name, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.isEmpty());
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(m_buttons);
    setMinimumWidth(420);
}

QString RegisterModelDialog::name() const {
    return m_name->text();
}

QString RegisterModelDialog::description() const {
    return m_description->toPlainText().trimmed();
}

QString RegisterModelDialog::node() const {
    return m_node->count() > 1 ? m_node->currentText() : QString();
}

} // namespace oficina::ui
