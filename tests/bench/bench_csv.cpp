// Times readCsv on one file and prints one line (MB = 10^6 bytes; data_mb = float64 size):
//   bench_csv FILE [THREADS]
//   → csv_read seconds=… MBps=… peak_rss_mb=… data_mb=… rows=… cols=…
#include "data/CsvReader.h"
#include "util/Error.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <sys/resource.h>

int main(int argc, char** argv) {
    using namespace oficina::core;
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_csv FILE [THREADS]\n");
        return 2;
    }
    CsvOptions options;
    if (argc > 2) options.threads = std::atoi(argv[2]);
    try {
        const auto start = std::chrono::steady_clock::now();
        const ReadResult result = readCsv(argv[1], options);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        const double bytes = double(std::filesystem::file_size(argv[1]));
        const size_t rows = result.table.rowCount(), columns = result.table.columnCount();
        std::printf("csv_read seconds=%.4f MBps=%.1f peak_rss_mb=%.1f data_mb=%.1f rows=%zu "
                    "cols=%zu\n",
                    seconds, bytes / seconds / 1e6, double(usage.ru_maxrss) * 1024 / 1e6,
                    double(rows * columns * sizeof(double)) / 1e6, rows, columns);
        for (const auto& warning : result.warnings)
            std::fprintf(stderr, "warning: %s\n", warning.english().c_str());
    } catch (const Error& error) {
        std::fprintf(stderr, "%s\n", error.what());
        return 1;
    }
    return 0;
}
