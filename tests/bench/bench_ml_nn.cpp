// Neural networks' side of run_ml_bench.sh (see BenchSupport.h): the MLP, 20→64→64→3,
// Adam, batch 256, 5 epochs on clf_200k, 2 threads, as sk_tasks_nn.py trains it in PyTorch.
#include "BenchSupport.h"

#include "nn/Network.h"
#include "util/RunContext.h"

#include <algorithm>

namespace {

using namespace oficina::core;

constexpr int kEpochs = 5;

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

/// Fits with and without the live metrics, alternating (after a one-epoch warm-up), and reports
/// the first live fit's time; the streaming cost is the median live fit against the median quiet
/// one.
void mlp(const std::string& data) {
    const Table raw = bench::loadCsv(data, "clf_200k.csv");
    std::vector<Column> columns;
    for (const auto& c : raw.columns())
        columns.push_back(
            c.withRole(c.name() == "label" ? ColumnRole::Target : ColumnRole::Feature));
    const Table all(std::move(columns));
    std::vector<size_t> trainRows(size_t(0.8 * double(all.rowCount())));
    for (size_t i = 0; i < trainRows.size(); ++i)
        trainRows[i] = i;
    const Table train = all.takeRows(trainRows);
    const double dataRss = bench::peakRssMb();

    nn::NetworkSpec spec;
    for (const char* layer : {"Dense(units=64)", "ReLU", "Dense(units=64)", "ReLU"})
        spec.layers.push_back(nn::parseLayer(layer));
    nn::TrainOptions options{.learningRate = 1e-3,
                             .batchSize = 256,
                             .epochs = kEpochs,
                             .validationFraction = 0,
                             .earlyStopping = false,
                             .standardize = false,
                             .threads = 2};
    std::vector<double> live, quiet;
    double lastLoss = 0;
    { // LibTorch's first fit in a process also starts its threads and warms its allocator
        RunContext warmUp;
        nn::TrainOptions once = options;
        once.epochs = 1;
        (void)nn::fitNetwork(train, "label", nullptr, Task::Classification, spec, once, warmUp);
    }
    for (int round = 0; round < 3; ++round)
        for (const bool streaming : {round % 2 == 0, round % 2 != 0}) {
            options.liveMetrics = streaming;
            RunContext ctx;
            ctx.beginNode("mlp");
            (streaming ? live : quiet).push_back(bench::timed([&] {
                (void)nn::fitNetwork(train, "label", nullptr, Task::Classification, spec, options,
                                     ctx);
            }));
            size_t cursor = 0;
            for (const auto& p : ctx.takeMetrics(cursor))
                if (p.series == "loss") lastLoss = p.value;
        }
    char extra[64], more[160];
    std::snprintf(extra, sizeof extra, "epoch_loss:%.4f", lastLoss);
    std::snprintf(more, sizeof more,
                  "s_per_epoch=%.4f quiet_s_per_epoch=%.4f streaming_cost=%.3f threads=2 "
                  "blas_threads=1",
                  median(live) / kEpochs, median(quiet) / kEpochs,
                  median(live) / median(quiet) - 1);
    bench::report("mlp_torch", live.front(), extra, dataRss, more);
}

} // namespace

int main(int argc, char** argv) {
    return bench::run(argc, argv, {{"mlp_torch", mlp}});
}
