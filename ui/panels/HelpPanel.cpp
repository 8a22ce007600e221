#include "panels/HelpPanel.h"

#include "Translate.h"
#include "nodes/Concepts.h"
#include "pipeline/NodeRegistry.h"

#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace oficina::ui {

namespace {

QString html(const char* coreText) {
    return trCore(coreText).toHtmlEscaped();
}

QString portTypeName(core::PortType type) {
    switch (type) {
    case core::PortType::Table:
        return HelpPanel::tr("table");
    case core::PortType::Model:
        return HelpPanel::tr("model");
    case core::PortType::Metrics:
        return HelpPanel::tr("metrics");
    }
    return {};
}

QString portList(const std::vector<core::PortSpec>& ports) {
    QStringList items;
    for (const core::PortSpec& port : ports) {
        const QString label = *port.label ? html(port.label) : QString::fromStdString(port.name);
        QString item = HelpPanel::tr("%1 (%2)").arg(label, portTypeName(port.type));
        if (port.optional) item += ", " + HelpPanel::tr("optional");
        items << item;
    }
    return items.join("; ");
}

QString heading(const QString& text) {
    return "<h3>" + text.toHtmlEscaped() + "</h3>";
}

} // namespace

HelpPanel::HelpPanel(const core::NodeRegistry& registry, QWidget* parent)
    : QWidget(parent), m_registry(registry) {
    m_browser = new QTextBrowser(this);
    m_browser->setOpenLinks(false); // our links change the page; none leaves the app
    m_browser->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &HelpPanel::openLink);
    showOverview();
}

QString HelpPanel::plainText() const {
    return m_browser->toPlainText();
}

void HelpPanel::openLink(const QUrl& url) {
    if (url.scheme() == kConceptScheme)
        showConcept(url.path());
    else if (url.scheme() == kNodeScheme)
        showNodeType(url.path());
}

QString HelpPanel::conceptLinks(const std::vector<std::string>& ids) const {
    QStringList links;
    for (const std::string& id : ids)
        if (const core::Concept* c = core::findConcept(id))
            links << QStringLiteral("<a href=\"%1:%2\">%3</a>")
                         .arg(kConceptScheme, QString::fromStdString(id), html(c->title));
    return links.join(" · ");
}

void HelpPanel::showOverview() {
    m_type.clear();
    m_concept.clear();
    std::vector<std::string> ids;
    for (const core::Concept& c : core::concepts())
        ids.emplace_back(c.id);
    m_browser->setHtml(
        heading(tr("Node help")) + "<p>" +
        tr("Select a node on the canvas, or point at one in the palette, to read what it does, "
           "when to use it and what its parameters mean. Press F1 to bring this panel back.")
            .toHtmlEscaped() +
        "</p>" + heading(tr("Concepts")) + "<p>" + conceptLinks(ids) + "</p>");
}

void HelpPanel::showNodeType(const QString& type) {
    const core::NodeSpec* spec = m_registry.find(type.toStdString());
    if (!spec) {
        showOverview();
        return;
    }
    m_type = type;
    m_concept.clear();
    QString page = "<h2>" + html(spec->title) + "</h2><p>" + html(spec->help) + "</p>";
    if (*spec->whenToUse)
        page += heading(tr("When to use it")) + "<p>" + html(spec->whenToUse) + "</p>";
    if (!spec->inputs.empty() || !spec->outputs.empty()) {
        page += heading(tr("Ports"));
        if (!spec->inputs.empty())
            page += "<p><b>" + tr("Inputs:").toHtmlEscaped() + "</b> " + portList(spec->inputs) +
                    "</p>";
        if (!spec->outputs.empty())
            page += "<p><b>" + tr("Outputs:").toHtmlEscaped() + "</b> " + portList(spec->outputs) +
                    "</p>";
    }
    if (!spec->params.empty()) {
        page += heading(tr("Parameters")) + "<ul>";
        for (const core::Parameter& p : spec->params)
            page += "<li><b>" + html(p.label) + "</b>: " + html(p.help) + "</li>";
        page += "</ul>";
    }
    if (!spec->concepts.empty())
        page += heading(tr("Concepts")) + "<p>" + conceptLinks(spec->concepts) + "</p>";
    m_browser->setHtml(page);
}

void HelpPanel::showConcept(const QString& id) {
    const core::Concept* c = core::findConcept(id.toStdString());
    if (!c) {
        showOverview();
        return;
    }
    m_concept = id;
    const QString back = m_type; // the node the reader came from, if any
    m_type.clear();
    QString page = "<h2>" + html(c->title) + "</h2><p>" + html(c->text) + "</p>";
    std::vector<std::pair<QString, QString>> nodes; // title, type: alphabetical in the language
    for (const core::NodeSpec& spec : m_registry.all())
        if (std::find(spec.concepts.begin(), spec.concepts.end(), c->id) != spec.concepts.end())
            nodes.emplace_back(trCore(spec.title), QString::fromStdString(spec.type));
    std::sort(nodes.begin(), nodes.end(),
              [](const auto& a, const auto& b) { return a.first.localeAwareCompare(b.first) < 0; });
    QStringList links;
    for (const auto& [title, type] : nodes)
        links << QStringLiteral("<a href=\"%1:%2\">%3</a>")
                     .arg(kNodeScheme, type, title.toHtmlEscaped());
    if (!links.isEmpty()) page += heading(tr("Nodes")) + "<p>" + links.join(" · ") + "</p>";
    if (!back.isEmpty())
        page += QStringLiteral("<p><a href=\"%1:%2\">%3</a></p>")
                    .arg(kNodeScheme, back,
                         tr("← Back to %1").arg(html(m_registry.find(back.toStdString())->title)));
    m_browser->setHtml(page);
}

} // namespace oficina::ui
