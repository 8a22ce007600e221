// Shared by the bench_ml_*.cpp programs: each one times Oficina's side of some tasks of
// sk_reference.py on the same data and split, and prints the same one-line format:
//   TASK fit_s=… extra=… peak_rss_mb=… data_rss_mb=…
// (data_rss_mb: resident memory once the data is loaded, before fitting).
#pragma once

#include "data/CsvReader.h"
#include "data/FeatureMatrix.h"
#include "data/Table.h"

#include <Eigen/Core>

#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <sys/resource.h>

namespace bench {

inline double peakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) * 1024 / 1e6;
}

/// Seconds `work` takes.
inline double timed(const std::function<void()>& work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

inline oficina::core::Table loadCsv(const std::string& directory, const std::string& name) {
    return oficina::core::readCsv(directory + "/" + name).table;
}

/// sk_reference.py's split: the first 80 % of rows train, the rest test.
struct Split {
    Eigen::MatrixXd xTrain, xTest;
    Eigen::VectorXd yTrain, yTest;
};

inline Split splitXy(const oficina::core::Table& table, const std::string& target) {
    std::vector<std::string> features;
    for (const auto& name : table.columnNames())
        if (name != target) features.push_back(name);
    const Eigen::MatrixXd x = oficina::core::featureMatrix(table, features);
    const Eigen::MatrixXd y = oficina::core::featureMatrix(table, {target});
    const Eigen::Index train = Eigen::Index(0.8 * double(x.rows()));
    return {x.topRows(train), x.bottomRows(x.rows() - train), y.col(0).head(train),
            y.col(0).tail(y.rows() - train)};
}

/// Prints the result line; `dataRssMb` is peakRssMb() taken after loading the data.
inline void report(const std::string& task, double fitSeconds, const std::string& extra,
                   double dataRssMb, const std::string& more = {}) {
    std::printf("%s fit_s=%.4f extra=%s peak_rss_mb=%.1f data_rss_mb=%.1f%s%s\n", task.c_str(),
                fitSeconds, extra.c_str(), peakRssMb(), dataRssMb, more.empty() ? "" : " ",
                more.c_str());
    std::fflush(stdout);
}

using Task = std::function<void(const std::string& dataDirectory)>;

/// main() of a bench_ml_* program: `PROGRAM --list` prints its tasks, `PROGRAM TASK DATA_DIR`
/// runs one.
inline int run(int argc, char** argv, const std::map<std::string, Task>& tasks) {
    if (argc == 2 && std::string(argv[1]) == "--list") {
        for (const auto& [name, task] : tasks) std::printf("%s\n", name.c_str());
        return 0;
    }
    if (argc != 3 || !tasks.count(argv[1])) {
        std::fprintf(stderr, "usage: %s --list | TASK DATA_DIR\n", argv[0]);
        return 2;
    }
    try {
        tasks.at(argv[1])(argv[2]);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "%s: %s\n", argv[1], error.what());
        return 1;
    }
    return 0;
}

} // namespace bench
