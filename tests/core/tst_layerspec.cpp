// Layer lists without LibTorch (core/nn/LayerSpec): text form, settings, shapes and the errors
// the user sees before any training, and the Layers parameter kind built on them.
#include "nn/LayerSpec.h"
#include "pipeline/Parameter.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <QtTest>

using namespace oficina::core;
using namespace oficina::core::nn;

namespace {

std::vector<LayerSpec> parsed(const std::vector<std::string>& texts) {
    std::vector<LayerSpec> out;
    for (const auto& t : texts)
        out.push_back(parseLayer(t));
    return out;
}

QString errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return QString::fromStdString(e.message().english());
    }
    return {};
}

} // namespace

class LayerSpecTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void textRoundTrips_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("formatted");
        QTest::newRow("dense") << "Dense(units=64)"
                               << "Dense(units=64)";
        QTest::newRow("defaults filled in") << "conv2d(units=8)"
                                            << "Conv2d(units=8, kernel=3, stride=1, padding=0)";
        QTest::newRow("activation") << " relu "
                                    << "ReLU";
        QTest::newRow("dropout") << "Dropout(rate=0.5)"
                                 << "Dropout(rate=0.5)";
        QTest::newRow("lstm") << "LSTM(units=32, bidirectional=true, layers=2)"
                              << "LSTM(units=32, layers=2, bidirectional=true, sequences=false)";
        QTest::newRow("pool") << "MaxPool2d"
                              << "MaxPool2d(kernel=2, stride=0, padding=0)";
    }
    void textRoundTrips() {
        QFETCH(QString, text);
        QFETCH(QString, formatted);
        const LayerSpec layer = parseLayer(text.toStdString());
        QCOMPARE(QString::fromStdString(formatLayer(layer)), formatted);
        QCOMPARE(parseLayer(formatLayer(layer)), layer);
    }

    void everyKindHasDefaultsThatParse() {
        for (const auto& type : layerTypes()) {
            const LayerSpec layer = defaultLayer(type.kind);
            QCOMPARE(parseLayer(formatLayer(layer)), layer);
            for (const auto& field : type.fields)
                QCOMPARE(fieldValue(layer, field.key), field.defaultValue);
        }
    }

    void badTextIsNamed_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown kind") << "Dens(units=3)"
                                      << "'Dens(units=3)' is not a layer; known layers: Dense, "
                                         "ReLU, GELU, Tanh, Sigmoid, Dropout, BatchNorm, Conv1d, "
                                         "Conv2d, MaxPool1d, MaxPool2d, AvgPool1d, AvgPool2d, "
                                         "Flatten, RNN, GRU, LSTM, Embedding";
        QTest::newRow("unknown setting") << "Dense(size=3)"
                                         << "'Dense(size=3)': Dense has no setting 'size=3'; its "
                                            "settings: units";
        QTest::newRow("out of range") << "Dropout(rate=1.5)"
                                      << "'Dropout(rate=1.5)': rate must be between 0 and 0.99, "
                                         "not 1.5";
        QTest::newRow("not whole") << "Dense(units=2.5)"
                                   << "'Dense(units=2.5)': units must be a whole number, not "
                                      "'2.5'";
        QTest::newRow("unclosed") << "Dense(units=2"
                                  << "'Dense(units=2': missing ')'";
    }
    void badTextIsNamed() {
        QFETCH(QString, text);
        QFETCH(QString, message);
        QCOMPARE(errorOf([&] { (void)parseLayer(text.toStdString()); }), message);
    }

    void shapesOfACnn() {
        const auto shapes = inferShapes(
            parsed({"Conv2d(units=16, kernel=3, padding=1)", "ReLU", "MaxPool2d(kernel=2)",
                    "Conv2d(units=32, kernel=3)", "Flatten", "Dense(units=10)"}),
            {1, 8, 8});
        const std::vector<Shape> expected = {{16, 8, 8}, {16, 8, 8}, {16, 4, 4},
                                             {32, 2, 2}, {128},      {10}};
        QCOMPARE(shapes, expected);
    }

    void shapesOfRecurrentLayers() {
        QCOMPARE(inferShapes(parsed({"LSTM(units=8, bidirectional=true)"}), {12, 1}),
                 std::vector<Shape>{{16}});
        QCOMPARE(inferShapes(parsed({"GRU(units=8, sequences=true)", "LSTM(units=4)"}), {12, 3}),
                 (std::vector<Shape>{{12, 8}, {4}}));
        QCOMPARE(inferShapes(parsed({"Embedding(vocabulary=50, units=6)", "LSTM(units=4)"}), {7}),
                 (std::vector<Shape>{{7, 6}, {4}}));
    }

    void shapeErrorsNameTheLayer_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QStringList>("layers");
        QTest::addColumn<QString>("message");
        QTest::newRow("conv on features")
            << "64" << QStringList{"Dense(units=64)", "ReLU", "Conv2d(units=8)"}
            << "layer 3 Conv2d expects channels × height × width, gets 64; set the node's input "
               "shape, e.g. 1x8x8";
        QTest::newRow("dense on an image")
            << "1x8x8" << QStringList{"Conv2d(units=8)", "Dense(units=4)"}
            << "layer 2 Dense expects a row of features, gets 8×6×6; add a Flatten layer before "
               "it";
        QTest::newRow("lstm on an image")
            << "8x8x1" << QStringList{"LSTM(units=4)"}
            << "layer 1 LSTM expects time × features, gets 8×8×1; set the node's input shape, "
               "e.g. 12x1 for 12 past values";
        QTest::newRow("window too big")
            << "1x8x8" << QStringList{"MaxPool2d(kernel=4)", "MaxPool2d(kernel=4)"}
            << "layer 2 MaxPool2d has a window of 4 but its input is only 1×2×2: use a smaller "
               "kernel, padding, or fewer pooling layers before it";
    }
    void shapeErrorsNameTheLayer() {
        QFETCH(QString, input);
        QFETCH(QStringList, layers);
        QFETCH(QString, message);
        std::vector<std::string> texts;
        for (const auto& l : layers)
            texts.push_back(l.toStdString());
        const Shape shape = *parseShape(input.toStdString());
        QCOMPARE(errorOf([&] { (void)inferShapes(parsed(texts), shape); }), message);
    }

    void inputShapes() {
        QCOMPARE(parseShape(""), std::nullopt);
        QCOMPARE(parseShape("1x8x8"), (Shape{1, 8, 8}));
        QCOMPARE(parseShape("12 × 1"), (Shape{12, 1}));
        QCOMPARE(parseShape("3,32,32"), (Shape{3, 32, 32}));
        QVERIFY(errorOf([] { (void)parseShape("0x8"); }).startsWith("input shape '0x8'"));
        QVERIFY(!errorOf([] { (void)parseShape("1x2x3x4"); }).isEmpty());
        QCOMPARE(QString::fromStdString(formatShape({16, 4, 4})), QStringLiteral("16×4×4"));
    }

    void layersParameter() {
        const Parameter p = Parameter::layers("layers", "Layers", {"Dense(units=8)", "ReLU"});
        QVERIFY(!p.rejects(p.defaultValue));
        const Value fromCli = p.parse("Dense(units=4); Dropout(rate=0.1);ReLU");
        QCOMPARE(std::get<std::vector<std::string>>(fromCli),
                 (std::vector<std::string>{"Dense(units=4)", "Dropout(rate=0.1)", "ReLU"}));
        QCOMPARE(p.display(fromCli), std::string("Dense(units=4); Dropout(rate=0.1); ReLU"));
        QCOMPARE(p.fromJson(p.toJson(fromCli)), fromCli);
        const auto why = p.rejects(std::vector<std::string>{"ReLU", "Conv9d"});
        QVERIFY(why);
        QVERIFY(why->english().starts_with("layers, layer 2: 'Conv9d' is not a layer"));
        QVERIFY_THROWS_EXCEPTION(Error, (void)p.parse("Dense(units=0)"));
        QVERIFY_THROWS_EXCEPTION(Error, (void)p.fromJson(nlohmann::json("Dense")));
    }
};

QTEST_GUILESS_MAIN(LayerSpecTest)
#include "tst_layerspec.moc"
