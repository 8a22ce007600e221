#pragma once

// Private to core/export: how each fitted step and estimator becomes ONNX nodes.
//
// Adding an emitter (say for the decision tree, in a new core/export/TreeEmitters.cpp):
//
//     #include "export/Emitters.h"
//     #include "models/DecisionTree.h"
//     namespace oficina::core::onnxexport {
//     namespace {
//     EstimatorOutputs emitTree(const DecisionTree& tree, const SymTable& in,
//                               OnnxGraph& g) {
//         const std::string x = gatherColumns(g, in, tree.featureNames(), tree.title());
//         ...                                   // nodes from x to labels and probabilities
//         return {.label = labels, .scores = probabilities, .classLabels = tree.classLabels()};
//     }
//     } // namespace
//     void registerTreeEmitters(EmitterRegistry& r) { r.addEstimator(emitTree); }
//     }
//
// then declare registerTreeEmitters below and call it in builtinEmitters() (Emitters.cpp).
// The emitter receives the concrete class (dispatch is on its dynamic type), so the fitted
// values come from its accessors. Conventions every emitter keeps:
//   - numeric columns are double [N, 1] (missing = NaN), categorical ones string [N, 1]
//     (missing = ""); steps compute in double like the app, so only the float inputs differ;
//   - a step returns the SymTable its apply() would give: same names, order, types, roles;
//   - what cannot be expressed faithfully is refused (a refusal function, or a refuseType
//     entry) rather than approximated; refusals are checked before anything is written;
//   - values the app would reject with an error (an unseen category with handle_unknown =
//     error, log1p of −1) give what the graph's ops give (zeros, NaN): a graph cannot throw;
//   - an ai.onnx.ml op whose schema infers no output type (OneHotEncoder in ONNX 1.12) gets
//     one from OnnxGraph::declareType, or strict shape inference stops at the next node;
//   - tests/onnx/tst_onnxparity.cpp gets a case on a bundled dataset for every new emitter.

#include "data/Lineage.h"
#include "export/SymbolicTable.h"
#include "models/Model.h"
#include "util/Message.h"

#include <functional>
#include <optional>
#include <string>
#include <typeindex>
#include <unordered_map>
#include <vector>

namespace oficina::core::onnxexport {

/// The values an estimator's emitter leaves for the exporter, which names, casts and describes
/// them as graph outputs.
struct EstimatorOutputs {
    /// [N]: string class labels (classifiers), double values (regressors) or int64 cluster
    /// indices (clusterers).
    std::string label;
    /// [N, k] double, or empty: the class probabilities in classLabels order (classifiers,
    /// output "probabilities"), the distances to each centre (clusterers, "distances").
    std::string scores;
    /// Classifiers: the class labels, in the order of the probability columns.
    std::vector<std::string> classLabels;
    /// Columns of `scores` when it is not one per class label (clusterers: the centres).
    int64_t scoreWidth = 0;
};

/// Emitters by the concrete class they handle, plus the reasons for what has no ONNX form.
/// Built once (builtinEmitters()); read-only afterwards, so safe to share across threads.
class EmitterRegistry {
public:
    template <class Step>
    using StepEmitter = SymTable (*)(const Step&, const SymTable&, OnnxGraph&);
    template <class Est>
    using EstimatorEmitter = EstimatorOutputs (*)(const Est&, const SymTable&, OnnxGraph&);
    /// Why a particular fitted object cannot be exported, or nothing when it can.
    template <class T> using Refusal = std::optional<Message> (*)(const T&);

