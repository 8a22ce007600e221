#include "Settings.h"

#include <QFileInfo>
#include <QMainWindow>
#include <QSettings>

#include <clocale>

namespace oficina::ui {

namespace {
// Bump when the docks or their default sizes change, so an old saved layout is not applied.
constexpr int kLayoutVersion = 4;
} // namespace

void Settings::saveWindow(const QMainWindow& window) {
    QSettings settings;
    settings.setValue("window/geometry", window.saveGeometry());
    settings.setValue("window/state", window.saveState(kLayoutVersion));
}

bool Settings::restoreWindow(QMainWindow& window) {
    QSettings settings;
    const QByteArray geometry = settings.value("window/geometry").toByteArray();
    if (geometry.isEmpty()) return false;
    window.restoreGeometry(geometry);
    window.restoreState(settings.value("window/state").toByteArray(), kLayoutVersion);
    return true;
}

QStringList Settings::recentFiles() { return QSettings().value("files/recent").toStringList(); }

void Settings::addRecentFile(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles) files.removeLast();
    QSettings().setValue("files/recent", files);
}

void Settings::removeRecentFile(const QString& path) {
    QStringList files = recentFiles();
    files.removeAll(path);
    QSettings().setValue("files/recent", files);
}

bool Settings::snapToGrid() { return QSettings().value("canvas/snapToGrid", true).toBool(); }
void Settings::setSnapToGrid(bool snap) { QSettings().setValue("canvas/snapToGrid", snap); }
bool Settings::autoRun() { return QSettings().value("run/autoRun", false).toBool(); }
void Settings::setAutoRun(bool autoRun) { QSettings().setValue("run/autoRun", autoRun); }

namespace {
QString& bundledDatasetsFolder() {
    static QString folder;
    return folder;
}
} // namespace

QString Settings::dataFolder() {
    const QString last = QSettings().value("files/lastDataFolder").toString();
    return !last.isEmpty() && QFileInfo(last).isDir() ? last : bundledDatasets();
}
void Settings::setLastDataFolder(const QString& folder) {
    QSettings().setValue("files/lastDataFolder", folder);
}
QString Settings::bundledDatasets() { return bundledDatasetsFolder(); }
void Settings::setBundledDatasets(const QString& folder) { bundledDatasetsFolder() = folder; }

QString Settings::language() { return QSettings().value("ui/language").toString(); }
void Settings::setLanguage(const QString& name) { QSettings().setValue("ui/language", name); }

QLocale Settings::localeFor(const QString& language) {
    return language.isEmpty() ? QLocale::system() : QLocale(language);
}

void Settings::applyLocale(const QLocale& locale) {
    QLocale::setDefault(locale);
    std::setlocale(LC_NUMERIC, "C");
}

} // namespace oficina::ui
