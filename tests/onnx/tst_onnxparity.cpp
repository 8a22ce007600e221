// ONNX export parity (issues 6 and 21) for the preprocessing steps, linear models and K-Means.
// Models trained on the bundled datasets' raw values — mixed-type tables with missing cells and
// an unseen category where a step is about them — are exported, run in ONNX Runtime (npm
// onnxruntime-node through tests/onnx/run_model.js, installed by the onnx.runtime fixture) and
// compared with the app's Model::predict on the same rows: labels identical, probabilities
// within 1e-6, values and distances within 1e-6 relative. Also: refusal before writing,
// metadata, the single-input form and atomic writes (the card: tst_onnxcard.cpp).
#include "OnnxHarness.h"

#include "cluster/KMeans.h"
#include "data/FeatureMatrix.h"
#include "export/OnnxExport.h"
#include "models/CoordinateDescent.h"
#include "models/LinearRegression.h"
#include "models/LogisticRegression.h"
#include "reduce/Pca.h"
#include "transform/Binning.h"
#include "transform/ColumnEdits.h"
#include "transform/Encoders.h"
#include "transform/FeatureSelection.h"
#include "transform/Imputer.h"
#include "transform/PolynomialFeatures.h"
#include "transform/PowerTransform.h"
#include "transform/Scalers.h"
#include "transform/StandardScaler.h"
#include "util/Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <map>

using namespace oficina::core;

