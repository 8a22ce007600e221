// Emitters for the one-hot and ordinal encoders: categorical columns through ai.onnx.ml's
// OneHotEncoder and LabelEncoder, numeric columns (encoded by value) by comparing each value with
// the fitted ones in the precision of the graph's inputs.
#include "export/Emitters.h"

#include "transform/Encoders.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace oficina::core::onnxexport {

namespace {

// The graph reads "" as a missing cell: refuse fits where that would merge a category with
// missing.
std::optional<Message> refuseCategories(const std::vector<EncodedColumn>& columns,
                                        const char* step) {
    for (const EncodedColumn& e : columns) {
        if (!e.numeric && std::find(e.labels.begin(), e.labels.end(), "") != e.labels.end())
            return Message(OFICINA_TR_NOOP("'%1' cannot be exported to ONNX: column '%2' has an "
                                           "empty category, which the graph could not tell from "
                                           "a missing cell"),
                           {step, e.name});
    }
    return std::nullopt;
}

/// The column an encoder was fitted on, of the type it had then.
const SymColumn& encodedColumn(const SymTable& in, const EncodedColumn& fitted, const char* step) {
    return in.requireType(fitted.name,
                          fitted.numeric ? ColumnType::Numeric : ColumnType::Categorical, step);
}

/// [N, k] double indicators of `x` being each of the fitted categories (all zeros for an
/// unseen value or a missing cell).
std::string indicators(OnnxGraph& g, const SymColumn& x, const EncodedColumn& fitted,
                       const char* step) {
    const auto k = int64_t(fitted.size());
    if (!fitted.numeric) {
        // OneHotEncoder gives [N, 1, k] floats; zeros = 1 makes unseen categories all zeros.
        const std::string hot =
            g.mlNode("OneHotEncoder", {x.value},
                     {Attr("cats_strings", fitted.labels), Attr("zeros", int64_t(1))}, "one_hot");
        g.declareType(hot, Elem::Float, {kBatch, 1, k});
        return castTo(g, g.node("Reshape", {hot, g.shape({-1, k})}), Elem::Double);
    }
    return castTo(g, equalsAny(g, x.value, fitted.numbers, step, x.name), Elem::Double);
}

// ---- one-hot --------------------------------------------------------------------------------

std::optional<Message> refuseOneHot(const OneHotEncoderStep& step) {
    return refuseCategories(step.columns(), step.title());
}

SymTable emitOneHot(const OneHotEncoderStep& step, const SymTable& in, OnnxGraph& g) {
    SymTable out = in;
    for (const EncodedColumn& fitted : step.columns()) {
        const SymColumn& x = encodedColumn(in, fitted, step.title());
        std::vector<std::string> names;
        for (size_t k = 0; k < fitted.size(); ++k)
            names.push_back(x.name + "_" + fitted.categoryText(k));
        std::vector<SymColumn> hot = splitBlock(g, indicators(g, x, fitted, step.title()), names, x.role);
        if (fitted.dropIndex >= 0) hot.erase(hot.begin() + fitted.dropIndex);
        out = out.replaced({x.name}, std::move(hot));
    }
    return out;
}

// ---- ordinal --------------------------------------------------------------------------------

std::optional<Message> refuseOrdinal(const OrdinalEncoderStep& step) {
    return refuseCategories(step.columns(), step.title());
}

SymTable emitOrdinal(const OrdinalEncoderStep& step, const SymTable& in, OnnxGraph& g) {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    // Unseen values: the unknown value, or NaN where the app would refuse them.
    const double unknown = step.options().useEncodedValue ? step.options().unknownValue : nan;
    SymTable out = in;
    for (const EncodedColumn& fitted : step.columns()) {
        const SymColumn& x = encodedColumn(in, fitted, step.title());
        const auto k = int64_t(fitted.size());
        std::string code;
        if (!fitted.numeric) {
            // Codes 0…k−1 for the categories, −2 for a missing cell, −1 for anything else; the
            // unknown value is applied in double, as it may not be a float.
            std::vector<std::string> keys = fitted.labels;
            std::vector<int64_t> values(static_cast<size_t>(k));
            for (int64_t i = 0; i < k; ++i)
                values[size_t(i)] = i;
            keys.push_back("");
            values.push_back(-2);
            const std::string index =
                g.mlNode("LabelEncoder", {x.value},
                         {Attr("keys_strings", keys), Attr("values_int64s", values),
                          Attr("default_int64", int64_t(-1))},
                         "ordinal_index");
            const std::string asDouble = castTo(g, index, Elem::Double);
            const std::string known =
                g.node("Where", {g.node("Equal", {index, g.int64s("minus_one", {-1}, {})}),
                                 g.scalar(unknown), asDouble});
            code = nanWhere(g, g.node("Equal", {index, g.int64s("minus_two", {-2}, {})}), known);
        } else {
            // The matching category's index: indicators · (0, 1, …, k−1)ᵀ.
            const std::string hot = indicators(g, x, fitted, step.title());
            std::vector<double> ramp(static_cast<size_t>(k));
            for (int64_t i = 0; i < k; ++i)
                ramp[size_t(i)] = double(i);
            const std::string index = g.node("MatMul", {hot, g.doubles("ramp", ramp, {k, 1})});
            const std::string seen =
                g.node("Greater", {g.node("ReduceSum", {hot, g.shape({1})}, {Attr("keepdims", 1)}),
                                   g.scalar(0.0)});
            code = nanWhere(g, g.node("IsNaN", {x.value}),
                            g.node("Where", {seen, index, g.scalar(unknown)}));
        }
        SymColumn encoded{x.name, ColumnType::Numeric, x.role, code, {}, 0, 0};
        out.put(std::move(encoded));
    }
    return out;
}

} // namespace

void registerEncoderEmitters(EmitterRegistry& r) {
    r.addStep(emitOneHot, refuseOneHot);
    r.addStep(emitOrdinal, refuseOrdinal);
}

} // namespace oficina::core::onnxexport
