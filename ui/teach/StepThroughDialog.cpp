#include "teach/StepThroughDialog.h"

#include "Translate.h"
#include "charts/DecisionBoundaryView.h"
#include "charts/LossChart.h"
#include "data/FeatureMatrix.h"
#include "data/Table.h"
#include "pipeline/Graph.h"
#include "reduce/Pca.h"
#include "teach/GradientDescentStepper.h"
#include "teach/KMeansStepView.h"
#include "teach/KMeansStepper.h"
#include "util/Error.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace oficina::ui {

namespace {

// The animated run: slow enough for K-Means to be followed half an iteration at a time, fast
// enough for gradient descent to show its hundreds of steps in seconds.
constexpr int kKMeansTickMs = 600;
constexpr int kDescentTickMs = 40;
constexpr int kGridResolution = 120;

QList<QPointF> toPoints(const Eigen::MatrixXd& xy) {
    QList<QPointF> points;
    points.reserve(xy.rows());
    for (Eigen::Index i = 0; i < xy.rows(); ++i)
        points.append(QPointF(xy(i, 0), xy(i, 1)));
    return points;
}

// Why the dialog cannot step on the data and settings it has, for the message line.
struct Refusal {
    QString text;
};

} // namespace

StepThroughDialog::StepThroughDialog(Mode mode, std::shared_ptr<const core::Table> data,
                                     const core::ParamValues& nodeParams, QWidget* parent)
    : QDialog(parent), m_mode(mode), m_data(std::move(data)) {
    setWindowTitle(mode == Mode::KMeans ? tr("Step through K-Means")
                                        : tr("Step through gradient descent"));
    if (m_data)
        for (const auto& column : m_data->columns())
            if (column.isNumeric() && column.role() == core::ColumnRole::Feature &&
                column.missingCount() == 0)
                m_features << QString::fromStdString(column.name());
    if (m_data)
        for (const auto& column : m_data->columns())
            if (column.role() == core::ColumnRole::Target)
                m_target = QString::fromStdString(column.name());
    buildControls(nodeParams);
    rebuild();
}

StepThroughDialog::~StepThroughDialog() = default;