namespace {

using namespace onnxtest;

// ---- learners -------------------------------------------------------------------------------

/// "ols", "ridge", "lasso" or "elastic_net".
std::shared_ptr<const Learner> linear(std::string kind) {
    return makeLearner(
        "Linear", Task::Regression, [kind](const Table& t, const std::string& target, RunContext&) {
            const auto names = featuresOf(t);
            const Eigen::MatrixXd X = featureMatrix(t, names);
            const Eigen::VectorXd y = regressionTarget(t, target);
            Eigen::VectorXd w;
            double b = 0;
            if (kind == "ols" || kind == "ridge") {
                const LinearFit fit =
                    kind == "ols" ? fitLinearRegression(X, y) : fitRidge(X, y, {.alpha = 2.0});
                w = fit.coefficients;
                b = fit.intercept;
            } else {
                ElasticNetOptions o;
                o.alpha = 0.05;
                o.l1Ratio = kind == "lasso" ? 1.0 : 0.5;
                const ElasticNetFit fit = fitElasticNet(X, y, o);
                w = fit.coefficients;
                b = fit.intercept;
            }
            return Fitted{std::make_shared<const LinearRegressor>("oficina.model." + kind, "Linear",
                                                                  names, w, b),
                          {{"features", double(names.size())}}};
        });
}

// ---- the cases: a model and the raw rows to predict ------------------------------------------

Case logisticSoftmax() { // iris: standard scaler → softmax
    const Table raw = dataset("iris", "species");
    Table t = select(raw, {}, "species");
    t = applyStep(fitStandardScaler(trainingRows(t)), t);
    return {train(t, logistic()), raw};
}

Case logisticBinary() { // breast cancer: robust scaler → one coefficient row
    const Table raw = dataset("breast_cancer", "diagnosis");
    Table t = select(raw, {}, "diagnosis");
    t = applyStep(fitRobustScaler(trainingRows(t)), t);
    return {train(t, logistic()), raw};
}

Case logisticOneVsRest() { // wine: min-max with clipping → liblinear L1 one-vs-rest
    const Table raw = dataset("wine", "cultivar");
    Table t = select(raw, {}, "cultivar");
    t = applyStep(fitMinMaxScaler(trainingRows(t), {.featureRange = {-1, 1}, .clip = true}), t);
    LogisticRegressionOptions o;
    o.penalty = LogisticPenalty::L1;
    return {train(t, logistic(o)), raw};
}

Case ordinalImputeRidge() { // mixed diabetes: ordinal keeps missing as NaN, unseen → −1
    const Table raw = diabetesMixed();
    Table t = select(raw, {}, "progression");
    t = applyStep(fitOrdinalEncoder(trainingRows(t), {.useEncodedValue = true}), t);
    t = applyStep(fitImputer(trainingRows(t), {.strategy = ImputeStrategy::Median}), t);
    return {train(t, linear("ridge")), raw};
}

Case oneHotByValueOls() { // diabetes: numeric "sex" one-hot by value, drop first; constant fill
    const Table raw = diabetesMixed();
    Table t = select(raw, {}, "progression");
    t = applyStep(fitImputer(trainingRows(t), {.strategy = ImputeStrategy::Constant,
                                               .fillValue = "unknown",
                                               .columns = {"bmi_level"}}),
                  t);
    t = applyStep(fitImputer(trainingRows(t)), t);
    t = applyStep(fitOneHotEncoder(trainingRows(t),
                                   {.columns = {"sex", "bmi_level"}, .drop = OneHotDrop::First}),
                  t);
    return {train(t, linear("ols")), raw};
}

Case ordinalByValueLasso() { // diabetes: "sex" and "s4" ordinal by value, unseen values → 99
    const Table raw = dataset("diabetes", "progression");
    Table t = select(raw, {"age", "sex", "bmi", "bp", "s4", "s5"}, "progression");
    t = applyStep(
        fitOrdinalEncoder(trainingRows(t),
                          {.columns = {"sex", "s4"}, .useEncodedValue = true, .unknownValue = 99}),
        t);
    return {train(t, linear("lasso")), raw};
}

Case polynomialRidge() { // diabetes: degree 3 with bias → ridge
    const Table raw = dataset("diabetes", "progression");
    Table t = select(raw, {"age", "bmi", "bp", "s5"}, "progression");
    t = applyStep(fitStandardScaler(trainingRows(t)), t);
    t = applyStep(fitPolynomialFeatures(trainingRows(t), {.degree = 3, .includeBias = true}), t);
    return {train(t, linear("ridge")), raw};
}

Case binningLasso() { // diabetes: quantile one-hot bins of some columns, uniform ordinal of others
    const Table raw = dataset("diabetes", "progression");
    Table t = select(raw, {"age", "bmi", "bp", "s1", "s5"}, "progression");
    t = applyStep(fitBinning(trainingRows(select(t, {"age", "bmi"}, "progression")),
                             {.nBins = 4, .strategy = BinStrategy::Quantile}),
                  t);
    t = applyStep(
        fitBinning(trainingRows(select(t, {"bp", "s1"}, "progression")),
                   {.nBins = 5, .strategy = BinStrategy::Uniform, .encode = BinEncoding::Ordinal}),
        t);
    return {train(t, linear("lasso")), raw};
}

Case powerElasticNet() { // diabetes: Yeo-Johnson (standardised) and log1p → elastic net
    const Table raw = dataset("diabetes", "progression");
    Table t = select(raw, {"age", "bmi", "bp", "s1", "s3", "s6"}, "progression");
    t = applyStep(fitPowerTransform(trainingRows(select(t, {"age", "bmi", "bp"}, "progression"))),
                  t);
    t = applyStep(fitPowerTransform(trainingRows(select(t, {"s1", "s3", "s6"}, "progression")),
                                    {.method = PowerMethod::Log1p}),
                  t);
    return {train(t, linear("elastic_net")), raw};
}

Case handMadeSteps() { // diabetes: Yeo-Johnson at λ = 0 and 2 (every branch), a one-bin column
    const Table raw = dataset("diabetes", "progression");
    Table t = select(raw, {"age", "bmi", "bp", "s5"}, "progression");
    t = applyStep(fitStandardScaler(trainingRows(t)), t); // negative values for both branches
    t = applyStep(std::make_shared<const PowerTransformStep>(
                      std::vector<std::string>{"age", "bmi", "bp"}, PowerTransformOptions{},
                      std::vector<double>{0.0, 2.0, 1.3}, std::vector<double>{0.1, -0.2, 0.0},
                      std::vector<double>{1.1, 0.9, 1.0}),
                  t);
    const double inf = std::numeric_limits<double>::infinity();
    t = applyStep(std::make_shared<const BinningStep>(std::vector<std::string>{"s5"},
                                                      std::vector<std::vector<double>>{{-inf, inf}},
                                                      BinningOptions{}),
                  t);
    return {train(t, linear("ridge")), raw};
}

Case pcaLogistic() { // wine: scaler → PCA whitened (5 components) → softmax
    const Table raw = dataset("wine", "cultivar");
    Table t = select(raw, {}, "cultivar");
    t = applyStep(fitStandardScaler(trainingRows(t)), t);
    t = applyStep(fitPca(trainingRows(t), {.nComponents = 5, .whiten = true}).step, t);
    return {train(t, logistic()), raw};
}

Case columnEditsLogistic() { // iris: cast, rename, drop, select k best
    const Table raw = dataset("iris", "species");
    Table t = raw;
    t = applyStep(makeRenameColumns(t, {{"petal width (cm)", "pw"}}), t);
    t = applyStep(fitCastColumns(t, {"pw"}, ColumnType::Categorical), t); // by value
    t = applyStep(fitCastColumns(t, {"pw"}, ColumnType::Numeric), t);     // parses back
    t = applyStep(makeDropColumns(t, {"sepal width (cm)"}), t);
    t = select(t, {}, "species");
    t = applyStep(fitSelectKBest(trainingRows(t), {.k = 2}).step, t);
    t = applyStep(fitVarianceThreshold(trainingRows(t), 0.01).step, t);
    return {train(t, logistic()), raw};
}

Case kmeansScaled() { // mixed wine without its target: mean imputer → scaler → K-Means
    const Table raw = wineMixed();
    Table t = select(raw, {"alcohol", "magnesium", "flavanoids", "hue", "proline"}, "");
    t = applyStep(fitImputer(trainingRows(t)), t);
    t = applyStep(fitStandardScaler(trainingRows(t)), t);
    return {train(t, kmeans(3)), raw};
}

const std::vector<NamedCase>& cases() {
    static const std::vector<NamedCase> all{
        {"logistic softmax (iris, standard scaler)", logisticSoftmax},
        {"logistic binary (breast cancer, robust scaler)", logisticBinary},
        {"logistic one-vs-rest (wine, min-max clipped)", logisticOneVsRest},
        {"imputer + one-hot + scaler + logistic (mixed wine)", imputeOneHotScaleLogistic},
        {"ordinal + imputer + ridge (mixed diabetes)", ordinalImputeRidge},
        {"constant imputer + one-hot by value + OLS (mixed diabetes)", oneHotByValueOls},
        {"ordinal by value + lasso (diabetes)", ordinalByValueLasso},
        {"polynomial degree 3 + ridge (diabetes)", polynomialRidge},
        {"binning + lasso (diabetes)", binningLasso},
        {"power transforms + elastic net (diabetes)", powerElasticNet},
        {"Yeo-Johnson at lambda 0 and 2 + one-bin binning + ridge (diabetes)", handMadeSteps},
        {"PCA whitened + logistic (wine)", pcaLogistic},
        {"column edits + feature selection + logistic (iris)", columnEditsLogistic},
        {"imputer + scaler + K-Means (mixed wine)", kmeansScaled},
    };
    return all;
}

// ---- a minimal protobuf reader, enough for ModelProto's top-level fields ------------------

struct ProtoFields {
    std::multimap<int, uint64_t> numbers;
    std::multimap<int, std::string> bytes;
};

ProtoFields readProto(std::string_view data) {
    ProtoFields out;
    size_t at = 0;
    const auto varint = [&] {
        uint64_t value = 0;
        for (int shift = 0; at < data.size(); shift += 7) {
            const auto byte = uint8_t(data[at++]);
            value |= uint64_t(byte & 0x7f) << shift;
            if (!(byte & 0x80)) break;
        }
        return value;
    };
    while (at < data.size()) {
        const uint64_t key = varint();
        const int field = int(key >> 3);
        switch (key & 7) {
        case 0:
            out.numbers.emplace(field, varint());
            break;
        case 1:
            at += 8;
            break;
        case 5:
            at += 4;
            break;
        case 2: {
            const auto length = size_t(varint());
            out.bytes.emplace(field, std::string(data.substr(at, length)));
            at += length;
            break;
        }
        default:
            return out; // groups: not used by ONNX
        }
    }
    return out;
}

std::string readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll().toStdString();
}

