// The data preview: a model over a million-row table that formats cells on demand and scrolls
// without stalling, and the column summary (type, missing, min/mean/max or categories, a
// histogram) computed for real data.
#include "data/CsvReader.h"
#include "data/Table.h"
#include "panels/ColumnSummaryView.h"
#include "panels/DataPreview.h"
#include "panels/TableModel.h"

#include <QElapsedTimer>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QtTest>

#include <cmath>
#include <numeric>

using namespace oficina;

namespace {

std::shared_ptr<const core::Table> bigTable(size_t rows) {
    std::vector<double> x(rows), y(rows);
    std::vector<int32_t> group(rows);
    for (size_t i = 0; i < rows; ++i) {
        x[i] = double(i) * 0.5;
        y[i] = i % 10 == 3 ? NAN : std::sin(double(i));
        group[i] = i % 7 == 0 ? core::Column::kMissingCode : int32_t(i % 3);
    }
    return std::make_shared<const core::Table>(std::vector<core::Column>{
        core::Column::numeric("x", std::move(x)), core::Column::numeric("y", std::move(y)),
        core::Column::categorical("group", std::move(group), {"a", "b", "c"},
                                  core::ColumnRole::Target)});
}

std::shared_ptr<const core::Table> iris() {
    return std::make_shared<const core::Table>(
        core::readCsv(OFICINA_SOURCE_DIR "/resources/datasets/iris.csv").table);
}

} // namespace

class DataPreviewTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void modelOverAMillionRows() {
        ui::TableModel model;
        QElapsedTimer timer;
        timer.start();
        model.setTable(bigTable(1'000'000));
        QCOMPARE(model.rowCount(), 1'000'000);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("x"));
        QCOMPARE(model.headerData(999'999, Qt::Vertical).toInt(), 1'000'000);
        QCOMPARE(model.data(model.index(999'999, 0)).toString(), QStringLiteral("499999.5"));
        QCOMPARE(model.data(model.index(3, 1)).toString(), QStringLiteral("NA"));  // missing
        QVERIFY(model.data(model.index(3, 1), Qt::ForegroundRole).isValid());
        QCOMPARE(model.data(model.index(1, 2)).toString(), QStringLiteral("b"));
        QCOMPARE(model.data(model.index(7, 2)).toString(), QStringLiteral("NA"));
        QCOMPARE(model.data(model.index(1, 1)).toString(), QString::number(std::sin(1.0), 'g', 8));
        QVERIFY(model.headerData(2, Qt::Horizontal, Qt::ToolTipRole).toString().contains("target"));
        qInfo("model over 1,000,000 rows ready in %.1f ms", double(timer.nsecsElapsed()) / 1e6);
    }

    void scrollsAMillionRowsSmoothly() {
        ui::DataPreview preview;
        preview.resize(900, 600);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        QElapsedTimer timer;
        timer.start();
        preview.setTable(bigTable(1'000'000), "big");
        QApplication::processEvents();
        const double showMs = double(timer.nsecsElapsed()) / 1e6;
        QScrollBar* bar = preview.view()->verticalScrollBar();
        QCOMPARE(bar->maximum() > 900'000, true);
        // Jump through the table as a dragged scroll bar does; repaint each time.
        double worst = 0;
        for (int step = 0; step <= 20; ++step) {
            timer.restart();
            bar->setValue(bar->maximum() / 20 * step);
            preview.view()->viewport()->repaint();
            worst = std::max(worst, double(timer.nsecsElapsed()) / 1e6);
        }
        qInfo("1,000,000 rows: shown in %.1f ms, worst scroll+repaint %.1f ms", showMs, worst);
        QVERIFY2(showMs < 1000, qPrintable(QString::number(showMs)));
        QVERIFY2(worst < 100, qPrintable(QString::number(worst)));
        const QModelIndex last = preview.view()->indexAt(
            preview.view()->viewport()->rect().bottomLeft() + QPoint(2, -2));
        QVERIFY(last.row() > 999'000);
    }

    void summaryOfRealColumns() {
        ui::DataPreview preview;
        preview.resize(900, 500);
        preview.setTable(iris(), "iris");
        // The first column is summarised at once: sepal length, mean 5.8433, 150 values.
        ui::ColumnSummaryView* summary = preview.summaryView();
        QVERIFY(summary->text().contains("sepal length"));
        QVERIFY2(summary->text().contains("5.8433333"), qPrintable(summary->text()));
        QVERIFY(summary->text().contains("4.3"));   // min
        QVERIFY(summary->text().contains("7.9"));   // max
        const auto& bars = summary->histogram();
        QCOMPARE(bars.size(), size_t(20));
        QCOMPARE(std::accumulate(bars.begin(), bars.end(), 0.0), 150.0);
        // numpy.histogram(iris['sepal length (cm)'], bins=20)
        QCOMPARE(bars, (std::vector<double>{4, 5, 7, 16, 9, 5, 13, 14, 10, 6, 10, 16, 7, 11, 4,
                                            2, 4, 1, 5, 1}));

        // Clicking the species header summarises the categories.
        QHeaderView* header = preview.view()->horizontalHeader();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(4) + 5, 5));
        QVERIFY(summary->text().contains("categorical"));
        QVERIFY(summary->text().contains("setosa"));
        QCOMPARE(summary->histogram(), (std::vector<double>{50, 50, 50}));

        // Missing values are counted.
        preview.setTable(bigTable(1000), "big");
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(1) + 5, 5));
        QVERIFY2(summary->text().contains(">100<"), qPrintable(summary->text()));  // missing y
        QCOMPARE(std::accumulate(summary->histogram().begin(), summary->histogram().end(), 0.0),
                 900.0);
        if (!qEnvironmentVariableIsEmpty("OFICINA_SHOTS")) {
            preview.setTable(iris(), "iris");
            preview.grab().save(qEnvironmentVariable("OFICINA_SHOTS") + "/datapreview.png");
        }
    }

    void clears() {
        ui::DataPreview preview;
        preview.setTable(iris(), "iris");
        preview.setTable(nullptr, {});
        QCOMPARE(preview.model()->rowCount(), 0);
        QVERIFY(preview.summaryView()->histogram().empty());
    }
};

QTEST_MAIN(DataPreviewTest)
#include "tst_datapreview.moc"
