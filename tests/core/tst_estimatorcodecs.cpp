// Every estimator type in a model package's state (core/deploy/EstimatorCodecs.cpp and its
// families): trained by its node on a bundled dataset, saved, dumped as JSON text, parsed and
// loaded over the writer's blob, it predicts bit for bit as the trained one and reports the same
// importances, type, title, task, features and classes. A damaged or hand-made state is refused
// with an Error naming its JSON path: a tree child out of range, a truncated blob, corrupted
// XGBoost bytes or a cyclic XGBoost tree, a wrong array length, a newer version and more.
#include "data/CsvReader.h"
#include "deploy/StateArchive.h"
#include "models/GradientBoosting.h"
#include "nodes/Nodes.h"
#include "pipeline/JsonText.h"
#include "pipeline/NodeRegistry.h"
#include "util/Error.h"
#include "util/RunContext.h"

#include <nlohmann/json.hpp>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

using namespace oficina::core;
using namespace oficina::core::deploy;

using Params = std::vector<std::pair<std::string, Value>>;
Q_DECLARE_METATYPE(Params)

namespace {

// A bundled dataset, its last column the target.
Table dataset(const std::string& name) {
    std::vector<Column> columns =
        readCsv(OFICINA_SOURCE_DIR "/resources/datasets/" + name + ".csv").table.columns();
    columns.back() = columns.back().withRole(ColumnRole::Target);
    Table table(std::move(columns));
    table.startLineage();
    return table;
}

// Iris with two features as text categories and two as integer codes, for categorical NB.
Table categoricalIris() {
    const Table iris = dataset("iris");
    std::vector<Column> columns;
    for (size_t j = 0; j < 4; ++j) {
        const Column& x = iris.column(j);
        std::vector<int32_t> codes;
        std::vector<double> numbers;
        for (size_t i = 0; i < iris.rowCount(); ++i) {
            codes.push_back(std::min(2, int32_t(x.number(i) / (j < 2 ? 3.0 : 1.5))));
            numbers.push_back(std::floor(x.number(i)));
        }
        columns.push_back(j % 2 == 0 ? Column::categorical(x.name(), codes, {"low", "mid", "high"})
                                     : Column::numeric(x.name(), numbers));
    }
    columns.push_back(iris.column(4));
    Table table(std::move(columns));
    table.startLineage();
    return table;
}

Table data(const std::string& name) {
    return name == "categorical_iris" ? categoricalIris() : dataset(name);
}

std::shared_ptr<const Estimator> train(const NodeRegistry& registry, const std::string& type,
                                       const Table& table, const Params& params) {
    const NodeSpec* spec = registry.find(type);
    if (!spec) throw std::runtime_error("no node " + type);
    ParamValues values = spec->defaults();
    for (const auto& [key, value] : params)
        values.set(key, value);
    RunContext ctx;
    ctx.beginNode("model");
    const PortValues out = spec->run(NodeInputs({{"data", tableValue(table)}}), values, ctx);
    return std::get<std::shared_ptr<const Model>>(out.at("model"))->estimator;
}

// A saved state as a package holds it: the JSON read back from its text, and the blob.
struct Saved {
    StateJson json;
    std::vector<std::byte> blob;
};

Saved save(const Estimator& estimator) {
    StateWriter writer;
    const StateJson json = saveEstimator(estimator, writer);
    return {parseJsonText(json.dump(), "state.json"), writer.blob()};
}

std::shared_ptr<const Estimator> load(const Saved& saved) {
    const StateReader reader(saved.blob, "model.ofmodel");
    return loadEstimator(saved.json, "estimator", reader);
}

// Where and why loading failed, or "(loaded)".
std::string refusal(const Saved& saved) {
    try {
        (void)load(saved);
    } catch (const Error& e) {
        return e.where() + ": " + e.message().english();
    }
    return "(loaded)";
}

template <class T> T peek(const Saved& saved, const StateJson& ref, size_t index) {
    T value;
    std::memcpy(&value, saved.blob.data() + ref["offset"].get<size_t>() + index * sizeof(T),
                sizeof(T));
    return value;
}

template <class T> void poke(Saved& saved, const StateJson& ref, size_t index, T value) {
    std::memcpy(saved.blob.data() + ref["offset"].get<size_t>() + index * sizeof(T), &value,
                sizeof(T));
}

bool sameBits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

// The XGBoost model of `saved` replaced by `bytes`, appended to its blob.
Saved withBoosterBytes(const Estimator& estimator, const std::vector<uint8_t>& bytes) {
    StateWriter writer;
    StateJson json = saveEstimator(estimator, writer);
    json["state"]["model"] = writer.bytes(bytes);
    return {json, writer.blob()};
}

#define QVERIFY_REFUSED(saved, where)                                                              \
    do {                                                                                           \
        const std::string why = refusal(saved);                                                    \
        QVERIFY2(why.find(std::string("model.ofmodel: ") + (where)) == 0, why.c_str());            \
    } while (false)

} // namespace

