// The About box: every sample dataset the app ships with its citation and licence, every library
// the top-level CMakeLists.txt finds with its licence (a new dependency fails here until it is
// listed), the Brazilian Portuguese text from the .qm the app embeds, and pictures of both tabs
// in both languages (written to $OFICINA_SHOTS when set, to be looked at).
#include "data/SampleData.h"
#include "dialogs/AboutDialog.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTranslator>
#include <QtTest>

#include <map>
#include <set>

using namespace oficina;

namespace {

QString readSource(const QString& relative) {
    QFile file(QStringLiteral(OFICINA_SOURCE_DIR "/") + relative);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(file.readAll());
}

// What each lookup in the top-level CMakeLists.txt brings in, by the About box's names.
const std::map<QString, QStringList>& librariesOfLookups() {
    static const std::map<QString, QStringList> map = {
        {"Threads", {}}, // the C library's
        {"Eigen3", {"Eigen"}},
        {"nlohmann_json", {"nlohmann/json"}},
        {"CLI11", {"CLI11"}},
        {"FastFloat", {"fast_float"}},
        {"Spectra", {"Spectra"}},
        {"nanoflann", {"nanoflann"}},
        {"Torch", {"LibTorch (PyTorch)"}},
        {"ONNX", {"ONNX 1.12", "Protocol Buffers"}},
        {"Protobuf", {"Protocol Buffers"}},
        {"Qt6", {"Qt 6 (Core, Gui, Widgets, Concurrent, Svg)", "Qt Charts"}},
        {"xgboost", {"XGBoost"}},
        {"svm", {"libsvm"}},
        {"linear", {"liblinear"}},
        {"blas", {"OpenBLAS"}},
        {"stb/stb_image.h", {"stb_image"}},
        {"xgboost/c_api.h", {"XGBoost"}},
        {"svm.h", {"libsvm"}},
        {"linear.h", {"liblinear"}},
        {"cblas.h", {"OpenBLAS"}},
        {"OpenSSL", {"OpenSSL (libcrypto)"}},
        {"PkgConfig", {}}, // the tool that finds the next two
        {"libzip", {"libzip"}},
        {"cpp-httplib", {"cpp-httplib"}},
        {"SQLite3", {"SQLite"}},
        {"yaml-cpp", {"yaml-cpp"}},
    };
    return map;
}

} // namespace

class TestAboutDialog : public QObject {
    Q_OBJECT

