#include "properties/LayersEditor.h"

#include "Translate.h"
#include "util/Error.h"
#include "util/Message.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace oficina::ui {

namespace {

namespace nn = core::nn;

enum Column { Number, Kind, Settings, Output, ColumnCount };

const QColor kProblemColor(0xc0, 0x1c, 0x28);

/// A core Message whose arguments may themselves be marked strings ("channels × height ×
/// width", "add a Flatten layer before it"): template and arguments translated.
QString trMessageWithArgs(const core::Message& message) {
    std::vector<std::string> args;
    for (const std::string& arg : message.args()) args.push_back(trCore(arg).toStdString());
    return QString::fromStdString(
        core::substituteArgs(trCore(message.textTemplate()).toStdString(), args));
}

bool isConv(nn::LayerKind kind) {
    return kind == nn::LayerKind::Conv1d || kind == nn::LayerKind::Conv2d;
}

/// ", stride 2, pad 1" where they differ from what the layer does by default.
QString windowExtras(const nn::LayerSpec& l) {
    QString text;
    const bool defaultStride = l.stride == 0 || (isConv(l.kind) ? l.stride == 1
                                                                 : l.stride == l.kernel);
    if (!defaultStride) text += LayersEditor::tr(", stride %1").arg(l.stride);
    if (l.padding > 0) text += LayersEditor::tr(", pad %1").arg(l.padding);
    return text;
}

/// The settings of a layer in a few words: "64 units", "16 ch, 3×3".
QString summary(const nn::LayerSpec& l) {
    const QString square = QStringLiteral("%1×%1").arg(l.kernel);
    switch (l.kind) {
    case nn::LayerKind::Dense: return LayersEditor::tr("%1 units").arg(l.units);
    case nn::LayerKind::Conv1d:
        return LayersEditor::tr("%1 ch, %2").arg(l.units).arg(l.kernel) + windowExtras(l);
    case nn::LayerKind::Conv2d:
        return LayersEditor::tr("%1 ch, %2").arg(l.units).arg(square) + windowExtras(l);
    case nn::LayerKind::MaxPool1d:
    case nn::LayerKind::AvgPool1d: return QString::number(l.kernel) + windowExtras(l);
    case nn::LayerKind::MaxPool2d:
    case nn::LayerKind::AvgPool2d: return square + windowExtras(l);
    case nn::LayerKind::Dropout:
        return LayersEditor::tr("rate %1").arg(QLocale().toString(l.rate, 'g', 3));
    case nn::LayerKind::Rnn:
    case nn::LayerKind::Gru:
    case nn::LayerKind::Lstm: {
        QString text = LayersEditor::tr("%1 units").arg(l.units);
        if (l.layers > 1) text += LayersEditor::tr(", %1 stacked").arg(l.layers);
        if (l.bidirectional) text += LayersEditor::tr(", both ways");
        if (l.sequences) text += LayersEditor::tr(", every step");
        return text;
    }
    case nn::LayerKind::Embedding:
        return LayersEditor::tr("%1 codes → %2").arg(l.vocabulary).arg(l.units);
    default: return {};
    }
}

QToolButton* toolButton(QWidget* parent, const QString& name, const QString& tip) {
    auto* button = new QToolButton(parent);
    button->setObjectName(name);
    button->setToolTip(tip);
    button->setAutoRaise(false);
    return button;
}

} // namespace

