#include "transform/FeatureSelection.h"

#include "data/FeatureMatrix.h"
#include "models/Model.h"
#include "transform/Scalers.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace oficina::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Numerical Recipes' betacf: the continued fraction for I_x(a, b), modified Lentz.
double betaContinuedFraction(double a, double b, double x) {
    constexpr double tiny = 1e-300, eps = 1e-16;
    const double qab = a + b, qap = a + 1.0, qam = a - 1.0;
    double c = 1.0;
    double d = 1.0 - qab * x / qap;
    if (std::abs(d) < tiny) d = tiny;
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= 100000; ++m) {
        const double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        if (std::abs(d) < tiny) d = tiny;
        c = 1.0 + aa / c;
        if (std::abs(c) < tiny) c = tiny;
        d = 1.0 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        if (std::abs(d) < tiny) d = tiny;
        c = 1.0 + aa / c;
        if (std::abs(c) < tiny) c = tiny;
        d = 1.0 / d;
        const double del = d * c;
        h *= del;
        if (std::abs(del - 1.0) < eps) break;
    }
    return h;
}

} // namespace

double regularizedIncompleteBeta(double a, double b, double x, double y) {
    if (std::isnan(x) || std::isnan(y)) return kNaN;
    if (x <= 0.0) return 0.0;
    if (y <= 0.0) return 1.0;
    const double logFront =
        std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log(y);
    const double front = std::exp(logFront);
    // The continued fraction converges fast below the mean; use the symmetry above it.
    if (x < (a + 1.0) / (a + b + 2.0)) return front * betaContinuedFraction(a, b, x) / a;
    return 1.0 - front * betaContinuedFraction(b, a, y) / b;
}

double fSurvival(double f, double dfn, double dfd) {
    if (std::isnan(f)) return kNaN;
    if (f <= 0.0) return 1.0;
    if (std::isinf(f)) return 0.0;
    // fdtrc(dfn, dfd, f) = I_{dfd / (dfd + dfn f)}(dfd / 2, dfn / 2)
    const double denominator = dfd + dfn * f;
    return regularizedIncompleteBeta(dfd / 2.0, dfn / 2.0, dfd / denominator,
                                     dfn * f / denominator);
}

FTest fClassif(const Eigen::MatrixXd& x, const std::vector<int32_t>& y) {
    const Eigen::Index rows = x.rows(), features = x.cols();
    int32_t classCount = 0;
    for (int32_t code : y)
        classCount = std::max(classCount, code + 1);
    std::vector<double> perClass(size_t(classCount), 0.0);
    for (int32_t code : y)
        perClass[size_t(code)] += 1.0;
    std::vector<int32_t> present;
    for (int32_t k = 0; k < classCount; ++k)
        if (perClass[size_t(k)] > 0) present.push_back(k);
    const double n = double(rows);
    const double dfbn = double(present.size()) - 1.0, dfwn = n - double(present.size());

    FTest out;
    std::vector<double> sums(static_cast<size_t>(classCount));
    for (Eigen::Index j = 0; j < features; ++j) {
        std::fill(sums.begin(), sums.end(), 0.0);
        double squares = 0.0;
        for (Eigen::Index i = 0; i < rows; ++i) {
            const double v = x(i, j);
            squares += v * v;
            sums[size_t(y[size_t(i)])] += v;
        }
        // scikit-learn's f_oneway, term for term.
        double total = 0.0;
        for (int32_t k : present)
            total += sums[size_t(k)];
        const double squareOfSums = total * total;
        const double sstot = squares - squareOfSums / n;
        double ssbn = 0.0;
        for (int32_t k : present)
            ssbn += sums[size_t(k)] * sums[size_t(k)] / perClass[size_t(k)];
        ssbn -= squareOfSums / n;
        const double sswn = sstot - ssbn;
        const double f = (ssbn / dfbn) / (sswn / dfwn);
        out.f.push_back(f);
        out.p.push_back(fSurvival(f, dfbn, dfwn));
    }
    return out;
}

