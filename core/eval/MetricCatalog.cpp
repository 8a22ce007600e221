#include "eval/MetricCatalog.h"

#include "util/Tr.h"

namespace oficina::core {

namespace {

constexpr Direction kNone = Direction::None;
constexpr Direction kHigher = Direction::Higher;
constexpr Direction kLower = Direction::Lower;

// Every key core/eval, core/models and core/nodes write.
constexpr MetricInfo kMetrics[] = {
    // Classification
    {"accuracy", OFICINA_TR_NOOP("Accuracy"), kHigher},
    {"balanced_accuracy", OFICINA_TR_NOOP("Balanced accuracy"), kHigher},
    {"precision_macro", OFICINA_TR_NOOP("Precision (macro)"), kHigher},
    {"recall_macro", OFICINA_TR_NOOP("Recall (macro)"), kHigher},
    {"f1_macro", OFICINA_TR_NOOP("F1 (macro)"), kHigher},
    {"precision_weighted", OFICINA_TR_NOOP("Precision (weighted)"), kHigher},
    {"recall_weighted", OFICINA_TR_NOOP("Recall (weighted)"), kHigher},
    {"f1_weighted", OFICINA_TR_NOOP("F1 (weighted)"), kHigher},
    {"log_loss", OFICINA_TR_NOOP("Log loss"), kLower},
    {"roc_auc", OFICINA_TR_NOOP("ROC AUC"), kHigher},
    {"average_precision", OFICINA_TR_NOOP("Average precision"), kHigher},
    {"roc_auc_ovr", OFICINA_TR_NOOP("ROC AUC (one-vs-rest, macro)"), kHigher},
    {"roc:", OFICINA_TR_NOOP("ROC: %1"), kNone, MetricView::RocCurves},
    {"pr:", OFICINA_TR_NOOP("Precision–recall: %1"), kNone,
     MetricView::PrecisionRecallCurves},
    {"confusion_matrix", OFICINA_TR_NOOP("Confusion matrix"), kNone, MetricView::ConfusionMatrix},
    {"per_class", OFICINA_TR_NOOP("Per class"), kNone, MetricView::Table},
    {"precision", OFICINA_TR_NOOP("Precision")},
    {"recall", OFICINA_TR_NOOP("Recall")},
    {"f1", OFICINA_TR_NOOP("F1")},
    {"support", OFICINA_TR_NOOP("Support")},
    {"fpr", OFICINA_TR_NOOP("False positive rate")},
    {"tpr", OFICINA_TR_NOOP("True positive rate")},
    {"threshold", OFICINA_TR_NOOP("Threshold")},
    // Regression
    {"r2", OFICINA_TR_NOOP("R²"), kHigher},
    {"mae", OFICINA_TR_NOOP("Mean absolute error"), kLower},
    {"mse", OFICINA_TR_NOOP("Mean squared error"), kLower},
    {"rmse", OFICINA_TR_NOOP("Root mean squared error"), kLower},
    {"residuals", OFICINA_TR_NOOP("Residuals"), kNone, MetricView::Residuals},
    {"actual", OFICINA_TR_NOOP("Actual")},
    {"predicted", OFICINA_TR_NOOP("Predicted")},
    {"residual", OFICINA_TR_NOOP("Residual")},
    // Clustering
    {"n_clusters", OFICINA_TR_NOOP("Clusters")},
    {"noise", OFICINA_TR_NOOP("Noise points")},
    {"silhouette", OFICINA_TR_NOOP("Silhouette"), kHigher},
    {"davies_bouldin", OFICINA_TR_NOOP("Davies–Bouldin index"), kLower},
    {"calinski_harabasz", OFICINA_TR_NOOP("Calinski–Harabasz index"), kHigher},
    {"ari", OFICINA_TR_NOOP("Adjusted Rand index"), kHigher},
    {"nmi", OFICINA_TR_NOOP("Normalized mutual information"), kHigher},
    {"inertia", OFICINA_TR_NOOP("Inertia"), kLower},
    {"suggested_k", OFICINA_TR_NOOP("Suggested k")},
    {"suggested_eps", OFICINA_TR_NOOP("Suggested eps")},
    {"k_scores", OFICINA_TR_NOOP("Scores by number of clusters"), kNone, MetricView::KScores},
    {"k_distance", OFICINA_TR_NOOP("Sorted k-distance"), kNone, MetricView::KDistance},
    {"merge_tree", OFICINA_TR_NOOP("Merge tree"), kNone, MetricView::Dendrogram},
    {"left", OFICINA_TR_NOOP("Left")},
    {"right", OFICINA_TR_NOOP("Right")},
    {"distance", OFICINA_TR_NOOP("Distance")},
    {"size", OFICINA_TR_NOOP("Size")},
    {"rank", OFICINA_TR_NOOP("Rank")},
    // PCA
    {"explained_variance", OFICINA_TR_NOOP("Explained variance"), kNone, MetricView::VarianceBars},
    {"variance", OFICINA_TR_NOOP("Variance")},
    {"ratio", OFICINA_TR_NOOP("Share of variance")},
    {"cumulative", OFICINA_TR_NOOP("Cumulative share")},
    // Feature selection
    {"feature_scores", OFICINA_TR_NOOP("Feature scores"), kNone, MetricView::Table},
    // Cross-validation, model comparison, learning curve
    {"folds", OFICINA_TR_NOOP("Folds"), kNone, MetricView::ScoreBars},
    {"comparison", OFICINA_TR_NOOP("Model comparison"), kNone, MetricView::ScoreBars},
    {"learning_curve", OFICINA_TR_NOOP("Learning curve"), kNone, MetricView::LearningCurve},
    {"train_size", OFICINA_TR_NOOP("Training rows")},
    {"train_mean", OFICINA_TR_NOOP("Training score (mean)"), kHigher},
    {"train_std", OFICINA_TR_NOOP("Training score (std)")},
    {"test_mean", OFICINA_TR_NOOP("Validation score (mean)"), kHigher},
    {"test_std", OFICINA_TR_NOOP("Validation score (std)")},
    // Validation curve, clusters vs classes
    {"validation_curve", OFICINA_TR_NOOP("Validation curve"), kNone, MetricView::ValidationCurve},
    {"max_depth", OFICINA_TR_NOOP("Tree depth (max_depth)")},
    {"degree", OFICINA_TR_NOOP("Polynomial degree (degree)")},
    {"best_value", OFICINA_TR_NOOP("Best value (validation)")},
    {"contingency", OFICINA_TR_NOOP("Clusters × classes"), kNone, MetricView::Table},
    {"cluster_class_points", OFICINA_TR_NOOP("Clusters vs classes"), kNone,
     MetricView::ClustersVsClasses},
    // Gates: rows are rules, value and baseline the metric's, bound what it was compared with
    {"gates", OFICINA_TR_NOOP("Gates"), kNone, MetricView::Gates},
    {"gates_passed", OFICINA_TR_NOOP("Gates passed"), kHigher},
    {"gates_failed", OFICINA_TR_NOOP("Gates failed"), kLower},
    {"passed", OFICINA_TR_NOOP("Passed"), kHigher},
    {"value", OFICINA_TR_NOOP("Value")},
    {"baseline", OFICINA_TR_NOOP("Baseline")},
    {"bound", OFICINA_TR_NOOP("Bound")},
    // Drift check: a row per column
    {"drift_by_column", OFICINA_TR_NOOP("Drift by column"), kNone, MetricView::Table},
    {"drifted_columns", OFICINA_TR_NOOP("Columns that drifted"), kLower},
    {"columns_compared", OFICINA_TR_NOOP("Columns compared")},
    {"max_psi", OFICINA_TR_NOOP("Largest PSI"), kLower},
    {"statistic", OFICINA_TR_NOOP("Statistic")},
    {"p_value", OFICINA_TR_NOOP("p-value")},
    {"drifted", OFICINA_TR_NOOP("Drift (1 = yes)")},
    {"psi", OFICINA_TR_NOOP("PSI")},
    // What a model reports about its own training
    {"loss", OFICINA_TR_NOOP("Loss"), kLower},
    {"val_loss", OFICINA_TR_NOOP("Validation loss"), kLower},
    {"val_accuracy", OFICINA_TR_NOOP("Validation accuracy"), kHigher},
    {"batch_loss", OFICINA_TR_NOOP("Loss per batch"), kLower},
    {"val_r2", OFICINA_TR_NOOP("Validation R²"), kHigher},
    {"lr", OFICINA_TR_NOOP("Learning rate")},
    {"iterations", OFICINA_TR_NOOP("Iterations")},
    {"epochs", OFICINA_TR_NOOP("Epochs")},
    {"file_size_kb", OFICINA_TR_NOOP("File size (KB)"), kNone, MetricView::Number, "KB"},
    {"graph_nodes", OFICINA_TR_NOOP("Graph nodes")},
    {"graph_inputs", OFICINA_TR_NOOP("Graph inputs")},
    {"best_epoch", OFICINA_TR_NOOP("Best epoch")},
    {"dual_gap", OFICINA_TR_NOOP("Duality gap")},
    {"support_vectors", OFICINA_TR_NOOP("Support vectors")},
    {"gamma", OFICINA_TR_NOOP("Gamma")},
    {"trees", OFICINA_TR_NOOP("Trees")},
    {"oob_score", OFICINA_TR_NOOP("Out-of-bag score"), kHigher},
    {"depth", OFICINA_TR_NOOP("Depth")},
    {"leaves", OFICINA_TR_NOOP("Leaves")},
    {"nodes", OFICINA_TR_NOOP("Nodes")},
};

} // namespace

const MetricInfo* findMetric(std::string_view key) {
    for (const MetricInfo& info : kMetrics) {
        const bool family = info.key.ends_with(':');
        if (family ? key.starts_with(info.key) : key == info.key) return &info;
    }
    return nullptr;
}

std::span<const MetricInfo> allMetrics() { return kMetrics; }

MatrixKind matrixKind(std::string_view name) {
    const MetricInfo* info = findMetric(name);
    if (!info) return MatrixKind::Table;
    switch (info->view) {
    case MetricView::Number:
    case MetricView::Table:
    case MetricView::ConfusionMatrix:
    case MetricView::ScoreBars:
    case MetricView::Gates: return MatrixKind::Table;
    default: return MatrixKind::Points;
    }
}

} // namespace oficina::core