LayersEditor::LayersEditor(const core::Parameter& parameter, QWidget* parent)
    : ParamEditor(parameter, parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("layersTable"));
    m_table->setHorizontalHeaderLabels({QStringLiteral("#"), tr("Layer"), tr("Settings"),
                                        tr("Output")});
    m_table->horizontalHeaderItem(Output)->setToolTip(tr("Shape of one sample after the layer"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setMinimumSectionSize(fontMetrics().horizontalAdvance(QStringLiteral("00")) + 8);
    header->setSectionResizeMode(Number, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(Kind, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(Settings, QHeaderView::Stretch);
    header->setSectionResizeMode(Output, QHeaderView::ResizeToContents);
    m_table->setColumnHidden(Output, true);
    m_table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);  // as tall as its rows
    layout->addWidget(m_table);
    setFocusProxy(m_table);
    connect(m_table, &QTableWidget::currentCellChanged, this,
            [this](int row) { setCurrentRow(row); });

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(2);
    m_add = new QPushButton(tr("Add"), this);
    m_add->setObjectName(QStringLiteral("addLayer"));
    m_add->setToolTip(tr("Add a layer after the selected one"));
    auto* menu = new QMenu(m_add);
    menu->setToolTipsVisible(true);
    for (const nn::LayerType& type : nn::layerTypes()) {
        QAction* action = menu->addAction(trCore(type.title));
        action->setData(QString::fromUtf8(type.key));
        action->setToolTip(trCore(type.help));
        const nn::LayerKind kind = type.kind;
        connect(action, &QAction::triggered, this, [this, kind] { addLayer(kind); });
    }
    m_add->setMenu(menu);
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeLayer"));
    m_remove->setToolTip(tr("Remove the selected layer"));
    m_up = toolButton(this, QStringLiteral("moveLayerUp"), tr("Move the selected layer up"));
    m_up->setArrowType(Qt::UpArrow);
    m_down = toolButton(this, QStringLiteral("moveLayerDown"),
                        tr("Move the selected layer down"));
    m_down->setArrowType(Qt::DownArrow);
    connect(m_remove, &QPushButton::clicked, this, &LayersEditor::removeCurrent);
    connect(m_up, &QToolButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveCurrent(+1); });
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    m_shapeLabel = new QLabel(this);
    m_shapeLabel->setObjectName(QStringLiteral("layerShapes"));
    m_shapeLabel->setWordWrap(true);
    layout->addWidget(m_shapeLabel);

    m_formBox = new QGroupBox(this);
    m_formBox->setObjectName(QStringLiteral("layerForm"));
    m_form = new QFormLayout(m_formBox);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setContentsMargins(6, 4, 6, 4);
    m_kind = new QComboBox(m_formBox);
    m_kind->setObjectName(QStringLiteral("layerKind"));
    m_kind->setPlaceholderText(tr("Choose a kind"));
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_kind->setMinimumContentsLength(8);
    for (const nn::LayerType& type : nn::layerTypes()) {
        m_kind->addItem(trCore(type.title), int(type.kind));
        m_kind->setItemData(m_kind->count() - 1, trCore(type.help), Qt::ToolTipRole);
    }
    connect(m_kind, &QComboBox::activated, this, [this](int index) {
        setKind(nn::LayerKind(m_kind->itemData(index).toInt()));
    });
    m_form->addRow(tr("Kind"), m_kind);
    m_rowProblem = new QLabel(m_formBox);
    m_rowProblem->setObjectName(QStringLiteral("layerProblem"));
    m_rowProblem->setWordWrap(true);
    QPalette red = m_rowProblem->palette();
    red.setColor(QPalette::WindowText, kProblemColor);
    m_rowProblem->setPalette(red);
    m_form->addRow(m_rowProblem);
    layout->addWidget(m_formBox);

    refresh();
}

core::Value LayersEditor::value() const { return texts(); }

std::vector<std::string> LayersEditor::texts() const {
    std::vector<std::string> out;
    out.reserve(m_rows.size());
    for (const Row& row : m_rows) out.push_back(row.text);
    return out;
}

void LayersEditor::setValue(const core::Value& value) {
    const auto* layers = std::get_if<std::vector<std::string>>(&value);
    if (!layers) return;
    m_rows.clear();
    for (const std::string& text : *layers) {
        Row row{text, std::nullopt, {}};
        try {
            row.layer = nn::parseLayer(text);
        } catch (const core::Error& e) {
            row.error = trMessageWithArgs(e.message());
        }
        m_rows.push_back(std::move(row));
    }
    if (m_current >= int(m_rows.size())) m_current = int(m_rows.size()) - 1;
    if (m_current < 0 && !m_rows.empty()) m_current = 0;
    refresh();
}

void LayersEditor::setInputShape(const std::optional<std::vector<int64_t>>& shape,
                                 const QString& problem) {
    m_inputShape = shape;
    m_inputShapeProblem = problem;
    refresh();
}

void LayersEditor::setCurrentRow(int row) {
    if (row < -1 || row >= int(m_rows.size()) || row == m_current) return;
    m_current = row;
    refresh();
}

void LayersEditor::commit(std::vector<std::string> layers, int select, const QString& text) {
    m_editText = text;
    m_current = select;
    setValue(layers);
    Q_EMIT edited();
}

void LayersEditor::addLayer(nn::LayerKind kind) {
    std::vector<std::string> layers = texts();
    const int at = m_current < 0 ? int(layers.size()) : m_current + 1;
    layers.insert(layers.begin() + at, nn::formatLayer(nn::defaultLayer(kind)));
    commit(std::move(layers), at, tr("Add a %1 layer").arg(trCore(nn::layerType(kind).title)));
}

void LayersEditor::removeCurrent() {
    if (m_current < 0 || m_current >= int(m_rows.size())) return;
    std::vector<std::string> layers = texts();
    layers.erase(layers.begin() + m_current);
    const int removed = m_current;
    const int select = std::min(removed, int(layers.size()) - 1);
    commit(std::move(layers), select, tr("Remove layer %1").arg(removed + 1));
}

void LayersEditor::moveCurrent(int delta) {
    const int to = m_current + delta;
    if (m_current < 0 || to < 0 || to >= int(m_rows.size())) return;
    std::vector<std::string> layers = texts();
    std::swap(layers[size_t(m_current)], layers[size_t(to)]);
    commit(std::move(layers), to,
           (delta < 0 ? tr("Move layer %1 up") : tr("Move layer %1 down")).arg(m_current + 1));
}

void LayersEditor::setKind(nn::LayerKind kind) {
    if (m_current < 0) return;
    const Row& row = m_rows[size_t(m_current)];
    if (row.layer && row.layer->kind == kind) return;
    std::vector<std::string> layers = texts();
    layers[size_t(m_current)] = nn::formatLayer(nn::defaultLayer(kind));
    commit(std::move(layers), m_current,
           tr("Make layer %1 a %2").arg(m_current + 1).arg(trCore(nn::layerType(kind).title)));
}

void LayersEditor::setField(const nn::LayerField& field, double value) {
    if (m_current < 0 || !m_rows[size_t(m_current)].layer) return;
    nn::LayerSpec layer = *m_rows[size_t(m_current)].layer;
    if (nn::fieldValue(layer, field.key) == value) return;
    nn::setFieldValue(layer, field.key, value);
    std::vector<std::string> layers = texts();
    layers[size_t(m_current)] = nn::formatLayer(layer);
    commit(std::move(layers), m_current,
           tr("Set %1 of layer %2").arg(trCore(field.label)).arg(m_current + 1));
}

QString LayersEditor::shapeLine() const { return m_shapeText; }

void LayersEditor::refresh() {
    computeShapes();
    fillTable();
    updateButtons();
    updateForm();
}

// Each row's output shape, from prefixes of the list, so the rows before a misfit keep theirs.
void LayersEditor::computeShapes() {
    m_shapes.assign(m_rows.size(), QString());
    m_shapeText.clear();
    m_shapeProblem = false;
    if (!m_inputShapeProblem.isEmpty()) {
        m_shapeText = m_inputShapeProblem;
        m_shapeProblem = true;
        return;
    }
    if (!m_inputShape) return;
    m_shapeText = tr("Input: %1").arg(QString::fromStdString(nn::formatShape(*m_inputShape)));
    std::vector<nn::LayerSpec> layers;
    for (const Row& row : m_rows) {
        if (!row.layer) break;  // the red row says why; shapes after it mean nothing
        layers.push_back(*row.layer);
    }
    for (size_t n = 1; n <= layers.size(); ++n) {
        try {
            const auto shapes = nn::inferShapes({layers.begin(), layers.begin() + long(n)},
                                                *m_inputShape);
            m_shapes[n - 1] = QString::fromStdString(nn::formatShape(shapes.back()));
        } catch (const core::Error& e) {
            m_shapeText = trMessageWithArgs(e.message());
            m_shapeProblem = true;
            m_shapes[n - 1] = QStringLiteral("✗");
            break;
        }
    }
}

void LayersEditor::fillTable() {
    const QSignalBlocker block(m_table);
    m_table->setRowCount(int(m_rows.size()));
    for (int r = 0; r < int(m_rows.size()); ++r) {
        const Row& row = m_rows[size_t(r)];
        QString kind, settings, tip;
        if (row.layer) {
            const nn::LayerType& type = nn::layerType(row.layer->kind);
            kind = trCore(type.title);
            settings = summary(*row.layer);
            tip = QString::fromStdString(row.text);
        } else {
            kind = QString::fromStdString(row.text);
            tip = row.error;
        }
        const QString cells[ColumnCount] = {QString::number(r + 1), kind, settings,
                                            m_shapes[size_t(r)]};
        for (int c = 0; c < ColumnCount; ++c) {
            QTableWidgetItem* item = m_table->item(r, c);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(r, c, item);
            }
            item->setText(cells[c]);
            item->setToolTip(c == Output ? QString() : tip);
            item->setTextAlignment(Qt::Alignment(c == Number ? Qt::AlignRight : Qt::AlignLeft) |
                                   Qt::AlignVCenter);
            const bool bad = !row.layer || (c == Output && cells[c] == QStringLiteral("✗"));
            item->setData(Qt::ForegroundRole,
                          bad ? QVariant(QBrush(kProblemColor)) : QVariant());
        }
    }
    if (m_current >= 0) m_table->setCurrentCell(m_current, Kind);
    else m_table->clearSelection();
    m_table->setColumnHidden(Output, !m_inputShape || !m_inputShapeProblem.isEmpty());
    // As tall as its rows (3 to 10 of them), so the form below stays in view.
    const int rows = std::clamp(int(m_rows.size()), 3, 10);
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() +
                            rows * m_table->verticalHeader()->defaultSectionSize() +
                            2 * m_table->frameWidth());

    m_shapeLabel->setText(m_shapeText);
    m_shapeLabel->setVisible(!m_shapeText.isEmpty());
    QPalette palette = this->palette();
    if (m_shapeProblem) palette.setColor(QPalette::WindowText, kProblemColor);
    m_shapeLabel->setPalette(palette);
    m_shapeLabel->setForegroundRole(m_shapeProblem ? QPalette::WindowText
                                                   : QPalette::PlaceholderText);
}

