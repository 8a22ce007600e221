#include "dialogs/RecoveryDialog.h"

#include "document/Recovery.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace oficina::ui {

RecoveryDialog::RecoveryDialog(const QStringList& orphans, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Recover pipelines"));
    auto* text = new QLabel(tr("Oficina did not close properly. These unsaved pipelines were "
                               "kept; check the ones to recover (each opens in a window of its "
                               "own) or to discard. Those left alone are offered again next "
                               "time."),
                            this);
    text->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName("recoveryList");
    for (const QString& orphan : orphans) {
        auto* item = new QListWidgetItem(describe(orphan), m_list);
        item->setData(Qt::UserRole, orphan);
        item->setToolTip(QDir::toNativeSeparators(orphan));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        // The newest is checked: the common case is one crash, recovered with one click.
        item->setCheckState(m_list->count() == 1 ? Qt::Checked : Qt::Unchecked);
    }
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(tr("&Recover checked"), QDialogButtonBox::AcceptRole);
    QPushButton* discard =
        buttons->addButton(tr("&Discard checked"), QDialogButtonBox::DestructiveRole);
    buttons->addButton(tr("&Later"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(discard, &QPushButton::clicked, this, [this] { done(kDiscard); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
}

QString RecoveryDialog::describe(const QString& orphan) {
    const QString original = Recovery::originalPath(orphan);
    const QString name =
        original.isEmpty() ? tr("Untitled pipeline") : QDir::toNativeSeparators(original);
    const QDateTime saved = QFileInfo(orphan).lastModified();
    return tr("%1 (autosaved %2)").arg(name, QLocale().toString(saved, QLocale::ShortFormat));
}

QStringList RecoveryDialog::checked() const {
    QStringList files;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            files << m_list->item(i)->data(Qt::UserRole).toString();
    return files;
}

RecoveryChoice RecoveryDialog::ask(const QStringList& orphans, QWidget* parent) {
    RecoveryDialog dialog(orphans, parent);
    const int result = dialog.exec();
    if (result == QDialog::Accepted) return {dialog.checked(), {}};
    if (result == kDiscard) return {{}, dialog.checked()};
    return {};
}

} // namespace oficina::ui