// ---- fakes for refusals ---------------------------------------------------------------------

class FakeDbscan final : public Estimator {
public:
    [[nodiscard]] std::string typeId() const override { return "oficina.cluster.dbscan"; }
    [[nodiscard]] const char* title() const override { return "DBSCAN"; }
    [[nodiscard]] Task task() const override { return Task::Clustering; }
    [[nodiscard]] const std::vector<std::string>& featureNames() const override { return m_names; }
    [[nodiscard]] std::vector<Column> predict(const Table&) const override { return {}; }

private:
    std::vector<std::string> m_names{"alcohol"};
};

class FakeStep final : public FittedStep {
public:
    [[nodiscard]] std::string typeId() const override { return "test.fake_step"; }
    [[nodiscard]] const char* title() const override { return "Fake step"; }
    [[nodiscard]] Table apply(const Table& input) const override { return input; }
    [[nodiscard]] std::shared_ptr<const FittedStep> refit(const Table&) const override {
        return shared_from_this();
    }
};

} // namespace

class OnnxParity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parity_data();
    void parity();
    void singleInput();
    void awkwardColumnNames();
    void refusesBeforeWriting();
    void metadataAndCard();
    void atomicWrite();

private:
    OrtChecker m_ort;
};

void OnnxParity::initTestCase() {
    QVERIFY2(m_ort.start(), qPrintable(m_ort.error()));
}

