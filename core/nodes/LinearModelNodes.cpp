// Linear models, SVMs, naive Bayes and k-NN.
#include "nodes/Nodes.h"

#include "pipeline/NodeRegistry.h"

namespace oficina::core {

void registerLinearModelNodes(NodeRegistry&) {}

} // namespace oficina::core
