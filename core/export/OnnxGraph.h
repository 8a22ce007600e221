#pragma once

// Private to core/export: ONNX's protobuf classes appear in no other folder
// (docs/architecture.md). Include this header only from core/export/*.cpp.

#include <onnx/onnx_pb.h>

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace oficina::core::onnxexport {

/// The operator sets every exported graph declares (ai.onnx.ml only when a node uses it).
inline constexpr int64_t kIrVersion = 8;
inline constexpr int64_t kOpset = 17;
inline constexpr int64_t kMlOpset = 3;
inline constexpr const char* kMlDomain = "ai.onnx.ml";

/// Element types of the tensors the exporter makes.
enum class Elem : int32_t {
    Float = onnx::TensorProto_DataType_FLOAT,
    Double = onnx::TensorProto_DataType_DOUBLE,
    Int64 = onnx::TensorProto_DataType_INT64,
    String = onnx::TensorProto_DataType_STRING,
    Bool = onnx::TensorProto_DataType_BOOL,
};

/// The batch dimension: symbolic "N" in declared shapes.
inline constexpr int64_t kBatch = -1;

/// One node attribute, made from a C++ value: Attr("axis", 1), Attr("cats_strings", labels).
/// ONNX attributes hold floats, never doubles: numbers that need double precision go in
/// initializers (OnnxGraph::doubles) instead.
class Attr {
public:
    Attr(std::string name, int64_t value);
    Attr(std::string name, int value) : Attr(std::move(name), int64_t(value)) {}
    Attr(std::string name, float value);
    Attr(std::string name, std::string value);
    Attr(std::string name, const char* value) : Attr(std::move(name), std::string(value)) {}
    Attr(std::string name, const std::vector<int64_t>& values);
    Attr(std::string name, const std::vector<float>& values);
    Attr(std::string name, const std::vector<std::string>& values);
    Attr(std::string name, onnx::TensorProto value);

    [[nodiscard]] const onnx::AttributeProto& proto() const { return m_proto; }

private:
    onnx::AttributeProto m_proto;
};

/// Builds one ONNX graph node by node: unique value names, initializers, nodes, inputs and
/// outputs, then prune() drops whatever the outputs do not need. Nodes must be added in an
/// order where every input already exists (emitters naturally do).
class OnnxGraph {
public:
    /// `numericInputs`: the element type of the graph's numeric inputs (Double, or Float when
    /// the export asks for float inputs). Steps still compute in double; exact-match lookups
    /// and tree comparisons happen in this precision, as the raw values arrive in it.
    explicit OnnxGraph(Elem numericInputs = Elem::Double);

    [[nodiscard]] Elem numericInputs() const { return m_numericInputs; }

    /// A value name nobody has used yet, made readable from `hint` ("PC1", "scaled_age").
    [[nodiscard]] std::string freshName(std::string_view hint);
    /// Takes `name` exactly (graph inputs and outputs); false when it is taken already.
    bool claim(const std::string& name);

    // ---- initializers ----
    /// A double tensor with the given dims ({} = scalar); values.size() must match.
    [[nodiscard]] std::string doubles(std::string_view hint, const std::vector<double>& values,
                                      const std::vector<int64_t>& dims);
    [[nodiscard]] std::string floats(std::string_view hint, const std::vector<float>& values,
                                     const std::vector<int64_t>& dims);
    [[nodiscard]] std::string int64s(std::string_view hint, const std::vector<int64_t>& values,
                                     const std::vector<int64_t>& dims);
    [[nodiscard]] std::string strings(std::string_view hint, const std::vector<std::string>& values,
                                      const std::vector<int64_t>& dims);
    [[nodiscard]] std::string bools(std::string_view hint, const std::vector<bool>& values,
                                    const std::vector<int64_t>& dims);
    /// A double scalar, shared by every node that asks for the same value (NaN included).
    [[nodiscard]] std::string scalar(double value);
    /// A 1-D int64 tensor such as a shape or an axes list, shared like scalar().
    [[nodiscard]] std::string shape(const std::vector<int64_t>& values);

    // ---- nodes ----
    /// Adds a node of the default domain with one output, named after `hint` (the op when
    /// empty); returns the output's name.
    std::string node(std::string_view op, const std::vector<std::string>& inputs,
                     const std::vector<Attr>& attributes = {}, std::string_view hint = {});
    /// The same in ai.onnx.ml.
    std::string mlNode(std::string_view op, const std::vector<std::string>& inputs,
                       const std::vector<Attr>& attributes = {}, std::string_view hint = {});
    /// A node with `outputs` fresh outputs (Split); returns their names.
    std::vector<std::string> nodeWithOutputs(std::string_view op,
                                             const std::vector<std::string>& inputs, size_t outputs,
                                             const std::vector<Attr>& attributes = {},
                                             std::string_view hint = {});
    /// A node writing to names the caller claimed (the graph outputs).
    void nodeInto(std::string_view op, const std::vector<std::string>& inputs,
                  const std::vector<std::string>& outputs, const std::vector<Attr>& attributes = {},
                  std::string_view domain = {});

    // ---- inputs and outputs: dims use kBatch for the batch dimension ----
    void addInput(const std::string& name, Elem elem, const std::vector<int64_t>& dims);
    void addOutput(const std::string& name, Elem elem, const std::vector<int64_t>& dims);
    /// Declares an intermediate value's type, for the few ai.onnx.ml ops (OneHotEncoder) whose
    /// schema infers none, so strict shape inference can go on past them.
    void declareType(const std::string& value, Elem elem, const std::vector<int64_t>& dims);

    /// Removes the nodes, initializers and inputs the outputs do not depend on.
    void prune();
    /// Whether a value (input, initializer or node output) is still in the graph.
    [[nodiscard]] bool produces(const std::string& name) const;
    [[nodiscard]] bool usesMlDomain() const;

    [[nodiscard]] onnx::GraphProto& proto() { return m_graph; }
    [[nodiscard]] const onnx::GraphProto& proto() const { return m_graph; }

private:
    onnx::NodeProto& addNode(std::string_view op, const std::vector<std::string>& inputs,
                             const std::vector<Attr>& attributes, std::string_view domain);
    onnx::TensorProto& addInitializer(std::string_view hint, Elem elem,
                                      const std::vector<int64_t>& dims);

    Elem m_numericInputs;
    onnx::GraphProto m_graph;
    std::set<std::string> m_names;
    std::unordered_map<std::string, std::string> m_shared; // shared constants by key
    size_t m_nodeCount = 0;
};

/// A ValueInfo type of `elem` with `dims` (kBatch = "N").
onnx::TypeProto tensorType(Elem elem, const std::vector<int64_t>& dims);

} // namespace oficina::core::onnxexport
