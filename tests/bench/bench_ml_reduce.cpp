// PCA and scalers' side of run_ml_bench.sh (see BenchSupport.h): fits on the table as loaded
// (columnar), every row of blobs_1m.csv, as sk_tasks_reduce.py does.
#include "BenchSupport.h"

#include "reduce/Pca.h"
#include "transform/Scalers.h"
#include "transform/StandardScaler.h"

namespace {

using namespace oficina::core;

void pca(const std::string& data) {
    const Table table = bench::loadCsv(data, "blobs_1m.csv");
    const double dataRss = bench::peakRssMb();
    PcaFit fit;
    const double seconds = bench::timed([&] { fit = fitPca(table, {.nComponents = 5}); });
    char extra[32];
    std::snprintf(extra, sizeof extra, "evr:%.6f", fit.explainedVarianceRatio.sum());
    bench::report("pca", seconds, extra, dataRss,
                  fit.solverUsed == PcaSolver::CovarianceEigh ? "solver=covariance_eigh"
                                                              : "solver=other");
}

void scaleStandard(const std::string& data) {
    const Table table = bench::loadCsv(data, "blobs_1m.csv");
    const double dataRss = bench::peakRssMb();
    std::shared_ptr<const StandardScalerStep> step;
    const double seconds = bench::timed([&] { step = fitStandardScaler(table); });
    char extra[32];
    std::snprintf(extra, sizeof extra, "scale0:%.6f", step->scale()[0]);
    bench::report("scale_standard", seconds, extra, dataRss);
}

void scaleMinMax(const std::string& data) {
    const Table table = bench::loadCsv(data, "blobs_1m.csv");
    const double dataRss = bench::peakRssMb();
    std::shared_ptr<const MinMaxScalerStep> step;
    const double seconds = bench::timed([&] { step = fitMinMaxScaler(table); });
    char extra[32];
    std::snprintf(extra, sizeof extra, "scale0:%.6f", step->scale()[0]);
    bench::report("scale_minmax", seconds, extra, dataRss);
}

} // namespace

int main(int argc, char** argv) {
    return bench::run(
        argc, argv,
        {{"pca", pca}, {"scale_standard", scaleStandard}, {"scale_minmax", scaleMinMax}});
}