void StepThroughDialog::buildControls(const core::ParamValues& params) {
    const auto has = [&](const char* key) { return params.contains(key); };
    m_seed = has("seed") ? uint32_t(params.integer("seed")) : 0u;
    m_maxIter = has("max_iter") && m_mode == Mode::KMeans ? int(params.integer("max_iter")) : 300;
    m_tol = has("tol") && m_mode == Mode::KMeans ? params.real("tol") : 1e-4;
    m_c = has("C") ? params.real("C") : 1.0;
    m_fitIntercept = has("fit_intercept") ? params.boolean("fit_intercept") : true;

    auto* layout = new QVBoxLayout(this);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("stepError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();
    layout->addWidget(m_error);

    auto* settings = new QHBoxLayout;
    auto* form = new QFormLayout;
    m_space = new QComboBox(this);
    m_space->addItem(tr("All %n feature(s), drawn on PC1 × PC2", nullptr, int(m_features.size())));
    m_space->addItem(tr("The two features chosen below"));
    m_x = new QComboBox(this);
    m_y = new QComboBox(this);
    m_x->addItems(m_features);
    m_y->addItems(m_features);
    if (m_features.size() > 1) m_y->setCurrentIndex(1);
    if (m_mode == Mode::KMeans && m_features.size() > 2)
        form->addRow(tr("Cluster on:"), m_space);
    else
        m_space->hide();
    form->addRow(tr("Horizontal axis:"), m_x);
    form->addRow(tr("Vertical axis:"), m_y);
    settings->addLayout(form, 1);
    auto* form2 = new QFormLayout;
    m_clusters = new QSpinBox(this);
    m_clusters->setRange(1, 20);
    m_clusters->setValue(
        std::clamp(has("n_clusters") ? int(params.integer("n_clusters")) : 3, 1, 20));
    m_rate = new QDoubleSpinBox(this);
    m_rate->setDecimals(3);
    m_rate->setRange(0.001, 50.0);
    m_rate->setSingleStep(0.1);
    m_rate->setValue(0.5);
    m_rate->setToolTip(tr("How far each step moves the weights against the gradient. Try 5 or "
                          "more to see the loss overshoot."));
    m_hidden = new QSpinBox(this);
    m_hidden->setRange(0, 32);
    m_hidden->setSpecialValueText(tr("None (logistic regression)"));
    m_hidden->setToolTip(tr("Units of one hidden tanh layer: with them the boundary can bend, as "
                            "in a small neural network. None fits a logistic regression."));
    if (m_mode == Mode::KMeans) {
        form2->addRow(tr("Clusters (k):"), m_clusters);
        m_rate->hide();
        m_hidden->hide();
    } else {
        form2->addRow(tr("Learning rate:"), m_rate);
        form2->addRow(tr("Hidden units:"), m_hidden);
        auto* target = new QLabel(m_target.isEmpty() ? tr("(none)") : m_target, this);
        form2->addRow(tr("Target:"), target);
        m_clusters->hide();
    }
    settings->addLayout(form2);
    layout->addLayout(settings);

    m_views = new QStackedWidget(this);
    m_kmeansView = new KMeansStepView(m_views);
    auto* descent = new QSplitter(Qt::Horizontal, m_views);
    m_boundary = new DecisionBoundaryView(descent);
    m_loss = new LossChart(descent);
    descent->addWidget(m_boundary);
    descent->addWidget(m_loss);
    descent->setStretchFactor(0, 1);
    descent->setStretchFactor(1, 1);
    descent->setSizes({560, 500});
    m_views->addWidget(m_kmeansView);
    m_views->addWidget(descent);
    m_views->setCurrentIndex(m_mode == Mode::KMeans ? 0 : 1);
    layout->addWidget(m_views, 1);

    auto* controls = new QHBoxLayout;
    m_stepButton = new QPushButton(tr("&Step"), this);
    m_runButton = new QPushButton(tr("&Run"), this);
    m_resetButton = new QPushButton(tr("R&eset"), this);
    m_stepButton->setDefault(true);
    m_stepLabel = new QLabel(this);
    m_stepLabel->setObjectName(QStringLiteral("stepCounter"));
    m_phaseLabel = new QLabel(this);
    m_phaseLabel->setObjectName(QStringLiteral("stepPhase"));
    QFont bold = m_phaseLabel->font();
    bold.setBold(true);
    m_phaseLabel->setFont(bold);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("stepStatus"));
    controls->addWidget(m_stepButton);
    controls->addWidget(m_runButton);
    controls->addWidget(m_resetButton);
    controls->addSpacing(12);
    controls->addWidget(m_stepLabel);
    controls->addSpacing(12);
    controls->addWidget(m_phaseLabel);
    controls->addSpacing(12);
    controls->addWidget(m_status, 1);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    controls->addWidget(close);
    layout->addLayout(controls);

    m_timer = new QTimer(this);
    m_timer->setInterval(m_mode == Mode::KMeans ? kKMeansTickMs : kDescentTickMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!step()) setRunning(false);
    });
    connect(m_stepButton, &QPushButton::clicked, this, [this] { step(); });
    connect(m_runButton, &QPushButton::clicked, this, [this] { setRunning(!running()); });
    connect(m_resetButton, &QPushButton::clicked, this, &StepThroughDialog::reset);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto changed = [this] {
        setRunning(false);
        rebuild();
    };
    connect(m_space, &QComboBox::currentIndexChanged, this, [this, changed] {
        m_x->setEnabled(m_space->currentIndex() == 1 || m_space->isHidden());
        m_y->setEnabled(m_x->isEnabled());
        changed();
    });
    connect(m_x, &QComboBox::currentIndexChanged, this, changed);
    connect(m_y, &QComboBox::currentIndexChanged, this, changed);
    connect(m_clusters, &QSpinBox::valueChanged, this, changed);
    connect(m_hidden, &QSpinBox::valueChanged, this, changed);
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, [this](double rate) {
        if (m_descent) m_descent->setLearningRate(rate); // takes effect from the next step
    });
    m_x->setEnabled(m_space->isHidden());
    m_y->setEnabled(m_space->isHidden());
    resize(1100, 700);
}

