// Image folder: tiny PNGs written at test time (stb_image_write) with known pixels, read back
// through readImageFolder and the "Image folder" node: box-filter resizing, grayscale and RGB,
// class and file order, skipped files, and errors naming the file.
#include "data/ImageFolder.h"
#include "data/Table.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"
#include "util/Error.h"

#include "GraphBuilder.h"

#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>

using namespace oficina::core;
namespace fs = std::filesystem;

namespace {

/// Writes a PNG of `w` × `h` pixels with `channels` interleaved bytes each.
void writePng(const fs::path& path, int w, int h, int channels, std::vector<uint8_t> pixels) {
    fs::create_directories(path.parent_path());
    if (!stbi_write_png(path.string().c_str(), w, h, channels, pixels.data(), w * channels))
        qFatal("cannot write %s", path.string().c_str());
}

void writeText(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

std::vector<std::string> cells(const Column& c) {
    std::vector<std::string> out;
    for (size_t i = 0; i < c.size(); ++i) out.push_back(c.cellText(i));
    return out;
}

/// cat/a.png (4 × 4), dog/D.PNG, dog/a.png, dog/b.png, dog/sub/c.png (2 × 2), text files, and
/// an empty class folder.
void writeTwoClasses(const fs::path& root) {
    std::vector<uint8_t> ramp(16);
    for (int k = 0; k < 16; ++k) ramp[size_t(k)] = uint8_t(16 * k);  // pixel (y, x) = 16(4y + x)
    writePng(root / "cat" / "a.png", 4, 4, 1, ramp);
    writePng(root / "dog" / "a.png", 2, 2, 1, {0, 255, 128, 64});
    writePng(root / "dog" / "b.png", 2, 2, 1, {1, 2, 3, 4});
    writePng(root / "dog" / "D.PNG", 2, 2, 1, {5, 6, 7, 8});
    writePng(root / "dog" / "sub" / "c.png", 2, 2, 1, {9, 10, 11, 12});
    writeText(root / "README.txt", "not a class");
    writeText(root / "dog" / "notes.txt", "not an image");
    fs::create_directories(root / "empty");
    fs::create_directories(root / ".hidden");
    writePng(root / ".hidden" / "x.png", 2, 2, 1, {0, 0, 0, 0});
}

} // namespace

class TestImageFolder : public QObject {
    Q_OBJECT

    NodeRegistry m_registry;

private Q_SLOTS:
    void initTestCase() { registerBuiltinNodes(m_registry, {}); }

    void readsClassesFilesAndResizedPixels() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        writeTwoClasses(root);
        const ReadResult r = readImageFolder(root.string(), {.width = 2, .height = 2});
        const Table& t = r.table;

        QCOMPARE(t.columnNames(), (std::vector<std::string>{"c0_0_0", "c0_0_1", "c0_1_0",
                                                            "c0_1_1", "label", "file"}));
        QCOMPARE(t.rowCount(), size_t(5));
        QCOMPARE(cells(t.column("file")),
                 (std::vector<std::string>{"cat/a.png", "dog/D.PNG", "dog/a.png", "dog/b.png",
                                           "dog/sub/c.png"}));
        QCOMPARE(cells(t.column("label")),
                 (std::vector<std::string>{"cat", "dog", "dog", "dog", "dog"}));
        QCOMPARE(t.column("label").categories(), (std::vector<std::string>{"cat", "dog"}));
        QCOMPARE(t.column("label").role(), ColumnRole::Target);
        QCOMPARE(t.column("file").role(), ColumnRole::Ignored);
        QCOMPARE(t.column("c0_1_0").role(), ColumnRole::Feature);

