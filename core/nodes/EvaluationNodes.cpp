// Evaluation beyond Score: cross-validation, model comparison, learning curves.
#include "nodes/Nodes.h"

#include "pipeline/NodeRegistry.h"

namespace oficina::core {

void registerEvaluationNodes(NodeRegistry&) {}

} // namespace oficina::core
