#pragma once

#include <QString>

#include <string>

namespace oficina::ui {

/// The translated, human name of a key core writes, from its declaration in
/// core/eval/MetricCatalog.h (scalars "balanced_accuracy", "f1_macro_mean"; matrices
/// "per_class", "pr:setosa"; their columns "fpr", "test_mean"; live series "val_loss"), e.g.
/// "Balanced accuracy", "F1 (macro), mean". An unknown key is returned as it is. UI thread (uses
/// the installed translators).
QString metricDisplayName(const std::string& key);

} // namespace oficina::ui
