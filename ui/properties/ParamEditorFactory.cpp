#include "properties/ParamEditorFactory.h"

#include "Settings.h"
#include "Translate.h"
#include "properties/LayersEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace oficina::ui {

ParamEditor::ParamEditor(const core::Parameter& parameter, QWidget* parent)
    : QWidget(parent), m_parameter(parameter) {}

namespace {

QHBoxLayout* tightRow(QWidget* owner) {
    auto* row = new QHBoxLayout(owner);
    row->setContentsMargins(0, 0, 0, 0);
    return row;
}

class IntEditor final : public ParamEditor {
public:
    explicit IntEditor(const core::Parameter& p, QWidget* parent) : ParamEditor(p, parent) {
        m_spin = new QSpinBox(this);
        constexpr double lo = std::numeric_limits<int>::min();
        constexpr double hi = std::numeric_limits<int>::max();
        m_spin->setRange(int(std::clamp(p.min.value_or(lo), lo, hi)),
                         int(std::clamp(p.max.value_or(hi), lo, hi)));
        // Commit on Enter, focus loss or arrows: one edit per number, not one per digit.
        m_spin->setKeyboardTracking(false);
        m_spin->setAccelerated(true);
        tightRow(this)->addWidget(m_spin);
        setFocusProxy(m_spin);
        connect(m_spin, &QSpinBox::valueChanged, this, &ParamEditor::edited);
    }
    core::Value value() const override { return int64_t(m_spin->value()); }
    void setValue(const core::Value& v) override {
        if (const auto* i = std::get_if<int64_t>(&v)) {
            const QSignalBlocker block(m_spin);
            m_spin->setValue(int(*i));
        }
    }

private:
    QSpinBox* m_spin;
};

/// Shows doubles in their shortest form ("0.0001", "1e-06") and accepts exponents, unlike
/// QDoubleSpinBox's fixed decimals, which would round small tolerances to zero.
class ShortDoubleSpinBox final : public QDoubleSpinBox {
public:
    using QDoubleSpinBox::QDoubleSpinBox;
    QString textFromValue(double value) const override {
        QString text = locale().toString(value, 'g', 12);
        text.remove(locale().groupSeparator());
        return text;
    }
    double valueFromText(const QString& text) const override {
        return locale().toDouble(text.trimmed());
    }
    QValidator::State validate(QString& text, int&) const override {
        bool ok = false;
        const double v = locale().toDouble(text.trimmed(), &ok);
        if (ok && v >= minimum() && v <= maximum()) return QValidator::Acceptable;
        return QValidator::Intermediate;
    }
};

class DoubleEditor final : public ParamEditor {
public:
    explicit DoubleEditor(const core::Parameter& p, QWidget* parent) : ParamEditor(p, parent) {
        m_spin = new ShortDoubleSpinBox(this);
        m_spin->setDecimals(15);
        m_spin->setRange(p.min.value_or(-1e300), p.max.value_or(1e300));
        m_spin->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
        m_spin->setKeyboardTracking(false);
        tightRow(this)->addWidget(m_spin);
        setFocusProxy(m_spin);
        connect(m_spin, &QDoubleSpinBox::valueChanged, this, &ParamEditor::edited);
    }
    core::Value value() const override { return m_spin->value(); }
    void setValue(const core::Value& v) override {
        if (const auto* d = std::get_if<double>(&v)) {
            const QSignalBlocker block(m_spin);
            m_spin->setValue(*d);
        }
    }

private:
    QDoubleSpinBox* m_spin;
};

class BoolEditor final : public ParamEditor {
public:
    explicit BoolEditor(const core::Parameter& p, QWidget* parent) : ParamEditor(p, parent) {
        m_box = new QCheckBox(this);
        tightRow(this)->addWidget(m_box);
        setFocusProxy(m_box);
        connect(m_box, &QCheckBox::toggled, this, &ParamEditor::edited);
    }
    core::Value value() const override { return m_box->isChecked(); }
    void setValue(const core::Value& v) override {
        if (const auto* b = std::get_if<bool>(&v)) {
            const QSignalBlocker block(m_box);
            m_box->setChecked(*b);
        }
    }

private:
    QCheckBox* m_box;
};

class ChoiceEditor final : public ParamEditor {
public:
    explicit ChoiceEditor(const core::Parameter& p, QWidget* parent) : ParamEditor(p, parent) {
        m_combo = new QComboBox(this);
        for (const auto& option : p.choices)
            m_combo->addItem(trCore(option.label), QString::fromStdString(option.key));
        tightRow(this)->addWidget(m_combo);
        setFocusProxy(m_combo);
        connect(m_combo, &QComboBox::activated, this, &ParamEditor::edited);
    }
    core::Value value() const override { return m_combo->currentData().toString().toStdString(); }
    void setValue(const core::Value& v) override {
        if (const auto* s = std::get_if<std::string>(&v)) {
            const QSignalBlocker block(m_combo);
            m_combo->setCurrentIndex(m_combo->findData(QString::fromStdString(*s)));
        }
    }

private:
    QComboBox* m_combo;
};

/// One column: an editable combo box, so a name can be typed before a run reveals the columns.
class ColumnEditor final : public ParamEditor {
public:
    explicit ColumnEditor(const core::Parameter& p, QWidget* parent) : ParamEditor(p, parent) {
        m_combo = new QComboBox(this);
        m_combo->setEditable(true);
        m_combo->setInsertPolicy(QComboBox::NoInsert);
        m_combo->lineEdit()->setPlaceholderText(
            p.allowEmpty ? ParamEditor::tr("(none)") : ParamEditor::tr("column name"));
        tightRow(this)->addWidget(m_combo);
        setFocusProxy(m_combo);
        connect(m_combo, &QComboBox::activated, this, &ColumnEditor::commit);
        connect(m_combo->lineEdit(), &QLineEdit::editingFinished, this, &ColumnEditor::commit);
    }
    core::Value value() const override { return m_combo->currentText().trimmed().toStdString(); }
    void setValue(const core::Value& v) override {
        if (const auto* s = std::get_if<std::string>(&v)) {
            const QSignalBlocker block(m_combo);
            m_committed = QString::fromStdString(*s);
            m_combo->setCurrentText(m_committed);
        }
    }
    void setColumns(const QStringList& columns) override {
        const QSignalBlocker block(m_combo);
        const QString current = m_combo->currentText();
        m_combo->clear();
        if (parameter().allowEmpty) m_combo->addItem(QString());
        m_combo->addItems(columns);
        m_combo->setCurrentText(current);
    }

private:
    void commit() {
        const QString now = m_combo->currentText().trimmed();
        if (now == m_committed) return;  // editingFinished also fires on mere focus loss
        m_committed = now;
        Q_EMIT edited();
    }
    QComboBox* m_combo;
    QString m_committed;
};

/// Several columns: a checkable list of the input's columns; a comma-separated line edit while
/// the columns are unknown.
class ColumnsEditor final : public ParamEditor {
public:
    explicit ColumnsEditor(const core::Parameter& p, QWidget* parent) : ParamEditor(p, parent) {
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        m_list = new QListWidget(this);
        m_list->setMaximumHeight(m_list->fontMetrics().height() * 9);
        m_list->setUniformItemSizes(true);
        m_text = new QLineEdit(this);
        m_text->setPlaceholderText(ParamEditor::tr("comma-separated column names"));
        layout->addWidget(m_list);
        layout->addWidget(m_text);
        m_list->hide();
        setFocusProxy(m_text);
        connect(m_list, &QListWidget::itemChanged, this, &ParamEditor::edited);
        connect(m_text, &QLineEdit::editingFinished, this, [this] {
            if (m_text->isModified()) {
                m_text->setModified(false);
                Q_EMIT edited();
            }
        });
    }
    core::Value value() const override {
        std::vector<std::string> names;
        if (m_list->count() > 0) {
            for (int i = 0; i < m_list->count(); ++i)
                if (m_list->item(i)->checkState() == Qt::Checked)
                    names.push_back(m_list->item(i)->text().toStdString());
            return names;
        }
        for (const QString& part : m_text->text().split(',', Qt::SkipEmptyParts))
            if (!part.trimmed().isEmpty()) names.push_back(part.trimmed().toStdString());
        return names;
    }
    void setValue(const core::Value& v) override {
        const auto* names = std::get_if<std::vector<std::string>>(&v);
        if (!names) return;
        m_selected.clear();
        for (const auto& n : *names) m_selected << QString::fromStdString(n);
        {
            const QSignalBlocker block(m_text);
            m_text->setText(m_selected.join(", "));
        }
        fillList();
    }
    void setColumns(const QStringList& columns) override {
        m_columns = columns;
        fillList();
    }
    void setExcludedColumn(const QString& column) override {
        if (column == m_excluded) return;
        m_excluded = column;
        fillList();
    }

private:
    void fillList() {
        const QSignalBlocker block(m_list);
        m_list->clear();
        if (m_columns.isEmpty()) {
            m_list->hide();
            m_text->show();
            setFocusProxy(m_text);
            return;
        }
        QStringList all = m_columns;
        // Keep chosen names that the input no longer has visible, so nothing is lost silently.
        for (const QString& s : m_selected)
            if (!all.contains(s)) all << s;
        for (const QString& name : all) {
            auto* item = new QListWidgetItem(name, m_list);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(m_selected.contains(name) ? Qt::Checked : Qt::Unchecked);
            if (!m_columns.contains(name)) {
                item->setForeground(Qt::red);
                item->setToolTip(ParamEditor::tr("Not a column of the input"));
            } else if (name == m_excluded) {
                // Greyed out; one ticked already stays enabled, in red, so it can be unticked.
                item->setToolTip(ParamEditor::tr("The target: it cannot also be a feature"));
                if (m_selected.contains(name))
                    item->setForeground(Qt::red);
                else
                    item->setFlags(Qt::NoItemFlags);
            }
        }
        m_text->hide();
        m_list->show();
        setFocusProxy(m_list);
    }
    QListWidget* m_list;
    QLineEdit* m_text;
    QStringList m_columns;
    QStringList m_selected;
    QString m_excluded;
};

class TextEditor : public ParamEditor {
public:
    explicit TextEditor(const core::Parameter& p, QWidget* parent) : ParamEditor(p, parent) {
        m_row = tightRow(this);
        m_line = new QLineEdit(this);
        m_row->addWidget(m_line);
        setFocusProxy(m_line);
        connect(m_line, &QLineEdit::editingFinished, this, [this] {
            if (m_line->isModified()) {
                m_line->setModified(false);
                Q_EMIT edited();
            }
        });
    }
    core::Value value() const override { return m_line->text().toStdString(); }
    void setValue(const core::Value& v) override {
        if (const auto* s = std::get_if<std::string>(&v)) {
            const QSignalBlocker block(m_line);
            m_line->setText(QString::fromStdString(*s));
            m_line->setModified(false);
        }
    }

protected:
    QHBoxLayout* m_row;
    QLineEdit* m_line;
};

class FileEditor final : public TextEditor {
public:
    explicit FileEditor(const core::Parameter& p, QWidget* parent) : TextEditor(p, parent) {
        auto* button = new QToolButton(this);
        button->setText(QStringLiteral("…"));
        button->setToolTip(ParamEditor::tr("Choose a file"));
        m_row->addWidget(button);
        connect(button, &QToolButton::clicked, this, &FileEditor::browse);
    }

private:
    // Opens where the file is, or where the user last found one, else in the bundled datasets;
    // both folders sit in the dialog's side bar.
    void browse() {
        const QString current = m_line->text();
        const QString dir = current.isEmpty() ? Settings::dataFolder()
                                              : QFileInfo(current).absolutePath();
        QFileDialog dialog(this, parameter().writesFile ? ParamEditor::tr("Save as")
                                                        : ParamEditor::tr("Choose a file"),
                           dir, trCore(parameter().fileFilter));
        dialog.setObjectName("fileDialog");
        if (parameter().writesFile) {
            dialog.setAcceptMode(QFileDialog::AcceptSave);
            if (!current.isEmpty()) dialog.selectFile(current);
        } else {
            dialog.setFileMode(QFileDialog::ExistingFile);
        }
        QList<QUrl> places = dialog.sidebarUrls();
        for (const QString& folder : {Settings::bundledDatasets(), Settings::dataFolder()})
            if (!folder.isEmpty() && !places.contains(QUrl::fromLocalFile(folder)))
                places << QUrl::fromLocalFile(folder);
        dialog.setSidebarUrls(places);
        if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return;
        const QString file = dialog.selectedFiles().constFirst();
        if (!parameter().writesFile) Settings::setLastDataFolder(QFileInfo(file).absolutePath());
        if (file == current) return;
        m_line->setText(file);
        Q_EMIT edited();
    }
};

} // namespace

ParamEditor* ParamEditorFactory::create(const core::Parameter& parameter, QWidget* parent) {
    ParamEditor* editor = nullptr;
    switch (parameter.kind) {
    case core::ParamKind::Int: editor = new IntEditor(parameter, parent); break;
    case core::ParamKind::Double: editor = new DoubleEditor(parameter, parent); break;
    case core::ParamKind::Bool: editor = new BoolEditor(parameter, parent); break;
    case core::ParamKind::Choice: editor = new ChoiceEditor(parameter, parent); break;
    case core::ParamKind::Column: editor = new ColumnEditor(parameter, parent); break;
    case core::ParamKind::Columns: editor = new ColumnsEditor(parameter, parent); break;
    case core::ParamKind::Text: editor = new TextEditor(parameter, parent); break;
    case core::ParamKind::File: editor = new FileEditor(parameter, parent); break;
    case core::ParamKind::Layers: editor = new LayersEditor(parameter, parent); break;
    }
    editor->setObjectName(QString::fromStdString(parameter.key));
    editor->setToolTip(trCore(parameter.help));
    editor->setValue(parameter.defaultValue);
    return editor;
}

} // namespace oficina::ui
