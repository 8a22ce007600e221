// Emitters for the steps that select, fill, scale and edit columns: column selection, imputer,
// standard / min-max / robust scalers, cast / rename / drop columns, feature subsets.
#include "export/Emitters.h"

#include "transform/ColumnEdits.h"
#include "transform/ColumnSelection.h"
#include "transform/FeatureSelection.h"
#include "transform/Imputer.h"
#include "transform/Scalers.h"
#include "transform/StandardScaler.h"
#include "util/Tr.h"

namespace oficina::core::onnxexport {

namespace {

/// A [1, k] double row for broadcasting against an [N, k] block.
std::string row(OnnxGraph& g, std::string_view hint, const std::vector<double>& values) {
    return g.doubles(hint, values, {1, int64_t(values.size())});
}

// ---- column selection -----------------------------------------------------------------------

SymTable emitColumnSelection(const ColumnSelectionStep& step, const SymTable& in, OnnxGraph&) {
    SymTable out;
    for (const ColumnSchema& feature : step.features()) {
        SymColumn c = in.requireType(feature.name, feature.type, step.title());
        c.role = ColumnRole::Feature;
        out.columns.push_back(std::move(c));
    }
    if (!step.target().empty())
        if (const SymColumn* target = in.find(step.target())) {
            SymColumn c = *target;
            c.role = ColumnRole::Target;
            out.columns.push_back(std::move(c));
        }
    return out;
}

// ---- imputer --------------------------------------------------------------------------------

SymTable emitImputer(const ImputerStep& step, const SymTable& in, OnnxGraph& g) {
    std::vector<std::string> numeric;
    std::vector<double> fills;
    SymTable out = in;
    for (const ImputedColumn& fitted : step.columns()) {
        const SymColumn& c = in.requireType(
            fitted.name, fitted.numeric ? ColumnType::Numeric : ColumnType::Categorical,
            step.title());
        if (fitted.numeric) {
            numeric.push_back(fitted.name);
            fills.push_back(fitted.number);
            continue;
        }
        SymColumn filled = c;
        filled.value = g.node(
            "Where", {missingStrings(g, c.value), g.strings("fill", {fitted.label}, {}), c.value},
            {}, "imputed_" + c.name);
        filled.block.clear();
        out.put(std::move(filled));
    }
    out = mapNumericColumns(g, out, numeric, step.title(), [&](const std::string& x) {
        return g.node("Where", {g.node("IsNaN", {x}), row(g, "fill", fills), x}, {}, "imputed");
    });
    for (const std::string& name : step.dropped())
        out.remove(name);
    return out;
}

// ---- scalers --------------------------------------------------------------------------------

SymTable emitStandardScaler(const StandardScalerStep& step, const SymTable& in, OnnxGraph& g) {
    // (x − mean) / scale, subtracting first as the app does.
    return mapNumericColumns(g, in, step.columns(), step.title(), [&](const std::string& x) {
        const std::string centred = g.node("Sub", {x, row(g, "mean", step.mean())});
        return g.node("Div", {centred, row(g, "scale", step.scale())}, {}, "standardized");
    });
}

SymTable emitMinMaxScaler(const MinMaxScalerStep& step, const SymTable& in, OnnxGraph& g) {
    return mapNumericColumns(g, in, step.columns(), step.title(), [&](const std::string& x) {
        // x·scale + min, in that order; clipping keeps NaN (Min and Max need not).
        const std::string scaled = g.node(
            "Add",
            {g.node("Mul", {x, row(g, "scale", step.scale())}), row(g, "min", step.offset())}, {},
            "minmax");
        if (!step.options().clip) return scaled;
        const auto& range = step.options().featureRange;
        const std::string clipped =
            g.node("Min", {g.node("Max", {scaled, g.scalar(range[0])}), g.scalar(range[1])});
        return g.node("Where", {g.node("IsNaN", {scaled}), scaled, clipped}, {}, "clipped");
    });
}

SymTable emitRobustScaler(const RobustScalerStep& step, const SymTable& in, OnnxGraph& g) {
    return mapNumericColumns(g, in, step.columns(), step.title(), [&](const std::string& x) {
        const std::string centred = g.node("Sub", {x, row(g, "center", step.center())});
        return g.node("Div", {centred, row(g, "scale", step.scale())}, {}, "robust_scaled");
    });
}

// ---- column edits ---------------------------------------------------------------------------

SymTable emitCast(const CastColumnsStep& step, const SymTable& in, OnnxGraph& g) {
    SymTable out = in;
    for (const ColumnCast& cast : step.casts()) {
        const SymColumn* found = in.find(cast.column);
        if (!found) {
            if (cast.wasTarget) continue;
            (void)in.require(cast.column, step.title()); // throws, naming it
        }
        if (found->type == cast.to) continue;
        SymColumn c = *found;
        c.type = cast.to;
        c.block.clear();
        if (cast.to == ColumnType::Categorical) {
            // Each training value becomes its label; any other value and NaN become missing
            // (the label after the dictionary's, ""). LabelEncoder takes float keys only.
            const auto k = int64_t(cast.dictionary.size());
            std::vector<std::string> labels;
            for (double v : cast.dictionary)
                labels.push_back(formatNumber(v));
            labels.emplace_back();
            const std::string hot = castTo(
                g, equalsAny(g, found->value, cast.dictionary, step.title(), c.name), Elem::Double);
            const std::string seen = castTo(
                g, g.node("ReduceMax", {hot}, {Attr("axes", std::vector<int64_t>{1})}), Elem::Bool);
            const std::string index =
                g.node("Where", {seen, g.node("ArgMax", {hot}, {Attr("axis", 1)}),
                                 g.int64s("unseen", {k}, {})});
            c.value = g.node("Gather", {g.strings("cast_labels", labels, {k + 1}), index},
                             {Attr("axis", 0)}, "cast_" + c.name);
        } else {
            // Labels parse as numbers; a missing cell ("") becomes NaN.
            const std::string text = g.node("Where", {missingStrings(g, found->value),
                                                      g.strings("nan", {"NaN"}, {}), found->value});
            c.value = castTo(g, text, Elem::Double);
        }
        out.put(std::move(c));
    }
    return out;
}

SymTable emitRename(const RenameColumnsStep& step, const SymTable& in, OnnxGraph&) {
    SymTable out = in;
    for (const RenameColumnsStep::Rename& rename : step.renames()) {
        if (!in.find(rename.from)) {
            if (rename.wasTarget) continue;
            (void)in.require(rename.from, step.title()); // throws, naming it
        }
        for (SymColumn& c : out.columns)
            if (c.name == rename.from) c.name = rename.to;
    }
    return out;
}

SymTable emitDrop(const DropColumnsStep& step, const SymTable& in, OnnxGraph&) {
    SymTable out = in;
    for (const std::string& name : step.columns())
        out.remove(name);
    return out;
}

SymTable emitFeatureSubset(const FeatureSubsetStep& step, const SymTable& in, OnnxGraph&) {
    for (const std::string& name : step.kept())
        (void)in.requireNumeric(name, step.title());
    SymTable out = in;
    for (const std::string& name : step.dropped())
        out.remove(name);
    return out;
}

} // namespace

void registerStepEmitters(EmitterRegistry& r) {
    r.addStep(emitColumnSelection);
    r.addStep(emitImputer);
    r.addStep(emitStandardScaler);
    r.addStep(emitMinMaxScaler);
    r.addStep(emitRobustScaler);
    r.addStep(emitCast);
    r.addStep(emitRename);
    r.addStep(emitDrop);
    r.addStep(emitFeatureSubset);
}

} // namespace oficina::core::onnxexport
