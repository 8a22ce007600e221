#include "properties/PropertyPanel.h"

#include "Translate.h"
#include "document/Document.h"
#include "nn/LayerSpec.h"
#include "pipeline/NodeRegistry.h"
#include "properties/ParamEditorFactory.h"
#include "util/Error.h"

#include <QApplication>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollArea>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace oficina::ui {

namespace {

/// The Table input whose columns a column parameter names.
QString columnSource(const core::NodeSpec& spec, const core::Parameter& parameter) {
    if (!parameter.columnsFrom.empty()) return QString::fromStdString(parameter.columnsFrom);
    for (const auto& port : spec.inputs)
        if (port.type == core::PortType::Table) return QString::fromStdString(port.name);
    return {};
}

} // namespace

PropertyPanel::PropertyPanel(Document& document, QWidget* parent)
    : QWidget(parent), m_document(document) {
    // Undo and redo keys pressed in an editor must reach the window's Undo and Redo, which the
    // editors' own text undo would otherwise swallow (see eventFilter).
    qApp->installEventFilter(this);
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("propertyTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_help = new QLabel(this);
    m_help->setObjectName(QStringLiteral("propertyHelp"));
    m_help->setWordWrap(true);
    m_help->setForegroundRole(QPalette::PlaceholderText);
    m_empty = new QLabel(tr("Select a node to edit its parameters."), this);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_title);
    layout->addWidget(m_help);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_empty, 1);

    connect(&m_document, &Document::parameterChanged, this, &PropertyPanel::onParameterChanged);
    connect(&m_document, &Document::nodeRemoved, this, [this](const QString& node) {
        if (node == m_nodeId) showNode({});
    });
    connect(&m_document, &Document::nodeRenamed, this, [this](const QString& node) {
        if (node == m_nodeId) rebuild();
    });
    connect(&m_document, &Document::graphReset, this, [this] {
        showNode(m_document.nodeSpec(m_nodeId) ? m_nodeId : QString());
    });
    showNode({});
}

PropertyPanel::~PropertyPanel() = default;

void PropertyPanel::setColumnLookup(ColumnLookup lookup) {
    m_lookup = std::move(lookup);
    refreshColumns();
}

void PropertyPanel::setFeatureCountLookup(FeatureCountLookup lookup) {
    m_featureLookup = std::move(lookup);
    refreshShapes();
}

void PropertyPanel::showNode(const QString& nodeId) {
    m_nodeId = m_document.nodeSpec(nodeId) ? nodeId : QString();
    rebuild();
}

ParamEditor* PropertyPanel::editor(const std::string& key) const {
    for (ParamEditor* e : m_editors)
        if (e->parameter().key == key) return e;
    return nullptr;
}

QList<QKeySequence> PropertyPanel::redoKeys() {
    return {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)};
}

bool PropertyPanel::isUndoOrRedo(const QKeyEvent& key) {
    if (key.matches(QKeySequence::Undo) || key.matches(QKeySequence::Redo)) return true;
    const QKeySequence pressed(key.keyCombination());
    return redoKeys().contains(pressed);
}

bool PropertyPanel::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::ShortcutOverride) return false;
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget || !isAncestorOf(widget) || !isUndoOrRedo(*static_cast<QKeyEvent*>(event)))
        return false;
    // Leaving the field commits what was typed, as one step of the document's history; the
    // shortcut, not claimed here, then undoes (or redoes) it like any other edit.
    widget->clearFocus();
    event->ignore();
    return true;
}