        // 4 × 4 → 2 × 2 with the box filter: each pixel is the mean of a 2 × 2 block,
        // 16 · mean(4y + x) = 40, 72, 168, 200.
        const double expected[4][4] = {{40, 72, 168, 200},  // cat/a.png, resized
                                       {5, 6, 7, 8},         // dog/D.PNG, as is
                                       {0, 255, 128, 64},    // dog/a.png
                                       {1, 2, 3, 4}};        // dog/b.png
        const char* names[4] = {"c0_0_0", "c0_0_1", "c0_1_0", "c0_1_1"};
        for (size_t row = 0; row < 4; ++row)
            for (size_t p = 0; p < 4; ++p)
                QVERIFY2(std::abs(t.column(names[p]).values()[row] - expected[row][p] / 255.0) <
                             1e-6,
                         qPrintable(QStringLiteral("row %1 pixel %2").arg(row).arg(p)));

        // notes.txt inside a class folder is counted; README.txt at the top is not a class file.
        QCOMPARE(r.warnings.size(), size_t(2));
        QCOMPARE(r.warnings[0].english(),
                 std::string("1 files that are not PNG, JPEG or BMP images were skipped"));
        QVERIFY(r.warnings[1].english().find("'empty' holds no images") != std::string::npos);
        QVERIFY(t.lineage().steps.empty());
        QCOMPARE(t.lineage().source.size(), size_t(6));
    }

