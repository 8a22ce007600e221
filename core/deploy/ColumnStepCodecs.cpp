// The state of the steps that choose, edit, fill and encode columns (docs/model-package.md).
// Each codec writes what apply() uses and, under "options", what refit() needs; its loader
// checks everything apply() would index or binary-search, so a damaged state is an Error.
#include "deploy/StepCodecs.h"

#include "transform/ColumnEdits.h"
#include "transform/ColumnSelection.h"
#include "transform/Encoders.h"
#include "transform/FeatureSelection.h"
#include "transform/Imputer.h"

#include <cstdint>
#include <limits>
#include <memory>

namespace oficina::core::deploy {

namespace {

using namespace stepcodec;

using StepPtr = std::shared_ptr<const FittedStep>;
constexpr int64_t kIntMax = std::numeric_limits<int32_t>::max();

std::string itemAt(const std::string& path, const char* key, size_t index) {
    return memberAt(path, key) + "[" + std::to_string(index) + "]";
}

// ---- Select columns & set target ----

StateJson saveColumnSelection(const FittedStep& fitted, StateWriter&) {
    const auto& step = static_cast<const ColumnSelectionStep&>(fitted);
    return {{"features", schemaJson(step.features())}, {"target", step.target()}};
}

StepPtr loadColumnSelection(const std::string&, const StateJson& state, const std::string& path,
                            const StateReader& reader) {
    Schema features =
        readSchema(reader.member(state, path, "features"), memberAt(path, "features"), reader);
    return std::make_shared<const ColumnSelectionStep>(std::move(features),
                                                       reader.text(state, path, "target"));
}

// ---- Cast, rename, drop ----

constexpr std::pair<ColumnType, const char*> kColumnTypes[] = {
    {ColumnType::Numeric, "numeric"}, {ColumnType::Categorical, "categorical"}};

StateJson saveCast(const FittedStep& fitted, StateWriter& writer) {
    StateJson casts = StateJson::array();
    for (const ColumnCast& cast : static_cast<const CastColumnsStep&>(fitted).casts())
        casts.push_back({{"column", cast.column},
                         {"to", enumName(cast.to, kColumnTypes)},
                         {"dictionary", writer.doubles(cast.dictionary)},
                         {"was_target", cast.wasTarget}});
    return {{"casts", std::move(casts)}};
}

StepPtr loadCast(const std::string&, const StateJson& state, const std::string& path,
                 const StateReader& reader) {
    const StateJson& list = readList(reader, state, path, "casts");
    std::vector<ColumnCast> casts;
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string at = itemAt(path, "casts", i);
        ColumnCast cast{
            reader.text(list[i], at, "column"), readEnum(reader, list[i], at, "to", kColumnTypes),
            reader.doubles(list[i], at, "dictionary"), reader.boolean(list[i], at, "was_target")};
        requireAscending(reader, memberAt(at, "dictionary"), cast.dictionary, true);
        casts.push_back(std::move(cast));
    }
    return std::make_shared<const CastColumnsStep>(std::move(casts));
}

StateJson saveRename(const FittedStep& fitted, StateWriter&) {
    StateJson renames = StateJson::array();
    for (const auto& rename : static_cast<const RenameColumnsStep&>(fitted).renames())
        renames.push_back(
            {{"from", rename.from}, {"to", rename.to}, {"was_target", rename.wasTarget}});
    return {{"renames", std::move(renames)}};
}

StepPtr loadRename(const std::string&, const StateJson& state, const std::string& path,
                   const StateReader& reader) {
    const StateJson& list = readList(reader, state, path, "renames");
    std::vector<RenameColumnsStep::Rename> renames;
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string at = itemAt(path, "renames", i);
        renames.push_back({reader.text(list[i], at, "from"), reader.text(list[i], at, "to"),
                           reader.boolean(list[i], at, "was_target")});
    }
    return std::make_shared<const RenameColumnsStep>(std::move(renames));
}

StateJson saveDrop(const FittedStep& fitted, StateWriter&) {
    return {{"columns", static_cast<const DropColumnsStep&>(fitted).columns()}};
}

StepPtr loadDrop(const std::string&, const StateJson& state, const std::string& path,
                 const StateReader& reader) {
    return std::make_shared<const DropColumnsStep>(reader.texts(state, path, "columns"));
}

// ---- Imputer ----

constexpr std::pair<ImputeStrategy, const char*> kImputeStrategies[] = {
    {ImputeStrategy::Mean, "mean"},
    {ImputeStrategy::Median, "median"},
    {ImputeStrategy::MostFrequent, "most_frequent"},
    {ImputeStrategy::Constant, "constant"}};

