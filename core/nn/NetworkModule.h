#pragma once

// The boundary between core and liboficina_nn, the one library that links LibTorch. Core loads
// it on the first network fit or restore (NetworkModule.cpp), so a process that never trains or
// loads a network never maps LibTorch: the CLI starts in milliseconds and a serving image of a
// model without a network needs no LibTorch.

#include "nn/Network.h"

namespace oficina::core::nn {

/// What the module exports, by one C symbol (kNetworkModuleEntry) returning a static table.
struct NetworkModule {
    /// OFICINA_VERSION the module was built as; core refuses a module of another version,
    /// since the two share C++ types.
    const char* version;
    decltype(&fitNetwork) fit;
    decltype(&restoreNetwork) restore;
};

inline constexpr const char* kNetworkModuleFile = "liboficina_nn.so";
inline constexpr const char* kNetworkModuleEntry = "oficina_nn_module";

/// The loaded module: loads it from beside the library or program holding core on the first
/// call (thread-safe). Throws Error naming the file and why it could not be loaded.
const NetworkModule& networkModule();

} // namespace oficina::core::nn
