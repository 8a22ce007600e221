#include "nn/NetworkModule.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <dlfcn.h>

#include <filesystem>
#include <mutex>

namespace oficina::core::nn {

namespace {

// The folder of the shared object (or program) this function was linked into: the module is
// installed beside liboficina_core.so, in the build tree and in the package alike.
std::filesystem::path coreFolder() {
    Dl_info info{};
    if (dladdr(reinterpret_cast<const void*>(&coreFolder), &info) == 0 || !info.dli_fname)
        return {};
    return std::filesystem::path(info.dli_fname).parent_path();
}

const NetworkModule& load() {
    const std::string path = (coreFolder() / kNetworkModuleFile).string();
    // Never closed: LibTorch's static state lives as long as the process.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* reason = dlerror();
        throw Error(Message(OFICINA_TR_NOOP("neural networks need the oficina-nn package, whose "
                                            "library could not be loaded: %1"),
                            {reason ? reason : path}),
                    path);
    }
    using Entry = const NetworkModule* (*)();
    auto entry = reinterpret_cast<Entry>(dlsym(handle, kNetworkModuleEntry));
    const NetworkModule* module = entry ? entry() : nullptr;
    if (!module)
        throw Error(Message(OFICINA_TR_NOOP("%1 is not an Oficina network module"), {path}), path);
    if (std::string_view(module->version) != OFICINA_VERSION)
        throw Error(Message(OFICINA_TR_NOOP("the network module is version %1 but Oficina is %2: "
                                            "install the oficina-nn package of the same version"),
                            {module->version, OFICINA_VERSION}),
                    path);
    return *module;
}

} // namespace

const NetworkModule& networkModule() {
    // A failed load is tried again on the next call, so installing the package fixes a running
    // app. (A mutex, not call_once: libstdc++'s call_once is not reliable when the call throws.)
    static std::mutex mutex;
    static const NetworkModule* module = nullptr;
    const std::lock_guard lock(mutex);
    if (!module) module = &load();
    return *module;
}

Fitted fitNetwork(const Table& train, const std::string& target, const Table* validation, Task task,
                  const NetworkSpec& spec, const TrainOptions& options, RunContext& ctx) {
    return networkModule().fit(train, target, validation, task, spec, options, ctx);
}

std::shared_ptr<const Estimator> restoreNetwork(const NetworkWeights& weights) {
    return networkModule().restore(weights);
}

} // namespace oficina::core::nn
