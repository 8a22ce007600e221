#pragma once

#include <QWidget>

class QListWidget;
class QPushButton;
class QVBoxLayout;

namespace oficina::ui {

/// The welcome page in place of the canvas: new, open, recent files, and the bundled examples
/// as cards grouped by lesson, each opening (and running) its example with one click.
class StartPage : public QWidget {
    Q_OBJECT
public:
    /// `examplesDirectory`: where the example files are; catalog entries without a file there
    /// are not shown.
    explicit StartPage(QString examplesDirectory, QWidget* parent = nullptr);

    void setRecentFiles(const QStringList& paths);
    /// Shows "Back to the pipeline" (there is one to go back to).
    void setCanReturn(bool canReturn);

Q_SIGNALS:
    void newRequested();
    void openRequested();
    void recentRequested(const QString& path);
    /// The full path of the chosen example file.
    void exampleRequested(const QString& path);
    /// Back to the canvas: the return button, or a node dragged in from the palette.
    void canvasRequested();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;

private:
    QWidget* makeExampleCards();

    QString m_examplesDirectory;
    QListWidget* m_recent = nullptr;
    QPushButton* m_return = nullptr;
};

} // namespace oficina::ui
