// Linear models' side of run_ml_bench.sh (see BenchSupport.h).
#include "BenchSupport.h"

#include "models/LogisticRegression.h"

namespace {

void logisticRegression(const std::string& data) {
    using namespace oficina::core;
    const bench::Split split = bench::splitXy(bench::loadCsv(data, "clf_200k.csv"), "label");
    const double dataRss = bench::peakRssMb();
    const std::vector<int32_t> y(split.yTrain.begin(), split.yTrain.end());
    LogisticRegressionFit fit;
    const double seconds = bench::timed(
        [&] { fit = fitLogisticRegression(split.xTrain, y, 3, {.maxIter = 200}); });
    const LogisticRegression model({}, {"0", "1", "2"}, fit.coefficients, fit.intercepts);
    const auto predicted = model.predictClasses(split.xTest);
    double correct = 0;
    for (size_t i = 0; i < predicted.size(); ++i) correct += predicted[i] == split.yTest[i];
    char extra[32];
    std::snprintf(extra, sizeof extra, "acc:%.4f", correct / double(predicted.size()));
    bench::report("logreg", seconds, extra, dataRss, "n_iter=" + std::to_string(fit.iterations));
}

} // namespace

int main(int argc, char** argv) {
    return bench::run(argc, argv, {{"logreg", logisticRegression}});
}
