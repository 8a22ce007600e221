// What the card says about a model beyond its graph: the fitted preprocessing values, what an
// unseen category becomes, and what the raw training rows were (an example, float32 exactness,
// a fingerprint).
#include "export/DescribeModel.h"

#include "transform/Encoders.h"
#include "transform/Imputer.h"
#include "transform/Scalers.h"
#include "transform/StandardScaler.h"
#include "util/Text.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace oficina::core::onnxexport {

namespace {

/// One row per column: "mean 0.5, scale 2".
void perColumn(ModelDescription& d, const FittedStep& step, const std::vector<std::string>& columns,
               const std::vector<std::pair<const char*, const std::vector<double>*>>& values) {
    for (size_t i = 0; i < columns.size(); ++i) {
        std::vector<std::string> parts;
        for (const auto& [name, numbers] : values)
            if (i < numbers->size()) parts.push_back(std::string(name) + " " + formatNumber((*numbers)[i]));
        d.fitted.push_back({step.title(), columns[i], joinList(parts)});
    }
}

void describeEncoded(ModelDescription& d, const FittedStep& step,
                     const std::vector<EncodedColumn>& columns) {
    for (const EncodedColumn& e : columns) {
        std::vector<std::string> categories;
        for (size_t k = 0; k < e.size(); ++k)
            categories.push_back(e.categoryText(k));
        d.fitted.push_back({step.title(), e.name, "categories " + joinList(categories)});
    }
}

void describeStep(ModelDescription& d, const FittedStep& step) {
    if (const auto* s = dynamic_cast<const ImputerStep*>(&step)) {
        for (const ImputedColumn& c : s->columns())
            d.fitted.push_back({s->title(), c.name,
                                "fill value " + (c.numeric ? formatNumber(c.number)
                                                           : "\"" + c.label + "\"")});
        for (const std::string& c : s->dropped())
            d.fitted.push_back({s->title(), c, "dropped: no value in training"});
    } else if (const auto* s = dynamic_cast<const StandardScalerStep*>(&step)) {
        perColumn(d, *s, s->columns(), {{"mean", &s->mean()}, {"scale", &s->scale()}});
    } else if (const auto* s = dynamic_cast<const MinMaxScalerStep*>(&step)) {
        perColumn(d, *s, s->columns(), {{"scale", &s->scale()}, {"offset", &s->offset()}});
    } else if (const auto* s = dynamic_cast<const RobustScalerStep*>(&step)) {
        perColumn(d, *s, s->columns(), {{"center", &s->center()}, {"scale", &s->scale()}});
    } else if (const auto* s = dynamic_cast<const OneHotEncoderStep*>(&step)) {
        describeEncoded(d, *s, s->columns());
    } else if (const auto* s = dynamic_cast<const OrdinalEncoderStep*>(&step)) {
        describeEncoded(d, *s, s->columns());
    }
}

/// What the first encoder of `column` makes of a category it never saw.
std::string unseenCategory(const Lineage& lineage, const std::string& column) {
    const auto encodes = [&](const std::vector<EncodedColumn>& columns) {
        for (const EncodedColumn& e : columns)
            if (e.name == column) return true;
        return false;
    };
    for (const auto& step : lineage.steps) {
        if (const auto* s = dynamic_cast<const OneHotEncoderStep*>(step.get());
            s && encodes(s->columns()))
            return "all zeros in its one-hot columns";
        if (const auto* s = dynamic_cast<const OrdinalEncoderStep*>(step.get());
            s && encodes(s->columns()))
            return s->options().useEncodedValue
                       ? "the code " + formatNumber(s->options().unknownValue)
                       : "NaN (Oficina itself refuses it)";
    }
    return "passed on as it is";
}

bool floatExact(double v) {
    if (std::isinf(v)) return true;
    if (std::abs(v) > double(std::numeric_limits<float>::max())) return false; // float(v): UB
    return double(float(v)) == v;
}

std::string sixDecimals(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%.6f", value);
    return text;
}

const Column* sourceColumn(const SourceRows& source, const std::string& name) {
    for (const Column& c : source.columns)
        if (c.name() == name) return &c;
    return nullptr;
}

/// The first training row with every input present, else the first row.
size_t exampleRow(const SourceRows& source, const std::vector<const Column*>& inputs) {
    for (size_t r = 0; r < source.rowCount(); ++r) {
        bool complete = true;
        for (const Column* c : inputs)
            complete = complete && !c->isMissing(source.at(r));
        if (complete) return r;
    }
    return 0;
}

void describeExample(const Model& model, const SourceRows& source, size_t row,
                     ModelDescription& d) {
    const size_t at = source.at(row);
    std::vector<Column> cells;
    for (const Column& c : source.columns)
        cells.push_back(c.take({at}));
    const Table predicted = model.predict(Table(std::move(cells)));
    ExampleDescription& e = d.example;
    for (const InputDescription& in : d.inputs) {
        e.numbers.emplace_back();
        e.strings.emplace_back();
        for (const std::string& name : in.columns) {
            const Column& c = *sourceColumn(source, name);
            if (in.numeric)
                e.numbers.back().push_back(c.values()[at]);
            else
                e.strings.back().push_back(c.cellText(at));
        }
    }
    switch (model.estimator->task()) {
    case Task::Classification:
        e.label = predicted.column(kPredictionColumn).cellText(0);
        for (const std::string& label : d.classLabels)
            if (const Column* p = predicted.find(probabilityColumnName(label)))
                e.scores.push_back(p->values()[0]);
        if (e.scores.size() != d.classLabels.size()) e.scores.clear();
        break;
    case Task::Regression:
        e.label = sixDecimals(predicted.column(kPredictionColumn).values()[0]);
        break;
    case Task::Clustering:
        e.label = predicted.column(kClusterColumn).cellText(0);
        break;
    }
    d.hasExample = true;
}

} // namespace

void describeSteps(const Lineage& lineage, ModelDescription& d) {
    for (const auto& step : lineage.steps)
        describeStep(d, *step);
    for (InputDescription& in : d.inputs)
        if (!in.numeric) in.unseen = unseenCategory(lineage, in.columns.front());
}

void describeTraining(const Model& model, ModelDescription& d) {
    const SourceRows* source = model.lineage.sourceRows.get();
    if (!source || source->rowCount() == 0) return;
    std::vector<const Column*> inputs;
    for (const InputDescription& in : d.inputs)
        for (const std::string& name : in.columns) {
            const Column* c = sourceColumn(*source, name);
            if (!c || c->isNumeric() != in.numeric) return; // not the rows the graph reads
            inputs.push_back(c);
        }
    d.trainingRows = source->rowCount();
    d.trainingColumns = source->columns.size();
    d.dataFingerprint = sourceFingerprint(*source);
    for (const Column* c : inputs) {
        if (!c->isNumeric()) continue;
        for (size_t r = 0; r < d.trainingRows; ++r) {
            const double v = c->values()[source->at(r)];
            if (std::isnan(v)) continue;
            ++d.numericValues;
            if (!floatExact(v)) ++d.floatInexactValues;
        }
    }
    describeExample(model, *source, exampleRow(*source, inputs), d);
}

} // namespace oficina::core::onnxexport
