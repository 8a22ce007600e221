#pragma once

#include "pipeline/NodeSpec.h"

#include <string>

namespace oficina::core {

class NodeRegistry;

/// Where the built-in nodes find Oficina's shared files.
struct BuiltinConfig {
    std::string datasetDirectory;  ///< folder holding the sample datasets' CSV files
};

/// Registers every built-in node type, explicitly (no static-initialisation tricks).
void registerBuiltinNodes(NodeRegistry& registry, const BuiltinConfig& config);

// One function per node type; builtin.cpp lists them all.
NodeSpec loadFileSpec();
NodeSpec sampleDatasetSpec(std::string datasetDirectory);
NodeSpec selectColumnsSpec();
NodeSpec splitSpec();
NodeSpec standardScalerSpec();
NodeSpec logisticRegressionSpec();
NodeSpec predictSpec();
NodeSpec scoreSpec();

// Node families, one file each (CleanNodes.cpp, FeatureNodes.cpp…), each registering its own.
void registerCleanNodes(NodeRegistry& registry);
void registerFeatureNodes(NodeRegistry& registry);
void registerReduceNodes(NodeRegistry& registry);
void registerLinearModelNodes(NodeRegistry& registry);
void registerTreeNodes(NodeRegistry& registry);
void registerClusterNodes(NodeRegistry& registry);
void registerEvaluationNodes(NodeRegistry& registry);
void registerMonitorNodes(NodeRegistry& registry);
void registerDriftNodes(NodeRegistry& registry);
void registerNeuralNodes(NodeRegistry& registry);
void registerSequenceImageNodes(NodeRegistry& registry);
void registerExportNodes(NodeRegistry& registry);
void registerTeachingNodes(NodeRegistry& registry);

} // namespace oficina::core
