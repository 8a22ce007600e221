// The CSV reader against the corpus in tests/data/csv (see make_corpus.py there): exact shapes,
// values and categories of the odd files, exact locations and messages of the broken ones;
// then cancellation, progress and thread-count independence on generated multi-MB files.
#include "data/CsvReader.h"
#include "util/Error.h"

#include <QTemporaryDir>
#include <QTest>

#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <stop_token>

using namespace oficina::core;

namespace {

QString csvPath(const QString& name) {
    return QStringLiteral(OFICINA_TEST_DATA "/csv/") + name;
}

/// "delimiter=; decimal=, header=yes encoding=latin1 missing=-999 threads=1"
CsvOptions parseOptions(const QString& spec) {
    CsvOptions options;
    for (const QString& item : spec.split(' ', Qt::SkipEmptyParts)) {
        const QString key = item.section('=', 0, 0);
        const QString value = item.section('=', 1);
        if (key == "delimiter") options.delimiter = value == "tab" ? '\t' : value.at(0).toLatin1();
        if (key == "decimal") options.decimal = value.at(0).toLatin1();
        if (key == "header") options.header = value == "yes" ? HeaderMode::Yes : HeaderMode::No;
        if (key == "encoding" && value == "latin1") options.encoding = TextEncoding::Latin1;
        if (key == "missing") options.missingTokens = {value.toStdString()};
        if (key == "threads") options.threads = value.toInt();
    }
    return options;
}

ReadResult read(const QString& file, const QString& spec = {}) {
    return readCsv(csvPath(file).toStdString(), parseOptions(spec));
}

QString names(const Table& table) {
    QStringList out;
    for (const auto& name : table.columnNames())
        out << QString::fromStdString(name);
    return out.join('|');
}

QString types(const Table& table) {
    QString out;
    for (const auto& column : table.columns())
        out += column.isNumeric() ? 'n' : 'c';
    return out;
}

QString missingCounts(const Table& table) {
    QStringList out;
    for (const auto& column : table.columns())
        out << QString::number(column.missingCount());
    return out.join(',');
}

/// Every cell as text ("" when missing), joined by '|'.
QString cells(const Column& column) {
    QStringList out;
    for (size_t row = 0; row < column.size(); ++row)
        out << QString::fromStdString(column.cellText(row));
    return out.join('|');
}

QStringList categories(const Column& column) {
    QStringList out;
    for (const auto& label : column.categories())
        out << QString::fromStdString(label);
    return out;
}

QString codes(const Column& column) {
    QStringList out;
    for (const int32_t code : column.codes())
        out << QString::number(code);
    return out.join(',');
}

QString english(const std::vector<Message>& messages) {
    QStringList out;
    for (const auto& message : messages)
        out << QString::fromStdString(message.english());
    return out.join('\n');
}

bool sameNumbers(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

/// Tables equal cell for cell, bit for bit, and in their metadata.
void compareTables(const Table& a, const Table& b) {
    QCOMPARE(names(a), names(b));
    QCOMPARE(types(a), types(b));
    QCOMPARE(a.rowCount(), b.rowCount());
    for (size_t c = 0; c < a.columnCount(); ++c) {
        if (a.column(c).isNumeric()) {
            QVERIFY2(sameNumbers(a.column(c).values(), b.column(c).values()),
                     a.column(c).name().c_str());
        } else {
            QCOMPARE(a.column(c).categories(), b.column(c).categories());
            QVERIFY2(a.column(c).codes() == b.column(c).codes(), a.column(c).name().c_str());
        }
    }
}

/// A CSV of about `rows` × 55 bytes with quotes, doubled quotes, a quoted line break every
/// 1000 rows, CRLF on even rows, categories, missing tokens and a numeric column that a text
/// token breaks at row `breakAt` (0 = never). Row r (1-based) is on line 1 + r + (r - 1) / 1000.
std::string generatedRow(size_t r, size_t breakAt) {
    std::string row = std::to_string(r) + ",";
    row += r % 97 == 0 ? "NA" : r % 89 == 0 ? "" : std::to_string(double(r) * 0.25);
    row += ",\"label \"\"" + std::to_string(r % 5) + "\"\", ok" + (r % 1000 == 0 ? "\nmore" : "") +
           "\",";
    static const char* groups[] = {"alpha", "beta", "gamma", "δέλτα"};
    row += r % 50 == 0 ? "?" : groups[r % 4];
    row += "," + (r == breakAt ? std::string("oops") : std::to_string(r % 10));
    return row;
}

QString writeGenerated(const QTemporaryDir& dir, const QString& name, size_t rows,
                       size_t breakAt = 0, const std::function<std::string(size_t)>& replace = {}) {
    const QString path = dir.filePath(name);
    std::ofstream out(path.toStdString(), std::ios::binary);
    out << "id,x,label,group,late\n";
    for (size_t r = 1; r <= rows; ++r) {
        std::string row = replace ? replace(r) : std::string();
        if (row.empty()) row = generatedRow(r, breakAt);
        out << row << (r % 2 == 0 ? "\r\n" : "\n");
    }
    return path;
}

constexpr size_t kGeneratedRows = 240000; // ~13 MB: three 4 MiB ranges

} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shape_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("options");
        QTest::addColumn<int>("rows");
        QTest::addColumn<QString>("names");
        QTest::addColumn<QString>("types");
        QTest::addColumn<QString>("missing");
        auto row = [](const char* file, const char* options, int rows, const char* names,
                      const char* types, const char* missing) {
            QTest::addRow("%s %s", file, options)
                << file << options << rows << names << types << missing;
        };
        row("quoted_newlines.csv", "", 3, "id|comment|score", "ncn", "0,0,0");
        row("embedded_delimiters.csv", "", 2, "name|address|value", "ccn", "0,0,0");
        row("doubled_quotes.csv", "", 3, "quote|n", "cn", "1,0");
        row("quoted_numbers.csv", "", 2, "a|b", "nc", "0,0");
        row("bom.csv", "", 2, "a|b", "nn", "0,0");
        row("crlf.csv", "", 2, "x|y", "nc", "0,0");
        row("lone_cr.csv", "", 3, "x|y", "nc", "0,0");
        row("mixed_line_ends.csv", "", 3, "a|b", "nn", "0,0");
        row("no_trailing_newline.csv", "", 2, "a|b", "nn", "0,0");
        row("blank_lines.csv", "", 2, "a|b", "nn", "0,0");
        row("latin1.csv", "encoding=latin1", 2, "cidade|população", "cn", "0,0");
        row("invalid_utf8.csv", "encoding=latin1", 2, "city|n", "cn", "0,0");
        row("categories_sorted.csv", "", 6, "label", "c", "0");
        row("semicolon_decimal_comma.csv", "", 3, "produto|preco|quantidade", "cnn", "0,0,0");
        row("semicolon_decimal_comma.csv", "decimal=.", 3, "produto|preco|quantidade", "ccn",
            "0,0,0");
        row("decimal_comma_bad_group.csv", "", 2, "a|b|c", "ccn", "0,0,0");
        row("tab.tsv", "", 2, "a|b|c", "nnc", "0,0,0");
        row("tab.tsv", "delimiter=,", 2, "a\tb\tc", "c", "0");
        row("pipe.csv", "", 2, "a|b", "nn", "0,0");
        row("whitespace_numbers.csv", "", 3, "a|b", "nc", "0,0");
        row("number_formats.csv", "", 7, "x", "n", "0");
        row("single_column.csv", "", 3, "value", "n", "0");
        row("no_header.csv", "", 2, "column_1|column_2|column_3", "nnn", "0,0,0");
        row("no_header.csv", "header=yes", 1, "1|2|3", "nnn", "0,0,0");
        row("all_text_header.csv", "", 3, "color|size", "cc", "0,0");
        row("all_text_header.csv", "header=no", 4, "column_1|column_2", "cc", "0,0");
        row("all_text_no_header.csv", "", 3, "column_1|column_2", "cc", "0,0");
        row("duplicate_names.csv", "", 1, "id|value|value_2|value_3", "nnnn", "0,0,0,0");
        row("empty_names.csv", "", 2, "column_1|b|column_3", "nnn", "0,0,0");
        row("header_only.csv", "", 0, "a|b|c", "nnn", "0,0,0");
        row("trailing_delimiter.csv", "", 2, "a|b", "nn", "0,0");
        row("missing_tokens.csv", "", 10, "v|w", "nc", "9,4");
        row("missing_custom.csv", "missing=-999", 2, "a|b", "nc", "1,1");
        row("missing_custom.csv", "", 2, "a|b", "nc", "0,0");
        row("late_break.csv", "", 1200, "id|reading", "nc", "0,0");
        row("late_break.csv", "threads=1", 1200, "id|reading", "nc", "0,0");
    }
    void shape() {
        QFETCH(QString, file);
        QFETCH(QString, options);
        QFETCH(int, rows);
        QFETCH(QString, names);
        QFETCH(QString, types);
        QFETCH(QString, missing);
        const ReadResult result = read(file, options);
        const Table& table = result.table;
        QCOMPARE(int(table.rowCount()), rows);
        QCOMPARE(::names(table), names);
        QCOMPARE(::types(table), types);
        QCOMPARE(missingCounts(table), missing);
        for (const auto& column : table.columns())
            QCOMPARE(column.role(), ColumnRole::Feature);
        QCOMPARE(table.lineage().source.size(), table.columnCount()); // the chain starts here
        QVERIFY(table.lineage().steps.empty());
    }

    void values_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("options");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("cells");
        auto row = [](const char* file, const char* options, const char* column,
                      const char* cells) {
            QTest::addRow("%s %s %s", file, options, column) << file << options << column << cells;
        };
        row("quoted_newlines.csv", "", "id", "1|2|3");
        row("quoted_newlines.csv", "", "score", "3.5|4|5");
        row("doubled_quotes.csv", "", "quote", "He said \"hi\"|\"quoted\"|");
        row("embedded_delimiters.csv", "", "name", "Smith, John|Doe, Jane");
        row("embedded_delimiters.csv", "", "address", "12 Main St, Apt 3|5 Oak Ave");
        row("quoted_numbers.csv", "", "a", "1.5|2");
        row("bom.csv", "", "a", "1|3");
        row("crlf.csv", "", "y", "a|b");
        row("lone_cr.csv", "", "x", "1|2|3");
        row("lone_cr.csv", "", "y", "a|b|c");
        row("mixed_line_ends.csv", "", "a", "1|3|5");
        row("mixed_line_ends.csv", "", "b", "2|4|6");
        row("blank_lines.csv", "", "b", "2|4");
        row("semicolon_decimal_comma.csv", "", "produto", "Café|Açúcar|Feijão");
        row("semicolon_decimal_comma.csv", "", "preco", "1234.56|12.5|-0.75");
        row("semicolon_decimal_comma.csv", "", "quantidade", "10|1000|2");
        row("semicolon_decimal_comma.csv", "decimal=.", "preco", "1.234,56|12,5|-0,75");
        row("semicolon_decimal_comma.csv", "decimal=.", "quantidade", "10|1|2");
        row("decimal_comma_bad_group.csv", "", "a", "1.234,5|1.23");
        row("decimal_comma_bad_group.csv", "", "c", "0.5|1.5");
        row("tab.tsv", "", "c", "x|y");
        row("pipe.csv", "", "b", "2|4");
        row("whitespace_numbers.csv", "", "a", "1.5|2|-3");
        row("number_formats.csv", "", "x", "1.5|1000|-0.025|inf|-inf|0.5|5");
        row("latin1.csv", "encoding=latin1", "cidade", "São Paulo|Brasília");
        row("latin1.csv", "encoding=latin1", "população", "12.3|4.8");
        row("invalid_utf8.csv", "encoding=latin1", "city", "Rio|São Paulo");
        row("missing_tokens.csv", "", "v", "||||||||1.5|");
        row("missing_tokens.csv", "", "w", "a|b|c|||||d|e|f");
        row("missing_custom.csv", "missing=-999", "a", "1|");
        row("missing_custom.csv", "missing=-999", "b", "|x");
        row("missing_custom.csv", "", "a", "1|-999");
        row("no_header.csv", "", "column_3", "3|6");
        row("no_header.csv", "header=yes", "1", "4");
        row("all_text_no_header.csv", "", "column_1", "yes|no|yes");
        row("duplicate_names.csv", "", "value_3", "4");
        row("empty_names.csv", "", "column_1", "1|4");
        row("trailing_delimiter.csv", "", "b", "2|4");
        row("single_column.csv", "", "value", "1|2|3");
        row("categories_sorted.csv", "", "label", "banana|Água|apple|Banana|zebra|água");
    }
    void values() {
        QFETCH(QString, file);
        QFETCH(QString, options);
        QFETCH(QString, column);
        QFETCH(QString, cells);
        const ReadResult result = read(file, options);
        QCOMPARE(::cells(result.table.column(column.toStdString())), cells);
    }

    void categorical_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("options");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<QString>("codes");
        // Sorted byte-wise, as numpy.unique sorts UTF-8.
        const QStringList sorted{"Banana", "apple", "banana", "zebra", "Água", "água"};
        QTest::addRow("sorted") << "categories_sorted.csv"
                                << ""
                                << "label" << sorted << "2,4,1,0,3,5";
        QTest::addRow("quoted line breaks")
            << "quoted_newlines.csv"
            << ""
            << "comment" << QStringList{"crlf\r\ninside", "first line\nsecond line", "plain"}
            << "1,0,2";
        QTest::addRow("doubled quotes")
            << "doubled_quotes.csv"
            << ""
            << "quote" << QStringList{"\"quoted\"", "He said \"hi\""} << "1,0,-1";
        QTest::addRow("missing tokens")
            << "missing_tokens.csv"
            << ""
            << "w" << QStringList{"a", "b", "c", "d", "e", "f"} << "0,1,2,-1,-1,-1,-1,3,4,5";
        QTest::addRow("latin1") << "latin1.csv"
                                << "encoding=latin1"
                                << "cidade" << QStringList{"Brasília", "São Paulo"} << "1,0";
        QTest::addRow("bad thousands group") << "decimal_comma_bad_group.csv"
                                             << ""
                                             << "a" << QStringList{"1.23", "1.234,5"} << "1,0";
        QTest::addRow("all text") << "all_text_header.csv"
                                  << ""
                                  << "color" << QStringList{"blue", "red"} << "1,0,1";
        QTest::addRow("crlf") << "crlf.csv"
                              << ""
                              << "y" << QStringList{"a", "b"} << "0,1";
    }
    void categorical() {
        QFETCH(QString, file);
        QFETCH(QString, options);
        QFETCH(QString, column);
        QFETCH(QStringList, labels);
        QFETCH(QString, codes);
        const ReadResult result = read(file, options);
        const Column& c = result.table.column(column.toStdString());
        QVERIFY(!c.isNumeric());
        QCOMPARE(categories(c), labels);
        QCOMPARE(::codes(c), codes);
    }

    void lateBreak() {
        for (const char* threads : {"threads=1", "threads=2"}) {
            const ReadResult result = read("late_break.csv", threads);
            const Column& reading = result.table.column("reading");
            QCOMPARE(categories(reading), (QStringList{"0", "1", "2", "3", "4", "5", "6", "n/d"}));
            QCOMPARE(reading.cellText(0), std::string("1"));
            QCOMPARE(reading.cellText(1099), std::string("n/d"));
            QCOMPARE(reading.cellText(1199), std::string("3"));
            QCOMPARE(result.table.column("id").values().back(), 1200.0);
        }
    }

    void warnings_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::addRow("none") << "quoted_newlines.csv"
                              << "";
        QTest::addRow("duplicates")
            << "duplicate_names.csv"
            << "the column name 'value' appears more than once; column 3 was renamed 'value_2'\n"
               "the column name 'value' appears more than once; column 4 was renamed 'value_3'";
        QTest::addRow("empty names") << "empty_names.csv"
                                     << "column 1 has no name; it was named 'column_1'\n"
                                        "column 3 has no name; it was named 'column_3'";
        QTest::addRow("trailing delimiter")
            << "trailing_delimiter.csv"
            << "the lines end with a delimiter; the empty last column was dropped";
        QTest::addRow("late break")
            << "late_break.csv"
            << "column 'reading' was read as text: line 1101 has 'n/d', which is not a number";
        QTest::addRow("no header, no warning") << "no_header.csv"
                                               << "";
    }
    void warnings() {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QCOMPARE(english(read(file).warnings), expected);
    }

    void errors_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("options");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("message");
        auto row = [](const char* file, const char* options, const char* location,
                      const char* message) {
            QTest::addRow("%s %s", file, options) << file << options << location << message;
        };
        row("ragged_short.csv", "", "3:4", "expected 3 fields (as in the header), found 2");
        row("ragged_long.csv", "", "4:6", "expected 3 fields (as in the header), found 4");
        row("ragged_no_header.csv", "", "2:4", "expected 2 fields (as in the first line), found 3");
        row("ragged_after_quoted_newline.csv", "", "4:2",
            "expected 2 fields (as in the header), found 1");
        row("ragged_mixed_line_ends.csv", "", "4:2",
            "expected 2 fields (as in the header), found 1");
        row("ragged_blank_lines.csv", "", "5:2", "expected 2 fields (as in the header), found 1");
        row("ragged_long.csv", "threads=1", "4:6", "expected 3 fields (as in the header), found 4");
        row("unterminated_quote.csv", "", "2:3",
            "this quote is never closed: the file ends inside a quoted field");
        row("garbage_after_quote.csv", "", "2:6",
            "unexpected 'y' after a closing quote; a quote inside a quoted field must be "
            "doubled (\"\")");
        row("empty.csv", "", "1:1", "the file is empty");
        row("blank_lines_only.csv", "", "1:1", "the file is empty");
        row("invalid_utf8.csv", "", "3:2",
            "invalid UTF-8 (byte 0xE3); if the file is in Latin-1 (ISO-8859-1), choose that "
            "encoding");
        row("latin1.csv", "", "1:14",
            "invalid UTF-8 (byte 0xE7); if the file is in Latin-1 (ISO-8859-1), choose that "
            "encoding");
        row("does_not_exist.csv", "", "1:1", "cannot open the file (No such file or directory)");
        row("", "", "1:1", "cannot read the file (Is a directory)");
    }
    void errors() {
        QFETCH(QString, file);
        QFETCH(QString, options);
        QFETCH(QString, location);
        QFETCH(QString, message);
        try {
            read(file, options);
            QFAIL("no error");
        } catch (const Error& error) {
            QCOMPARE(QString::fromStdString(error.where()), csvPath(file) + ":" + location);
            QCOMPARE(QString::fromStdString(error.message().english()), message);
        }
    }

    void cancelledBeforeStart() {
        QTemporaryDir dir;
        const QString path = writeGenerated(dir, "big.csv", kGeneratedRows);
        std::stop_source source;
        source.request_stop();
        CsvOptions options;
        options.stop = source.get_token();
        QVERIFY_THROWS_EXCEPTION(Cancelled, readCsv(path.toStdString(), options));
    }

    void cancelledWhileReading() {
        QTemporaryDir dir;
        const QString path = writeGenerated(dir, "big.csv", kGeneratedRows);
        std::stop_source source;
        CsvOptions options;
        options.stop = source.get_token();
        // Stopped at the first progress report, part way: the read ends there with Cancelled
        // rather than finishing the file (counted, not timed: a loaded machine cannot fail it).
        double stoppedAt = -1;
        options.progress = [&](double fraction) {
            if (!source.stop_requested()) {
                stoppedAt = fraction;
                source.request_stop();
            }
        };
        QVERIFY_THROWS_EXCEPTION(Cancelled, readCsv(path.toStdString(), options));
        QVERIFY(source.stop_requested());
        QVERIFY2(stoppedAt < 1, qPrintable(QString::number(stoppedAt)));
    }

    void progressReachesOne() {
        QTemporaryDir dir;
        const QString path = writeGenerated(dir, "big.csv", kGeneratedRows, kGeneratedRows - 5);
        std::vector<double> seen;
        CsvOptions options;
        options.progress = [&](double fraction) { seen.push_back(fraction); };
        readCsv(path.toStdString(), options);
        QVERIFY(!seen.empty());
        QCOMPARE(seen.back(), 1.0);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QVERIFY(seen.front() >= 0.0);
    }

    void threadCountDoesNotMatter() {
        QTemporaryDir dir;
        // Broken in the last range, so the re-read runs on several threads too.
        const QString path = writeGenerated(dir, "big.csv", kGeneratedRows, 230000);
        CsvOptions options;
        options.threads = 1;
        const ReadResult one = readCsv(path.toStdString(), options);
        const Table& table = one.table;
        QCOMPARE(table.rowCount(), kGeneratedRows);
        QCOMPARE(types(table), QString("nnccc"));
        QCOMPARE(table.column("x").missingCount(),
                 size_t(kGeneratedRows / 97 + kGeneratedRows / 89 - kGeneratedRows / (97 * 89)));
        QCOMPARE(table.column("x").values()[3], 1.0);
        QCOMPARE(table.column("label").cellText(999), std::string("label \"0\", ok\nmore"));
        QCOMPARE(categories(table.column("group")),
                 (QStringList{"alpha", "beta", "gamma", "δέλτα"}));
        QCOMPARE(table.column("group").missingCount(), size_t(kGeneratedRows / 50));
        QCOMPARE(table.column("late").cellText(229999), std::string("oops"));
        // Row 230000 starts on line 1 + 230000 + 229; its label's line break puts 'oops' on
        // the next one.
        QCOMPARE(english(one.warnings),
                 QString("column 'late' was read as text: line %1 has 'oops', which is not a "
                         "number")
                     .arg(1 + 230000 + 229 + 1));
        for (const int threads : {2, 3, 8}) {
            options.threads = threads;
            const ReadResult other = readCsv(path.toStdString(), options);
            compareTables(table, other.table);
            QCOMPARE(english(other.warnings), english(one.warnings));
        }
    }

    // Errors found by a later thread carry the same line and column as with one thread.
    void lateErrorsOnEveryThreadCount_data() {
        QTest::addColumn<QString>("kind");
        QTest::newRow("ragged") << "ragged";
        QTest::newRow("utf8") << "utf8";
        QTest::newRow("quote") << "quote";
    }
    void lateErrorsOnEveryThreadCount() {
        QFETCH(QString, kind);
        constexpr size_t kRow = 200001; // its label has no line break
        const std::string id = std::to_string(kRow);
        std::string bad, prefix;
        if (kind == "ragged") {
            prefix = generatedRow(kRow, 0);
            bad = prefix + ",extra";
        } else if (kind == "utf8") {
            prefix = id + ",1,x,bad";
            bad = prefix + "\xFFgroup,1";
        } else {
            prefix = id + ",1,\"x\"";
            bad = prefix + "y,a,1";
        }
        QTemporaryDir dir;
        const QString path = writeGenerated(dir, "broken.csv", kGeneratedRows, 0,
                                            [&](size_t r) { return r == kRow ? bad : ""; });
        const QString expected =
            QString("%1:%2:%3").arg(path).arg(1 + kRow + (kRow - 1) / 1000).arg(prefix.size() + 1);
        for (const int threads : {1, 2, 3}) {
            CsvOptions options;
            options.threads = threads;
            try {
                readCsv(path.toStdString(), options);
                QFAIL("no error");
            } catch (const Error& error) {
                QCOMPARE(QString::fromStdString(error.where()), expected);
            }
        }
    }

    // The parser's fast path and fast_float agree with std::from_chars on every token.
    void numbersMatchFromChars() {
        QTemporaryDir dir;
        const QString path = dir.filePath("numbers.csv");
        std::vector<std::string> tokens;
        uint64_t state = 12345;
        auto next = [&state] {
            return state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        };
        for (int i = 0; i < 200000; ++i) {
            const uint64_t r = next();
            const int digits = 1 + int(r % 20);
            std::string token = (r >> 8) % 3 == 0 ? "-" : "";
            for (int d = 0; d < digits; ++d)
                token += char('0' + (next() >> 33) % 10);
            const int point = int((r >> 16) % uint64_t(digits + 2)) - 1; // -1 = no point
            if (point >= 0) token.insert(token.size() - size_t(point), ".");
            if ((r >> 24) % 17 == 0) token += "e" + std::to_string(int((r >> 32) % 40) - 20);
            tokens.push_back(token);
        }
        {
            std::ofstream out(path.toStdString());
            out << "value\n";
            for (const auto& token : tokens)
                out << token << "\n";
        }
        const ReadResult result = readCsv(path.toStdString());
        const Column& column = result.table.column("value");
        QVERIFY(column.isNumeric());
        for (size_t i = 0; i < tokens.size(); ++i) {
            double expected = 0;
            const char* begin = tokens[i].data();
            std::from_chars(begin, begin + tokens[i].size(), expected);
            QVERIFY2(sameNumbers({expected}, {column.values()[i]}), tokens[i].c_str());
        }
    }

    void defaultMissingTokensAreDocumented() {
        QCOMPARE(defaultMissingTokens(),
                 (std::vector<std::string>{"NA", "N/A", "NaN", "nan", "null", "NULL", "?"}));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
