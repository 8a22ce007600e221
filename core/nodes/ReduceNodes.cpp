// Dimensionality reduction.
#include "nodes/Nodes.h"

#include "pipeline/NodeRegistry.h"
#include "reduce/Pca.h"
#include "util/RunContext.h"
#include "util/Tr.h"

namespace oficina::core {

namespace {

PortValues runPca(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    const Table& input = inputs.table("data");
    const std::string& solverKey = params.text("svd_solver");
    const PcaSolver solver = solverKey == "full"              ? PcaSolver::Full
                             : solverKey == "covariance_eigh" ? PcaSolver::CovarianceEigh
                             : solverKey == "arpack"          ? PcaSolver::Arpack
                                                              : PcaSolver::Auto;
    ctx.progress(0.0);
    const PcaFit fit = fitPca(input,
                              {.nComponents = params.real("n_components"),
                               .whiten = params.boolean("whiten"),
                               .solver = solver},
                              [&ctx] { return ctx.stopRequested(); });
    ctx.throwIfStopped();
    ctx.progress(0.9);
    return {{"data", tableValue(applyStep(fit.step, input))},
            {"variance", metricsValue(explainedVarianceMetrics(fit))}};
}

NodeSpec pcaSpec() {
    return {
        .type = "oficina.reduce.pca",
        .title = OFICINA_TR_NOOP("PCA"),
        .category = Category::Reduce,
        .help = OFICINA_TR_NOOP(
            "Principal component analysis, as scikit-learn's PCA: replaces the numeric features "
            "by their projections PC1, PC2… on the directions of largest variance, learned from "
            "this node's input. The variance output shows how much each component explains. "
            "Scale the features first when their units differ."),
        .whenToUse = OFICINA_TR_NOOP("To compress many correlated features into a few, to draw "
                                     "the data in two dimensions, or to speed up a model."),
        .concepts = {"unsupervised", "data"},
        .inputs = {{"data", PortType::Table, OFICINA_TR_NOOP("Data")}},
        .outputs = {{"data", PortType::Table, OFICINA_TR_NOOP("Components")},
                    {"variance", PortType::Metrics, OFICINA_TR_NOOP("Explained variance")}},
        .params =
            {Parameter::real("n_components", OFICINA_TR_NOOP("Components"), 0.0)
                 .range(0, 1e6)
                 .withHelp(OFICINA_TR_NOOP("How many components to keep; 0 keeps all, and a "
                                           "fraction such as 0.95 keeps the fewest that explain "
                                           "that share of the variance")),
             Parameter::boolean("whiten", OFICINA_TR_NOOP("Whiten"), false)
                 .withHelp(OFICINA_TR_NOOP("Scale every component to unit variance")),
             Parameter::choice(
                 "svd_solver", OFICINA_TR_NOOP("Solver"),
                 {{"auto", OFICINA_TR_NOOP("Automatic")},
                  {"full", OFICINA_TR_NOOP("Full SVD (most accurate)")},
                  {"covariance_eigh", OFICINA_TR_NOOP("Covariance eigenvectors (tall data)")},
                  {"arpack", OFICINA_TR_NOOP("Truncated, Lanczos (wide data)")}},
                 "auto")
                 .withHelp(OFICINA_TR_NOOP("All give the same components; they differ in speed "
                                           "and in the precision of tiny variances"))},
        .run = runPca,
    };
}

} // namespace

void registerReduceNodes(NodeRegistry& registry) {
    registry.add(pcaSpec());
}

} // namespace oficina::core
