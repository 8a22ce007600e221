#include "export/SymbolicTable.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <limits>

namespace oficina::core::onnxexport {

const SymColumn* SymTable::find(std::string_view name) const {
    for (const SymColumn& c : columns)
        if (c.name == name) return &c;
    return nullptr;
}

const SymColumn& SymTable::require(std::string_view name, const char* step) const {
    if (const SymColumn* c = find(name)) return *c;
    throw Error(Message(OFICINA_TR_NOOP("cannot export '%1' to ONNX: it needs column '%2', which "
                                        "the table does not have at that step"),
                        {step, std::string(name)}));
}

const SymColumn& SymTable::requireNumeric(std::string_view name, const char* step) const {
    const SymColumn& c = require(name, step);
    if (!c.isNumeric())
        throw Error(Message(OFICINA_TR_NOOP("cannot export '%1' to ONNX: it needs column '%2' "
                                            "to be numeric, but it is categorical there"),
                            {step, std::string(name)}));
    return c;
}

const SymColumn& SymTable::requireType(std::string_view name, ColumnType type,
                                       const char* step) const {
    const SymColumn& c = require(name, step);
    if (c.type != type)
        throw Error(Message(OFICINA_TR_NOOP("cannot export '%1' to ONNX: column '%2' was %3 when "
                                            "the step was fitted but is not at that step"),
                            {step, std::string(name), toString(type)}));
    return c;
}

void SymTable::put(SymColumn column) {
    for (SymColumn& c : columns)
        if (c.name == column.name) {
            c = std::move(column);
            return;
        }
    columns.push_back(std::move(column));
}

void SymTable::remove(std::string_view name) {
    std::erase_if(columns, [&](const SymColumn& c) { return c.name == name; });
}

SymTable SymTable::replaced(const std::vector<std::string>& replaced,
                            std::vector<SymColumn> added) const {
    SymTable out;
    bool inserted = false;
    for (const SymColumn& c : columns) {
        if (std::find(replaced.begin(), replaced.end(), c.name) == replaced.end()) {
            out.columns.push_back(c);
            continue;
        }
        if (inserted) continue;
        for (SymColumn& a : added)
            out.columns.push_back(std::move(a));
        inserted = true;
    }
    if (!inserted)
        for (SymColumn& a : added)
            out.columns.push_back(std::move(a));
    return out;
}

std::string gatherColumns(OnnxGraph& g, const SymTable& table,
                          const std::vector<std::string>& names, const char* step) {
    std::vector<const SymColumn*> cols;
    cols.reserve(names.size());
    for (const std::string& name : names)
        cols.push_back(&table.requireNumeric(name, step));
    // Pieces: runs of consecutive columns of one block (the block itself or a slice of it), or
    // single columns.
    std::vector<std::string> pieces;
    for (size_t i = 0; i < cols.size();) {
        const SymColumn& first = *cols[i];
        size_t j = i + 1;
        if (!first.block.empty())
            while (j < cols.size() && cols[j]->block == first.block &&
                   cols[j]->blockIndex == first.blockIndex + int64_t(j - i))
                ++j;
        const auto length = int64_t(j - i);
        if (first.block.empty() || length == 1)
            pieces.push_back(first.value);
        else if (first.blockIndex == 0 && length == first.blockWidth)
            pieces.push_back(first.block);
        else
            pieces.push_back(g.node("Slice",
                                    {first.block, g.shape({first.blockIndex}),
                                     g.shape({first.blockIndex + length}), g.shape({1})},
                                    {}, "slice"));
        i = j;
    }
    if (pieces.size() == 1) return pieces.front();
    return g.node("Concat", pieces, {Attr("axis", 1)}, "features");
}

std::vector<SymColumn> splitBlock(OnnxGraph& g, const std::string& block,
                                  const std::vector<std::string>& names, ColumnRole role) {
    const auto width = int64_t(names.size());
    std::vector<std::string> values =
        width == 1 ? std::vector<std::string>{block}
                   : g.nodeWithOutputs("Split", {block}, names.size(), {Attr("axis", 1)}, "column");
    std::vector<SymColumn> out;
    out.reserve(names.size());
    for (size_t k = 0; k < names.size(); ++k)
        out.push_back({names[k], ColumnType::Numeric, role, values[k], block, int64_t(k), width});
    return out;
}

SymTable mapNumericColumns(OnnxGraph& g, const SymTable& table,
                           const std::vector<std::string>& names, const char* step,
                           const std::function<std::string(const std::string& block)>& transform) {
    if (names.empty()) return table;
    const std::string out = transform(gatherColumns(g, table, names, step));
    std::vector<SymColumn> split = splitBlock(g, out, names);
    SymTable result = table;
    for (size_t k = 0; k < names.size(); ++k) {
        split[k].role = table.find(names[k])->role;
        result.put(std::move(split[k]));
    }
    return result;
}

std::string missingStrings(OnnxGraph& g, const std::string& value) {
    // Equal has no string form before opset 19: a one-key LabelEncoder marks "" with 1.
    const std::string flags = g.mlNode("LabelEncoder", {value},
                                       {Attr("keys_strings", std::vector<std::string>{""}),
                                        Attr("values_int64s", std::vector<int64_t>{1}),
                                        Attr("default_int64", int64_t(0))},
                                       "is_empty");
    return castTo(g, flags, Elem::Bool);
}

std::string nanWhere(OnnxGraph& g, const std::string& mask, const std::string& value) {
    return g.node("Where", {mask, g.scalar(std::numeric_limits<double>::quiet_NaN()), value});
}

std::string castTo(OnnxGraph& g, const std::string& value, Elem elem) {
    return g.node("Cast", {value}, {Attr("to", int64_t(elem))});
}

std::string labelsAt(OnnxGraph& g, const std::string& index,
                     const std::vector<std::string>& classLabels) {
    return g.node("Gather",
                  {g.strings("class_labels", classLabels, {int64_t(classLabels.size())}), index},
                  {Attr("axis", 0)}, "label");
}

std::string equalsAny(OnnxGraph& g, const std::string& x, const std::vector<double>& keys,
                      const char* step, const std::string& column) {
    const auto k = int64_t(keys.size());
    if (g.numericInputs() == Elem::Double)
        return g.node("Equal", {x, g.doubles("keys", keys, {1, k})});
    const std::vector<float> narrowed(keys.begin(), keys.end());
    std::vector<float> sorted = narrowed;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end())
        throw Error(Message(OFICINA_TR_NOOP("'%1' cannot be exported to ONNX with float inputs: "
                                            "two values of column '%2' are the same number in "
                                            "float precision (export with double inputs)"),
                            {step, column}));
    return g.node("Equal", {castTo(g, x, Elem::Float), g.floats("keys", narrowed, {1, k})});
}

} // namespace oficina::core::onnxexport
