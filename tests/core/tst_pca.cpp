// PCA against scikit-learn 1.2 PCA(svd_solver="full") (make_feature_fixtures.py) on iris, wine,
// digits and breast cancer: mean, components with scikit-learn's signs, explained variance and
// ratios, noise variance and transformed rows to 1e-6 relative, for every solver; variance
// targets, whitening, the variance metrics, lineage, errors, the node.
#include "../JsonFixture.h"

#include "data/CsvReader.h"
#include "data/Table.h"
#include "eval/Metrics.h"
#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"
#include "reduce/Pca.h"
#include "util/Error.h"
#include "util/RunContext.h"

#include <QtTest>

#include <cmath>
#include <map>

using namespace oficina::core;

namespace {

Table loadDataset(const std::string& name) {
    Table t = readCsv(OFICINA_SOURCE_DIR "/resources/datasets/" + name + ".csv").table;
    const Column& last = t.column(t.columnCount() - 1);
    t = t.withColumn(last.withRole(ColumnRole::Target));
    t.startLineage();
    return t;
}

// |a − b| ≤ rel·scale: components and scores are compared relative to their own magnitude
// scale (a component's entries to 1, the scores to the component's largest score).
bool close(double a, double b, double rel, double scale) {
    return std::abs(a - b) <= rel * std::max(std::abs(b), scale);
}

} // namespace

class PcaTest : public QObject {
    Q_OBJECT

    std::map<std::string, Table> m_tables;

    const Table& table(const std::string& name) {
        if (!m_tables.count(name)) m_tables[name] = loadDataset(name);
        return m_tables[name];
    }

