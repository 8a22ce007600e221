// The Runs panel on 10,000 runs (issue: lists them and filters them in ≤ 100 ms).
//
//   bench_runspanel FOLDER [ROUNDS]      (QT_QPA_PLATFORM=offscreen)
//
// FOLDER/runs.db is filled once with 10,000 runs (20 parameters, 8 metrics, a data file each),
// then each round times what the panel does: on its loading thread, open the store, list the
// runs and work out the columns (makeRunsSnapshot); on the UI thread, hand the snapshot to the
// model and sort by a metric; then a text filter and a status filter through the proxy.
// Medians of ROUNDS.
#include "runs/RunsFilterModel.h"
#include "runs/RunsTableModel.h"
#include "track/RunStore.h"

#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <vector>

using namespace oficina;
using core::track::RunRecord;
using core::track::RunStatus;
using core::track::RunStore;

namespace {

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

void fill(const std::string& file) {
    RunStore store(file);
    if (!store.listRuns({.limit = 1}).empty()) return;
    for (int i = 0; i < 10000; ++i) {
        RunRecord r{.experiment = "churn_" + std::to_string(i % 7), .source = "cli"};
        store.beginRun(r);
        for (int p = 0; p < 20; ++p)
            r.params["node" + std::to_string(p % 5) + ".param" + std::to_string(p)] =
                std::to_string(p < 15 ? p : (i * 31 + p) % 97);
        for (int m = 0; m < 8; ++m)
            r.metrics.push_back({"score.metric" + std::to_string(m), double((i * 7 + m) % 1000) / 1000,
                                 0, r.startMs, false});
        r.inputs.push_back({.node = "load", .path = "/data/customers_" + std::to_string(i % 13) + ".csv"});
        r.status = i % 50 == 0 ? RunStatus::Failed : RunStatus::Finished;
        store.finishRun(r);
    }
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FOLDER [ROUNDS]\n", argv[0]);
        return 2;
    }
    const std::string file = std::string(argv[1]) + "/runs.db";
    const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    std::filesystem::create_directories(argv[1]);
    fill(file);

    std::vector<double> load, show, text, status;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        ui::RunsSnapshot snapshot = [&] {
            const RunStore store(file);
            return ui::makeRunsSnapshot(store.listRuns());
        }();
        load.push_back(double(timer.nsecsElapsed()) / 1e6);

        ui::RunsTableModel model;
        ui::RunsFilterModel filter;
        filter.setSourceModel(&model);
        timer.restart();
        model.setSnapshot(std::move(snapshot));
        filter.sort(model.metricColumn("score.metric3"), Qt::DescendingOrder);
        show.push_back(double(timer.nsecsElapsed()) / 1e6);

        timer.restart();
        filter.setText("customers_12");
        const int matched = filter.rowCount();
        text.push_back(double(timer.nsecsElapsed()) / 1e6);
        filter.setText({});
        timer.restart();
        filter.setStatus(RunStatus::Failed);
        const int failed = filter.rowCount();
        status.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (round == 0)
            std::printf("%d runs, %d columns; text filter keeps %d, status filter %d\n",
                        model.rowCount(), model.columnCount(), matched, failed);
    }
    std::printf("load (worker thread) %.1f ms; model + sort (UI thread) %.1f ms; text filter "
                "%.1f ms; status filter %.1f ms (medians of %d)\n",
                median(load), median(show), median(text), median(status), rounds);
    return 0;
}
