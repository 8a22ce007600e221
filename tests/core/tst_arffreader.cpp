// The ARFF reader against the corpus in tests/data/arff: exact values of good files, exact
// locations and messages of broken ones.
#include "data/ArffReader.h"
#include "util/Error.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <stop_token>

using namespace oficina::core;

namespace {

QString arffPath(const QString& name) {
    return QStringLiteral(OFICINA_TEST_DATA "/arff/") + name;
}

/// Every cell as text; "NA" for a missing one, so that a missing value and the string "?"
/// differ.
QStringList cells(const Column& column) {
    QStringList out;
    for (size_t row = 0; row < column.size(); ++row)
        out << (column.isMissing(row) ? QStringLiteral("NA")
                                      : QString::fromStdString(column.cellText(row)));
    return out;
}

QStringList categories(const Column& column) {
    QStringList out;
    if (!column.isNumeric())
        for (const auto& label : column.categories())
            out << QString::fromStdString(label);
    return out;
}

QStringList english(const std::vector<Message>& messages) {
    QStringList out;
    for (const auto& m : messages)
        out << QString::fromStdString(m.english());
    return out;
}

} // namespace

class TestArffReader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void weatherNominal() {
        const ArffResult r = readArff(arffPath("weather.nominal.arff").toStdString());
        QCOMPARE(r.relation, std::string("weather.symbolic"));
        QCOMPARE(r.table.rowCount(), size_t(14));
        QCOMPARE(r.table.columnNames(),
                 (std::vector<std::string>{"outlook", "temperature", "humidity", "windy", "play"}));
        QVERIFY(r.warnings.empty());
        for (const Column& c : r.table.columns()) {
            QCOMPARE(c.type(), ColumnType::Categorical);
            QCOMPARE(c.role(), ColumnRole::Feature);
            QCOMPARE(c.missingCount(), size_t(0));
        }
        // Declared {sunny, overcast, rainy}; the dictionary is sorted, and codes follow it.
        const Column& outlook = r.table.column("outlook");
        QCOMPARE(categories(outlook), (QStringList{"overcast", "rainy", "sunny"}));
        QCOMPARE(outlook.codes(), (std::vector<int32_t>{2, 2, 0, 1, 1, 1, 0, 2, 2, 1, 2, 0, 0, 1}));
        QCOMPARE(categories(r.table.column("windy")), (QStringList{"FALSE", "TRUE"}));
        QCOMPARE(r.table.column("play").codes(),
                 (std::vector<int32_t>{0, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0}));
        // The lineage starts here, from this schema.
        QCOMPARE(r.table.lineage().source.size(), size_t(5));
        QCOMPARE(r.table.lineage().source[0].categories,
                 (std::vector<std::string>{"overcast", "rainy", "sunny"}));
        QVERIFY(r.table.lineage().steps.empty());
    }

    void irisEqualsTheCsv() {
        const ArffResult r = readArff(arffPath("iris.arff").toStdString());
        QCOMPARE(r.relation, std::string("iris"));
        QFile csv(QStringLiteral(OFICINA_TEST_DATA "/../../resources/datasets/iris.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList header = QString::fromUtf8(csv.readLine()).trimmed().split(',');
        QCOMPARE(r.table.columnCount(), size_t(header.size()));
        for (int c = 0; c < header.size(); ++c)
            QCOMPARE(QString::fromStdString(r.table.column(size_t(c)).name()), header[c]);
        const Column& species = r.table.column("species");
        QCOMPARE(categories(species), (QStringList{"setosa", "versicolor", "virginica"}));
        size_t row = 0;
        while (!csv.atEnd()) {
            const QStringList fields = QString::fromUtf8(csv.readLine()).trimmed().split(',');
            for (int c = 0; c + 1 < fields.size(); ++c)
                QCOMPARE(r.table.column(size_t(c)).values()[row], fields[c].toDouble());
            QCOMPARE(QString::fromStdString(species.cellText(row)), fields.last());
            ++row;
        }
        QCOMPARE(r.table.rowCount(), row);
        QCOMPARE(row, size_t(150));
    }

    void values_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QStringList>("expectedCells");
        QTest::addColumn<QStringList>("expectedCategories");

        QTest::newRow("integer") << "mixed.arff"
                                 << "id" << QStringList{"1", "2", "3", "4", "5"} << QStringList{};
        QTest::newRow("real, quoted name")
            << "mixed.arff"
            << "sepal width" << QStringList{"3.5", "NA", "4", "0", "7.25"} << QStringList{};
        QTest::newRow("string, escapes, literal '?'")
            << "mixed.arff"
            << "city name" << QStringList{"São Paulo", "Recife", "it's here", "NA", "?"}
            << QStringList{"?", "Recife", "São Paulo", "it's here"};
        QTest::newRow("nominal, quoted values")
            << "mixed.arff"
            << "colour" << QStringList{"red", "light blue", "dark green", "NA", "Amber"}
            << QStringList{"Amber", "dark green", "light blue", "red"};
        QTest::newRow("date as text")
            << "mixed.arff"
            << "when" << QStringList{"2023-01-15", "NA", "2024-02-29", "2023-01-15", "2022-12-31"}
            << QStringList{"2022-12-31", "2023-01-15", "2024-02-29"};
        QTest::newRow("numeric forms")
            << "mixed.arff"
            << "score" << QStringList{"1000", "-2.5", "0.5", "NA", "-0"} << QStringList{};
        QTest::newRow("sparse numeric a")
            << "sparse.arff"
            << "a" << QStringList{"1", "0", "0", "NA", "0", "1"} << QStringList{};
        QTest::newRow("sparse numeric b")
            << "sparse.arff"
            << "b" << QStringList{"0", "7", "0", "0", "0", "2"} << QStringList{};
        QTest::newRow("sparse nominal")
            << "sparse.arff"
            << "c" << QStringList{"x", "z", "x", "NA", "x", "y"} << QStringList{"x", "y", "z"};
        QTest::newRow("sparse numeric d")
            << "sparse.arff"
            << "d" << QStringList{"2.5", "0", "0", "0", "-1", "4"} << QStringList{};
        QTest::newRow("sparse string")
            << "sparse.arff"
            << "e" << QStringList{"NA", "hello world", "NA", "NA", "NA", "dense"}
            << QStringList{"dense", "hello world"};
        QTest::newRow("BOM, CRLF, tabs: numeric")
            << "crlf_bom.arff"
            << "x" << QStringList{"1.5", "2"} << QStringList{};
        QTest::newRow("BOM, CRLF, tabs: nominal")
            << "crlf_bom.arff"
            << "y" << QStringList{"yes", "no"} << QStringList{"no", "yes"};
    }
    void values() {
        QFETCH(QString, file);
        QFETCH(QString, column);
        QFETCH(QStringList, expectedCells);
        QFETCH(QStringList, expectedCategories);
        const ArffResult r = readArff(arffPath(file).toStdString());
        const Column& c = r.table.column(column.toStdString());
        QCOMPARE(c.isNumeric(), expectedCategories.isEmpty());
        QCOMPARE(c.role(), ColumnRole::Feature);
        QCOMPARE(cells(c), expectedCells);
        QCOMPARE(categories(c), expectedCategories);
    }

    void relationAndWarnings_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("relation");
        QTest::addColumn<QStringList>("warnings");
        QTest::newRow("mixed") << "mixed.arff"
                               << "mixed types"
                               << QStringList{"attribute 'when' is a date; it is read as text "
                                              "(a categorical column)"};
        QTest::newRow("sparse") << "sparse.arff"
                                << "sparse"
                                << QStringList{"instance weights ({…} after a row) are ignored"};
        QTest::newRow("crlf") << "crlf_bom.arff"
                              << "test" << QStringList{};
        QTest::newRow("iris") << "iris.arff"
                              << "iris" << QStringList{};
    }
    void relationAndWarnings() {
        QFETCH(QString, file);
        QFETCH(QString, relation);
        QFETCH(QStringList, warnings);
        const ArffResult r = readArff(arffPath(file).toStdString());
        QCOMPARE(QString::fromStdString(r.relation), relation);
        QCOMPARE(english(r.warnings), warnings);
    }

    void brokenFiles_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown type")
            << "unknown_type.arff"
            << "3:14"
            << "unknown attribute type 'float'; expected numeric, real, integer, string, date "
               "or a {list} of values";
        QTest::newRow("value not in the nominal set")
            << "bad_nominal.arff"
            << "7:1"
            << "'snowy' is not one of the values declared for attribute 'outlook': sunny, "
               "overcast, rainy";
        QTest::newRow("too many values") << "too_many_values.arff"
                                         << "6:5"
                                         << "expected 2 values, found 3";
        QTest::newRow("too few values") << "too_few_values.arff"
                                        << "7:5"
                                        << "expected 3 values, found 2";
        QTest::newRow("non-numeric value") << "non_numeric.arff"
                                           << "6:4"
                                           << "'1.2.3' is not a number, and attribute 'b' is "
                                              "numeric";
        QTest::newRow("missing @data")
            << "missing_data.arff"
            << "3:21"
            << "the file ends without a @data line: an ARFF file declares its attributes, then "
               "@data, then the rows";
        QTest::newRow("rows without @data") << "rows_without_data.arff"
                                            << "5:1"
                                            << "expected @attribute or @data, found '1'";
        QTest::newRow("duplicate attribute") << "duplicate_attribute.arff"
                                             << "4:12"
                                             << "the attribute name 'x' is used twice";
        QTest::newRow("unterminated quote")
            << "unterminated_quote.arff"
            << "6:1"
            << "this quote is not closed before the end of the line";
        QTest::newRow("empty file") << "empty.arff"
                                    << "1:1"
                                    << "the file is empty";
        QTest::newRow("only comments") << "comments_only.arff"
                                       << "1:1"
                                       << "the file is empty";
        QTest::newRow("sparse indices out of order")
            << "sparse_order.arff"
            << "6:7"
            << "attribute index 0 is not greater than the one before; a sparse row lists "
               "indices in increasing order";
        QTest::newRow("not ARFF") << "no_relation.arff"
                                  << "1:1"
                                  << "expected @relation at the start of an ARFF file, found "
                                     "'sepal'";
    }
    void brokenFiles() {
        QFETCH(QString, file);
        QFETCH(QString, location);
        QFETCH(QString, message);
        const std::string path = arffPath(file).toStdString();
        try {
            (void)readArff(path);
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(QString::fromStdString(e.where()),
                     QString::fromStdString(path) + ':' + location);
            QCOMPARE(QString::fromStdString(e.message().english()), message);
        }
    }

    void inlineErrors_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("message");
        const QByteArray head = "@relation r\n@attribute a numeric\n@attribute b {x,y}\n@data\n";
        QTest::newRow("unclosed list") << QByteArray("@relation r\n@attribute b {x, y\n") << "2:14"
                                       << "this list of values is not closed with '}' on its "
                                          "line";
        QTest::newRow("value listed twice")
            << QByteArray("@relation r\n@attribute b {x, 'y', y}\n") << "2:23"
            << "the value 'y' is listed twice for attribute 'b'";
        QTest::newRow("no type") << QByteArray("@relation r\n@attribute b   % no type\n") << "2:16"
                                 << "expected the type of attribute 'b': numeric, real, "
                                    "integer, string, date or a {list} of values";
        QTest::newRow("relational")
            << QByteArray("@relation r\n@attribute bag relational\n") << "2:16"
            << "relational attributes (multi-instance data) are not "
               "supported";
        QTest::newRow("text after type")
            << QByteArray("@relation r\n@attribute a real 3\n") << "2:19"
            << "unexpected '3' after the attribute's type";
        QTest::newRow("relation name with spaces")
            << QByteArray("@relation my data\n") << "1:14"
            << "unexpected 'data' after the relation's name; quote a name that contains spaces";
        QTest::newRow("no relation name") << QByteArray("@RELATION   \n") << "1:13"
                                          << "expected the relation's name after @relation";
        QTest::newRow("@data first") << QByteArray("@relation r\n@data\n") << "2:1"
                                     << "@data comes before any @attribute";
        QTest::newRow("unknown keyword")
            << QByteArray("@relation r\n@atribute a numeric\n") << "2:1"
            << "expected @attribute or @data, found '@atribute'";
        QTest::newRow("empty value") << head + "1,x\n2,,y\n"
                                     << "6:3"
                                     << "expected a value; write ? for a missing one";
        QTest::newRow("trailing comma") << head + "1,x,\n"
                                        << "5:5"
                                        << "expected a value; write ? for a missing one";
        QTest::newRow("text after quote") << head + "1,'x'y\n"
                                          << "5:6"
                                          << "expected ',' after a value";
        QTest::newRow("quoted number is a number, bad one still fails")
            << head + "'1',x\n'1x',y\n"
            << "6:1"
            << "'1x' is not a number, and attribute 'a' "
               "is numeric";
        QTest::newRow("nominal is case-sensitive") << head + "1,X\n"
                                                   << "5:3"
                                                   << "'X' is not one of the values declared for "
                                                      "attribute 'b': x, y";
        QTest::newRow("sparse index out of range") << head + "{0 1, 2 x}\n"
                                                   << "5:7"
                                                   << "attribute index 2 is out of range: the "
                                                      "indices go from 0 to 1";
        QTest::newRow("sparse not closed") << head + "{0 1, 1 x\n"
                                           << "5:1"
                                           << "this sparse row is not closed with '}' on its "
                                              "line";
        QTest::newRow("sparse no index") << head + "{a 1}\n"
                                         << "5:2"
                                         << "expected an attribute index (0 to 1) in a sparse "
                                            "row";
        QTest::newRow("sparse no value") << head + "{0}\n"
                                         << "5:3"
                                         << "expected a space and a value after the attribute "
                                            "index";
        QTest::newRow("text after sparse row") << head + "{0 1} x\n"
                                               << "5:7"
                                               << "unexpected text after the end of the sparse "
                                                  "row";
    }
    void inlineErrors() {
        QFETCH(QByteArray, content);
        QFETCH(QString, location);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("inline.arff"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        try {
            (void)readArff(path.toStdString());
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(QString::fromStdString(e.where()), path + ':' + location);
            QCOMPARE(QString::fromStdString(e.message().english()), message);
        }
    }

    void quotedNumbersAndWeights() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.arff"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("@relation \"r r\"\n@attribute a numeric\n@attribute 'b b' {z,y,x}\n@data\n"
                   "'1',x,{3}\n\"-2e-1\" , 'y' , {0.5}\n+3,\"z\"\n");
        file.close();
        const ArffResult r = readArff(path.toStdString());
        QCOMPARE(r.relation, std::string("r r"));
        QCOMPARE(r.table.column("a").values(), (std::vector<double>{1, -0.2, 3}));
        QCOMPARE(r.table.column("b b").codes(), (std::vector<int32_t>{0, 1, 2}));
        QCOMPARE(categories(r.table.column("b b")), (QStringList{"x", "y", "z"}));
        QCOMPARE(r.warnings.size(), size_t(1));
    }

    void emptyDataSectionGivesEmptyColumns() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("e.arff"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("@relation r\n@attribute a numeric\n@attribute b {q,p}\n@data\n");
        file.close();
        const ArffResult r = readArff(path.toStdString());
        QCOMPARE(r.table.rowCount(), size_t(0));
        QCOMPARE(r.table.columnCount(), size_t(2));
        QCOMPARE(categories(r.table.column("b")), (QStringList{"p", "q"}));
    }

    void missingFile() {
        const std::string path = arffPath("no-such-file.arff").toStdString();
        try {
            (void)readArff(path);
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.where(), path + ":1:1"); // file, line and column, as the CSV reader's
            QCOMPARE(e.message().textTemplate(), std::string("cannot open the file (%1)"));
        }
    }

    void stopRequestCancels() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.arff"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("@relation big\n@attribute a numeric\n@data\n");
        for (int i = 0; i < 5000; ++i)
            file.write(QByteArray::number(i) + '\n');
        file.close();
        QCOMPARE(readArff(path.toStdString()).table.rowCount(), size_t(5000));
        std::stop_source stop;
        stop.request_stop();
        QVERIFY_THROWS_EXCEPTION(Cancelled, readArff(path.toStdString(), stop.get_token()));
    }
};

QTEST_APPLESS_MAIN(TestArffReader)
#include "tst_arffreader.moc"
