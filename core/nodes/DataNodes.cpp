// Nodes that bring data in and shape it: load a file, a sample dataset, select columns, split.
#include "nodes/Nodes.h"

#include "data/FeatureMatrix.h"
#include "data/SampleData.h"
#include "data/Split.h"
#include "data/Table.h"
#include "data/TableFile.h"
#include "transform/ColumnSelection.h"
#include "util/Error.h"
#include "util/RunContext.h"
#include "util/Text.h"

#include <cmath>
#include "util/Tr.h"

#include <algorithm>
#include <filesystem>

namespace oficina::core {

namespace {

CsvOptions csvOptions(const ParamValues& params, RunContext& ctx) {
    CsvOptions options;
    const std::string& delimiter = params.text("delimiter");
    options.delimiter = delimiter == "comma"       ? ','
                        : delimiter == "semicolon" ? ';'
                        : delimiter == "tab"       ? '\t'
                        : delimiter == "pipe"      ? '|'
                                                   : 0;
    const std::string& decimal = params.text("decimal");
    options.decimal = decimal == "point" ? '.' : decimal == "comma" ? ',' : 0;
    const std::string& header = params.text("header");
    options.header = header == "yes" ? HeaderMode::Yes
                     : header == "no" ? HeaderMode::No
                                      : HeaderMode::Auto;
    options.missingTokens = splitList(params.text("missing"));
    options.encoding =
        params.text("encoding") == "latin-1" ? TextEncoding::Latin1 : TextEncoding::Utf8;
    options.stop = ctx.stopToken();
    options.progress = [&ctx](double fraction) { ctx.progress(fraction); };
    return options;
}

PortValues runLoadFile(const NodeInputs&, const ParamValues& params, RunContext& ctx) {
    ReadResult result = readTableFile(params.text("file"), csvOptions(params, ctx));
    for (auto& w : result.warnings) ctx.warning(std::move(w));
    return {{"data", tableValue(std::move(result.table))}};
}

PortValues runSampleDataset(const std::string& directory, const ParamValues& params,
                            RunContext& ctx) {
    const SampleDataset* dataset = findSampleDataset(params.text("dataset"));
    if (!dataset)
        throw Error(Message(OFICINA_TR_NOOP("unknown sample dataset '%1'"),
                            {params.text("dataset")}));
    if (directory.empty())
        throw Error(Message(OFICINA_TR_NOOP("the sample datasets were not found; set "
                                            "OFICINA_SHARE_DIR to Oficina's share folder")));
    CsvOptions options;
    options.stop = ctx.stopToken();
    Table table = readCsv((std::filesystem::path(directory) / dataset->fileName).string(), options)
                      .table;
    table = table.withColumn(table.column(dataset->target).withRole(ColumnRole::Target));
    table.startLineage();
    return {{"data", tableValue(std::move(table))}};
}

PortValues runSelectColumns(const NodeInputs& inputs, const ParamValues& params, RunContext&) {
    const Table& input = inputs.table("data");
    std::string target = params.text("target");
    if (target.empty()) {
        const auto targets = input.namesWithRole(ColumnRole::Target);
        if (!targets.empty()) target = targets.front();
    }
    std::vector<std::string> featureNames = params.list("features");
    if (featureNames.empty())
        for (const auto& c : input.columns())
            if (c.name() != target && c.role() != ColumnRole::Ignored &&
                c.role() != ColumnRole::Prediction)
                featureNames.push_back(c.name());
    if (std::find(featureNames.begin(), featureNames.end(), target) != featureNames.end())
        throw Error(Message(OFICINA_TR_NOOP("column '%1' cannot be both a feature and the "
                                            "target"),
                            {target}));
    if (featureNames.empty())
        throw Error(Message(OFICINA_TR_NOOP("no feature columns are left")));

    std::vector<ColumnSchema> features;
    for (const auto& name : featureNames) {
        const Column& c = input.column(name);
        features.push_back({c.name(), c.type(), ColumnRole::Feature,
                            c.isNumeric() ? std::vector<std::string>{} : c.categories()});
    }
    auto step = std::make_shared<const ColumnSelectionStep>(std::move(features), target);
    return {{"data", tableValue(applyStep(step, input))}};
}

PortValues runSplit(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    const Table& input = inputs.table("data");
    for (const auto& step : input.lineage().steps)
        if (step->learnsFromData())
            ctx.warning(Message(OFICINA_TR_NOOP("'%1' was fitted before this split, so it has "
                                                "seen the test rows (data leakage); move it "
                                                "after the split"),
                                {step->title()}));
    const double testSize = params.real("test_size");
    const auto seed = uint32_t(params.integer("seed"));
    TrainTestIndices split;
    if (!params.boolean("shuffle")) {
        // train_test_split(shuffle=False): the last rows test, in order, as a forecast would.
        if (params.boolean("stratify"))
            throw Error(Message(OFICINA_TR_NOOP("a split without shuffling cannot be "
                                                "stratified; turn one of them off")));
        const auto rows = input.rowCount();
        const auto test = std::min(rows, size_t(std::ceil(testSize * double(rows))));
        for (size_t i = 0; i < rows; ++i) (i < rows - test ? split.train : split.test).push_back(i);
    } else if (params.boolean("stratify")) {
        const auto targets = input.namesWithRole(ColumnRole::Target);
        if (targets.empty())
            throw Error(Message(OFICINA_TR_NOOP("a stratified split needs a target column; set "
                                                "one in 'Select columns & set target'")));
        split = stratifiedTrainTestSplit(classLabels(input.column(targets.front())).codes,
                                         testSize, seed);
    } else {
        split = trainTestSplit(input.rowCount(), testSize, seed);
    }
    return {{"train", tableValue(input.takeRows(split.train))},
            {"test", tableValue(input.takeRows(split.test))}};
}

} // namespace

NodeSpec loadFileSpec() {
    return {
        .type = "oficina.data.load_file",
        .title = OFICINA_TR_NOOP("Load file"),
        .category = Category::Data,
        .help = OFICINA_TR_NOOP("Reads a CSV, TSV or ARFF file. Delimiter, decimal separator, "
                                "header and column types are detected; every problem is "
                                "reported with its line and column."),
        .whenToUse = OFICINA_TR_NOOP("To bring in your own data: a spreadsheet saved as CSV, or "
                                     "a file from a data repository such as OpenML (ARFF)."),
        .concepts = {"data"},
        .outputs = {{"data", PortType::Table, OFICINA_TR_NOOP("Data")}},
        .params =
            {Parameter::file("file", OFICINA_TR_NOOP("File"),
                             OFICINA_TR_NOOP("Data files (*.csv *.tsv *.txt *.arff)"))
                 .withHelp(OFICINA_TR_NOOP("CSV/TSV (any of , ; tab |) or Weka ARFF file")),
             Parameter::choice("delimiter", OFICINA_TR_NOOP("Delimiter"),
                               {{"auto", OFICINA_TR_NOOP("Detect")},
                                {"comma", OFICINA_TR_NOOP("Comma")},
                                {"semicolon", OFICINA_TR_NOOP("Semicolon")},
                                {"tab", OFICINA_TR_NOOP("Tab")},
                                {"pipe", OFICINA_TR_NOOP("Pipe")}},
                               "auto")
                 .withHelp(OFICINA_TR_NOOP("The character between cells; Detect finds it from "
                                           "the first lines")),
             Parameter::choice("decimal", OFICINA_TR_NOOP("Decimal separator"),
                               {{"auto", OFICINA_TR_NOOP("Detect")},
                                {"point", OFICINA_TR_NOOP("Point (1234.5)")},
                                {"comma", OFICINA_TR_NOOP("Comma (1.234,5)")}},
                               "auto")
                 .withHelp(OFICINA_TR_NOOP("How the file writes decimals: 1234.5, or 1.234,5 "
                                           "as in Brazil; Detect finds it from the numbers")),
             Parameter::choice("header", OFICINA_TR_NOOP("Header row"),
                               {{"auto", OFICINA_TR_NOOP("Detect")},
                                {"yes", OFICINA_TR_NOOP("Yes")},
                                {"no", OFICINA_TR_NOOP("No")}},
                               "auto")
                 .withHelp(OFICINA_TR_NOOP("Whether the first line holds the column names; "
                                           "Detect guesses from its cells")),
             Parameter::text("missing", OFICINA_TR_NOOP("Missing-value markers"),
                             joinList(defaultMissingTokens(), ","))
                 .withHelp(OFICINA_TR_NOOP("Comma-separated cell values read as missing; an "
                                           "empty cell is always missing")),
             Parameter::choice("encoding", OFICINA_TR_NOOP("Encoding"),
                               {{"utf-8", OFICINA_TR_NOOP("UTF-8")},
                                {"latin-1", OFICINA_TR_NOOP("Latin-1 (ISO 8859-1)")}},
                               "utf-8")
                 .withHelp(OFICINA_TR_NOOP("The file's character set: UTF-8, or Latin-1 for "
                                           "older files saved by Windows programs"))},
        .run = runLoadFile,
    };
}

NodeSpec sampleDatasetSpec(std::string datasetDirectory) {
    std::vector<ChoiceOption> choices;
    for (const auto& d : sampleDatasets()) choices.push_back({d.key, d.title});
    return {
        .type = "oficina.data.sample",
        .title = OFICINA_TR_NOOP("Sample dataset"),
        .category = Category::Data,
        .help = OFICINA_TR_NOOP("A real public dataset shipped with Oficina (Iris, Wine, Breast "
                                "cancer, Diabetes, Digits, Linnerud, Sunspots, CO₂), with its "
                                "target column already marked."),
        .whenToUse = OFICINA_TR_NOOP("To start at once, or to teach, with a well-known dataset "
                                     "whose answers are known."),
        .concepts = {"data"},
        .outputs = {{"data", PortType::Table, OFICINA_TR_NOOP("Data")}},
        .params = {Parameter::choice("dataset", OFICINA_TR_NOOP("Dataset"), std::move(choices),
                                     "iris")
                       .withHelp(OFICINA_TR_NOOP("Which dataset to load; each comes with its "
                                                 "target column marked"))},
        .run = [directory = std::move(datasetDirectory)](const NodeInputs&,
                                                         const ParamValues& params,
                                                         RunContext& ctx) {
            return runSampleDataset(directory, params, ctx);
        },
    };
}

NodeSpec selectColumnsSpec() {
    return {
        .type = "oficina.data.select_columns",
        .title = OFICINA_TR_NOOP("Select columns & set target"),
        .category = Category::Data,
        .help = OFICINA_TR_NOOP("Chooses the feature columns a model learns from and the target "
                                "column it predicts. Models trained downstream expect the same "
                                "columns when they predict."),
        .whenToUse = OFICINA_TR_NOOP("Before training, to say what the model should predict (the "
                                     "target) and what it may look at (the features)."),
        .concepts = {"data", "supervised"},
        .inputs = {{"data", PortType::Table, OFICINA_TR_NOOP("Data")}},
        .outputs = {{"data", PortType::Table, OFICINA_TR_NOOP("Data")}},
        .params = {Parameter::columns("features", OFICINA_TR_NOOP("Features"))
                       .withHelp(OFICINA_TR_NOOP("Columns to learn from; empty = every column "
                                                 "except the target"))
                       .meaningWhenEmpty(OFICINA_TR_NOOP("None ticked: every column except the "
                                                         "target"))
                       .excluding("target"),
                   Parameter::column("target", OFICINA_TR_NOOP("Target"))
                       .optional()
                       .withHelp(OFICINA_TR_NOOP("Column to predict; empty = keep the input's "
                                                 "target, or none for clustering"))},
        .run = runSelectColumns,
    };
}

NodeSpec splitSpec() {
    return {
        .type = "oficina.data.split",
        .title = OFICINA_TR_NOOP("Train/test split"),
        .category = Category::Data,
        .help = OFICINA_TR_NOOP("Shuffles the rows and holds out a share of them for testing, "
                                "exactly as scikit-learn's train_test_split does with the same "
                                "seed. Fit preprocessing after this node, on the training rows "
                                "only."),
        .whenToUse = OFICINA_TR_NOOP("Before training any supervised model: the test rows, never "
                                     "seen in training, show how the model does on new data."),
        .concepts = {"data", "overfitting"},
        .inputs = {{"data", PortType::Table, OFICINA_TR_NOOP("Data")}},
        .outputs = {{"train", PortType::Table, OFICINA_TR_NOOP("Training rows")},
                    {"test", PortType::Table, OFICINA_TR_NOOP("Test rows")}},
        .params = {Parameter::real("test_size", OFICINA_TR_NOOP("Test share"), 0.25)
                       .range(0.01, 0.99)
                       .withHelp(OFICINA_TR_NOOP("Fraction of the rows held out for testing")),
                   Parameter::boolean("stratify", OFICINA_TR_NOOP("Stratify by target"), false)
                       .withHelp(OFICINA_TR_NOOP("Keep the class proportions equal in both "
                                                 "parts")),
                   Parameter::boolean("shuffle", OFICINA_TR_NOOP("Shuffle rows"), true)
                       .withHelp(OFICINA_TR_NOOP("Off: the last rows are the test rows, in "
                                                 "order, so a forecast is tested on the future "
                                                 "it never saw")),
                   Parameter::seed(OFICINA_TR_NOOP("Same seed, same split"))},
        .run = runSplit,
    };
}

} // namespace oficina::core
