#include "dialogs/AboutDialog.h"

#include "Translate.h"
#include "data/SampleData.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace oficina::ui {

namespace {

// Citations name their DOI as "doi:10.xxxx/yyyy"; the dialog makes it a link.
QString linkDois(const QString& text) {
    static const QRegularExpression doi(QStringLiteral("doi:(10\\.[0-9]+/[A-Za-z0-9._-]*[A-Za-z0-9])"));
    return QString(text).replace(doi,
                                 QStringLiteral("<a href=\"https://doi.org/\\1\">doi:\\1</a>"));
}

QTextBrowser* textTab(const QString& html) {
    auto* browser = new QTextBrowser;
    browser->setOpenExternalLinks(true);
    browser->setHtml(html);
    return browser;
}

} // namespace

const std::vector<AboutDialog::Library>& AboutDialog::libraries() {
    // Licences as the Debian 12 packages state them (/usr/share/doc/<package>/copyright).
    static const std::vector<Library> list = {
        {"Qt 6 (Core, Gui, Widgets, Concurrent, Svg)", "LGPL-3.0-only",
         QT_TR_NOOP("Windows, dialogs, icons and translations")},
        {"Qt Charts", "GPL-3.0-or-later", QT_TR_NOOP("Charts of losses, metrics and data")},
        {"Eigen", "MPL-2.0", QT_TR_NOOP("Matrices and linear algebra")},
        {"LBFGS++", "MIT", QT_TR_NOOP("L-BFGS optimiser for logistic regression")},
        {"Spectra", "MPL-2.0", QT_TR_NOOP("Truncated eigendecomposition for PCA on wide data")},
        {"libsvm", "BSD-3-Clause", QT_TR_NOOP("Kernel support vector machines")},
        {"liblinear", "BSD-3-Clause",
         QT_TR_NOOP("Linear support vector machines and L1 logistic regression")},
        {"XGBoost", "Apache-2.0", QT_TR_NOOP("Gradient-boosted trees")},
        {"nanoflann", "BSD-2-Clause", QT_TR_NOOP("Nearest-neighbour search (k-NN, DBSCAN)")},
        {"LibTorch (PyTorch)", "BSD-3-Clause", QT_TR_NOOP("Neural networks")},
        {"ONNX 1.12", "MIT", QT_TR_NOOP("Model export in the ONNX format")},
        {"Protocol Buffers", "BSD-3-Clause", QT_TR_NOOP("Writing ONNX files")},
        {"OpenBLAS", "BSD-3-Clause",
         QT_TR_NOOP("Fast matrix products for neural networks, k-NN and K-Means")},
        {"nlohmann/json", "MIT", QT_TR_NOOP("Pipeline files and reports (JSON)")},
        {"fast_float", "Apache-2.0 OR MIT", QT_TR_NOOP("Reading numbers from CSV files")},
        {"stb_image", "MIT OR Unlicense", QT_TR_NOOP("Reading PNG and JPEG images")},
        {"CLI11", "BSD-3-Clause", QT_TR_NOOP("Command-line options of oficina-cli")},
        {"OpenSSL (libcrypto)", "Apache-2.0",
         QT_TR_NOOP("SHA-256 hashes that identify models, data and pipelines")},
        {"libzip", "BSD-3-Clause", QT_TR_NOOP("Model packages (.ofmodel)")},
        {"cpp-httplib", "MIT",
         QT_TR_NOOP("The inference server (oficina-cli serve) and logging to MLflow")},
        {"SQLite", "public domain", QT_TR_NOOP("The run store and the model registry")},
        {"yaml-cpp", "MIT", QT_TR_NOOP("Exporting runs and models to MLflow's file layout")},
    };
    return list;
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("About Oficina"));

    auto* icon = new QLabel;
    icon->setPixmap(QIcon(QStringLiteral(":/icons/oficina.svg")).pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);
    auto* heading = new QLabel(
        QStringLiteral("<h2>Oficina %1</h2>").arg(QStringLiteral(OFICINA_VERSION)) + "<p>" +
        tr("A desktop machine-learning workbench: load data, clean it, train a model and "
           "evaluate it by wiring nodes on a canvas; the same pipelines run headless with "
           "oficina-cli.") +
        "</p><p>" +
        tr("Oficina is free software: you may share and change it under the GNU General Public "
           "License, version 3 or later.") +
        "</p>");
    heading->setWordWrap(true);
    heading->setTextInteractionFlags(Qt::TextBrowserInteraction);
    auto* header = new QHBoxLayout;
    header->addWidget(icon);
    header->addWidget(heading, 1);

    QString datasets = "<p>" +
                       tr("Sample datasets bundled with Oficina, with their sources and "
                          "licences:") +
                       "</p>";
    for (const auto& d : core::sampleDatasets())
        datasets +=
            QStringLiteral("<p><b>%1</b> (<code>%2</code>)<br/>%3<br/><i>%4</i></p>")
                .arg(trCore(d.title), QString::fromStdString(d.fileName), trCore(d.description),
                     linkDois(QString::fromUtf8(d.citation).toHtmlEscaped()));
    m_datasets = textTab(datasets);

    QString table =
        "<p>" + tr("Oficina is built with these libraries (running on Qt %1):").arg(qVersion()) +
        "</p><table cellspacing=\"0\" cellpadding=\"4\"><tr><th align=\"left\">" + tr("Library") +
        "</th><th align=\"left\">" + tr("Licence") + "</th><th align=\"left\">" + tr("Used for") +
        "</th></tr>";
    for (const Library& library : libraries())
        table += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                     .arg(QString::fromUtf8(library.name).toHtmlEscaped(),
                          QString::fromUtf8(library.licence), tr(library.purpose));
    table += "</table>";
    m_libraries = textTab(table);

    m_tabs = new QTabWidget;
    m_tabs->addTab(m_datasets, tr("Datasets"));
    m_tabs->addTab(m_libraries, tr("Libraries"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(720, 560);
}

QString AboutDialog::datasetsText() const {
    return m_datasets->toPlainText();
}

QString AboutDialog::librariesText() const {
    return m_libraries->toPlainText();
}

} // namespace oficina::ui
