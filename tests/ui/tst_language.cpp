// The interface language: Preferences stores it, the chosen language's locale writes the numbers
// of the interface (a metric shows "0,97" in Portuguese) while files keep '.', and the C
// library's numbers stay in the "C" locale that core and its engines parse and print with.
#include "Settings.h"
#include "Translate.h"
#include "dialogs/PreferencesDialog.h"
#include "document/Document.h"
#include "eval/Metrics.h"
#include "nodes/Nodes.h"
#include "panels/NodeOutputsView.h"
#include "pipeline/NodeRegistry.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <clocale>
#include <cstdio>

using namespace oficina;

class LanguageTest : public QObject {
    Q_OBJECT

    core::NodeRegistry m_registry;
    const QLocale m_portuguese{QLocale::Portuguese, QLocale::Brazil};

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // settings out of $HOME
        core::registerBuiltinNodes(m_registry, {});
    }
    void init() { ui::Settings::setLanguage({}); }
    void cleanup() {
        QLocale::setDefault(QLocale::c());
        ui::Settings::setLanguage({});
    }

    void settingRoundTrips() {
        QCOMPARE(ui::Settings::language(), QString());
        QCOMPARE(ui::Settings::localeFor({}), QLocale::system());
        ui::Settings::setLanguage("pt_BR");
        QCOMPARE(ui::Settings::language(), QString("pt_BR"));
        const QLocale locale = ui::Settings::localeFor(ui::Settings::language());
        QCOMPARE(locale.language(), QLocale::Portuguese);
        QCOMPARE(locale.territory(), QLocale::Brazil);
        QCOMPARE(ui::Settings::localeFor("en").decimalPoint(), QString("."));
    }

    void preferencesDialogStoresTheChoice() {
        ui::PreferencesDialog dialog;
        QComboBox* box = dialog.languageBox();
        QCOMPARE(box->count(), 3);
        QCOMPARE(box->currentIndex(), 0); // system default
        QCOMPARE(box->itemText(2), QString::fromUtf8("Português (Brasil)"));
        QVERIFY(!dialog.apply()); // nothing changed
        auto* note = dialog.findChild<QLabel*>("restartNote");
        QVERIFY(note);
        QVERIFY(note->isHidden());
        box->setCurrentIndex(box->findData("pt_BR"));
        QVERIFY(!note->isHidden()); // "takes effect after restarting"
        QVERIFY(dialog.apply());
        QCOMPARE(ui::Settings::language(), QString("pt_BR"));

        ui::PreferencesDialog again; // opens on the stored choice
        QCOMPARE(again.chosenLanguage(), QString("pt_BR"));
        again.languageBox()->setCurrentIndex(0);
        QVERIFY(again.apply());
        QCOMPARE(ui::Settings::language(), QString());
    }

    void interfaceNumbersFollowTheLanguage() {
        ui::Settings::applyLocale(m_portuguese);
        QCOMPARE(ui::localNumber(0.97, 'f', 2), QString("0,97"));
        QCOMPARE(ui::formatCell(1749), QString("1749")); // no digit grouping in tables
        QCOMPARE(ui::formatCell(5.1), QString("5,1"));

        // A score node's metric table.
        auto metrics = std::make_shared<core::Metrics>();
        metrics->task = "classification";
        metrics->scalars = {{"accuracy", 0.97}};
        core::NodeResult result;
        result.state = core::NodeState::Done;
        result.outputs["metrics"] = std::shared_ptr<const core::Metrics>(metrics);
        ui::NodeOutputsView view;
        view.showNode("Score", result, m_registry.find("oficina.eval.score"));
        QTableWidget* table = nullptr;
        for (int i = 0; i < view.tabs()->count() && !table; ++i)
            table = view.tabs()->widget(i)->findChild<QTableWidget*>();
        if (!table)
            for (int i = 0; i < view.tabs()->count() && !table; ++i)
                table = qobject_cast<QTableWidget*>(view.tabs()->widget(i));
        QVERIFY(table);
        QCOMPARE(table->item(0, 1)->text(), QString("0,97"));

        ui::Settings::applyLocale(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(ui::localNumber(0.97, 'f', 2), QString("0.97"));
    }

    void filesKeepThePoint() {
        ui::Settings::applyLocale(m_portuguese);
        ui::Document document(m_registry);
        const QString split = document.addNode("oficina.data.split", {0, 0});
        document.setParameter(split, "test_size", 0.35);
        QTemporaryDir dir;
        const QString path = dir.filePath("locale.oficina");
        document.save(path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY2(text.contains("0.35"), text.constData());
        QVERIFY(!text.contains("0,35"));
        ui::Document reopened(m_registry);
        reopened.load(path);
        QCOMPARE(reopened.graph().node(split.toStdString())->params.real("test_size"), 0.35);
    }

    void cLibraryNumbersStayC() {
        // QApplication adopted the environment's locale; with a Portuguese one printf would write
        // "0,5" into XGBoost's parameters. applyLocale puts LC_NUMERIC back to "C".
        if (!std::setlocale(LC_NUMERIC, "pt_BR.UTF-8") && !std::setlocale(LC_NUMERIC, "pt_BR"))
            QSKIP("no pt_BR C locale installed (localedef -i pt_BR -f UTF-8 pt_BR.UTF-8)");
        char text[16];
        std::snprintf(text, sizeof text, "%.1f", 0.5);
        QCOMPARE(QByteArray(text), QByteArray("0,5")); // what core would have written
        ui::Settings::applyLocale(m_portuguese);
        std::snprintf(text, sizeof text, "%.1f", 0.5);
        QCOMPARE(QByteArray(text), QByteArray("0.5"));
    }
};

QTEST_MAIN(LanguageTest)
#include "tst_language.moc"
