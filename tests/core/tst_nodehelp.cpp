// Node help for beginners and teachers (issue 7): every built-in node says what it does, when to
// use it, what each parameter means, and which course concepts it embodies; every concept it
// names exists and every concept of the course is embodied by some node. A node type added
// without these texts fails here, naming the node and what is missing.
#include "nodes/Concepts.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"

#include <QtTest>

#include <cstring>
#include <set>
#include <string>

using namespace oficina::core;

namespace {
bool blank(const char* text) {
    return !text || std::strlen(text) == 0;
}
// whenToUse is the short line of the palette tooltip; the paragraph belongs in help.
constexpr size_t kMaxWhenToUse = 200;
} // namespace

class NodeHelpTest : public QObject {
    Q_OBJECT

    NodeRegistry m_registry;

private Q_SLOTS:
    void initTestCase() {
        registerBuiltinNodes(m_registry,
                             {.datasetDirectory = OFICINA_SOURCE_DIR "/resources/datasets"});
        QVERIFY(m_registry.all().size() > 50);
    }

    void conceptsAreComplete() {
        const std::set<std::string> course = {"data",         "algorithm",  "model",
                                              "training",     "inference",  "supervised",
                                              "unsupervised", "regression", "classification",
                                              "clustering",   "overfitting"};
        std::set<std::string> ids;
        for (const Concept& c : concepts()) {
            QVERIFY2(ids.insert(c.id).second, c.id);
            QVERIFY2(!blank(c.title), c.id);
            QVERIFY2(std::strlen(c.text) > 100, c.id);
            QCOMPARE(findConcept(c.id), &c);
        }
        QCOMPARE(ids, course);
        QCOMPARE(findConcept("telepathy"), nullptr);
    }

    void everyNodeHasHelp() {
        QStringList problems;
        for (const NodeSpec& spec : m_registry.all()) {
            const QString node = QString::fromStdString(spec.type);
            if (blank(spec.help)) problems << node + ": no help";
            if (blank(spec.whenToUse))
                problems << node + ": no whenToUse";
            else if (std::strlen(spec.whenToUse) > kMaxWhenToUse)
                problems << node + ": whenToUse longer than " + QString::number(kMaxWhenToUse);
            if (spec.concepts.empty()) problems << node + ": no concepts";
            for (const Parameter& p : spec.params)
                if (blank(p.help))
                    problems << node + ": parameter " + QString::fromStdString(p.key) +
                                    " has no help";
        }
        for (const QString& problem : problems) qWarning().noquote() << problem;
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QString("%1 texts missing, listed above").arg(problems.size())));
    }

    void conceptsNamedByNodesExist() {
        QStringList unknown;
        std::set<std::string> named;
        for (const NodeSpec& spec : m_registry.all())
            for (const std::string& id : spec.concepts) {
                named.insert(id);
                if (!findConcept(id)) unknown << QString::fromStdString(spec.type + ": " + id);
            }
        QVERIFY2(unknown.isEmpty(), qPrintable("unknown concepts: " + unknown.join(", ")));
        QStringList orphans;
        for (const Concept& c : concepts())
            if (!named.count(c.id)) orphans << c.id;
        QVERIFY2(orphans.isEmpty(), qPrintable("no node embodies: " + orphans.join(", ")));
    }

    void conceptsOfANode() {
        const NodeSpec* kmeans = m_registry.find("oficina.cluster.kmeans");
        QVERIFY(kmeans);
        const std::vector<std::string> expected = {"unsupervised", "clustering", "algorithm",
                                                   "training"};
        QCOMPARE(kmeans->concepts, expected);
    }
};

QTEST_GUILESS_MAIN(NodeHelpTest)
#include "tst_nodehelp.moc"