    QTranslator m_portuguese;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(m_portuguese.load(QStringLiteral(OFICINA_QM_FILE)), OFICINA_QM_FILE);
    }

    void listsEveryBundledDataset() {
        ui::AboutDialog dialog;
        const QString text = dialog.datasetsText();
        QVERIFY(core::sampleDatasets().size() >= 8);
        for (const auto& d : core::sampleDatasets()) {
            QVERIFY2(text.contains(QString::fromUtf8(d.title)), d.title);
            QVERIFY2(text.contains(QString::fromStdString(d.fileName)), d.fileName.c_str());
            QVERIFY2(text.contains(QString::fromUtf8(d.citation)), d.citation);
            const QString citation = QString::fromUtf8(d.citation);
            QVERIFY2(citation.contains("CC BY 4.0") || citation.contains("BSD-3-Clause"),
                     (d.key + ": the citation names no licence").c_str());
        }
        // A CSV shipped without a sample-dataset entry would go out uncredited.
        const QDir datasets(QStringLiteral(OFICINA_SOURCE_DIR "/resources/datasets"));
        const QStringList files = datasets.entryList({"*.csv"}, QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString& file : files)
            QVERIFY2(text.contains("(" + file + ")"), qPrintable(file + " is not credited"));
        // DOIs become links.
        const auto* browser = qobject_cast<QTextBrowser*>(dialog.tabs()->widget(0));
        QVERIFY(browser);
        QVERIFY2(browser->toHtml().contains("href=\"https://doi.org/10.24432/C56C76\""),
                 qPrintable(browser->toHtml().left(3000)));
    }

    void listsEveryLinkedLibrary() {
        ui::AboutDialog dialog;
        const QString text = dialog.librariesText();
        std::set<QString> listed;
        for (const auto& library : ui::AboutDialog::libraries()) {
            QVERIFY2(text.contains(QString::fromUtf8(library.name)), library.name);
            QVERIFY2(text.contains(QString::fromUtf8(library.licence)), library.licence);
            QVERIFY2(text.contains(QString::fromUtf8(library.purpose)), library.purpose);
            listed.insert(QString::fromUtf8(library.name));
        }
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));

        // The top-level file, the core's dependencies it includes, and the network module's.
        const QString cmake = readSource("CMakeLists.txt") +
                              readSource("cmake/CoreDependencies.cmake") +
                              readSource("core/CMakeLists.txt");
        QVERIFY(!cmake.isEmpty());
        static const QRegularExpression lookup(
            "^\\s*find_(package|library|path)\\(\\s*([A-Za-z0-9_-]+)\\s+([^\\s)]+)",
            QRegularExpression::MultilineOption);
        std::set<QString> expected;
        const auto expect = [&](const QString& key) {
            const auto found = librariesOfLookups().find(key);
            QVERIFY2(found != librariesOfLookups().end(),
                     qPrintable("CMakeLists.txt looks up " + key +
                                ": list it in the About box and in librariesOfLookups()"));
            for (const QString& name : found->second)
                expected.insert(name);
        };
        for (auto it = lookup.globalMatch(cmake); it.hasNext();) {
            const auto match = it.next();
            // find_package names the package first; find_library/find_path a variable, then
            // the library or header they look for.
            expect(match.captured(1) == "package" ? match.captured(2) : match.captured(3));
        }
        // pkg_check_modules(PREFIX [REQUIRED] [IMPORTED_TARGET] module>=version): the module.
        static const QRegularExpression pkgConfig(
            "^\\s*pkg_check_modules\\(\\s*[A-Za-z0-9_]+\\s+(?:[A-Z_]+\\s+)*([A-Za-z0-9_.+-]+?)"
            "(?:[<>=][^\\s)]*)?[\\s)]",
            QRegularExpression::MultilineOption);
        for (auto it = pkgConfig.globalMatch(cmake); it.hasNext();)
            expect(it.next().captured(1));
        QVERIFY(expected.count("cpp-httplib"));
        QVERIFY(cmake.contains("Charts"));
        // LBFGS++ is header-only and found by include path, not by CMake.
        if (readSource("core/models/LogisticRegression.cpp").contains("<LBFGS"))
            expected.insert("LBFGS++");
        for (const QString& name : expected)
            QVERIFY2(listed.count(name), qPrintable(name + " is linked but not listed"));
        for (const QString& name : listed)
            QVERIFY2(expected.count(name), qPrintable(name + " is listed but not linked"));
    }

    void showsTheVersionAndIcon() {
        ui::AboutDialog dialog;
        bool version = false, icon = false;
        for (const QLabel* label : dialog.findChildren<QLabel*>()) {
            version = version || label->text().contains("Oficina " OFICINA_VERSION);
            icon = icon || !label->pixmap().isNull();
        }
        QVERIFY(version);
        QVERIFY(icon);
    }

    void brazilianPortuguese() {
        QCoreApplication::installTranslator(&m_portuguese);
        auto restore = qScopeGuard([this] { QCoreApplication::removeTranslator(&m_portuguese); });
        ui::AboutDialog dialog;
        QCOMPARE(dialog.windowTitle(), QString("Sobre o Oficina"));
        QCOMPARE(dialog.tabs()->tabText(0), QString("Conjuntos de dados"));
        QCOMPARE(dialog.tabs()->tabText(1), QString("Bibliotecas"));
        const QString text = dialog.librariesText();
        for (const auto& library : ui::AboutDialog::libraries()) {
            const QString translated =
                QCoreApplication::translate("oficina::ui::AboutDialog", library.purpose);
            QVERIFY2(translated != QString::fromUtf8(library.purpose), library.purpose);
            QVERIFY2(text.contains(translated), qPrintable(translated));
        }
        QVERIFY(dialog.datasetsText().contains("150 flores")); // core's descriptions too
    }

    void screenshots() {
        const QString dir = qEnvironmentVariable("OFICINA_SHOTS");
        if (dir.isEmpty()) QSKIP("set OFICINA_SHOTS to a folder for the pictures");
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("pt_BR")}) {
            if (language != "en") QCoreApplication::installTranslator(&m_portuguese);
            ui::AboutDialog dialog;
            dialog.show();
            for (int tab = 0; tab < dialog.tabs()->count(); ++tab) {
                dialog.tabs()->setCurrentIndex(tab);
                QTest::qWait(50); // the tab's layout settles
                const QString name = tab == 0 ? "datasets" : "libraries";
                QVERIFY(dialog.grab().save(dir + "/about_" + name + "_" + language + ".png"));
            }
        }
        QCoreApplication::removeTranslator(&m_portuguese);
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
