#pragma once

#include <QString>
#include <QStringList>

class QMainWindow;

namespace oficina::ui {

/// What Oficina remembers between sessions (QSettings, organisation "Oficina"): the main
/// window's geometry and dock layout, recent files, and a few toggles. UI thread only.
class Settings {
public:
    static constexpr int kMaxRecentFiles = 8;

    static void saveWindow(const QMainWindow& window);
    /// Restores geometry and dock layout; false when nothing was saved yet.
    static bool restoreWindow(QMainWindow& window);

    [[nodiscard]] static QStringList recentFiles();
    /// Puts `path` first in the recent files (absolute, no duplicates, at most kMaxRecentFiles).
    static void addRecentFile(const QString& path);
    static void removeRecentFile(const QString& path);

    [[nodiscard]] static bool snapToGrid();
    static void setSnapToGrid(bool snap);
    [[nodiscard]] static bool autoRun();
    static void setAutoRun(bool autoRun);
};

} // namespace oficina::ui
