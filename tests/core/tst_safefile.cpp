// SafeFile (core/util/SafeFile.h): exclusive, unpredictable temporary files, the replaced file's
// mode kept, writes through symlinks, and all-or-nothing for several files.
#include "util/Error.h"
#include "util/SafeFile.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

using namespace oficina::core;
namespace fs = std::filesystem;

Q_DECLARE_METATYPE(mode_t)

namespace {

std::string readText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

mode_t modeOf(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return 0;
    return st.st_mode & 07777;
}

/// Every entry of a folder, hidden ones included, sorted.
QStringList entries(const QTemporaryDir& dir) {
    return QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System |
                                          QDir::NoDotAndDotDot,
                                      QDir::Name);
}

/// Sets the umask for one scope.
class UmaskScope {
public:
    explicit UmaskScope(mode_t mask) : m_old(::umask(mask)) {}
    ~UmaskScope() { ::umask(m_old); }

private:
    mode_t m_old;
};

} // namespace

class TestSafeFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void newFileTakesTheUmask_data() {
        QTest::addColumn<mode_t>("mask");
        QTest::addColumn<mode_t>("expected");
        QTest::newRow("022") << mode_t(022) << mode_t(0644);
        QTest::newRow("077") << mode_t(077) << mode_t(0600);
        QTest::newRow("002") << mode_t(002) << mode_t(0664);
    }
    void newFileTakesTheUmask() {
        QFETCH(mode_t, mask);
        QFETCH(mode_t, expected);
        QTemporaryDir dir;
        const fs::path path = dir.filePath("new.json").toStdString();
        {
            UmaskScope scope(mask);
            writeFileAtomically(path, "{}\n");
        }
        QCOMPARE(readText(path), std::string("{}\n"));
        QCOMPARE(modeOf(path), expected);
    }

    void replacedFileKeepsItsMode_data() {
        QTest::addColumn<mode_t>("mode");
        QTest::newRow("private") << mode_t(0600);
        QTest::newRow("executable") << mode_t(0755);
        QTest::newRow("group") << mode_t(0640);
    }
    void replacedFileKeepsItsMode() {
        QFETCH(mode_t, mode);
        QTemporaryDir dir;
        const fs::path path = dir.filePath("kept.sh").toStdString();
        writeText(path, "old");
        QCOMPARE(::chmod(path.c_str(), mode), 0);
        UmaskScope scope(022);
        writeFileAtomically(path, "new");
        QCOMPARE(readText(path), std::string("new"));
        QCOMPARE(modeOf(path), mode);
    }

    // The old writers used ".NAME.tmp-PID" and similar names: a symlink planted there by
    // another user redirected the write into the file it pointed at.
    void plantedSymlinksAreNotFollowed() {
        QTemporaryDir dir;
        const fs::path victim = dir.filePath("victim.txt").toStdString();
        writeText(victim, "precious");
        const fs::path target = dir.filePath("report.json").toStdString();
        const std::vector<std::string> planted{
            ".report.json.tmp-" + std::to_string(::getpid()), ".report.json.tmp",
            ".report.json.tmp0_0", "report.json.tmp", "report.json~"};
        for (const auto& name : planted)
            fs::create_symlink(victim, fs::path(dir.path().toStdString()) / name);

        writeFileAtomically(target, "{\"report\": 1}\n");
        QCOMPARE(readText(victim), std::string("precious"));
        QCOMPARE(readText(target), std::string("{\"report\": 1}\n"));
        QVERIFY(!fs::is_symlink(target));
        for (const auto& name : planted) {
            const fs::path link = fs::path(dir.path().toStdString()) / name;
            QVERIFY(fs::is_symlink(link));
            QCOMPARE(fs::read_symlink(link), victim);
        }
        QCOMPARE(entries(dir).size(), qsizetype(planted.size() + 2));
    }

    void temporaryNamesAreUnpredictableAndExclusive() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("out.csv").toStdString();
        SafeFile first(path), second(path);
        QVERIFY(first.temporaryPath() != second.temporaryPath());
        for (const SafeFile* file : {&first, &second}) {
            const fs::path temporary = file->temporaryPath();
            QCOMPARE(temporary.parent_path(), fs::path(path).parent_path());
            QVERIFY(temporary.filename().string().starts_with(".out.csv."));
            // Twelve random letters: far beyond guessing (the pid gave a few thousand names).
            QCOMPARE(temporary.filename().string().size(), std::string(".out.csv.").size() + 16);
            QVERIFY(fs::is_regular_file(fs::symlink_status(temporary)));
        }
        first.discard();
        second.discard();
        QVERIFY(entries(dir).isEmpty());
    }

    void longNamesStayWithinTheLimit() {
        QTemporaryDir dir;
        const std::string name(250, 'n');
        const fs::path path = dir.filePath(QString::fromStdString(name)).toStdString();
        writeFileAtomically(path, "long");
        QCOMPARE(readText(path), std::string("long"));
        QCOMPARE(entries(dir).size(), qsizetype(1));
    }

    void writesThroughSymlinks() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        fs::create_directory(root / "real");
        fs::create_directory(root / "links");
        const fs::path real = root / "real" / "pipeline.oficina";
        writeText(real, "old");
        QCOMPARE(::chmod(real.c_str(), 0640), 0);
        // A relative link, then a chain of two.
        const fs::path link = root / "links" / "pipeline.oficina";
        fs::create_symlink("../real/pipeline.oficina", link);
        const fs::path chained = root / "chained.oficina";
        fs::create_symlink(link, chained);

        writeFileAtomically(link.string(), "through the link");
        QVERIFY(fs::is_symlink(link));
        QCOMPARE(fs::read_symlink(link), fs::path("../real/pipeline.oficina"));
        QCOMPARE(readText(real), std::string("through the link"));
        QCOMPARE(modeOf(real), mode_t(0640));

        SafeFile file(chained.string());
        QCOMPARE(fs::path(file.target()), link.parent_path() / "../real/pipeline.oficina");
        file.write("through the chain");
        file.commit();
        QVERIFY(fs::is_symlink(chained));
        QVERIFY(fs::is_symlink(link));
        QCOMPARE(readText(real), std::string("through the chain"));
        // Nothing left beside either end.
        QCOMPARE(fs::path(file.temporaryPath()), fs::path());
        QCOMPARE(std::distance(fs::directory_iterator(root / "real"), {}), 1);
        QCOMPARE(std::distance(fs::directory_iterator(root / "links"), {}), 1);
    }

    void danglingSymlinkCreatesItsTarget() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        const fs::path link = root / "model.onnx";
        fs::create_symlink("stored.onnx", link);
        writeFileAtomically(link.string(), "bytes");
        QVERIFY(fs::is_symlink(link));
        QCOMPARE(readText(root / "stored.onnx"), std::string("bytes"));
    }

    void symlinkLoopIsAnError() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        fs::create_symlink("b", root / "a");
        fs::create_symlink("a", root / "b");
        const std::string path = (root / "a").string();
        try {
            writeFileAtomically(path, "x");
            QFAIL("no error");
        } catch (const Error& error) {
            QCOMPARE(error.where(), path);
            QVERIFY(error.message().english().starts_with("cannot write the file: "));
        }
        QCOMPARE(entries(dir), (QStringList{"a", "b"}));
    }

    void uncommittedWriteChangesNothing() {
        QTemporaryDir dir;
        const fs::path path = dir.filePath("keep.txt").toStdString();
        writeText(path, "old");
        {
            SafeFile file(path.string());
            file.write("half of the new");
            QCOMPARE(readText(path), std::string("old"));
        }  // destroyed without commit(): a writer that threw half-way
        QCOMPARE(readText(path), std::string("old"));
        QCOMPARE(entries(dir), QStringList{"keep.txt"});
    }

    void failedRenameLeavesNoTemporaryFile() {
        QTemporaryDir dir;
        const fs::path path = dir.filePath("folder").toStdString();
        fs::create_directory(path);
        try {
            writeFileAtomically(path.string(), "x");
            QFAIL("no error");
        } catch (const Error& error) {
            QCOMPARE(error.where(), path.string());
            QVERIFY(error.message().english().starts_with("cannot replace the file: "));
        }
        QVERIFY(fs::is_directory(path));
        QCOMPARE(entries(dir), QStringList{"folder"});
    }

    // Nothing to replace atomically in a pipe or a device (`--report /dev/stdout`): written to
    // directly, and it stays what it was (root once renamed a regular file over /dev/null).
    void pipesAndDevicesAreWrittenDirectly() {
        writeFileAtomically("/dev/null", "discarded");
        struct stat st {};
        QCOMPARE(::stat("/dev/null", &st), 0);
        QVERIFY(S_ISCHR(st.st_mode));

        QTemporaryDir dir;
        const fs::path fifo = dir.filePath("pipe").toStdString();
        QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
        std::string received;
        std::thread reader([&] { received = readText(fifo); });  // blocks until written
        writeFileAtomically(fifo.string(), "through the pipe");
        reader.join();
        QCOMPARE(received, std::string("through the pipe"));
        QVERIFY(fs::is_fifo(fifo));
        QCOMPARE(entries(dir), QStringList{"pipe"});
    }

    void missingFolder() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("missing/out.json").toStdString();
        try {
            writeFileAtomically(path, "x");
            QFAIL("no error");
        } catch (const Error& error) {
            QCOMPARE(error.where(), path);
            QCOMPARE(error.message().english(),
                     std::string("cannot write the file: No such file or directory"));
        }
        QVERIFY(entries(dir).isEmpty());
    }

    void severalFilesAllWritten() {
        QTemporaryDir dir;
        const fs::path model = dir.filePath("model.onnx").toStdString();
        const fs::path card = dir.filePath("MODEL.md").toStdString();
        writeText(card, "old card");
        QCOMPARE(::chmod(card.c_str(), 0600), 0);
        writeFilesAtomically({{model.string(), "onnx bytes"}, {card.string(), "# card"}});
        QCOMPARE(readText(model), std::string("onnx bytes"));
        QCOMPARE(readText(card), std::string("# card"));
        QCOMPARE(modeOf(card), mode_t(0600));
        QCOMPARE(entries(dir), (QStringList{"MODEL.md", "model.onnx"}));
    }

    // The model's file exists already (or not); the card cannot be put in place (a folder has
    // its name): neither file changes and no temporary or backup file stays behind.
    void severalFilesAllOrNothing_data() {
        QTest::addColumn<bool>("modelExisted");
        QTest::newRow("model replaced") << true;
        QTest::newRow("model new") << false;
    }
    void severalFilesAllOrNothing() {
        QFETCH(bool, modelExisted);
        QTemporaryDir dir;
        const fs::path model = dir.filePath("model.onnx").toStdString();
        const fs::path card = dir.filePath("MODEL.md").toStdString();
        if (modelExisted) writeText(model, "old model");
        fs::create_directory(card);
        try {
            writeFilesAtomically({{model.string(), "new model"}, {card.string(), "# card"}});
            QFAIL("no error");
        } catch (const Error& error) {
            QCOMPARE(error.where(), card.string());
        }
        QCOMPARE(fs::exists(model), modelExisted);
        if (modelExisted) QCOMPARE(readText(model), std::string("old model"));
        QVERIFY(fs::is_directory(card));
        const QStringList expected =
            modelExisted ? QStringList{"MODEL.md", "model.onnx"} : QStringList{"MODEL.md"};
        QCOMPARE(entries(dir), expected);
    }

    // A file that cannot even be started (missing folder) stops everything before any rename.
    void severalFilesFailingEarlyChangeNothing() {
        QTemporaryDir dir;
        const fs::path model = dir.filePath("model.onnx").toStdString();
        writeText(model, "old model");
        const std::string card = dir.filePath("missing/MODEL.md").toStdString();
        QVERIFY_THROWS_EXCEPTION(
            Error, writeFilesAtomically({{model.string(), "new model"}, {card, "# card"}}));
        QCOMPARE(readText(model), std::string("old model"));
        QCOMPARE(entries(dir), QStringList{"model.onnx"});
    }
};

QTEST_GUILESS_MAIN(TestSafeFile)
#include "tst_safefile.moc"
