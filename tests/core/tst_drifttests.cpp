// The drift statistics (core/monitor/DriftTests.h, ColumnDrift.h) against SciPy 1.10.1, NumPy
// 1.24 and statsmodels 0.13 on tests/data/drift/drift_statistics.json (make_drift_fixtures.py):
// every statistic and p-value within a relative 1e-12 of its reference (the worst agreement
// seen is printed), then the default choice of test and the drift flags on wine against a
// shifted copy of itself, and the options and errors of compareColumns.
//
// The fixture is read with nlohmann::json, whose number parsing rounds correctly, so the
// inputs are the very doubles SciPy was fed.
#include "data/CsvReader.h"
#include "data/Table.h"
#include "monitor/ColumnDrift.h"
#include "monitor/DriftTests.h"
#include "util/Error.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <limits>
#include <map>

using namespace oficina::core;
using namespace oficina::core::monitor;
using nlohmann::json;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Relative agreement required of every figure. Most agree to a few units in the last place; the
// worst are chi2.sf at hundreds of degrees of freedom (2.6e-13, SciPy's own error: against
// mpmath ours is within 1e-14) and kstwo.sf where it is 1 - CDF (4e-14, both sides' rounding
// magnified). Below DBL_MIN a double has fewer digits, so the difference is measured against
// DBL_MIN there (SciPy's double-double smirnov loses 25 of the ~600 subnormal steps at 3e-321).
constexpr double kTolerance = 1e-12;

const json& fixtureDocument() {
    static const json doc = [] {
        const std::string path = OFICINA_TEST_DATA "/drift/drift_statistics.json";
        std::ifstream in(path);
        if (!in) qFatal("cannot open fixture %s", path.c_str());
        return json::parse(in);
    }();
    return doc;
}

const json& section(const char* name) {
    const json& s = fixtureDocument().at(name);
    if (s.empty()) qFatal("fixture section %s is empty", name);
    return s;
}

double number(const json& v) {
    if (v.is_null()) return kNaN;
    if (v.is_string()) {
        if (v == "inf") return std::numeric_limits<double>::infinity();
        if (v == "-inf") return -std::numeric_limits<double>::infinity();
        qFatal("bad number in fixture");
    }
    return v.get<double>();
}

std::vector<double> numbers(const json& v) {
    std::vector<double> out;
    for (const json& x : v)
        out.push_back(number(x));
    return out;
}

// The worst relative difference per kind of figure, for the report at the end of each test.
class Agreement {
public:
    explicit Agreement(const char* what) : m_what(what) {}
    ~Agreement() {
        qInfo("%s: worst relative difference %.3g over %d figures", m_what, m_worst, m_count);
    }

    // Same value, both NaN, or within kTolerance relative to the reference.
    [[nodiscard]] bool check(double actual, double expected) {
        ++m_count;
        if (std::isnan(expected) || std::isnan(actual))
            return std::isnan(expected) && std::isnan(actual);
        if (actual == expected) return true;
        const double scale = std::max(std::abs(expected), std::numeric_limits<double>::min());
        const double relative = std::abs(actual - expected) / scale;
        m_worst = std::max(m_worst, relative);
        return relative <= kTolerance;
    }

private:
    const char* m_what;
    double m_worst = 0;
    int m_count = 0;
};

#define CHECK_CLOSE(agreement, actual, expected, label)                                            \
    do {                                                                                           \
        const double a_ = (actual), e_ = (expected);                                               \
        if (!(agreement).check(a_, e_))                                                            \
            QFAIL(qPrintable(QStringLiteral("%1: %2 instead of %3")                                \
                                 .arg(QString::fromStdString(label))                               \
                                 .arg(a_, 0, 'g', 17)                                              \
                                 .arg(e_, 0, 'g', 17)));                                           \
    } while (false)

// A categorical column holding counts[i] rows of labels[i], in label order.
Column categoricalFromCounts(const std::string& name, const std::vector<double>& counts,
                             const std::vector<std::string>& labels) {
    std::vector<int32_t> codes;
    for (size_t c = 0; c < counts.size(); ++c)
        codes.insert(codes.end(), size_t(counts[c]), int32_t(c));
    return Column::categorical(name, codes, labels);
}

