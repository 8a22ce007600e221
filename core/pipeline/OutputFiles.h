#pragma once

#include "pipeline/Graph.h"

#include <string>
#include <vector>

namespace oficina::core {

class NodeRegistry;

/// A file that a node writes when it runs.
struct OutputFile {
    std::string node;  ///< the node's id
    std::string path;  ///< resolved against the pipeline's folder, as the node will write it
};

/// The files the output nodes among `targets` and what they depend on would write (File
/// parameters that write, and their NodeSpec::companionExtensions); every node's when
/// `targets` is empty. Reads the graph only.
std::vector<OutputFile> outputFiles(const Graph& graph, const NodeRegistry& registry,
                                    const std::vector<std::string>& targets = {});

/// Those of outputFiles() that would replace an existing file outside the pipeline's folder
/// (and its subfolders; symlinks resolved), their paths normalised for display. A pipeline
/// from elsewhere may name any file the user can write, so front ends ask (GUI) or warn (CLI)
/// before such a run. Empty for a graph that has no folder (never saved). Looks at the file
/// system; cheap.
///
/// Example:
///     for (const OutputFile& f : overwritesOutsideFolder(graph, registry))
///         std::cerr << "warning: node '" << f.node << "' will replace " << f.path << "\n";
std::vector<OutputFile> overwritesOutsideFolder(const Graph& graph, const NodeRegistry& registry,
                                                const std::vector<std::string>& targets = {});

} // namespace oficina::core