FTest fRegression(const Eigen::MatrixXd& x, const Eigen::VectorXd& y) {
    const double n = double(x.rows());
    const Eigen::VectorXd centred = y.array() - y.mean();
    const double yNorm = centred.norm();
    const double dof = n - 2.0;
    FTest out;
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
        const auto column = x.col(j);
        const double mean = column.mean();
        // scikit-learn's r_regression: sqrt(Σx² − n·mean²) as the centred norm.
        const double norm = std::sqrt(column.squaredNorm() - n * mean * mean);
        double r = centred.dot(column) / norm / yNorm;
        if (std::isnan(r)) r = 0.0;
        const double r2 = r * r;
        double f = r2 / (1.0 - r2) * dof;
        double p = fSurvival(f, 1.0, dof);
        if (std::isinf(f)) {
            f = std::numeric_limits<double>::max();
            p = 0.0;
        } else if (std::isnan(f)) {
            f = 0.0;
            p = 1.0;
        }
        out.f.push_back(f);
        out.p.push_back(p);
    }
    return out;
}

FeatureSubsetStep::FeatureSubsetStep(std::vector<std::string> dropped,
                                     std::vector<std::string> kept, SelectionOptions options)
    : m_dropped(std::move(dropped)), m_kept(std::move(kept)), m_options(options) {}

std::string FeatureSubsetStep::typeId() const {
    return std::holds_alternative<SelectKBestOptions>(m_options) ? "oficina.select.k_best"
                                                                 : "oficina.select.variance";
}

const char* FeatureSubsetStep::title() const {
    return std::holds_alternative<SelectKBestOptions>(m_options)
               ? OFICINA_TR_NOOP("Select k best")
               : OFICINA_TR_NOOP("Variance threshold");
}

std::shared_ptr<const FittedStep> FeatureSubsetStep::refit(const Table& input) const {
    if (const auto* kBest = std::get_if<SelectKBestOptions>(&m_options))
        return fitSelectKBest(input, *kBest).step;
    return fitVarianceThreshold(input, std::get<VarianceThresholdOptions>(m_options).threshold)
        .step;
}

Table FeatureSubsetStep::apply(const Table& input) const {
    for (const std::string& name : m_kept)
        (void)fittedNumericColumn(input, name);
    std::vector<Column> columns;
    for (const Column& column : input.columns())
        if (std::find(m_dropped.begin(), m_dropped.end(), column.name()) == m_dropped.end())
            columns.push_back(column);
    Table out(std::move(columns));
    out.setLineage(input.lineage());
    return out;
}

namespace {

Metrics scoreMatrix(const std::vector<std::string>& names, const std::vector<double>& score,
                    const std::vector<double>& p, const std::vector<bool>& selected) {
    LabeledMatrix matrix{"feature_scores", names, {"score", "p_value", "selected"}, {}};
    if (p.empty()) matrix.columnLabels = {"score", "selected"};
    for (size_t j = 0; j < names.size(); ++j) {
        matrix.values.push_back(score[j]);
        if (!p.empty()) matrix.values.push_back(p[j]);
        matrix.values.push_back(selected[j] ? 1.0 : 0.0);
    }
    return Metrics{"feature_selection", {}, {std::move(matrix)}};
}

std::shared_ptr<const FeatureSubsetStep> subsetStep(const std::vector<std::string>& names,
                                                    const std::vector<bool>& selected,
                                                    SelectionOptions options) {
    std::vector<std::string> kept, dropped;
    for (size_t j = 0; j < names.size(); ++j)
        (selected[j] ? kept : dropped).push_back(names[j]);
    return std::make_shared<const FeatureSubsetStep>(std::move(dropped), std::move(kept), options);
}

} // namespace

