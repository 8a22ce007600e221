#pragma once

#include <QString>

namespace oficina::core::track {
struct RunRecord;
}

namespace oficina::ui {

/// A run's details as HTML for the Runs panel: status and why it failed, pipeline and source,
/// whether it repeats bit for bit, its data files with their fingerprints, its artifacts and the
/// versions that computed it. UI thread (translated).
QString runDetailsHtml(const core::track::RunRecord& run);

} // namespace oficina::ui