    void checkCase(const QJsonObject& c, PcaSolver solver) {
        const std::string dataset = c["dataset"].toString().toStdString();
        const QJsonObject params = c["params"].toObject();
        const PcaOptions options{.nComponents = params["n_components"].toDouble(0.0),
                                 .whiten = params["whiten"].toBool(false),
                                 .solver = solver};
        const PcaFit fit = fitPca(table(dataset), options);
        const PcaStep& step = *fit.step;
        const auto k = Eigen::Index(c["n_components"].toInt());
        const QString where =
            QString("%1 %2 solver %3")
                .arg(dataset.c_str(), QJsonDocument(params).toJson(QJsonDocument::Compact))
                .arg(int(fit.solverUsed));
        QVERIFY2(step.components().rows() == k, qPrintable(where));
        const auto mean = fixture::numbers(c["mean"]);
        for (size_t j = 0; j < mean.size(); ++j)
            QVERIFY(close(step.mean()(Eigen::Index(j)), mean[j], 1e-12, 1.0));
        const auto variance = fixture::numbers(c["explained_variance"]);
        const auto ratio = fixture::numbers(c["explained_variance_ratio"]);
        const auto singular = fixture::numbers(c["singular_values"]);
        // The covariance route squares the condition number: variances below ~1e-7 of the
        // largest (breast cancer's last components) keep only absolute precision, and their
        // axes are not compared.
        const bool squared = fit.solverUsed == PcaSolver::CovarianceEigh;
        const double floor = squared ? 1e-12 * variance[0] : 0.0;
        const auto comparable = [&](Eigen::Index i) {
            return !squared || variance[size_t(i)] > 1e-7 * variance[0];
        };
        for (Eigen::Index i = 0; i < k; ++i) {
            QVERIFY2(close(step.explainedVariance()(i), variance[size_t(i)], 1e-6, floor),
                     qPrintable(where + QString(" variance %1").arg(i)));
            QVERIFY(
                close(fit.explainedVarianceRatio(i), ratio[size_t(i)], 1e-6, floor / variance[0]));
            QVERIFY(close(fit.singularValues(i), singular[size_t(i)], 1e-6,
                          squared ? 1e-6 * singular[0] : 0.0));
        }
        QVERIFY2(close(fit.noiseVariance, c["noise_variance"].toDouble(), 1e-6, 1e-9 * variance[0]),
                 qPrintable(where + QString(" noise %1 vs %2")
                                        .arg(fit.noiseVariance)
                                        .arg(c["noise_variance"].toDouble())));
        const QJsonArray components = c["components"].toArray();
        for (Eigen::Index i = 0; i < k; ++i) {
            if (!comparable(i)) continue;
            const auto expected = fixture::numbers(components[i]);
            for (size_t j = 0; j < expected.size(); ++j)
                QVERIFY2(close(step.components()(i, Eigen::Index(j)), expected[j], 1e-6, 1e-3),
                         qPrintable(where + QString(" component %1 entry %2: %3 vs %4")
                                                .arg(i)
                                                .arg(j)
                                                .arg(step.components()(i, Eigen::Index(j)))
                                                .arg(expected[j])));
        }
        const Table out = applyStep(fit.step, table(dataset));
        const QJsonArray head = c["transformed_head"].toArray();
        const auto absSums = fixture::numbers(c["transformed_abs_sums"]);
        for (Eigen::Index i = 0; i < k; ++i) {
            const std::vector<double>& scores = out.column("PC" + std::to_string(i + 1)).values();
            double absSum = 0;
            for (double v : scores)
                absSum += std::abs(v);
            if (!comparable(i)) continue;
            QVERIFY(close(absSum, absSums[size_t(i)], 1e-6, 0.0));
            const double scale = absSums[size_t(i)] / double(scores.size());
            for (qsizetype r = 0; r < head.size(); ++r)
                QVERIFY2(close(scores[size_t(r)], head[r].toArray()[i].toDouble(), 1e-6, scale),
                         qPrintable(where + QString(" score row %1 PC%2").arg(r).arg(i + 1)));
        }
        // The scores replace the features; the target follows.
        QCOMPARE(out.columnCount(), size_t(k) + 1);
        QCOMPARE(out.column(size_t(k)).role(), ColumnRole::Target);
        const Metrics metrics = explainedVarianceMetrics(fit);
        const LabeledMatrix* m = metrics.matrix("explained_variance");
        QVERIFY(m);
        QCOMPARE(m->columnLabels, (std::vector<std::string>{"variance", "ratio", "cumulative"}));
        QCOMPARE(m->rowLabels.front(), std::string("PC1"));
        QVERIFY(close(m->at(size_t(k) - 1, 2), fit.explainedVarianceRatio.sum(), 1e-12, 0.0));
    }

private Q_SLOTS:
    void fullSolverMatchesScikitLearn() {
        for (const QJsonValue& value : fixture::cases("sklearn/pca.json"))
            checkCase(value.toObject(), PcaSolver::Full);
    }

    void covarianceSolverMatchesScikitLearn() {
        for (const QJsonValue& value : fixture::cases("sklearn/pca.json"))
            checkCase(value.toObject(), PcaSolver::CovarianceEigh);
    }

    void autoSolverMatchesScikitLearn() {
        for (const QJsonValue& value : fixture::cases("sklearn/pca.json"))
            checkCase(value.toObject(), PcaSolver::Auto);
    }

    void lanczosSolverMatchesScikitLearn() {
        int checked = 0;
        for (const QJsonValue& value : fixture::cases("sklearn/pca.json")) {
            const QJsonObject c = value.toObject();
            const double n = c["params"].toObject()["n_components"].toDouble(0.0);
            if (n < 1.0) continue; // arpack keeps a whole number of components below the rank
            checkCase(c, PcaSolver::Arpack);
            ++checked;
        }
        QCOMPARE(checked, 6);
    }