StateJson saveImputer(const FittedStep& fitted, StateWriter& writer) {
    const auto& step = static_cast<const ImputerStep&>(fitted);
    StateJson columns = StateJson::array();
    std::vector<double> numbers; // one per column: the fill of a numeric one, unused otherwise
    for (const ImputedColumn& column : step.columns()) {
        StateJson json = {{"name", column.name}, {"numeric", column.numeric}};
        if (!column.numeric) json["label"] = column.label;
        columns.push_back(std::move(json));
        numbers.push_back(column.number);
    }
    const ImputerOptions& options = step.options();
    return {{"columns", std::move(columns)},
            {"numbers", writer.doubles(numbers)},
            {"dropped", step.dropped()},
            {"options",
             {{"strategy", enumName(options.strategy, kImputeStrategies)},
              {"fill_value", options.fillValue},
              {"columns", options.columns}}}};
}

StepPtr loadImputer(const std::string&, const StateJson& state, const std::string& path,
                    const StateReader& reader) {
    const StateJson& list = readList(reader, state, path, "columns");
    const std::vector<double> numbers = reader.doubles(state, path, "numbers", list.size());
    std::vector<ImputedColumn> columns;
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string at = itemAt(path, "columns", i);
        ImputedColumn column{reader.text(list[i], at, "name"),
                             reader.boolean(list[i], at, "numeric"),
                             numbers[i],
                             {}};
        if (!column.numeric) column.label = reader.text(list[i], at, "label");
        columns.push_back(std::move(column));
    }
    const StateJson& json = reader.member(state, path, "options");
    const std::string at = memberAt(path, "options");
    ImputerOptions options{readEnum(reader, json, at, "strategy", kImputeStrategies),
                           reader.text(json, at, "fill_value"), reader.texts(json, at, "columns")};
    return std::make_shared<const ImputerStep>(
        std::move(columns), reader.texts(state, path, "dropped"), std::move(options));
}

// ---- Encoders ----

StateJson encodedJson(const EncodedColumn& column, StateWriter& writer, bool oneHot) {
    StateJson json = {{"name", column.name}, {"numeric", column.numeric}};
    if (column.numeric)
        json["numbers"] = writer.doubles(column.numbers);
    else
        json["labels"] = column.labels;
    if (oneHot) json["drop_index"] = column.dropIndex;
    return json;
}

// The encoders look categories up by binary search: they must be sorted and distinct.
std::vector<EncodedColumn> readEncoded(const StateJson& state, const std::string& path,
                                       const StateReader& reader, bool oneHot) {
    const StateJson& list = readList(reader, state, path, "columns");
    std::vector<EncodedColumn> columns;
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string at = itemAt(path, "columns", i);
        EncodedColumn column;
        column.name = reader.text(list[i], at, "name");
        column.numeric = reader.boolean(list[i], at, "numeric");
        if (column.numeric) {
            column.numbers = reader.doubles(list[i], at, "numbers");
            requireAscending(reader, memberAt(at, "numbers"), column.numbers, true);
        } else {
            column.labels = reader.texts(list[i], at, "labels");
            requireAscending(reader, memberAt(at, "labels"), column.labels);
        }
        if (oneHot)
            column.dropIndex =
                int(reader.integer(list[i], at, "drop_index", -1, int64_t(column.size()) - 1));
        columns.push_back(std::move(column));
    }
    return columns;
}

constexpr std::pair<bool, const char*> kOneHotUnknown[] = {{true, "ignore"}, {false, "error"}};
constexpr std::pair<OneHotDrop, const char*> kOneHotDrops[] = {
    {OneHotDrop::None, "none"}, {OneHotDrop::First, "first"}, {OneHotDrop::IfBinary, "if_binary"}};

StateJson saveOneHot(const FittedStep& fitted, StateWriter& writer) {
    const auto& step = static_cast<const OneHotEncoderStep&>(fitted);
    StateJson columns = StateJson::array();
    for (const EncodedColumn& column : step.columns())
        columns.push_back(encodedJson(column, writer, true));
    const OneHotOptions& options = step.options();
    return {{"columns", std::move(columns)},
            {"options",
             {{"columns", options.columns},
              {"handle_unknown", enumName(options.ignoreUnknown, kOneHotUnknown)},
              {"drop", enumName(options.drop, kOneHotDrops)}}}};
}

