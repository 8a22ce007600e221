#pragma once

#include <QDialog>

#include <vector>

class QTabWidget;
class QTextBrowser;

namespace oficina::ui {

/// Help ▸ About: Oficina's version, licence and purpose; the bundled sample datasets with their
/// sources, citations and licences (from core::sampleDatasets()); and every library the binaries
/// link, with its licence and what Oficina uses it for. UI thread only.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    /// A library Oficina is built with. `name` and `licence` (SPDX) are not translated;
    /// `purpose` is English, marked for translation in the AboutDialog context.
    struct Library {
        const char* name;
        const char* licence;
        const char* purpose;
    };
    /// Every library linked into oficina or oficina-cli, as found by the top-level
    /// CMakeLists.txt (header-only ones included).
    static const std::vector<Library>& libraries();

    explicit AboutDialog(QWidget* parent = nullptr);

    /// What the tabs show, for tests and screenshots.
    [[nodiscard]] QTabWidget* tabs() const { return m_tabs; }
    [[nodiscard]] QString datasetsText() const;
    [[nodiscard]] QString librariesText() const;

private:
    QTabWidget* m_tabs = nullptr;
    QTextBrowser* m_datasets = nullptr;
    QTextBrowser* m_libraries = nullptr;
};

} // namespace oficina::ui
