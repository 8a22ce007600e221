#include "export/OnnxSignature.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <onnx/common/version.h>
#include <onnx/onnx_pb.h>

#include <climits>
#include <set>

namespace oficina::core {

namespace {

/// NumPy's dtype names, as MLflow's TensorSpec writes them (numpy.dtype(...).name).
std::string numpyName(int32_t elemType) {
    switch (elemType) {
    case onnx::TensorProto_DataType_FLOAT:
        return "float32";
    case onnx::TensorProto_DataType_DOUBLE:
        return "float64";
    case onnx::TensorProto_DataType_FLOAT16:
        return "float16";
    case onnx::TensorProto_DataType_INT8:
        return "int8";
    case onnx::TensorProto_DataType_INT16:
        return "int16";
    case onnx::TensorProto_DataType_INT32:
        return "int32";
    case onnx::TensorProto_DataType_INT64:
        return "int64";
    case onnx::TensorProto_DataType_UINT8:
        return "uint8";
    case onnx::TensorProto_DataType_UINT16:
        return "uint16";
    case onnx::TensorProto_DataType_UINT32:
        return "uint32";
    case onnx::TensorProto_DataType_UINT64:
        return "uint64";
    case onnx::TensorProto_DataType_BOOL:
        return "bool";
    case onnx::TensorProto_DataType_STRING:
        return "str";
    default:
        return {}; // bfloat16, complex numbers: no NumPy dtype MLflow can name
    }
}

OnnxTensorSpec specOf(const onnx::ValueInfoProto& value) {
    OnnxTensorSpec spec{value.name(), {}, {}};
    if (!value.type().has_tensor_type()) return spec;
    const onnx::TypeProto_Tensor& tensor = value.type().tensor_type();
    spec.dtype = numpyName(tensor.elem_type());
    if (tensor.has_shape())
        for (const auto& dim : tensor.shape().dim())
            spec.shape.push_back(dim.has_dim_value() ? dim.dim_value() : -1);
    return spec;
}

} // namespace

OnnxInterface readOnnxInterface(std::string_view bytes, const std::string& where) {
    onnx::ModelProto model;
    if (bytes.size() > size_t(INT_MAX) || !model.ParseFromArray(bytes.data(), int(bytes.size())) ||
        !model.has_graph())
        throw Error(Message(OFICINA_TR_NOOP("not an ONNX model")), where);
    const onnx::GraphProto& graph = model.graph();
    // Before IR version 4 an initializer had to be listed as an input too; it is a weight, not
    // something a caller feeds.
    std::set<std::string> initializers;
    for (const auto& initializer : graph.initializer())
        initializers.insert(initializer.name());
    OnnxInterface interface;
    for (const auto& input : graph.input())
        if (!initializers.contains(input.name())) interface.inputs.push_back(specOf(input));
    for (const auto& output : graph.output())
        interface.outputs.push_back(specOf(output));
    return interface;
}

const char* onnxLibraryVersion() {
    return onnx::LAST_RELEASE_VERSION;
}

} // namespace oficina::core
