#include "runs/RunDetails.h"

#include "runs/RunCompareView.h"
#include "runs/RunsTableModel.h"
#include "track/RunStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace oficina::ui {

namespace {

struct RunDetails {
    Q_DECLARE_TR_FUNCTIONS(RunDetails)
};

QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

QString row(const QString& label, const QString& value) {
    return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value);
}

QString time(int64_t ms) {
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

} // namespace

QString runDetailsHtml(const core::track::RunRecord& run) {
    using core::track::RunStatus;
    QString html;
    html += QStringLiteral("<p><b>%1</b> <span style='color:%2'>%3</span></p>")
                .arg(RunDetails::tr("Run #%1").arg(run.number),
                     RunsTableModel::statusColor(run.status).name(),
                     RunsTableModel::statusText(run.status).toHtmlEscaped());
    if (run.status == RunStatus::Failed)
        html += QStringLiteral("<p>%1</p>")
                    .arg(RunDetails::tr("Failed at node %1: %2")
                             .arg(esc(run.failedNode), esc(run.message)));
    else if (run.status == RunStatus::Crashed)
        html += QStringLiteral("<p>%1</p>")
                    .arg(RunDetails::tr("The program recording this run ended before the run "
                                        "did (it crashed or was killed)."));
    html += QStringLiteral("<p>%1</p>")
                .arg(run.reproducibility == "last_bits"
                         ? lastBitsNote().toHtmlEscaped()
                         : RunDetails::tr("A re-run on the same data gives the same numbers.")
                               .toHtmlEscaped());
    html += QStringLiteral("<table>");
    html += row(
        RunDetails::tr("Pipeline:"),
        run.pipelinePath.empty()
            ? RunDetails::tr("unsaved (%1)").arg(esc(run.experiment))
            : QDir::toNativeSeparators(QString::fromStdString(run.pipelinePath)).toHtmlEscaped());
    html += row(RunDetails::tr("Started:"), time(run.startMs));
    if (run.endMs > 0 && run.status != RunStatus::Crashed)
        html += row(RunDetails::tr("Took:"), RunsTableModel::durationText(run.endMs - run.startMs));
    html += row(RunDetails::tr("From:"),
                run.source == "cli" ? RunDetails::tr("oficina-cli") : RunDetails::tr("the editor"));
    if (!run.overrides.empty()) {
        QStringList sets;
        for (const auto& set : run.overrides)
            sets << esc(set);
        html += row(RunDetails::tr("Overrides:"), sets.join(QStringLiteral("<br>")));
    }
    if (!run.tags.empty())
        html += row(RunDetails::tr("Tags:"), RunsTableModel::tagsText(run.tags).toHtmlEscaped());
    if (!run.note.empty())
        html += row(RunDetails::tr("Note:"), esc(run.note).replace('\n', QStringLiteral("<br>")));
    html += row(RunDetails::tr("Id:"), esc(run.id));
    html += QStringLiteral("</table>");

    if (!run.inputs.empty()) {
        html += QStringLiteral("<p><b>%1</b></p><table>").arg(RunDetails::tr("Data files"));
        for (const auto& input : run.inputs) {
            const QString shape =
                input.rows || input.columns
                    ? RunDetails::tr("%1 rows × %2 columns").arg(input.rows).arg(input.columns)
                    : QString();
            html += QStringLiteral("<tr><td style='padding-right:12px'>%1</td><td>%2</td>"
                                   "<td style='padding-left:12px'><tt>%3</tt></td></tr>")
                        .arg(QDir::toNativeSeparators(QString::fromStdString(input.path))
                                 .toHtmlEscaped(),
                             shape.toHtmlEscaped(), esc(input.sha256.substr(0, 16)));
        }
        html += QStringLiteral("</table>");
    }
    if (!run.artifacts.empty()) {
        QStringList names;
        for (const auto& artifact : run.artifacts)
            names << QStringLiteral("%1 <i>(%2)</i>").arg(esc(artifact.name), esc(artifact.kind));
        html += QStringLiteral("<p><b>%1</b><br>%2</p>")
                    .arg(RunDetails::tr("Artifacts"), names.join(QStringLiteral("<br>")));
    }
    if (!run.versions.empty()) {
        QStringList versions;
        for (const auto& [name, version] : run.versions)
            versions << QStringLiteral("%1 %2").arg(esc(name), esc(version));
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(RunDetails::tr("Versions:"), versions.join(QStringLiteral(", ")));
    }
    return html;
}

} // namespace oficina::ui
