// Decision trees, random forests and gradient boosting.
#include "nodes/Nodes.h"

#include "pipeline/NodeRegistry.h"

namespace oficina::core {

void registerTreeNodes(NodeRegistry&) {}

} // namespace oficina::core
