// Dimensionality reduction.
#include "nodes/Nodes.h"

#include "pipeline/NodeRegistry.h"

namespace oficina::core {

void registerReduceNodes(NodeRegistry&) {}

} // namespace oficina::core
