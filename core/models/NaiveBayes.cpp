#include "models/NaiveBayes.h"

#include "data/FeatureMatrix.h"
#include "models/Classification.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <cmath>
#include <map>
#include <numbers>

namespace oficina::core {

namespace {

// exp(jll − logsumexp(jll)) row by row, as scikit-learn's predict_proba.
Eigen::MatrixXd softmaxRows(Eigen::MatrixXd jll) {
    for (Eigen::Index i = 0; i < jll.rows(); ++i) {
        const double top = jll.row(i).maxCoeff();
        const double logSum = top + std::log((jll.row(i).array() - top).exp().sum());
        jll.row(i) = (jll.row(i).array() - logSum).exp().matrix();
    }
    return jll;
}

std::vector<size_t> classCounts(const std::vector<int32_t>& codes, size_t classes) {
    std::vector<size_t> counts(classes, 0);
    for (int32_t c : codes) ++counts[size_t(c)];
    return counts;
}

} // namespace

// ---- Gaussian ----------------------------------------------------------------------------

GaussianNaiveBayes::GaussianNaiveBayes(std::vector<std::string> featureNames,
                                       std::vector<std::string> classLabels, Eigen::MatrixXd theta,
                                       Eigen::MatrixXd variance, Eigen::VectorXd prior)
    : m_featureNames(std::move(featureNames)), m_classLabels(std::move(classLabels)),
      m_theta(std::move(theta)), m_variance(std::move(variance)), m_prior(std::move(prior)) {}

std::string GaussianNaiveBayes::typeId() const { return "oficina.model.gaussian_nb"; }

const char* GaussianNaiveBayes::title() const { return OFICINA_TR_NOOP("Gaussian naive Bayes"); }

Eigen::VectorXd GaussianNaiveBayes::logConstants() const {
    Eigen::VectorXd out(m_theta.rows());
    for (Eigen::Index c = 0; c < out.size(); ++c) {
        const Eigen::ArrayXd var = m_variance.row(c).transpose().array();
        out(c) = std::log(m_prior(c)) - 0.5 * (2.0 * std::numbers::pi * var).log().sum();
    }
    return out;
}

Eigen::MatrixXd GaussianNaiveBayes::jointLogLikelihood(const Eigen::MatrixXd& X) const {
    const Eigen::Index k = m_theta.rows();
    const Eigen::VectorXd constants = logConstants();
    Eigen::MatrixXd jll(X.rows(), k);
    Eigen::ArrayXd squares(X.rows());
    for (Eigen::Index c = 0; c < k; ++c) {
        // Σ_j (x_j − θ_j)² / σ²_j, a column of X at a time (X is column-major).
        squares.setZero();
        for (Eigen::Index j = 0; j < X.cols(); ++j)
            squares += (X.col(j).array() - m_theta(c, j)).square() / m_variance(c, j);
        jll.col(c) = (constants(c) - 0.5 * squares).matrix();
    }
    return jll;
}

Eigen::MatrixXd GaussianNaiveBayes::predictProbabilities(const Eigen::MatrixXd& X) const {
    return softmaxRows(jointLogLikelihood(X));
}

std::vector<int32_t> GaussianNaiveBayes::predictClasses(const Eigen::MatrixXd& X) const {
    return rowArgmax(jointLogLikelihood(X));
}

std::vector<Column> GaussianNaiveBayes::predict(const Table& transformed) const {
    const Eigen::MatrixXd X = featureMatrix(transformed, m_featureNames);
    const Eigen::MatrixXd jll = jointLogLikelihood(X);
    return classificationColumns(softmaxRows(jll), m_classLabels, rowArgmax(jll));
}

std::shared_ptr<const GaussianNaiveBayes>
trainGaussianNaiveBayes(const Table& table, const std::vector<std::string>& features,
                        const std::string& target, const GaussianNaiveBayesOptions& options) {
    if (!(options.varSmoothing >= 0.0))
        throw Error(Message(OFICINA_TR_NOOP("var_smoothing must not be negative, not %1"),
                            {formatNumber(options.varSmoothing)}));
    if (features.empty())
        throw Error(Message(OFICINA_TR_NOOP("there are no feature columns to train on")));
    // The table's own columns, read in place: a copy into a matrix costs more than the fit.
    const std::vector<std::span<const double>> X = featureColumns(table, features);
    const ClassLabels y = presentClasses(table.column(target));
    const auto n = Eigen::Index(table.rowCount()), d = Eigen::Index(X.size());
    const Eigen::Index k = Eigen::Index(y.labels.size());

    // np.var(X, axis=0).max() scales the smoothing.
    double largest = 0.0;
    for (const std::span<const double> column : X) {
        const Eigen::Map<const Eigen::ArrayXd> x(column.data(), n);
        largest = std::max(largest, (x - x.mean()).square().mean());
    }
    if (largest == 0.0)
        throw Error(Message(OFICINA_TR_NOOP("every feature is constant (column '%1' included); "
                                            "Gaussian naive Bayes has nothing to learn"),
                            {features.front()}));
    const double epsilon = options.varSmoothing * largest;

    const std::vector<size_t> counts = classCounts(y.codes, size_t(k));
    // Column by column: X is column-major, so each pass reads memory in order.
    Eigen::MatrixXd theta = Eigen::MatrixXd::Zero(k, d);
    Eigen::MatrixXd variance = Eigen::MatrixXd::Zero(k, d);
    const int32_t* codes = y.codes.data();
    for (Eigen::Index j = 0; j < d; ++j) {
        const double* x = X[size_t(j)].data();
        double* mean = theta.col(j).data();
        double* var = variance.col(j).data();
        for (Eigen::Index i = 0; i < n; ++i) mean[codes[i]] += x[i];
        for (Eigen::Index c = 0; c < k; ++c) mean[c] /= double(counts[size_t(c)]);
        for (Eigen::Index i = 0; i < n; ++i) {
            const double diff = x[i] - mean[codes[i]];
            var[codes[i]] += diff * diff;
        }
    }
    Eigen::VectorXd prior(k);
    for (Eigen::Index c = 0; c < k; ++c) {
        variance.row(c) /= double(counts[size_t(c)]);
        prior(c) = double(counts[size_t(c)]) / double(n);
    }
    variance.array() += epsilon;
    return std::make_shared<const GaussianNaiveBayes>(features, y.labels, std::move(theta),
                                                      std::move(variance), std::move(prior));
}

// ---- Categorical -------------------------------------------------------------------------

namespace {

// A feature's category index per row: the training dictionary's index for categorical columns
// (matched by label, so another file's dictionary works), the integer itself for ordinal codes.
// Unknown labels get -2 (never seen), so they use the unseen-category probability.
std::vector<int32_t> categoryCodes(const Column& column,
                                   const std::vector<std::string>* trainingCategories) {
    std::vector<int32_t> out(column.size());
    if (column.missingCount() > 0)
        throw Error(Message(OFICINA_TR_NOOP("column '%1' has %2 missing values; add an imputer "
                                            "or drop rows with missing values"),
                            {column.name(), std::to_string(column.missingCount())}));
    if (!column.isNumeric()) {
        const auto& categories = column.categories();
        std::vector<int32_t> remap(categories.size(), -2);
        if (!trainingCategories) {
            for (size_t i = 0; i < remap.size(); ++i) remap[i] = int32_t(i);
        } else {
            std::map<std::string, int32_t> index;
            for (size_t i = 0; i < trainingCategories->size(); ++i)
                index[(*trainingCategories)[i]] = int32_t(i);
            for (size_t i = 0; i < categories.size(); ++i)
                if (auto it = index.find(categories[i]); it != index.end()) remap[i] = it->second;
        }
        for (size_t i = 0; i < out.size(); ++i) out[i] = remap[size_t(column.codes()[i])];
        return out;
    }
    for (size_t i = 0; i < out.size(); ++i) {
        const double v = column.values()[i];
        if (!(v >= 0.0) || v != std::floor(v) || v > 1e9)
            throw Error(Message(OFICINA_TR_NOOP("column '%1' holds %2, but categorical naive "
                                                "Bayes needs categories or non-negative integer "
                                                "codes"),
                                {column.name(), formatNumber(v)}));
        out[i] = int32_t(v);
    }
    return out;
}

} // namespace

CategoricalNaiveBayes::CategoricalNaiveBayes(std::vector<Feature> features,
                                             std::vector<std::string> classLabels,
                                             Eigen::VectorXd classLogPrior)
    : m_features(std::move(features)), m_classLabels(std::move(classLabels)),
      m_classLogPrior(std::move(classLogPrior)) {
    for (const Feature& f : m_features) m_featureNames.push_back(f.name);
}

std::string CategoricalNaiveBayes::typeId() const { return "oficina.model.categorical_nb"; }

const char* CategoricalNaiveBayes::title() const {
    return OFICINA_TR_NOOP("Categorical naive Bayes");
}

Eigen::MatrixXd CategoricalNaiveBayes::jointLogLikelihood(const Table& table) const {
    const Eigen::Index k = m_classLogPrior.size();
    Eigen::MatrixXd jll(Eigen::Index(table.rowCount()), k);
    jll.rowwise() = m_classLogPrior.transpose();
    for (const Feature& f : m_features) {
        const Column& column = table.column(f.name);
        const bool categorical = !f.categories.empty() || !column.isNumeric();
        if (categorical && column.isNumeric())
            throw Error(Message(OFICINA_TR_NOOP("column '%1' was categorical in training but "
                                                "holds numbers here"),
                                {f.name}));
        const std::vector<int32_t> codes =
            categoryCodes(column, categorical ? &f.categories : nullptr);
        for (size_t i = 0; i < codes.size(); ++i) {
            const int32_t code = codes[i];
            if (code >= 0 && code < f.logProbability.cols())
                jll.row(Eigen::Index(i)) += f.logProbability.col(code).transpose();
            else
                jll.row(Eigen::Index(i)) += f.unseenLogProbability.transpose();
        }
    }
    return jll;
}

std::vector<Column> CategoricalNaiveBayes::predict(const Table& transformed) const {
    const Eigen::MatrixXd jll = jointLogLikelihood(transformed);
    return classificationColumns(softmaxRows(jll), m_classLabels, rowArgmax(jll));
}

std::shared_ptr<const CategoricalNaiveBayes>
trainCategoricalNaiveBayes(const Table& table, const std::vector<std::string>& features,
                           const std::string& target, const CategoricalNaiveBayesOptions& options) {
    if (!(options.alpha > 0.0))
        throw Error(Message(OFICINA_TR_NOOP("alpha must be positive, not %1"),
                            {formatNumber(options.alpha)}));
    if (features.empty())
        throw Error(Message(OFICINA_TR_NOOP("there are no feature columns to train on")));
    const ClassLabels y = presentClasses(table.column(target));
    const Eigen::Index k = Eigen::Index(y.labels.size());
    const std::vector<size_t> counts = classCounts(y.codes, size_t(k));

    std::vector<CategoricalNaiveBayes::Feature> fitted;
    for (const std::string& name : features) {
        const Column& column = table.column(name);
        const std::vector<int32_t> codes = categoryCodes(column, nullptr);
        int32_t largest = 0;
        for (int32_t c : codes) largest = std::max(largest, c);
        const Eigen::Index categories = largest + 1;
        Eigen::MatrixXd count = Eigen::MatrixXd::Zero(k, categories);
        for (size_t i = 0; i < codes.size(); ++i) count(y.codes[i], codes[i]) += 1.0;
        // feature_log_prob_ = log(N_ci + α) − log(N_c + α · categories).
        CategoricalNaiveBayes::Feature f;
        f.name = name;
        if (!column.isNumeric())
            f.categories.assign(column.categories().begin(),
                                column.categories().begin() + categories);
        f.logProbability = (count.array() + options.alpha).log().matrix();
        f.unseenLogProbability.resize(k);
        for (Eigen::Index c = 0; c < k; ++c) {
            const double denominator =
                std::log(count.row(c).sum() + options.alpha * double(categories));
            f.logProbability.row(c).array() -= denominator;
            f.unseenLogProbability(c) = std::log(options.alpha) - denominator;
        }
        fitted.push_back(std::move(f));
    }
    Eigen::VectorXd prior(k);
    for (Eigen::Index c = 0; c < k; ++c)
        prior(c) = std::log(double(counts[size_t(c)])) - std::log(double(y.codes.size()));
    return std::make_shared<const CategoricalNaiveBayes>(std::move(fitted), y.labels,
                                                         std::move(prior));
}

} // namespace oficina::core
