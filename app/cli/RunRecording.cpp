#include "RunRecording.h"

#include "TrackCommands.h"

#include "data/TextInput.h"
#include "track/MlflowClient.h"
#include "track/RunRecorder.h"
#include "track/RunStore.h"
#include "util/Error.h"

#include <chrono>
#include <cstdio>
#include <filesystem>

namespace oficina::cli {

namespace {

using namespace core::track;

// Often enough for a live loss curve in MLflow's UI, rarely enough to cost nothing.
constexpr auto kPollInterval = std::chrono::milliseconds(250);
constexpr int kPollsPerFlush = 4;

} // namespace

RunRecording::RunRecording(const RunOptions& options, const core::Graph& graph,
                           const core::NodeRegistry& registry, const core::RunContext& context)
    : m_options(options), m_context(context) {
    if (options.noRecord || !graph.recordRuns()) {
        // Said even with --quiet: the user asked for something that will not happen.
        if (!options.mlflowUri.empty() || !options.registerAs.empty())
            std::fprintf(stderr, "oficina-cli: --mlflow-uri and --register need the run "
                                 "recorded, and %s turns recording off\n",
                         options.noRecord ? "--no-record" : "this pipeline (\"record_runs\": false)");
        return;
    }
    try {
        m_store = std::make_unique<RunStore>(options.store.empty()
                                                 ? defaultStorePath(options.pipeline)
                                                 : storePathFor(options.store, false));
        m_recorder = std::make_unique<RunRecorder>(
            *m_store, graph, registry,
            RecordOptions{.source = "cli", .overrides = options.sets, .note = options.note,
                          .tags = options.tags});
    } catch (const core::Error& e) {
        warn(std::string("the run is not recorded: ") + e.what());
        m_recorder.reset();
        m_store.reset();
        return;
    }
    if (!options.mlflowUri.empty()) {
        try {
            m_mlflow = std::make_unique<LiveMlflowRun>(MlflowEndpoint{.uri = options.mlflowUri});
            m_mlflow->start(m_recorder->record());
        } catch (const core::Error& e) {
            warn(std::string("not logging to MLflow: ") + e.what());
            m_mlflow.reset();
        }
    }
    m_poller = std::thread([this] { pollMetrics(); });
}

RunRecording::~RunRecording() {
    m_stopPolling = true;
    if (m_poller.joinable()) m_poller.join();
}

void RunRecording::warn(const std::string& text) const {
    if (!m_options.quiet)
        std::fprintf(stderr, "oficina-cli: warning: %s\n",
                     core::printableText(text, std::string::npos).c_str());
}

void RunRecording::pollMetrics() {
    size_t cursor = 0;
    std::vector<core::MetricPoint> pending;
    for (int polls = 1;; ++polls) {
        const bool last = m_stopPolling;
        auto points = m_context.takeMetrics(cursor);
        pending.insert(pending.end(), points.begin(), points.end());
        if (!pending.empty() && (last || polls % kPollsPerFlush == 0)) {
            try {
                m_recorder->logPoints(pending);
            } catch (const core::Error&) {
                // The finished record holds every point again; a busy store loses nothing.
            }
            if (m_mlflow) {
                std::vector<MetricValue> values;
                for (const auto& p : pending)
                    values.push_back({p.node + "." + p.series, p.value, p.step,
                                      epochMilliseconds(), true});
                m_mlflow->add(values);
            }
            pending.clear();
        }
        if (last) return;
        std::this_thread::sleep_for(kPollInterval);
    }
}

void RunRecording::keep(const std::string& file, const std::string& node) {
    m_kept.emplace_back(file, node);
}

int RunRecording::finish(const core::RunResult& result) {
    // --register cannot be honoured without a record: a failure the exit code says.
    if (!m_recorder) return m_options.registerAs.empty() ? Ok : BadInput;
    m_stopPolling = true;
    m_poller.join();
    try {
        m_recorder->finish(result);
        for (const auto& [file, node] : m_kept)
            if (std::filesystem::exists(file)) m_recorder->addArtifactFile(file, artifactKind(file), node);
        m_recorder->commit();
    } catch (const core::Error& e) {
        warn(std::string("the run's record is incomplete: ") + e.what());
        return Ok;
    }
    for (const auto& problem : m_recorder->problems()) warn("not kept with the run: " + problem);
    const RunRecord& record = m_recorder->record();
    if (!m_options.quiet)
        std::fprintf(stderr, "recorded run #%lld (%s) in %s\n",
                     static_cast<long long>(record.number), record.id.c_str(),
                     m_store->path().c_str());
    if (m_mlflow) {
        if (m_mlflow->finish(record)) {
            if (!m_options.quiet)
                std::fprintf(stderr, "logged to MLflow as run %s\n", m_mlflow->runId().c_str());
            // The server is up: what waited for it goes now.
            if (!m_store->queuedPushes(m_options.mlflowUri).empty())
                pushQueuedRuns(*m_store, m_options.mlflowUri);
        } else {
            const std::string why = m_mlflow->error() ? m_mlflow->error()->what() : "unknown error";
            warn("MLflow did not take the run (" + why +
                 "); it waits in the store: `oficina-cli runs push` sends it again");
            m_store->queuePush(record.id, m_options.mlflowUri, why);
        }
    }
    if (m_options.registerAs.empty()) return Ok;
    const size_t equals = m_options.registerAs.find('=');
    const std::string node = equals == std::string::npos ? "" : m_options.registerAs.substr(0, equals);
    const std::string name = m_options.registerAs.substr(equals == std::string::npos ? 0 : equals + 1);
    try {
        const ModelVersion v = m_store->registerModel(name, record.id, node);
        if (!m_options.quiet)
            std::fprintf(stderr, "registered %s version %lld\n", v.name.c_str(),
                         static_cast<long long>(v.version));
    } catch (const core::Error& e) {
        std::fprintf(stderr, "oficina-cli: --register %s: %s\n", m_options.registerAs.c_str(),
                     core::printableText(e.what(), std::string::npos).c_str());
        return BadInput;
    }
    return Ok;
}

} // namespace oficina::cli
