// Stands in for core/nn's two LibTorch sources in the fuzz build (core/CMakeLists.txt,
// OFICINA_NN_STUBS): clang 14 cannot compile LibTorch 1.13's headers as C++20. The harnesses
// never train a network; if one did, it would get this error.
#include "nn/Network.h"

#include "util/Error.h"

namespace oficina::core::nn {

namespace {

[[noreturn]] void unavailable() {
    throw Error(Message("neural networks are not part of the fuzz build"));
}

} // namespace

Fitted fitNetwork(const Table&, const std::string&, const Table*, Task, const NetworkSpec&,
                  const TrainOptions&, RunContext&) {
    unavailable();
}

std::vector<Shape> networkShapes(const NetworkSpec&, int64_t) { unavailable(); }

} // namespace oficina::core::nn
