// Linear models' side of run_ml_bench.sh (see BenchSupport.h).
#include "BenchSupport.h"

#include "models/LinearRegression.h"
#include "models/LogisticRegression.h"
#include "models/Svm.h"

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

double r2(const Eigen::VectorXd& predicted, const Eigen::VectorXd& truth) {
    return 1.0 - (predicted - truth).squaredNorm() / (truth.array() - truth.mean()).square().sum();
}

void linearRegression(const std::string& data, bool ridge) {
    using namespace oficina::core;
    const bench::Split split = bench::splitXy(bench::loadCsv(data, "reg_200k.csv"), "target");
    const double dataRss = bench::peakRssMb();
    LinearFit fit;
    // OLS reads X a block of rows at a time (no copy of it); scikit-learn copies it
    // (copy_X=True) and factors the copy.
    const double seconds = bench::timed([&] {
        fit = ridge ? fitRidge(split.xTrain, split.yTrain) : fitLinearRegression(split.xTrain,
                                                                                 split.yTrain);
    });
    const LinearRegressor model("", "", {}, fit.coefficients, fit.intercept);
    char extra[32];
    std::snprintf(extra, sizeof extra, "r2:%.4f", r2(model.predictValues(split.xTest), split.yTest));
    bench::report(ridge ? "ridge" : "linreg", seconds, extra, dataRss);
}

void linearSvm(const std::string& data) {
    using namespace oficina::core;
    const bench::Split split = bench::splitXy(bench::loadCsv(data, "clf_200k.csv"), "label");
    const double dataRss = bench::peakRssMb();
    const std::vector<int32_t> y(split.yTrain.begin(), split.yTrain.end());
    LiblinearFit fit;
    const double seconds = bench::timed([&] { fit = fitLiblinear(split.xTrain, y, 3); });
    const LinearSvc model({}, {"0", "1", "2"}, fit.coefficients, fit.intercepts);
    const auto predicted = model.predictClasses(split.xTest);
    double correct = 0;
    for (size_t i = 0; i < predicted.size(); ++i) correct += predicted[i] == split.yTest[i];
    char extra[32];
    std::snprintf(extra, sizeof extra, "acc:%.4f", correct / double(predicted.size()));
    bench::report("linear_svc", seconds, extra, dataRss,
                  std::string("converged=") + (fit.converged ? "1" : "0"));
}

} // namespace

int main(int argc, char** argv) {
    return bench::run(argc, argv,
                      {{"logreg", logisticRegression},
                       {"linreg", [](const std::string& d) { linearRegression(d, false); }},
                       {"ridge", [](const std::string& d) { linearRegression(d, true); }},
                       {"linear_svc", linearSvm}});
}
