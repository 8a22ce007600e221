#include "export/OnnxGraph.h"

#include <bit>
#include <cassert>
#include <unordered_set>

namespace oficina::core::onnxexport {

// ---- Attr -----------------------------------------------------------------------------------

Attr::Attr(std::string name, int64_t value) {
    m_proto.set_name(std::move(name));
    m_proto.set_type(onnx::AttributeProto_AttributeType_INT);
    m_proto.set_i(value);
}

Attr::Attr(std::string name, float value) {
    m_proto.set_name(std::move(name));
    m_proto.set_type(onnx::AttributeProto_AttributeType_FLOAT);
    m_proto.set_f(value);
}

Attr::Attr(std::string name, std::string value) {
    m_proto.set_name(std::move(name));
    m_proto.set_type(onnx::AttributeProto_AttributeType_STRING);
    m_proto.set_s(std::move(value));
}

Attr::Attr(std::string name, const std::vector<int64_t>& values) {
    m_proto.set_name(std::move(name));
    m_proto.set_type(onnx::AttributeProto_AttributeType_INTS);
    for (int64_t v : values)
        m_proto.add_ints(v);
}

Attr::Attr(std::string name, const std::vector<float>& values) {
    m_proto.set_name(std::move(name));
    m_proto.set_type(onnx::AttributeProto_AttributeType_FLOATS);
    for (float v : values)
        m_proto.add_floats(v);
}

Attr::Attr(std::string name, const std::vector<std::string>& values) {
    m_proto.set_name(std::move(name));
    m_proto.set_type(onnx::AttributeProto_AttributeType_STRINGS);
    for (const std::string& v : values)
        m_proto.add_strings(v);
}

Attr::Attr(std::string name, onnx::TensorProto value) {
    m_proto.set_name(std::move(name));
    m_proto.set_type(onnx::AttributeProto_AttributeType_TENSOR);
    *m_proto.mutable_t() = std::move(value);
}

// ---- OnnxGraph ------------------------------------------------------------------------------

OnnxGraph::OnnxGraph(Elem numericInputs) : m_numericInputs(numericInputs) {}

std::string OnnxGraph::freshName(std::string_view hint) {
    std::string base;
    for (char c : hint) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '_' || c == '.';
        if (plain)
            base += c;
        else if (!base.empty() && base.back() != '_')
            base += '_';
    }
    while (!base.empty() && base.back() == '_')
        base.pop_back();
    if (base.empty()) base = "v";
    if (m_names.insert(base).second) return base;
    for (size_t n = 1;; ++n) {
        std::string candidate = base + "_" + std::to_string(n);
        if (m_names.insert(candidate).second) return candidate;
    }
}

bool OnnxGraph::claim(const std::string& name) {
    return m_names.insert(name).second;
}

onnx::TensorProto& OnnxGraph::addInitializer(std::string_view hint, Elem elem,
                                             const std::vector<int64_t>& dims) {
    onnx::TensorProto& t = *m_graph.add_initializer();
    t.set_name(freshName(hint));
    t.set_data_type(int32_t(elem));
    for (int64_t d : dims)
        t.add_dims(d);
    return t;
}

namespace {

[[maybe_unused]] size_t elementCount(const std::vector<int64_t>& dims) {
    size_t n = 1;
    for (int64_t d : dims)
        n *= size_t(d);
    return n;
}

} // namespace

std::string OnnxGraph::doubles(std::string_view hint, const std::vector<double>& values,
                               const std::vector<int64_t>& dims) {
    assert(values.size() == elementCount(dims));
    onnx::TensorProto& t = addInitializer(hint, Elem::Double, dims);
    for (double v : values)
        t.add_double_data(v);
    return t.name();
}

std::string OnnxGraph::floats(std::string_view hint, const std::vector<float>& values,
                              const std::vector<int64_t>& dims) {
    assert(values.size() == elementCount(dims));
    onnx::TensorProto& t = addInitializer(hint, Elem::Float, dims);
    for (float v : values)
        t.add_float_data(v);
    return t.name();
}

