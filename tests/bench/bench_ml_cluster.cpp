// Clustering's side of run_ml_bench.sh (see BenchSupport.h).
#include "BenchSupport.h"

#include "cluster/Agglomerative.h"
#include "cluster/Dbscan.h"
#include "cluster/KMeans.h"
#include "data/FeatureMatrix.h"

namespace {

using namespace oficina::core;

Eigen::MatrixXd load(const std::string& data, const std::string& file) {
    const Table t = bench::loadCsv(data, file);
    return featureMatrix(t, t.columnNames());
}

void kmeans(const std::string& data) {
    Eigen::MatrixXd X = load(data, "blobs_1m.csv");
    const double dataRss = bench::peakRssMb();
    KMeansFit fit;
    KMeansOptions options;
    options.nClusters = 8;
    options.maxIter = 100;
    // X is moved in (centred in place), as scikit-learn centres its own copy.
    const double seconds = bench::timed([&] { fit = fitKMeans(std::move(X), options); });
    char extra[48];
    std::snprintf(extra, sizeof extra, "inertia:%.6g", fit.inertia);
    bench::report("kmeans", seconds, extra, dataRss, "n_iter=" + std::to_string(fit.iterations));
}

void dbscan(const std::string& data) {
    const Eigen::MatrixXd X = load(data, "moons_20k.csv");
    const double dataRss = bench::peakRssMb();
    DbscanFit fit;
    const double seconds = bench::timed([&] { fit = fitDbscan(X, {.eps = 0.1, .minSamples = 5}); });
    bench::report("dbscan", seconds, "clusters:" + std::to_string(fit.clusterCount), dataRss,
                  "noise=" + std::to_string(fit.noiseCount));
}

void agglomerative(const std::string& data) {
    const Eigen::MatrixXd X = load(data, "moons_20k.csv").topRows(10000);
    const double dataRss = bench::peakRssMb();
    AgglomerativeFit fit;
    const double seconds = bench::timed([&] { fit = fitAgglomerative(X, {.nClusters = 2}); });
    const auto size0 = std::count(fit.labels.begin(), fit.labels.end(), 0);
    bench::report("agglomerative", seconds, "size0:" + std::to_string(size0), dataRss);
}

} // namespace

int main(int argc, char** argv) {
    return bench::run(argc, argv,
                      {{"kmeans", kmeans}, {"dbscan", dbscan}, {"agglomerative", agglomerative}});
}