    void upsamplesAConstantImageExactly() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        writePng(root / "a" / "x.png", 2, 2, 1, {51, 51, 51, 51});
        const Table t = readImageFolder(root.string(), {.width = 5, .height = 3}).table;
        QCOMPARE(t.columnCount(), size_t(15 + 2));
        QCOMPARE(t.column(4).name(), std::string("c0_0_4"));
        QCOMPARE(t.column(14).name(), std::string("c0_2_4"));
        for (size_t k = 0; k < 15; ++k) QVERIFY(std::abs(t.column(k).values()[0] - 0.2) < 1e-6);
    }

    void rgbAndGrayscale() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        writePng(root / "c" / "x.png", 2, 1, 3, {255, 0, 0, 10, 20, 30});  // red, dark blue-grey

        const Table rgb =
            readImageFolder(root.string(), {.width = 2, .height = 1, .color = ColorMode::Rgb})
                .table;
        QCOMPARE(rgb.columnNames(), (std::vector<std::string>{"c0_0_0", "c0_0_1", "c1_0_0",
                                                              "c1_0_1", "c2_0_0", "c2_0_1",
                                                              "label", "file"}));
        const double channelMajor[6] = {255, 10, 0, 20, 0, 30};
        for (size_t k = 0; k < 6; ++k)
            QVERIFY(std::abs(rgb.column(k).values()[0] - channelMajor[k] / 255.0) < 1e-6);

        // One pixel: the mean of both, per channel.
        const Table rgb1 =
            readImageFolder(root.string(), {.width = 1, .height = 1, .color = ColorMode::Rgb})
                .table;
        QVERIFY(std::abs(rgb1.column("c0_0_0").values()[0] - 132.5 / 255.0) < 1e-6);
        QVERIFY(std::abs(rgb1.column("c2_0_0").values()[0] - 15.0 / 255.0) < 1e-6);

        // Grayscale is stb_image's integer luma, (77 r + 150 g + 29 b) >> 8: 76 and 18.
        const Table gray = readImageFolder(root.string(), {.width = 2, .height = 1}).table;
        QCOMPARE(gray.columnCount(), size_t(4));
        QVERIFY(std::abs(gray.column("c0_0_0").values()[0] - 76.0 / 255.0) < 1e-6);
        QVERIFY(std::abs(gray.column("c0_0_1").values()[0] - 18.0 / 255.0) < 1e-6);
    }

    void manyImagesKeepTheirOrderAndTheFirstBadFileIsReported() {
        // 300 images: two decoding threads. Image i is one pixel of value i % 256.
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        auto name = [](int i) { return QStringLiteral("img_%1.png").arg(i, 3, 10, QLatin1Char('0'))
                                    .toStdString(); };
        for (int i = 0; i < 300; ++i)
            writePng(root / (i % 2 ? "odd" : "even") / name(i), 1, 1, 1, {uint8_t(i % 256)});
        const Table t = readImageFolder(root.string(), {.width = 1, .height = 1}).table;
        QCOMPARE(t.rowCount(), size_t(300));
        for (size_t row = 0; row < 300; ++row) {
            const int i = row < 150 ? int(2 * row) : int(2 * (row - 150) + 1);  // even, then odd
            QCOMPARE(t.column("file").cellText(row), (i % 2 ? "odd/" : "even/") + name(i));
            QCOMPARE(t.column("c0_0_0").values()[row], double(float(i % 256) / 255.0f));
        }

        // Row 140 (the first thread's range) and row 160 (the second's): the first row wins.
        writeText(root / "odd" / name(21), "not a png");
        writeText(root / "even" / name(280), "\x89PNG\r\n\x1a\n truncated");
        try {
            (void)readImageFolder(root.string(), {.width = 1, .height = 1});
            QFAIL("a corrupt image was read");
        } catch (const Error& e) {
            QCOMPARE(e.where(), (root / "even" / name(280)).string());
            QVERIFY2(e.message().english().starts_with("cannot read this image: ") &&
                         e.message().english().size() > 26,
                     e.what());
        }
    }

    void stopsWhenAsked() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        writePng(root / "a" / "x.png", 1, 1, 1, {0});
        std::stop_source stop;
        stop.request_stop();
        QVERIFY_THROWS_EXCEPTION(Cancelled, readImageFolder(root.string(), {.stop = stop.get_token()}));
    }

    void folderErrors_data() {
        QTest::addColumn<QString>("layout");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << "missing" << "folder not found";
        QTest::newRow("empty") << "" << "the folder has no sub-folders; put the images of each "
                                        "class in a sub-folder named after the class";
        QTest::newRow("flat") << "x.png"
                              << "the folder has no sub-folders; put the images of each class "
                                 "in a sub-folder named after the class";
        QTest::newRow("no images") << "a/readme.txt"
                                   << "no PNG, JPEG or BMP images were found in the folder's "
                                      "sub-folders";
    }

    void folderErrors() {
        QFETCH(QString, layout);
        QFETCH(QString, message);
        QTemporaryDir dir;
        fs::path root = dir.path().toStdString();
        if (layout == QLatin1String("missing"))
            root /= "nowhere";
        else if (layout.endsWith(QLatin1String(".png")))
            writePng(root / layout.toStdString(), 1, 1, 1, {0});
        else if (!layout.isEmpty())
            writeText(root / layout.toStdString(), "text");
        try {
            (void)readImageFolder(root.string());
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(QString::fromStdString(e.message().english()), message);
            QCOMPARE(e.where(), root.string());
        }
    }

    void nodeReadsTheFolder() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        writeTwoClasses(root);
        Builder b;
        b.node("images", "oficina.data.image_folder",
               {{"folder", root.string()}, {"width", int64_t(3)}, {"height", int64_t(2)},
                {"color_mode", std::string("rgb")}});
        RunContext ctx;
        const RunResult r = Executor(m_registry).run(b.graph, ctx);
        QVERIFY(!r.anyFailed());
        const Table& t = output<Table>(r, "images", "data");
        QCOMPARE(t.rowCount(), size_t(5));
        QCOMPARE(t.columnCount(), size_t(3 * 2 * 3 + 2));
        QCOMPARE(t.column(17).name(), std::string("c2_1_2"));
        QCOMPARE(r.nodes.at("images").warnings.size(), size_t(2));

        Builder bad;
        bad.node("images", "oficina.data.image_folder",
                 {{"folder", (root / "nowhere").string()}});
        const RunResult failed = Executor(m_registry).run(bad.graph, ctx);
        QCOMPARE(failed.nodes.at("images").state, NodeState::Failed);
        QCOMPARE(failed.nodes.at("images").errorWhere, (root / "nowhere").string());
    }
};

QTEST_GUILESS_MAIN(TestImageFolder)
#include "tst_imagefolder.moc"
