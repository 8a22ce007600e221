// Feature engineering: fitted transforms.
#include "nodes/Nodes.h"

#include "pipeline/NodeRegistry.h"

namespace oficina::core {

void registerFeatureNodes(NodeRegistry&) {}

} // namespace oficina::core
