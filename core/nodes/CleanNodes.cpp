// Cleaning: row filters and column edits.
#include "nodes/Nodes.h"

#include "pipeline/NodeRegistry.h"

namespace oficina::core {

void registerCleanNodes(NodeRegistry&) {}

} // namespace oficina::core
