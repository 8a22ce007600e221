#pragma once
// Tiny node types for engine tests: the registry and executor must work with any nodes.

#include "data/Table.h"
#include "pipeline/NodeRegistry.h"
#include "util/Error.h"
#include "util/RunContext.h"

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>

namespace fake {

using namespace oficina::core;

/// How many times each node id actually ran (cache hits do not count).
struct RunCounter {
    std::mutex mutex;
    std::map<std::string, int> runs;
    void count(const std::string& key) {
        std::lock_guard lock(mutex);
        ++runs[key];
    }
    int of(const std::string& key) {
        std::lock_guard lock(mutex);
        return runs[key];
    }
};

inline Table constantTable(double value, size_t rows = 3) {
    Table t({Column::numeric("x", std::vector<double>(rows, value))});
    t.startLineage();
    return t;
}

inline void registerFakeNodes(NodeRegistry& registry, RunCounter& counter) {
    registry.add({.type = "test.source",
                  .title = "Source",
                  .outputs = {{"out", PortType::Table, "Out"}},
                  .params = {Parameter::real("value", "Value", 1.0),
                             Parameter::file("path", "Path", "").optional()},
                  .run = [&counter](const NodeInputs&, const ParamValues& p, RunContext&) {
                      counter.count("source:" + std::to_string(p.real("value")));
                      return PortValues{{"out", tableValue(constantTable(p.real("value")))}};
                  },
                  .aliases = {"test.old_source"}});
    registry.add({.type = "test.add",
                  .title = "Add",
                  .category = Category::Features,
                  .inputs = {{"in", PortType::Table, "In"}},
                  .outputs = {{"out", PortType::Table, "Out"}},
                  .params = {Parameter::real("delta", "Delta", 1.0).range(-100, 100),
                             Parameter::column("column", "Column").optional()},
                  .run = [&counter](const NodeInputs& in, const ParamValues& p, RunContext& ctx) {
                      counter.count("add:" + std::to_string(p.real("delta")));
                      const Table& t = in.table("in");
                      std::vector<double> v = t.column(size_t(0)).values();
                      for (double& x : v) x += p.real("delta");
                      ctx.metric("sum", 1, v.empty() ? 0 : v[0]);
                      ctx.warning(Message("added %1", {std::to_string(p.real("delta"))}));
                      return PortValues{{"out", tableValue(Table({Column::numeric("x", v)}))}};
                  }});
    registry.add({.type = "test.fail",
                  .title = "Fail",
                  .inputs = {{"in", PortType::Table, "In", true}},
                  .outputs = {{"out", PortType::Table, "Out"}},
                  .run = [](const NodeInputs&, const ParamValues&, RunContext&) -> PortValues {
                      throw Error(Message("this node always fails"), "data.csv:3:7");
                  }});
    registry.add({.type = "test.slow",
                  .title = "Slow",
                  .inputs = {{"in", PortType::Table, "In", true}},
                  .outputs = {{"out", PortType::Table, "Out"}},
                  .params = {Parameter::integer("steps", "Steps", 10000)},
                  .run = [](const NodeInputs&, const ParamValues& p, RunContext& ctx) {
                      for (int64_t i = 0; i < p.integer("steps"); ++i) {
                          ctx.throwIfStopped();
                          ctx.progress(double(i) / double(p.integer("steps")));
                          std::this_thread::sleep_for(std::chrono::milliseconds(1));
                      }
                      return PortValues{{"out", tableValue(constantTable(0))}};
                  }});
    registry.add({.type = "test.model",
                  .title = "Model sink",
                  .inputs = {{"model", PortType::Model, "Model"}},
                  .outputs = {},
                  .run = [](const NodeInputs&, const ParamValues&, RunContext&) {
                      return PortValues{};
                  }});
}

} // namespace fake
