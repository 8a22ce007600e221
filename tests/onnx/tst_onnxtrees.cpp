// ONNX export parity (issues 6 and 21) for decision trees, random forests and XGBoost: models
// trained on the bundled datasets' raw values and a generated 0.001 grid (directly, through an
// imputer and a scaler, and on mixed-type wine through imputer → one-hot → scaler) are exported,
// run in ONNX Runtime and compared with the app's Model::predict on every row: labels identical,
// probabilities within 1e-6, values within 1e-6 relative. Forests whose votes tie exercise the first-class rule;
// what the graph could not reproduce is refused before anything is written.
#include "OnnxHarness.h"

#include "data/FeatureMatrix.h"
#include "export/OnnxExport.h"
#include "models/DecisionTree.h"
#include "models/GradientBoosting.h"
#include "models/RandomForest.h"
#include "transform/Encoders.h"
#include "transform/Imputer.h"
#include "transform/StandardScaler.h"
#include "util/Error.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <nlohmann/json.hpp>

#include <bit>
#include <cmath>
#include <limits>
#include <set>

using namespace oficina::core;

namespace {

using namespace onnxtest;

// ---- learners -------------------------------------------------------------------------------

std::shared_ptr<const Learner> decisionTree(DecisionTreeOptions options) {
    const Task task =
        options.criterion == TreeCriterion::SquaredError ? Task::Regression : Task::Classification;
    return makeLearner("Decision tree", task,
                       [options](const Table& t, const std::string& target, RunContext&) {
                           return Fitted{trainDecisionTree(t, featuresOf(t), target, options), {}};
                       });
}

std::shared_ptr<const Learner> forest(RandomForestOptions options) {
    const Task task =
        options.criterion == TreeCriterion::SquaredError ? Task::Regression : Task::Classification;
    return makeLearner(
        "Random forest", task, [options](const Table& t, const std::string& target, RunContext&) {
            return Fitted{trainRandomForest(t, featuresOf(t), target, options).estimator, {}};
        });
}

std::shared_ptr<const Learner> xgboost(bool classification, GradientBoostingOptions options = {}) {
    return makeLearner(
        "XGBoost", classification ? Task::Classification : Task::Regression,
        [options, classification](const Table& t, const std::string& target, RunContext&) {
            const auto training =
                trainGradientBoosting(t, featuresOf(t), target, classification, options);
            return Fitted{training.estimator, {{"loss", training.loss}}};
        });
}

RandomForestOptions forestOptions(TreeCriterion criterion, int trees) {
    RandomForestOptions o;
    o.nEstimators = trees;
    o.criterion = criterion;
    o.maxFeatures = RandomForestOptions::defaultMaxFeatures(criterion);
    o.nJobs = 2;
    return o;
}

// ---- the cases ------------------------------------------------------------------------------

Case treeClassifier() { // iris, grown until its leaves are pure
    const Table raw = dataset("iris", "species");
    return {train(select(raw, {}, "species"), decisionTree({})), raw};
}

Case treeClassifierShallow() { // wine, entropy, depth 3: leaves with mixed classes
    const Table raw = dataset("wine", "cultivar");
    return {train(select(raw, {}, "cultivar"),
                  decisionTree({.criterion = TreeCriterion::Entropy, .maxDepth = 3})),
            raw};
}

Case treeRegressor() { // diabetes
    const Table raw = dataset("diabetes", "progression");
    return {train(select(raw, {}, "progression"),
                  decisionTree({.criterion = TreeCriterion::SquaredError, .minSamplesLeaf = 3})),
            raw};
}

Case forestClassifier() { // wine, 100 trees
    const Table raw = dataset("wine", "cultivar");
    return {train(select(raw, {}, "cultivar"), forest(forestOptions(TreeCriterion::Gini, 100))),
            raw};
}

Case forestTies() { // breast cancer, 4 pure trees: 2–2 votes tie, the first class wins
    const Table raw = dataset("breast_cancer", "diagnosis");
    return {train(select(raw, {}, "diagnosis"), forest(forestOptions(TreeCriterion::Gini, 4))),
            raw};
}

Case forestShallow() { // breast cancer, depth 4 and 5 rows per leaf: fractions averaged
    const Table raw = dataset("breast_cancer", "diagnosis");
    RandomForestOptions o = forestOptions(TreeCriterion::Entropy, 30);
    o.maxDepth = 4;
    o.minSamplesLeaf = 5;
    return {train(select(raw, {}, "diagnosis"), forest(o)), raw};
}

Case forestRegressor() { // diabetes, 100 trees
    const Table raw = dataset("diabetes", "progression");
    return {train(select(raw, {}, "progression"),
                  forest(forestOptions(TreeCriterion::SquaredError, 100))),
            raw};
}

Case imputeOneHotScaleForest() { // mixed wine: most frequent (both types) → one-hot → scaler
    const Table raw = wineMixed();
    Table t = select(raw, {}, "cultivar");
    t = applyStep(fitImputer(trainingRows(t), {.strategy = ImputeStrategy::MostFrequent}), t);
    t = applyStep(fitOneHotEncoder(trainingRows(t)), t);
    t = applyStep(fitStandardScaler(trainingRows(t)), t);
    return {train(t, forest(forestOptions(TreeCriterion::Gini, 100))), raw};
}

Case xgboostBinary() { // breast cancer
    const Table raw = dataset("breast_cancer", "diagnosis");
    return {train(select(raw, {}, "diagnosis"), xgboost(true, {.nThread = 2})), raw};
}

Case xgboostMulticlass() { // wine: one tree per class and round
    const Table raw = dataset("wine", "cultivar");
    return {train(select(raw, {}, "cultivar"), xgboost(true, {.nThread = 2})), raw};
}

Case xgboostRegressor() { // diabetes
    const Table raw = dataset("diabetes", "progression");
    return {train(select(raw, {}, "progression"), xgboost(false, {.nThread = 2})), raw};
}

Case xgboostEarlyStopping() { // mixed diabetes: median imputer → one-hot → XGBoost, early stopped
    const Table raw = diabetesMixed();
    Table t = select(raw, {}, "progression");
    t = applyStep(fitImputer(trainingRows(t),
                             {.strategy = ImputeStrategy::MostFrequent, .columns = {"bmi_level"}}),
                  t);
    t = applyStep(fitImputer(trainingRows(t), {.strategy = ImputeStrategy::Median}), t);
    t = applyStep(fitOneHotEncoder(trainingRows(t)), t);
    return {train(t, xgboost(false, {.learningRate = 0.1,
                                     .maxDepth = 3,
                                     .subsample = 0.8,
                                     .nThread = 2,
                                     .earlyStoppingRounds = 5})),
            raw};
}

Case gridScaledForest() { // grid, 50 trees on scaled values that repeat
    const Table raw = gridDataset("kind");
    return {train(imputedScaled(select(raw, {"a", "b", "c", "d"}, "kind")),
                  forest(forestOptions(TreeCriterion::Gini, 50))),
            raw};
}

Case gridScaledTreeRegressor() { // grid, values in the thousands
    const Table raw = gridDataset("amount");
    return {train(imputedScaled(select(raw, {"a", "b", "c", "d"}, "amount")),
                  decisionTree({.criterion = TreeCriterion::SquaredError})),
            raw};
}

Case gridScaledXgboostRegressor() { // grid: float outputs could not hold these to 1e-6
    const Table raw = gridDataset("amount");
    return {train(imputedScaled(select(raw, {"a", "b", "c", "d"}, "amount")),
                  xgboost(false, {.nThread = 2})),
            raw};
}

Case gridScaledXgboostMulticlass() { // grid, hist cuts on repeated values
    const Table raw = gridDataset("kind");
    return {train(imputedScaled(select(raw, {"a", "b", "c", "d"}, "kind")),
                  xgboost(true, {.nThread = 2})),
            raw};
}

Case wineScaledXgboost() { // wine's raw decimals, scaled
    const Table raw = dataset("wine", "cultivar");
    return {train(imputedScaled(select(raw, {}, "cultivar")), xgboost(true, {.nThread = 2})),
            raw};
}

Case diabetesScaledForestRegressor() { // diabetes' raw features, scaled
    const Table raw = dataset("diabetes", "progression");
    return {train(imputedScaled(select(raw, {}, "progression")),
                  forest(forestOptions(TreeCriterion::SquaredError, 50))),
            raw};
}

Case diabetesScaledXgboost() { // diabetes' raw features, scaled
    const Table raw = dataset("diabetes", "progression");
    return {train(imputedScaled(select(raw, {}, "progression")), xgboost(false, {.nThread = 2})),
            raw};
}

Case handMadeThresholds() { // diabetes: splits just below a float and exactly at one
    const Table raw = dataset("diabetes", "progression");
    const std::vector<double>& bmi = raw.column("bmi").values();
    const double v0 = std::min(bmi[0], bmi[1]), v1 = std::max(bmi[0], bmi[1]);
    // Rows of bmi v0 must go right of a threshold a hair below v0, though it rounds to v0 in
    // float; rows of bmi v1 then go left of a threshold equal to v1.
    std::vector<TreeNode> nodes(5);
    nodes[0] = {.left = 1,
                .right = 2,
                .feature = 1,
                .threshold = std::nextafter(v0, -std::numeric_limits<double>::infinity())};
    nodes[2] = {.left = 3, .right = 4, .feature = 1, .threshold = v1};
    Tree tree(nodes, {0.0, 1.0, 0.0, 2.0, 3.0}, 1);
    const Table t = select(raw, {"age", "bmi"}, "progression");
    return {Model{.lineage = t.lineage(),
                  .estimator = std::make_shared<const DecisionTree>(
                      std::vector<std::string>{"age", "bmi"}, std::vector<std::string>{},
                      std::move(tree), TreeCriterion::SquaredError),
                  .targetName = "progression"},
            raw};
}

const std::vector<NamedCase>& cases() {
    static const std::vector<NamedCase> all{
        {"tree classifier (iris)", treeClassifier},
        {"tree classifier, entropy, depth 3 (wine)", treeClassifierShallow},
        {"tree regressor (diabetes)", treeRegressor},
        {"forest classifier (wine)", forestClassifier},
        {"forest classifier, 4 trees with tied votes (breast cancer)", forestTies},
        {"forest classifier, depth 4 (breast cancer)", forestShallow},
        {"forest regressor (diabetes)", forestRegressor},
        {"imputer + one-hot + scaler + forest (mixed wine)", imputeOneHotScaleForest},
        {"XGBoost binary (breast cancer)", xgboostBinary},
        {"XGBoost multiclass (wine)", xgboostMulticlass},
        {"XGBoost regressor (diabetes)", xgboostRegressor},
        {"imputers + one-hot + XGBoost early stopped (mixed diabetes)", xgboostEarlyStopping},
        {"hand-made tree, thresholds between floats (diabetes)", handMadeThresholds},
        {"imputer + scaler + forest (grid)", gridScaledForest},
        {"imputer + scaler + tree regressor (grid)", gridScaledTreeRegressor},
        {"imputer + scaler + XGBoost regressor (grid)", gridScaledXgboostRegressor},
        {"imputer + scaler + XGBoost multiclass (grid)", gridScaledXgboostMulticlass},
        {"imputer + scaler + XGBoost multiclass (wine)", wineScaledXgboost},
        {"imputer + scaler + forest regressor (diabetes)", diabetesScaledForestRegressor},
        {"imputer + scaler + XGBoost regressor (diabetes)", diabetesScaledXgboost},
    };
    return all;
}

/// Rows of the app's class probabilities whose largest value is shared by two classes.
int tiedRows(const Model& model, const Table& rows) {
    const Table predicted = model.predict(rows);
    std::vector<const Column*> columns;
    for (const Column& c : predicted.columns())
        if (c.role() == ColumnRole::Prediction && c.name() != kPredictionColumn)
            columns.push_back(&c);
    int tied = 0;
    for (size_t i = 0; i < rows.rowCount(); ++i) {
        double best = -1.0;
        int count = 0;
        for (const Column* c : columns) {
            const double p = c->values()[i];
            count = p > best ? 1 : p == best ? count + 1 : count;
            best = std::max(best, p);
        }
        tied += count > 1 ? 1 : 0;
    }
    return tied;
}

/// `trained` (binary, one tree of one split) as XGBoost JSON text with leaf values `left` and
/// `right`, so every row's margin is one of them.
std::shared_ptr<const GradientBoosting> withLeaves(const GradientBoosting& trained, float left,
                                                   float right) {
    nlohmann::json model = nlohmann::json::from_ubjson(trained.modelBuffer());
    nlohmann::json& tree = model["learner"]["gradient_booster"]["model"]["trees"][0];
    tree["split_conditions"][1] = left;
    tree["split_conditions"][2] = right;
    const std::string text = model.dump();
    return std::make_shared<const GradientBoosting>(trained.featureNames(), trained.classLabels(),
                                                    std::vector<char>(text.begin(), text.end()),
                                                    trained.featureImportances(), 1);
}

} // namespace