StepPtr loadOneHot(const std::string&, const StateJson& state, const std::string& path,
                   const StateReader& reader) {
    std::vector<EncodedColumn> columns = readEncoded(state, path, reader, true);
    const StateJson& json = reader.member(state, path, "options");
    const std::string at = memberAt(path, "options");
    OneHotOptions options{reader.texts(json, at, "columns"),
                          readEnum(reader, json, at, "handle_unknown", kOneHotUnknown),
                          readEnum(reader, json, at, "drop", kOneHotDrops)};
    return std::make_shared<const OneHotEncoderStep>(std::move(columns), std::move(options));
}

constexpr std::pair<bool, const char*> kOrdinalUnknown[] = {{false, "error"},
                                                            {true, "use_encoded_value"}};

StateJson saveOrdinal(const FittedStep& fitted, StateWriter& writer) {
    const auto& step = static_cast<const OrdinalEncoderStep&>(fitted);
    StateJson columns = StateJson::array();
    for (const EncodedColumn& column : step.columns())
        columns.push_back(encodedJson(column, writer, false));
    const OrdinalOptions& options = step.options();
    return {{"columns", std::move(columns)},
            {"options",
             {{"columns", options.columns},
              {"handle_unknown", enumName(options.useEncodedValue, kOrdinalUnknown)},
              {"unknown_value", scalar(writer, options.unknownValue)}}}};
}

StepPtr loadOrdinal(const std::string&, const StateJson& state, const std::string& path,
                    const StateReader& reader) {
    std::vector<EncodedColumn> columns = readEncoded(state, path, reader, false);
    const StateJson& json = reader.member(state, path, "options");
    const std::string at = memberAt(path, "options");
    OrdinalOptions options{reader.texts(json, at, "columns"),
                           readEnum(reader, json, at, "handle_unknown", kOrdinalUnknown),
                           readScalar(reader, json, at, "unknown_value")};
    return std::make_shared<const OrdinalEncoderStep>(std::move(columns), std::move(options));
}

// ---- Feature selection ----

constexpr std::pair<ScoreFunction, const char*> kScoreFunctions[] = {
    {ScoreFunction::Auto, "auto"},
    {ScoreFunction::FClassif, "f_classif"},
    {ScoreFunction::FRegression, "f_regression"}};

// The type id says which selector it was, so the options hold only that selector's.
StateJson saveFeatureSubset(const FittedStep& fitted, StateWriter& writer) {
    const auto& step = static_cast<const FeatureSubsetStep&>(fitted);
    StateJson options;
    if (const auto* kBest = std::get_if<SelectKBestOptions>(&step.options()))
        options = {{"k", kBest->k}, {"score_func", enumName(kBest->scoreFunc, kScoreFunctions)}};
    else
        options = {{"threshold",
                    scalar(writer, std::get<VarianceThresholdOptions>(step.options()).threshold)}};
    return {{"kept", step.kept()}, {"dropped", step.dropped()}, {"options", std::move(options)}};
}

StepPtr loadFeatureSubset(const std::string& typeId, const StateJson& state,
                          const std::string& path, const StateReader& reader) {
    const StateJson& json = reader.member(state, path, "options");
    const std::string at = memberAt(path, "options");
    SelectionOptions options;
    if (typeId == "oficina.select.k_best")
        options = SelectKBestOptions{int(reader.integer(json, at, "k", 0, kIntMax)),
                                     readEnum(reader, json, at, "score_func", kScoreFunctions)};
    else
        options = VarianceThresholdOptions{readScalar(reader, json, at, "threshold")};
    std::vector<std::string> dropped = reader.texts(state, path, "dropped");
    return std::make_shared<const FeatureSubsetStep>(std::move(dropped),
                                                     reader.texts(state, path, "kept"), options);
}

} // namespace

std::vector<StepCodec> columnStepCodecs() {
    return {{{"oficina.data.select_columns"}, saveColumnSelection, loadColumnSelection},
            {{"oficina.clean.cast"}, saveCast, loadCast},
            {{"oficina.clean.rename"}, saveRename, loadRename},
            {{"oficina.clean.drop_columns"}, saveDrop, loadDrop},
            {{"oficina.impute.simple"}, saveImputer, loadImputer},
            {{"oficina.encode.one_hot"}, saveOneHot, loadOneHot},
            {{"oficina.encode.ordinal"}, saveOrdinal, loadOrdinal},
            {{"oficina.select.variance", "oficina.select.k_best"},
             saveFeatureSubset,
             loadFeatureSubset}};
}

} // namespace oficina::core::deploy