FeatureSelection fitVarianceThreshold(const Table& table, double threshold) {
    const std::vector<std::string> names = numericFeatureNames(table);
    std::vector<double> variances;
    std::vector<bool> selected;
    for (const std::string& name : names) {
        const std::vector<double>& values = table.column(name).values();
        double sum = 0.0, lo = std::numeric_limits<double>::infinity(), hi = -lo;
        size_t count = 0;
        for (double v : values)
            if (!std::isnan(v)) {
                sum += v;
                ++count;
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        double variance = kNaN;
        if (count > 0) {
            const double mean = sum / double(count);
            double squares = 0.0;
            for (double v : values)
                if (!std::isnan(v)) squares += (v - mean) * (v - mean);
            variance = squares / double(count);
            // Threshold 0: a constant column must go even if rounding left a tiny variance.
            if (threshold == 0.0) variance = std::min(variance, hi - lo);
        }
        variances.push_back(variance);
        selected.push_back(variance > threshold);
    }
    if (std::none_of(selected.begin(), selected.end(), [](bool s) { return s; }))
        throw Error(Message(OFICINA_TR_NOOP("no feature has a variance above %1"),
                            {formatNumber(threshold)}));
    return {subsetStep(names, selected, VarianceThresholdOptions{threshold}),
            scoreMatrix(names, variances, {}, selected), std::nullopt};
}

FeatureSelection fitSelectKBest(const Table& table, const SelectKBestOptions& options) {
    const std::string target = requireTarget(table);
    const std::vector<std::string> names = allNumericFeatureNames(table);
    if (names.empty())
        throw Error(Message(OFICINA_TR_NOOP("the data has no feature columns to select from")));
    const Eigen::MatrixXd x = featureMatrix(table, names);
    const Column& targetColumn = table.column(target);
    ScoreFunction function = options.scoreFunc;
    if (function == ScoreFunction::Auto)
        function = targetColumn.isNumeric() ? ScoreFunction::FRegression : ScoreFunction::FClassif;

    FTest test;
    if (function == ScoreFunction::FClassif) {
        test = fClassif(x, classLabels(targetColumn).codes);
    } else {
        if (!targetColumn.isNumeric())
            throw Error(Message(OFICINA_TR_NOOP("target column '%1' is categorical; the "
                                                "regression F test needs a numeric target"),
                                {target}));
        const Eigen::MatrixXd y = featureMatrix(table, {target});
        test = fRegression(x, y.col(0));
    }

    std::optional<Message> warning;
    size_t k = options.k <= 0 ? names.size() : size_t(options.k);
    if (k > names.size()) {
        warning = Message(OFICINA_TR_NOOP("k = %1 is more than the %2 features; all are kept"),
                          {std::to_string(k), std::to_string(names.size())});
        k = names.size();
    }
    // A stable ascending sort with NaN lowest, keeping the last k: scikit-learn's
    // argsort(_clean_nans(scores), kind="mergesort")[-k:].
    std::vector<size_t> order(names.size());
    std::iota(order.begin(), order.end(), size_t(0));
    const auto rankScore = [&](size_t j) {
        return std::isnan(test.f[j]) ? -std::numeric_limits<double>::max() : test.f[j];
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return rankScore(a) < rankScore(b); });
    std::vector<bool> selected(names.size(), false);
    for (size_t r = names.size() - k; r < names.size(); ++r)
        selected[order[r]] = true;

    // Report a feature constant within every class as score 0, p 1 (scikit-learn: NaN), and an
    // infinite F as the largest double, so no NaN or inf reaches tables and charts.
    for (size_t j = 0; j < names.size(); ++j) {
        if (std::isnan(test.f[j])) {
            test.f[j] = 0.0;
            test.p[j] = 1.0;
        } else if (std::isinf(test.f[j])) {
            test.f[j] = std::numeric_limits<double>::max();
            test.p[j] = 0.0;
        }
    }
    return {subsetStep(names, selected, options), scoreMatrix(names, test.f, test.p, selected),
            warning};
}

} // namespace oficina::core
