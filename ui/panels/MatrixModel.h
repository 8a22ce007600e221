#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include <memory>
#include <vector>

namespace oficina::core {
struct LabeledMatrix;
struct Metrics;
} // namespace oficina::core

namespace oficina::ui {

/// A read-only model over metrics matrices: one matrix, or several with the same columns
/// stacked (the per-class ROC or precision–recall curves), a first column then naming each
/// row's part. Column headers are the metrics' translated names; cells are formatted when
/// the view asks, so a residuals matrix of 100,000 rows costs nothing up front.
class MatrixModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    struct Part {
        QString name;
        const core::LabeledMatrix* matrix;
    };
    /// `metrics` keeps the matrices alive; `parts` point into it. With `partHeader` empty and a
    /// single part, the part column is left out.
    MatrixModel(std::shared_ptr<const core::Metrics> metrics, std::vector<Part> parts,
                QString partHeader = {}, QObject* parent = nullptr);
    ~MatrixModel() override;

    /// Row headers to show instead of the matrices' row labels (e.g. translated model names).
    void setRowNames(QStringList names) { m_rowNames = std::move(names); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    /// The part holding `row`, and the row inside it.
    [[nodiscard]] std::pair<size_t, size_t> locate(int row) const;

    std::shared_ptr<const core::Metrics> m_metrics;
    std::vector<Part> m_parts;
    std::vector<size_t> m_firstRow;  // of each part, then the total
    QString m_partHeader;
    QStringList m_rowNames;
    int m_extra = 0;  // 1 with the part column
};

} // namespace oficina::ui
