// ONNX export parity (issues 6 and 21) for k-nearest neighbours, naive Bayes and support vector
// machines. Models trained on the bundled datasets (raw Iris for its many equal distances and
// tied votes; mixed-type tables with a categorical column and an unseen category) are exported,
// run in ONNX Runtime (npm onnxruntime-node through tests/onnx/run_model.js, installed by the
// onnx.runtime fixture) and compared with the app's Model::predict on the same rows: labels
// identical, probabilities within 1e-6 and values within 1e-6 relative, on the datasets' raw
// values. Each case logs its file size and largest
// difference.
#include "OnnxHarness.h"

#include "data/FeatureMatrix.h"
#include "export/OnnxExport.h"
#include "models/Classification.h"
#include "models/Knn.h"
#include "models/LinearRegression.h"
#include "models/NaiveBayes.h"
#include "models/Svm.h"
#include "transform/Binning.h"
#include "transform/Encoders.h"
#include "transform/Imputer.h"
#include "transform/Scalers.h"
#include "transform/StandardScaler.h"

#include <QFile>
#include <QTest>

using namespace oficina::core;

namespace {

using namespace onnxtest;

// ---- learners -------------------------------------------------------------------------------

std::shared_ptr<const Learner> knnClassifier(int k, KnnWeights weights) {
    return makeLearner("k-NN", Task::Classification,
                       [=](const Table& t, const std::string& target, RunContext&) {
                           return Fitted{trainKnnClassifier(t, featuresOf(t), target,
                                                            {.nNeighbors = k, .weights = weights}),
                                         {}};
                       });
}

std::shared_ptr<const Learner> knnRegressor(int k, KnnWeights weights) {
    return makeLearner("k-NN", Task::Regression,
                       [=](const Table& t, const std::string& target, RunContext&) {
                           return Fitted{trainKnnRegressor(t, featuresOf(t), target,
                                                           {.nNeighbors = k, .weights = weights}),
                                         {}};
                       });
}

std::shared_ptr<const Learner> gaussianNb() {
    return makeLearner("Gaussian NB", Task::Classification,
                       [](const Table& t, const std::string& target, RunContext&) {
                           return Fitted{trainGaussianNaiveBayes(t, featuresOf(t), target), {}};
                       });
}

std::shared_ptr<const Learner> categoricalNb(double alpha) {
    return makeLearner(
        "Categorical NB", Task::Classification,
        [=](const Table& t, const std::string& target, RunContext&) {
            return Fitted{trainCategoricalNaiveBayes(t, featuresOf(t), target, {.alpha = alpha}),
                          {}};
        });
}

std::shared_ptr<const Learner> linearSvm(LiblinearOptions options = {}) {
    return makeLearner(
        "Linear SVM", Task::Classification,
        [=](const Table& t, const std::string& target, RunContext&) {
            const auto names = featuresOf(t);
            ClassLabels classes = presentClasses(t.column(target));
            const LiblinearFit fit = fitLiblinear(featureMatrix(t, names), classes.codes,
                                                  int(classes.labels.size()), options);
            return Fitted{std::make_shared<const LinearSvc>(names, std::move(classes.labels),
                                                            fit.coefficients, fit.intercepts),
                          {}};
        });
}

std::shared_ptr<const Learner> svc(KernelSvmOptions options) {
    return makeLearner("SVC", Task::Classification,
                       [=](const Table& t, const std::string& target, RunContext&) {
                           const auto names = featuresOf(t);
                           ClassLabels classes = presentClasses(t.column(target));
                           return Fitted{fitSvc(featureMatrix(t, names), classes.codes,
                                                std::move(classes.labels), names, options),
                                         {}};
                       });
}

/// An SVC told of a class that has no training row (second in the class order): libsvm never
/// sees it, and its probability column is zero.
std::shared_ptr<const Learner> svcWithAbsentClass(KernelSvmOptions options) {
    return makeLearner("SVC", Task::Classification,
                       [=](const Table& t, const std::string& target, RunContext&) {
                           const auto names = featuresOf(t);
                           ClassLabels classes = presentClasses(t.column(target));
                           for (int32_t& code : classes.codes)
                               code += code > 0 ? 1 : 0;
                           classes.labels.insert(classes.labels.begin() + 1, "never seen");
                           return Fitted{fitSvc(featureMatrix(t, names), classes.codes,
                                                std::move(classes.labels), names, options),
                                         {}};
                       });
}

std::shared_ptr<const Learner> svr(KernelSvmOptions options) {
    return makeLearner(
        "SVR", Task::Regression, [=](const Table& t, const std::string& target, RunContext&) {
            const auto names = featuresOf(t);
            return Fitted{
                fitSvr(featureMatrix(t, names), regressionTarget(t, target), names, options), {}};
        });
}

KernelSvmOptions kernel(SvmKernel k, bool probability = false) {
    KernelSvmOptions o;
    o.kernel = k;
    o.probability = probability;
    return o;
}

// ---- the cases --------------------------------------------------------------------------------

/// `raw` restricted to `features` (all when empty) and scaled on the training rows.
Table scaled(const Table& raw, std::vector<std::string> features, const std::string& target) {
    Table t = select(raw, std::move(features), target);
    return applyStep(fitStandardScaler(trainingRows(t)), t);
}

/// Mixed wine: most frequent imputation (the categorical column too), one-hot, scaling.
Table wineEncoded(const Table& raw) {
    Table t = select(raw, {}, "cultivar");
    t = applyStep(fitImputer(trainingRows(t), {.strategy = ImputeStrategy::MostFrequent}), t);
    t = applyStep(fitOneHotEncoder(trainingRows(t)), t);
    return applyStep(fitStandardScaler(trainingRows(t)), t);
}

Case knnIrisRaw() { // raw Iris: one-decimal values, so many equal distances; k = 5 ties votes
    const Table raw = dataset("iris", "species");
    return {train(select(raw, {}, "species"), knnClassifier(5, KnnWeights::Uniform)), raw};
}

Case knnIrisEven() { // raw Iris, k = 6: two-two-two and three-three votes go to the first class
    const Table raw = dataset("iris", "species");
    return {train(select(raw, {}, "species"), knnClassifier(6, KnnWeights::Uniform)), raw};
}

Case knnIrisDistance() { // raw Iris, distance weights: training rows are at distance 0
    const Table raw = dataset("iris", "species");
    return {train(select(raw, {}, "species"), knnClassifier(4, KnnWeights::Distance)), raw};
}

Case knnWineMixed() { // mixed wine: imputer, one-hot, scaler, distance weights
    const Table raw = wineMixed();
    return {train(wineEncoded(raw), knnClassifier(7, KnnWeights::Distance)), raw};
}

Case knnBreastCancer() { // 30 features: the app searches by brute force
    const Table raw = dataset("breast_cancer", "diagnosis");
    return {train(scaled(raw, {}, "diagnosis"), knnClassifier(5, KnnWeights::Uniform)), raw};
}

/// 80 rows on 15 grid points, each point several times with different classes: equal
/// distances decide which neighbours count, and equal votes which class wins.
Table duplicatedPoints() {
    std::vector<double> x1, x2;
    std::vector<int32_t> classes;
    for (int i = 0; i < 80; ++i) {
        x1.push_back(i % 5);
        x2.push_back((i / 5) % 3);
        classes.push_back((i * 7 + i / 15) % 3);
    }
    Table t({Column::numeric("x1", x1), Column::numeric("x2", x2),
             Column::categorical("kind", classes, {"a", "b", "c"}, ColumnRole::Target)});
    t.startLineage();
    return t;
}

Case knnTiesUniform() {
    const Table raw = duplicatedPoints();
    return {train(select(raw, {}, "kind"), knnClassifier(2, KnnWeights::Uniform)), raw};
}

Case knnTiesDistance() {
    const Table raw = duplicatedPoints();
    return {train(select(raw, {}, "kind"), knnClassifier(4, KnnWeights::Distance)), raw};
}

Case knnDigits() { // 64 whole-number pixels: brute-force search, many equal distances
    const Table raw = dataset("digits", "digit");
    return {train(select(raw, {}, "digit"), knnClassifier(3, KnnWeights::Uniform)), raw};
}

Case knnDiabetes() { // regression, uniform
    const Table raw = dataset("diabetes", "progression");
    return {train(scaled(raw, {}, "progression"), knnRegressor(10, KnnWeights::Uniform)), raw};
}

Case knnDiabetesDistance() { // regression, distance weights, raw (sex is 1 or 2)
    const Table raw = dataset("diabetes", "progression");
    return {train(select(raw, {"age", "sex", "bmi", "bp", "s5"}, "progression"),
                  knnRegressor(5, KnnWeights::Distance)),
            raw};
}

Case gaussianIris() {
    const Table raw = dataset("iris", "species");
    return {train(select(raw, {}, "species"), gaussianNb()), raw};
}

Case gaussianWineMixed() {
    const Table raw = wineMixed();
    return {train(wineEncoded(raw), gaussianNb()), raw};
}

Case gaussianBreastCancer() {
    const Table raw = dataset("breast_cancer", "diagnosis");
    return {train(select(raw, {}, "diagnosis"), gaussianNb()), raw};
}

Case categoricalWineMixed() { // a string column (with the unseen "extreme") and ordinal bins
    const Table raw = wineMixed();
    Table t =
        select(raw, {"color_intensity_level", "alcohol", "flavanoids", "proline"}, "cultivar");
    t = applyStep(fitImputer(trainingRows(t), {.strategy = ImputeStrategy::MostFrequent,
                                               .columns = {"color_intensity_level"}}),
                  t);
    t = applyStep(
        fitBinning(trainingRows(select(t, {"alcohol", "flavanoids", "proline"}, "cultivar")),
                   {.nBins = 4, .encode = BinEncoding::Ordinal}),
        t);
    return {train(t, categoricalNb(1.0)), raw};
}

Case categoricalIrisCodes() { // numeric codes: bins 0..5, the top ones never seen in training
    const Table raw = dataset("iris", "species");
    Table t = select(raw, {}, "species");
    t = applyStep(
        fitBinning(trainingRows(t),
                   {.nBins = 6, .strategy = BinStrategy::Uniform, .encode = BinEncoding::Ordinal}),
        t);
    return {train(t, categoricalNb(0.5)), raw};
}

Case linearSvcIris() {
    const Table raw = dataset("iris", "species");
    return {train(scaled(raw, {}, "species"), linearSvm()), raw};
}

Case linearSvcBreastCancer() { // one score row
    const Table raw = dataset("breast_cancer", "diagnosis");
    LiblinearOptions o;
    o.c = 0.5;
    return {train(scaled(raw, {}, "diagnosis"), linearSvm(o)), raw};
}

Case svcRbfWineMixed() {
    const Table raw = wineMixed();
    return {train(wineEncoded(raw), svc(kernel(SvmKernel::Rbf))), raw};
}

Case svcPolyIris() {
    const Table raw = dataset("iris", "species");
    KernelSvmOptions o = kernel(SvmKernel::Poly);
    o.coef0 = 1.0;
    return {train(scaled(raw, {}, "species"), svc(o)), raw};
}

Case svcLinearIrisRaw() {
    const Table raw = dataset("iris", "species");
    return {train(select(raw, {}, "species"), svc(kernel(SvmKernel::Linear))), raw};
}

Case svcSigmoidBreastCancer() {
    const Table raw = dataset("breast_cancer", "diagnosis");
    KernelSvmOptions o = kernel(SvmKernel::Sigmoid);
    o.gamma = 0.01;
    return {train(scaled(raw, {}, "diagnosis"), svc(o)), raw};
}

Case svcProbabilityIris() { // three classes: pairwise coupling
    const Table raw = dataset("iris", "species");
    return {train(scaled(raw, {}, "species"), svc(kernel(SvmKernel::Rbf, true))), raw};
}

Case svcProbabilityWine() { // three classes, polynomial kernel of degree 4
    const Table raw = dataset("wine", "cultivar");
    KernelSvmOptions o = kernel(SvmKernel::Poly, true);
    o.degree = 4;
    o.coef0 = 0.5;
    o.seed = 3;
    return {train(scaled(raw, {}, "cultivar"), svc(o)), raw};
}

Case svcProbabilityBreastCancer() { // two classes: the pairwise probability itself
    const Table raw = dataset("breast_cancer", "diagnosis");
    return {train(scaled(raw, {}, "diagnosis"), svc(kernel(SvmKernel::Rbf, true))), raw};
}

Case svcAbsentClass() { // four class labels, three with training rows
    const Table raw = dataset("iris", "species");
    return {train(scaled(raw, {}, "species"), svcWithAbsentClass(kernel(SvmKernel::Rbf, true))),
            raw};
}

/// 200 points of the unit square with labels that follow no boundary: some rows get one vote
/// from each of libsvm's three pairs, and the first class wins the tie.
Table scatteredLabels() {
    std::vector<double> x1, x2;
    std::vector<int32_t> classes;
    for (int i = 0; i < 200; ++i) {
        x1.push_back(double(float(double((i * 37) % 23) / 23.0)));
        x2.push_back(double(float(double((i * 53) % 29) / 29.0)));
        classes.push_back((i * 7 + i / 11) % 3);
    }
    Table t({Column::numeric("x1", x1), Column::numeric("x2", x2),
             Column::categorical("kind", classes, {"a", "b", "c"}, ColumnRole::Target)});
    t.startLineage();
    return t;
}

Case svcTiedVotes() {
    const Table raw = scatteredLabels();
    return {train(select(raw, {}, "kind"), svc(kernel(SvmKernel::Poly))), raw};
}

Case svrRbfDiabetes() {
    const Table raw = dataset("diabetes", "progression");
    KernelSvmOptions o = kernel(SvmKernel::Rbf);
    o.c = 50.0;
    o.epsilon = 5.0;
    return {train(scaled(raw, {}, "progression"), svr(o)), raw};
}

Case svrLinearDiabetesMixed() {
    const Table raw = diabetesMixed();
    Table t = select(raw, {}, "progression");
    t = applyStep(fitImputer(trainingRows(t), {.strategy = ImputeStrategy::MostFrequent}), t);
    t = applyStep(fitOneHotEncoder(trainingRows(t)), t);
    t = applyStep(fitStandardScaler(trainingRows(t)), t);
    KernelSvmOptions o = kernel(SvmKernel::Linear);
    o.c = 10.0;
    return {train(t, svr(o)), raw};
}

const std::vector<NamedCase>& cases() {
    static const std::vector<NamedCase> all{
        {"k-NN k=5 (raw iris)", knnIrisRaw},
        {"k-NN k=6, tied votes (raw iris)", knnIrisEven},
        {"k-NN k=4, distance weights (raw iris)", knnIrisDistance},
        {"k-NN k=7, distance weights (mixed wine, imputer + one-hot + scaler)", knnWineMixed},
        {"k-NN k=5, 30 features (breast cancer)", knnBreastCancer},
        {"k-NN k=3, 64 features (digits)", knnDigits},
        {"k-NN k=2, duplicated points of different classes", knnTiesUniform},
        {"k-NN k=4, distance weights, duplicated points of different classes", knnTiesDistance},
        {"k-NN regressor k=10 (diabetes)", knnDiabetes},
        {"k-NN regressor k=5, distance weights (diabetes)", knnDiabetesDistance},
        {"Gaussian NB (iris)", gaussianIris},
        {"Gaussian NB (mixed wine, imputer + one-hot + scaler)", gaussianWineMixed},
        {"Gaussian NB (breast cancer)", gaussianBreastCancer},
        {"categorical NB, string column + ordinal bins (mixed wine)", categoricalWineMixed},
        {"categorical NB, numeric codes (iris bins)", categoricalIrisCodes},
        {"linear SVM, one-vs-rest (iris)", linearSvcIris},
        {"linear SVM, binary (breast cancer)", linearSvcBreastCancer},
        {"SVC rbf (mixed wine)", svcRbfWineMixed},
        {"SVC poly (iris)", svcPolyIris},
        {"SVC linear (raw iris)", svcLinearIrisRaw},
        {"SVC sigmoid (breast cancer)", svcSigmoidBreastCancer},
        {"SVC rbf with probabilities, 3 classes (iris)", svcProbabilityIris},
        {"SVC poly 4 with probabilities, 3 classes (wine)", svcProbabilityWine},
        {"SVC rbf with probabilities, 2 classes (breast cancer)", svcProbabilityBreastCancer},
        {"SVC with probabilities and a class without training rows (iris)", svcAbsentClass},
        {"SVC poly, one vote per class on some rows (scattered labels)", svcTiedVotes},
        {"SVR rbf (diabetes)", svrRbfDiabetes},
        {"SVR linear (mixed diabetes, imputer + one-hot + scaler)", svrLinearDiabetesMixed},
    };
    return all;
}

} // namespace

