#include "nodes/Nodes.h"

#include "pipeline/NodeRegistry.h"

namespace oficina::core {

void registerBuiltinNodes(NodeRegistry& registry, const BuiltinConfig& config) {
    registry.add(loadFileSpec());
    registry.add(sampleDatasetSpec(config.datasetDirectory));
    registry.add(selectColumnsSpec());
    registry.add(splitSpec());
    registry.add(standardScalerSpec());
    registry.add(logisticRegressionSpec());
    registry.add(predictSpec());
    registry.add(scoreSpec());
    registerCleanNodes(registry);
    registerFeatureNodes(registry);
    registerReduceNodes(registry);
    registerLinearModelNodes(registry);
    registerTreeNodes(registry);
    registerClusterNodes(registry);
    registerEvaluationNodes(registry);
    registerMonitorNodes(registry);
    registerDriftNodes(registry);
    registerNeuralNodes(registry);
    registerSequenceImageNodes(registry);
    registerExportNodes(registry);
    registerTeachingNodes(registry);
}

} // namespace oficina::core
