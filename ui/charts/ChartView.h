#pragma once

#include <QSet>
#include <QString>
#include <QWidget>

#include <functional>

class QAbstractSeries;
class QChart;
class QChartView;
class QHBoxLayout;
class QLabel;
class QPainter;
class QToolButton;

namespace oficina::ui {

/// Base of every chart: a header row (title, chart-specific controls, "Save image…") over a
/// canvas, which is a QChartView for Qt Charts plots or a painted widget (heatmap, dendrogram).
/// All Qt Charts use stays in ui/charts/, so a later move to Qt Graphs touches only this
/// folder. UI thread only.
class ChartView : public QWidget {
    Q_OBJECT
public:
    explicit ChartView(QWidget* parent = nullptr);
    ~ChartView() override;

    /// Writes the canvas as SVG (".svg") or as a raster image (".png" and the other formats
    /// Qt writes), at the size shown or `size` if given; false when the file cannot be written.
    bool saveImage(const QString& path, QSize size = {});
    /// The line under the header that says, e.g., that points were sampled.
    void setNote(const QString& note);
    [[nodiscard]] QString note() const;
    /// The Qt Charts chart, or nullptr for painted views.
    [[nodiscard]] QChart* chart() const { return m_chart; }
    [[nodiscard]] QWidget* canvas() const { return m_canvas; }
    /// The numbers behind the chart (a table, say), shown instead of the canvas while the
    /// header's "Data" toggle is on. `make` builds that widget when it is first asked for, so
    /// a chart of 100,000 points pays for its table only if someone looks; the view owns it.
    /// Saving still draws the chart.
    void setDataView(std::function<QWidget*()> make);
    /// The data widget, once built (by showData(true)).
    [[nodiscard]] QWidget* dataView() const { return m_dataView; }
    [[nodiscard]] bool hasDataView() const { return bool(m_makeDataView); }
    void showData(bool on);
    [[nodiscard]] bool dataShown() const;

    /// Presentation mode (MainWindow::setPresentation): charts shown from now on draw lines and
    /// axis text this much larger, and point charts their markers (sized when drawn); 1 = as
    /// usual. UI thread only.
    static void setPresentationScale(double scale);
    [[nodiscard]] static double presentationScale();
    /// Scales the series and axes added since the last call (shown charts call it themselves;
    /// a live chart that adds series calls it after).
    void applyPresentationScale();

protected:
    void showEvent(QShowEvent* event) override;
    /// A chart canvas (call once, in the subclass constructor).
    QChart* useChart();
    /// A painted canvas (call once, in the subclass constructor).
    void useCanvas(QWidget* canvas);
    /// Adds a control to the header row, left of "Save image…".
    void addControl(QWidget* control);
    void setTitle(const QString& title);
    /// Removes every series and axis from the chart, before a subclass draws new data.
    void resetChart();

private:
    void askAndSave();
    void drawCanvas(QPainter& painter, QSize size);

    QLabel* m_title = nullptr;
    QLabel* m_note = nullptr;
    QHBoxLayout* m_header = nullptr;
    int m_controlIndex = 1;
    QWidget* m_canvas = nullptr;
    QChart* m_chart = nullptr;
    QChartView* m_chartView = nullptr;
    std::function<QWidget*()> m_makeDataView;
    QSet<const QObject*> m_scaled; ///< series and axes already drawn at the presentation scale
    QWidget* m_dataView = nullptr;
    QToolButton* m_dataButton = nullptr;
    /// Series drawn through OpenGL, painted plainly while saving: the GL overlay is not seen
    /// by QWidget::render.
    QList<QAbstractSeries*> m_openGLWhileSaving;
};

} // namespace oficina::ui
