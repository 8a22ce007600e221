#include "reduce/Pca.h"

#include "transform/Scalers.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <Eigen/Dense>
#include <Eigen/SVD>
#include <Spectra/SymEigsSolver.h>

#include <algorithm>
#include <cmath>

namespace oficina::core {

namespace {

constexpr Eigen::Index kBlockRows = 4096;

// Rows [start, start + block.rows()) of the named columns, centred, into `block`.
void gatherCentred(const std::vector<const std::vector<double>*>& columns,
                   const Eigen::VectorXd& mean, Eigen::Index start, Eigen::MatrixXd& block) {
    for (Eigen::Index j = 0; j < block.cols(); ++j) {
        const double* source = columns[size_t(j)]->data() + start;
        const double m = mean(j);
        for (Eigen::Index i = 0; i < block.rows(); ++i)
            block(i, j) = source[i] - m;
    }
}

// svd_flip(u_based_decision=True): the entry of largest magnitude in each column of U (the
// first one on ties) is made positive. Only the sign of U = Xc·V matters, so the scores are
// computed block by block for the kept axes instead of keeping U.
void flipSigns(const std::vector<const std::vector<double>*>& columns, const Eigen::VectorXd& mean,
               Eigen::Index rows, Eigen::MatrixXd& axes, const std::function<bool()>& stop) {
    const Eigen::Index k = axes.cols();
    Eigen::VectorXd best = Eigen::VectorXd::Constant(k, -1.0), sign = Eigen::VectorXd::Ones(k);
    Eigen::MatrixXd block;
    for (Eigen::Index start = 0; start < rows; start += kBlockRows) {
        if (stop && stop()) throw Cancelled{};
        block.resize(std::min(kBlockRows, rows - start), Eigen::Index(columns.size()));
        gatherCentred(columns, mean, start, block);
        const Eigen::MatrixXd scores = block * axes;
        for (Eigen::Index c = 0; c < k; ++c)
            for (Eigen::Index i = 0; i < scores.rows(); ++i)
                if (std::abs(scores(i, c)) > best(c)) {
                    best(c) = std::abs(scores(i, c));
                    sign(c) = scores(i, c) < 0 ? -1.0 : 1.0;
                }
    }
    for (Eigen::Index c = 0; c < k; ++c)
        axes.col(c) *= sign(c);
}

// y = Xcᵀ(Xc·x): the Gram operator Spectra iterates on, never formed.
class GramOperator {
public:
    using Scalar = double;
    explicit GramOperator(const Eigen::MatrixXd& centred) : m_x(centred) {}
    [[nodiscard]] Eigen::Index rows() const { return m_x.cols(); }
    [[nodiscard]] Eigen::Index cols() const { return m_x.cols(); }
    void perform_op(const double* in, double* out) const {
        m_tmp.noalias() = m_x * Eigen::Map<const Eigen::VectorXd>(in, m_x.cols());
        Eigen::Map<Eigen::VectorXd>(out, m_x.cols()).noalias() = m_x.transpose() * m_tmp;
    }

private:
    const Eigen::MatrixXd& m_x;
    mutable Eigen::VectorXd m_tmp;
};

Eigen::MatrixXd centredMatrix(const std::vector<const std::vector<double>*>& columns,
                              const Eigen::VectorXd& mean, Eigen::Index rows) {
    Eigen::MatrixXd x(rows, Eigen::Index(columns.size()));
    gatherCentred(columns, mean, 0, x);
    return x;
}

} // namespace

PcaStep::PcaStep(std::vector<std::string> columns, Eigen::VectorXd mean, Eigen::MatrixXd components,
                 Eigen::VectorXd explainedVariance, PcaOptions options)
    : m_columns(std::move(columns)), m_mean(std::move(mean)), m_components(std::move(components)),
      m_variance(std::move(explainedVariance)), m_options(options) {}

std::string PcaStep::typeId() const {
    return "oficina.reduce.pca";
}

const char* PcaStep::title() const {
    return OFICINA_TR_NOOP("PCA");
}

std::shared_ptr<const FittedStep> PcaStep::refit(const Table& input) const {
    return fitPca(input, m_options).step;
}

Eigen::MatrixXd PcaStep::transform(const Eigen::MatrixXd& x) const {
    Eigen::MatrixXd scores = (x.rowwise() - m_mean.transpose()) * m_components.transpose();
    if (m_options.whiten) scores.array().rowwise() /= m_variance.transpose().array().sqrt();
    return scores;
}

Table PcaStep::apply(const Table& input) const {
    std::vector<const std::vector<double>*> columns;
    for (const std::string& name : m_columns)
        columns.push_back(&fittedNumericColumn(input, name).values());
    const auto rows = Eigen::Index(input.rowCount());
    const Eigen::Index k = m_components.rows();
    std::vector<std::vector<double>> scores(static_cast<size_t>(k),
                                            std::vector<double>(static_cast<size_t>(rows)));
    const Eigen::MatrixXd projection = m_components.transpose();
    Eigen::RowVectorXd divisor = Eigen::RowVectorXd::Ones(k);
    if (m_options.whiten) divisor = m_variance.transpose().array().sqrt();
    Eigen::MatrixXd block;
    for (Eigen::Index start = 0; start < rows; start += kBlockRows) {
        block.resize(std::min(kBlockRows, rows - start), Eigen::Index(columns.size()));
        gatherCentred(columns, m_mean, start, block);
        Eigen::MatrixXd s = block * projection;
        s.array().rowwise() /= divisor.array();
        for (Eigen::Index c = 0; c < k; ++c)
            Eigen::Map<Eigen::VectorXd>(scores[size_t(c)].data() + start, s.rows()) = s.col(c);
    }
    std::vector<Column> added;
    for (Eigen::Index c = 0; c < k; ++c)
        added.push_back(
            Column::numeric("PC" + std::to_string(c + 1), std::move(scores[size_t(c)])));
    return replaceColumns(input, m_columns, std::move(added));
}

PcaFit fitPca(const Table& table, const PcaOptions& options,
              const std::function<bool()>& stopRequested) {
    std::vector<std::string> names = allNumericFeatureNames(table);
    if (names.empty())
        throw Error(Message(OFICINA_TR_NOOP("the data has no feature columns to reduce")));
    std::vector<const std::vector<double>*> columns;
    for (const std::string& name : names) {
        const Column& column = table.column(name);
        requireFinite(column);
        columns.push_back(&column.values());
    }
    const auto rows = Eigen::Index(table.rowCount());
    const auto features = Eigen::Index(names.size());
    if (rows < 2)
        throw Error(
            Message(OFICINA_TR_NOOP("PCA needs at least 2 rows, not %1"), {std::to_string(rows)}));
    const Eigen::Index largest = std::min(rows, features);

    const double requested = options.nComponents;
    const bool fraction = requested > 0.0 && requested < 1.0;
    if (requested < 0.0 || (requested >= 1.0 && requested != std::floor(requested)))
        throw Error(Message(OFICINA_TR_NOOP("n_components must be 0 (all), a whole number of "
                                            "components or a fraction of variance below 1, "
                                            "not %1"),
                            {formatNumber(requested)}));
    Eigen::Index k = requested == 0.0 || fraction ? largest : Eigen::Index(requested);
    if (k > largest)
        throw Error(Message(OFICINA_TR_NOOP("PCA cannot keep %1 components from %2 rows and %3 "
                                            "features"),
                            {std::to_string(k), std::to_string(rows), std::to_string(features)}));

    PcaSolver solver = options.solver;
    if (solver == PcaSolver::Auto) {
        // Small data gets the exact SVD: it costs microseconds there, and the covariance route
        // only pays off when one pass over big tall data is what matters.
        if (features <= 1000 && rows >= 10 * features && double(rows) * double(features) > 1e6)
            solver = PcaSolver::CovarianceEigh;
        else if (features > 500 && !fraction && double(k) < 0.8 * double(largest))
            solver = PcaSolver::Arpack;
        else
            solver = PcaSolver::Full;
    }
    if (solver == PcaSolver::Arpack && (fraction || k >= largest))
        throw Error(Message(OFICINA_TR_NOOP("the arpack solver needs a whole number of "
                                            "components below %1; choose the full solver"),
                            {std::to_string(largest)}));

    Eigen::VectorXd mean(features);
    for (Eigen::Index j = 0; j < features; ++j) {
        double sum = 0.0;
        for (double v : *columns[size_t(j)])
            sum += v;
        mean(j) = sum / double(rows);
    }

    Eigen::VectorXd singular; // all min(rows, features) of them, descending (not for arpack)
    Eigen::MatrixXd axes;     // features × components, one axis per column
    double totalVariance = 0.0;
    if (solver == PcaSolver::Full) {
        const Eigen::MatrixXd centred = centredMatrix(columns, mean, rows);
        if (stopRequested && stopRequested()) throw Cancelled{};
        Eigen::BDCSVD<Eigen::MatrixXd> svd(centred, Eigen::ComputeThinU | Eigen::ComputeThinV);
        singular = svd.singularValues();
        axes = svd.matrixV();
        const Eigen::MatrixXd& u = svd.matrixU();
        for (Eigen::Index c = 0; c < axes.cols(); ++c) {
            Eigen::Index at = 0;
            u.col(c).cwiseAbs().maxCoeff(&at); // Eigen returns the first maximum, as argmax
            if (u(at, c) < 0) axes.col(c) *= -1.0;
        }
        totalVariance = singular.squaredNorm() / double(rows - 1);
    } else if (solver == PcaSolver::CovarianceEigh) {
        Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(features, features);
        Eigen::MatrixXd block;
        for (Eigen::Index start = 0; start < rows; start += kBlockRows) {
            if (stopRequested && stopRequested()) throw Cancelled{};
            block.resize(std::min(kBlockRows, rows - start), features);
            gatherCentred(columns, mean, start, block);
            gram.selfadjointView<Eigen::Lower>().rankUpdate(block.transpose());
        }
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(gram);
        // Ascending → descending; rounding can leave tiny negative eigenvalues.
        const Eigen::VectorXd values = eigen.eigenvalues().reverse().cwiseMax(0.0);
        singular = values.head(largest).cwiseSqrt();
        axes = eigen.eigenvectors().rowwise().reverse().leftCols(largest);
        totalVariance = values.sum() / double(rows - 1);
    } else {
        const Eigen::MatrixXd centred = centredMatrix(columns, mean, rows);
        GramOperator op(centred);
        const Eigen::Index ncv = std::min(features, std::max<Eigen::Index>(2 * k + 1, 20));
        Spectra::SymEigsSolver<GramOperator> eigs(op, k, ncv);
        eigs.init();
        eigs.compute(Spectra::SortRule::LargestAlge, 1000, 1e-12);
        if (eigs.info() != Spectra::CompInfo::Successful)
            throw Error(Message(OFICINA_TR_NOOP("the arpack solver did not converge; choose "
                                                "the full solver")));
        singular = eigs.eigenvalues().cwiseMax(0.0).cwiseSqrt();
        axes = eigs.eigenvectors();
        flipSigns(columns, mean, rows, axes, stopRequested);
        totalVariance = centred.colwise().squaredNorm().sum() / double(rows - 1);
    }

    if (!(totalVariance > 0.0))
        throw Error(Message(OFICINA_TR_NOOP("every feature is constant, so PCA finds no "
                                            "direction of variance")));
    const Eigen::VectorXd variance = singular.array().square() / double(rows - 1);
    const Eigen::VectorXd ratio = variance / totalVariance;
    if (fraction) {
        // np.searchsorted(cumsum(ratio), target, side="right") + 1
        double cumulative = 0.0;
        Eigen::Index below = 0;
        for (Eigen::Index c = 0; c < ratio.size(); ++c) {
            cumulative += ratio(c);
            if (cumulative <= requested) below = c + 1;
        }
        k = std::min(below + 1, largest);
    }
    PcaFit fit;
    if (solver == PcaSolver::Arpack)
        fit.noiseVariance =
            k < largest ? (totalVariance - variance.sum()) / double(largest - k) : 0.0;
    else
        fit.noiseVariance = k < largest ? variance.tail(largest - k).mean() : 0.0;
    if (solver == PcaSolver::CovarianceEigh) {
        axes.conservativeResize(Eigen::NoChange, k);
        flipSigns(columns, mean, rows, axes, stopRequested);
    }
    fit.explainedVarianceRatio = ratio.head(k);
    fit.singularValues = singular.head(k);
    fit.solverUsed = solver;
    fit.step = std::make_shared<const PcaStep>(
        std::move(names), std::move(mean), axes.leftCols(k).transpose(), variance.head(k), options);
    return fit;
}

Metrics explainedVarianceMetrics(const PcaFit& fit) {
    const Eigen::VectorXd& variance = fit.step->explainedVariance();
    LabeledMatrix matrix{"explained_variance", {}, {"variance", "ratio", "cumulative"}, {}};
    double cumulative = 0.0;
    for (Eigen::Index c = 0; c < variance.size(); ++c) {
        cumulative += fit.explainedVarianceRatio(c);
        matrix.rowLabels.push_back("PC" + std::to_string(c + 1));
        matrix.values.insert(matrix.values.end(),
                             {variance(c), fit.explainedVarianceRatio(c), cumulative});
    }
    return Metrics{"reduction", {}, {std::move(matrix)}};
}

} // namespace oficina::core