class OnnxClassic : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parity_data();
    void parity();
    void noProbabilityOutput();

private:
    OrtChecker m_ort;
};

void OnnxClassic::initTestCase() {
    QVERIFY2(m_ort.start(), qPrintable(m_ort.error()));
}

void OnnxClassic::parity_data() {
    addParityRows(cases());
}

void OnnxClassic::parity() {
    QFETCH(int, index);
    const QString failure = m_ort.checkCase(
        cases()[size_t(index)], m_ort.file(QStringLiteral("classic%1.onnx").arg(index)));
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void OnnxClassic::noProbabilityOutput() {
    // A linear SVM and an SVC without probability give labels only.
    for (const Case& c : {linearSvcIris(), svcPolyIris()}) {
        const QString file = m_ort.file(QStringLiteral("labels-only.onnx"));
        const OnnxExportResult r = exportOnnx(c.model, file.toStdString());
        QCOMPARE(r.outputs, std::vector<std::string>{"label"});
        QFile card(QString::fromStdString(r.cardPath));
        QVERIFY(card.open(QIODevice::ReadOnly));
        const QByteArray text = card.readAll();
        QVERIFY2(text.contains("\nClasses: ") && !text.contains("probability columns"),
                 text.constData());
    }
    const OnnxExportResult r =
        exportOnnx(svcProbabilityIris().model, m_ort.file(QStringLiteral("p.onnx")).toStdString());
    QCOMPARE(r.outputs, (std::vector<std::string>{"label", "probabilities"}));
}

QTEST_GUILESS_MAIN(OnnxClassic)
#include "tst_onnxclassic.moc"