void StepThroughDialog::showError(const QString& text) {
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void StepThroughDialog::rebuild() {
    m_kmeans.reset();
    m_descent.reset();
    m_projection.reset();
    showError({});
    try {
        if (!m_data)
            throw Refusal{tr("Run the pipeline first: this node has not received any data yet.")};
        if (m_mode == Mode::KMeans)
            rebuildKMeans();
        else
            rebuildDescent();
    } catch (const Refusal& refusal) {
        showError(refusal.text);
    } catch (const core::Error& e) {
        m_kmeans.reset();
        m_descent.reset();
        showError(trMessage(e.message()));
    }
    updateView();
}

void StepThroughDialog::rebuildKMeans() {
    const bool allFeatures = !m_space->isHidden() && m_space->currentIndex() == 0;
    if (m_features.size() < (allFeatures ? 1 : 2))
        throw Refusal{tr("The data needs at least two numeric feature columns without "
                         "missing values.")};
    std::vector<std::string> columns;
    if (allFeatures) {
        for (const QString& f : m_features)
            columns.push_back(f.toStdString());
    } else {
        if (m_x->currentIndex() == m_y->currentIndex())
            throw Refusal{tr("Choose two different features.")};
        columns = {m_x->currentText().toStdString(), m_y->currentText().toStdString()};
    }
    Eigen::MatrixXd X = core::featureMatrix(*m_data, columns);
    Eigen::MatrixXd shown = X;
    QString xTitle = QString::fromStdString(columns[0]);
    QString yTitle = columns.size() > 1 ? QString::fromStdString(columns[1]) : QString();
    if (allFeatures) {
        // PCA is linear: the projection of a mean is the mean of the projections, so the
        // centres drawn are exactly the centres of the points drawn.
        std::vector<core::Column> picked;
        for (const auto& name : columns)
            picked.push_back(m_data->column(name));
        const core::Table features(std::move(picked));
        m_projection = core::fitPca(features, {.nComponents = 2}).step;
        shown = m_projection->transform(X);
        xTitle = QStringLiteral("PC1");
        yTitle = QStringLiteral("PC2");
    }
    m_kmeans = std::make_unique<core::KMeansStepper>(
        std::move(X),
        core::KMeansStepperOptions{
            .nClusters = m_clusters->value(), .seed = m_seed, .maxIter = m_maxIter, .tol = m_tol});
    m_kmeansView->setPoints(toPoints(shown), xTitle, yTitle);
}

void StepThroughDialog::rebuildDescent() {
    if (m_target.isEmpty())
        throw Refusal{tr("The data has no target column: mark the class column as the "
                         "target.")};
    if (m_features.size() < 2)
        throw Refusal{tr("The data needs at least two numeric feature columns without "
                         "missing values.")};
    if (m_x->currentIndex() == m_y->currentIndex())
        throw Refusal{tr("Choose two different features.")};
    const std::string x = m_x->currentText().toStdString();
    const std::string y = m_y->currentText().toStdString();
    const core::Column& target = m_data->column(m_target.toStdString());
    core::ClassLabels classes = core::classLabels(target);
    const Eigen::MatrixXd X = core::featureMatrix(*m_data, {x, y});
    m_descent = std::make_unique<core::GradientDescentStepper>(
        X, classes.codes, classes.labels,
        core::GradientDescentOptions{.learningRate = m_rate->value(),
                                     .c = m_c,
                                     .fitIntercept = m_fitIntercept,
                                     .hiddenUnits = m_hidden->value(),
                                     .seed = m_seed});
    // The boundary view colours points by a categorical target column.
    m_descentPoints = std::make_shared<const core::Table>(std::vector<core::Column>{
        m_data->column(x), m_data->column(y),
        core::Column::categorical(m_target.toStdString(), std::move(classes.codes),
                                  std::move(classes.labels), core::ColumnRole::Target)});
    const auto range = [](const Eigen::VectorXd& v, double& lo, double& hi) {
        lo = v.minCoeff();
        hi = v.maxCoeff();
        const double pad = hi > lo ? (hi - lo) * 0.05 : 1.0;
        lo -= pad;
        hi += pad;
    };
    range(X.col(0), m_xMin, m_xMax);
    range(X.col(1), m_yMin, m_yMax);
    m_loss->clear();
    m_loss->append(QStringLiteral("loss"), 0, m_descent->loss());
    m_loss->append(QStringLiteral("accuracy"), 0, m_descent->accuracy());
    m_loss->refresh();
}

bool StepThroughDialog::step() {
    bool stepped = false;
    if (m_kmeans) {
        stepped = m_kmeans->step();
    } else if (m_descent) {
        const double loss = m_descent->step();
        stepped = std::isfinite(loss);
        m_loss->append(QStringLiteral("loss"), m_descent->stepCount(), loss);
        m_loss->append(QStringLiteral("accuracy"), m_descent->stepCount(), m_descent->accuracy());
        m_loss->refresh();
    }
    updateView();
    return stepped;
}

void StepThroughDialog::setRunning(bool on) {
    if (on && !(m_kmeans && !m_kmeans->finished()) && !m_descent) on = false;
    if (on)
        m_timer->start();
    else
        m_timer->stop();
    updateButtons();
}

bool StepThroughDialog::running() const {
    return m_timer->isActive();
}

void StepThroughDialog::reset() {
    setRunning(false);
    if (m_kmeans) {
        m_kmeans->reset();
        m_kmeansView->clearPaths();
    } else if (m_descent) {
        m_descent->reset();
        m_loss->clear();
        m_loss->append(QStringLiteral("loss"), 0, m_descent->loss());
        m_loss->append(QStringLiteral("accuracy"), 0, m_descent->accuracy());
        m_loss->refresh();
    }
    updateView();
}

int StepThroughDialog::stepCount() const {
    return m_kmeans ? m_kmeans->stepCount() : m_descent ? m_descent->stepCount() : 0;
}

QString StepThroughDialog::phaseText() const {
    return m_phaseLabel->text();
}
QString StepThroughDialog::statusText() const {
    return m_status->text();
}
QString StepThroughDialog::errorText() const {
    return m_error->isHidden() ? QString() : m_error->text();
}

void StepThroughDialog::updateView() {
    if (m_kmeans)
        updateKMeansView();
    else if (m_descent)
        updateDescentView();
    else {
        m_stepLabel->clear();
        m_phaseLabel->clear();
        m_status->clear();
    }
    updateButtons();
}

void StepThroughDialog::updateKMeansView() {
    const core::KMeansStepper& k = *m_kmeans;
    m_stepLabel->setText(tr("Step %1").arg(k.stepCount()));
    if (k.finished())
        m_phaseLabel->setText(k.converged() ? tr("Converged") : tr("Stopped at max_iter"));
    else if (k.phase() == core::KMeansPhase::Initialised)
        m_phaseLabel->setText(tr("Centres placed (k-means++)"));
    else
        m_phaseLabel->setText(k.phase() == core::KMeansPhase::Assigned ? tr("Assign points")
                                                                       : tr("Move centres"));
    m_status->setText(std::isnan(k.inertia()) ? tr("Next: assign each point to its nearest centre")
                                              : tr("Iteration %1 · inertia %2")
                                                    .arg(k.iterations())
                                                    .arg(localNumber(k.inertia(), 'f', 3)));
    const Eigen::MatrixXd centers =
        m_projection ? m_projection->transform(k.centers()) : k.centers();
    m_kmeansView->setState(k.labels(), toPoints(centers));
}

void StepThroughDialog::updateDescentView() {
    const core::GradientDescentStepper& gd = *m_descent;
    m_stepLabel->setText(tr("Step %1").arg(gd.stepCount()));
    m_phaseLabel->setText(gd.stepCount() == 0 ? tr("Weights at zero")
                                              : tr("Weights moved against the gradient"));
    m_status->setText(tr("Loss %1 · accuracy %2 %")
                          .arg(localNumber(gd.loss(), 'f', 4))
                          .arg(localNumber(100.0 * gd.accuracy(), 'f', 1)));
    m_boundary->setData(gd.decisionGrid(m_x->currentText().toStdString(),
                                        m_y->currentText().toStdString(), m_xMin, m_xMax, m_yMin,
                                        m_yMax, kGridResolution),
                        m_descentPoints);
}

void StepThroughDialog::updateButtons() {
    const bool canStep = (m_kmeans && !m_kmeans->finished()) || m_descent;
    m_stepButton->setEnabled(canStep && !running());
    m_runButton->setEnabled(canStep || running());
    m_runButton->setText(running() ? tr("&Pause") : tr("&Run"));
    m_resetButton->setEnabled((m_kmeans || m_descent) && stepCount() > 0);
}

QAction* addStepThroughAction(QMenu& menu, const core::Node& node,
                              std::function<std::shared_ptr<const core::Table>()> data,
                              QWidget* parent) {
    using Mode = StepThroughDialog::Mode;
    Mode mode;
    if (node.type == "oficina.cluster.kmeans")
        mode = Mode::KMeans;
    else if (node.type == "oficina.model.logistic_regression")
        mode = Mode::GradientDescent;
    else
        return nullptr;
    QAction* action = menu.addAction(StepThroughDialog::tr("Step &through…"), parent,
                                     [mode, data = std::move(data), params = node.params, parent] {
                                         auto* dialog =
                                             new StepThroughDialog(mode, data(), params, parent);
                                         dialog->setObjectName(QStringLiteral("stepThroughDialog"));
                                         dialog->setAttribute(Qt::WA_DeleteOnClose);
                                         dialog->show();
                                     });
    action->setObjectName(QStringLiteral("stepThroughAction"));
    return action;
}

} // namespace oficina::ui
