#pragma once

#include <QDialog>
#include <QStringList>

class QListWidget;

namespace oficina::ui {

/// What the user chose for the pipelines crashed sessions left behind. Files in neither list
/// are kept for later: nothing is deleted unasked.
struct RecoveryChoice {
    QStringList recover;
    QStringList discard;
};

/// Lists every recovery file a crashed session left (one per crashed window), with the pipeline
/// it came from and when it was autosaved, each with a check box: "Recover" opens the checked
/// ones, "Discard" deletes the checked ones, "Later" keeps them all. UI thread only.
class RecoveryDialog : public QDialog {
    Q_OBJECT
public:
    RecoveryDialog(const QStringList& orphans, QWidget* parent = nullptr);

    /// Shows the dialog modally and returns the choice.
    static RecoveryChoice ask(const QStringList& orphans, QWidget* parent);
    /// How one orphan is listed: its pipeline's name (or "Untitled pipeline") and autosave time.
    [[nodiscard]] static QString describe(const QString& orphan);

    [[nodiscard]] QListWidget* list() const { return m_list; }
    [[nodiscard]] QStringList checked() const;

private:
    static constexpr int kDiscard = 2; // done() code of "Discard checked"
    QListWidget* m_list = nullptr;
};

} // namespace oficina::ui
