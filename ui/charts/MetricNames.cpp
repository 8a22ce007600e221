#include "charts/MetricNames.h"

#include "Translate.h"
#include "eval/MetricCatalog.h"

#include <QCoreApplication>

#include <string_view>

namespace oficina::ui {

namespace {

struct MetricNames {
    Q_DECLARE_TR_FUNCTIONS(MetricNames)
};

const core::MetricInfo* exact(std::string_view key) {
    const core::MetricInfo* info = core::findMetric(key);
    return info && !info->key.ends_with(':') ? info : nullptr;
}

} // namespace

QString metricDisplayName(const std::string& key) {
    const std::string_view k = key;
    if (const core::MetricInfo* info = core::findMetric(k)) {
        if (!info->key.ends_with(':')) return trCore(info->label);
        // One curve per class: "roc:<label>"; the label is data, never translated.
        return trCore(info->label).arg(QString::fromStdString(key.substr(info->key.size())));
    }
    // Cross-validation summaries: "<metric>_mean", "<metric>_std".
    if (k.ends_with("_mean"))
        if (const core::MetricInfo* info = exact(k.substr(0, k.size() - 5)))
            return MetricNames::tr("%1, mean").arg(trCore(info->label));
    if (k.ends_with("_std"))
        if (const core::MetricInfo* info = exact(k.substr(0, k.size() - 4)))
            return MetricNames::tr("%1, std").arg(trCore(info->label));
    return QString::fromStdString(key);
}

} // namespace oficina::ui
