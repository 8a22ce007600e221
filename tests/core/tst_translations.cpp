// The Brazilian Portuguese translation is shipped complete (docs/architecture.md,
// "Translation"). This test runs lupdate over the same sources with the same options as
// translations/CMakeLists.txt, into a temporary copy of translations/oficina_pt_BR.ts, and fails
// naming every message that is new, unfinished or empty, or whose translation lost (or gained) a
// %1..%9 placeholder or an '&' accelerator. Fix: `ninja update_translations`, translate, drop type="unfinished".
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#ifndef OFICINA_LUPDATE
#define OFICINA_LUPDATE ""
#endif

namespace {

const QString kSourceDir = QStringLiteral(OFICINA_SOURCE_DIR);
const QString kTsFile = QStringLiteral("translations/oficina_pt_BR.ts");

struct TsMessage {
    QString context;
    QString source;
    bool numerus = false;
    QString type; // "", "unfinished", "vanished" or "obsolete"
    QStringList forms;
};

QString readText(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(file.readAll());
}

QString lupdatePath() {
    const QString configured = QStringLiteral(OFICINA_LUPDATE);
    if (!configured.isEmpty() && QFile::exists(configured)) return configured;
    for (const auto location : {QLibraryInfo::BinariesPath, QLibraryInfo::LibraryExecutablesPath}) {
        const QString candidate = QLibraryInfo::path(location) + QStringLiteral("/lupdate");
        if (QFile::exists(candidate)) return candidate;
    }
    return {};
}

/// The arguments of a CMake command such as `LUPDATE_OPTIONS a b c)`: whitespace-separated words
/// after `keyword` up to the closing parenthesis or the next upper-case keyword.
QStringList cmakeWords(const QString& cmake, const QString& keyword) {
    const qsizetype start = cmake.indexOf(keyword);
    if (start < 0) return {};
    const qsizetype end = cmake.indexOf(QLatin1Char(')'), start);
    QStringList words = cmake.mid(start + keyword.size(), end - start - keyword.size())
                            .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    static const QRegularExpression keywordRe(QStringLiteral("^[A-Z_]+$"));
    for (qsizetype i = 0; i < words.size(); ++i)
        if (keywordRe.match(words[i]).hasMatch()) return words.mid(0, i);
    return words;
}

/// The files `file(GLOB_RECURSE translated_sources CONFIGURE_DEPENDS <patterns>)` lists, less
/// those its `list(FILTER … EXCLUDE REGEX …)` removes.
QStringList translatedSources(const QString& cmake, QString* error) {
    QStringList files;
    for (QString pattern : cmakeWords(cmake, QStringLiteral("CONFIGURE_DEPENDS"))) {
        pattern.replace(QStringLiteral("${PROJECT_SOURCE_DIR}"), kSourceDir);
        const qsizetype slash = pattern.lastIndexOf(QLatin1Char('/'));
        if (pattern.contains(QLatin1Char('$')) || slash < 0) {
            *error = QStringLiteral("cannot read the source pattern '%1'").arg(pattern);
            return {};
        }
        QDirIterator it(pattern.left(slash), {pattern.mid(slash + 1)}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) files << it.next();
    }
    // list(FILTER translated_sources EXCLUDE REGEX "<regex>"): files lupdate must not read.
    static const QRegularExpression filterRe(
        QStringLiteral("list\\(FILTER translated_sources EXCLUDE REGEX \"([^\"]+)\"\\)"));
    if (const auto filter = filterRe.match(cmake); filter.hasMatch()) {
        const QRegularExpression excluded(
            filter.captured(1).replace(QStringLiteral("\\\\"), QStringLiteral("\\")));
        files.removeIf([&](const QString& f) { return excluded.match(f).hasMatch(); });
    }
    files.sort();
    files.removeDuplicates();
    return files;
}

QList<TsMessage> parseTs(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open ") + path;
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            } else if (name == QLatin1String("message")) {
                inMessage = true;
                message = TsMessage{};
                message.context = context;
                message.numerus =
                    xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source") && inMessage) {
                message.source = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            } else if (name == QLatin1String("translation") && inMessage) {
                message.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!message.numerus)
                    message.forms << xml.readElementText(QXmlStreamReader::IncludeChildElements);
            } else if (name == QLatin1String("numerusform") && inMessage) {
                message.forms << xml.readElementText(QXmlStreamReader::IncludeChildElements);
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            inMessage = false;
            messages << message;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

bool isCurrent(const TsMessage& m) {
    return m.type != QLatin1String("vanished") && m.type != QLatin1String("obsolete");
}

QString describe(const TsMessage& m) {
    return QStringLiteral("  [%1] \"%2\"").arg(m.context, m.source);
}

QSet<QChar> placeholders(const QString& text) {
    static const QRegularExpression re(QStringLiteral("%L?([1-9])"));
    QSet<QChar> found;
    for (auto it = re.globalMatch(text); it.hasNext();) found.insert(it.next().captured(1).at(0));
    return found;
}

QString sortedList(const QSet<QChar>& set) {
    QStringList list;
    for (QChar c : set) list << QLatin1Char('%') + c;
    list.sort();
    return list.join(QLatin1Char(' '));
}

/// An '&' followed by a character other than a space or a second '&' marks an accelerator.
bool hasAccelerator(QString text) {
    static const QRegularExpression re(QStringLiteral("&[^\\s&]"));
    return text.replace(QStringLiteral("&&"), QString()).contains(re);
}

} // namespace

class TranslationsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyMessageIsTranslated();
    void placeholdersAreKept();
    void acceleratorsAreKept();

private:
    QTemporaryDir m_dir;
    QList<TsMessage> m_messages;
};

void TranslationsTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    const QString lupdate = lupdatePath();
    if (lupdate.isEmpty()) QFAIL("lupdate (Qt6 LinguistTools) not found");

    const QString cmake = readText(kSourceDir + QStringLiteral("/translations/CMakeLists.txt"));
    QVERIFY2(!cmake.isEmpty(), "cannot read translations/CMakeLists.txt");
    const QStringList options = cmakeWords(cmake, QStringLiteral("LUPDATE_OPTIONS"));
    QVERIFY2(!options.isEmpty(), "no LUPDATE_OPTIONS in translations/CMakeLists.txt");
    QString error;
    const QStringList sources = translatedSources(cmake, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(sources.size() > 10, "translations/CMakeLists.txt lists almost no sources");

    const QString ts = m_dir.filePath(QStringLiteral("oficina_pt_BR.ts"));
    QVERIFY(QFile::copy(kSourceDir + QLatin1Char('/') + kTsFile, ts));
    QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);
    QFile list(m_dir.filePath(QStringLiteral("sources.lst")));
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write(sources.join(QLatin1Char('\n')).toUtf8() + '\n');
    list.close();

    // The include paths are those of the oficina target, as the lupdate project file CMake
    // writes has them: lupdate needs them to see the namespaces a .cpp file's header declares,
    // which decide the contexts.
    QStringList arguments = options;
    arguments << QStringLiteral("-I") << kSourceDir + QStringLiteral("/core")
              << QStringLiteral("-I") << kSourceDir + QStringLiteral("/ui")
              << QLatin1Char('@') + list.fileName() << QStringLiteral("-ts") << ts;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(lupdate, arguments);
    // A hang guard only, far beyond lupdate's time on a loaded machine: never a speed check.
    QVERIFY2(process.waitForFinished(15 * 60 * 1000), "lupdate did not finish in 15 minutes");
    const QByteArray output = process.readAll();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             output.constData());

    m_messages = parseTs(ts, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(!m_messages.isEmpty(), "lupdate found no messages");
}

void TranslationsTest::everyMessageIsTranslated() {
    QStringList problems;
    qsizetype current = 0;
    for (const TsMessage& m : std::as_const(m_messages)) {
        if (!isCurrent(m)) continue;
        ++current;
        bool empty = m.forms.isEmpty();
        for (const QString& form : m.forms) empty = empty || form.trimmed().isEmpty();
        if (m.type == QLatin1String("unfinished"))
            problems << describe(m) + (empty ? QStringLiteral(" (not translated)")
                                             : QStringLiteral(" (unfinished: \"%1\")")
                                                   .arg(m.forms.join(QStringLiteral(" | "))));
        else if (empty)
            problems << describe(m) + QStringLiteral(" (empty translation)");
    }
    if (!problems.isEmpty())
        QFAIL(qPrintable(QStringLiteral("%1 of %2 messages lack a Brazilian Portuguese translation; "
                                        "run `ninja update_translations`, translate them in %3 "
                                        "and remove type=\"unfinished\":\n%4")
                             .arg(problems.size())
                             .arg(current)
                             .arg(kTsFile, problems.join(QLatin1Char('\n')))));
}

void TranslationsTest::placeholdersAreKept() {
    QStringList problems;
    for (const TsMessage& m : std::as_const(m_messages)) {
        if (!isCurrent(m) || m.type == QLatin1String("unfinished")) continue;
        const QSet<QChar> expected = placeholders(m.source);
        for (const QString& form : m.forms) {
            const QSet<QChar> found = placeholders(form);
            if (found != expected)
                problems << describe(m) + QStringLiteral(" has {%1} but \"%2\" has {%3}")
                                              .arg(sortedList(expected), form, sortedList(found));
        }
    }
    if (!problems.isEmpty())
        QFAIL(qPrintable(QStringLiteral("%1 translations do not keep their placeholders:\n%2")
                             .arg(problems.size())
                             .arg(problems.join(QLatin1Char('\n')))));
}

void TranslationsTest::acceleratorsAreKept() {
    QStringList problems;
    for (const TsMessage& m : std::as_const(m_messages)) {
        // Only ui strings carry accelerators; core text may use '&' as a plain word.
        if (!isCurrent(m) || m.type == QLatin1String("unfinished") ||
            !m.context.startsWith(QLatin1String("oficina::ui")))
            continue;
        for (const QString& form : m.forms)
            if (hasAccelerator(m.source) != hasAccelerator(form))
                problems << describe(m) + QStringLiteral(" -> \"%1\"").arg(form);
    }
    if (!problems.isEmpty())
        QFAIL(qPrintable(QStringLiteral("%1 translations gain or lose the '&' accelerator:\n%2")
                             .arg(problems.size())
                             .arg(problems.join(QLatin1Char('\n')))));
}

QTEST_GUILESS_MAIN(TranslationsTest)
#include "tst_translations.moc"
