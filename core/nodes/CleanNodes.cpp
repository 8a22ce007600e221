// Cleaning: row filters and column edits; also the imputer and the encoders (Features) and
// t-SNE (Reduce), which belong to the same piece of work.
#include "nodes/Nodes.h"

#include "data/FeatureMatrix.h"
#include "data/Table.h"
#include "pipeline/NodeRegistry.h"
#include "reduce/Tsne.h"
#include "transform/ColumnEdits.h"
#include "transform/Encoders.h"
#include "transform/Imputer.h"
#include "transform/RowFilters.h"
#include "util/Error.h"
#include "util/RunContext.h"
#include "util/Text.h"
#include "util/Tr.h"

namespace oficina::core {

namespace {

constexpr size_t kTsneMaxRows = 10000;

PortValue filtered(FilteredRows result, RunContext& ctx) {
    if (result.table.rowCount() == 0 && result.removed > 0)
        throw Error(Message(OFICINA_TR_NOOP("all %1 rows were removed; no rows are left"),
                            {std::to_string(result.removed)}));
    if (result.removed > 0)
        ctx.warning(Message(OFICINA_TR_NOOP("%1 of %2 rows were removed"),
                            {std::to_string(result.removed),
                             std::to_string(result.removed + result.table.rowCount())}));
    return tableValue(std::move(result.table));
}

// ---- row filters ----------------------------------------------------------------------------

PortValues runDropMissing(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    DropMissingOptions options;
    options.how = params.text("how") == "all" ? MissingHow::All : MissingHow::Any;
    options.threshold = size_t(params.integer("thresh"));
    options.subset = params.list("subset");
    return {{"data", filtered(dropMissingRows(inputs.table("data"), options), ctx)}};
}

PortValues runDropDuplicates(const NodeInputs& inputs, const ParamValues& params,
                             RunContext& ctx) {
    DropDuplicatesOptions options;
    options.subset = params.list("subset");
    const std::string& keep = params.text("keep");
    options.keep = keep == "last"   ? KeepDuplicate::Last
                   : keep == "none" ? KeepDuplicate::None
                                    : KeepDuplicate::First;
    return {{"data", filtered(dropDuplicateRows(inputs.table("data"), options), ctx)}};
}

PortValues runOutliers(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    OutlierOptions options;
    options.method = params.text("method") == "iqr" ? OutlierMethod::Iqr : OutlierMethod::ZScore;
    options.threshold = params.real("threshold");
    options.factor = params.real("factor");
    options.columns = params.list("columns");
    return {{"data", filtered(removeOutliers(inputs.table("data"), options), ctx)}};
}

PortValues runFilterRows(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    static const std::vector<std::pair<std::string, CompareOp>> ops = {
        {"eq", CompareOp::Equal},          {"ne", CompareOp::NotEqual},
        {"lt", CompareOp::Less},           {"le", CompareOp::LessEqual},
        {"gt", CompareOp::Greater},        {"ge", CompareOp::GreaterEqual},
        {"is_missing", CompareOp::IsMissing}, {"not_missing", CompareOp::IsNotMissing},
        {"contains", CompareOp::Contains}};
    RowCondition condition{params.text("column"), CompareOp::Equal, params.text("value")};
    for (const auto& [key, op] : ops)
        if (key == params.text("operator")) condition.op = op;
    return {{"data", filtered(filterRows(inputs.table("data"), condition), ctx)}};
}

// ---- column edits ---------------------------------------------------------------------------

PortValues runCast(const NodeInputs& inputs, const ParamValues& params, RunContext&) {
    const Table& input = inputs.table("data");
    const ColumnType to =
        params.text("to") == "numeric" ? ColumnType::Numeric : ColumnType::Categorical;
    return {{"data", tableValue(applyStep(fitCastColumns(input, params.list("columns"), to),
                                          input))}};
}

PortValues runRename(const NodeInputs& inputs, const ParamValues& params, RunContext&) {
    const Table& input = inputs.table("data");
    const std::vector<std::string>& from = params.list("columns");
    const std::vector<std::string> to = splitList(params.text("new_names"));
    if (from.size() != to.size())
        throw Error(Message(OFICINA_TR_NOOP("%1 columns are chosen but %2 new names are given; "
                                            "give one new name per column, separated by "
                                            "commas"),
                            {std::to_string(from.size()), std::to_string(to.size())}));
    std::vector<std::pair<std::string, std::string>> pairs;
    for (size_t i = 0; i < from.size(); ++i) pairs.emplace_back(from[i], to[i]);
    return {{"data", tableValue(applyStep(makeRenameColumns(input, pairs), input))}};
}

PortValues runDropColumns(const NodeInputs& inputs, const ParamValues& params, RunContext&) {
    const Table& input = inputs.table("data");
    return {{"data", tableValue(applyStep(makeDropColumns(input, params.list("columns")),
                                          input))}};
}

// ---- imputer and encoders -------------------------------------------------------------------

PortValues runImputer(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    const Table& input = inputs.table("data");
    const std::string& strategy = params.text("strategy");
    ImputerOptions options;
    options.strategy = strategy == "median"          ? ImputeStrategy::Median
                       : strategy == "most_frequent" ? ImputeStrategy::MostFrequent
                       : strategy == "constant"      ? ImputeStrategy::Constant
                                                     : ImputeStrategy::Mean;
    options.fillValue = params.text("fill_value");
    options.columns = params.list("columns");
    const auto step = fitImputer(input, options);
    for (const std::string& name : step->dropped())
        ctx.warning(Message(OFICINA_TR_NOOP("column '%1' has no values at all and was dropped"),
                            {name}));
    return {{"data", tableValue(applyStep(step, input))}};
}

PortValues runOneHot(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    const Table& input = inputs.table("data");
    OneHotOptions options;
    options.columns = params.list("columns");
    options.ignoreUnknown = params.text("handle_unknown") != "error";
    const std::string& drop = params.text("drop");
    options.drop = drop == "first"       ? OneHotDrop::First
                   : drop == "if_binary" ? OneHotDrop::IfBinary
                                         : OneHotDrop::None;
    const auto step = fitOneHotEncoder(input, options);
    if (step->columns().empty())
        ctx.warning(Message(OFICINA_TR_NOOP("there is no categorical feature to encode")));
    return {{"data", tableValue(applyStep(step, input))}};
}

PortValues runOrdinal(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    const Table& input = inputs.table("data");
    OrdinalOptions options;
    options.columns = params.list("columns");
    options.useEncodedValue = params.text("handle_unknown") == "use_encoded_value";
    options.unknownValue = params.real("unknown_value");
    const auto step = fitOrdinalEncoder(input, options);
    if (step->columns().empty())
        ctx.warning(Message(OFICINA_TR_NOOP("there is no categorical feature to encode")));
    return {{"data", tableValue(applyStep(step, input))}};
}

// ---- t-SNE ----------------------------------------------------------------------------------

PortValues runTsne(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    const Table& input = inputs.table("data");
    if (input.rowCount() > kTsneMaxRows)
        throw Error(Message(OFICINA_TR_NOOP("t-SNE is limited to %1 rows and the data has %2; "
                                            "sample the rows or reduce them with PCA first"),
                            {std::to_string(kTsneMaxRows), std::to_string(input.rowCount())}));
    const std::vector<std::string> features = input.namesWithRole(ColumnRole::Feature);
    if (features.empty())
        throw Error(Message(OFICINA_TR_NOOP("the data has no feature columns to embed")));
    const Eigen::MatrixXd X = featureMatrix(input, features);
    TsneOptions options;
    options.perplexity = params.real("perplexity");
    options.earlyExaggeration = params.real("early_exaggeration");
    options.learningRate = params.real("learning_rate");
    options.maxIter = int(params.integer("n_iter"));
    options.init = params.text("init") == "random" ? TsneInit::Random : TsneInit::Pca;
    options.method = params.text("method") == "exact" ? TsneMethod::Exact : TsneMethod::BarnesHut;
    options.angle = params.real("angle");
    options.seed = uint32_t(params.integer("seed"));
    TsneMonitor monitor;
    monitor.stop = ctx.stopToken();
    monitor.onLoss = [&ctx](int iteration, double kl) { ctx.metric("loss", iteration, kl); };
    monitor.onProgress = [&ctx](double fraction) { ctx.progress(fraction); };
    const TsneResult result = tsne(X, options, monitor);
    ctx.progress(1.0);

    std::vector<Column> columns;
    for (int c = 0; c < 2; ++c) {
        std::vector<double> values(size_t(X.rows()));
        for (Eigen::Index i = 0; i < X.rows(); ++i) values[size_t(i)] = result.embedding(i, c);
        columns.push_back(Column::numeric("tsne_" + std::to_string(c + 1), std::move(values)));
    }
    for (const Column& column : input.columns())
        if (column.role() != ColumnRole::Feature) columns.push_back(column);
    // The embedding cannot be re-applied to new rows, so it starts a chain of its own.
    Table out(std::move(columns));
    out.startLineage();
    return {{"data", tableValue(std::move(out))}};
}

// ---- specs ----------------------------------------------------------------------------------

std::vector<PortSpec> dataIn() { return {{"data", PortType::Table, OFICINA_TR_NOOP("Data")}}; }
std::vector<PortSpec> dataOut() { return {{"data", PortType::Table, OFICINA_TR_NOOP("Data")}}; }

NodeSpec dropMissingSpec() {
    return {
        .type = "oficina.clean.drop_missing",
        .title = OFICINA_TR_NOOP("Drop rows with missing values"),
        .category = Category::Clean,
        .help = OFICINA_TR_NOOP("Removes rows with missing cells, as pandas' dropna. Use it on "
                                "training data: models still predict every row they are given."),
        .whenToUse = OFICINA_TR_NOOP("When only a few rows have missing cells and losing them "
                                     "does no harm; otherwise fill them in with the Imputer."),
        .concepts = {"data"},
        .inputs = dataIn(),
        .outputs = dataOut(),
        .params =
            {Parameter::choice("how", OFICINA_TR_NOOP("Drop a row when"),
                               {{"any", OFICINA_TR_NOOP("Any cell is missing")},
                                {"all", OFICINA_TR_NOOP("All cells are missing")}},
                               "any")
                 .withHelp(OFICINA_TR_NOOP("Any: drop a row with at least one missing cell; "
                                           "All: only rows whose cells are all missing")),
             Parameter::integer("thresh", OFICINA_TR_NOOP("Minimum values per row"), 0)
                 .range(0, 1e9)
                 .withHelp(OFICINA_TR_NOOP("When above 0, keep the rows with at least this many "
                                           "non-missing cells, whatever the choice above")),
             Parameter::columns("subset", OFICINA_TR_NOOP("Columns to check"))
                 .withHelp(OFICINA_TR_NOOP("Empty = all columns"))
                 .meaningWhenEmpty(OFICINA_TR_NOOP("None ticked: all columns"))},
        .run = runDropMissing,
    };
}

NodeSpec dropDuplicatesSpec() {
    return {
        .type = "oficina.clean.drop_duplicates",
        .title = OFICINA_TR_NOOP("Drop duplicate rows"),
        .category = Category::Clean,
        .help = OFICINA_TR_NOOP("Removes rows that repeat another row, as pandas' "
                                "drop_duplicates. Two missing cells count as equal."),
        .whenToUse = OFICINA_TR_NOOP("When the same record was entered more than once, so that "
                                     "it does not weigh more in training or turn up in the test "
                                     "rows too."),
        .concepts = {"data"},
        .inputs = dataIn(),
        .outputs = dataOut(),
        .params = {Parameter::columns("subset", OFICINA_TR_NOOP("Columns to compare"))
                       .withHelp(OFICINA_TR_NOOP("Empty = all columns"))
                       .meaningWhenEmpty(OFICINA_TR_NOOP("None ticked: all columns")),
                   Parameter::choice("keep", OFICINA_TR_NOOP("Keep"),
                                     {{"first", OFICINA_TR_NOOP("First copy")},
                                      {"last", OFICINA_TR_NOOP("Last copy")},
                                      {"none", OFICINA_TR_NOOP("No copy")}},
                                     "first")
                       .withHelp(OFICINA_TR_NOOP("Which copy of a repeated row stays: the "
                                                 "first, the last, or none of them"))},
        .run = runDropDuplicates,
    };
}

NodeSpec outliersSpec() {
    return {
        .type = "oficina.clean.outliers",
        .title = OFICINA_TR_NOOP("Remove outliers"),
        .category = Category::Clean,
        .help = OFICINA_TR_NOOP("Removes rows with an extreme value in any chosen numeric "
                                "column: by z-score (distance from the mean in standard "
                                "deviations) or by the interquartile range rule. Missing cells "
                                "are never outliers."),
        .whenToUse = OFICINA_TR_NOOP("When a few extreme values (typing errors, faulty sensors) "
                                     "would pull a model or a scaler away from the bulk of the "
                                     "data."),
        .concepts = {"data"},
        .inputs = dataIn(),
        .outputs = dataOut(),
        .params = {Parameter::choice("method", OFICINA_TR_NOOP("Method"),
                                     {{"zscore", OFICINA_TR_NOOP("Z-score")},
                                      {"iqr", OFICINA_TR_NOOP("Interquartile range (IQR)")}},
                                     "zscore")
                       .withHelp(OFICINA_TR_NOOP("The z-score suits roughly normal columns; "
                                                 "the IQR rule also suits skewed ones")),
                   Parameter::real("threshold", OFICINA_TR_NOOP("Z-score threshold"), 3.0)
                       .range(0.1, 100)
                       .withHelp(OFICINA_TR_NOOP("Z-score: remove values more than this many "
                                                 "standard deviations from the mean")),
                   Parameter::real("factor", OFICINA_TR_NOOP("IQR factor"), 1.5)
                       .range(0.0, 100)
                       .withHelp(OFICINA_TR_NOOP("IQR: remove values below Q1 − factor·IQR or "
                                                 "above Q3 + factor·IQR")),
                   Parameter::columns("columns", OFICINA_TR_NOOP("Columns"))
                       .withHelp(OFICINA_TR_NOOP("Empty = every numeric feature"))
                       .meaningWhenEmpty(OFICINA_TR_NOOP("None ticked: every numeric feature"))},
        .run = runOutliers,
    };
}

NodeSpec filterRowsSpec() {
    return {
        .type = "oficina.clean.filter_rows",
        .title = OFICINA_TR_NOOP("Filter rows"),
        .category = Category::Clean,
        .help = OFICINA_TR_NOOP("Keeps the rows where a condition on one column holds. The "
                                "value is read as a number for numeric columns and as a label "
                                "for categorical ones."),
        .whenToUse = OFICINA_TR_NOOP("To study part of the data only, such as one region or one "
                                     "period, or to remove rows that do not belong."),
        .concepts = {"data"},
        .inputs = dataIn(),
        .outputs = dataOut(),
        .params = {Parameter::column("column", OFICINA_TR_NOOP("Column"))
                       .withHelp(OFICINA_TR_NOOP("The column the condition tests")),
                   Parameter::choice("operator", OFICINA_TR_NOOP("Condition"),
                                     {{"eq", OFICINA_TR_NOOP("equals (=)")},
                                      {"ne", OFICINA_TR_NOOP("differs from (≠)")},
                                      {"lt", OFICINA_TR_NOOP("less than (<)")},
                                      {"le", OFICINA_TR_NOOP("at most (≤)")},
                                      {"gt", OFICINA_TR_NOOP("greater than (>)")},
                                      {"ge", OFICINA_TR_NOOP("at least (≥)")},
                                      {"is_missing", OFICINA_TR_NOOP("is missing")},
                                      {"not_missing", OFICINA_TR_NOOP("is not missing")},
                                      {"contains", OFICINA_TR_NOOP("contains")}},
                                     "eq")
                       .withHelp(OFICINA_TR_NOOP("How each cell is compared with the value")),
                   Parameter::text("value", OFICINA_TR_NOOP("Value"))
                       .withHelp(OFICINA_TR_NOOP("Compared with each cell; unused for 'is "
                                                 "missing' and 'is not missing'"))},
        .run = runFilterRows,
    };
}

NodeSpec castSpec() {
    return {
        .type = "oficina.clean.cast",
        .title = OFICINA_TR_NOOP("Cast column type"),
        .category = Category::Clean,
        .help = OFICINA_TR_NOOP("Turns numeric columns into categorical ones (the values seen "
                                "here become the categories; others become missing when a "
                                "model predicts) or categorical columns into numbers (every "
                                "label must be a number)."),
        .whenToUse = OFICINA_TR_NOOP("When codes were read as numbers but are categories (a "
                                     "postcode, a class 1, 2 or 3), or the other way round."),
        .concepts = {"data"},
        .inputs = dataIn(),
        .outputs = dataOut(),
        .params = {Parameter::columns("columns", OFICINA_TR_NOOP("Columns"))
                       .withHelp(OFICINA_TR_NOOP("The columns to convert")),
                   Parameter::choice("to", OFICINA_TR_NOOP("New type"),
                                     {{"categorical", OFICINA_TR_NOOP("Categorical")},
                                      {"numeric", OFICINA_TR_NOOP("Numeric")}},
                                     "categorical")
                       .withHelp(OFICINA_TR_NOOP("Categorical: numbers become category "
                                                 "labels; Numeric: labels are read as numbers"))},
        .run = runCast,
    };
}

NodeSpec renameSpec() {
    return {
        .type = "oficina.clean.rename",
        .title = OFICINA_TR_NOOP("Rename columns"),
        .category = Category::Clean,
        .help = OFICINA_TR_NOOP("Gives columns new names. Models downstream rename the columns "
                                "of new data the same way."),
        .whenToUse = OFICINA_TR_NOOP("To give columns clear names in tables, charts and the "
                                     "exported model."),
        .concepts = {"data"},
        .inputs = dataIn(),
        .outputs = dataOut(),
        .params = {Parameter::columns("columns", OFICINA_TR_NOOP("Columns"))
                       .withHelp(OFICINA_TR_NOOP("The columns to rename; the new names follow "
                                                 "in the same order")),
                   Parameter::text("new_names", OFICINA_TR_NOOP("New names"))
                       .withHelp(OFICINA_TR_NOOP("One per chosen column, in the same order, "
                                                 "separated by commas"))},
        .run = runRename,
    };
}

NodeSpec dropColumnsSpec() {
    return {
        .type = "oficina.clean.drop_columns",
        .title = OFICINA_TR_NOOP("Drop columns"),
        .category = Category::Clean,
        .help = OFICINA_TR_NOOP("Removes columns. Models downstream ignore them in new data."),
        .whenToUse = OFICINA_TR_NOOP("To remove identifiers, free text or columns that give the "
                                     "answer away, which a model should not learn from."),
        .concepts = {"data"},
        .inputs = dataIn(),
        .outputs = dataOut(),
        .params = {Parameter::columns("columns", OFICINA_TR_NOOP("Columns"))
                       .withHelp(OFICINA_TR_NOOP("The columns to remove"))},
        .run = runDropColumns,
    };
}

NodeSpec imputerSpec() {
    return {
        .type = "oficina.impute.simple",
        .title = OFICINA_TR_NOOP("Imputer"),
        .category = Category::Features,
        .help = OFICINA_TR_NOOP("Fills missing cells with each column's mean, median or most "
                                "frequent value, or a constant, learned from this node's input "
                                "(scikit-learn's SimpleImputer). Models downstream fill new "
                                "data with the same values. A column with no value at all is "
                                "dropped."),
        .whenToUse = OFICINA_TR_NOOP("When some cells are missing and dropping those rows would "
                                     "lose too much data; most models refuse missing values."),
        .concepts = {"data"},
        .inputs = dataIn(),
        .outputs = {{"data", PortType::Table, OFICINA_TR_NOOP("Imputed data")}},
        .params =
            {Parameter::choice("strategy", OFICINA_TR_NOOP("Strategy"),
                               {{"mean", OFICINA_TR_NOOP("Mean")},
                                {"median", OFICINA_TR_NOOP("Median")},
                                {"most_frequent", OFICINA_TR_NOOP("Most frequent")},
                                {"constant", OFICINA_TR_NOOP("Constant")}},
                               "mean")
                 .withHelp(OFICINA_TR_NOOP("What fills a missing cell: the column's mean or "
                                           "median (numeric columns), its most frequent "
                                           "value, or the fill value below")),
             Parameter::text("fill_value", OFICINA_TR_NOOP("Fill value"))
                 .withHelp(OFICINA_TR_NOOP("Constant strategy: empty = 0 for numeric columns "
                                           "and \"missing_value\" for categorical ones")),
             Parameter::columns("columns", OFICINA_TR_NOOP("Columns"))
                 .withHelp(OFICINA_TR_NOOP("Empty = every feature (numeric ones only for mean "
                                           "and median)"))
                 .meaningWhenEmpty(OFICINA_TR_NOOP("None ticked: every feature"))},
        .run = runImputer,
    };
}

NodeSpec oneHotSpec() {
    return {
        .type = "oficina.encode.one_hot",
        .title = OFICINA_TR_NOOP("One-hot encoder"),
        .category = Category::Features,
        .help = OFICINA_TR_NOOP("Replaces each categorical column with one 0/1 column per "
                                "category seen here, named column_category (scikit-learn's "
                                "OneHotEncoder). Categories not seen here give all zeros, or "
                                "an error if you ask for one."),
        .whenToUse = OFICINA_TR_NOOP("Before a model that needs numbers (linear models, SVM, "
                                     "k-NN, neural networks) when a feature's categories have no "
                                     "order, such as colours."),
        .concepts = {"data"},
        .inputs = dataIn(),
        .outputs = {{"data", PortType::Table, OFICINA_TR_NOOP("Encoded data")}},
        .params = {Parameter::columns("columns", OFICINA_TR_NOOP("Columns"))
                       .withHelp(OFICINA_TR_NOOP("Empty = every categorical feature"))
                       .meaningWhenEmpty(
                           OFICINA_TR_NOOP("None ticked: every categorical feature")),
                   Parameter::choice("handle_unknown", OFICINA_TR_NOOP("Unknown categories"),
                                     {{"ignore", OFICINA_TR_NOOP("All zeros")},
                                      {"error", OFICINA_TR_NOOP("Error")}},
                                     "ignore")
                       .withHelp(OFICINA_TR_NOOP("What a category not seen here becomes when "
                                                 "the model predicts: all-zero columns, or an "
                                                 "error")),
                   Parameter::choice("drop", OFICINA_TR_NOOP("Drop a category"),
                                     {{"none", OFICINA_TR_NOOP("None")},
                                      {"first", OFICINA_TR_NOOP("The first")},
                                      {"if_binary", OFICINA_TR_NOOP("The first, if only two")}},
                                     "none")
                       .withHelp(OFICINA_TR_NOOP("Dropping one column per feature avoids "
                                                 "perfectly collinear columns"))},
        .run = runOneHot,
    };
}

NodeSpec ordinalSpec() {
    return {
        .type = "oficina.encode.ordinal",
        .title = OFICINA_TR_NOOP("Ordinal encoder"),
        .category = Category::Features,
        .help = OFICINA_TR_NOOP("Replaces each category with its position among the categories "
                                "seen here, in sorted order (scikit-learn's OrdinalEncoder). "
                                "Missing cells stay missing."),
        .whenToUse = OFICINA_TR_NOOP("When categories have a natural order (small, medium, "
                                     "large), or before tree models and categorical naive Bayes."),
        .concepts = {"data"},
        .inputs = dataIn(),
        .outputs = {{"data", PortType::Table, OFICINA_TR_NOOP("Encoded data")}},
        .params = {Parameter::columns("columns", OFICINA_TR_NOOP("Columns"))
                       .withHelp(OFICINA_TR_NOOP("Empty = every categorical feature"))
                       .meaningWhenEmpty(
                           OFICINA_TR_NOOP("None ticked: every categorical feature")),
                   Parameter::choice("handle_unknown", OFICINA_TR_NOOP("Unknown categories"),
                                     {{"error", OFICINA_TR_NOOP("Error")},
                                      {"use_encoded_value",
                                       OFICINA_TR_NOOP("Use the unknown value")}},
                                     "error")
                       .withHelp(OFICINA_TR_NOOP("What a category not seen here becomes when "
                                                 "the model predicts: an error, or the "
                                                 "unknown value below")),
                   Parameter::real("unknown_value", OFICINA_TR_NOOP("Unknown value"), -1.0)
                       .range(-1e9, 1e9)
                       .withHelp(OFICINA_TR_NOOP("Code given to categories not seen here; it "
                                                 "must not be one of the real codes"))},
        .run = runOrdinal,
    };
}

NodeSpec tsneSpec() {
    return {
        .type = "oficina.reduce.tsne",
        .title = OFICINA_TR_NOOP("t-SNE"),
        .category = Category::Reduce,
        .help = OFICINA_TR_NOOP("Places the rows on a plane so that rows close in feature space "
                                "stay close (scikit-learn's TSNE), for looking at clusters. Up "
                                "to 10,000 rows; it cannot place new rows, so it does not feed "
                                "models. The KL divergence is drawn live as the loss."),
        .whenToUse = OFICINA_TR_NOOP("To look at data with many features on a plane and see "
                                     "whether groups exist; to feed a model, use PCA instead."),
        .concepts = {"unsupervised", "data"},
        .inputs = dataIn(),
        .outputs = {{"data", PortType::Table, OFICINA_TR_NOOP("Embedding")}},
        .params =
            {Parameter::real("perplexity", OFICINA_TR_NOOP("Perplexity"), 30.0)
                 .range(1.0, 1000.0)
                 .withHelp(OFICINA_TR_NOOP("About how many neighbours each point keeps close; "
                                           "5 to 50 is usual")),
             Parameter::real("early_exaggeration", OFICINA_TR_NOOP("Early exaggeration"), 12.0)
                 .range(1.0, 1000.0)
                 .withHelp(OFICINA_TR_NOOP("How tightly clusters form in the first 250 "
                                           "iterations")),
             Parameter::real("learning_rate", OFICINA_TR_NOOP("Learning rate"), 0.0)
                 .range(0.0, 100000.0)
                 .withHelp(OFICINA_TR_NOOP("0 = automatic: rows / early exaggeration / 4, at "
                                           "least 50")),
             Parameter::integer("n_iter", OFICINA_TR_NOOP("Iterations"), 1000)
                 .withHelp(OFICINA_TR_NOOP("Optimisation steps; more may settle the layout "
                                           "better but take longer"))
                 .range(250, 100000),
             Parameter::choice("init", OFICINA_TR_NOOP("Initialisation"),
                               {{"pca", OFICINA_TR_NOOP("PCA")},
                                {"random", OFICINA_TR_NOOP("Random")}},
                               "pca")
                 .withHelp(OFICINA_TR_NOOP("The starting layout: PCA (the same from run to "
                                           "run) or random positions")),
             Parameter::choice("method", OFICINA_TR_NOOP("Method"),
                               {{"barnes_hut", OFICINA_TR_NOOP("Barnes–Hut (fast)")},
                                {"exact", OFICINA_TR_NOOP("Exact (slow, small data)")}},
                               "barnes_hut")
                 .withHelp(OFICINA_TR_NOOP("Barnes–Hut approximates the forces and handles "
                                           "thousands of rows; exact is for small data")),
             Parameter::real("angle", OFICINA_TR_NOOP("Angle (θ)"), 0.5)
                 .range(0.0, 1.0)
                 .withHelp(OFICINA_TR_NOOP("Barnes–Hut: larger is faster and coarser")),
             Parameter::seed(OFICINA_TR_NOOP("Used by the random initialisation"))},
        .run = runTsne,
    };
}

} // namespace

void registerCleanNodes(NodeRegistry& registry) {
    registry.add(dropMissingSpec());
    registry.add(dropDuplicatesSpec());
    registry.add(outliersSpec());
    registry.add(filterRowsSpec());
    registry.add(castSpec());
    registry.add(renameSpec());
    registry.add(dropColumnsSpec());
    registry.add(imputerSpec());
    registry.add(oneHotSpec());
    registry.add(ordinalSpec());
    registry.add(tsneSpec());
}

} // namespace oficina::core
