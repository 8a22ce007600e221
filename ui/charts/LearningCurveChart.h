#pragma once

#include "charts/ChartView.h"

#include <QList>
#include <QPointF>

namespace oficina::core {
struct LabeledMatrix;
}

namespace oficina::ui {

/// The overfitting lesson: the training and the validation score against the number of
/// training rows (or against a model's complexity, for a validation curve) (core's "learning_curve" matrix: train_size, train_mean, train_std,
/// test_mean, test_std), each line with a shaded band of ± one standard deviation over the
/// folds. A wide gap between the lines is overfitting; two low lines, underfitting.
class LearningCurveChart : public ChartView {
    Q_OBJECT
public:
    explicit LearningCurveChart(QWidget* parent = nullptr);
    ~LearningCurveChart() override;

    /// `metric` names the score on the vertical axis ("accuracy"), when known. A
    /// "validation_curve" matrix (core's validation curve: the varied parameter's values in its
    /// first column, then the same four columns) is drawn against that parameter, titled
    /// `parameter`.
    void setMatrix(const core::LabeledMatrix& matrix, const QString& metric = {},
                   const QString& parameter = {});
    /// The mean lines drawn (for tests): training, validation.
    [[nodiscard]] const QList<QPointF>& trainPoints() const { return m_train; }
    [[nodiscard]] const QList<QPointF>& validationPoints() const { return m_validation; }
    /// Shaded standard-deviation bands drawn.
    [[nodiscard]] int bandCount() const { return m_bands; }

private:
    QList<QPointF> m_train, m_validation;
    int m_bands = 0;
};

} // namespace oficina::ui
