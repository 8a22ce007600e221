// The data readers against hostile-but-realistic input (issue 23): FIFOs, devices, pipes and
// standard input; binary files, spreadsheets and archives; NUL bytes from a crash; Excel's
// "sep=;" line; UTF-16/UTF-32 with a byte-order mark; control characters echoed in messages;
// files larger than the memory left. Every file is made here, in a temporary folder.
#include "data/ArffReader.h"
#include "data/CsvReader.h"
#include "data/TableFile.h"
#include "data/TextInput.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <csignal>
#include <fstream>
#include <functional>
#include <future>
#include <optional>
#include <thread>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace oficina::core;

namespace {

struct Failure {
    QString where;
    QString message;
};

std::optional<Failure> failureOf(const std::function<void()>& read) {
    try {
        read();
    } catch (const Error& e) {
        return Failure{QString::fromStdString(e.where()),
                       QString::fromStdString(e.message().english())};
    }
    return std::nullopt;
}

#define EXPECT_FAILURE(call, expectedWhere, expectedMessage)                                       \
    do {                                                                                           \
        const auto failure = failureOf([&] { (void)(call); });                                     \
        QVERIFY2(failure.has_value(), "no error");                                                 \
        QCOMPARE(failure->message, QString(expectedMessage));                                      \
        QCOMPARE(failure->where, QString(expectedWhere));                                          \
    } while (false)

std::string write(const QTemporaryDir& dir, const QString& name, const std::string& content,
                  uint64_t zerosAfter = 0) {
    const std::string path = dir.filePath(name).toStdString();
    {
        std::ofstream out(path, std::ios::binary);
        out << content;
    }
    if (zerosAfter > 0) // a hole reads as zeros
        if (::truncate(path.c_str(), off_t(content.size() + zerosAfter)) != 0) return {};
    return path;
}

QString at(const std::string& path, const char* location) {
    return QString::fromStdString(path) + ':' + location;
}

std::string utf16(const QString& text, bool bigEndian) {
    std::string out = bigEndian ? "\xFE\xFF" : "\xFF\xFE";
    for (const QChar c : text) {
        const char high = char(c.unicode() >> 8), low = char(c.unicode() & 0xFF);
        out += bigEndian ? high : low;
        out += bigEndian ? low : high;
    }
    return out;
}

std::string utf32(const QString& text, bool bigEndian) {
    std::string out = bigEndian ? std::string("\0\0\xFE\xFF", 4) : std::string("\xFF\xFE\0\0", 4);
    for (const char32_t c : text.toUcs4())
        for (int k = 0; k < 4; ++k)
            out += char(c >> (8 * (bigEndian ? 3 - k : k)));
    return out;
}

QStringList categories(const Column& column) {
    QStringList out;
    for (const auto& label : column.categories())
        out << QString::fromStdString(label);
    return out;
}

#if defined(__SANITIZE_ADDRESS__)
#define OFICINA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define OFICINA_ASAN 1
#endif
#endif

/// Lowers the soft data-segment limit (ulimit -d) to what the process uses plus `headroom`,
/// and restores it when destroyed. Not under AddressSanitizer, whose own mappings would have
/// to fit in the headroom.
class DataLimit {
public:
    explicit DataLimit(uint64_t headroom) {
#ifdef OFICINA_ASAN
        return;
#endif
        m_ok = ::getrlimit(RLIMIT_DATA, &m_saved) == 0;
        std::ifstream status("/proc/self/status");
        std::string key;
        uint64_t kilobytes = 0;
        while (m_ok && status >> key)
            if (key == "VmData:" && status >> kilobytes) break;
        rlimit lowered = m_saved;
        lowered.rlim_cur = rlim_t(kilobytes * 1024 + headroom);
        m_ok = m_ok && kilobytes > 0 &&
               (m_saved.rlim_max == RLIM_INFINITY || lowered.rlim_cur <= m_saved.rlim_max) &&
               ::setrlimit(RLIMIT_DATA, &lowered) == 0;
    }
    ~DataLimit() {
        if (m_ok) ::setrlimit(RLIMIT_DATA, &m_saved);
    }
    [[nodiscard]] bool ok() const {
        return m_ok;
    }

private:
    rlimit m_saved{};
    bool m_ok = false;
};

/// A pipe whose write end a thread fills with `content`, then closes.
class FilledPipe {
public:
    explicit FilledPipe(std::string content) : m_content(std::move(content)) {
        m_ok = ::pipe2(m_ends, O_CLOEXEC) == 0;
        if (m_ok)
            m_writer = std::thread([this] {
                size_t done = 0;
                while (done < m_content.size()) {
                    const ssize_t n =
                        ::write(m_ends[1], m_content.data() + done, m_content.size() - done);
                    if (n <= 0) break;
                    done += size_t(n);
                }
                ::close(m_ends[1]);
            });
    }
    ~FilledPipe() {
        if (m_ok) ::close(m_ends[0]); // a writer still blocked gets EPIPE (SIGPIPE is ignored)
        if (m_writer.joinable()) m_writer.join();
    }
    [[nodiscard]] bool ok() const { return m_ok; }
    [[nodiscard]] int readEnd() const { return m_ends[0]; }

private:
    std::string m_content;
    int m_ends[2] = {-1, -1};
    bool m_ok = false;
    std::thread m_writer;
};

std::string numericRows(size_t rows) {
    std::string text = "a,b,c,d,e,f,g,h,i,j\n";
    for (size_t r = 0; r < rows; ++r)
        text += "1,2,3,4,5,6,7,8,9,0\n";
    return text;
}

} // namespace

