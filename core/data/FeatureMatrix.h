#pragma once

#include "data/Table.h"

#include <Eigen/Core>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace oficina::core {

/// The named columns as a dense matrix: one row per table row, one column per name, in the given
/// order. Throws Error naming the column if it is absent, categorical (models need an explicit
/// encoder), or has missing or infinite values.
Eigen::MatrixXd featureMatrix(const Table& table, const std::vector<std::string>& columns);

/// The same columns with the same checks, without a copy: each span views the column's values.
std::vector<std::span<const double>> featureColumns(const Table& table,
                                                    const std::vector<std::string>& columns);

/// Rows of a feature matrix, read a block at a time: models that can stream (least squares,
/// linear predictions) never hold a dense copy of a large table this way.
class RowBlocks {
public:
    virtual ~RowBlocks() = default;
    [[nodiscard]] virtual Eigen::Index rows() const = 0;
    [[nodiscard]] virtual Eigen::Index cols() const = 0;
    /// Rows [first, first + block.rows()) into `block`, which has cols() columns.
    virtual void read(Eigen::Index first, Eigen::Ref<Eigen::MatrixXd> block) const = 0;
};

/// The rows of a dense matrix, which must outlive this.
class MatrixRows final : public RowBlocks {
public:
    explicit MatrixRows(const Eigen::MatrixXd& matrix);
    [[nodiscard]] Eigen::Index rows() const override { return m_matrix.rows(); }
    [[nodiscard]] Eigen::Index cols() const override { return m_matrix.cols(); }
    void read(Eigen::Index first, Eigen::Ref<Eigen::MatrixXd> block) const override;

private:
    const Eigen::MatrixXd& m_matrix;
};

/// The named columns of a table, read through views without gathering them, after the same
/// checks as featureMatrix (made here, so a bad column fails before any work). The table must
/// outlive this.
class FeatureRows final : public RowBlocks {
public:
    FeatureRows(const Table& table, const std::vector<std::string>& columns);
    [[nodiscard]] Eigen::Index rows() const override { return m_rows; }
    [[nodiscard]] Eigen::Index cols() const override { return Eigen::Index(m_columns.size()); }
    void read(Eigen::Index first, Eigen::Ref<Eigen::MatrixXd> block) const override;

private:
    Eigen::Index m_rows;
    std::vector<const Column*> m_columns;
};

/// A classification target as class indices: codes[i] indexes labels.
struct ClassLabels {
    std::vector<int32_t> codes;
    std::vector<std::string> labels;
};

/// Categorical targets keep their dictionary (every category, used or not); numeric targets with
/// integer values get one label per distinct value in ascending order ("0", "1", "7"). Throws
/// Error for missing values and for non-integer numbers (a regression target).
ClassLabels classLabels(const Column& target);

} // namespace oficina::core
