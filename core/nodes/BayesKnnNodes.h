#pragma once

namespace oficina::core {

class NodeRegistry;

/// Gaussian and categorical naive Bayes, k-NN classifier and regressor (Models category).
/// Called from registerEvaluationNodes().
void registerBayesKnnNodes(NodeRegistry& registry);

} // namespace oficina::core