class OnnxTrees : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parity_data();
    void parity();
    void tiesGoToTheFirstClass();
    void xgboostMarginsNearZero();
    void refusals();

private:
    OrtChecker m_ort;
};

void OnnxTrees::initTestCase() {
    QVERIFY2(m_ort.start(), qPrintable(m_ort.error()));
}

void OnnxTrees::parity_data() {
    addParityRows(cases());
}

void OnnxTrees::parity() {
    QFETCH(int, index);
    const QString failure = m_ort.checkCase(cases()[size_t(index)],
                                            m_ort.file(QStringLiteral("trees%1.onnx").arg(index)));
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void OnnxTrees::tiesGoToTheFirstClass() {
    // The case only proves the rule when the app's probabilities do tie somewhere.
    const Case c = forestTies();
    const int tied = tiedRows(c.model, c.rows);
    qInfo("4-tree forest: %d of %zu rows have tied votes", tied, c.rows.rowCount());
    QVERIFY(tied > 0);
    const QString failure = m_ort.check(c.model, c.rows, m_ort.file(QStringLiteral("ties.onnx")));
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void OnnxTrees::xgboostMarginsNearZero() {
    // XGBoost's float sigmoid gives exactly 0.5, hence class 0, for margins a little above 0.
    // Find the smallest margin it calls positive with the app itself, then put one leaf there
    // and the other a float below: the graph must split the rows as the app does.
    const Table raw = dataset("breast_cancer", "diagnosis");
    const Model model = train(select(raw, {}, "diagnosis"),
                              xgboost(true, {.nEstimators = 1, .maxDepth = 1, .nThread = 2}));
    const auto& trained = dynamic_cast<const GradientBoosting&>(*model.estimator);
    const Eigen::MatrixXd X = featureMatrix(model.lineage.applyTo(raw), trained.featureNames());
    const auto positive = [&](float margin) {
        return withLeaves(trained, margin, margin)->predictMatrix(X.topRows(1))(0, 1) > 0.5;
    };
    auto low = std::bit_cast<uint32_t>(0.0f), high = std::bit_cast<uint32_t>(1.0f);
    while (high - low > 1) {
        const uint32_t middle = low + (high - low) / 2;
        (positive(std::bit_cast<float>(middle)) ? high : low) = middle;
    }
    const float first = std::bit_cast<float>(high);
    qInfo("XGBoost's first positive margin: %.9g", double(first));
    QVERIFY(first > 0.0f);
    const Model edge{.lineage = model.lineage,
                     .estimator = withLeaves(trained, first, std::nextafter(first, 0.0f)),
                     .targetName = model.targetName};
    const Column labels = edge.predict(raw).column(kPredictionColumn);
    const std::set<int32_t> seen(labels.codes().begin(), labels.codes().end());
    QCOMPARE(seen.size(), size_t(2)); // both leaves reached, one of each class
    const QString failure = m_ort.check(edge, raw, m_ort.file(QStringLiteral("edge.onnx")));
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void OnnxTrees::refusals() {
    const QString sub = m_ort.file(QStringLiteral("refused"));
    QVERIFY(QDir().mkpath(sub));
    const std::string file = (sub + QStringLiteral("/model.onnx")).toStdString();
    const Lineage lineage = select(dataset("iris", "species"), {}, "species").lineage();
    const std::vector<std::string> features{"sepal length (cm)", "sepal width (cm)",
                                            "petal length (cm)", "petal width (cm)"};
    // XGBoost's model buffer is not a model.
    const Model garbled{.lineage = lineage,
                        .estimator = std::make_shared<const GradientBoosting>(
                            features, std::vector<std::string>{"a", "b"},
                            std::vector<char>{'{', 'x'}, std::vector<double>(4, 0.25), 1)};
    const auto unreadable = onnxRefusal(garbled);
    QVERIFY(unreadable);
    QVERIFY2(unreadable->english().find("XGBoost's model") != std::string::npos,
             unreadable->english().c_str());
    QVERIFY_THROWS_EXCEPTION(Error, exportOnnx(garbled, file));
    // A classifier's model under a regressor's estimator: the objective does not fit.
    const Case binary = xgboostBinary();
    const auto* trained = dynamic_cast<const GradientBoosting*>(binary.model.estimator.get());
    QVERIFY(trained);
    const Model mismatched{.lineage = binary.model.lineage,
                           .estimator = std::make_shared<const GradientBoosting>(
                               trained->featureNames(), std::vector<std::string>{},
                               trained->modelBuffer(), trained->featureImportances(), 1)};
    const auto objective = onnxRefusal(mismatched);
    QVERIFY(objective);
    QVERIFY2(objective->english().find("binary:logistic") != std::string::npos,
             objective->english().c_str());
    // A tree whose split names a feature the model does not have.
    Tree broken({{.left = 1, .right = 2, .feature = 7, .threshold = 1.0}, TreeNode{}, TreeNode{}},
                {1.0, 2.0, 3.0}, 1);
    const Model outOfRange{
        .lineage =
            select(dataset("diabetes", "progression"), {"age", "bmi"}, "progression").lineage(),
        .estimator = std::make_shared<const DecisionTree>(std::vector<std::string>{"age", "bmi"},
                                                          std::vector<std::string>{}, broken,
                                                          TreeCriterion::SquaredError)};
    try {
        (void)exportOnnx(outOfRange, file);
        QFAIL("a tree with a missing feature was exported");
    } catch (const Error& e) {
        QVERIFY2(e.message().english().find("node 0 of tree 0") != std::string::npos,
                 e.message().english().c_str());
    }
    // A forest without trees.
    const Model empty{.lineage = lineage,
                      .estimator = std::make_shared<const RandomForest>(
                          features, std::vector<std::string>{"a", "b"}, std::vector<Tree>{})};
    QVERIFY(onnxRefusal(empty));
    QVERIFY(QDir(sub).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
}

QTEST_GUILESS_MAIN(OnnxTrees)
#include "tst_onnxtrees.moc"