    /// Registers the emitter for fitted steps of class Step (deduced from the function).
    template <class Step> void addStep(StepEmitter<Step> emit, Refusal<Step> refuse = nullptr) {
        auto& entry = m_steps[typeid(Step)];
        entry.emit = [emit](const FittedStep& s, const SymTable& in, OnnxGraph& g) {
            return emit(static_cast<const Step&>(s), in, g);
        };
        if (refuse)
            entry.refuse = [refuse](const FittedStep& s) {
                return refuse(static_cast<const Step&>(s));
            };
    }
    /// Registers the emitter for estimators of class Est (deduced from the function).
    template <class Est>
    void addEstimator(EstimatorEmitter<Est> emit, Refusal<Est> refuse = nullptr) {
        auto& entry = m_estimators[typeid(Est)];
        entry.emit = [emit](const Estimator& e, const SymTable& in, OnnxGraph& g) {
            return emit(static_cast<const Est&>(e), in, g);
        };
        if (refuse)
            entry.refuse = [refuse](const Estimator& e) {
                return refuse(static_cast<const Est&>(e));
            };
    }
    /// Registers the emitter for estimators that implement the interface I, tried (by
    /// dynamic_cast, in registration order) when no class emitter matches: for estimators whose
    /// class core/export cannot include, such as the LibTorch network (nn::ExportableNetwork).
    template <class I>
    void addEstimatorInterface(EstimatorEmitter<I> emit, Refusal<I> refuse = nullptr) {
        auto& entry = m_interfaces.emplace_back();
        entry.matches = [](const Estimator& e) { return dynamic_cast<const I*>(&e) != nullptr; };
        entry.emit = [emit](const Estimator& e, const SymTable& in, OnnxGraph& g) {
            return emit(dynamic_cast<const I&>(e), in, g);
        };
        if (refuse)
            entry.refuse = [refuse](const Estimator& e) {
                return refuse(dynamic_cast<const I&>(e));
            };
    }
    /// A step or estimator type id (FittedStep/Estimator::typeId()) with no ONNX form, and why.
    void refuseType(std::string typeId, Message reason);

    /// Why every step or estimator of this type id has no ONNX form, or nothing.
    [[nodiscard]] std::optional<Message> refusal(const std::string& typeId) const;
    /// Why the step or estimator cannot be exported, or nothing.
    [[nodiscard]] std::optional<Message> refusal(const FittedStep& step) const;
    [[nodiscard]] std::optional<Message> refusal(const Estimator& estimator) const;
    /// Emits; call only when refusal() said nothing.
    [[nodiscard]] SymTable emit(const FittedStep& step, const SymTable& in, OnnxGraph& g) const;
    [[nodiscard]] EstimatorOutputs emit(const Estimator& estimator, const SymTable& in,
                                        OnnxGraph& g) const;

private:
    template <class T, class Out> struct Entry {
        std::function<Out(const T&, const SymTable&, OnnxGraph&)> emit;
        std::function<std::optional<Message>(const T&)> refuse;
    };
    std::unordered_map<std::type_index, Entry<FittedStep, SymTable>> m_steps;
    std::unordered_map<std::type_index, Entry<Estimator, EstimatorOutputs>> m_estimators;
    struct InterfaceEntry : Entry<Estimator, EstimatorOutputs> {
        std::function<bool(const Estimator&)> matches;
    };
    std::vector<InterfaceEntry> m_interfaces;
    /// The class emitter of `estimator`, else the first interface emitter it matches.
    [[nodiscard]] const Entry<Estimator, EstimatorOutputs>*
    estimatorEntry(const Estimator& estimator) const;
    std::unordered_map<std::string, Message> m_refusedTypes;
};

/// Every emitter Oficina has; made on first use (thread-safe).
const EmitterRegistry& builtinEmitters();

// One registration function per emitter file; builtinEmitters() calls each.
void registerStepEmitters(EmitterRegistry& r);    // StepEmitters.cpp
void registerEncoderEmitters(EmitterRegistry& r); // EncoderEmitters.cpp
void registerFeatureEmitters(EmitterRegistry& r); // FeatureEmitters.cpp
void registerLinearEmitters(EmitterRegistry& r);  // LinearEmitters.cpp
void registerClusterEmitters(EmitterRegistry& r); // ClusterEmitters.cpp
void registerTreeEmitters(EmitterRegistry& r);    // TreeEmitters.cpp
void registerKnnEmitters(EmitterRegistry& r);     // KnnEmitters.cpp
void registerBayesEmitters(EmitterRegistry& r);   // BayesEmitters.cpp
void registerSvmEmitters(EmitterRegistry& r);     // SvmEmitters.cpp
void registerNetworkEmitters(EmitterRegistry& r); // NetworkEmitters.cpp

} // namespace oficina::core::onnxexport
