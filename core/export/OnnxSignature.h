#pragma once

// The inputs and outputs an ONNX file declares, read from its graph: what MLflow's tensor-based
// model signature describes (core/track's MLflow export). No ONNX header here, so that code
// outside core/export can use it.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace oficina::core {

/// One graph input or output as MLflow's TensorSpec names it.
struct OnnxTensorSpec {
    std::string name;
    /// NumPy's name for the element type: "float64", "float32", "int64", "str", "bool"…; empty
    /// when the value is no tensor (a sequence, a map) or its type has no NumPy name (bfloat16).
    std::string dtype;
    /// -1 for a symbolic or unknown dimension (the batch); empty when the rank is unknown.
    std::vector<int64_t> shape;
};

struct OnnxInterface {
    std::vector<OnnxTensorSpec> inputs; ///< the graph's inputs, initializers left out
    std::vector<OnnxTensorSpec> outputs;
};

/// Reads the graph's inputs and outputs from a serialised ONNX model. Throws Error at `where`
/// when the bytes are not an ONNX model.
OnnxInterface readOnnxInterface(std::string_view bytes, const std::string& where);

/// The version of the ONNX library Oficina's exports are checked with, e.g. "1.12.0".
const char* onnxLibraryVersion();

} // namespace oficina::core
