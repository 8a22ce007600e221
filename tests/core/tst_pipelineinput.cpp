// Hostile-but-realistic pipeline files (issue 23): numbers beyond double range, a "format" that is
// not text, integers beyond their type, nesting millions deep, a folder named as the file. Each
// gets its own precise Error naming the file and the place, never an escaping exception.
#include "FakeNodes.h"

#include "nodes/Nodes.h"
#include "pipeline/Graph.h"
#include "pipeline/JsonText.h"
#include "pipeline/PipelineFile.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <limits>

using namespace oficina::core;

namespace {

std::string node(const std::string& fields) {
    return "{\"format\": \"oficina-pipeline\", \"version\": 1, \"nodes\": [{\"id\": \"n\", " +
           fields + "}]}";
}

/// `levels` nested arrays around `inner`.
std::string nested(size_t levels, const std::string& inner = "1") {
    return std::string(levels, '[') + inner + std::string(levels, ']');
}

} // namespace

class PipelineInputTest : public QObject {
    Q_OBJECT

    NodeRegistry m_registry;
    fake::RunCounter m_counter;

    /// The Error's full text ("where: message"); fails the test if anything else escapes.
    QString errorOf(const std::string& text, const NodeRegistry& registry) {
        try {
            parsePipeline(text, registry, "bad.oficina");
        } catch (const Error& e) {
            return QString::fromStdString(e.what());
        } catch (const std::exception& e) {
            return QStringLiteral("ESCAPED: ") + e.what();
        }
        return QStringLiteral("ACCEPTED");
    }

private Q_SLOTS:
    void initTestCase() {
        fake::registerFakeNodes(m_registry, m_counter);
        registerBuiltinNodes(m_registry, {});
    }

