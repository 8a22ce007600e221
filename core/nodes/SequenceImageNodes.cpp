// Data for neural networks: images from a folder of class sub-folders, and sliding windows over
// a time series.
#include "nodes/Nodes.h"

#include "data/ImageFolder.h"
#include "data/Table.h"
#include "pipeline/NodeRegistry.h"
#include "transform/TimeWindows.h"
#include "util/Error.h"
#include "util/RunContext.h"
#include "util/Tr.h"

namespace oficina::core {

namespace {

PortValues runImageFolder(const NodeInputs&, const ParamValues& params, RunContext& ctx) {
    ImageFolderOptions options;
    options.width = int(params.integer("width"));
    options.height = int(params.integer("height"));
    options.color = params.text("color_mode") == "rgb" ? ColorMode::Rgb : ColorMode::Grayscale;
    options.stop = ctx.stopToken();
    options.progress = [&ctx](double fraction) { ctx.progress(fraction); };
    ReadResult result = readImageFolder(params.text("folder"), options);
    for (auto& w : result.warnings) ctx.warning(std::move(w));
    return {{"data", tableValue(std::move(result.table))}};
}

PortValues runTimeWindows(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    const Table& input = inputs.table("data");
    // The windows start a new lineage, so a step fitted upstream would not be re-applied by
    // Predict, and it has seen every future value of the series.
    for (const auto& step : input.lineage().steps)
        if (step->learnsFromData())
            ctx.warning(Message(OFICINA_TR_NOOP("'%1' was fitted on the whole series before the "
                                                "windows were cut (data leakage); move it after "
                                                "this node and the split"),
                                {step->title()}));
    TimeWindows result = timeWindows(input, {.column = params.text("column"),
                                             .lookback = size_t(params.integer("lookback")),
                                             .horizon = size_t(params.integer("horizon"))});
    if (result.dropped > 0)
        ctx.warning(Message(OFICINA_TR_NOOP("%1 of %2 windows held a missing value and were "
                                            "dropped"),
                            {std::to_string(result.dropped),
                             std::to_string(result.dropped + result.table.rowCount())}));
    return {{"data", tableValue(std::move(result.table))}};
}

NodeSpec imageFolderSpec() {
    return {
        .type = "oficina.data.image_folder",
        .title = OFICINA_TR_NOOP("Image folder"),
        .category = Category::Data,
        .help = OFICINA_TR_NOOP(
            "Reads PNG, JPEG and BMP images from a folder holding one sub-folder per class; the "
            "sub-folder's name is the class label. Every image is resized to width × height and "
            "becomes one row: pixel columns c<channel>_<row>_<column> with values from 0 to 1, "
            "the class in 'label' (the target) and the path in 'file' (ignored). Other files "
            "are skipped. For a network, set its input shape to channels × height × width, e.g. "
            "1x28x28 for grayscale 28 × 28 images or 3x32x32 for colour 32 × 32 ones."),
        .whenToUse = OFICINA_TR_NOOP("To classify pictures: put each class's images in a "
                                     "sub-folder of its own, then train a neural network (a CNN) "
                                     "on the rows."),
        .concepts = {"data", "classification"},
        .outputs = {{"data", PortType::Table, OFICINA_TR_NOOP("Images")}},
        .params = {Parameter::text("folder", OFICINA_TR_NOOP("Folder"))
                       .withHelp(OFICINA_TR_NOOP("Folder with one sub-folder of images per "
                                                 "class")),
                   Parameter::integer("width", OFICINA_TR_NOOP("Width"), 28)
                       .range(1, 512)
                       .withHelp(OFICINA_TR_NOOP("Pixels per row after resizing")),
                   Parameter::integer("height", OFICINA_TR_NOOP("Height"), 28)
                       .range(1, 512)
                       .withHelp(OFICINA_TR_NOOP("Rows after resizing")),
                   Parameter::choice("color_mode", OFICINA_TR_NOOP("Colour"),
                                     {{"grayscale", OFICINA_TR_NOOP("Grayscale (1 channel)")},
                                      {"rgb", OFICINA_TR_NOOP("RGB (3 channels)")}},
                                     "grayscale")
                       .withHelp(OFICINA_TR_NOOP("Grayscale: one channel, the brightness; RGB: "
                                                 "red, green and blue channels, transparency "
                                                 "dropped"))},
        .run = runImageFolder,
    };
}

NodeSpec timeWindowsSpec() {
    return {
        .type = "oficina.data.time_windows",
        .title = OFICINA_TR_NOOP("Time-series windows"),
        .category = Category::Features,
        .help = OFICINA_TR_NOOP(
            "Cuts a series into sliding windows for forecasting: each row holds 'lookback' "
            "consecutive values as features lag_<lookback> … lag_1, oldest first, and as target "
            "the value 'horizon' steps after the last of them. Rows must be in time order; "
            "windows with a missing value are dropped; other columns are not carried. For an "
            "LSTM or other recurrent network set the input shape to <lookback>x1 (time × "
            "features). Scale after this node and the split, not before."),
        .whenToUse = OFICINA_TR_NOOP("To forecast a series (sales, temperatures, sunspots) from "
                                     "its recent past with a regression model or a recurrent "
                                     "network."),
        .concepts = {"data", "regression"},
        .inputs = {{"data", PortType::Table, OFICINA_TR_NOOP("Series")}},
        .outputs = {{"data", PortType::Table, OFICINA_TR_NOOP("Windows")}},
        .params = {Parameter::column("column", OFICINA_TR_NOOP("Series column"))
                       .optional()
                       .withHelp(OFICINA_TR_NOOP("Numeric column, in time order; empty = the "
                                                 "input's target")),
                   Parameter::integer("lookback", OFICINA_TR_NOOP("Lookback"), 12)
                       .range(1, 10000)
                       .withHelp(OFICINA_TR_NOOP("Past values in each window")),
                   Parameter::integer("horizon", OFICINA_TR_NOOP("Horizon"), 1)
                       .range(1, 10000)
                       .withHelp(OFICINA_TR_NOOP("Steps ahead of the last past value to "
                                                 "predict"))},
        .run = runTimeWindows,
    };
}

} // namespace

void registerSequenceImageNodes(NodeRegistry& registry) {
    registry.add(imageFolderSpec());
    registry.add(timeWindowsSpec());
}

} // namespace oficina::core