std::vector<std::string> labelsFor(size_t n) {
    std::vector<std::string> labels;
    for (size_t i = 0; i < n; ++i)
        labels.push_back("c" + std::to_string(i));
    return labels;
}

// wine with the fixture's derived columns: high_magnesium ("yes"/"no", dictionary in order of
// appearance) and ash_floor (floor(ash), 3 values).
Table wineWithDerived() {
    Table wine = readCsv(OFICINA_SOURCE_DIR "/resources/datasets/wine.csv").table;
    const Column& magnesium = wine.column("magnesium");
    const Column& ash = wine.column("ash");
    std::vector<std::string> labels;
    std::vector<int32_t> codes;
    std::vector<double> ashFloor;
    for (size_t r = 0; r < wine.rowCount(); ++r) {
        const std::string label = magnesium.number(r) > 100 ? "yes" : "no";
        auto it = std::find(labels.begin(), labels.end(), label);
        if (it == labels.end()) it = labels.insert(labels.end(), label);
        codes.push_back(int32_t(it - labels.begin()));
        ashFloor.push_back(std::floor(ash.number(r)));
    }
    return wine.withColumn(Column::categorical("high_magnesium", codes, labels))
        .withColumn(Column::numeric("ash_floor", ashFloor));
}

Table tableWithOne(Column column) {
    return Table({std::move(column)});
}

} // namespace

class DriftTestsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void kolmogorovSmirnovMatchesScipy() {
        const json& samples = fixtureDocument().at("ks_samples");
        const auto sample = [&](const json& v) {
            return numbers(v.is_string() ? samples.at(v.get<std::string>()) : v);
        };
        Agreement statistic("ks_2samp statistic"), pValue("ks_2samp p-value");
        int exact = 0, asymptotic = 0;
        for (const json& c : section("ks")) {
            const std::string name = c.at("name");
            const KsResult r = ks2samp(sample(c.at("a")), sample(c.at("b")));
            CHECK_CLOSE(statistic, r.statistic, number(c.at("statistic")), name + " statistic");
            CHECK_CLOSE(pValue, r.pValue, number(c.at("pvalue")), name + " p-value");
            QCOMPARE(r.exact, c.at("exact").get<bool>());
            ++(r.exact ? exact : asymptotic);
            // The test is symmetric.
            const KsResult swapped = ks2samp(sample(c.at("b")), sample(c.at("a")));
            QCOMPARE(swapped.statistic, r.statistic);
            QCOMPARE(swapped.pValue, r.pValue);
        }
        QVERIFY(exact >= 10 && asymptotic >= 6);
        const std::vector<double> empty, some{1, 2};
        QVERIFY(std::isnan(ks2samp(empty, some).pValue));
    }

    void kolmogorovDistributionMatchesScipy() {
        Agreement sf("kstwo.sf");
        for (const json& c : section("kstwo_sf")) {
            const double n = number(c.at("n")), d = number(c.at("d"));
            CHECK_CLOSE(sf, kstwoSf(d, n), number(c.at("sf")),
                        "kstwo.sf(" + std::to_string(d) + ", " + std::to_string(n) + ")");
        }
        QVERIFY(std::isnan(kstwoSf(0.5, 0)));
        QVERIFY(std::isnan(kstwoSf(0.5, 2.5)));
        QCOMPARE(smirnovSf(1, 0.25), 0.75);
    }

    void chiSquaredDistributionMatchesScipy() {
        Agreement sf("chi2.sf"), truth("chi2.sf against mpmath");
        for (const json& c : section("chi2_sf")) {
            const double df = number(c.at("df")), x = number(c.at("x"));
            const std::string label =
                "chi2.sf(" + std::to_string(x) + ", " + std::to_string(df) + ")";
            const double p = chi2Sf(x, df);
            CHECK_CLOSE(sf, p, number(c.at("sf")), label);
            // Closer to the truth than SciPy: long double keeps every digit of a double.
            const double exact = number(c.at("mpmath"));
            QVERIFY2(std::abs(p - exact) <= 2e-15 * exact,
                     qPrintable(QString::fromStdString(label)));
            QVERIFY(truth.check(p, exact));
        }
        QCOMPARE(chi2Sf(0, 3), 1.0);
        QVERIFY(std::isnan(chi2Sf(1, 0)));
        QCOMPARE(gammaQ(2, 0), 1.0);
    }

    void normalDistributionMatchesScipy() {
        Agreement sf("norm.sf");
        for (const json& c : section("norm_sf")) {
            const double z = number(c.at("z"));
            CHECK_CLOSE(sf, normalSf(z), number(c.at("sf")), "norm.sf(" + std::to_string(z) + ")");
        }
    }

    void chiSquareMatchesScipy() {
        Agreement statistic("chisquare statistic"), pValue("chisquare p-value");
        for (const json& c : section("chisquare")) {
            const std::string name = c.at("name");
            // The plain function on SciPy's very inputs.
            const ChiSquareResult r = chiSquare(numbers(c.at("f_obs")), numbers(c.at("f_exp")));
            CHECK_CLOSE(statistic, r.statistic, number(c.at("statistic")), name);
            CHECK_CLOSE(pValue, r.pValue, number(c.at("pvalue")), name);
            QCOMPARE(r.degreesOfFreedom, c.at("df").get<int64_t>());
            // The drift form from the counts: categories the reference lacks are left out.
            const std::vector<double> ref = numbers(c.at("reference")),
                                      cur = numbers(c.at("current"));
            const std::vector<std::string> labels = labelsFor(ref.size());
            const ColumnDrift d = compareColumn(categoricalFromCounts("x", ref, labels),
                                                categoricalFromCounts("x", cur, labels),
                                                {.test = DriftTest::ChiSquared}, 100);
            CHECK_CLOSE(statistic, d.statistic, number(c.at("statistic")), name + " (drift form)");
            CHECK_CLOSE(pValue, d.pValue, number(c.at("pvalue")), name + " (drift form)");
            QCOMPARE(d.drift, d.pValue < 0.05);
        }
    }

    void proportionsZTestMatchesStatsmodels() {
        Agreement statistic("proportions_ztest z"), pValue("proportions_ztest p-value");
        for (const json& c : section("ztest")) {
            const auto x1 = c.at("x1").get<uint64_t>(), n1 = c.at("n1").get<uint64_t>();
            const auto x2 = c.at("x2").get<uint64_t>(), n2 = c.at("n2").get<uint64_t>();
            const ZTestResult r = proportionsZTest(x1, n1, x2, n2);
            const std::string label = "z test " + c.dump();
            CHECK_CLOSE(statistic, r.statistic, number(c.at("statistic")), label);
            CHECK_CLOSE(pValue, r.pValue, number(c.at("pvalue")), label);
        }
    }

    void wassersteinMatchesScipy() {
        Agreement distance("wasserstein_distance"), stddev("np.std"), ratio("wasserstein / std");
        for (const json& c : section("wasserstein")) {
            const std::string name = c.at("name");
            const std::vector<double> ref = numbers(c.at("reference")),
                                      cur = numbers(c.at("current"));
            CHECK_CLOSE(distance, wassersteinDistance(ref, cur), number(c.at("distance")), name);
            CHECK_CLOSE(stddev, populationStd(ref), number(c.at("std")), name);
            CHECK_CLOSE(ratio, wassersteinDistance(ref, cur) / populationStd(ref),
                        number(c.at("statistic")), name);
        }
    }

    void quantileBinsPsiAndJensenShannonMatchNumpy() {
        Agreement edges("quantile edges"), psiAgreement("psi (numeric bins)"),
            js("jensenshannon (numeric bins)");
        for (const json& c : section("bins")) {
            const std::string name = c.at("name");
            const std::vector<double> ref = numbers(c.at("reference")),
                                      cur = numbers(c.at("current"));
            const std::vector<double> e = quantileEdges(ref);
            const std::vector<double> expectedEdges = numbers(c.at("edges"));
            QCOMPARE(e.size(), expectedEdges.size());
            for (size_t i = 0; i < e.size(); ++i)
                CHECK_CLOSE(edges, e[i], expectedEdges[i], name + " edge " + std::to_string(i));
            std::vector<double> p(10, 0.0), q(10, 0.0);
            std::vector<size_t> refCounts(10, 0), curCounts(10, 0);
            for (double v : ref)
                ++refCounts[binOf(e, v)];
            for (double v : cur)
                ++curCounts[binOf(e, v)];
            QCOMPARE(refCounts, c.at("reference_counts").get<std::vector<size_t>>());
            QCOMPARE(curCounts, c.at("current_counts").get<std::vector<size_t>>());
            for (size_t i = 0; i < 10; ++i) {
                p[i] = double(refCounts[i]) / double(ref.size());
                q[i] = double(curCounts[i]) / double(cur.size());
                if (p[i] == 0) p[i] = kEmptyBinShare;
                if (q[i] == 0) q[i] = kEmptyBinShare;
            }
            CHECK_CLOSE(psiAgreement, psi(p, q), number(c.at("psi")), name);
            CHECK_CLOSE(js, jensenShannon(p, q), number(c.at("jensenshannon")), name);
        }
    }

    void categoricalPsiAndJensenShannonMatchScipy() {
        Agreement psiAgreement("psi (categories)"), js("jensenshannon (categories)");
        for (const json& c : section("categorical")) {
            const std::string name = c.at("name");
            const std::vector<double> ref = numbers(c.at("reference_counts"));
            const std::vector<double> cur = numbers(c.at("current_counts"));
            const std::vector<std::string> labels = labelsFor(ref.size());
            const ColumnDrift d = compareColumn(categoricalFromCounts("x", ref, labels),
                                                categoricalFromCounts("x", cur, labels),
                                                {.test = DriftTest::JensenShannon}, 100);
            CHECK_CLOSE(psiAgreement, d.psi, number(c.at("psi")), name);
            CHECK_CLOSE(js, d.statistic, number(c.at("jensenshannon")), name);
            QVERIFY(std::isnan(d.pValue));
        }
    }

    void shiftedWineDriftsWhereItWasShifted() {
        const Table wine = wineWithDerived();
        Agreement statistic("column statistics"), pValue("column p-values"),
            psiAgreement("column psi");
        for (const json& c : section("datasets")) {
            const std::string caseName = c.at("name");
            const Table reference =
                wine.takeRows(c.at("reference_rows").get<std::vector<size_t>>());
            Table current = wine.takeRows(c.at("current_rows").get<std::vector<size_t>>());
            // The shift, as the script made it: alcohol + 0.5 std, every 10th hue missing, the
            // cultivars redrawn (their own dictionary, in order of appearance).
            const double shift = number(c.at("alcohol_shift"));
            std::vector<double> alcohol(current.rowCount()), hue(current.rowCount());
            current.column("alcohol").copyNumbers(alcohol.data());
            current.column("hue").copyNumbers(hue.data());
            for (size_t r = 0; r < current.rowCount(); ++r) {
                alcohol[r] = alcohol[r] + shift;
                if (r % 10 == 0) hue[r] = kNaN;
            }
            std::vector<std::string> labels;
            std::vector<int32_t> codes;
            for (const std::string& label :
                 c.at("current_cultivar").get<std::vector<std::string>>()) {
                auto it = std::find(labels.begin(), labels.end(), label);
                if (it == labels.end()) it = labels.insert(labels.end(), label);
                codes.push_back(int32_t(it - labels.begin()));
            }
            current = current.withColumn(Column::numeric("alcohol", alcohol))
                          .withColumn(Column::numeric("hue", hue))
                          .withColumn(Column::categorical("cultivar", codes, labels));

            const std::vector<ColumnDrift> drift = compareColumns(reference, current);
            const json& expected = c.at("columns");
            QCOMPARE(drift.size(), expected.size());
            QStringList drifted;
            for (size_t i = 0; i < drift.size(); ++i) {
                const ColumnDrift& d = drift[i];
                const json& e = expected[i];
                const std::string label = caseName + " " + d.name;
                QCOMPARE(d.name, e.at("name").get<std::string>());
                QCOMPARE(std::string(toString(d.test)), e.at("test").get<std::string>());
                CHECK_CLOSE(statistic, d.statistic, number(e.at("statistic")), label);
                CHECK_CLOSE(pValue, d.pValue, number(e.at("pvalue")), label);
                CHECK_CLOSE(psiAgreement, d.psi, number(e.at("psi")), label + " psi");
                QCOMPARE(d.threshold, number(e.at("threshold")));
                QCOMPARE(d.drift, e.at("drift").get<bool>());
                QCOMPARE(d.referenceMissingRate, number(e.at("reference_missing_rate")));
                QCOMPARE(d.currentMissingRate, number(e.at("current_missing_rate")));
                QCOMPARE(d.newCategories, e.at("new_categories").get<std::vector<std::string>>());
                if (d.drift) drifted << QString::fromStdString(d.name);
            }
            // What the shift did, in words: alcohol and the cultivar mix moved, nothing else.
            QCOMPARE(drifted, (QStringList{"alcohol", "cultivar"}));
        }
    }

    void defaultChoiceFollowsKindAndRows() {
        const Table wine = wineWithDerived();
        const std::vector<ColumnDrift> small = compareColumns(wine, wine);
        const std::vector<ColumnDrift> large =
            compareColumns(wine, wine, {.referenceRows = kSmallReferenceRows + 1});
        const auto find = [](const std::vector<ColumnDrift>& all, const std::string& name) {
            return *std::find_if(all.begin(), all.end(),
                                 [&](const ColumnDrift& d) { return d.name == name; });
        };
        QCOMPARE(find(small, "alcohol").kind, ColumnKind::Continuous);
        QCOMPARE(find(small, "alcohol").test, DriftTest::KolmogorovSmirnov);
        QCOMPARE(find(small, "cultivar").kind, ColumnKind::Discrete);
        QCOMPARE(find(small, "cultivar").test, DriftTest::ChiSquared);
        QCOMPARE(find(small, "ash_floor").kind, ColumnKind::Discrete);
        QCOMPARE(find(small, "ash_floor").categories, (std::vector<std::string>{"1", "2", "3"}));
        QCOMPARE(find(small, "high_magnesium").kind, ColumnKind::Binary);
        QCOMPARE(find(small, "high_magnesium").test, DriftTest::ZProportions);
        QCOMPARE(find(large, "alcohol").test, DriftTest::Wasserstein);
        QCOMPARE(find(large, "cultivar").test, DriftTest::JensenShannon);
        QCOMPARE(find(large, "high_magnesium").test, DriftTest::JensenShannon);
        // A table against itself: nothing drifts, every PSI is 0, p-values are 1.
        for (const auto* all : {&small, &large})
            for (const ColumnDrift& d : *all) {
                QVERIFY2(!d.drift, d.name.c_str());
                QCOMPARE(d.psi, 0.0);
                QCOMPARE(psiLevel(d.psi), PsiLevel::Stable);
                if (hasPValue(d.test)) QCOMPARE(d.pValue, 1.0);
                QCOMPARE(d.referenceShares, d.currentShares);
            }
        QCOMPARE(find(small, "alcohol").edges.size(), size_t(9));
        QCOMPARE(find(small, "alcohol").referenceShares.size(), size_t(10));
    }

    void overridesChangeTestAndThreshold() {
        const Column ref = Column::numeric("x", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        const Column cur = Column::numeric("x", {3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        const Table a = tableWithOne(ref), b = tableWithOne(cur);
        const ColumnDrift byDefault = compareColumns(a, b).front();
        QCOMPARE(byDefault.test, DriftTest::KolmogorovSmirnov);
        QCOMPARE(byDefault.threshold, 0.05);
        QVERIFY(!byDefault.drift); // D = 0.2, p ≈ 0.99
        const ColumnDrift loose =
            compareColumns(a, b, {.overrides = {{"x", {.threshold = 1.0}}}}).front();
        QCOMPARE(loose.pValue, byDefault.pValue);
        QVERIFY(loose.drift);
        const ColumnDrift byPsi =
            compareColumns(a, b, {.overrides = {{"x", {.test = DriftTest::Psi}}}}).front();
        QCOMPARE(byPsi.statistic, byPsi.psi);
        QCOMPARE(byPsi.threshold, 0.1);
        QVERIFY(std::isnan(byPsi.pValue));
        QCOMPARE(byPsi.drift, byPsi.psi >= 0.1);
        QCOMPARE(psiLevel(0.3), PsiLevel::Major);
        QCOMPARE(psiLevel(0.1), PsiLevel::Moderate);
        for (DriftTest t :
             {DriftTest::KolmogorovSmirnov, DriftTest::ChiSquared, DriftTest::ZProportions,
              DriftTest::Wasserstein, DriftTest::JensenShannon, DriftTest::Psi})
            QCOMPARE(driftTestFromString(toString(t)), std::optional<DriftTest>(t));
        QVERIFY(!driftTestFromString("t_test"));
    }

    void newCategoriesAndMissingValuesAreReportedApart() {
        const Column ref = Column::categorical("c", {0, 0, 1, 1, 2, -1}, {"a", "b", "c", "unused"});
        // Another dictionary order; "d" is new, "unused" never appears in the reference rows.
        const Column cur = Column::categorical("c", {0, 1, 1, 2, 3, 3, 3, -1, -1, 4},
                                               {"c", "a", "d", "b", "unused"});
        const ColumnDrift d = compareColumns(tableWithOne(ref), tableWithOne(cur)).front();
        QCOMPARE(d.categories, (std::vector<std::string>{"a", "b", "c"}));
        QCOMPARE(d.newCategories, (std::vector<std::string>{"d", "unused"}));
        QCOMPARE(d.newCategoryCounts, (std::vector<size_t>{1, 1}));
        QCOMPARE(d.referenceCount, size_t(5));
        QCOMPARE(d.currentCount, size_t(8));
        QCOMPARE(d.currentShares, (std::vector<double>{2 / 8.0, 3 / 8.0, 1 / 8.0}));
        QCOMPARE(d.referenceMissingRate, 1 / 6.0);
        QCOMPARE(d.currentMissingRate, 2 / 10.0);
        // Chi-squared over a, b, c only: observed 2, 3, 1 against 6 × (2, 2, 1) / 5.
        const std::vector<double> observed{2, 3, 1},
            expected{2 / 5.0 * 6, 2 / 5.0 * 6, 1 / 5.0 * 6};
        QCOMPARE(d.statistic, chiSquare(observed, expected).statistic);

        // A side with no values gives no verdict.
        const Column empty = Column::numeric("x", {kNaN, kNaN});
        const ColumnDrift none =
            compareColumns(tableWithOne(Column::numeric("x", {1, 2, 3, 4, 5, 6, 7})),
                           tableWithOne(empty))
                .front();
        QVERIFY(std::isnan(none.statistic) && std::isnan(none.pValue) && !none.drift);
        QCOMPARE(none.currentMissingRate, 1.0);
    }

    void badRequestsAreErrors() {
        const Table numeric = tableWithOne(Column::numeric("x", {1, 2, 3, 4, 5, 6, 7}));
        const Table categorical =
            tableWithOne(Column::categorical("x", {0, 1, 2}, {"a", "b", "c"}));
        const Table other = tableWithOne(Column::numeric("y", {1, 2}));
        QVERIFY_THROWS_EXCEPTION(Error, compareColumns(numeric, other));
        QVERIFY_THROWS_EXCEPTION(Error, compareColumns(numeric, categorical));
        QVERIFY_THROWS_EXCEPTION(
            Error, compareColumns(categorical, categorical,
                                  {.overrides = {{"x", {.test = DriftTest::KolmogorovSmirnov}}}}));
        QVERIFY_THROWS_EXCEPTION(
            Error, compareColumns(numeric, numeric,
                                  {.overrides = {{"x", {.test = DriftTest::ZProportions}}}}));
        QVERIFY_THROWS_EXCEPTION(
            Error, compareColumns(numeric, numeric, {.overrides = {{"z", {.threshold = 0.1}}}}));
        // Numbers and categories that are binary do take the Z test.
        const Table binary = tableWithOne(Column::numeric("x", {0, 1, 1, 0, 1}));
        QCOMPARE(compareColumns(binary, binary).front().test, DriftTest::ZProportions);
    }
};

QTEST_GUILESS_MAIN(DriftTestsTest)
#include "tst_drifttests.moc"
