// k-NN and naive Bayes side of run_ml_bench.sh (see BenchSupport.h, sk_tasks_neighbors.py).
#include "BenchSupport.h"

#include "models/Knn.h"
#include "models/NaiveBayes.h"

namespace {

using namespace oficina::core;

// clf_200k's label as a target column, the features as numeric columns.
Table trainingTable(const Eigen::MatrixXd& x, const Eigen::VectorXd& y) {
    std::vector<Column> columns;
    std::vector<std::string> names;
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
        names.push_back("f" + std::to_string(j));
        columns.push_back(Column::numeric(names.back(), {x.col(j).begin(), x.col(j).end()}));
    }
    columns.push_back(Column::numeric("label", {y.begin(), y.end()}, ColumnRole::Target));
    return Table(std::move(columns));
}

std::string accuracy(const std::vector<int32_t>& predicted, const Eigen::VectorXd& truth) {
    double correct = 0;
    for (size_t i = 0; i < predicted.size(); ++i)
        correct += double(predicted[i]) == truth(Eigen::Index(i));
    char text[32];
    std::snprintf(text, sizeof text, "acc:%.4f", correct / double(predicted.size()));
    return text;
}

void knn(const std::string& data) {
    const bench::Split split = bench::splitXy(bench::loadCsv(data, "clf_200k.csv"), "label");
    const Eigen::MatrixXd queries = split.xTest.topRows(20000);
    const Eigen::VectorXd truth = split.yTest.head(20000);
    const Table train = trainingTable(split.xTrain, split.yTrain);
    std::vector<std::string> features = train.namesWithRole(ColumnRole::Feature);
    const double dataRss = bench::peakRssMb();
    std::vector<int32_t> predicted;
    const double seconds = bench::timed([&] {
        const auto model = trainKnnClassifier(train, features, "label", {.nNeighbors = 5});
        predicted = model->predictClasses(queries);
    });
    bench::report("knn", seconds, accuracy(predicted, truth), dataRss, "algorithm=brute");
}

void gnb(const std::string& data) {
    const bench::Split split = bench::splitXy(bench::loadCsv(data, "clf_200k.csv"), "label");
    const Table train = trainingTable(split.xTrain, split.yTrain);
    std::vector<std::string> features = train.namesWithRole(ColumnRole::Feature);
    const double dataRss = bench::peakRssMb();
    std::shared_ptr<const GaussianNaiveBayes> model;
    const double seconds =
        bench::timed([&] { model = trainGaussianNaiveBayes(train, features, "label"); });
    bench::report("gnb", seconds, accuracy(model->predictClasses(split.xTest), split.yTest),
                  dataRss);
}

} // namespace

int main(int argc, char** argv) {
    return bench::run(argc, argv, {{"knn", knn}, {"gnb", gnb}});
}
