#pragma once

#include "pipeline/NodeSpec.h"

#include <string_view>
#include <vector>

namespace oficina::core {

/// The node types an application knows. Built in main() (registerBuiltinNodes) and passed by
/// reference; holds descriptions only. Not thread-safe for add(); read-only use is.
class NodeRegistry {
public:
    /// Throws std::logic_error on a duplicate id or alias (a programming error).
    void add(NodeSpec spec);
    /// Finds by id or alias.
    [[nodiscard]] const NodeSpec* find(std::string_view type) const;
    [[nodiscard]] const std::vector<NodeSpec>& all() const { return m_specs; }

private:
    std::vector<NodeSpec> m_specs;
};

} // namespace oficina::core
