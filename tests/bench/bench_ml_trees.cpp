// Trees' side of run_ml_bench.sh (see BenchSupport.h): CART and a 100-tree forest on 2 threads
// (against scikit-learn), gradient boosting (against HistGradientBoostingClassifier and
// XGBClassifier(tree_method="hist")) on clf_200k.csv.
#include "BenchSupport.h"

#include "models/GradientBoosting.h"
#include "models/RandomForest.h"

namespace {

using namespace oficina::core;

struct TreeSplit {
    bench::Split split;
    std::vector<float> x;  // the training rows, single precision, column-major
    std::vector<int32_t> y;
};

TreeSplit load(const std::string& data) {
    TreeSplit out{bench::splitXy(bench::loadCsv(data, "clf_200k.csv"), "label"), {}, {}};
    return out;
}

// What the timed fit includes, as scikit-learn's fit does: the float32 copy of X.
TreeData prepare(TreeSplit& s) {
    const Eigen::MatrixXd& x = s.split.xTrain;
    s.x.resize(size_t(x.size()));
    for (Eigen::Index i = 0; i < x.size(); ++i) s.x[size_t(i)] = float(x.data()[i]);
    s.y.assign(s.split.yTrain.begin(), s.split.yTrain.end());
    return {.x = s.x.data(), .rows = x.rows(), .features = int(x.cols()),
            .classes = s.y.data(), .classCount = 3};
}

std::string accuracy(const Eigen::MatrixXd& probabilities, const Eigen::VectorXd& truth) {
    double correct = 0;
    for (Eigen::Index i = 0; i < probabilities.rows(); ++i) {
        Eigen::Index best = 0;
        probabilities.row(i).maxCoeff(&best);
        correct += double(best) == truth(i);
    }
    char text[32];
    std::snprintf(text, sizeof text, "acc:%.4f", correct / double(truth.size()));
    return text;
}

void decisionTree(const std::string& data) {
    TreeSplit s = load(data);
    const double dataRss = bench::peakRssMb();
    Tree tree;
    const double seconds = bench::timed([&] {
        const TreeData d = prepare(s);
        auto workspace = makeTreeWorkspace();
        tree = buildTree(d, {}, treeSplitterSeed(0), *workspace);
    });
    const DecisionTree model({}, {"0", "1", "2"}, tree, TreeCriterion::Gini);
    bench::report("tree", seconds, accuracy(model.predictProbabilities(s.split.xTest), s.split.yTest),
                  dataRss, "nodes=" + std::to_string(tree.nodes().size()));
}

void randomForest(const std::string& data) {
    TreeSplit s = load(data);
    const double dataRss = bench::peakRssMb();
    std::vector<Tree> trees;
    const double seconds = bench::timed([&] {
        const TreeData d = prepare(s);
        RandomForestOptions options;
        options.nJobs = 2;
        trees = growForest(d, options);
    });
    const RandomForest model({}, {"0", "1", "2"}, std::move(trees));
    bench::report("forest", seconds,
                  accuracy(model.predictProbabilities(s.split.xTest), s.split.yTest), dataRss);
}

void boosting(const std::string& task, const std::string& data) {
    TreeSplit s = load(data);
    const double dataRss = bench::peakRssMb();
    const std::vector<double> y(s.split.yTrain.begin(), s.split.yTrain.end());
    GradientBoostingTraining training;
    const double seconds = bench::timed([&] {
        training = fitGradientBoosting(s.split.xTrain, y, 3, {}, {"0", "1", "2"},
                                       {.nThread = 2});
    });
    bench::report(task, seconds, accuracy(training.estimator->predictMatrix(s.split.xTest),
                                          s.split.yTest),
                  dataRss, "rounds=" + std::to_string(training.rounds));
}

} // namespace

int main(int argc, char** argv) {
    return bench::run(argc, argv,
                      {{"tree", decisionTree},
                       {"forest", randomForest},
                       {"gbt_hgb", [](const std::string& d) { boosting("gbt_hgb", d); }},
                       {"gbt_xgb", [](const std::string& d) { boosting("gbt_xgb", d); }}});
}
