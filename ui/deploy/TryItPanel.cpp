#include "deploy/TryItPanel.h"

#include "Translate.h"
#include "charts/ChartColors.h"
#include "models/Model.h"
#include "util/Error.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QShowEvent>
#include <QTimer>
#include <QVBoxLayout>
#include <QValidator>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace oficina::ui {

namespace {

/// Milliseconds between the last keystroke and the prediction: one update per burst of typing.
constexpr int kDebounceMs = 100;
/// A combo box lists at most this many training categories (a free-text column may have
/// thousands); any other can still be typed.
constexpr size_t kMaxListedCategories = 1000;

/// A number typed in the form: the UI language's decimal separator ("5,1" in pt_BR), or '.' as
/// in files, which the form never shows as a digit-group separator. Infinite and NaN are not
/// numbers a user types.
std::optional<double> parseNumber(const QString& text) {
    const QString trimmed = text.trimmed();
    for (QLocale locale : {QLocale(), QLocale::c()}) {
        locale.setNumberOptions(QLocale::RejectGroupSeparator);
        bool ok = false;
        const double value = locale.toDouble(trimmed, &ok);
        if (ok && std::isfinite(value)) return value;
    }
    return std::nullopt;
}

/// The text a number is shown as in the form: as short as reads back to the same double.
QString numberText(double value) {
    return localNumber(value, 'g', QLocale::FloatingPointShortest);
}

/// Lets through what is (or may become, as typing goes on) a number, and empty for missing;
/// refuses letters and other stray characters as they are typed.
class NumberValidator final : public QValidator {
public:
    using QValidator::QValidator;
    State validate(QString& input, int& position) const override {
        (void)position;
        const QString text = input.trimmed();
        if (text.isEmpty() || parseNumber(text)) return Acceptable;
        const QLocale locale;
        const QString signs = QStringLiteral("+-.,eE") + locale.decimalPoint() +
                              locale.negativeSign() + locale.positiveSign() + locale.exponential();
        for (const QChar c : text)
            if (!c.isDigit() && !signs.contains(c)) return Invalid;
        return Intermediate;
    }
};

} // namespace

/// Each class's probability as a horizontal bar in the class's colour (the colours of the
/// scatter plots and the decision boundary), its percentage at the end; the predicted class in
/// bold.
class ProbabilityBars final : public QWidget {
public:
    struct Bar {
        QString label;
        double probability = 0;
        QColor colour;
        bool chosen = false;
    };

    using QWidget::QWidget;

    void setBars(std::vector<Bar> bars) {
        m_bars = std::move(bars);
        updateGeometry();
        update();
    }
    [[nodiscard]] const std::vector<Bar>& bars() const { return m_bars; }

    QSize sizeHint() const override { return {320, int(m_bars.size()) * rowHeight()}; }
    QSize minimumSizeHint() const override { return {160, sizeHint().height()}; }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        QFont bold = font();
        bold.setBold(true);
        const QFontMetrics metrics(bold);
        int labelWidth = 0;
        for (const Bar& bar : m_bars)
            labelWidth = std::max(labelWidth, metrics.horizontalAdvance(bar.label));
        labelWidth = std::min(labelWidth + 12, width() * 2 / 5);
        const int percentWidth = metrics.horizontalAdvance(percent(1.0)) + 12;
        const int barWidth = std::max(10, width() - labelWidth - percentWidth);
        const int h = rowHeight();
        for (size_t i = 0; i < m_bars.size(); ++i) {
            const Bar& bar = m_bars[i];
            const int y = int(i) * h;
            painter.setFont(bar.chosen ? bold : font());
            painter.setPen(palette().color(QPalette::WindowText));
            painter.drawText(
                QRect(0, y, labelWidth - 8, h), Qt::AlignVCenter | Qt::AlignLeft,
                painter.fontMetrics().elidedText(bar.label, Qt::ElideRight, labelWidth - 8));
            const QRectF track(labelWidth, y + h * 0.2, barWidth, h * 0.6);
            painter.setPen(Qt::NoPen);
            painter.setBrush(palette().color(QPalette::Window).darker(110));
            painter.drawRoundedRect(track, 3, 3);
            const double p =
                std::isfinite(bar.probability) ? std::clamp(bar.probability, 0.0, 1.0) : 0.0;
            if (p > 0) {
                QColor fill = bar.colour;
                if (!bar.chosen) fill.setAlphaF(0.55f);
                painter.setBrush(fill);
                painter.drawRoundedRect(QRectF(track.left(), track.top(),
                                               std::max(2.0, track.width() * p), track.height()),
                                        3, 3);
            }
            painter.setPen(palette().color(QPalette::WindowText));
            painter.drawText(
                QRect(labelWidth + barWidth, y, percentWidth, h), Qt::AlignVCenter | Qt::AlignRight,
                std::isfinite(bar.probability) ? percent(bar.probability) : QStringLiteral("—"));
        }
    }