void LayersEditor::updateButtons() {
    const int n = int(m_rows.size());
    m_remove->setEnabled(m_current >= 0);
    m_up->setEnabled(m_current > 0);
    m_down->setEnabled(m_current >= 0 && m_current < n - 1);
}

void LayersEditor::updateForm() {
    m_formBox->setVisible(m_current >= 0);
    if (m_current < 0) return;
    const Row& row = m_rows[size_t(m_current)];
    m_formBox->setTitle(tr("Layer %1").arg(m_current + 1));
    {
        const QSignalBlocker block(m_kind);
        m_kind->setCurrentIndex(row.layer ? m_kind->findData(int(row.layer->kind)) : -1);
    }
    m_rowProblem->setText(row.error);
    m_form->setRowVisible(m_rowProblem, !row.error.isEmpty());
    const std::pair<int, int> formFor{m_current, row.layer ? int(row.layer->kind) : -1};
    // Rebuilt only for another row or kind: a field's own edit comes back here through the
    // document while its widget is still signalling, so it must not be deleted then.
    if (formFor != m_formFor) {
        m_formFor = formFor;
        rebuildFields(row.layer ? &nn::layerType(row.layer->kind) : nullptr);
    }
    if (!row.layer) return;
    for (const auto& [field, widget] : m_fields) {
        const double v = nn::fieldValue(*row.layer, field->key);
        const QSignalBlocker block(widget);
        if (auto* spin = qobject_cast<QSpinBox*>(widget)) spin->setValue(int(v));
        else if (auto* real = qobject_cast<QDoubleSpinBox*>(widget)) real->setValue(v);
        else if (auto* box = qobject_cast<QCheckBox*>(widget)) box->setChecked(v != 0);
    }
}

