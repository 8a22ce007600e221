#include "pipeline/NodeSpec.h"

#include "data/Table.h"
#include "eval/Metrics.h"
#include "models/Model.h"
#include "pipeline/NodeRegistry.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <stdexcept>

namespace oficina::core {

const char* toString(PortType type) {
    switch (type) {
    case PortType::Table: return "table";
    case PortType::Model: return "model";
    case PortType::Metrics: return "metrics";
    }
    return "table";
}

const char* toString(Category category) {
    switch (category) {
    case Category::Data: return "data";
    case Category::Clean: return "clean";
    case Category::Features: return "features";
    case Category::Reduce: return "reduce";
    case Category::Models: return "models";
    case Category::Cluster: return "cluster";
    case Category::NeuralNets: return "neural_nets";
    case Category::Evaluate: return "evaluate";
    case Category::Export: return "export";
    }
    return "data";
}

const char* categoryTitle(Category category) {
    switch (category) {
    case Category::Data: return OFICINA_TR_NOOP("Data");
    case Category::Clean: return OFICINA_TR_NOOP("Clean");
    case Category::Features: return OFICINA_TR_NOOP("Features");
    case Category::Reduce: return OFICINA_TR_NOOP("Reduce");
    case Category::Models: return OFICINA_TR_NOOP("Models");
    case Category::Cluster: return OFICINA_TR_NOOP("Cluster");
    case Category::NeuralNets: return OFICINA_TR_NOOP("Neural nets");
    case Category::Evaluate: return OFICINA_TR_NOOP("Evaluate");
    case Category::Export: return OFICINA_TR_NOOP("Export");
    }
    return "";
}

namespace {
template <typename T>
const T& portAs(const PortValues& values, const std::string& port) {
    const auto it = values.find(port);
    const auto* held = it == values.end() ? nullptr
                                          : std::get_if<std::shared_ptr<const T>>(&it->second);
    if (!held || !*held)
        throw Error(Message(OFICINA_TR_NOOP("input '%1' is not connected"), {port}));
    return **held;
}

template <typename T>
const T* findByName(const std::vector<T>& items, const std::string& name) {
    const auto it = std::find_if(items.begin(), items.end(),
                                 [&](const T& item) { return item.name == name; });
    return it == items.end() ? nullptr : &*it;
}

const PortSpec* findPortOrFormer(const std::vector<PortSpec>& ports, const std::string& name) {
    if (const PortSpec* port = findByName(ports, name)) return port;
    const auto it = std::find_if(ports.begin(), ports.end(), [&](const PortSpec& p) {
        return std::find(p.formerNames.begin(), p.formerNames.end(), name) != p.formerNames.end();
    });
    return it == ports.end() ? nullptr : &*it;
}
} // namespace

bool NodeInputs::has(const std::string& port) const {
    const auto it = m_values.find(port);
    return it != m_values.end() && !std::holds_alternative<std::monostate>(it->second);
}
const Table& NodeInputs::table(const std::string& port) const {
    return portAs<Table>(m_values, port);
}
const Model& NodeInputs::model(const std::string& port) const {
    return portAs<Model>(m_values, port);
}
const Metrics& NodeInputs::metrics(const std::string& port) const {
    return portAs<Metrics>(m_values, port);
}

const Parameter* NodeSpec::param(const std::string& key) const {
    const auto it = std::find_if(params.begin(), params.end(),
                                 [&](const Parameter& p) { return p.key == key; });
    return it == params.end() ? nullptr : &*it;
}
const PortSpec* NodeSpec::input(const std::string& name) const {
    return findByName(inputs, name);
}
const PortSpec* NodeSpec::output(const std::string& name) const {
    return findByName(outputs, name);
}
const Parameter* NodeSpec::paramOrFormer(const std::string& key) const {
    if (const Parameter* p = param(key)) return p;
    const auto it = std::find_if(params.begin(), params.end(), [&](const Parameter& p) {
        return std::find(p.formerKeys.begin(), p.formerKeys.end(), key) != p.formerKeys.end();
    });
    return it == params.end() ? nullptr : &*it;
}
const PortSpec* NodeSpec::inputOrFormer(const std::string& name) const {
    return findPortOrFormer(inputs, name);
}
const PortSpec* NodeSpec::outputOrFormer(const std::string& name) const {
    return findPortOrFormer(outputs, name);
}
ParamValues NodeSpec::defaults() const {
    ParamValues values;
    for (const auto& p : params) values.set(p.key, p.defaultValue);
    return values;
}

PortValue tableValue(Table table) { return std::make_shared<const Table>(std::move(table)); }
PortValue modelValue(Model model) { return std::make_shared<const Model>(std::move(model)); }
PortValue metricsValue(Metrics metrics) {
    return std::make_shared<const Metrics>(std::move(metrics));
}

void NodeRegistry::add(NodeSpec spec) {
    if (find(spec.type))
        throw std::logic_error("node type registered twice: " + spec.type);
    for (const auto& alias : spec.aliases)
        if (find(alias)) throw std::logic_error("node alias registered twice: " + alias);
    m_specs.push_back(std::move(spec));
}

const NodeSpec* NodeRegistry::find(std::string_view type) const {
    for (const auto& spec : m_specs) {
        if (spec.type == type) return &spec;
        if (std::find(spec.aliases.begin(), spec.aliases.end(), type) != spec.aliases.end())
            return &spec;
    }
    return nullptr;
}

} // namespace oficina::core
