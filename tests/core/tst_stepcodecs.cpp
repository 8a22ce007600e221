// Every fitted step type saved as a model package holds it (core/deploy/StepCodecs.cpp) and
// loaded back: fitted on bundled datasets (wine_messy has a categorical column and missing
// cells), the loaded step applies bit for bit as the original, keeps its type id and title,
// saves to the same state, and refits the same. Damaged states (a truncated blob, a wrong dtype
// or length, an unknown name, unsorted categories, a newer version) are refused with an Error
// naming the JSON path.
#include "data/CsvReader.h"
#include "data/Table.h"
#include "deploy/StateArchive.h"
#include "reduce/Pca.h"
#include "transform/Binning.h"
#include "transform/ColumnEdits.h"
#include "transform/ColumnSelection.h"
#include "transform/Encoders.h"
#include "transform/FeatureSelection.h"
#include "transform/Imputer.h"
#include "transform/PolynomialFeatures.h"
#include "transform/PowerTransform.h"
#include "transform/Scalers.h"
#include "transform/StandardScaler.h"
#include "util/Error.h"

#include <QtTest>

#include <cstring>
#include <limits>
#include <numeric>
#include <set>

using namespace oficina::core;
using namespace oficina::core::deploy;

namespace {

using StepPtr = std::shared_ptr<const FittedStep>;

Table dataset(const std::string& name, const std::string& target) {
    Table t = readCsv(OFICINA_SOURCE_DIR "/resources/datasets/" + name + ".csv").table;
    t = t.withColumn(t.column(target).withRole(ColumnRole::Target));
    t.startLineage();
    return t;
}

const Table& wine() {
    static const Table t = dataset("wine_messy", "cultivar");
    return t;
}
const Table& iris() {
    static const Table t = dataset("iris", "species");
    return t;
}
const Table& diabetes() {
    static const Table t = dataset("diabetes", "progression");
    return t;
}

// The first `n` rows: refits on them must differ from the fits on all rows.
Table head(const Table& table, size_t n) {
    std::vector<size_t> rows(n);
    std::iota(rows.begin(), rows.end(), size_t(0));
    return table.takeRows(rows);
}

// wine_messy with every missing cell filled (the one-hot encoder refuses missing ones).
const Table& wineFilled() {
    static const Table t =
        applyStep(fitImputer(wine(), {.strategy = ImputeStrategy::MostFrequent}), wine());
    return t;
}

// A state as a package holds it: the JSON as text, and the blob.
struct Saved {
    std::string json;
    std::vector<std::byte> blob;
};

Saved save(const FittedStep& step) {
    StateWriter writer;
    std::string json = saveStep(step, writer).dump();
    return {std::move(json), writer.blob()};
}

StepPtr load(const std::string& json, std::span<const std::byte> blob) {
    const StateReader reader(blob, "model.ofmodel");
    return loadStep(StateJson::parse(json), "steps[0]", reader);
}

bool sameBits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

// Column by column, bit for bit: names, types, roles, numbers (NaN included), labels and
// codes (missing cells included).
void compareTables(const Table& got, const Table& want) {
    QVERIFY(got.columnNames() == want.columnNames());
    QCOMPARE(got.rowCount(), want.rowCount());
    for (size_t j = 0; j < want.columnCount(); ++j) {
        const Column& a = got.column(j);
        const Column& b = want.column(j);
        const QByteArray name = QByteArray::fromStdString(b.name());
        QVERIFY2(a.type() == b.type() && a.role() == b.role(), name);
        if (b.isNumeric())
            QVERIFY2(sameBits(a.values(), b.values()), name);
        else
            QVERIFY2(a.categories() == b.categories() && a.codes() == b.codes(), name);
    }
}

// Saves `step`, loads it back and checks the loaded step against it on every input table.
void checkRoundTrip(const StepPtr& step, const std::vector<Table>& inputs, StepPtr* loadedOut) {
    const Saved saved = save(*step);
    const StepPtr loaded = load(saved.json, saved.blob);
    QVERIFY(loaded);
    QCOMPARE(loaded->typeId(), step->typeId());
    QCOMPARE(QByteArray(loaded->title()), QByteArray(step->title()));
    QCOMPARE(loaded->learnsFromData(), step->learnsFromData());
    for (const Table& input : inputs) {
        compareTables(loaded->apply(input), step->apply(input));
        if (QTest::currentTestFailed()) return;
    }
    // Nothing was lost or changed: saving the loaded step gives the same state, byte for byte.
    const Saved again = save(*loaded);
    QCOMPARE(again.json, saved.json);
    QVERIFY(again.blob == saved.blob);
    if (loadedOut) *loadedOut = loaded;
}

// The round trip, then refitting both on `train` gives the same step, applied to `input`.
void checkRoundTripAndRefit(const StepPtr& step, const std::vector<Table>& inputs,
                            const Table& train) {
    StepPtr loaded;
    checkRoundTrip(step, inputs, &loaded);
    if (!loaded) return;
    const StepPtr want = step->refit(train), got = loaded->refit(train);
    QCOMPARE(got->typeId(), want->typeId());
    for (const Table& input : inputs)
        compareTables(got->apply(input), want->apply(input));
}

StepPtr selectColumns(const Table& table) {
    std::vector<ColumnSchema> features;
    for (const Column& c : table.columns())
        if (c.role() == ColumnRole::Feature)
            features.push_back({c.name(), c.type(), ColumnRole::Feature,
                                c.isNumeric() ? std::vector<std::string>{} : c.categories()});
    return std::make_shared<const ColumnSelectionStep>(std::move(features), "cultivar");
}

// One fitted step of each kind the damage tests break, by name.
StepPtr namedStep(const std::string& name) {
    if (name == "select") return selectColumns(wine());
    if (name == "cast") return fitCastColumns(wine(), {"magnesium"}, ColumnType::Categorical);
    if (name == "rename") return makeRenameColumns(wine(), {{"alcohol", "alc"}});
    if (name == "drop") return makeDropColumns(wine(), {"ash"});
    if (name == "imputer") return fitImputer(wine());
    if (name == "one_hot")
        return fitOneHotEncoder(wineFilled(), {.columns = {"colour", "magnesium"}});
    if (name == "ordinal") return fitOrdinalEncoder(wine());
    if (name == "variance") return fitVarianceThreshold(wine(), 0.5).step;
    if (name == "k_best") return fitSelectKBest(iris(), {.k = 2}).step;
    if (name == "standard") return fitStandardScaler(wine());
    if (name == "minmax") return fitMinMaxScaler(wine());
    if (name == "robust") return fitRobustScaler(wine());
    if (name == "power") return fitPowerTransform(iris());
    if (name == "bins") return fitBinning(iris(), {.nBins = 4});
    if (name == "polynomial") return fitPolynomialFeatures(iris());
    if (name == "pca") return fitPca(iris(), {.nComponents = 2}).step;
    return nullptr;
}

// Expects loading to throw Error whose text names `path`.
void expectRefusal(const std::string& json, std::span<const std::byte> blob, const char* path) {
    try {
        (void)load(json, blob);
        QFAIL(qPrintable(QStringLiteral("no error; expected one at %1").arg(path)));
    } catch (const Error& error) {
        const QString text = QString::fromStdString(error.what());
        QVERIFY2(error.where().find(path) != std::string::npos, qPrintable(text));
        QVERIFY2(text.startsWith(QStringLiteral("model.ofmodel: steps[0]")), qPrintable(text));
    }
}

// Overwrites element `index` of the array that the reference at `pointer` names in the blob.
template <class T> void poke(Saved& saved, const char* pointer, size_t index, T value) {
    const StateJson ref = StateJson::parse(saved.json)[StateJson::json_pointer(pointer)];
    const auto offset = ref["offset"].get<size_t>() + index * sizeof(T);
    QVERIFY(offset + sizeof(T) <= saved.blob.size());
    std::memcpy(saved.blob.data() + offset, &value, sizeof(T));
}

} // namespace

class StepCodecsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyStepTypeHasACodec() {
        const char* names[] = {"select",  "cast",     "rename",     "drop",
                               "imputer", "one_hot",  "ordinal",    "variance",
                               "k_best",  "standard", "minmax",     "robust",
                               "power",   "bins",     "polynomial", "pca"};
        std::set<std::string> typeIds;
        for (const char* name : names) {
            const StepPtr step = namedStep(name);
            QVERIFY2(step, name);
            typeIds.insert(step->typeId());
        }
        std::set<std::string> known;
        for (const StepCodec& codec : stepCodecs())
            known.insert(codec.typeIds.begin(), codec.typeIds.end());
        QVERIFY(typeIds == known);
    }

    void columnSelection() {
        // At prediction time the target may be absent.
        const Table withoutTarget = makeDropColumns(wine(), {"cultivar"})->apply(wine());
        checkRoundTrip(selectColumns(wine()), {wine(), withoutTarget}, nullptr);
    }

    void columnEdits() {
        checkRoundTripAndRefit(
            fitCastColumns(wine(), {"magnesium", "hue", "cultivar"}, ColumnType::Categorical),
            {wine()}, head(wine(), 60));
        const Table categorical =
            applyStep(fitCastColumns(wine(), {"magnesium"}, ColumnType::Categorical), wine());
        checkRoundTrip(fitCastColumns(categorical, {"magnesium"}, ColumnType::Numeric),
                       {categorical}, nullptr);
        checkRoundTrip(makeRenameColumns(wine(), {{"alcohol", "alc"}, {"cultivar", "class"}}),
                       {wine()}, nullptr);
        checkRoundTrip(makeDropColumns(wine(), {"ash", "colour"}), {wine(), iris()}, nullptr);
    }

    void imputer() {
        const Table train = head(wine(), 120);
        for (const ImputeStrategy strategy :
             {ImputeStrategy::Mean, ImputeStrategy::Median, ImputeStrategy::MostFrequent})
            checkRoundTripAndRefit(fitImputer(train, {.strategy = strategy}), {wine()}, wine());
        checkRoundTripAndRefit(fitImputer(wine(), {.strategy = ImputeStrategy::Constant,
                                                   .fillValue = "7",
                                                   .columns = {"magnesium", "hue"}}),
                               {wine()}, train);
        checkRoundTrip(
            fitImputer(wine(), {.strategy = ImputeStrategy::Constant, .columns = {"colour"}}),
            {wine()}, nullptr);
    }

    void encoders() {
        // Applied to the raw rows too: their missing colours give all zeros.
        checkRoundTripAndRefit(fitOneHotEncoder(wineFilled(), {.columns = {"colour", "magnesium"},
                                                               .drop = OneHotDrop::First}),
                               {wineFilled(), wine()}, head(wineFilled(), 50));
        checkRoundTrip(fitOneHotEncoder(wineFilled(), {.drop = OneHotDrop::IfBinary}),
                       {wineFilled()}, nullptr);
        checkRoundTripAndRefit(
            fitOrdinalEncoder(head(wine(), 100), {.columns = {"colour", "cultivar", "ash"},
                                                  .useEncodedValue = true,
                                                  .unknownValue = std::nan("")}),
            {wine()}, wine());
        checkRoundTrip(fitOrdinalEncoder(wine()), {wine()}, nullptr);
    }

    void featureSelection() {
        checkRoundTripAndRefit(fitVarianceThreshold(wine(), 0.5).step, {wine()}, head(wine(), 40));
        checkRoundTripAndRefit(fitSelectKBest(iris(), {.k = 2}).step, {iris()}, head(iris(), 100));
        checkRoundTripAndRefit(
            fitSelectKBest(diabetes(), {.k = 3, .scoreFunc = ScoreFunction::FRegression}).step,
            {diabetes()}, head(diabetes(), 200));
    }

    void scalers() {
        const Table train = head(wine(), 100);
        checkRoundTripAndRefit(fitStandardScaler(wine()), {wine()}, train);
        checkRoundTrip(fitStandardScaler(wine(), {.withMean = false}), {wine()}, nullptr);
        checkRoundTripAndRefit(fitMinMaxScaler(train, {.featureRange = {-1, 1}, .clip = true}),
                               {wine()}, wine());
        checkRoundTripAndRefit(
            fitRobustScaler(wine(), {.withCentering = false, .quantileRange = {10, 90}}), {wine()},
            train);
    }

    void powerTransform() {
        checkRoundTripAndRefit(fitPowerTransform(head(wine(), 120)), {wine()}, wine());
        checkRoundTrip(fitPowerTransform(wine(), {.standardize = false}), {wine()}, nullptr);
        checkRoundTripAndRefit(fitPowerTransform(iris(), {.method = PowerMethod::Log1p}), {iris()},
                               head(iris(), 30));
    }

    void binning() {
        checkRoundTripAndRefit(fitBinning(iris(), {.nBins = 6}), {iris()}, head(iris(), 70));
        checkRoundTrip(fitBinning(diabetes(), {.nBins = 5,
                                               .strategy = BinStrategy::Uniform,
                                               .encode = BinEncoding::Ordinal}),
                       {diabetes()}, nullptr);
    }

    void polynomial() {
        checkRoundTripAndRefit(fitPolynomialFeatures(iris(), {.degree = 3}), {iris()},
                               head(iris(), 10));
        checkRoundTrip(fitPolynomialFeatures(
                           diabetes(), {.degree = 2, .interactionOnly = true, .includeBias = true}),
                       {diabetes()}, nullptr);
    }

    void pca() {
        checkRoundTripAndRefit(fitPca(iris(), {.nComponents = 2, .whiten = true}).step, {iris()},
                               head(iris(), 100));
        checkRoundTrip(fitPca(diabetes(), {.nComponents = 0.9, .solver = PcaSolver::Full}).step,
                       {diabetes()}, nullptr);
    }

    void damagedStatesAreRefused_data() {
        QTest::addColumn<QString>("step");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("path");
        const auto row = [](const char* tag, const char* step, const char* pointer,
                            const char* value, const char* path) {
            QTest::newRow(tag) << step << pointer << value << path;
        };
        row("newer version", "standard", "/version", "2", "steps[0]");
        row("unknown type", "standard", "/type", "\"oficina.scale.quantile\"", "steps[0]");
        row("wrong dtype", "standard", "/state/mean/dtype", "\"f32\"", "steps[0].state.mean");
        row("wrong length", "standard", "/state/scale/count", "1", "steps[0].state.scale");
        row("outside the blob", "standard", "/state/mean/offset", "1048576", "steps[0].state.mean");
        row("not a reference", "standard", "/state/mean", "null", "steps[0].state.mean");
        row("not a bool", "standard", "/state/options/with_std", "1",
            "steps[0].state.options.with_std");
        row("bad column type", "select", "/state/features/0/type", "\"text\"",
            "steps[0].state.features[0].type");
        row("cast to text", "cast", "/state/casts/0/to", "\"text\"", "steps[0].state.casts[0].to");
        row("renames not a list", "rename", "/state/renames", "{}", "steps[0].state.renames");
        row("columns not strings", "drop", "/state/columns", "[1]", "steps[0].state.columns[0]");
        row("unknown strategy", "imputer", "/state/options/strategy", "\"mode\"",
            "steps[0].state.options.strategy");
        row("fills per column", "imputer", "/state/numbers/count", "0", "steps[0].state.numbers");
        row("unsorted labels", "one_hot", "/state/columns/0/labels", "[\"pale\", \"deep\"]",
            "steps[0].state.columns[0].labels[1]");
        row("repeated labels", "one_hot", "/state/columns/0/labels", "[\"deep\", \"deep\"]",
            "steps[0].state.columns[0].labels[1]");
        row("drop index", "one_hot", "/state/columns/0/drop_index", "3",
            "steps[0].state.columns[0].drop_index");
        row("unknown drop", "one_hot", "/state/options/drop", "\"last\"",
            "steps[0].state.options.drop");
        row("unknown handling", "ordinal", "/state/options/handle_unknown", "\"ignore\"",
            "steps[0].state.options.handle_unknown");
        row("threshold dtype", "variance", "/state/options/threshold/dtype", "\"i64\"",
            "steps[0].state.options.threshold");
        row("negative k", "k_best", "/state/options/k", "-1", "steps[0].state.options.k");
        row("unknown score", "k_best", "/state/options/score_func", "\"chi2\"",
            "steps[0].state.options.score_func");
        row("bounds per column", "minmax", "/state/data_max/count", "2", "steps[0].state.data_max");
        row("quantile range", "robust", "/state/options/quantile_range/count", "3",
            "steps[0].state.options.quantile_range");
        row("unknown method", "power", "/state/options/method", "\"box-cox\"",
            "steps[0].state.options.method");
        row("lambdas per column", "power", "/state/lambdas/count", "0", "steps[0].state.lambdas");
        row("edge counts", "bins", "/state/edge_counts/count", "1", "steps[0].state.edge_counts");
        row("unknown encoding", "bins", "/state/options/encode", "\"onehot\"",
            "steps[0].state.options.encode");
        row("fewer than 2 bins", "bins", "/state/options/n_bins", "1",
            "steps[0].state.options.n_bins");
        row("huge degree", "polynomial", "/state/options/degree", "1000000",
            "steps[0].state.options.degree");
        row("too many terms", "polynomial", "/state/options/degree", "1000",
            "steps[0].state.options");
        row("components shape", "pca", "/state/components/cols", "3", "steps[0].state.components");
        row("variance per component", "pca", "/state/explained_variance/count", "4",
            "steps[0].state.explained_variance");
        row("unknown solver", "pca", "/state/options/svd_solver", "\"randomized\"",
            "steps[0].state.options.svd_solver");
    }

    void damagedStatesAreRefused() {
        QFETCH(QString, step);
        QFETCH(QString, pointer);
        QFETCH(QString, value);
        QFETCH(QString, path);
        const Saved saved = save(*namedStep(step.toStdString()));
        StateJson json = StateJson::parse(saved.json);
        json[StateJson::json_pointer(pointer.toStdString())] =
            StateJson::parse(value.toStdString());
        expectRefusal(json.dump(), saved.blob, path.toUtf8().constData());
    }

    void damagedArraysAreRefused() {
        Saved bins = save(*namedStep("bins"));
        poke(bins, "/state/edge_counts", 0, int32_t(1));
        expectRefusal(bins.json, bins.blob, "steps[0].state.edge_counts[0]");

        bins = save(*namedStep("bins"));
        const auto counts = StateJson::parse(bins.json)["state"]["edge_counts"]["count"];
        QCOMPARE(counts.get<int>(), 4);
        poke(bins, "/state/edges", 6, -1e300); // the second column's second edge
        expectRefusal(bins.json, bins.blob, "steps[0].state.edges[6]");

        Saved oneHot = save(*namedStep("one_hot"));
        poke(oneHot, "/state/columns/1/numbers", 0, std::numeric_limits<double>::quiet_NaN());
        expectRefusal(oneHot.json, oneHot.blob, "steps[0].state.columns[1].numbers[0]");

        Saved cast = save(*namedStep("cast"));
        poke(cast, "/state/casts/0/dictionary", 1, 0.0);
        expectRefusal(cast.json, cast.blob, "steps[0].state.casts[0].dictionary[1]");

        Saved minMax = save(*namedStep("minmax"));
        poke(minMax, "/state/options/feature_range", 0, 2.0);
        expectRefusal(minMax.json, minMax.blob, "steps[0].state.options.feature_range");

        Saved robust = save(*namedStep("robust"));
        poke(robust, "/state/options/quantile_range", 1, 150.0);
        expectRefusal(robust.json, robust.blob, "steps[0].state.options.quantile_range");
    }

    void truncatedBlobIsRefused() {
        for (const char* name : {"standard", "pca", "bins", "imputer"}) {
            const Saved saved = save(*namedStep(name));
            QVERIFY(saved.blob.size() > 8);
            expectRefusal(saved.json, std::span(saved.blob).first(saved.blob.size() - 8),
                          "steps[0].state.");
        }
    }
};

QTEST_GUILESS_MAIN(StepCodecsTest)
#include "tst_stepcodecs.moc"