class TestEstimatorCodecs : public QObject {
    Q_OBJECT

    NodeRegistry m_registry;

private Q_SLOTS:
    void initTestCase() { registerBuiltinNodes(m_registry, {}); }

    void roundTripPredictsBitForBit_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<Params>("params");
        const auto row = [](const char* name, const char* type, const char* dataset,
                            Params params = {}) {
            QTest::newRow(name) << QString::fromLatin1(type) << QString::fromLatin1(dataset)
                                << params;
        };
        row("logistic softmax", "oficina.model.logistic_regression", "iris");
        row("logistic binary", "oficina.model.logistic_regression", "breast_cancer");
        row("logistic one-vs-rest", "oficina.model.logistic_regression", "wine",
            {{"solver", std::string("liblinear")}});
        row("logistic l1", "oficina.model.logistic_regression", "iris",
            {{"penalty", std::string("l1")}});
        row("linear svc", "oficina.model.linear_svc", "iris");
        row("linear svc binary", "oficina.model.linear_svc", "breast_cancer");
        row("svc probability", "oficina.model.svc", "iris", {{"probability", true}});
        row("svc poly binary", "oficina.model.svc", "breast_cancer",
            {{"kernel", std::string("poly")}, {"degree", int64_t(2)}, {"probability", true}});
        row("svc sigmoid", "oficina.model.svc", "wine", {{"kernel", std::string("sigmoid")}});
        row("svr", "oficina.model.svr", "diabetes");
        row("svr linear", "oficina.model.svr", "diabetes", {{"kernel", std::string("linear")}});
        row("decision tree classifier", "oficina.model.decision_tree_classifier", "wine",
            {{"criterion", std::string("entropy")}});
        row("decision tree regressor", "oficina.model.decision_tree_regressor", "diabetes");
        row("random forest classifier", "oficina.model.random_forest_classifier", "iris",
            {{"n_estimators", int64_t(15)}});
        row("random forest regressor", "oficina.model.random_forest_regressor", "diabetes",
            {{"n_estimators", int64_t(10)}, {"max_depth", int64_t(6)}});
        row("xgboost multi-class", "oficina.model.xgboost_classifier", "iris",
            {{"n_estimators", int64_t(20)}});
        row("xgboost binary early stopping", "oficina.model.xgboost_classifier", "breast_cancer",
            {{"n_estimators", int64_t(200)}, {"early_stopping_rounds", int64_t(5)}});
        row("xgboost regressor", "oficina.model.xgboost_regressor", "diabetes",
            {{"n_estimators", int64_t(30)}});
        row("knn classifier distance", "oficina.model.knn_classifier", "iris",
            {{"weights", std::string("distance")}, {"n_neighbors", int64_t(7)}});
        row("knn classifier brute force", "oficina.model.knn_classifier", "breast_cancer");
        row("knn regressor distance", "oficina.model.knn_regressor", "diabetes",
            {{"weights", std::string("distance")}});
        row("gaussian nb", "oficina.model.gaussian_nb", "wine");
        row("categorical nb ordinal", "oficina.model.categorical_nb", "digits");
        row("categorical nb categories", "oficina.model.categorical_nb", "categorical_iris");
        row("linear regression", "oficina.model.linear_regression", "diabetes");
        row("ridge", "oficina.model.ridge", "diabetes");
        row("lasso", "oficina.model.lasso", "diabetes");
        row("elastic net", "oficina.model.elastic_net", "diabetes");
        row("k-means", "oficina.cluster.kmeans", "iris", {{"n_clusters", int64_t(3)}});
        row("mini-batch k-means", "oficina.cluster.minibatch_kmeans", "wine",
            {{"n_clusters", int64_t(4)}, {"batch_size", int64_t(64)}});
    }

    void roundTripPredictsBitForBit() {
        QFETCH(QString, type);
        QFETCH(QString, dataset);
        QFETCH(Params, params);
        const Table table = data(dataset.toStdString());
        const auto trained = train(m_registry, type.toStdString(), table, params);
        const Saved saved = save(*trained);
        QCOMPARE(saved.json["type"].get<std::string>(), trained->typeId());
        const auto loaded = load(saved);

        QCOMPARE(loaded->typeId(), trained->typeId());
        QCOMPARE(std::string(loaded->title()), std::string(trained->title()));
        QVERIFY(loaded->task() == trained->task());
        QCOMPARE(loaded->featureNames(), trained->featureNames());
        QVERIFY(sameBits(loaded->featureImportances(), trained->featureImportances()));
        if (trained->task() == Task::Regression)
            QVERIFY(trained->featureImportances().empty() ||
                    trained->featureImportances().size() == trained->featureNames().size());

        const std::vector<Column> expected = trained->predict(table);
        const std::vector<Column> actual = loaded->predict(table);
        QCOMPARE(actual.size(), expected.size());
        for (size_t c = 0; c < expected.size(); ++c) {
            QCOMPARE(actual[c].name(), expected[c].name());
            QVERIFY(actual[c].type() == expected[c].type());
            if (expected[c].isNumeric()) {
                QVERIFY2(sameBits(actual[c].values(), expected[c].values()),
                         expected[c].name().c_str());
            } else {
                // The prediction's categories are the model's class labels, in order.
                QCOMPARE(actual[c].categories(), expected[c].categories());
                QCOMPARE(actual[c].codes(), expected[c].codes());
            }
        }
        // Saving the loaded model again gives the same state, JSON and bytes.
        const Saved again = save(*loaded);
        QCOMPARE(again.json.dump(), saved.json.dump());
        QVERIFY(again.blob == saved.blob);
    }

    void everyEstimatorTypeHasACodec() {
        for (const char* type :
             {"oficina.model.logistic_regression", "oficina.model.linear_svc", "oficina.model.svc",
              "oficina.model.svr", "oficina.model.decision_tree_classifier",
              "oficina.model.decision_tree_regressor", "oficina.model.random_forest_classifier",
              "oficina.model.random_forest_regressor", "oficina.model.xgboost_classifier",
              "oficina.model.xgboost_regressor", "oficina.model.knn_classifier",
              "oficina.model.knn_regressor", "oficina.model.gaussian_nb",
              "oficina.model.categorical_nb", "oficina.model.linear_regression",
              "oficina.model.ridge", "oficina.model.lasso", "oficina.model.elastic_net",
              "oficina.cluster.kmeans"}) {
            size_t found = 0;
            for (const EstimatorCodec& codec : estimatorCodecs())
                found += size_t(std::count(codec.typeIds.begin(), codec.typeIds.end(), type));
            QVERIFY2(found == 1, type);
        }
    }

    void refusesATreeChildOutOfRange() {
        const auto tree =
            train(m_registry, "oficina.model.decision_tree_classifier", dataset("iris"), {});
        Saved saved = save(*tree);
        const StateJson& left = saved.json["state"]["tree"]["left"];
        QVERIFY(peek<int32_t>(saved, left, 0) == 1);
        poke<int32_t>(saved, left, 0, 1000);
        QVERIFY_REFUSED(saved, "estimator.state.tree.left[0]");
        poke<int32_t>(saved, left, 0, 0); // a loop on the root
        QVERIFY_REFUSED(saved, "estimator.state.tree.left[0]");
        poke<int32_t>(saved, left, 0, 1);
        QCOMPARE(refusal(saved), std::string("(loaded)"));
        poke<int32_t>(saved, saved.json["state"]["tree"]["feature"], 0, 4);
        QVERIFY_REFUSED(saved, "estimator.state.tree.feature[0]");

        // A forest names the tree.
        const auto forest = train(m_registry, "oficina.model.random_forest_regressor",
                                  dataset("diabetes"), {{"n_estimators", int64_t(3)}});
        Saved trees = save(*forest);
        poke<int32_t>(trees, trees.json["state"]["trees"][2]["right"], 0, -7);
        QVERIFY_REFUSED(trees, "estimator.state.trees[2].right[0]");
    }

    void refusesATruncatedBlob() {
        const auto model = train(m_registry, "oficina.model.gaussian_nb", dataset("iris"), {});
        Saved saved = save(*model);
        saved.blob.resize(saved.blob.size() / 2);
        const std::string why = refusal(saved);
        QVERIFY2(why.find("model.ofmodel: estimator.state.") == 0 &&
                     why.find("lies outside") != std::string::npos,
                 why.c_str());
    }

    void refusesCorruptedBoosterBytes() {
        const auto xgb = train(m_registry, "oficina.model.xgboost_classifier", dataset("iris"),
                               {{"n_estimators", int64_t(5)}});
        Saved saved = save(*xgb);
        const StateJson& ref = saved.json["state"]["model"];
        for (size_t i = 0; i < 8; ++i)
            poke<uint8_t>(saved, ref, i, 0xFF);
        QVERIFY_REFUSED(saved, "estimator.state.model");

        // Valid UBJSON, but hostile: a typed array of 2^36 nulls in 13 bytes, or deep nesting.
        QVERIFY_REFUSED(
            withBoosterBytes(*xgb, {'[', '$', 'Z', '#', 'L', 0, 0, 0, 0x10, 0, 0, 0, 0}),
            "estimator.state.model");
        QVERIFY_REFUSED(withBoosterBytes(*xgb, std::vector<uint8_t>(100000, '[')),
                        "estimator.state.model");

        nlohmann::json model =
            nlohmann::json::from_ubjson(static_cast<const GradientBoosting&>(*xgb).modelBuffer());
        // The same model as nlohmann encodes it passes the checks, but XGBoost's reader wants
        // other integer widths: its refusal is an Error too.
        const std::string reencoded =
            refusal(withBoosterBytes(*xgb, nlohmann::json::to_ubjson(model)));
        QVERIFY2(reencoded.find("model.ofmodel: estimator.state.model: XGBoost failed") == 0,
                 reencoded.c_str());
        // A tree that loops back to its root (XGBoost would hang), or splits on a fifth feature.
        auto& tree = model["learner"]["gradient_booster"]["model"]["trees"][0];
        const nlohmann::json child = tree["left_children"][1];
        tree["left_children"][1] = 0;
        const std::string why = refusal(withBoosterBytes(*xgb, nlohmann::json::to_ubjson(model)));
        QVERIFY2(why.find("model.ofmodel: estimator.state.model") == 0 &&
                     why.find("node 1 of tree 0") != std::string::npos,
                 why.c_str());
        tree["left_children"][1] = child;
        tree["split_indices"][0] = 4;
        const std::string feature =
            refusal(withBoosterBytes(*xgb, nlohmann::json::to_ubjson(model)));
        QVERIFY2(feature.find("node 0 of tree 0 of the XGBoost model splits on feature 4 of 4") !=
                     std::string::npos,
                 feature.c_str());
        // The classes must be the booster's.
        Saved fewer = save(*xgb);
        fewer.json["state"]["classes"] = {"a", "b"};
        QVERIFY_REFUSED(fewer, "estimator.state.model");
    }

    void refusesAWrongArrayLength() {
        const auto model =
            train(m_registry, "oficina.model.logistic_regression", dataset("iris"), {});
        Saved saved = save(*model);
        saved.json["state"]["intercepts"]["count"] = 2;
        const std::string why = refusal(saved);
        QVERIFY2(why == "model.ofmodel: estimator.state.intercepts: expected 3 values, found 2",
                 why.c_str());
        Saved dropped = save(*model);
        dropped.json["state"]["classes"] = {"setosa", "versicolor"};
        QVERIFY_REFUSED(dropped, "estimator.state.coefficients");
    }

    void refusesANewerVersion() {
        const auto model = train(m_registry, "oficina.model.ridge", dataset("diabetes"), {});
        Saved saved = save(*model);
        saved.json["version"] = kStateVersion + 1;
        const std::string why = refusal(saved);
        QVERIFY2(why.find("model.ofmodel: estimator: ") == 0 &&
                     why.find("update Oficina") != std::string::npos,
                 why.c_str());
    }

    void refusesInconsistentSvmGroups() {
        const auto svc = train(m_registry, "oficina.model.svc", dataset("iris"), {});
        Saved saved = save(*svc);
        const StateJson& sizes = saved.json["state"]["group_sizes"];
        poke<int32_t>(saved, sizes, 0, peek<int32_t>(saved, sizes, 0) + 1);
        QVERIFY_REFUSED(saved, "estimator.state.group_sizes");

        Saved classes = save(*svc);
        poke<int32_t>(classes, classes.json["state"]["group_classes"], 2, 0);
        QVERIFY_REFUSED(classes, "estimator.state.group_classes");

        Saved kernel = save(*svc);
        kernel.json["state"]["kernel"] = "cubic";
        QVERIFY_REFUSED(kernel, "estimator.state.kernel");
    }

    void refusesBadNeighbours() {
        const auto knn = train(m_registry, "oficina.model.knn_classifier", dataset("iris"), {});
        Saved saved = save(*knn);
        poke<int32_t>(saved, saved.json["state"]["targets"], 10, 3);
        QVERIFY_REFUSED(saved, "estimator.state.targets");

        Saved many = save(*knn);
        many.json["state"]["n_neighbors"] = 151;
        QVERIFY_REFUSED(many, "estimator.state.n_neighbors");

        Saved nan = save(*knn);
        poke<double>(nan, nan.json["state"]["points"]["data"], 0, std::nan(""));
        QVERIFY_REFUSED(nan, "estimator.state.points");
    }

    void refusesATreeOfTheWrongKind() {
        const auto tree =
            train(m_registry, "oficina.model.decision_tree_regressor", dataset("diabetes"), {});
        Saved saved = save(*tree);
        saved.json["state"]["criterion"] = "gini";
        QVERIFY_REFUSED(saved, "estimator.state.criterion");
        Saved classes = save(*tree);
        classes.json["type"] = "oficina.model.decision_tree_classifier";
        classes.json["state"]["classes"] = {"a", "b"};
        classes.json["state"]["criterion"] = "gini";
        QVERIFY_REFUSED(classes, "estimator.state.tree.values");
    }
};

QTEST_GUILESS_MAIN(TestEstimatorCodecs)
#include "tst_estimatorcodecs.moc"
