#pragma once

#include <QLocale>
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

    /// Where a file dialog for data opens when its field is empty: the folder a file was last
    /// chosen from, else the bundled datasets.
    [[nodiscard]] static QString dataFolder();
    static void setLastDataFolder(const QString& folder);
    /// This installation's bundled datasets (set at start-up, not remembered).
    [[nodiscard]] static QString bundledDatasets();
    static void setBundledDatasets(const QString& folder);

    /// The interface language chosen in Preferences: "" follows the system, otherwise a locale
    /// name ("en", "pt_BR"). Read once at start-up; a change takes effect on the next start.
    [[nodiscard]] static QString language();
    static void setLanguage(const QString& name);
    /// The locale of a language setting ("" = the system's): it picks the translation and
    /// how the interface writes numbers (files always use '.').
    [[nodiscard]] static QLocale localeFor(const QString& language);
    /// Makes `locale` the interface's: QLocale's default, which views, charts and editors write
    /// numbers with. QApplication adopts the environment's C locale, under which printf and
    /// strtod in core and its libraries (XGBoost's parameters, libsvm) would write and read
    /// "0,5"; LC_NUMERIC goes back to "C" so that files and engines keep '.'.
    static void applyLocale(const QLocale& locale);
};

} // namespace oficina::ui
