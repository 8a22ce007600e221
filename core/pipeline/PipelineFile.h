#pragma once

#include "pipeline/Graph.h"
#include "util/SafeFile.h"  // writeFileAtomically, for this header's older users

#include <string>
#include <string_view>

namespace oficina::core {

class NodeRegistry;

inline constexpr int kPipelineFormatVersion = 1;

/// Reads a `*.oficina` file. Throws Error (where = "file" or "file:line:column") for unreadable
/// files, malformed JSON, unknown format versions, node types or parameters, and bad values.
/// Relative file parameters are later resolved against the file's folder.
Graph loadPipeline(const std::string& path, const NodeRegistry& registry);
/// The same from text; `where` names the source in errors.
Graph parsePipeline(std::string_view text, const NodeRegistry& registry, const std::string& where);
/// The canonical text: every parameter in declaration order, so save → load → save is identical.
std::string serializePipeline(const Graph& graph, const NodeRegistry& registry);
/// Atomic (util/SafeFile.h): a temporary file beside the target, flushed, renamed over it; the
/// file's mode is kept and a symlinked pipeline is saved through the link.
void savePipeline(const Graph& graph, const NodeRegistry& registry, const std::string& path);

} // namespace oficina::core
