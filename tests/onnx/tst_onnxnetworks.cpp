// ONNX export parity (issues 6 and 21) for neural networks (core/nn): MLPs (classification and
// regression), a CNN on the 8×8 digits, on sunspot windows the example's one-layer LSTM and
// stacked bidirectional LSTM and GRU, a stacked RNN into 1-D convolution and pooling, and an
// Embedding into a GRU. Each network is trained for a few epochs, exported, run in ONNX Runtime
// and compared with the app's Model::predict on every row, on the datasets' raw values: labels
// identical, probabilities within 1e-5 and values within 1e-5 relative (the network computes in
// float32 in both, summing in different orders). A network on a TorchScript backbone is refused before anything is written.
#include "OnnxHarness.h"

#include "export/OnnxExport.h"
#include "nn/Network.h"
#include "transform/TimeWindows.h"
#include "util/Error.h"

#include <QFile>
#include <QTest>

using namespace oficina::core;
using namespace oficina::core::nn;

namespace {

using namespace onnxtest;

std::shared_ptr<const Learner> network(Task task, const std::vector<std::string>& layers,
                                       std::optional<Shape> inputShape, TrainOptions options,
                                       std::string backbone = {}) {
    NetworkSpec spec{.layers = {}, .inputShape = std::move(inputShape), .backbonePath = backbone};
    for (const std::string& text : layers)
        spec.layers.push_back(parseLayer(text));
    return makeLearner(
        "Neural network", task,
        [task, spec, options](const Table& t, const std::string& target, RunContext& ctx) {
            return fitNetwork(t, target, nullptr, task, spec, options, ctx);
        });
}

/// Sunspot windows: the 12 yearly values before each year ("lag_12" … "lag_1") and the year's.
Table sunspotWindows() {
    return timeWindows(dataset("sunspots", "SUNACTIVITY"),
                       {.column = "SUNACTIVITY", .lookback = 12, .horizon = 1})
        .table;
}

Case mlpBreastCancer() { // ReLU, Dropout, Tanh
    const Table raw = dataset("breast_cancer", "diagnosis");
    return {
        train(select(raw, {}, "diagnosis"),
              network(Task::Classification,
                      {"Dense(units=16)", "ReLU", "Dropout(rate=0.2)", "Dense(units=8)", "Tanh"},
                      std::nullopt, {.epochs = 15})),
        raw};
}

Case mlpIris() { // batch norm on a row, GELU, Sigmoid
    const Table raw = dataset("iris", "species");
    return {train(select(raw, {}, "species"),
                  network(Task::Classification,
                          {"Dense(units=16)", "BatchNorm", "GELU", "Dense(units=8)", "Sigmoid"},
                          std::nullopt, {.batchSize = 16, .epochs = 30})),
            raw};
}

Case mlpDiabetes() { // regression: the target's standardisation undone
    const Table raw = dataset("diabetes", "progression");
    return {train(select(raw, {}, "progression"),
                  network(Task::Regression, {"Dense(units=32)", "ReLU", "Dense(units=16)", "GELU"},
                          std::nullopt, {.epochs = 30})),
            raw};
}

Case cnnDigits() { // 1×8×8: padded and strided Conv2d, batch norm, max and average pooling
    const Table raw = dataset("digits", "digit");
    return {train(select(raw, {}, "digit"),
                  network(Task::Classification,
                          {"Conv2d(units=8, kernel=3, padding=1)", "BatchNorm", "ReLU",
                           "MaxPool2d(kernel=2)", "Conv2d(units=16, kernel=3, stride=2, padding=1)",
                           "ReLU", "AvgPool2d(kernel=3, stride=1, padding=1)", "Flatten",
                           "Dense(units=32)", "ReLU"},
                          Shape{1, 8, 8}, {.epochs = 3})),
            raw};
}

Case lstmSunspots() { // regression: two bidirectional layers, the last step of each direction
    const Table raw = sunspotWindows();
    return {train(raw, network(Task::Regression,
                               {"LSTM(units=8, bidirectional=true, layers=2, sequences=false)"},
                               Shape{12, 1}, {.epochs = 10})),
            raw};
}

Case lstmExample() { // the sunspots example's network: one forward LSTM layer
    const Table raw = sunspotWindows();
    return {train(raw, network(Task::Regression, {"LSTM(units=16)"}, Shape{12, 1},
                               {.learningRate = 0.01, .epochs = 10})),
            raw};
}

Case gruSunspots() { // regression: two bidirectional layers, every step flattened
    const Table raw = sunspotWindows();
    return {train(raw, network(Task::Regression,
                               {"GRU(units=8, bidirectional=true, layers=2, sequences=true)",
                                "Flatten", "Dense(units=8)", "Tanh"},
                               Shape{12, 1}, {.epochs = 10})),
            raw};
}

Case rnnConvSunspots() { // stacked RNN → batch norm over time steps → Conv1d → 1-D pooling
    const Table raw = sunspotWindows();
    return {train(raw, network(Task::Regression,
                               {"RNN(units=8, bidirectional=false, layers=2, sequences=true)",
                                "BatchNorm", "Conv1d(units=4, kernel=3, padding=1)", "ReLU",
                                "MaxPool1d(kernel=2)", "AvgPool1d(kernel=3, stride=1, padding=1)",
                                "Flatten", "Dense(units=8)", "ReLU"},
                               Shape{12, 1}, {.epochs = 10})),
            raw};
}

Case embeddingDigits() { // pixel intensities 0-16 as tokens → GRU over the 64 pixels
    const Table raw = dataset("digits", "digit");
    return {train(select(raw, {}, "digit"), network(Task::Classification,
                                                    {"Embedding(vocabulary=17, units=4)",
                                                     "GRU(units=8)", "Dense(units=16)", "ReLU"},
                                                    std::nullopt, {.epochs = 2})),
            raw};
}

const std::vector<NamedCase>& cases() {
    static const std::vector<NamedCase> all{
        {"MLP with dropout (breast cancer)", mlpBreastCancer},
        {"MLP with batch norm, GELU, sigmoid (iris)", mlpIris},
        {"MLP regression (diabetes)", mlpDiabetes},
        {"CNN: Conv2d, batch norm, max and average pooling (digits)", cnnDigits},
        {"LSTM bidirectional stacked, last step (sunspots)", lstmSunspots},
        {"LSTM one layer, forward (sunspots)", lstmExample},
        {"GRU bidirectional stacked, every step (sunspots)", gruSunspots},
        {"RNN stacked, batch norm, Conv1d, 1-D pooling (sunspots)", rnnConvSunspots},
        {"Embedding into a GRU (digits)", embeddingDigits},
    };
    return all;
}

} // namespace