void PropertyPanel::rebuild() {
    m_editors.clear();
    m_problems.clear();
    if (QWidget* old = m_scroll->takeWidget()) old->deleteLater();
    m_form = nullptr;
    m_formLayout = nullptr;

    const core::NodeSpec* spec = m_document.nodeSpec(m_nodeId);
    const bool shown = spec != nullptr;
    m_title->setVisible(shown);
    m_help->setVisible(shown && spec->help && *spec->help);
    m_scroll->setVisible(shown);
    m_empty->setVisible(!shown);
    if (!shown) return;

    const core::Node& node = *m_document.graph().node(m_nodeId.toStdString());
    const QString typeTitle = trCore(spec->title);
    const QString name = node.title.empty() ? typeTitle : QString::fromStdString(node.title);
    m_title->setText(name == typeTitle ? tr("%1 (%2)").arg(name, m_nodeId)
                                       : tr("%1 — %2 (%3)").arg(name, typeTitle, m_nodeId));
    m_help->setText(trCore(spec->help));

    m_form = new QWidget;
    // The rows keep their natural height; spare room goes below them, not between them.
    auto* outer = new QVBoxLayout(m_form);
    m_formLayout = new QFormLayout;
    outer->addLayout(m_formLayout);
    outer->addStretch(1);
    m_formLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_formLayout->setRowWrapPolicy(QFormLayout::WrapLongRows);
    if (spec->params.empty()) {
        auto* none = new QLabel(tr("This node has no parameters."), m_form);
        none->setForegroundRole(QPalette::PlaceholderText);
        m_formLayout->addRow(none);
    }
    for (const core::Parameter& parameter : spec->params) {
        ParamEditor* editor = ParamEditorFactory::create(parameter, m_form);
        if (node.params.contains(parameter.key)) editor->setValue(node.params.at(parameter.key));
        auto* label = new QLabel(trCore(parameter.label), m_form);
        label->setToolTip(trCore(parameter.help));
        label->setBuddy(editor);
        // The problem line sits under its editor in one field, so a hidden one takes no space.
        auto* field = new QWidget(m_form);
        auto* fieldLayout = new QVBoxLayout(field);
        fieldLayout->setContentsMargins(0, 0, 0, 0);
        fieldLayout->setSpacing(2);
        editor->setParent(field);
        auto* problem = new QLabel(field);
        problem->setObjectName(QStringLiteral("problem_%1").arg(parameter.key.c_str()));
        problem->setWordWrap(true);
        QPalette red = problem->palette();
        red.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
        problem->setPalette(red);
        fieldLayout->addWidget(editor);
        if (*parameter.whenEmpty) {
            auto* whenEmpty = new QLabel(trCore(parameter.whenEmpty), field);
            whenEmpty->setObjectName(QStringLiteral("whenEmpty_%1").arg(parameter.key.c_str()));
            whenEmpty->setWordWrap(true);
            whenEmpty->setForegroundRole(QPalette::PlaceholderText);
            fieldLayout->addWidget(whenEmpty);
        }
        fieldLayout->addWidget(problem);
        if (parameter.kind == core::ParamKind::Layers) {  // a table: the dock's full width
            m_formLayout->addRow(label);
            m_formLayout->addRow(field);
        } else {
            m_formLayout->addRow(label, field);
        }
        m_editors.push_back(editor);
        m_problems.push_back(problem);
        connect(editor, &ParamEditor::edited, this,
                [this, editor] { edit(editor->parameter(), editor); });
        showProblem(editor);
    }
    m_scroll->setWidget(m_form);
    refreshColumns();
}

QString PropertyPanel::columnValue(const std::string& key) const {
    const core::Node* node = m_document.graph().node(m_nodeId.toStdString());
    if (!node || !node->params.contains(key)) return {};
    const auto* text = std::get_if<std::string>(&node->params.at(key));
    return text ? QString::fromStdString(*text) : QString();
}

void PropertyPanel::refreshColumns() {
    const core::NodeSpec* spec = m_document.nodeSpec(m_nodeId);
    if (!spec) return;
    for (ParamEditor* editor : m_editors) {
        const auto kind = editor->parameter().kind;
        if (kind != core::ParamKind::Column && kind != core::ParamKind::Columns) continue;
        const QString port = columnSource(*spec, editor->parameter());
        editor->setColumns(m_lookup && !port.isEmpty() ? m_lookup(m_nodeId, port)
                                                       : QStringList());
        if (const std::string& excluded = editor->parameter().excludes; !excluded.empty())
            editor->setExcludedColumn(columnValue(excluded));
    }
    refreshShapes();
}