std::string OnnxGraph::int64s(std::string_view hint, const std::vector<int64_t>& values,
                              const std::vector<int64_t>& dims) {
    assert(values.size() == elementCount(dims));
    onnx::TensorProto& t = addInitializer(hint, Elem::Int64, dims);
    for (int64_t v : values)
        t.add_int64_data(v);
    return t.name();
}

std::string OnnxGraph::strings(std::string_view hint, const std::vector<std::string>& values,
                               const std::vector<int64_t>& dims) {
    assert(values.size() == elementCount(dims));
    onnx::TensorProto& t = addInitializer(hint, Elem::String, dims);
    for (const std::string& v : values)
        t.add_string_data(v);
    return t.name();
}

std::string OnnxGraph::bools(std::string_view hint, const std::vector<bool>& values,
                             const std::vector<int64_t>& dims) {
    assert(values.size() == elementCount(dims));
    onnx::TensorProto& t = addInitializer(hint, Elem::Bool, dims);
    for (bool v : values)
        t.add_int32_data(v ? 1 : 0); // ONNX keeps bools in int32_data
    return t.name();
}

std::string OnnxGraph::scalar(double value) {
    // Keyed by bit pattern, so 0.0 and -0.0 stay apart and NaN finds itself.
    const std::string key = "d" + std::to_string(std::bit_cast<uint64_t>(value));
    auto [it, added] = m_shared.try_emplace(key);
    if (added) it->second = doubles("const", {value}, {});
    return it->second;
}

std::string OnnxGraph::shape(const std::vector<int64_t>& values) {
    std::string key = "i";
    for (int64_t v : values)
        key += std::to_string(v) + ",";
    auto [it, added] = m_shared.try_emplace(key);
    if (added) it->second = int64s("shape", values, {int64_t(values.size())});
    return it->second;
}

onnx::NodeProto& OnnxGraph::addNode(std::string_view op, const std::vector<std::string>& inputs,
                                    const std::vector<Attr>& attributes, std::string_view domain) {
    onnx::NodeProto& n = *m_graph.add_node();
    n.set_op_type(std::string(op));
    n.set_name(std::string(op) + "_" + std::to_string(m_nodeCount++));
    if (!domain.empty()) n.set_domain(std::string(domain));
    for (const std::string& input : inputs)
        n.add_input(input);
    for (const Attr& a : attributes)
        *n.add_attribute() = a.proto();
    return n;
}

std::string OnnxGraph::node(std::string_view op, const std::vector<std::string>& inputs,
                            const std::vector<Attr>& attributes, std::string_view hint) {
    onnx::NodeProto& n = addNode(op, inputs, attributes, {});
    n.add_output(freshName(hint.empty() ? op : hint));
    return n.output(0);
}

std::string OnnxGraph::mlNode(std::string_view op, const std::vector<std::string>& inputs,
                              const std::vector<Attr>& attributes, std::string_view hint) {
    onnx::NodeProto& n = addNode(op, inputs, attributes, kMlDomain);
    n.add_output(freshName(hint.empty() ? op : hint));
    return n.output(0);
}

std::vector<std::string> OnnxGraph::nodeWithOutputs(std::string_view op,
                                                    const std::vector<std::string>& inputs,
                                                    size_t outputs,
                                                    const std::vector<Attr>& attributes,
                                                    std::string_view hint) {
    onnx::NodeProto& n = addNode(op, inputs, attributes, {});
    std::vector<std::string> names;
    for (size_t k = 0; k < outputs; ++k) {
        names.push_back(freshName(hint.empty() ? op : hint));
        n.add_output(names.back());
    }
    return names;
}

void OnnxGraph::nodeInto(std::string_view op, const std::vector<std::string>& inputs,
                         const std::vector<std::string>& outputs,
                         const std::vector<Attr>& attributes, std::string_view domain) {
    onnx::NodeProto& n = addNode(op, inputs, attributes, domain);
    for (const std::string& output : outputs)
        n.add_output(output);
}

