#pragma once

#include "pipeline/Parameter.h"

#include <QDialog>
#include <QStringList>

#include <functional>
#include <memory>

class QAction;
class QComboBox;
class QMenu;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTimer;

namespace oficina::core {
struct Node;
class GradientDescentStepper;
class KMeansStepper;
class PcaStep;
class Table;
} // namespace oficina::core

namespace oficina::ui {

class DecisionBoundaryView;
class KMeansStepView;
class LossChart;

/// Step-through teaching mode on the data that reached a node in the last run: K-Means one half
/// iteration per click (rows assigned to the nearest centre, then centres moved to the mean of
/// their rows), or logistic regression (or a network with one hidden layer) trained by gradient
/// descent one step per click (the decision boundary redrawn, a point added to the loss curve).
/// Step, Run (animated) / Pause, Reset. The algorithms are core's KMeansStepper and
/// GradientDescentStepper, on the UI thread: one step on data a person can look at takes well under
/// a millisecond. UI thread only.
class StepThroughDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { KMeans, GradientDescent };

    /// `data` as it reached the node; `nodeParams` supply the starting settings (n_clusters,
    /// seed, max_iter, tol for K-Means; C and fit_intercept for logistic regression) when they
    /// hold them. A table the mode cannot use shows why instead of a plot.
    StepThroughDialog(Mode mode, std::shared_ptr<const core::Table> data,
                      const core::ParamValues& nodeParams = {}, QWidget* parent = nullptr);
    ~StepThroughDialog() override;

    [[nodiscard]] Mode mode() const { return m_mode; }
    /// Takes one step (as the Step button does); false when there is nothing left to do.
    bool step();
    /// Starts or pauses the animated run (the Run / Pause button).
    void setRunning(bool on);
    [[nodiscard]] bool running() const;
    /// Back to the start with the current settings (the Reset button).
    void reset();

    /// What the dialog shows, for tests.
    [[nodiscard]] int stepCount() const;
    [[nodiscard]] QString phaseText() const;
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString errorText() const;
    [[nodiscard]] const core::KMeansStepper* kmeans() const { return m_kmeans.get(); }
    [[nodiscard]] const core::GradientDescentStepper* gradientDescent() const {
        return m_descent.get();
    }
    [[nodiscard]] KMeansStepView* kmeansView() const { return m_kmeansView; }
    [[nodiscard]] DecisionBoundaryView* boundaryView() const { return m_boundary; }
    [[nodiscard]] LossChart* lossChart() const { return m_loss; }
    [[nodiscard]] QComboBox* xCombo() const { return m_x; }
    [[nodiscard]] QComboBox* yCombo() const { return m_y; }
    [[nodiscard]] QComboBox* spaceCombo() const { return m_space; }
    [[nodiscard]] QSpinBox* clustersBox() const { return m_clusters; }
    [[nodiscard]] QDoubleSpinBox* learningRateBox() const { return m_rate; }
    [[nodiscard]] QSpinBox* hiddenUnitsBox() const { return m_hidden; }
    [[nodiscard]] QPushButton* stepButton() const { return m_stepButton; }
    [[nodiscard]] QPushButton* runButton() const { return m_runButton; }
    [[nodiscard]] QPushButton* resetButton() const { return m_resetButton; }

private:
    void buildControls(const core::ParamValues& params);
    void rebuild();
    void rebuildKMeans();
    void rebuildDescent();
    void showError(const QString& text);
    void updateView();
    void updateKMeansView();
    void updateDescentView();
    void updateButtons();

    Mode m_mode;
    std::shared_ptr<const core::Table> m_data;
    QStringList m_features; // numeric feature columns without missing values
    QString m_target;       // gradient descent: the target column

    std::unique_ptr<core::KMeansStepper> m_kmeans;
    std::shared_ptr<const core::PcaStep> m_projection; // K-Means on all features: PC1 × PC2
    std::unique_ptr<core::GradientDescentStepper> m_descent;
    std::shared_ptr<const core::Table> m_descentPoints;
    double m_xMin = 0, m_xMax = 1, m_yMin = 0, m_yMax = 1;
    uint32_t m_seed = 0;
    int m_maxIter = 300;
    double m_tol = 1e-4;
    double m_c = 1.0;
    bool m_fitIntercept = true;

    QLabel* m_error = nullptr;
    QComboBox* m_space = nullptr;
    QComboBox* m_x = nullptr;
    QComboBox* m_y = nullptr;
    QSpinBox* m_clusters = nullptr;
    QDoubleSpinBox* m_rate = nullptr;
    QSpinBox* m_hidden = nullptr;
    QStackedWidget* m_views = nullptr;
    KMeansStepView* m_kmeansView = nullptr;
    DecisionBoundaryView* m_boundary = nullptr;
    LossChart* m_loss = nullptr;
    QLabel* m_stepLabel = nullptr;
    QLabel* m_phaseLabel = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_stepButton = nullptr;
    QPushButton* m_runButton = nullptr;
    QPushButton* m_resetButton = nullptr;
    QTimer* m_timer = nullptr;
};

/// Adds "Step through…" to a node's context menu when the node is a K-Means or a logistic
/// regression (nullptr otherwise). The action opens a StepThroughDialog, deleted on close, on
/// `data()`: the table that reached the node in the last run (null: the dialog says to run
/// first), with the node's parameters as its starting settings.
QAction* addStepThroughAction(QMenu& menu, const core::Node& node,
                              std::function<std::shared_ptr<const core::Table>()> data,
                              QWidget* parent);

} // namespace oficina::ui
