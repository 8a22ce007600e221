// Drift reports (core/monitor/DriftReport.h): the severity of a column and the order it gives,
// the JSON of a column and of a report, the report format an extension picks, and the HTML
// page: well-formed, one chart per column, rows most severe first, every text from the data
// escaped.
#include "data/Table.h"
#include "monitor/ColumnDrift.h"
#include "monitor/DriftReport.h"

#include <QXmlStreamReader>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

using namespace oficina::core;
using namespace oficina::core::monitor;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A column that drifted nowhere: a KS test with p = 0.9, PSI 0.01, both sides full.
ColumnDrift calm(const std::string& name) {
    ColumnDrift c;
    c.name = name;
    c.test = DriftTest::KolmogorovSmirnov;
    c.statistic = 0.05;
    c.pValue = 0.9;
    c.threshold = 0.05;
    c.psi = 0.01;
    c.referenceCount = c.currentCount = 100;
    return c;
}

Column numbers(const std::string& name, std::vector<double> values) {
    return Column::numeric(name, std::move(values));
}

Column labels(const std::string& name, const std::vector<std::string>& cells) {
    std::vector<std::string> categories;
    std::vector<int32_t> codes;
    for (const std::string& cell : cells) {
        auto it = std::find(categories.begin(), categories.end(), cell);
        if (it == categories.end()) it = categories.insert(categories.end(), cell);
        codes.push_back(int32_t(it - categories.begin()));
    }
    return Column::categorical(name, std::move(codes), std::move(categories));
}

// The page read as XML (the report is written to be well-formed XML too): its charts, and the
// column names in row order.
struct Parsed {
    bool wellFormed = false;
    QString error;
    int charts = 0;
    QStringList names; // the .name cells, in row order
};

Parsed parse(const std::string& html) {
    Parsed out;
    QXmlStreamReader xml(QByteArray::fromStdString(html));
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        const QStringView cls = xml.attributes().value("class");
        if (xml.name() == u"svg" && cls == u"chart") ++out.charts;
        if (xml.name() == u"div" && cls == u"name")
            out.names << xml.readElementText(QXmlStreamReader::IncludeChildElements);
    }
    out.wellFormed = !xml.hasError();
    out.error = xml.errorString();
    return out;
}

} // namespace

class DriftReportTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void severityOfAColumn_data() {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("severity");
        QTest::newRow("nothing") << "" << "stable";
        QTest::newRow("drift") << "drift" << "drift";
        QTest::newRow("PSI moderate") << "psi 0.1" << "warning";
        QTest::newRow("PSI just below moderate") << "psi 0.099" << "stable";
        QTest::newRow("p below twice the threshold") << "p 0.09" << "warning";
        QTest::newRow("p at twice the threshold") << "p 0.1" << "stable";
        QTest::newRow("distance at half the threshold") << "distance 0.05" << "warning";
        QTest::newRow("distance below half") << "distance 0.049" << "stable";
        QTest::newRow("new categories") << "new" << "warning";
        QTest::newRow("5 points more missing") << "missing 0.05" << "warning";
        QTest::newRow("4 points more missing") << "missing 0.04" << "stable";
        QTest::newRow("fewer missing") << "missing -0.2" << "stable";
        QTest::newRow("no current values") << "empty" << "warning";
    }
    void severityOfAColumn() {
        QFETCH(QString, change);
        QFETCH(QString, severity);
        ColumnDrift c = calm("x");
        const QStringList words = change.split(' ');
        const double value = words.size() > 1 ? words[1].toDouble() : 0;
        if (words[0] == "drift") c.drift = true;
        if (words[0] == "psi") c.psi = value;
        if (words[0] == "p") c.pValue = value;
        if (words[0] == "distance") {
            c.test = DriftTest::Wasserstein;
            c.pValue = kNaN;
            c.threshold = 0.1;
            c.statistic = value;
        }
        if (words[0] == "new") {
            c.newCategories = {"z"};
            c.newCategoryCounts = {1};
        }
        if (words[0] == "missing") {
            c.referenceMissingRate = 0.2;
            c.currentMissingRate = 0.2 + value;
        }
        if (words[0] == "empty") {
            c.currentCount = 0;
            c.statistic = c.pValue = c.psi = kNaN;
        }
        QCOMPARE(QString(toString(monitor::severity(c))), severity);
    }

    // By severity, then by PSI with NaN last, then as given.
    void severityOrderSortsMostSevereFirst() {
        std::vector<ColumnDrift> columns = {calm("a"), calm("b"), calm("c"), calm("d"),
                                            calm("e"), calm("f")};
        columns[1].drift = true;
        columns[1].psi = 0.02;
        columns[2].psi = 0.3; // warning
        columns[3].drift = true;
        columns[3].psi = 0.5;
        columns[4].currentCount = 0; // warning, NaN PSI
        columns[4].psi = kNaN;
        columns[5].psi = 0.05; // stable, above a's 0.01
        std::vector<std::string> names;
        for (size_t i : severityOrder(columns)) names.push_back(columns[i].name);
        QCOMPARE(names, (std::vector<std::string>{"d", "b", "c", "e", "f", "a"}));
    }

    void columnJsonHasThePValueOnlyWhereTheTestHasOne() {
        const Table ref({numbers("n", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}),
                         labels("k", {"a", "b", "a", "b", "a", "b", "a", "b", "a", "b"})});
        const Table cur({numbers("n", {1, 2, 3, 4, 5, 6, 7, 8, 9, kNaN}),
                         labels("k", {"a", "b", "a", "c", "a", "b", "a", "b", "c", "b"})});
        DriftOptions options;
        options.overrides["n"].test = DriftTest::Wasserstein;
        const std::vector<ColumnDrift> columns = compareColumns(ref, cur, options);
        const nlohmann::ordered_json n = columnDriftJson(columns[0]);
        QVERIFY(!n.contains("p_value"));
        QCOMPARE(n["test"], "wasserstein");
        QCOMPARE(n["edges"].size(), size_t(9));
        QCOMPARE(n["reference_shares"].size(), size_t(10));
        QCOMPARE(n["current_missing_rate"].get<double>(), 0.1);
        QVERIFY(!n.contains("categories"));
        const nlohmann::ordered_json k = columnDriftJson(columns[1]);
        QCOMPARE(k["test"], "z_proportions");
        QVERIFY(k["p_value"].is_number());
        QCOMPARE(k["categories"], nlohmann::ordered_json({"a", "b"}));
        QCOMPARE(k["new_categories"], nlohmann::ordered_json({"c"}));
        QCOMPARE(k["new_category_counts"], nlohmann::ordered_json({2}));
        QCOMPARE(k["severity"], "warning");

        ColumnDrift empty = calm("e");
        empty.statistic = empty.pValue = empty.psi = kNaN;
        const nlohmann::ordered_json e = columnDriftJson(empty);
        QVERIFY(e["statistic"].is_null() && e["p_value"].is_null() && e["psi"].is_null() &&
                e["psi_level"].is_null());
    }

    void reportJsonNamesTheInputsAndTheVerdict() {
        DriftReport report{.referencePath = "train.csv",
                           .referenceRows = 150,
                           .currentPath = "today.csv",
                           .currentRows = 40,
                           .columns = {calm("a"), calm("b")}};
        report.columns[1].drift = true;
        nlohmann::ordered_json json = driftReportJson(report);
        QCOMPARE(json["reference"]["kind"], "data");
        QVERIFY(!json["reference"].contains("training_rows"));
        QCOMPARE(json["current"]["rows"], 40);
        QVERIFY(!json.contains("model") && !json.contains("created"));
        QCOMPARE(json["drift"], true);
        QCOMPARE(json["drifted_columns"], nlohmann::ordered_json({"b"}));
        QCOMPARE(json["columns"].size(), size_t(2));

        report.referenceIsPackage = true;
        report.trainingRows = 20000;
        report.modelPath = "m.ofmodel";
        report.modelName = "Logistic regression";
        report.predictionColumns = {"prediction"};
        report.columns[1].drift = false;
        json = driftReportJson(report);
        QCOMPARE(json["reference"]["kind"], "model_package");
        QCOMPARE(json["reference"]["training_rows"], 20000);
        QCOMPARE(json["model"]["prediction_columns"], nlohmann::ordered_json({"prediction"}));
        QCOMPARE(json["drift"], false);
        QVERIFY(json["drifted_columns"].empty());
    }

    void extensionPicksTheFormat_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("format"); // -1: none
        QTest::newRow("json") << "out/drift.json" << int(DriftReportFormat::Json);
        QTest::newRow("JSON") << "DRIFT.JSON" << int(DriftReportFormat::Json);
        QTest::newRow("html") << "drift.html" << int(DriftReportFormat::Html);
        QTest::newRow("htm") << "drift.Htm" << int(DriftReportFormat::Html);
        QTest::newRow("txt") << "drift.txt" << -1;
        QTest::newRow("no extension") << "drift" << -1;
        QTest::newRow("dot in a folder only") << "reports.json/drift" << -1;
    }
    void extensionPicksTheFormat() {
        QFETCH(QString, path);
        QFETCH(int, format);
        const auto picked = driftReportFormat(path.toStdString());
        QCOMPARE(picked ? int(*picked) : -1, format);
    }

    // Column names and categories with markup characters, quotes and a control character come
    // out as text; the page parses as XML with one chart per column, most severe row first.
    void htmlEscapesAndSortsBySeverity() {
        const std::string hostile = "<b>x & \"y\" 'z'\x1b";
        std::vector<double> base, shifted;
        for (int i = 0; i < 200; ++i) {
            base.push_back(i % 37);
            shifted.push_back(i % 37 + 12);
        }
        std::vector<std::string> cityRef, cityCur;
        for (int i = 0; i < 200; ++i) {
            cityRef.push_back("c" + std::to_string(i % 30));
            cityCur.push_back(i < 10 ? "<new & city>" : "c" + std::to_string(i % 30));
        }
        const Table ref({numbers("calm", base), numbers(hostile, base), labels("city", cityRef)});
        const Table cur(
            {numbers("calm", base), numbers(hostile, shifted), labels("city", cityCur)});
        DriftReport report{.referencePath = "ref<1>.csv",
                           .referenceRows = 200,
                           .currentPath = "cur&2.csv",
                           .currentRows = 200,
                           .columns = compareColumns(ref, cur)};
        report.created = "2024-01-02T03:04:05Z";
        QVERIFY(report.columns[1].drift && !report.columns[0].drift);
        QCOMPARE(severity(report.columns[2]), DriftSeverity::Warning); // its new city

        const std::string html = driftReportHtml(report);
        QVERIFY(html.find("<b>x") == std::string::npos);
        QVERIFY(html.find("&lt;b&gt;x &amp; &quot;y&quot; &#39;z&#39;\\x1B") != std::string::npos);
        QVERIFY(html.find("&lt;new &amp; city&gt;") != std::string::npos);
        QVERIFY(html.find("ref&lt;1&gt;.csv") != std::string::npos);
        QVERIFY(html.find("cur&amp;2.csv") != std::string::npos);
        QVERIFY(html.find("\x1b") == std::string::npos);
        // 31 groups (30 cities and the new one) exceed the chart's 24: the rest are summed.
        QVERIFY(html.find("<title>8 other categories: reference") != std::string::npos);
        QVERIFY(html.find("Drift in 1 of 3 columns") != std::string::npos);

        const Parsed page = parse(html);
        QVERIFY2(page.wellFormed, qPrintable(page.error));
        QCOMPARE(page.charts, 3);
        QCOMPARE(page.names, (QStringList{QString::fromStdString(
                                              "<b>x & \"y\" 'z'\\x1B"),
                                          "city", "calm"}));
    }

    // A side without values: no chart bars, a line saying so, still well-formed.
    void htmlOfAColumnWithoutValues() {
        const Table ref({numbers("v", {1, 2, 3, 4, 5, 6, 7})});
        const Table cur({numbers("v", {kNaN, kNaN})});
        const DriftReport report{.referencePath = "a.csv",
                                 .referenceRows = 7,
                                 .currentPath = "b.csv",
                                 .currentRows = 2,
                                 .columns = compareColumns(ref, cur)};
        const std::string html = driftReportHtml(report);
        QVERIFY(html.find("no values to compare") != std::string::npos);
        QVERIFY(html.find("No drift in 1 column") != std::string::npos);
        QVERIFY(parse(html).wellFormed);
        QCOMPARE(parse(html).charts, 1);
    }
};

QTEST_APPLESS_MAIN(DriftReportTest)
#include "tst_driftreport.moc"
