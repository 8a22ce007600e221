#include "charts/MetricNames.h"

#include <QCoreApplication>

#include <string_view>

namespace oficina::ui {

namespace {

struct MetricNames {
    Q_DECLARE_TR_FUNCTIONS(MetricNames)
};

struct Name {
    std::string_view key;
    const char* text;
};

// Every key core/eval and core/nodes can write: scalars, matrices, matrix columns, live series.
// Marked here and translated in metricDisplayName(), so one table serves every view.
constexpr Name kNames[] = {
    // Classification
    {"accuracy", QT_TRANSLATE_NOOP("MetricNames", "Accuracy")},
    {"balanced_accuracy", QT_TRANSLATE_NOOP("MetricNames", "Balanced accuracy")},
    {"precision_macro", QT_TRANSLATE_NOOP("MetricNames", "Precision (macro)")},
    {"recall_macro", QT_TRANSLATE_NOOP("MetricNames", "Recall (macro)")},
    {"f1_macro", QT_TRANSLATE_NOOP("MetricNames", "F1 (macro)")},
    {"precision_weighted", QT_TRANSLATE_NOOP("MetricNames", "Precision (weighted)")},
    {"recall_weighted", QT_TRANSLATE_NOOP("MetricNames", "Recall (weighted)")},
    {"f1_weighted", QT_TRANSLATE_NOOP("MetricNames", "F1 (weighted)")},
    {"log_loss", QT_TRANSLATE_NOOP("MetricNames", "Log loss")},
    {"roc_auc", QT_TRANSLATE_NOOP("MetricNames", "ROC AUC")},
    {"average_precision", QT_TRANSLATE_NOOP("MetricNames", "Average precision")},
    {"roc_auc_ovr", QT_TRANSLATE_NOOP("MetricNames", "ROC AUC (one-vs-rest, macro)")},
    {"confusion_matrix", QT_TRANSLATE_NOOP("MetricNames", "Confusion matrix")},
    {"per_class", QT_TRANSLATE_NOOP("MetricNames", "Per class")},
    {"precision", QT_TRANSLATE_NOOP("MetricNames", "Precision")},
    {"recall", QT_TRANSLATE_NOOP("MetricNames", "Recall")},
    {"f1", QT_TRANSLATE_NOOP("MetricNames", "F1")},
    {"support", QT_TRANSLATE_NOOP("MetricNames", "Support")},
    {"fpr", QT_TRANSLATE_NOOP("MetricNames", "False positive rate")},
    {"tpr", QT_TRANSLATE_NOOP("MetricNames", "True positive rate")},
    {"threshold", QT_TRANSLATE_NOOP("MetricNames", "Threshold")},
    // Regression
    {"r2", QT_TRANSLATE_NOOP("MetricNames", "R²")},
    {"mae", QT_TRANSLATE_NOOP("MetricNames", "Mean absolute error")},
    {"mse", QT_TRANSLATE_NOOP("MetricNames", "Mean squared error")},
    {"rmse", QT_TRANSLATE_NOOP("MetricNames", "Root mean squared error")},
    {"residuals", QT_TRANSLATE_NOOP("MetricNames", "Residuals")},
    {"actual", QT_TRANSLATE_NOOP("MetricNames", "Actual")},
    {"predicted", QT_TRANSLATE_NOOP("MetricNames", "Predicted")},
    {"residual", QT_TRANSLATE_NOOP("MetricNames", "Residual")},
    // Clustering
    {"n_clusters", QT_TRANSLATE_NOOP("MetricNames", "Clusters")},
    {"noise", QT_TRANSLATE_NOOP("MetricNames", "Noise points")},
    {"silhouette", QT_TRANSLATE_NOOP("MetricNames", "Silhouette")},
    {"davies_bouldin", QT_TRANSLATE_NOOP("MetricNames", "Davies–Bouldin index")},
    {"calinski_harabasz", QT_TRANSLATE_NOOP("MetricNames", "Calinski–Harabasz index")},
    {"ari", QT_TRANSLATE_NOOP("MetricNames", "Adjusted Rand index")},
    {"nmi", QT_TRANSLATE_NOOP("MetricNames", "Normalized mutual information")},
    {"inertia", QT_TRANSLATE_NOOP("MetricNames", "Inertia")},
    {"suggested_k", QT_TRANSLATE_NOOP("MetricNames", "Suggested k")},
    {"suggested_eps", QT_TRANSLATE_NOOP("MetricNames", "Suggested eps")},
    {"k_scores", QT_TRANSLATE_NOOP("MetricNames", "Scores by number of clusters")},
    {"k_distance", QT_TRANSLATE_NOOP("MetricNames", "Sorted k-distance")},
    {"merge_tree", QT_TRANSLATE_NOOP("MetricNames", "Merge tree")},
    {"left", QT_TRANSLATE_NOOP("MetricNames", "Left")},
    {"right", QT_TRANSLATE_NOOP("MetricNames", "Right")},
    {"distance", QT_TRANSLATE_NOOP("MetricNames", "Distance")},
    {"size", QT_TRANSLATE_NOOP("MetricNames", "Size")},
    {"rank", QT_TRANSLATE_NOOP("MetricNames", "Rank")},
    // PCA
    {"explained_variance", QT_TRANSLATE_NOOP("MetricNames", "Explained variance")},
    {"variance", QT_TRANSLATE_NOOP("MetricNames", "Variance")},
    {"ratio", QT_TRANSLATE_NOOP("MetricNames", "Share of variance")},
    {"cumulative", QT_TRANSLATE_NOOP("MetricNames", "Cumulative share")},
    // Cross-validation, model comparison, learning curve
    {"folds", QT_TRANSLATE_NOOP("MetricNames", "Folds")},
    {"comparison", QT_TRANSLATE_NOOP("MetricNames", "Model comparison")},
    {"learning_curve", QT_TRANSLATE_NOOP("MetricNames", "Learning curve")},
    {"train_size", QT_TRANSLATE_NOOP("MetricNames", "Training rows")},
    {"train_mean", QT_TRANSLATE_NOOP("MetricNames", "Training score (mean)")},
    {"train_std", QT_TRANSLATE_NOOP("MetricNames", "Training score (std)")},
    {"test_mean", QT_TRANSLATE_NOOP("MetricNames", "Validation score (mean)")},
    {"test_std", QT_TRANSLATE_NOOP("MetricNames", "Validation score (std)")},
    // Validation curve, clusters vs classes
    {"validation_curve", QT_TRANSLATE_NOOP("MetricNames", "Validation curve")},
    {"max_depth", QT_TRANSLATE_NOOP("MetricNames", "Tree depth (max_depth)")},
    {"degree", QT_TRANSLATE_NOOP("MetricNames", "Polynomial degree")},
    {"best_value", QT_TRANSLATE_NOOP("MetricNames", "Best value (validation)")},
    {"contingency", QT_TRANSLATE_NOOP("MetricNames", "Clusters × classes")},
    {"cluster_class_points", QT_TRANSLATE_NOOP("MetricNames", "Clusters vs classes")},
    // What a model reports about its own training
    {"loss", QT_TRANSLATE_NOOP("MetricNames", "Loss")},
    {"val_loss", QT_TRANSLATE_NOOP("MetricNames", "Validation loss")},
    {"val_accuracy", QT_TRANSLATE_NOOP("MetricNames", "Validation accuracy")},
    {"batch_loss", QT_TRANSLATE_NOOP("MetricNames", "Loss per batch")},
    {"val_r2", QT_TRANSLATE_NOOP("MetricNames", "Validation R²")},
    {"lr", QT_TRANSLATE_NOOP("MetricNames", "Learning rate")},
    {"iterations", QT_TRANSLATE_NOOP("MetricNames", "Iterations")},
    {"epochs", QT_TRANSLATE_NOOP("MetricNames", "Epochs")},
    {"file_size_kb", QT_TRANSLATE_NOOP("MetricNames", "File size (KB)")},
    {"graph_nodes", QT_TRANSLATE_NOOP("MetricNames", "Graph nodes")},
    {"graph_inputs", QT_TRANSLATE_NOOP("MetricNames", "Graph inputs")},
    {"best_epoch", QT_TRANSLATE_NOOP("MetricNames", "Best epoch")},
    {"dual_gap", QT_TRANSLATE_NOOP("MetricNames", "Duality gap")},
    {"support_vectors", QT_TRANSLATE_NOOP("MetricNames", "Support vectors")},
    {"gamma", QT_TRANSLATE_NOOP("MetricNames", "Gamma")},
    {"trees", QT_TRANSLATE_NOOP("MetricNames", "Trees")},
    {"oob_score", QT_TRANSLATE_NOOP("MetricNames", "Out-of-bag score")},
    {"depth", QT_TRANSLATE_NOOP("MetricNames", "Depth")},
    {"leaves", QT_TRANSLATE_NOOP("MetricNames", "Leaves")},
    {"nodes", QT_TRANSLATE_NOOP("MetricNames", "Nodes")},
};

const char* englishName(std::string_view key) {
    for (const Name& n : kNames)
        if (n.key == key) return n.text;
    return nullptr;
}

bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

} // namespace

QString metricDisplayName(const std::string& key) {
    const std::string_view k = key;
    if (const char* text = englishName(k)) return MetricNames::tr(text);
    // Cross-validation summaries: "<metric>_mean", "<metric>_std".
    if (endsWith(k, "_mean"))
        if (const char* text = englishName(k.substr(0, k.size() - 5)))
            return MetricNames::tr("%1, mean").arg(MetricNames::tr(text));
    if (endsWith(k, "_std"))
        if (const char* text = englishName(k.substr(0, k.size() - 4)))
            return MetricNames::tr("%1, std").arg(MetricNames::tr(text));
    // One curve per class: "roc:<label>", "pr:<label>"; the label is data, never translated.
    if (k.starts_with("roc:"))
        return MetricNames::tr("ROC: %1").arg(QString::fromStdString(key.substr(4)));
    if (k.starts_with("pr:"))
        return MetricNames::tr("Precision–recall: %1").arg(QString::fromStdString(key.substr(3)));
    return QString::fromStdString(key);
}

} // namespace oficina::ui