onnx::TypeProto tensorType(Elem elem, const std::vector<int64_t>& dims) {
    onnx::TypeProto type;
    onnx::TypeProto_Tensor& tensor = *type.mutable_tensor_type();
    tensor.set_elem_type(int32_t(elem));
    onnx::TensorShapeProto& shape = *tensor.mutable_shape();
    for (int64_t d : dims) {
        if (d == kBatch)
            shape.add_dim()->set_dim_param("N");
        else
            shape.add_dim()->set_dim_value(d);
    }
    return type;
}

void OnnxGraph::addInput(const std::string& name, Elem elem, const std::vector<int64_t>& dims) {
    onnx::ValueInfoProto& v = *m_graph.add_input();
    v.set_name(name);
    *v.mutable_type() = tensorType(elem, dims);
}

void OnnxGraph::addOutput(const std::string& name, Elem elem, const std::vector<int64_t>& dims) {
    onnx::ValueInfoProto& v = *m_graph.add_output();
    v.set_name(name);
    *v.mutable_type() = tensorType(elem, dims);
}

void OnnxGraph::declareType(const std::string& value, Elem elem, const std::vector<int64_t>& dims) {
    onnx::ValueInfoProto& v = *m_graph.add_value_info();
    v.set_name(value);
    *v.mutable_type() = tensorType(elem, dims);
}

void OnnxGraph::prune() {
    std::unordered_set<std::string> needed;
    for (const auto& output : m_graph.output())
        needed.insert(output.name());
    // Nodes were added in dependency order: walking back, a node is kept when one of its
    // outputs is needed, and then its inputs are.
    std::vector<bool> keep(size_t(m_graph.node_size()), false);
    for (int i = m_graph.node_size() - 1; i >= 0; --i) {
        const onnx::NodeProto& n = m_graph.node(i);
        for (const std::string& output : n.output())
            if (needed.count(output)) keep[size_t(i)] = true;
        if (keep[size_t(i)])
            for (const std::string& input : n.input())
                needed.insert(input);
    }
    google::protobuf::RepeatedPtrField<onnx::NodeProto> nodes;
    for (int i = 0; i < m_graph.node_size(); ++i)
        if (keep[size_t(i)]) *nodes.Add() = std::move(*m_graph.mutable_node(i));
    m_graph.mutable_node()->Swap(&nodes);

    google::protobuf::RepeatedPtrField<onnx::TensorProto> initializers;
    for (auto& t : *m_graph.mutable_initializer())
        if (needed.count(t.name())) *initializers.Add() = std::move(t);
    m_graph.mutable_initializer()->Swap(&initializers);

    google::protobuf::RepeatedPtrField<onnx::ValueInfoProto> inputs;
    for (auto& v : *m_graph.mutable_input())
        if (needed.count(v.name())) *inputs.Add() = std::move(v);
    m_graph.mutable_input()->Swap(&inputs);

    google::protobuf::RepeatedPtrField<onnx::ValueInfoProto> declared;
    for (auto& v : *m_graph.mutable_value_info())
        if (needed.count(v.name())) *declared.Add() = std::move(v);
    m_graph.mutable_value_info()->Swap(&declared);

    // Shared constants may have gone: forget them so a later request makes them again.
    std::erase_if(m_shared, [&](const auto& entry) { return !needed.count(entry.second); });
}

bool OnnxGraph::produces(const std::string& name) const {
    for (const auto& v : m_graph.input())
        if (v.name() == name) return true;
    for (const auto& t : m_graph.initializer())
        if (t.name() == name) return true;
    for (const auto& n : m_graph.node())
        for (const std::string& output : n.output())
            if (output == name) return true;
    return false;
}

bool OnnxGraph::usesMlDomain() const {
    for (const auto& n : m_graph.node())
        if (n.domain() == kMlDomain) return true;
    return false;
}

} // namespace oficina::core::onnxexport
