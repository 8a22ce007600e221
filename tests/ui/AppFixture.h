// What the UI tests set up the way the app does: the share folder the build installs and the
// built-in nodes with its datasets, in a fresh profile. Test-only.
#pragma once

#include "nodes/Nodes.h"
#include "pipeline/NodeRegistry.h"

#include <QStandardPaths>
#include <QString>

/// The share folder installed beside the test programs: examples, datasets, translations.
inline QString installedShare() { return QStringLiteral(OFICINA_BIN_DIR "/../share/oficina"); }

/// A fresh profile (QStandardPaths' test mode keeps settings and recovery files out of $HOME)
/// and the built-in nodes with the installed datasets, as the app registers them.
inline void setUpAppForTest(oficina::core::NodeRegistry& registry) {
    QStandardPaths::setTestModeEnabled(true);
    oficina::core::registerBuiltinNodes(
        registry, {.datasetDirectory = (installedShare() + "/datasets").toStdString()});
}