class OnnxNetworks : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(m_ort.start(), qPrintable(m_ort.error()));
        m_ort.setTolerance(kFloat32Family);
    }

    void parity_data() { addParityRows(cases()); }

    void parity() {
        QFETCH(int, index);
        const QString failure = m_ort.checkCase(
            cases()[size_t(index)], m_ort.file(QStringLiteral("network%1.onnx").arg(index)));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void refusesABackbone() {
        const Table raw = dataset("digits", "digit");
        const Model model = train(select(raw, {}, "digit"),
                                  network(Task::Classification, {"Dense(units=8)"}, Shape{1, 8, 8},
                                          {.epochs = 1, .standardize = false},
                                          OFICINA_TEST_DATA "/nn/digits_backbone.pt"));
        const auto refusal = onnxRefusal(model);
        QVERIFY(refusal);
        QVERIFY2(refusal->english().find("TorchScript backbone") != std::string::npos,
                 refusal->english().c_str());
        const QString file = m_ort.file(QStringLiteral("backbone.onnx"));
        QVERIFY_THROWS_EXCEPTION(Error, exportOnnx(model, file.toStdString()));
        QVERIFY(!QFile::exists(file));
    }

private:
    OrtChecker m_ort;
};

QTEST_GUILESS_MAIN(OnnxNetworks)
#include "tst_onnxnetworks.moc"
