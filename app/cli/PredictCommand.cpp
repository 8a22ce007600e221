// `oficina-cli predict`: a model package applied to a data file.
#include "Commands.h"

#include "data/TextInput.h"
#include "deploy/BatchPredict.h"
#include "deploy/ModelPackage.h"
#include "util/Error.h"

#include <chrono>
#include <cstdio>
#include <unistd.h>

namespace oficina::cli {

namespace {

/// A progress bar on stderr, redrawn at most ten times a second, only on a terminal.
class ProgressBar {
public:
    explicit ProgressBar(bool shown) : m_shown(shown && isatty(STDERR_FILENO)) {}
    ~ProgressBar() {
        if (m_drawn) std::fputc('\n', stderr);
    }
    void show(double fraction) {
        const auto now = std::chrono::steady_clock::now();
        if (!m_shown || (fraction < 1 && now - m_last < std::chrono::milliseconds(100))) return;
        m_last = now;
        constexpr int kWidth = 30;
        const int filled = int(fraction * kWidth + 0.5);
        std::fprintf(stderr, "\rpredicting [%.*s%*s] %3.0f%%", filled,
                     "##############################", kWidth - filled, "", fraction * 100);
        m_drawn = true;
    }

private:
    bool m_shown;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_last;
};

} // namespace

int predict(const PredictOptions& options) {
    core::deploy::ModelPackage package;
    try {
        package = core::deploy::readPackage(options.model);
    } catch (const core::Error& e) {
        std::fprintf(stderr, "oficina-cli: %s\n",
                     core::printableText(e.what(), std::string::npos).c_str());
        return BadInput;
    }
    ProgressBar bar(!options.quiet);
    core::deploy::BatchOptions batch;
    batch.probabilities = options.probabilities;
    batch.keep = options.keep;
    batch.progress = [&](double fraction) { bar.show(fraction); };
    try {
        const uint64_t rows =
            core::deploy::predictFile(package, options.input, options.output, batch);
        bar.show(1.0);
        if (!options.quiet)
            std::fprintf(stderr, "\npredicted %llu rows with '%s' into %s\n",
                         static_cast<unsigned long long>(rows),
                         core::printableText(package.manifest.name, 80).c_str(),
                         options.output.c_str());
    } catch (const core::Error& e) {
        std::fprintf(stderr, "\noficina-cli: %s\n",
                     core::printableText(e.what(), std::string::npos).c_str());
        return BadInput;
    }
    return Ok;
}

} // namespace oficina::cli
