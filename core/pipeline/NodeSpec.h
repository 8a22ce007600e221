#pragma once

#include "pipeline/Parameter.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace oficina::core {

class Table;
struct Model;
struct Metrics;
class RunContext;

enum class PortType { Table, Model, Metrics };
const char* toString(PortType type);

enum class Category { Data, Clean, Features, Reduce, Models, Cluster, NeuralNets, Evaluate, Export };
const char* toString(Category category);     ///< stable key: "data", "neural_nets"…
const char* categoryTitle(Category category); ///< English, OFICINA_TR_NOOP

struct PortSpec {
    std::string name;  ///< stable key used in links: "data", "model"
    PortType type = PortType::Table;
    const char* label = "";
    bool optional = false;
    /// Names the port had in earlier versions of its node: links in older files still connect.
    std::vector<std::string> formerNames = {};
};

/// What travels along a link. Immutable and shared: cached outputs are handed to several nodes
/// and to the ui without copies.
using PortValue = std::variant<std::monostate, std::shared_ptr<const Table>,
                               std::shared_ptr<const Model>, std::shared_ptr<const Metrics>>;
using PortValues = std::map<std::string, PortValue>;

/// A node's inputs by port name, with typed accessors that throw Error when a port is empty.
class NodeInputs {
public:
    explicit NodeInputs(PortValues values) : m_values(std::move(values)) {}
    [[nodiscard]] bool has(const std::string& port) const;
    [[nodiscard]] const Table& table(const std::string& port) const;
    [[nodiscard]] const Model& model(const std::string& port) const;
    [[nodiscard]] const Metrics& metrics(const std::string& port) const;

private:
    PortValues m_values;
};

using NodeRunFn = std::function<PortValues(const NodeInputs&, const ParamValues&, RunContext&)>;

/// A node type, declared once. Called on a worker thread: run() touches no GUI type and reads
/// nothing but its inputs, parameters and context.
struct NodeSpec {
    std::string type;  ///< stable id: "oficina.cluster.kmeans"
    int version = 1;
    const char* title = "";
    Category category = Category::Data;
    const char* help = "";      ///< what it does
    const char* whenToUse = ""; ///< when to reach for it, in a sentence or two
    /// Ids of the course concepts it embodies (core/nodes/Concepts.h): "training", "clustering"…
    std::vector<std::string> concepts;
    std::vector<PortSpec> inputs;
    std::vector<PortSpec> outputs;
    std::vector<Parameter> params;
    NodeRunFn run;
    std::vector<std::string> aliases;  ///< former type ids, so old pipeline files still open
    /// Upgrades what a file saved at an older `version` of this node holds, after former
    /// parameter keys and port names are mapped (those need no code): values whose meaning
    /// changed, a parameter split in two. Called once per such node, with the file's version;
    /// may throw Error. Without it, an older version loads as it is.
    std::function<void(ParamValues& params, int fromVersion)> migrate;
    /// Files the node writes with each output file (a writesFile parameter): the same path with
    /// this extension instead, e.g. ".md" for the ONNX export's card (model.onnx → model.md).
    /// Front ends warn before a run replaces them too.
    std::vector<std::string> companionExtensions;
    /// The outputs depend on which nodes feed the inputs, not only on what they send (a Gate
    /// names metrics after their node): the run gets RunContext::inputSources(), and the
    /// upstream ids join the node's cache key, so feeding it from another node reruns it.
    bool needsInputSources = false;

    [[nodiscard]] const Parameter* param(const std::string& key) const;
    [[nodiscard]] const PortSpec* input(const std::string& name) const;
    [[nodiscard]] const PortSpec* output(const std::string& name) const;
    /// By current or former key/name (files read them this way; everything else uses current
    /// names only).
    [[nodiscard]] const Parameter* paramOrFormer(const std::string& key) const;
    [[nodiscard]] const PortSpec* inputOrFormer(const std::string& name) const;
    [[nodiscard]] const PortSpec* outputOrFormer(const std::string& name) const;
    [[nodiscard]] ParamValues defaults() const;
};

/// Port values built from plain objects.
PortValue tableValue(Table table);
PortValue modelValue(Model model);
PortValue metricsValue(Metrics metrics);

} // namespace oficina::core
