// libFuzzer harness: the pipeline file (core/pipeline/PipelineFile) with every built-in node
// type. parse -> validate -> save -> reopen -> save: a text the parser accepts must save, the
// saved text must reopen, and saving again must give the same bytes (whatever the editor holds
// must save and reopen). A refusal with an Error is fine; anything else escaping is a bug.
#include "FuzzInput.h"

#include "nodes/Nodes.h"
#include "pipeline/Graph.h"
#include "pipeline/NodeRegistry.h"
#include "pipeline/PipelineFile.h"
#include "util/Error.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

const oficina::core::NodeRegistry& registry() {
    static const oficina::core::NodeRegistry instance = [] {
        oficina::core::NodeRegistry r;
        oficina::core::registerBuiltinNodes(r, {});
        return r;
    }();
    return instance;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace oficina::core;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    Graph graph;
    try {
        graph = parsePipeline(text, registry(), "fuzz.oficina");
    } catch (const Error&) {
        return 0;  // refused with a message: fine
    }
    (void)validateGraph(graph, registry());
    const std::string saved = serializePipeline(graph, registry());
    Graph reopened;
    try {
        reopened = parsePipeline(saved, registry(), "saved.oficina");
    } catch (const Error& e) {
        fuzz::fail("a saved pipeline does not reopen", std::string(e.what()) + "\n" + saved);
    }
    const std::string again = serializePipeline(reopened, registry());
    if (again != saved) fuzz::fail("save -> reopen -> save differs", saved + "\n----\n" + again);
    return 0;
}
