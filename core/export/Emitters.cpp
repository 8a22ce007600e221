#include "export/Emitters.h"

#include "util/Error.h"
#include "util/Tr.h"

namespace oficina::core::onnxexport {

namespace {

Message noEmitter(const char* title, const std::string& typeId) {
    return Message(OFICINA_TR_NOOP("'%1' (%2) cannot be exported to ONNX yet"), {title, typeId});
}

// What has no ONNX form at all, whatever its fit: these learn about the rows they saw and have
// no rule for new ones.
void registerRefusals(EmitterRegistry& r) {
    r.refuseType("oficina.cluster.dbscan",
                 Message(OFICINA_TR_NOOP("DBSCAN cannot be exported to ONNX: it labels only the "
                                         "rows it was fitted on and has no rule for new rows")));
    r.refuseType("oficina.cluster.agglomerative",
                 Message(OFICINA_TR_NOOP("agglomerative clustering cannot be exported to ONNX: "
                                         "it merges the rows it was fitted on and has no rule "
                                         "for new rows")));
    r.refuseType("oficina.reduce.tsne",
                 Message(OFICINA_TR_NOOP("t-SNE cannot be exported to ONNX: it places only the "
                                         "rows it was fitted on and has no mapping for new "
                                         "rows")));
}

} // namespace

void EmitterRegistry::refuseType(std::string typeId, Message reason) {
    m_refusedTypes.insert_or_assign(std::move(typeId), std::move(reason));
}

std::optional<Message> EmitterRegistry::refusal(const std::string& typeId) const {
    const auto known = m_refusedTypes.find(typeId);
    return known == m_refusedTypes.end() ? std::nullopt : std::optional(known->second);
}

std::optional<Message> EmitterRegistry::refusal(const FittedStep& step) const {
    if (const auto known = m_refusedTypes.find(step.typeId()); known != m_refusedTypes.end())
        return known->second;
    const auto entry = m_steps.find(typeid(step));
    if (entry == m_steps.end()) return noEmitter(step.title(), step.typeId());
    return entry->second.refuse ? entry->second.refuse(step) : std::nullopt;
}

const EmitterRegistry::Entry<Estimator, EstimatorOutputs>*
EmitterRegistry::estimatorEntry(const Estimator& estimator) const {
    if (const auto entry = m_estimators.find(typeid(estimator)); entry != m_estimators.end())
        return &entry->second;
    for (const InterfaceEntry& entry : m_interfaces)
        if (entry.matches(estimator)) return &entry;
    return nullptr;
}

std::optional<Message> EmitterRegistry::refusal(const Estimator& estimator) const {
    if (const auto known = m_refusedTypes.find(estimator.typeId()); known != m_refusedTypes.end())
        return known->second;
    const auto* entry = estimatorEntry(estimator);
    if (!entry) return noEmitter(estimator.title(), estimator.typeId());
    return entry->refuse ? entry->refuse(estimator) : std::nullopt;
}

SymTable EmitterRegistry::emit(const FittedStep& step, const SymTable& in, OnnxGraph& g) const {
    const auto entry = m_steps.find(typeid(step));
    if (entry == m_steps.end()) throw Error(noEmitter(step.title(), step.typeId()));
    return entry->second.emit(step, in, g);
}

EstimatorOutputs EmitterRegistry::emit(const Estimator& estimator, const SymTable& in,
                                       OnnxGraph& g) const {
    const auto* entry = estimatorEntry(estimator);
    if (!entry) throw Error(noEmitter(estimator.title(), estimator.typeId()));
    return entry->emit(estimator, in, g);
}

const EmitterRegistry& builtinEmitters() {
    static const EmitterRegistry registry = [] {
        EmitterRegistry r;
        registerRefusals(r);
        registerStepEmitters(r);
        registerEncoderEmitters(r);
        registerFeatureEmitters(r);
        registerLinearEmitters(r);
        registerClusterEmitters(r);
        registerTreeEmitters(r);
        registerKnnEmitters(r);
        registerBayesEmitters(r);
        registerSvmEmitters(r);
        registerNetworkEmitters(r);
        return r;
    }();
    return registry;
}

} // namespace oficina::core::onnxexport
