// Clustering.
#include "nodes/Nodes.h"

#include "pipeline/NodeRegistry.h"

namespace oficina::core {

void registerClusterNodes(NodeRegistry&) {}

} // namespace oficina::core
