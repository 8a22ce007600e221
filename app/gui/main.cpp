// oficina: the desktop application. Wiring only: registry, translations, main window.
#include "MainWindow.h"
#include "Settings.h"
#include "canvas/PipelineScene.h"
#include "data/SampleData.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

int main(int argc, char** argv) {
    using namespace oficina;
    QApplication app(argc, argv);
    QApplication::setApplicationName("Oficina");
    QApplication::setOrganizationName("Oficina");
    QApplication::setApplicationVersion(OFICINA_VERSION);
    QApplication::setWindowIcon(QIcon(":/icons/oficina.svg"));

    // The language chosen in Preferences (or the system's) sets the translation and how the
    // interface writes numbers; files keep '.'.
    const QLocale locale = ui::Settings::localeFor(ui::Settings::language());
    ui::Settings::applyLocale(locale);
    QTranslator qtTranslator;
    if (qtTranslator.load(locale, "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(locale, "oficina", "_", ":/i18n"))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Oficina machine-learning workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("pipeline", QApplication::translate("main", "Pipeline file to open"));
    const QCommandLineOption runOption(
        "run", QApplication::translate("main", "Run the pipeline once it is open"));
    const QCommandLineOption selectOption(
        "select", QApplication::translate("main", "Select a node (its properties and outputs "
                                                  "are shown)"),
        QApplication::translate("main", "node"));
    const QCommandLineOption viewOption(
        "show-output",
        QApplication::translate("main", "After the run, bring the selected node's output view "
                                        "of this kind to the front (e.g. LossChart, "
                                        "ScatterPlot, ConfusionMatrixView)"),
        QApplication::translate("main", "view"));
    const QCommandLineOption presentOption(
        "present", QApplication::translate("main", "Start in presentation mode (View > "
                                                   "Presentation)"));
    parser.addOptions({runOption, selectOption, viewOption, presentOption});
    parser.process(app);

    const QString share = QString::fromStdString(core::findShareDirectory());
    core::NodeRegistry registry;
    core::registerBuiltinNodes(registry, {.datasetDirectory = (share + "/datasets").toStdString()});

    ui::MainWindow window(registry, share);
    window.show();
    const QString file =
        parser.positionalArguments().isEmpty() ? QString() : parser.positionalArguments().first();
    // A bundled example opens as from the start page: an untitled copy, titles in the
    // interface's language, run at once.
    const bool example = !file.isEmpty() && QFileInfo(file).absolutePath() ==
                                                QDir(share + "/examples").absolutePath();
    if (file.isEmpty()) window.showStartPage();
    else if (example ? window.openExample(file) : window.openPipeline(file)) {
        if (parser.isSet(selectOption))
            window.scene().selectItems({parser.value(selectOption)});
        if (parser.isSet(viewOption))
            QObject::connect(
                &window, &ui::MainWindow::runFinished, &window,
                [&window, view = parser.value(viewOption)] { window.showOutputView(view); });
        if (parser.isSet(runOption) && !example) window.runPipeline();
    }
    if (parser.isSet(presentOption)) window.setPresentation(true);
    // Once the window is up: offer what a crashed session left behind.
    QTimer::singleShot(0, &window, &ui::MainWindow::offerRecovery);
    return app.exec();
}