    void predictReappliesTheTrainingFit() {
        const Table& wine = table("wine");
        std::vector<size_t> firstHalf(89);
        for (size_t i = 0; i < firstHalf.size(); ++i)
            firstHalf[i] = i;
        Table train = wine.takeRows(firstHalf);
        const PcaFit fit = fitPca(train, {.nComponents = 3});
        const Table transformed = applyStep(fit.step, train);
        const Table again = transformed.lineage().applyTo(wine);
        QCOMPARE(again.column("PC2").values()[10], transformed.column("PC2").values()[10]);
        const auto refitted = std::dynamic_pointer_cast<const PcaStep>(fit.step->refit(wine));
        QVERIFY(refitted);
        QVERIFY((refitted->mean() - fitPca(wine, {.nComponents = 3}).step->mean()).norm() < 1e-12);
    }

    void badInputIsAClearError() {
        const Table categorical(std::vector<Column>{
            Column::numeric("a", {1, 2, 3}), Column::categorical("town", {0, 1, 0}, {"x", "y"})});
        try {
            (void)fitPca(categorical);
            QFAIL("expected an Error");
        } catch (const Error& e) {
            QCOMPARE(e.message().args(), std::vector<std::string>{"town"});
        }
        const Table missing(std::vector<Column>{Column::numeric("a", {1, 2, 3}),
                                                Column::numeric("b", {1, NAN, 3})});
        try {
            (void)fitPca(missing);
            QFAIL("expected an Error");
        } catch (const Error& e) {
            QCOMPARE(e.message().args().front(), std::string("b"));
        }
        QVERIFY_THROWS_EXCEPTION(Error, (void)fitPca(missing.takeRows({0}), {.nComponents = 1}));
        const Table two(
            std::vector<Column>{Column::numeric("a", {1, 2, 4}), Column::numeric("b", {1, 0, 3})});
        QVERIFY_THROWS_EXCEPTION(Error, (void)fitPca(two, {.nComponents = 3}));
        QVERIFY_THROWS_EXCEPTION(Error, (void)fitPca(two, {.nComponents = 1.5}));
        const Table flat(
            std::vector<Column>{Column::numeric("a", {2, 2, 2}), Column::numeric("c", {5, 5, 5})});
        QVERIFY_THROWS_EXCEPTION(Error, (void)fitPca(flat));
        // A constant column is fine for PCA: it just explains no variance.
        const Table constant(
            std::vector<Column>{Column::numeric("a", {1, 2, 4}), Column::numeric("c", {5, 5, 5})});
        const PcaFit fit = fitPca(constant);
        QVERIFY(std::abs(fit.explainedVarianceRatio(0) - 1.0) < 1e-12);
        QVERIFY(applyStep(fit.step, constant).column("PC2").values()[0] == 0.0);
    }

    void nodeOutputsScoresAndVariance() {
        NodeRegistry registry;
        registerReduceNodes(registry);
        const NodeSpec* spec = registry.find("oficina.reduce.pca");
        QVERIFY(spec);
        ParamValues params = spec->defaults();
        params.set("n_components", 0.9);
        RunContext ctx;
        const PortValues out =
            spec->run(NodeInputs({{"data", tableValue(table("breast_cancer"))}}), params, ctx);
        const Table& data = *std::get<std::shared_ptr<const Table>>(out.at("data"));
        const Metrics& variance = *std::get<std::shared_ptr<const Metrics>>(out.at("variance"));
        const LabeledMatrix* m = variance.matrix("explained_variance");
        QVERIFY(m);
        QCOMPARE(data.columnCount(), m->rowLabels.size() + 1);
        QVERIFY(m->at(m->rowLabels.size() - 1, 2) > 0.9);
        QVERIFY(m->rowLabels.size() == 1 || m->at(m->rowLabels.size() - 2, 2) <= 0.9);
        std::stop_source stop;
        stop.request_stop();
        RunContext stopped(stop.get_token());
        QVERIFY_THROWS_EXCEPTION(Cancelled,
                                 spec->run(NodeInputs({{"data", tableValue(table("digits"))}}),
                                           spec->defaults(), stopped));
    }
};

QTEST_GUILESS_MAIN(PcaTest)
#include "tst_pca.moc"