private:
    [[nodiscard]] int rowHeight() const { return fontMetrics().height() + 10; }
    [[nodiscard]] static QString percent(double p) {
        return TryItPanel::tr("%1%").arg(localNumber(100 * p, 'f', 1));
    }

    std::vector<Bar> m_bars;
};

struct TryItPanel::Field {
    QString name;
    QLineEdit* number = nullptr;         ///< a numeric input
    QComboBox* category = nullptr;       ///< a categorical input
    std::vector<std::string> categories; ///< seen in training
    int missingIndex = -1;               ///< the combo box's "(missing)" entry
};

TryItPanel::TryItPanel(std::shared_ptr<const core::Model> model, QWidget* parent)
    : QWidget(parent), m_model(std::move(model)) {
    if (m_model) m_package.model = *m_model;
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &TryItPanel::predictNow);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    auto* intro = new QLabel(
        tr("This is inference: the trained pipeline applied to one new row. The preprocessing "
           "uses what it learned from the training rows, then the model predicts. The form starts "
           "from a real training row: change a value and see how the prediction responds."),
        this);
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(intro);

    auto* columns = new QHBoxLayout;
    m_inputBox = new QGroupBox(tr("New row"), this);
    columns->addWidget(m_inputBox, 1);

    auto* resultBox = new QGroupBox(tr("Prediction"), this);
    auto* result = new QVBoxLayout(resultBox);
    result->setContentsMargins(10, 6, 10, 6);
    result->setSpacing(4);
    m_caption = new QLabel(resultBox);
    m_value = new QLabel(resultBox);
    m_value->setObjectName("tryItPrediction");
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 2.2);
    big.setBold(true);
    m_value->setFont(big);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bars = new ProbabilityBars(resultBox);
    m_error = new QLabel(resultBox);
    m_error->setObjectName("tryItError");
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette red = m_error->palette();
    red.setColor(QPalette::WindowText, QColor(0xc0, 0x28, 0x28));
    m_error->setPalette(red);
    m_error->hide();
    m_note = new QLabel(resultBox);
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->hide();
    result->addWidget(m_caption);
    result->addWidget(m_value);
    result->addWidget(m_bars);
    result->addWidget(m_error);
    result->addWidget(m_note);
    result->addStretch(1);
    columns->addWidget(resultBox, 1);
    layout->addLayout(columns, 1);
}

TryItPanel::~TryItPanel() = default;

void TryItPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    ensureBuilt();
}

void TryItPanel::ensureBuilt() {
    if (m_built) return;
    m_built = true;
    build();
}

