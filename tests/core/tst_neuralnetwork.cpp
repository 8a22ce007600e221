// Neural networks on LibTorch (core/nn): the quality bar on the bundled datasets, plus
// determinism, divergence, Stop, shape errors and the node's validation input.
#include "data/CsvReader.h"
#include "data/FeatureMatrix.h"
#include "data/ImageFolder.h"
#include "data/Split.h"
#include "eval/Metrics.h"
#include "eval/RegressionMetrics.h"
#include "nn/Network.h"
#include "nodes/Nodes.h"
#include "pipeline/Executor.h"
#include "pipeline/NodeRegistry.h"
#include "util/Error.h"
#include "util/RunContext.h"

#include "GraphBuilder.h"

#include <QTemporaryDir>
#include <QtTest>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <thread>

using namespace oficina::core;
using namespace oficina::core::nn;

namespace {

/// A bundled dataset with `target` as the target column (every other column a feature).
Table dataset(const std::string& name, const std::string& target) {
    const Table raw = readCsv(OFICINA_SOURCE_DIR "/resources/datasets/" + name + ".csv").table;
    std::vector<Column> columns;
    for (const auto& c : raw.columns())
        columns.push_back(
            c.withRole(c.name() == target ? ColumnRole::Target : ColumnRole::Feature));
    return Table(std::move(columns));
}

struct Holdout {
    Table train, test;
};

Holdout stratifiedHoldout(const Table& t, const std::string& target) {
    const auto split = stratifiedTrainTestSplit(classLabels(t.column(target)).codes, 0.25, 0);
    return {t.takeRows(split.train), t.takeRows(split.test)};
}

double accuracy(const Estimator& estimator, const Table& test, const std::string& target) {
    const auto columns = estimator.predict(test);
    const Column& predicted = columns.front();
    const Column& truth = test.column(target);
    size_t right = 0;
    for (size_t i = 0; i < truth.size(); ++i)
        right += predicted.cellText(i) == truth.cellText(i);
    return double(right) / double(truth.size());
}

std::vector<LayerSpec> parsedLayers(const std::vector<std::string>& texts) {
    std::vector<LayerSpec> out;
    for (const auto& t : texts)
        out.push_back(parseLayer(t));
    return out;
}

std::vector<double> seriesOf(const RunContext& ctx, const std::string& series) {
    std::vector<double> out;
    for (const auto& p : ctx.metricsOf("net"))
        if (p.series == series) out.push_back(p.value);
    return out;
}

/// Sliding windows over one column: `lookback` lags (oldest first) and the next value.
Table windows(const std::vector<double>& series, size_t lookback) {
    std::vector<Column> columns;
    const size_t rows = series.size() - lookback;
    for (size_t lag = lookback; lag >= 1; --lag) {
        std::vector<double> v(rows);
        for (size_t r = 0; r < rows; ++r)
            v[r] = series[r + lookback - lag];
        columns.push_back(Column::numeric("lag_" + std::to_string(lag), std::move(v)));
    }
    std::vector<double> next(series.begin() + ptrdiff_t(lookback), series.end());
    columns.push_back(Column::numeric("next", std::move(next), ColumnRole::Target));
    return Table(std::move(columns));
}

std::vector<size_t> range(size_t from, size_t to) {
    std::vector<size_t> out;
    for (size_t i = from; i < to; ++i)
        out.push_back(i);
    return out;
}

} // namespace

class NeuralNetworkTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void mlpOnBreastCancer() {
        const std::string target = "diagnosis";
        const auto [train, test] = stratifiedHoldout(dataset("breast_cancer", target), target);
        RunContext ctx;
        ctx.beginNode("net");
        const Fitted fitted =
            fitNetwork(train, target, nullptr, Task::Classification,
                       {.layers = parsedLayers({"Dense(units=32)", "ReLU"})}, {.epochs = 60}, ctx);
        const double acc = accuracy(*fitted.estimator, test, target);
        qInfo("breast cancer MLP test accuracy %.4f", acc);
        QVERIFY(acc >= 0.95);
        QVERIFY(!seriesOf(ctx, "val_loss").empty());
        QCOMPARE(seriesOf(ctx, "loss").size(), seriesOf(ctx, "val_accuracy").size());
    }

    void mlpOnDigits() {
        const std::string target = "digit";
        const auto [train, test] = stratifiedHoldout(dataset("digits", target), target);
        RunContext ctx;
        const Fitted fitted =
            fitNetwork(train, target, nullptr, Task::Classification,
                       {.layers = parsedLayers({"Dense(units=64)", "ReLU"})}, {.epochs = 40}, ctx);
        const double acc = accuracy(*fitted.estimator, test, target);
        qInfo("digits MLP test accuracy %.4f", acc);
        QVERIFY(acc >= 0.95);
    }

    void cnnOnDigits() {
        const std::string target = "digit";
        const auto [train, test] = stratifiedHoldout(dataset("digits", target), target);
        RunContext ctx;
        const NetworkSpec spec{
            .layers =
                parsedLayers({"Conv2d(units=16, kernel=3, padding=1)", "ReLU",
                              "MaxPool2d(kernel=2)", "Conv2d(units=32, kernel=3, padding=1)",
                              "ReLU", "MaxPool2d(kernel=2)", "Flatten", "Dense(units=64)", "ReLU"}),
            .inputShape = Shape{1, 8, 8}};
        const Fitted fitted =
            fitNetwork(train, target, nullptr, Task::Classification, spec, {.epochs = 40}, ctx);
        const double acc = accuracy(*fitted.estimator, test, target);
        qInfo("digits CNN test accuracy %.4f", acc);
        QVERIFY(acc >= 0.97);
    }

    void lstmOnSunspotsBeatsLastValue() {
        const Table raw = readCsv(OFICINA_SOURCE_DIR "/resources/datasets/sunspots.csv").table;
        const Table all = windows(raw.column("SUNACTIVITY").values(), 12);
        const size_t cut = all.rowCount() * 8 / 10; // forecast the last fifth, in time order
        const Table train = all.takeRows(range(0, cut)),
                    test = all.takeRows(range(cut, all.rowCount()));
        RunContext ctx;
        const NetworkSpec spec{.layers = parsedLayers({"LSTM(units=32)"}),
                               .inputShape = Shape{12, 1}};
        const Fitted fitted =
            fitNetwork(train, "next", nullptr, Task::Regression, spec,
                       {.learningRate = 0.01, .epochs = 150, .patience = 20}, ctx);
        const auto predicted = fitted.estimator->predict(test).front().values();
        const auto& truth = test.column("next").values();
        const auto& last = test.column("lag_1").values();
        double mae = 0, naive = 0;
        for (size_t i = 0; i < truth.size(); ++i) {
            mae += std::abs(predicted[i] - truth[i]);
            naive += std::abs(last[i] - truth[i]);
        }
        qInfo("sunspots LSTM MAE %.2f, last value %.2f", mae / truth.size(), naive / truth.size());
        QVERIFY(mae < naive);
    }

    void sameSeedSameNumbers() {
        const Table data = dataset("iris", "species");
        const NetworkSpec spec{.layers =
                                   parsedLayers({"Dense(units=16)", "Tanh", "Dropout(rate=0.1)"})};
        const TrainOptions options{.epochs = 15, .seed = 7};
        RunContext a, b;
        a.beginNode("net");
        b.beginNode("net");
        const Fitted first =
            fitNetwork(data, "species", nullptr, Task::Classification, spec, options, a);
        const Fitted second =
            fitNetwork(data, "species", nullptr, Task::Classification, spec, options, b);
        QCOMPARE(seriesOf(a, "batch_loss"), seriesOf(b, "batch_loss"));
        QCOMPARE(seriesOf(a, "val_loss"), seriesOf(b, "val_loss"));
        QVERIFY(seriesOf(a, "batch_loss").size() >= 15);
        const auto p1 = first.estimator->predict(data), p2 = second.estimator->predict(data);
        QCOMPARE(p1.at(1).values(), p2.at(1).values());

        RunContext c;
        c.beginNode("net");
        TrainOptions other = options;
        other.seed = 8;
        (void)fitNetwork(data, "species", nullptr, Task::Classification, spec, other, c);
        QVERIFY(seriesOf(a, "batch_loss") != seriesOf(c, "batch_loss"));
    }

    void divergenceNamesTheEpoch() {
        const std::string target = "progression";
        const Table data = dataset("diabetes", target);
        RunContext ctx;
        try {
            (void)fitNetwork(data, target, nullptr, Task::Regression,
                             {.layers = parsedLayers({"Dense(units=64)", "ReLU"})},
                             {.optimizer = Optimizer::Sgd,
                              .learningRate = 5.0,
                              .epochs = 20,
                              .standardize = false},
                             ctx);
            QFAIL("expected the loss to diverge");
        } catch (const Error& e) {
            const std::string text = e.message().english();
            QVERIFY2(text.find("diverged") != std::string::npos, text.c_str());
            QVERIFY2(text.find("in epoch ") != std::string::npos, text.c_str());
            QVERIFY2(text.find("learning rate") != std::string::npos, text.c_str());
        }
    }

    void shapeErrorsComeBeforeTraining() {
        const std::string target = "digit";
        const Table data = dataset("digits", target);
        RunContext ctx;
        ctx.beginNode("net");
        try {
            (void)fitNetwork(data, target, nullptr, Task::Classification,
                             {.layers = parsedLayers({"Conv2d(units=8, kernel=3)"})}, {}, ctx);
            QFAIL("expected a shape error");
        } catch (const Error& e) {
            QCOMPARE(QString::fromStdString(e.message().english()),
                     QStringLiteral("layer 1 Conv2d expects channels × height × width, gets 64; "
                                    "set the node's input shape, e.g. 1x8x8"));
        }
        QVERIFY(ctx.metricsOf("net").empty());
        QVERIFY_THROWS_EXCEPTION(
            Error, (void)fitNetwork(
                       data, target, nullptr, Task::Classification,
                       {.layers = parsedLayers({"ReLU"}), .inputShape = Shape{1, 8, 7}}, {}, ctx));
    }

    void stopKeepsTheBestWeightsSoFar() {
        const std::string target = "digit";
        const auto [train, test] = stratifiedHoldout(dataset("digits", target), target);
        std::stop_source stop;
        RunContext ctx(stop.get_token());
        ctx.beginNode("net");
        // Stops once the third epoch's first batches are streamed, i.e. within an epoch.
        std::jthread watcher([&](std::stop_token done) {
            size_t cursor = 0;
            double lastStep = 0;
            while (!done.stop_requested() && lastStep < 2.2) {
                for (const auto& p : ctx.takeMetrics(cursor))
                    if (p.series == "batch_loss") lastStep = p.step;
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            stop.request_stop();
        });
        const Fitted fitted = fitNetwork(train, target, nullptr, Task::Classification,
                                         {.layers = parsedLayers({"Dense(units=64)", "ReLU"})},
                                         {.batchSize = 8, .epochs = 1000}, ctx);
        watcher.request_stop();
        const auto warnings = ctx.takeWarnings();
        QCOMPARE(warnings.size(), size_t(1));
        QVERIFY(warnings[0].english().find("stopped in epoch") != std::string::npos);
        // At least the epochs the watcher saw; how many more ran before the stop landed depends
        // on how the watcher thread was scheduled (a loaded machine), so only "not all of them"
        // is checked above that.
        const double epochs = fitted.metrics.front().second;
        QVERIFY2(epochs >= 2 && epochs < 1000, qPrintable(QString::number(epochs)));
        QVERIFY(accuracy(*fitted.estimator, test, target) > 0.8);

        std::stop_source early;
        early.request_stop();
        RunContext stoppedAtOnce(early.get_token());
        QVERIFY_THROWS_EXCEPTION(
            Cancelled,
            (void)fitNetwork(train, target, nullptr, Task::Classification, {}, {}, stoppedAtOnce));
    }

    void earlyStoppingRestoresTheBestEpoch() {
        const std::string target = "diagnosis";
        const Table data = dataset("breast_cancer", target);
        RunContext ctx;
        ctx.beginNode("net");
        const Fitted fitted = fitNetwork(
            data, target, nullptr, Task::Classification,
            {.layers = parsedLayers({"Dense(units=256)", "ReLU", "Dense(units=256)", "ReLU"})},
            {.learningRate = 0.01, .epochs = 300, .patience = 5}, ctx);
        const auto valLoss = seriesOf(ctx, "val_loss");
        const double epochs = fitted.metrics[0].second, best = fitted.metrics[1].second;
        QVERIFY(epochs < 300);
        QCOMPARE(best, epochs - 5);
        QCOMPARE(*std::min_element(valLoss.begin(), valLoss.end()), valLoss[size_t(best) - 1]);
    }

    void scheduleLowersTheRate() {
        const Table data = dataset("iris", "species");
        RunContext ctx;
        ctx.beginNode("net");
        (void)fitNetwork(data, "species", nullptr, Task::Classification, {},
                         {.schedule = Schedule::Step,
                          .stepSize = 2,
                          .decay = 0.5,
                          .epochs = 5,
                          .earlyStopping = false},
                         ctx);
        const std::vector<double> expected = {1e-3, 1e-3, 5e-4, 5e-4, 2.5e-4};
        QCOMPARE(seriesOf(ctx, "lr"), expected);
    }

    /// The backbone (tests/data/nn/make_digits_backbone.py) saw only the digits 0-4; with ten
    /// labelled images of each of 5-9, its features beat the same head trained on raw pixels.
    void transferBeatsTheHeadAloneFromScratch() {
        const std::string target = "digit";
        const Table digits = dataset("digits", target);
        std::vector<size_t> few, rest;
        std::map<double, int> seen;
        const auto& labels = digits.column(target).values();
        for (size_t i = 0; i < labels.size(); ++i) {
            if (labels[i] < 5) continue;
            (seen[labels[i]]++ < 10 ? few : rest).push_back(i);
        }
        const Table train = digits.takeRows(few), test = digits.takeRows(rest);
        const TrainOptions options{
            .learningRate = 0.01, .epochs = 200, .validationFraction = 0, .standardize = false};
        const std::string backbone = OFICINA_TEST_DATA "/nn/digits_backbone.pt";
        const auto accuracyOf = [&](const NetworkSpec& spec, TrainOptions o) {
            RunContext ctx;
            const Fitted f = fitNetwork(train, target, nullptr, Task::Classification, spec, o, ctx);
            return accuracy(*f.estimator, test, target);
        };
        const double frozen = accuracyOf(
            {.inputShape = Shape{1, 8, 8}, .backbonePath = backbone, .frozenLayers = -1}, options);
        const double fineTuned = accuracyOf(
            {.inputShape = Shape{1, 8, 8}, .backbonePath = backbone, .frozenLayers = 1}, options);
        TrainOptions scratchOptions = options;
        scratchOptions.standardize = true;
        const double scratch = accuracyOf({}, scratchOptions);
        qInfo("digits 5-9 from 50 images: frozen backbone %.4f, fine-tuned %.4f, head alone %.4f",
              frozen, fineTuned, scratch);
        QVERIFY(frozen > scratch + 0.03);
        QVERIFY(fineTuned > scratch + 0.03);

        RunContext ctx;
        try {
            (void)fitNetwork(train, target, nullptr, Task::Classification,
                             {.backbonePath = OFICINA_TEST_DATA "/nn/missing.pt"}, options, ctx);
            QFAIL("expected an error for a missing backbone");
        } catch (const Error& e) {
            QVERIFY(e.where().ends_with("missing.pt"));
            QVERIFY(e.message().english().find("cannot load the backbone") == 0);
        }
    }

    void cosineAndPlateauSchedules() {
        const Table data = dataset("iris", "species");
        RunContext cosine;
        cosine.beginNode("net");
        (void)fitNetwork(data, "species", nullptr, Task::Classification, {},
                         {.schedule = Schedule::Cosine, .epochs = 4, .earlyStopping = false},
                         cosine);
        const std::vector<double> expected = {1e-3, 0.5e-3 * (1 + std::cos(M_PI / 4)),
                                              0.5e-3 * (1 + std::cos(M_PI / 2)),
                                              0.5e-3 * (1 + std::cos(3 * M_PI / 4))};
        const auto rates = seriesOf(cosine, "lr");
        QCOMPARE(rates.size(), expected.size());
        for (size_t i = 0; i < rates.size(); ++i)
            QVERIFY(std::abs(rates[i] - expected[i]) < 1e-15);

        // Reduce on plateau: the rate drops only after an epoch that set no new best.
        RunContext plateau;
        plateau.beginNode("net");
        (void)fitNetwork(data, "species", nullptr, Task::Classification, {},
                         {.optimizer = Optimizer::Sgd,
                          .learningRate = 0.5,
                          .schedule = Schedule::Plateau,
                          .decay = 0.5,
                          .epochs = 40,
                          .earlyStopping = false,
                          .patience = 2},
                         plateau);
        const auto lr = seriesOf(plateau, "lr"), val = seriesOf(plateau, "val_loss");
        int drops = 0;
        for (size_t e = 1; e < lr.size(); ++e) {
            if (lr[e] == lr[e - 1]) continue;
            ++drops;
            QCOMPARE(lr[e], lr[e - 1] * 0.5);
            QVERIFY(val[e - 1] >= *std::min_element(val.begin(), val.begin() + ptrdiff_t(e - 1)));
        }
        QVERIFY(drops > 0);
    }

    void balancedClassWeightsFavourTheRareClass() {
        // 400 rows of class "common" around 0 and 40 of "rare" around 1, overlapping.
        std::vector<double> x;
        std::vector<int32_t> y;
        for (int i = 0; i < 440; ++i) {
            const bool rare = i >= 400;
            x.push_back((rare ? 1.0 : 0.0) + std::sin(i * 12.9898) * 1.2);
            y.push_back(rare ? 1 : 0);
        }
        const Table data({Column::numeric("x", x),
                          Column::categorical("label", y, {"common", "rare"}, ColumnRole::Target)});
        const auto rarePredictions = [&](bool balanced) {
            RunContext ctx;
            const Fitted f = fitNetwork(
                data, "label", nullptr, Task::Classification, {},
                {.epochs = 30, .validationFraction = 0, .balancedClassWeights = balanced}, ctx);
            const Column predicted = f.estimator->predict(data).front();
            return std::count(predicted.codes().begin(), predicted.codes().end(), 1);
        };
        const auto plain = rarePredictions(false), balanced = rarePredictions(true);
        qInfo("rows predicted rare: %ld unweighted, %ld balanced", long(plain), long(balanced));
        QVERIFY(balanced > plain + 40);
    }

    /// A folder of PNGs (one sub-folder per class) read, resized and classified by a CNN.
    void cnnOnAnImageFolder() {
        QTemporaryDir dir;
        uint32_t noise = 12345;
        for (const std::string kind : {"horizontal", "vertical"}) {
            const std::filesystem::path folder =
                dir.filePath(QString::fromStdString(kind)).toStdString();
            std::filesystem::create_directories(folder);
            for (int i = 0; i < 12; ++i) {
                constexpr int side = 16;
                std::vector<unsigned char> pixels(side * side);
                for (int r = 0; r < side; ++r)
                    for (int c = 0; c < side; ++c) {
                        noise = noise * 1664525u + 1013904223u;
                        const bool stripe = ((kind == "horizontal" ? r : c) + i) % 8 < 4;
                        pixels[size_t(r * side + c)] =
                            (unsigned char)((stripe ? 200 : 40) + (noise >> 27));
                    }
                const auto file = folder / ("img" + std::to_string(i) + ".png");
                QVERIFY(stbi_write_png(file.string().c_str(), side, side, 1, pixels.data(), side));
            }
        }
        const Table images =
            readImageFolder(dir.path().toStdString(), {.width = 8, .height = 8}).table;
        QCOMPARE(images.rowCount(), size_t(24));
        RunContext ctx;
        const Fitted fitted = fitNetwork(
            images, kImageLabelColumn, nullptr, Task::Classification,
            {.layers = parsedLayers({"Conv2d(units=4, kernel=3, padding=1)", "ReLU",
                                     "MaxPool2d(kernel=2)", "Flatten"}),
             .inputShape = Shape{1, 8, 8}},
            {.learningRate = 0.01, .batchSize = 4, .epochs = 30, .validationFraction = 0}, ctx);
        QCOMPARE(accuracy(*fitted.estimator, images, kImageLabelColumn), 1.0);
    }

    /// Every layer kind builds, trains (the loss falls) and predicts finite values, on the
    /// shapes it reads: a sequence, an image and token codes (Digits' pixels are whole numbers
    /// 0-16).
    void everyLayerKindTrains_data() {
        QTest::addColumn<QString>("data");
        QTest::addColumn<QStringList>("layers");
        QTest::addColumn<QString>("shape");
        QTest::newRow("sequence") << "sunspots"
                                  << QStringList{"Conv1d(units=4, kernel=3, padding=1)",
                                                 "GELU",
                                                 "AvgPool1d(kernel=2)",
                                                 "MaxPool1d(kernel=2, padding=1)",
                                                 "BatchNorm",
                                                 "GRU(units=8, bidirectional=true, "
                                                 "sequences=true)",
                                                 "RNN(units=8, layers=2)",
                                                 "Dense(units=8)",
                                                 "Sigmoid"}
                                  << "1x12";
        QTest::newRow("image 2-D") << "digits"
                                   << QStringList{"Conv2d(units=4, kernel=3)",
                                                  "BatchNorm",
                                                  "AvgPool2d(kernel=2)",
                                                  "Tanh",
                                                  "Flatten",
                                                  "Dropout(rate=0.3)",
                                                  "Dense(units=16)",
                                                  "ReLU"}
                                   << "1x8x8";
        QTest::newRow("tokens") << "tokens"
                                << QStringList{"Embedding(vocabulary=17, units=4)",
                                               "LSTM(units=8, bidirectional=true)"}
                                << "";
    }
    void everyLayerKindTrains() {
        QFETCH(QString, data);
        QFETCH(QStringList, layers);
        QFETCH(QString, shape);
        Table table;
        std::string target;
        Task task = Task::Classification;
        if (data == "sunspots") {
            const Table raw = readCsv(OFICINA_SOURCE_DIR "/resources/datasets/sunspots.csv").table;
            table = windows(raw.column("SUNACTIVITY").values(), 12);
            target = "next";
            task = Task::Regression;
        } else {
            table = dataset("digits", "digit");
            target = "digit";
        }
        std::vector<std::string> texts;
        for (const auto& l : layers)
            texts.push_back(l.toStdString());
        RunContext ctx;
        ctx.beginNode("net");
        const Fitted fitted = fitNetwork(
            table, target, nullptr, task,
            {.layers = parsedLayers(texts), .inputShape = parseShape(shape.toStdString())},
            {.learningRate = 0.01, .epochs = 8, .earlyStopping = false}, ctx);
        const auto loss = seriesOf(ctx, "loss");
        QCOMPARE(loss.size(), size_t(8));
        QVERIFY2(loss.back() < loss.front(), qPrintable(QString::number(loss.back())));
        const auto columns = fitted.estimator->predict(table);
        const Column& values = columns.size() > 1 ? columns[1] : columns[0];
        for (const double v : values.values())
            QVERIFY(std::isfinite(v));
    }

    /// The network is a Model like any other: cross-validation refits its recipe per fold.
    void crossValidationRefitsTheNetwork() {
        NodeRegistry registry;
        registerBuiltinNodes(registry,
                             {.datasetDirectory = OFICINA_SOURCE_DIR "/resources/datasets"});
        Builder b;
        b.node("iris", "oficina.data.sample", {{"dataset", std::string("iris")}})
            .node("net", "oficina.nn.network",
                  {{"layers", std::vector<std::string>{"Dense(units=16)", "ReLU"}},
                   {"learning_rate", 0.01},
                   {"epochs", int64_t(60)}})
            .node("cv", "oficina.eval.cross_validation", {{"n_splits", int64_t(3)}})
            .link("iris.data", "net.data")
            .link("net.model", "cv.model")
            .link("iris.data", "cv.data");
        Executor executor(registry);
        RunContext ctx;
        const RunResult result = executor.run(b.graph, ctx);
        QVERIFY(!result.anyFailed());
        const Metrics& scores = output<Metrics>(result, "cv", "metrics");
        const LabeledMatrix* folds = scores.matrix("folds");
        QVERIFY(folds);
        QCOMPARE(folds->rowLabels.size(), size_t(3));
        double mean = 0;
        for (const auto& [name, value] : scores.scalars)
            if (name == "accuracy_mean") mean = value;
        qInfo("iris 3-fold accuracy of the network: %.4f", mean);
        QVERIFY(mean > 0.9);
    }

    void nodeTrainsWithAValidationInput() {
        NodeRegistry registry;
        registerBuiltinNodes(registry,
                             {.datasetDirectory = OFICINA_SOURCE_DIR "/resources/datasets"});
        Builder b;
        b.node("iris", "oficina.data.sample", {{"dataset", std::string("iris")}})
            .node("split", "oficina.data.split")
            .node("net", "oficina.nn.network",
                  {{"layers", std::vector<std::string>{"Dense(units=8)", "ReLU"}},
                   {"epochs", int64_t(30)}})
            .link("iris.data", "split.data")
            .link("split.train", "net.data")
            .link("split.test", "net.validation");
        Executor executor(registry);
        RunContext ctx;
        const RunResult result = executor.run(b.graph, ctx);
        const NodeResult& net = result.nodes.at("net");
        QVERIFY2(net.state == NodeState::Done, net.error ? net.error->english().c_str() : "");
        size_t validationPoints = 0;
        for (const auto& p : net.metrics)
            validationPoints += p.series == "val_accuracy";
        QVERIFY(validationPoints > 0);
    }
};

QTEST_GUILESS_MAIN(NeuralNetworkTest)
#include "tst_neuralnetwork.moc"