// A layer list starts from the shape its shapeFrom parameter gives, or from a flat row of the
// input's features; without shapeFrom (a head after a backbone) the start is unknown here.
void PropertyPanel::refreshShapes() {
    const core::NodeSpec* spec = m_document.nodeSpec(m_nodeId);
    const core::Node* node = spec ? m_document.graph().node(m_nodeId.toStdString()) : nullptr;
    if (!node) return;
    for (ParamEditor* editor : m_editors) {
        const core::Parameter& layers = editor->parameter();
        if (layers.kind != core::ParamKind::Layers) continue;
        const core::Parameter* source = spec->param(layers.shapeFrom);
        if (!source) {
            editor->setInputShape(std::nullopt, {});
            continue;
        }
        const core::Value& v = node->params.contains(source->key) ? node->params.at(source->key)
                                                                  : source->defaultValue;
        const auto* text = std::get_if<std::string>(&v);
        std::optional<core::nn::Shape> shape;
        QString problem;
        try {
            shape = core::nn::parseShape(text ? *text : std::string());
        } catch (const core::Error& e) {
            problem = trMessage(e.message());
        }
        if (!shape && problem.isEmpty() && m_featureLookup) {
            const QString port = columnSource(*spec, core::Parameter{});
            const std::optional<int> features =
                port.isEmpty() ? std::nullopt : m_featureLookup(m_nodeId, port);
            if (features && *features > 0) shape = core::nn::Shape{*features};
        }
        editor->setInputShape(shape, problem);
    }
}

void PropertyPanel::edit(const core::Parameter& parameter, const ParamEditor* editor) {
    // Even a rejected value is stored: the graph's validation keeps the node from running and
    // the user sees why here, instead of an edit that silently does nothing.
    core::Value value = editor->value();
    const QString step = editor->editText();
    const core::Node* node = m_document.graph().node(m_nodeId.toStdString());
    const bool changes = node && (!node->params.contains(parameter.key) ||
                                  node->params.at(parameter.key) != value);
    if (step.isEmpty() || !changes) {
        m_document.setParameter(m_nodeId, parameter.key, std::move(value));
    } else {
        // A macro of one command: the document merges consecutive edits of one parameter, but
        // not into a macro, so a layer added, moved or changed is undone on its own.
        QUndoStack* stack = m_document.undoStack();
        stack->beginMacro(tr("%1 — %2").arg(step, m_document.nodeTitle(m_nodeId)));
        m_document.setParameter(m_nodeId, parameter.key, std::move(value));
        stack->endMacro();
    }
    showProblem(editor);
}

void PropertyPanel::showProblem(const ParamEditor* editor) {
    for (size_t i = 0; i < m_editors.size(); ++i) {
        if (m_editors[i] != editor) continue;
        const auto problem = editor->parameter().rejects(editor->value());
        m_problems[i]->setText(problem ? trMessage(*problem) : QString());
        m_problems[i]->setVisible(problem.has_value());
    }
}

void PropertyPanel::onParameterChanged(const QString& node, const QString& key) {
    if (node != m_nodeId) return;
    const core::Node* n = m_document.graph().node(node.toStdString());
    ParamEditor* e = editor(key.toStdString());
    if (!n || !e) return;
    const auto it = n->params.all().find(key.toStdString());
    e->setValue(it != n->params.all().end() ? it->second : e->parameter().defaultValue);
    showProblem(e);
    for (ParamEditor* editor : m_editors)
        if (editor->parameter().excludes == key.toStdString())
            editor->setExcludedColumn(columnValue(key.toStdString()));
    if (std::any_of(m_editors.begin(), m_editors.end(), [&](ParamEditor* editor) {
            return editor->parameter().shapeFrom == key.toStdString();
        }))
        refreshShapes();
}

} // namespace oficina::ui