void TryItPanel::build() {
    auto* boxLayout = new QVBoxLayout(m_inputBox);
    boxLayout->setContentsMargins(4, 4, 4, 4);
    try {
        if (!m_model) throw std::invalid_argument("no model");
        m_interface = core::deploy::describeInterface(*m_model);
    } catch (const std::exception& e) {
        boxLayout->addWidget(
            new QLabel(tr("No form: this model cannot be described."), m_inputBox));
        showError(trException(e));
        Q_EMIT predicted();
        return;
    }

    auto* scroll = new QScrollArea(m_inputBox);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* form = new QWidget(scroll);
    auto* rows = new QFormLayout(form);
    rows->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    rows->setContentsMargins(4, 4, 4, 4);
    const int fieldWidth = fontMetrics().horizontalAdvance(QLatin1Char('0')) * 18;
    for (const core::deploy::InputColumn& input : m_interface.inputs) {
        Field field;
        field.name = QString::fromStdString(input.name);
        if (input.type == core::ColumnType::Numeric) {
            field.number = new QLineEdit(form);
            field.number->setObjectName(field.name);
            field.number->setValidator(new NumberValidator(field.number));
            field.number->setPlaceholderText(tr("(missing)"));
            field.number->setFixedWidth(fieldWidth);
            field.number->setToolTip(
                input.mayBeMissing
                    ? tr("A number. Leave it empty for a missing value, as some training rows "
                         "had.")
                    : tr("A number. Leave it empty for a missing value (no training row had "
                         "one: the pipeline may refuse it)."));
            connect(field.number, &QLineEdit::textChanged, this, &TryItPanel::scheduleUpdate);
            rows->addRow(field.name, field.number);
        } else {
            field.categories = input.categories;
            field.category = new QComboBox(form);
            field.category->setObjectName(field.name);
            field.category->setEditable(true);
            field.category->setInsertPolicy(QComboBox::NoInsert);
            field.category->setMinimumWidth(fieldWidth);
            QStringList listed;
            for (size_t i = 0; i < std::min(input.categories.size(), kMaxListedCategories); ++i)
                listed << QString::fromStdString(input.categories[i]);
            field.category->addItems(listed);
            field.missingIndex = field.category->count();
            field.category->addItem(tr("(missing)"));
            field.category->setToolTip(
                tr("Categories seen in training: %1. Type another to see how the pipeline treats "
                   "a category it has not seen.")
                    .arg(QLocale().createSeparatedList(listed.mid(0, 12))));
            connect(field.category, &QComboBox::currentTextChanged, this,
                    &TryItPanel::scheduleUpdate);
            rows->addRow(field.name, field.category);
        }
        m_fields.push_back(std::move(field));
    }
    // Inside the scrolled form: a short dock scrolls to it rather than cutting it off.
    auto* reset = new QPushButton(tr("Back to the training row"), form);
    reset->setToolTip(tr("Fill the form with the training row it started from"));
    connect(reset, &QPushButton::clicked, this, &TryItPanel::resetInputs);
    rows->addRow(QString(), reset);
    scroll->setWidget(form);
    boxLayout->addWidget(scroll, 1);

    const std::string& target = m_model->targetName;
    m_caption->setText(m_model->estimator->task() == core::Task::Clustering ? tr("Assigned cluster")
                       : target.empty()                                     ? tr("Predicted value")
                                        : tr("Predicted %1").arg(QString::fromStdString(target)));
    resetInputs();
    predictNow();
}

QStringList TryItPanel::inputNames() const {
    QStringList names;
    for (const Field& field : m_fields)
        names << field.name;
    return names;
}

QWidget* TryItPanel::editor(const QString& column) const {
    for (const Field& field : m_fields)
        if (field.name == column)
            return field.number ? static_cast<QWidget*>(field.number) : field.category;
    return nullptr;
}

void TryItPanel::setInput(const QString& column, const QString& text) {
    for (const Field& field : m_fields) {
        if (field.name != column) continue;
        if (field.number) {
            field.number->setText(text);
        } else if (text.isEmpty()) {
            field.category->setCurrentIndex(field.missingIndex);
        } else {
            const int index = field.category->findText(text, Qt::MatchExactly);
            if (index >= 0)
                field.category->setCurrentIndex(index);
            else
                field.category->setCurrentText(text);
        }
    }
}

void TryItPanel::resetInputs() {
    const core::Table& example = m_interface.example;
    for (const Field& field : m_fields) {
        const core::Column* column = example.find(field.name.toStdString());
        const bool missing = !column || column->size() == 0 || column->isMissing(0);
        if (field.number)
            setInput(field.name, missing ? QString() : numberText(column->number(0)));
        else
            setInput(field.name, missing ? QString() : QString::fromStdString(column->cellText(0)));
    }
}

QString TryItPanel::fieldText(const Field& field) const {
    if (field.number) return field.number->text().trimmed();
    const QString text = field.category->currentText();
    if (text == field.category->itemText(field.missingIndex)) return {};
    return text;
}

core::Table TryItPanel::inputRow(QString* error) const {
    std::vector<core::Column> columns;
    for (const Field& field : m_fields) {
        const QString text = fieldText(field);
        const std::string name = field.name.toStdString();
        if (field.number) {
            double value = std::numeric_limits<double>::quiet_NaN();
            if (!text.isEmpty()) {
                const std::optional<double> parsed = parseNumber(text);
                if (!parsed) {
                    if (error)
                        *error = tr("%1: “%2” is not a number. Type one such as %3, or leave the "
                                    "field empty for a missing value.")
                                     .arg(field.name, text, numberText(2.5));
                    return {};
                }
                value = *parsed;
            }
            columns.push_back(core::Column::numeric(name, {value}));
        } else {
            // The training dictionary, and the typed label after it when it is new: the
            // pipeline's steps read labels, so an unseen one meets the fitted encoder's rule.
            std::vector<std::string> categories = field.categories;
            int32_t code = core::Column::kMissingCode;
            if (!text.isEmpty()) {
                std::string label = text.toStdString();
                auto found = std::find(categories.begin(), categories.end(), label);
                if (found == categories.end()) {
                    label = text.trimmed().toStdString();
                    found = std::find(categories.begin(), categories.end(), label);
                }
                if (found == categories.end()) found = categories.insert(categories.end(), label);
                code = int32_t(found - categories.begin());
            }
            columns.push_back(core::Column::categorical(name, {code}, std::move(categories)));
        }
    }
    return core::Table(std::move(columns));
}

