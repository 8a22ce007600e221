// The CSV writer: RFC 4180 quoting, numbers as formatNumber writes them, missing as empty,
// atomic replacement, and read(write(t)) == t.
#include "data/CsvReader.h"
#include "data/CsvWriter.h"
#include "util/Error.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <sstream>

using namespace oficina::core;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

/// A categorical column from cell labels ("" = missing), with its dictionary sorted byte-wise
/// as the reader sorts it.
Column categorical(std::string name, const std::vector<std::string>& cells) {
    std::vector<std::string> labels;
    for (const auto& cell : cells)
        if (!cell.empty()) labels.push_back(cell);
    std::sort(labels.begin(), labels.end());
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    std::vector<int32_t> codes;
    for (const auto& cell : cells)
        codes.push_back(
            cell.empty()
                ? Column::kMissingCode
                : int32_t(std::lower_bound(labels.begin(), labels.end(), cell) - labels.begin()));
    return Column::categorical(std::move(name), std::move(codes), std::move(labels));
}

Table sampleTable() {
    const std::vector<double> x{1.5,   kNaN, -0.0, 5e-324, 1e300, 0.1, 1.0 / 3,
                                -kInf, kInf, 100,  -2.5,   1e21,  7,   123456.789};
    std::vector<double> count;
    for (size_t i = 0; i < x.size(); ++i)
        count.push_back(double(i * i));
    const std::vector<std::string> city{"São Paulo",    "Rio de Janeiro, RJ",
                                        "quote \"q\"",  "multi\nline",
                                        "crlf\r\nline", " leading",
                                        "trailing ",    "",
                                        "semi;colon",   "tab\there",
                                        "pipe|x",       "\"",
                                        "São Paulo",    "plain"};
    return Table(
        {Column::numeric("x", x), Column::numeric("count", count), categorical("city", city)});
}

bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

void compareTables(const Table& expected, const Table& actual) {
    QCOMPARE(actual.columnNames(), expected.columnNames());
    QCOMPARE(actual.rowCount(), expected.rowCount());
    for (size_t c = 0; c < expected.columnCount(); ++c) {
        const Column& e = expected.column(c);
        const Column& a = actual.column(c);
        QCOMPARE(a.type(), e.type());
        if (e.isNumeric()) {
            for (size_t r = 0; r < e.size(); ++r)
                QVERIFY2(sameBits(a.values()[r], e.values()[r]) ||
                             (std::isnan(a.values()[r]) && std::isnan(e.values()[r])),
                         qPrintable(QString("%1 row %2").arg(e.name().c_str()).arg(r)));
        } else {
            QCOMPARE(a.categories(), e.categories());
            QCOMPARE(a.codes(), e.codes());
        }
    }
}

std::string written(const Table& table, char delimiter = ',') {
    std::ostringstream out;
    writeCsv(table, out, delimiter);
    return out.str();
}

} // namespace

class TestCsvWriter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void exactText() {
        const Table table({Column::numeric("value", {1.5, kNaN, -3}),
                           categorical("name, full", {"plain", "", "say \"hi\""}),
                           categorical("note", {"two\nlines", " padded", "ok"})});
        QCOMPARE(written(table), std::string("value,\"name, full\",note\n"
                                             "1.5,plain,\"two\nlines\"\n"
                                             ",,\" padded\"\n"
                                             "-3,\"say \"\"hi\"\"\",ok\n"));
        QCOMPARE(written(table, ';'), std::string("value;name, full;note\n"
                                                  "1.5;plain;\"two\nlines\"\n"
                                                  ";;\" padded\"\n"
                                                  "-3;\"say \"\"hi\"\"\";ok\n"));
    }

    void numbersAsFormatNumber_data() {
        QTest::addColumn<double>("value");
        for (const double v : {0.1, 1.0 / 3, 1e300, 5e-324, -2.5, 100.0, 1e21, kInf, -kInf, -0.0,
                               123456789012345680000.0, 2.2250738585072014e-308})
            QTest::addRow("%.17g", v) << v;
    }
    void numbersAsFormatNumber() {
        QFETCH(double, value);
        const Table table({Column::numeric("v", {value})});
        QCOMPARE(written(table), "v\n" + formatNumber(value) + "\n");
    }

    void roundTrip_data() {
        QTest::addColumn<char>("delimiter");
        QTest::addRow("comma") << ',';
        QTest::addRow("semicolon") << ';';
        QTest::addRow("tab") << '\t';
        QTest::addRow("pipe") << '|';
    }
    void roundTrip() {
        QFETCH(char, delimiter);
        QTemporaryDir dir;
        const std::string path = dir.filePath("table.csv").toStdString();
        const Table table = sampleTable();
        writeCsv(table, path, delimiter);
        const ReadResult back = readCsv(path); // everything sniffed
        QVERIFY(back.warnings.empty());
        compareTables(table, back.table);
    }

    void headerOnly() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("empty.csv").toStdString();
        const Table table({Column::numeric("a", {}), Column::numeric("b", {})});
        writeCsv(table, path);
        const ReadResult back = readCsv(path);
        compareTables(table, back.table);
    }

    void replacesAtomically() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("out.csv").toStdString();
        writeCsv(sampleTable(), path);
        const Table second({Column::numeric("y", {1, 2})});
        writeCsv(second, path);
        compareTables(second, readCsv(path).table);
        // No temporary file is left beside it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"out.csv"});
    }

    void unwritableFolder() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("missing/folder/out.csv").toStdString();
        try {
            writeCsv(sampleTable(), path);
            QFAIL("no error");
        } catch (const Error& error) {
            QCOMPARE(error.where(), path);
            QCOMPARE(error.message().english(),
                     std::string("cannot write the file: No such file or directory"));
        }
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
