#pragma once

#include <QString>

#include <string>

namespace oficina::ui {

/// The translated, human name of a metric key as core writes it (scalars "balanced_accuracy",
/// "f1_macro_mean"; matrices "per_class", "pr:setosa"; their columns "fpr", "test_mean"; live
/// series "val_loss"), e.g. "Balanced accuracy", "F1 (macro), mean". Core's keys stay as they
/// are in files and on the command line; only what the user reads changes. An unknown key is
/// returned as it is. UI thread (uses the installed translators).
QString metricDisplayName(const std::string& key);

} // namespace oficina::ui