class TestReaderHardening : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { std::signal(SIGPIPE, SIG_IGN); }

    // ---- 5: FIFOs and devices are refused at once; 14: pipes and "-" are read as streams

    void fifoIsRefusedWithoutWaiting_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("csv") << "data.csv";
        QTest::newRow("arff") << "data.arff";
    }
    void fifoIsRefusedWithoutWaiting() {
        QFETCH(QString, name);
        QTemporaryDir dir;
        const std::string path = dir.filePath(name).toStdString();
        QCOMPARE(::mkfifo(path.c_str(), 0600), 0);
        // The open must fail at once; should it block, a writer is attached after a generous
        // wait so that the test fails instead of hanging.
        auto read = std::async(std::launch::async,
                               [&] { return failureOf([&] { (void)readTableFile(path); }); });
        if (read.wait_for(std::chrono::seconds(60)) == std::future_status::timeout) {
            const int writer = ::open(path.c_str(), O_WRONLY | O_NONBLOCK);
            if (writer >= 0) ::close(writer);
            read.wait();
            QFAIL("opening a FIFO without a writer blocked");
        }
        const auto failure = read.get();
        QVERIFY(failure.has_value());
        QCOMPARE(failure->where, at(path, "1:1"));
        QCOMPARE(failure->message, QString("this is a named pipe (FIFO), not a regular file; to "
                                           "read a stream, pipe it into standard input and give "
                                           "'-' as the file name"));
    }

    void devicesAreRefused() {
        for (const char* device : {"/dev/null", "/dev/zero"}) {
            EXPECT_FAILURE(readCsv(device), QString(device) + ":1:1",
                           "this is a device or a socket, not a regular file");
            EXPECT_FAILURE(readArff(device), QString(device) + ":1:1",
                           "this is a device or a socket, not a regular file");
        }
    }

    void folderIsRefused() {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString();
        EXPECT_FAILURE(readArff(path), at(path, "1:1"), "cannot read the file (Is a directory)");
    }

    void pipeIsReadAsStream() {
        // Larger than a pipe's buffer and than the first growth step, so it arrives in parts.
        const std::string text = numericRows(200000);
        FilledPipe pipe(text);
        QVERIFY(pipe.ok());
        const std::string path = "/dev/fd/" + std::to_string(pipe.readEnd());
        const ReadResult result = readTableFile(path);
        QCOMPARE(result.table.rowCount(), size_t(200000));
        QCOMPARE(result.table.columnCount(), size_t(10));
        QCOMPARE(result.table.column("j").values().back(), 0.0);
    }

    void arffPipeIsReadAsStream() {
        FilledPipe pipe("@relation r\n@attribute a numeric\n@attribute b {x,y}\n@data\n1,x\n2,y\n");
        QVERIFY(pipe.ok());
        const ArffResult result = readArff("/dev/fd/" + std::to_string(pipe.readEnd()));
        QCOMPARE(result.table.column("a").values(), (std::vector<double>{1, 2}));
    }

    void dashReadsStandardInput() {
        FilledPipe pipe("x;y\n1,5;a\n2,5;b\n");
        QVERIFY(pipe.ok());
        const int savedInput = ::dup(STDIN_FILENO);
        QVERIFY(savedInput >= 0);
        QCOMPARE(::dup2(pipe.readEnd(), STDIN_FILENO), STDIN_FILENO);
        std::optional<ReadResult> result;
        const auto failure = failureOf([&] { result = readCsv("-"); });
        ::dup2(savedInput, STDIN_FILENO);
        ::close(savedInput);
        QVERIFY2(!failure, failure ? qPrintable(failure->message) : "");
        QCOMPARE(result->table.column("x").values(), (std::vector<double>{1.5, 2.5}));
        QCOMPARE(categories(result->table.column("y")), (QStringList{"a", "b"}));
    }

    // ---- 6: binary content is refused from the first block

    void binaryStartIsRefused_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        const QString notText = "this is not a text file";
        QTest::newRow("xlsx") << QByteArray("PK\x03\x04\x14\0\x06\0", 8)
                              << "this is a spreadsheet (xlsx/ods) or zip archive, not a text "
                                 "file; save it as CSV first";
        QTest::newRow("xls") << QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10)
                             << "this is an Excel .xls spreadsheet, not a text file; save it as "
                                "CSV first";
        QTest::newRow("gzip") << QByteArray("\x1F\x8B\x08\0\0\0\0\0", 8)
                              << "this file is compressed with gzip; decompress it first";
        QTest::newRow("NUL on the first line") << QByteArray("a,b\0c\n1,2\n", 10) << notText;
        QByteArray controls;
        for (int i = 0; i < 4000; ++i)
            controls += char(1 + i % 8); // no NUL, no line end
        QTest::newRow("control characters") << controls << notText;
    }
    void binaryStartIsRefused() {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir dir;
        for (const QString name : {"data.csv", "data.arff"}) {
            const std::string path = write(dir, name, content.toStdString());
            EXPECT_FAILURE(readTableFile(path), at(path, "1:1"), message);
        }
    }

    void zerosAreRefusedAtOnce() {
        // The 2 GB of zeros, scaled down: refused from the first block.
        QTemporaryDir dir;
        for (const QString name : {"zeros.csv", "zeros.arff"}) {
            const std::string path = write(dir, name, "", 50 << 20);
            QVERIFY(!path.empty());
            EXPECT_FAILURE(readTableFile(path), at(path, "1:1"), "this is not a text file");
        }
    }

    // ---- 6 and 9: NUL bytes after the first line stop the read where they start

    void nulBytesAfterText_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<qulonglong>("zeros");
        QTest::addColumn<QString>("location");
        QTest::addColumn<int>("line");
        // A crash cut the file short: zeros at the end. The numeric column used to turn
        // categorical, with a garbage row.
        QTest::newRow("csv cut short")
            << "cut.csv" << QByteArray("x\n1\n2\n") << 4096ull << "4:1" << 4;
        QTest::newRow("csv, two lines then 50 MB of zeros")
            << "big.csv" << QByteArray("a,b\n1,2\n") << (50ull << 20) << "3:1" << 3;
        QTest::newRow("csv NUL inside a line")
            << "mid.csv" << QByteArray("a,b\n1,2\n3,4", 11) << 1ull << "3:4" << 3;
        QTest::newRow("csv NUL inside quotes")
            << "quoted.csv" << QByteArray("a,b\n\"x\ny\",2\n\"q", 14) << 8ull << "4:3" << 4;
        QTest::newRow("csv after sep= and CRLF")
            << "sep.csv" << QByteArray("sep=;\r\na;b\r\n1;2\r\n") << 100ull << "4:1" << 4;
        QTest::newRow("arff cut short")
            << "cut.arff" << QByteArray("@relation r\n@attribute a numeric\n@data\n1\n2\n")
            << (100ull << 10) << "6:1" << 6;
        QTest::newRow("arff NUL inside a line")
            << "mid.arff" << QByteArray("@relation r\n@attribute a numeric\n@data\n1\n22") << 3ull
            << "5:3" << 5;
    }
    void nulBytesAfterText() {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(qulonglong, zeros);
        QFETCH(QString, location);
        QFETCH(int, line);
        QTemporaryDir dir;
        const std::string path = write(dir, name, content.toStdString(), zeros);
        QVERIFY(!path.empty());
        EXPECT_FAILURE(readTableFile(path), at(path, qPrintable(location)),
                       QString("the file holds NUL bytes from line %1: it may be truncated or "
                               "not a text file")
                           .arg(line));
    }

    void nulDeepInsideABigFile_data() {
        QTest::addColumn<bool>("quoted");
        QTest::newRow("unquoted blocks (vectorised scan)") << false;
        QTest::newRow("quoted blocks (byte-wise scan)") << true;
    }
    void nulDeepInsideABigFile() {
        QFETCH(bool, quoted);
        QTemporaryDir dir;
        std::string text = "id,name\n";
        constexpr size_t kRows = 600000, kBadRow = 512345;
        for (size_t r = 1; r <= kRows; ++r) {
            text += std::to_string(r) + (quoted ? ",\"n\"" : ",n");
            if (r == kBadRow) text += '\0';
            text += '\n';
        }
        const std::string path = write(dir, "deep.csv", text);
        const std::string column =
            std::to_string(std::to_string(kBadRow).size() + (quoted ? 5 : 3));
        CsvOptions options;
        options.threads = 2;
        EXPECT_FAILURE(readCsv(path, options),
                       at(path, qPrintable(QString("%1:%2").arg(kBadRow + 1).arg(column.c_str()))),
                       QString("the file holds NUL bytes from line %1: it may be truncated or "
                               "not a text file")
                           .arg(kBadRow + 1));
    }

    // ---- 10: Excel's "sep=;" line

    void separatorHintIsHonoured_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("LF") << QByteArray("sep=;\nname;value\nx;1,5\ny;2\n");
        QTest::newRow("CRLF") << QByteArray("sep=;\r\nname;value\r\nx;1,5\r\ny;2\r\n");
        QTest::newRow("UTF-8 BOM, upper case")
            << QByteArray("\xEF\xBB\xBFSEP=;\nname;value\nx;1,5\ny;2\n");
        QTest::newRow("tab") << QByteArray("sep=\t\nname\tvalue\nx\t1.5\ny\t2\n");
    }
    void separatorHintIsHonoured() {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const std::string path = write(dir, "excel.csv", content.toStdString());
        const ReadResult result = readCsv(path);
        QCOMPARE(result.table.columnNames(), (std::vector<std::string>{"name", "value"}));
        QCOMPARE(result.table.column("value").values(), (std::vector<double>{1.5, 2}));
        QCOMPARE(categories(result.table.column("name")), (QStringList{"x", "y"}));
    }

    void separatorHintKeepsLineNumbers() {
        QTemporaryDir dir;
        const std::string path = write(dir, "ragged.csv", "sep=;\nname;value\nx;1\ny;2;3\n");
        EXPECT_FAILURE(readCsv(path), at(path, "4:4"),
                       "expected 2 fields (as in the header), found 3");
    }

    void explicitDelimiterWinsOverTheHint() {
        QTemporaryDir dir;
        const std::string path = write(dir, "hint.csv", "sep=;\na,b\n1,2\n");
        CsvOptions options;
        options.delimiter = ',';
        const ReadResult result = readCsv(path, options);
        QCOMPARE(result.table.columnNames(), (std::vector<std::string>{"a", "b"}));
        QCOMPARE(result.table.rowCount(), size_t(1));
    }

    // ---- 13: UTF-16 and UTF-32 with a byte-order mark are read

    void unicodeWithByteOrderMark_data() {
        QTest::addColumn<bool>("wide");
        QTest::addColumn<bool>("bigEndian");
        QTest::addColumn<QString>("options");
        QTest::newRow("UTF-16 LE") << false << false << "";
        QTest::newRow("UTF-16 BE") << false << true << "";
        QTest::newRow("UTF-32 LE") << true << false << "";
        QTest::newRow("UTF-32 BE") << true << true << "";
        QTest::newRow("UTF-16 LE, Latin-1 chosen") << false << false << "latin1";
    }
    void unicodeWithByteOrderMark() {
        QFETCH(bool, wide);
        QFETCH(bool, bigEndian);
        QFETCH(QString, options);
        // Excel's "Unicode text": tab-separated; a character beyond the BMP (a surrogate pair).
        const QString text = QString::fromUtf8("nome\tvalor\r\nação\t1,5\r\n\U0001F600\t2\r\n");
        QTemporaryDir dir;
        const std::string path =
            write(dir, "unicode.txt", wide ? utf32(text, bigEndian) : utf16(text, bigEndian));
        CsvOptions csv;
        if (options == "latin1") csv.encoding = TextEncoding::Latin1;
        const ReadResult result = readCsv(path, csv);
        QCOMPARE(result.table.columnNames(), (std::vector<std::string>{"nome", "valor"}));
        QCOMPARE(result.table.column("valor").values(), (std::vector<double>{1.5, 2}));
        QCOMPARE(categories(result.table.column("nome")),
                 (QStringList{QString::fromUtf8("ação"), QString::fromUtf8("\U0001F600")}));
    }

    void surrogatePairAcrossReads() {
        // 12 bytes a row: the file is converted 1 MiB at a time, and 1 MiB = 4 mod 12 ends a
        // read between the two halves of a surrogate pair.
        QString text;
        for (int r = 0; r < 100000; ++r)
            text += QString::fromUtf8("a\U0001F600,1\n");
        QTemporaryDir dir;
        const std::string path = write(dir, "pairs.csv", utf16(text, false));
        const ReadResult result = readCsv(path);
        QCOMPARE(result.table.rowCount(), size_t(100000));
        QCOMPARE(categories(result.table.column(size_t(0))),
                 QStringList{QString::fromUtf8("a\U0001F600")});
    }

    void arffInUtf16() {
        QTemporaryDir dir;
        const QString text = QString::fromUtf8("@relation r\n@attribute cor {azul,vermelho}\n"
                                               "@attribute é numeric\n@data\nazul,1\nvermelho,2\n");
        const std::string path = write(dir, "u.arff", utf16(text, false));
        const ArffResult result = readArff(path);
        QCOMPARE(result.table.column("é").values(), (std::vector<double>{1, 2}));
    }

    void invalidUtf16IsLocated() {
        QTemporaryDir dir;
        std::string bytes = utf16("a,b\n1,2\n", false);
        bytes += std::string("\x00\xDC", 2); // a second half of a surrogate pair, alone
        bytes += std::string("x\0", 2);
        const std::string path = write(dir, "bad16.csv", bytes);
        EXPECT_FAILURE(readCsv(path), at(path, "3:1"),
                       "the text is not valid UTF-16 LE, as its byte-order mark says");
        const std::string odd =
            write(dir, "odd16.csv", utf16("a,b\n1,2\n", true) + std::string(1, '\0'));
        EXPECT_FAILURE(readCsv(odd), at(odd, "3:1"),
                       "the text is not valid UTF-16 BE, as its byte-order mark says");
    }

    // ---- 15: tokens echoed in messages have their control characters escaped

    void printableText_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("shown");
        QTest::newRow("plain") << QByteArray("ação 😀") << QByteArray("ação 😀");
        QTest::newRow("C0 and DEL")
            << QByteArray("a\x01\x1b[2J\x7f") << QByteArray("a\\x01\\x1B[2J\\x7F");
        QTest::newRow("NUL") << QByteArray("a\0b", 3) << QByteArray("a\\x00b");
        QTest::newRow("C1 control") << QByteArray("a\xC2\x9B"
                                                  "b")
                                    << QByteArray("a\\u009Bb");
        QTest::newRow("invalid UTF-8") << QByteArray("\xE3(") << QByteArray("\\xE3(");
        QTest::newRow("cut") << QByteArray(50, 'x') << QByteArray(40, 'x') + "…";
    }
    void printableText() {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, shown);
        QCOMPARE(QByteArray::fromStdString(oficina::core::printableText(text.toStdString())),
                 shown);
    }

    void csvWarningsEscapeTokens() {
        QTemporaryDir dir;
        std::string text = "x,y\n";
        for (int r = 0; r < 1100; ++r) // beyond the rows that type the columns
            text += "1,a\n";
        text += "\x01\x1b[2J,b\n";
        const std::string path = write(dir, "late.csv", text);
        const ReadResult result = readCsv(path);
        QCOMPARE(result.warnings.size(), size_t(1));
        QCOMPARE(QString::fromStdString(result.warnings[0].english()),
                 QString("column 'x' was read as text: line 1102 has '\\x01\\x1B[2J', which is "
                         "not a number"));
        std::string named = "a\x07,a\x07\n";
        for (int r = 0; r < 20; ++r)
            named += "1,2\n";
        const std::string names = write(dir, "names.csv", named);
        const ReadResult renamed = readCsv(names);
        QCOMPARE(QString::fromStdString(renamed.warnings.at(0).english()),
                 QString("the column name 'a\\x07' appears more than once; column 2 was renamed "
                         "'a\\x07_2'"));
    }

    void arffMessagesEscapeTokens() {
        QTemporaryDir dir;
        const std::string value =
            write(dir, "v.arff", "@relation r\n@attribute a numeric\n@data\n1\x1b[31m\n");
        EXPECT_FAILURE(readArff(value), at(value, "4:1"),
                       "'1\\x1B[31m' is not a number, and attribute 'a' is numeric");
        const std::string keyword = write(dir, "k.arff", "@relation r\n@attr\x08ibute a numeric\n");
        EXPECT_FAILURE(readArff(keyword), at(keyword, "2:1"),
                       "expected @attribute or @data, found '@attr\\x08ibute'");
    }

    // ---- memory: a file that cannot fit is refused before its table is allocated

    void csvLargerThanMemoryIsRefused() {
        QTemporaryDir dir;
        const std::string path = write(dir, "wide.csv", numericRows(1000000)); // 80 MB of doubles
        {
            DataLimit limit(40 << 20);
            if (!limit.ok()) QSKIP("cannot lower the data limit here");
            const auto failure = failureOf([&] { (void)readCsv(path); });
            QVERIFY(failure.has_value());
            QCOMPARE(failure->where, QString::fromStdString(path));
            QVERIFY2(failure->message.startsWith("not enough memory: reading this file needs "
                                                 "about 76.3 MB, and only "),
                     qPrintable(failure->message));
            QVERIFY2(failure->message.endsWith(" MB is available"), qPrintable(failure->message));
        }
        QCOMPARE(readCsv(path).table.rowCount(), size_t(1000000));
    }

    void arffLargerThanMemoryIsRefused() {
        QTemporaryDir dir;
        std::string text = "@relation r\n@attribute a numeric\n@data\n";
        text.append(size_t(10) << 20, '\n'); // 10 MB of blank lines
        const std::string path = write(dir, "big.arff", text);
        {
            DataLimit limit(8 << 20);
            if (!limit.ok()) QSKIP("cannot lower the data limit here");
            const auto failure = failureOf([&] { (void)readArff(path); });
            QVERIFY(failure.has_value());
            QCOMPARE(failure->where, QString::fromStdString(path));
            QVERIFY2(failure->message.startsWith("not enough memory: reading this file needs "
                                                 "about 20.0 MB, and only "),
                     qPrintable(failure->message));
        }
        QCOMPARE(readArff(path).table.rowCount(), size_t(0));
    }

    void availableMemoryIsPlausible() {
        const uint64_t available = availableMemory();
        QVERIFY(available > (uint64_t(16) << 20));
        {
            DataLimit limit(64 << 20);
            if (!limit.ok()) QSKIP("cannot lower the data limit here");
            QVERIFY(availableMemory() <= (uint64_t(64) << 20));
        }
        QVERIFY(availableMemory() > (uint64_t(64) << 20));
    }
};

QTEST_APPLESS_MAIN(TestReaderHardening)
#include "tst_readerhardening.moc"
