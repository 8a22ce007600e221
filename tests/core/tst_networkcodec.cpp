// The trained neural network in a model package (core/deploy/NetworkCodec.cpp): saved as JSON
// text plus binary arrays and loaded back, every kind of network predicts bit for bit as the
// one that was trained; a damaged state is refused with an Error at its JSON path, and a network
// on a TorchScript backbone is refused when saving.
#include "data/CsvReader.h"
#include "deploy/Codecs.h"
#include "nn/Network.h"
#include "pipeline/JsonText.h"
#include "util/Error.h"
#include "util/RunContext.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <functional>

using namespace oficina::core;
using namespace oficina::core::deploy;
using namespace oficina::core::nn;

namespace {

constexpr const char* kTypeId = "oficina.nn.network";

/// A bundled dataset with `target` as the target column (every other column a feature).
Table dataset(const std::string& name, const std::string& target) {
    const Table raw = readCsv(OFICINA_SOURCE_DIR "/resources/datasets/" + name + ".csv").table;
    std::vector<Column> columns;
    for (const auto& c : raw.columns())
        columns.push_back(
            c.withRole(c.name() == target ? ColumnRole::Target : ColumnRole::Feature));
    return Table(std::move(columns));
}

std::vector<size_t> range(size_t from, size_t to) {
    std::vector<size_t> out;
    for (size_t i = from; i < to; ++i)
        out.push_back(i);
    return out;
}

std::vector<LayerSpec> parsedLayers(const std::vector<std::string>& texts) {
    std::vector<LayerSpec> out;
    for (const auto& t : texts)
        out.push_back(parseLayer(t));
    return out;
}

/// A few epochs: the weights need only differ from their initial values.
std::shared_ptr<const Estimator> train(const Table& data, const std::string& target, Task task,
                                       const NetworkSpec& spec, int64_t epochs = 3) {
    RunContext ctx;
    return fitNetwork(data, target, nullptr, task, spec, {.epochs = epochs, .seed = 1}, ctx)
        .estimator;
}

/// A state as a package holds it: JSON text and the binary arrays.
struct Saved {
    std::string json;
    std::vector<std::byte> blob;
};

Saved save(const Estimator& estimator) {
    StateWriter writer;
    const StateJson state = networkEstimatorCodec().save(estimator, writer);
    return {state.dump(), writer.blob()};
}

std::shared_ptr<const Estimator> load(const StateJson& state, const std::vector<std::byte>& blob) {
    const StateReader reader(blob, "model.ofmodel");
    return networkEstimatorCodec().load(kTypeId, state, "state", reader);
}

std::shared_ptr<const Estimator> load(const Saved& saved) {
    return load(parseJsonText(saved.json, "state.json"), saved.blob);
}

/// What differs between the two estimators' predictions on `data`, bit for bit; empty if
/// nothing.
std::string differences(const Estimator& a, const Estimator& b, const Table& data) {
    const auto pa = a.predict(data), pb = b.predict(data);
    if (pa.size() != pb.size()) return "a different number of columns";
    for (size_t i = 0; i < pa.size(); ++i) {
        const Column &x = pa[i], &y = pb[i];
        if (x.name() != y.name() || x.type() != y.type() || x.size() != y.size())
            return "column " + std::to_string(i) + " differs in name, type or size";
        if (x.isNumeric()) {
            if (std::memcmp(x.values().data(), y.values().data(), x.size() * sizeof(double)) != 0)
                return "the values of " + x.name() + " differ";
        } else if (x.codes() != y.codes() || x.categories() != y.categories()) {
            return "the labels of " + x.name() + " differ";
        }
    }
    return {};
}

/// Saves, loads and checks: same type, task and features, bit-identical predictions, and the
/// loaded network saves to the same state.
void verifyRoundTrip(const Estimator& trained, const Table& data) {
    const Saved saved = save(trained);
    const auto loaded = load(saved);
    QVERIFY(loaded);
    QCOMPARE(loaded->typeId(), std::string(kTypeId));
    QCOMPARE(loaded->task(), trained.task());
    QCOMPARE(loaded->featureNames(), trained.featureNames());
    const std::string diff = differences(trained, *loaded, data);
    QVERIFY2(diff.empty(), diff.c_str());
    const Saved again = save(*loaded);
    QCOMPARE(again.json, saved.json);
    QVERIFY(again.blob == saved.blob);
}

StateJson stateOf(const Saved& saved) {
    return parseJsonText(saved.json, "state.json");
}

double blobDouble(const Saved& saved, const StateJson& ref) {
    double value = 0;
    std::memcpy(&value, saved.blob.data() + ref["offset"].get<size_t>(), sizeof value);
    return value;
}

/// Twelve numeric features (sine waves of different phase) and a numeric target.
Table waves(size_t rows) {
    std::vector<Column> columns;
    std::vector<double> target(rows);
    for (size_t c = 0; c < 12; ++c) {
        std::vector<double> v(rows);
        for (size_t r = 0; r < rows; ++r) {
            v[r] = std::sin(0.3 * double(r) + 0.5 * double(c)) + 0.1 * double(c);
            target[r] += v[r] * (c % 2 == 0 ? 1 : -0.5);
        }
        columns.push_back(Column::numeric("x" + std::to_string(c), std::move(v)));
    }
    columns.push_back(Column::numeric("y", std::move(target), ColumnRole::Target));
    return Table(std::move(columns));
}

/// Six token-code features from 0 to 9 and a numeric target.
Table tokens(size_t rows) {
    std::vector<Column> columns;
    std::vector<double> target(rows);
    for (size_t c = 0; c < 6; ++c) {
        std::vector<double> v(rows);
        for (size_t r = 0; r < rows; ++r) {
            v[r] = double((r * 7 + c * 3 + r / 5) % 10);
            target[r] += v[r] * double(c + 1);
        }
        columns.push_back(Column::numeric("t" + std::to_string(c), std::move(v)));
    }
    columns.push_back(Column::numeric("y", std::move(target), ColumnRole::Target));
    return Table(std::move(columns));
}

std::shared_ptr<const Estimator> irisClassifier() {
    return train(dataset("iris", "species"), "species", Task::Classification,
                 {.layers = parsedLayers({"Dense(units=16)", "BatchNorm", "ReLU",
                                          "Dropout(rate=0.2)", "Dense(units=8)", "Tanh"})},
                 5);
}

} // namespace

class NetworkCodecTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void denseClassifierWithBatchNormAndDropout() {
        const Table data = dataset("iris", "species");
        const auto trained = irisClassifier();
        verifyRoundTrip(*trained, data);

        const Saved saved = save(*trained);
        const StateJson state = stateOf(saved);
        QCOMPARE(state["task"].get<std::string>(), std::string("classification"));
        QCOMPARE(state["class_labels"].size(), size_t(3));
        QCOMPARE(state["features"].size(), size_t(4));
        QCOMPARE(state["layers"][1].get<std::string>(), std::string("BatchNorm"));
        QCOMPARE(state["layers"][3].get<std::string>(), std::string("Dropout(rate=0.2)"));
        QCOMPARE(state["input_shape"], StateJson::parse("[4]"));
        QCOMPARE(state["shapes"], StateJson::parse("[[16],[16],[16],[16],[8],[8]]"));
        QCOMPARE(state["tensors"]["layer1.weight"]["shape"], StateJson::parse("[16,4]"));
        QCOMPARE(state["tensors"]["layer2.running_var"]["data"]["dtype"].get<std::string>(),
                 std::string("f32"));
        QVERIFY(!state["tensors"].contains("layer2.num_batches_tracked"));
        QCOMPARE(state["tensors"]["head.weight"]["shape"], StateJson::parse("[3,8]"));
        QCOMPARE(state["tensors"].size(), size_t(12));
    }

    void regressionKeepsTheTargetStandardization() {
        const Table data = dataset("diabetes", "progression");
        const auto trained = train(data, "progression", Task::Regression,
                                   {.layers = parsedLayers({"Dense(units=16)", "ReLU"})});
        verifyRoundTrip(*trained, data);

        const Saved saved = save(*trained);
        const StateJson state = stateOf(saved);
        QCOMPARE(state["task"].get<std::string>(), std::string("regression"));
        QVERIFY(state["class_labels"].empty());
        const double mean = blobDouble(saved, state["target_mean"]);
        const double scale = blobDouble(saved, state["target_scale"]);
        QVERIFY2(mean > 100 && mean < 200, qPrintable(QString::number(mean)));
        QVERIFY2(scale > 50 && scale < 100, qPrintable(QString::number(scale)));
    }

    void convolutionOnAnInputShape() {
        const Table data = dataset("digits", "digit").takeRows(range(0, 300));
        const auto trained =
            train(data, "digit", Task::Classification,
                  {.layers = parsedLayers({"Conv2d(units=4, kernel=3, padding=1)", "ReLU",
                                           "MaxPool2d(kernel=2)", "BatchNorm", "Flatten",
                                           "Dense(units=16)", "ReLU"}),
                   .inputShape = Shape{1, 8, 8}});
        verifyRoundTrip(*trained, data);

        const StateJson state = stateOf(save(*trained));
        QCOMPARE(state["input_shape"], StateJson::parse("[1,8,8]"));
        QCOMPARE(state["tensors"]["layer1.weight"]["shape"], StateJson::parse("[4,1,3,3]"));
        QCOMPARE(state["tensors"]["layer4.running_mean"]["shape"], StateJson::parse("[4]"));
    }

    void lstmSequenceModel() {
        const Table raw = readCsv(OFICINA_SOURCE_DIR "/resources/datasets/sunspots.csv").table;
        const auto& series = raw.column("SUNACTIVITY").values();
        constexpr size_t kLookback = 12;
        std::vector<Column> columns;
        const size_t rows = series.size() - kLookback;
        for (size_t lag = kLookback; lag >= 1; --lag) {
            std::vector<double> v(rows);
            for (size_t r = 0; r < rows; ++r)
                v[r] = series[r + kLookback - lag];
            columns.push_back(Column::numeric("lag_" + std::to_string(lag), std::move(v)));
        }
        columns.push_back(Column::numeric(
            "next", std::vector<double>(series.begin() + ptrdiff_t(kLookback), series.end()),
            ColumnRole::Target));
        const Table data(std::move(columns));
        const auto trained = train(
            data, "next", Task::Regression,
            {.layers = parsedLayers({"LSTM(units=8, layers=2)"}), .inputShape = Shape{12, 1}});
        verifyRoundTrip(*trained, data);

        const StateJson state = stateOf(save(*trained));
        QCOMPARE(state["tensors"]["layer1.weight_ih_l0"]["shape"], StateJson::parse("[32,1]"));
        QCOMPARE(state["tensors"]["layer1.weight_ih_l1"]["shape"], StateJson::parse("[32,8]"));
    }

    /// The tensor names and shapes the codec expects without LibTorch must be LibTorch's for
    /// every layer kind, or a valid package would be refused.
    void everyLayerKindRoundTrips_data() {
        QTest::addColumn<QStringList>("layers");
        QTest::addColumn<QString>("inputShape");
        QTest::addColumn<bool>("tokenInput");
        QTest::newRow("Conv1d, pooling, batch norm on channels × length")
            << QStringList{"Conv1d(units=4, kernel=3)",
                           "BatchNorm",
                           "MaxPool1d(kernel=2)",
                           "AvgPool1d(kernel=2)",
                           "Flatten",
                           "Dense(units=4)",
                           "Sigmoid"}
            << "1x12" << false;
        QTest::newRow("Conv2d, average pooling, 2-D batch norm")
            << QStringList{"Conv2d(units=2, kernel=2, padding=1, stride=1)", "AvgPool2d(kernel=2)",
                           "BatchNorm", "GELU", "Flatten"}
            << "1x4x3" << false;
        QTest::newRow("stacked bidirectional GRU, then RNN")
            << QStringList{"GRU(units=5, layers=2, bidirectional=true, sequences=true)",
                           "RNN(units=3)", "Tanh"}
            << "12x1" << false;
        QTest::newRow("bidirectional LSTM")
            << QStringList{"LSTM(units=4, bidirectional=true)"} << "6x2" << false;
        QTest::newRow("Embedding")
            << QStringList{"Embedding(vocabulary=10, units=3)", "Flatten", "Dense(units=4)", "ReLU"}
            << "" << true;
        QTest::newRow("no layers") << QStringList{} << "" << false;
    }
    void everyLayerKindRoundTrips() {
        QFETCH(QStringList, layers);
        QFETCH(QString, inputShape);
        QFETCH(bool, tokenInput);
        std::vector<std::string> texts;
        for (const QString& layer : layers)
            texts.push_back(layer.toStdString());
        const Table data = tokenInput ? tokens(120) : waves(120);
        const auto trained = train(
            data, "y", Task::Regression,
            {.layers = parsedLayers(texts), .inputShape = parseShape(inputShape.toStdString())}, 2);
        verifyRoundTrip(*trained, data);
    }

    void refusesADamagedState() {
        const auto trained = irisClassifier();
        const Saved saved = save(*trained);
        struct Damage {
            const char* what;
            std::function<void(StateJson&)> apply;
            const char* where;   // the end of Error::where()
            const char* message; // a part of the English message
        };
        const std::vector<Damage> damages = {
            {"a missing tensor", [](StateJson& s) { s["tensors"].erase("head.bias"); },
             "state.tensors", "\"head.bias\" is missing"},
            {"a wrong tensor shape",
             [](StateJson& s) {
                 s["tensors"]["layer1.weight"]["shape"] = StateJson::array({16, 5});
             },
             "state.tensors.layer1.weight.shape", "\"layer1.weight\" has shape 16×5"},
            {"a tensor of another class count",
             [](StateJson& s) {
                 s["tensors"]["head.weight"]["shape"] = StateJson::array({4, 8});
             },
             "state.tensors.head.weight.shape", "the layers need 3×8"},
            {"a tensor with fewer values",
             [](StateJson& s) { s["tensors"]["layer1.weight"]["data"]["count"] = 63; },
             "state.tensors.layer1.weight.data", "expected 64 values, found 63"},
            {"a tensor beyond the binary data",
             [](StateJson& s) { s["tensors"]["layer1.bias"]["data"]["offset"] = 1 << 30; },
             "state.tensors.layer1.bias.data", "outside"},
            {"a tensor of doubles",
             [](StateJson& s) { s["tensors"]["layer1.bias"]["data"]["dtype"] = "f64"; },
             "state.tensors.layer1.bias.data", "expected an array of f32"},
            {"an unexpected tensor",
             [](StateJson& s) { s["tensors"]["layer9.weight"] = s["tensors"]["head.bias"]; },
             "state.tensors", "\"layer9.weight\" is not a weight"},
            {"a bad layer setting", [](StateJson& s) { s["layers"][0] = "Dense(units=banana)"; },
             "state.layers[0]", "Dense(units=banana)"},
            {"an unknown layer", [](StateJson& s) { s["layers"][2] = "Transformer"; },
             "state.layers[2]", "'Transformer' is not a layer"},
            {"a layer that does not fit the input",
             [](StateJson& s) { s["layers"][0] = "Conv2d(units=4, kernel=3)"; }, "state.layers",
             "layer 1 Conv2d expects channels × height × width"},
            {"a layer that is not text", [](StateJson& s) { s["layers"][0] = 16; },
             "state.layers[0]", "expected a string"},
            {"no layer list", [](StateJson& s) { s.erase("layers"); }, "state",
             "\"layers\" is missing"},
            {"a stored shape the layers do not give",
             [](StateJson& s) { s["shapes"][4] = StateJson::array({9}); }, "state.shapes[4]",
             "layer 5 outputs 8, not 9"},
            {"shapes of another layer count", [](StateJson& s) { s["shapes"].erase(0); },
             "state.shapes", "expected the output shapes of 6 layers"},
            {"an input shape of other features",
             [](StateJson& s) { s["input_shape"] = StateJson::array({5}); }, "state.input_shape",
             "does not hold the 4 feature columns"},
            {"a negative input size",
             [](StateJson& s) { s["input_shape"] = StateJson::array({-4}); },
             "state.input_shape[0]", "expected a whole number from 1"},
            {"an unknown task", [](StateJson& s) { s["task"] = "clustering"; }, "state.task",
             "\"clustering\""},
            {"no features", [](StateJson& s) { s["features"] = StateJson::array(); },
             "state.features", "at least one feature column"},
            {"a classifier without classes",
             [](StateJson& s) { s["class_labels"] = StateJson::array(); }, "state.class_labels",
             "at least one class"},
            {"a target scale of another type",
             [](StateJson& s) { s["target_scale"]["dtype"] = "f32"; }, "state.target_scale",
             "expected an array of f64"},
            {"tensors that are not an object", [](StateJson& s) { s["tensors"] = 3; },
             "state.tensors", "expected a JSON object"},
        };
        for (const Damage& damage : damages) {
            StateJson state = stateOf(saved);
            damage.apply(state);
            try {
                (void)load(state, saved.blob);
                QFAIL(damage.what);
            } catch (const Error& e) {
                const std::string where = e.where(), message = e.message().english();
                QVERIFY2(where.starts_with("model.ofmodel: ") && where.ends_with(damage.where),
                         (std::string(damage.what) + ": " + where).c_str());
                QVERIFY2(message.find(damage.message) != std::string::npos,
                         (std::string(damage.what) + ": " + message).c_str());
            }
        }
        // A value that is not finite is refused too.
        StateJson state = stateOf(saved);
        std::vector<std::byte> blob = saved.blob;
        const double nan = std::nan("");
        std::memcpy(blob.data() + state["target_mean"]["offset"].get<size_t>(), &nan, sizeof nan);
        QVERIFY_THROWS_EXCEPTION(Error, (void)load(state, blob));
    }

    /// The module checks the weights against the layers it built, whatever core checked.
    void theModuleChecksTheWeightsItself() {
        const auto trained = irisClassifier();
        const auto& network = dynamic_cast<const ExportableNetwork&>(*trained);
        const NetworkWeights weights = network.weights();
        const auto refusal = [](const NetworkWeights& w) -> std::string {
            try {
                (void)restoreNetwork(w);
            } catch (const Error& e) {
                return e.message().english();
            }
            return "accepted";
        };
        NetworkWeights missing = weights;
        missing.tensors.erase("layer2.running_mean");
        QCOMPARE(refusal(missing),
                 std::string("the network's weights lack the tensor layer2.running_mean"));
        NetworkWeights reshaped = weights;
        reshaped.tensors["layer5.weight"].shape = {16, 8};
        QCOMPARE(refusal(reshaped), std::string("the tensor layer5.weight has shape 16×8, but "
                                                "the network's layers need 8×16"));
        NetworkWeights extra = weights;
        extra.tensors["layer3.weight"] = {{1}, {0.5f}};
        QCOMPARE(refusal(extra), std::string("the tensor layer3.weight is not a weight of the "
                                             "network its layers describe"));
        const auto restored = restoreNetwork(weights);
        const std::string diff = differences(*trained, *restored, dataset("iris", "species"));
        QVERIFY2(diff.empty(), diff.c_str());
    }

    void refusesABackboneWhenSaving() {
        const Table data = dataset("digits", "digit").takeRows(range(0, 100));
        RunContext ctx;
        const Fitted fitted =
            fitNetwork(data, "digit", nullptr, Task::Classification,
                       {.inputShape = Shape{1, 8, 8},
                        .backbonePath = OFICINA_TEST_DATA "/nn/digits_backbone.pt"},
                       {.epochs = 1, .validationFraction = 0, .standardize = false}, ctx);
        StateWriter writer;
        try {
            (void)networkEstimatorCodec().save(*fitted.estimator, writer);
            QFAIL("expected the backbone to be refused");
        } catch (const Error& e) {
            const std::string message = e.message().english();
            QVERIFY2(message.starts_with("a network with a TorchScript backbone cannot be "
                                         "packaged"),
                     message.c_str());
        }
        QVERIFY(writer.blob().empty());
    }

    void refusesAnotherModel() {
        struct NotANetwork final : Estimator {
            std::string typeId() const override { return "oficina.test.fake"; }
            const char* title() const override { return "Fake"; }
            Task task() const override { return Task::Regression; }
            const std::vector<std::string>& featureNames() const override { return m_features; }
            using Estimator::predict;
            std::vector<Column> predict(const Table&) const override { return {}; }
            std::vector<std::string> m_features;
        };
        StateWriter writer;
        QVERIFY_THROWS_EXCEPTION(Error, (void)networkEstimatorCodec().save(NotANetwork{}, writer));
    }
};

QTEST_GUILESS_MAIN(NetworkCodecTest)
#include "tst_networkcodec.moc"