    void rejectsPrecisely_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char* name, const std::string& text, const char* expected) {
            QTest::newRow(name) << QString::fromStdString(text) << QString(expected);
        };
        row("number beyond double", node("\"type\": \"test.add\", \"params\": {\"delta\": 1e400}"),
            "bad.oficina:1:108: the number 1e400 is beyond the range Oficina can hold");
        row("negative number beyond double",
            "{\"format\": \"oficina-pipeline\",\n \"x\": -77E0561}",
            "bad.oficina:2:7: the number -77E0561 is beyond the range");
        row("huge number is cut in the message", "[1" + std::string(5000, '0') + "]",
            "bad.oficina:1:2: the number 1000000000");
        row("format is a number", "{\"format\": 1, \"version\": 1, \"nodes\": []}",
            "bad.oficina: not an Oficina pipeline: \"format\" is 1, not \"oficina-pipeline\"");
        row("format is a list",
            "{\"format\": [\"oficina-pipeline\"], \"version\": 1, \"nodes\": []}",
            "\"format\" is [\"oficina-pipeline\"], not");
        row("format missing", "{\"version\": 1, \"nodes\": []}", "not an Oficina pipeline");
        row("file version beyond int",
            "{\"format\": \"oficina-pipeline\", \"version\": 4294967297, \"nodes\": []}",
            "pipeline format version 4294967297 is not supported");
        row("file version beyond uint64",
            "{\"format\": \"oficina-pipeline\", \"version\": 18446744073709551617, \"nodes\": []}",
            "pipeline format version 1.8446744073709552e+19 is not supported");
        row("file version zero",
            "{\"format\": \"oficina-pipeline\", \"version\": 0, \"nodes\": []}",
            "pipeline format version 0 is not supported");
        row("node version beyond int", node("\"type\": \"test.add\", \"version\": 4294967297"),
            "node 'n': node version 4294967297 is newer than this Oficina supports (1)");
        row("node version beyond int64",
            node("\"type\": \"test.add\", \"version\": 18446744073709551615"),
            "node version must be a whole number from 1 to 1, not 18446744073709551615");
        row("node version zero", node("\"type\": \"test.add\", \"version\": 0"),
            "node version must be a whole number from 1 to 1, not 0");
        row("node version as text", node("\"type\": \"test.add\", \"version\": \"1\""),
            "node version must be a whole number from 1 to 1, not \"1\"");
        row("seed beyond int64",
            node("\"type\": \"oficina.cluster.kmeans\", \"params\": {\"seed\": "
                 "18446744073709551615}"),
            "node 'n': seed must be between 0 and 4294967295, not 18446744073709551615");
        row("seed beyond its range",
            node("\"type\": \"oficina.cluster.kmeans\", \"params\": {\"seed\": 4294967297}"),
            "seed must be between 0 and 4294967295, not 4294967297");
        row("unbounded whole number beyond int64",
            node("\"type\": \"test.slow\", \"params\": {\"steps\": 9223372036854775808}"),
            "steps must be between -9223372036854775808 and 9223372036854775807, not "
            "9223372036854775808");
        row("type nested a million deep", node("\"type\": " + nested(1000000)),
            "bad.oficina:1:173: values are nested more than 100 levels deep");
        row("parameter nested a million deep",
            node("\"type\": \"test.add\", \"params\": {\"column\": " + nested(1000000) + "}"),
            "values are nested more than 100 levels deep");
        row(
            "objects nested a million deep",
            [] {
                std::string deep;
                for (int i = 0; i < 1000000; ++i)
                    deep += "{\"a\":";
                return deep + "1" + std::string(1000000, '}');
            }(),
            "bad.oficina:1:501: values are nested more than 100 levels deep");
        row("nesting within the limit is an ordinary wrong value",
            node("\"type\": \"test.add\", \"params\": {\"column\": " + nested(90) + "}"),
            "parameter 'column' is [[[[");
        row("a long type is cut in the message",
            node("\"type\": \"" + std::string(100000, 'x') + "\""),
            "unknown node type \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…");
    }

    void rejectsPrecisely() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QString error = errorOf(text.toStdString(), m_registry);
        QVERIFY2(error.startsWith("bad.oficina"), qPrintable(error.left(300)));
        QVERIFY2(error.contains(expected), qPrintable(error.left(300)));
        QVERIFY2(error.size() < 400, qPrintable(error.left(300))); // never the whole value
    }

    /// At the limit itself the file loads: 100 levels is the most, not one less.
    void nestingAtTheLimitParses() {
        QCOMPARE(parseJsonText(nested(kMaxJsonDepth), "x").dump().size(), 2 * kMaxJsonDepth + 1);
        QVERIFY_THROWS_EXCEPTION(Error, parseJsonText(nested(kMaxJsonDepth + 1), "x"));
    }

    void exactWholeNumberRange() {
        // 2^53 + 1 rounds to 2^53 as a double and would pass a bound of 2^53.
        const Parameter p = Parameter::integer("n", "N", 0).range(0, 9007199254740992.0);
        QVERIFY(!p.rejects(int64_t(9007199254740992)));
        const auto why = p.rejects(int64_t(9007199254740993));
        QVERIFY(why);
        QCOMPARE(why->english(), std::string("n must be between 0 and 9007199254740992, not "
                                             "9007199254740993"));
        // --set takes the same path as the file.
        const Parameter seed = Parameter::integer("seed", "Seed", 0).range(0, 4294967295.0);
        try {
            (void)seed.parse("18446744073709551615");
            QFAIL("accepted a seed beyond int64");
        } catch (const Error& e) {
            QCOMPARE(e.message().english(),
                     std::string("seed must be between 0 and 4294967295, not "
                                 "18446744073709551615"));
        }
    }

    void folderIsNotAPipeline() {
        QTemporaryDir dir;
        try {
            loadPipeline(dir.path().toStdString(), m_registry);
            QFAIL("read a folder as a pipeline");
        } catch (const Error& e) {
            QCOMPARE(e.where(), dir.path().toStdString());
            QCOMPARE(e.message().english(), std::string("this is a folder, not a pipeline file"));
        }
    }
};

QTEST_GUILESS_MAIN(PipelineInputTest)
#include "tst_pipelineinput.moc"