void OnnxParity::parity_data() {
    addParityRows(cases());
}

void OnnxParity::parity() {
    QFETCH(int, index);
    const QString failure = m_ort.checkCase(cases()[size_t(index)],
                                            m_ort.file(QStringLiteral("case%1.onnx").arg(index)));
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void OnnxParity::singleInput() {
    const Case c = logisticSoftmax();
    const QString file = m_ort.file(QStringLiteral("single.onnx"));
    const QString failure = m_ort.check(c.model, c.rows, file, {.singleInput = true});
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const OnnxExportResult r = exportOnnx(c.model, file.toStdString(), {.singleInput = true});
    QCOMPARE(r.inputs.size(), size_t(1));
    QCOMPARE(r.inputs[0].name, std::string("input"));
    QCOMPARE(r.inputs[0].columns.size(), size_t(4)); // the target is not an input
    QCOMPARE(r.inputs[0].columns[0], std::string("sepal length (cm)"));
    // A categorical input column cannot go into one float tensor.
    const Case mixedCase = imputeOneHotScaleLogistic();
    const QString refused = m_ort.file(QStringLiteral("single-mixed.onnx"));
    QVERIFY_THROWS_EXCEPTION(
        Error, exportOnnx(mixedCase.model, refused.toStdString(), {.singleInput = true}));
    QVERIFY(!QFile::exists(refused));
}

void OnnxParity::awkwardColumnNames() {
    // Raw columns named like the outputs, like each other's renames and like graph values.
    const Table iris = dataset("iris", "species");
    const char* names[] = {"Cast", "label", "label_input", "Sub"};
    std::vector<Column> columns;
    for (size_t j = 0; j < 4; ++j)
        columns.push_back(iris.column(j).renamed(names[j]));
    columns.push_back(iris.column("species"));
    Table raw(std::move(columns));
    raw.startLineage();
    Table t = select(raw, {}, "species");
    t = applyStep(fitStandardScaler(trainingRows(t)), t);
    const Model model = train(t, logistic());
    const QString file = m_ort.file(QStringLiteral("awkward.onnx"));
    const QString failure = m_ort.check(model, raw, file);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const OnnxExportResult r = exportOnnx(model, file.toStdString());
    std::vector<std::string> inputs;
    for (const OnnxInput& in : r.inputs)
        inputs.push_back(in.name);
    QCOMPARE(inputs, (std::vector<std::string>{"Cast", "label_input", "label_input_input", "Sub"}));
    QCOMPARE(r.inputs[1].columns, std::vector<std::string>{"label"});
}

void OnnxParity::refusesBeforeWriting() {
    const QString sub = m_ort.file(QStringLiteral("refused"));
    QVERIFY(QDir().mkpath(sub));
    const Table raw = dataset("wine", "cultivar");
    Model dbscan{.lineage = select(raw, {"alcohol"}, "").lineage(),
                 .estimator = std::make_shared<const FakeDbscan>()};
    const auto why = onnxRefusal(dbscan);
    QVERIFY(why);
    QVERIFY2(why->english().find("DBSCAN") != std::string::npos, why->english().c_str());
    const QString file = sub + QStringLiteral("/dbscan.onnx");
    try {
        (void)exportOnnx(dbscan, file.toStdString());
        QFAIL("DBSCAN was exported");
    } catch (const Error& e) {
        QCOMPARE(e.message().english(), why->english());
    }
    // An unknown step is refused by name, before the estimator is looked at.
    Model withFake = logisticSoftmax().model;
    withFake.lineage = withFake.lineage.then(std::make_shared<const FakeStep>());
    const auto fake = onnxRefusal(withFake);
    QVERIFY(fake && fake->english().find("Fake step") != std::string::npos);
    QVERIFY_THROWS_EXCEPTION(Error, exportOnnx(withFake, file.toStdString()));
    // Fits the graph could not reproduce: an empty category (the graph's missing cell) and
    // values that only differ beyond float precision.
    Model emptyCategory = logisticSoftmax().model;
    emptyCategory.lineage = emptyCategory.lineage.then(std::make_shared<const OneHotEncoderStep>(
        std::vector<EncodedColumn>{{"kind", false, {"", "a"}, {}, -1}}, OneHotOptions{}));
    const auto empty = onnxRefusal(emptyCategory);
    QVERIFY(empty && empty->english().find("'kind'") != std::string::npos);
    Model closeValues = logisticSoftmax().model;
    closeValues.lineage =
        closeValues.lineage.then(std::make_shared<const CastColumnsStep>(std::vector<ColumnCast>{
            {"petal length (cm)", ColumnType::Categorical, {0.1, 0.1 + 1e-12}}}));
    // Values a float could not tell apart: fine with double inputs, refused with float ones.
    QVERIFY(!onnxRefusal(closeValues));
    try {
        (void)exportOnnx(closeValues, file.toStdString(), {.floatInputs = true});
        QFAIL("float inputs merged two categories of a cast");
    } catch (const Error& e) {
        QVERIFY2(e.message().english().find("float precision") != std::string::npos,
                 e.message().english().c_str());
    }
    QVERIFY(QDir(sub).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
}

void OnnxParity::metadataAndCard() {
    const QString sub = m_ort.file(QStringLiteral("card"));
    QVERIFY(QDir().mkpath(sub));
    const Case c = imputeOneHotScaleLogistic();
    const QString file = sub + QStringLiteral("/wine.onnx");
    const OnnxExportResult r = exportOnnx(
        c.model, file.toStdString(), {.pipelineName = "wine.oficina", .nodeTitle = "Wine model"});
    QCOMPARE(r.outputs, (std::vector<std::string>{"label", "probabilities"}));
    QCOMPARE(r.opsets.size(), size_t(2)); // the one-hot encoder needs ai.onnx.ml
    QCOMPARE(QFileInfo(file).size(), qint64(r.bytes));

    const ProtoFields model = readProto(readFile(file));
    QCOMPARE(model.numbers.find(1)->second, uint64_t(8)); // ir_version
    std::map<std::string, uint64_t> opsets;
    for (auto [it, end] = model.bytes.equal_range(8); it != end; ++it) {
        const ProtoFields opset = readProto(it->second);
        opsets[opset.bytes.count(1) ? opset.bytes.find(1)->second : ""] =
            opset.numbers.find(2)->second;
    }
    QCOMPARE(opsets, (std::map<std::string, uint64_t>{{"", 17}, {"ai.onnx.ml", 3}}));
    QVERIFY(model.bytes.find(6)->second.find("Wine model") != std::string::npos); // doc_string
    std::map<std::string, std::string> meta;
    for (auto [it, end] = model.bytes.equal_range(14); it != end; ++it) {
        const ProtoFields entry = readProto(it->second);
        meta[entry.bytes.find(1)->second] = entry.bytes.find(2)->second;
    }
    QCOMPARE(meta["oficina_version"], std::string(OFICINA_VERSION));
    QCOMPARE(meta["pipeline"], std::string("wine.oficina"));
    QCOMPARE(meta["node"], std::string("Wine model"));
    QCOMPARE(meta["task"], std::string("classification"));
    QCOMPARE(meta["target"], std::string("cultivar"));
    QCOMPARE(meta["class_labels"], std::string(R"(["class_0","class_1","class_2"])"));
    QVERIFY(QRegularExpression(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$)"))
                .match(QString::fromStdString(meta["created"]))
                .hasMatch());
    const QJsonArray inputs =
        QJsonDocument::fromJson(QByteArray::fromStdString(meta["inputs"])).array();
    QCOMPARE(inputs.size(), qsizetype(13)); // the 13 raw features; the target is no input
    for (const QJsonValue& in : inputs) {
        const QJsonObject o = in.toObject();
        const bool categorical =
            o.value("name").toString() == QLatin1String("color_intensity_level");
        QCOMPARE(o.value("type").toString(),
                 categorical ? QStringLiteral("string") : QStringLiteral("double"));
    }
    const QJsonObject metrics =
        QJsonDocument::fromJson(QByteArray::fromStdString(meta["training_metrics"])).object();
    QVERIFY(metrics.contains(QLatin1String("loss")));
    QVERIFY(meta["outputs"].find("probability of each class") != std::string::npos);
    QVERIFY(meta["steps"].find("oficina.encode.one_hot") != std::string::npos);

    QCOMPARE(r.cardPath, (sub + QStringLiteral("/wine.md")).toStdString());
    const std::string card = readFile(QString::fromStdString(r.cardPath));
    for (const char* needle :
         {"# Wine model", "`color_intensity_level`", "`probabilities`", "class_0, class_1, class_2",
          "| loss |", "import onnxruntime", "Ort::Session", "ONNX_TENSOR_ELEMENT_DATA_TYPE_STRING"})
        QVERIFY2(card.find(needle) != std::string::npos, needle);
}

void OnnxParity::atomicWrite() {
    const QString sub = m_ort.file(QStringLiteral("atomic"));
    QVERIFY(QDir().mkpath(sub));
    const Case c = kmeansScaled();
    const std::string file = (sub + QStringLiteral("/clusters.onnx")).toStdString();
    const OnnxExportResult first = exportOnnx(c.model, file);
    const OnnxExportResult again = exportOnnx(c.model, file); // replaces it
    QCOMPARE(again.bytes, first.bytes);
    QStringList files = QDir(sub).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    files.sort();
    QCOMPARE(files, (QStringList{QStringLiteral("clusters.md"), QStringLiteral("clusters.onnx")}));
    // An unwritable place: an Error naming the file, and nothing left behind.
    const std::string nowhere = (sub + QStringLiteral("/missing/folder/x.onnx")).toStdString();
    try {
        (void)exportOnnx(c.model, nowhere);
        QFAIL("wrote into a folder that does not exist");
    } catch (const Error& e) {
        QCOMPARE(e.where(), nowhere);
    }
    QCOMPARE(QDir(sub).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).size(),
             qsizetype(2));
}

QTEST_GUILESS_MAIN(OnnxParity)
#include "tst_onnxparity.moc"