void TryItPanel::scheduleUpdate() {
    if (m_built) m_debounce->start();
}

bool TryItPanel::updatePending() const {
    return m_debounce->isActive();
}

void TryItPanel::predictNow() {
    m_debounce->stop();
    if (!m_built || m_fields.empty()) return;
    QStringList unseen;
    for (const Field& field : m_fields) {
        const QString text = fieldText(field);
        if (field.category && !text.isEmpty() &&
            std::find(field.categories.begin(), field.categories.end(), text.toStdString()) ==
                field.categories.end() &&
            std::find(field.categories.begin(), field.categories.end(),
                      text.trimmed().toStdString()) == field.categories.end())
            unseen << tr("“%1” is new to %2: no training row had it. The pipeline treats it as "
                         "its fitted encoder was set to.")
                          .arg(text.trimmed(), field.name);
    }
    m_note->setText(unseen.join(QLatin1Char('\n')));
    m_note->setVisible(!unseen.isEmpty());

    QString why;
    const core::Table row = inputRow(&why);
    if (!why.isEmpty()) {
        showError(why);
    } else {
        try {
            const core::Table conformed =
                core::deploy::conformInput(row, m_interface.inputs, std::string());
            showPrediction(core::deploy::predictColumns(m_package, conformed));
        } catch (const std::exception& e) {
            showError(trException(e));
        }
    }
    Q_EMIT predicted();
}

void TryItPanel::showPrediction(const std::vector<core::Column>& columns) {
    const core::Task task = m_model->estimator->task();
    const core::Column* predicted = nullptr;
    std::vector<ProbabilityBars::Bar> bars;
    for (const core::Column& c : columns) {
        if (c.size() == 0) continue;
        if (c.name() == core::kPredictionColumn || c.name() == core::kClusterColumn) {
            if (!predicted) predicted = &c;
        } else if (task == core::Task::Classification && c.isNumeric() &&
                   c.name().starts_with("P(") && c.name().ends_with(")")) {
            // probabilityColumnName(label) = "P(label)", one per class, in class order.
            const std::string label = c.name().substr(2, c.name().size() - 3);
            bars.push_back({QString::fromStdString(label), c.number(0),
                            categoryColor(int(bars.size())), false});
        }
    }
    if (!predicted) {
        showError(tr("The model returned no prediction."));
        return;
    }
    QColor colour = palette().color(QPalette::WindowText);
    QString text;
    if (predicted->isMissing(0)) {
        text = task == core::Task::Clustering ? tr("Noise (no cluster)") : QStringLiteral("—");
    } else if (!predicted->isNumeric()) {
        const QString label = QString::fromStdString(predicted->cellText(0));
        text = task == core::Task::Clustering ? tr("Cluster %1").arg(label) : label;
        for (ProbabilityBars::Bar& bar : bars)
            if (bar.label == label) {
                bar.chosen = true;
                colour = bar.colour;
            }
        bool isNumber = false;
        const int cluster = label.toInt(&isNumber);
        if (task == core::Task::Clustering && isNumber) colour = categoryColor(cluster);
    } else {
        text = localNumber(predicted->number(0), 'g', 6);
        if (task == core::Task::Clustering) text = tr("Cluster %1").arg(text);
    }
    m_prediction = text;
    m_value->setText(text);
    QPalette palette = m_value->palette();
    palette.setColor(QPalette::WindowText, colour.darker(115));
    m_value->setPalette(palette);
    m_bars->setBars(std::move(bars));
    m_bars->setVisible(!m_bars->bars().empty());
    m_error->clear();
    m_error->hide();
}

void TryItPanel::showError(const QString& message) {
    m_prediction.clear();
    m_value->setText(QStringLiteral("—"));
    QPalette grey = m_value->palette();
    grey.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_value->setPalette(grey);
    m_bars->setBars({});
    m_bars->hide();
    m_error->setText(message);
    m_error->show();
}

QString TryItPanel::predictionText() const {
    return m_prediction;
}

std::vector<std::pair<QString, double>> TryItPanel::probabilities() const {
    std::vector<std::pair<QString, double>> out;
    for (const ProbabilityBars::Bar& bar : m_bars->bars())
        out.emplace_back(bar.label, bar.probability);
    return out;
}

QString TryItPanel::errorText() const {
    return m_error->text();
}

} // namespace oficina::ui