void LayersEditor::rebuildFields(const nn::LayerType* type) {
    while (m_form->rowCount() > 2) m_form->removeRow(2);  // keep the kind and the problem line
    m_fields.clear();
    if (!type) return;
    for (const nn::LayerField& field : type->fields) {
        QWidget* widget = nullptr;
        const QString help = trCore(field.help);
        const nn::LayerField* f = &field;  // layerTypes() lives as long as the program
        switch (field.kind) {
        case nn::LayerFieldKind::Int: {
            auto* spin = new QSpinBox(m_formBox);
            constexpr double hi = std::numeric_limits<int>::max();
            spin->setRange(int(field.min), int(std::min(field.max, hi)));
            spin->setKeyboardTracking(false);
            spin->setAccelerated(true);
            if (std::string_view(field.key) == "stride")  // 0 = the layer's natural stride
                spin->setSpecialValueText(tr("auto"));
            connect(spin, &QSpinBox::valueChanged, this,
                    [this, f](int v) { setField(*f, double(v)); });
            widget = spin;
            break;
        }
        case nn::LayerFieldKind::Double: {
            auto* spin = new QDoubleSpinBox(m_formBox);
            spin->setDecimals(2);
            spin->setSingleStep(0.05);
            spin->setRange(field.min, field.max);
            spin->setKeyboardTracking(false);
            connect(spin, &QDoubleSpinBox::valueChanged, this,
                    [this, f](double v) { setField(*f, v); });
            widget = spin;
            break;
        }
        case nn::LayerFieldKind::Bool: {
            auto* box = new QCheckBox(m_formBox);
            connect(box, &QCheckBox::toggled, this,
                    [this, f](bool on) { setField(*f, on ? 1 : 0); });
            widget = box;
            break;
        }
        }
        widget->setObjectName(QStringLiteral("layerField_%1").arg(field.key));
        widget->setToolTip(help);
        auto* label = new QLabel(trCore(field.label), m_formBox);
        label->setToolTip(help);
        label->setBuddy(widget);
        m_form->addRow(label, widget);
        m_fields.emplace_back(f, widget);
    }
}

} // namespace oficina::ui
