#pragma once

#include <span>
#include <string_view>

namespace oficina::core {

/// How front ends show a key. Scalars, matrix columns and live series are numbers; each kind
/// of matrix has its view.
enum class MetricView {
    Number,
    Table,
    ConfusionMatrix,
    ScoreBars,
    RocCurves,
    PrecisionRecallCurves,
    Residuals,
    VarianceBars,
    Dendrogram,
    KScores,
    KDistance,
    LearningCurve,
    ValidationCurve,
    ClustersVsClasses,
    Gates, ///< a Gate node's rules, passed or failed (core/nodes/MonitorNodes.cpp)
};

/// Which way a score is better; None for counts, settings and columns.
enum class Direction { None, Higher, Lower };

/// One key that core writes into metrics (a scalar, a matrix, a matrix column or a live
/// series), declared once: the ui's names and views, the CLI's summary, and the run store, gates
/// and drift reports to come read it here. Keys stay as they are in files and on the command
/// line; only what people read is translated.
struct MetricInfo {
    std::string_view key;   ///< "f1_macro"; a family ends in ':' ("roc:" for "roc:setosa")
    const char* label;      ///< English, OFICINA_TR_NOOP; a family's has %1 for the rest
    Direction better = Direction::None;
    MetricView view = MetricView::Number;
    const char* unit = "";  ///< "KB"; "" when the value has no unit
};

/// The declaration of `key`, a family's for "roc:<class>" and "pr:<class>", or null. The
/// cross-validation summaries "<metric>_mean" and "<metric>_std" are declared by their metric.
const MetricInfo* findMetric(std::string_view key);
/// Every declaration, in the order of the table (grouped by task).
std::span<const MetricInfo> allMetrics();

/// A live series measured on validation rows is named after its training series with this
/// prefix ("val_loss" for "loss").
inline constexpr std::string_view kValidationPrefix = "val_";

/// What a metrics matrix holds. Tables are read whole (a confusion matrix, per-class scores,
/// folds, a comparison, a contingency table, feature scores); points are what a chart draws
/// (curves, residuals, projections, a merge tree), often one row per data row or threshold:
/// summaries leave them to the report. Undeclared matrices are tables.
enum class MatrixKind { Table, Points };
MatrixKind matrixKind(std::string_view name);

} // namespace oficina::core
