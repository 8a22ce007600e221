#include "models/Svm.h"

#include "models/Classification.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <linear.h>
#include <svm.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <mutex>
#include <new>
#include <numeric>

namespace oficina::core {

using Eigen::Index;

namespace {

// libsvm and liblinear draw from the C library's rand() and print through one global hook:
// fits take this lock so a seed set with srand() governs the whole fit, and the hook's output
// and stop token belong to the fit that holds it.
std::mutex& libraryMutex() {
    static std::mutex mutex;
    return mutex;
}

std::string& libraryOutput() {
    static std::string output;
    return output;
}

std::stop_token& libraryStop() {
    static std::stop_token stop;
    return stop;
}

// The libraries offer no cancel, but print a progress dot every 1000 SMO iterations (libsvm)
// or every few passes (liblinear): Stop takes effect there, by unwinding out of the library.
// That leaks the solver's O(rows) work arrays (its kernel cache is a destructed temporary), a
// price paid once per cancelled fit.
void captureOutput(const char* text) {
    if (libraryStop().stop_requested()) throw Cancelled{};
    libraryOutput() += text;
}

// Holds the library lock for one fit, with `stop` visible to the output hook.
class LibraryFit {
public:
    explicit LibraryFit(std::stop_token stop, unsigned seed) : m_lock(libraryMutex()) {
        libraryOutput().clear();
        libraryStop() = std::move(stop);
        std::srand(seed);
    }
    ~LibraryFit() { libraryStop() = {}; }
    LibraryFit(const LibraryFit&) = delete;
    LibraryFit& operator=(const LibraryFit&) = delete;

private:
    std::lock_guard<std::mutex> m_lock;
};

void installOutputHooks() {
    static std::once_flag once;
    std::call_once(once, [] {
        set_print_string_function(captureOutput);
        svm_set_print_string_function(captureOutput);
    });
}

void checkPositive(const char* key, double value) {
    if (!(value > 0.0) || !std::isfinite(value))
        throw Error(Message(OFICINA_TR_NOOP("%1 must be a positive number, not %2"),
                            {key, formatNumber(value)}));
}

// Row i of X as liblinear/libsvm sparse nodes (1-based indices, zeros left out, as scikit-learn
// converts dense input), appended to `nodes`; `extra` nodes may follow before the terminator.
template <class Node> void appendRow(const Eigen::MatrixXd& X, Index i, std::vector<Node>& nodes) {
    for (Index j = 0; j < X.cols(); ++j)
        if (const double v = X(i, j); v != 0.0) nodes.push_back({int(j + 1), v});
}

int liblinearSolverType(LiblinearSolver solver) {
    switch (solver) {
    case LiblinearSolver::L2LogisticPrimal: return L2R_LR;
    case LiblinearSolver::L1Logistic: return L1R_LR;
    case LiblinearSolver::L2SquaredHingeDual: return L2R_L2LOSS_SVC_DUAL;
    case LiblinearSolver::L1SquaredHinge: return L1R_L2LOSS_SVC;
    }
    return L2R_L2LOSS_SVC_DUAL;
}

int libsvmKernel(SvmKernel kernel) {
    switch (kernel) {
    case SvmKernel::Linear: return LINEAR;
    case SvmKernel::Poly: return POLY;
    case SvmKernel::Rbf: return RBF;
    case SvmKernel::Sigmoid: return SIGMOID;
    }
    return RBF;
}

} // namespace

std::vector<double> classWeights(const std::vector<int32_t>& y, int classCount,
                                 ClassWeight mode) {
    std::vector<double> weights(size_t(std::max(classCount, 0)), 1.0);
    if (mode == ClassWeight::None) return weights;
    std::vector<size_t> counts(weights.size(), 0);
    for (int32_t code : y) ++counts[size_t(code)];
    // compute_class_weight("balanced") over the classes present.
    const double present = double(std::count_if(counts.begin(), counts.end(),
                                                [](size_t c) { return c > 0; }));
    for (size_t c = 0; c < counts.size(); ++c)
        if (counts[c] > 0) weights[c] = double(y.size()) / (present * double(counts[c]));
    return weights;
}

// ----------------------------------------------------------------------------------- liblinear

LiblinearFit fitLiblinear(const Eigen::MatrixXd& X, const std::vector<int32_t>& y, int classCount,
                          const LiblinearOptions& options, std::stop_token stop) {
    checkPositive("C", options.c);
    checkPositive("tol", options.tol);
    checkPositive("intercept_scaling", options.interceptScaling);
    checkClassInput(X, y, classCount);
    if (stop.stop_requested()) throw Cancelled{};

    const Index n = X.rows();
    const Index d = X.cols();
    const double bias = options.fitIntercept ? options.interceptScaling : -1.0;
    std::vector<feature_node> nodes;
    nodes.reserve(size_t(n * (d + 2)));
    std::vector<size_t> starts(static_cast<size_t>(n));
    for (Index i = 0; i < n; ++i) {
        starts[size_t(i)] = nodes.size();
        appendRow(X, i, nodes);
        if (bias >= 0) nodes.push_back({int(d + 1), bias});
        nodes.push_back({-1, 0.0});
    }
    std::vector<feature_node*> rows(static_cast<size_t>(n));
    for (Index i = 0; i < n; ++i) rows[size_t(i)] = nodes.data() + starts[size_t(i)];
    std::vector<double> targets(y.begin(), y.end());
    problem prob{};
    prob.l = int(n);
    prob.n = int(d + (bias >= 0 ? 1 : 0));
    prob.y = targets.data();
    prob.x = rows.data();
    prob.bias = bias;

    std::vector<int> weightLabels(static_cast<size_t>(classCount));
    std::iota(weightLabels.begin(), weightLabels.end(), 0);
    std::vector<double> weights = classWeights(y, classCount, options.classWeight);
    parameter param{};
    param.solver_type = liblinearSolverType(options.solver);
    param.eps = options.tol;
    param.C = options.c;
    param.nr_weight = classCount;
    param.weight_label = weightLabels.data();
    param.weight = weights.data();
    param.p = 0.1;
    param.init_sol = nullptr;
    if (const char* problemText = check_parameter(&prob, &param))
        throw Error(Message(OFICINA_TR_NOOP("liblinear rejected the options: %1"),
                            {problemText}));

    installOutputHooks();
    model* fitted = nullptr;
    std::string output;
    {
        const LibraryFit guard(stop, options.seed);
        fitted = train(&prob, &param);
        output.swap(libraryOutput());
    }
    if (!fitted) throw Error(Message(OFICINA_TR_NOOP("liblinear failed to fit the model")));

    LiblinearFit fit;
    const int classes = fitted->nr_class;
    const int rowsOfW = classes == 2 ? 1 : classes;
    fit.coefficients = Eigen::MatrixXd::Zero(classes == 2 ? 1 : classCount, d);
    fit.intercepts = Eigen::VectorXd::Zero(fit.coefficients.rows());
    for (int r = 0; r < rowsOfW; ++r) {
        // Binary: liblinear's single row scores its first label; scikit-learn's scores class 1.
        const double sign = classes == 2 && fitted->label[0] != 1 ? -1.0 : 1.0;
        const Index row = classes == 2 ? 0 : fitted->label[r];
        for (Index j = 0; j < d; ++j) fit.coefficients(row, j) = sign * fitted->w[j * rowsOfW + r];
        if (bias >= 0) fit.intercepts(row) = sign * bias * fitted->w[d * rowsOfW + r];
    }
    free_and_destroy_model(&fitted);
    if (output.find("reaching max number of") != std::string::npos) {
        fit.converged = false;
        fit.warning = Message(OFICINA_TR_NOOP("liblinear reached its iteration limit without "
                                              "converging; scale the features or lower C"));
    }
    if (stop.stop_requested()) throw Cancelled{};
    return fit;
}

LinearSvc::LinearSvc(std::vector<std::string> featureNames, std::vector<std::string> classLabels,
                     Eigen::MatrixXd coefficients, Eigen::VectorXd intercepts)
    : m_featureNames(std::move(featureNames)), m_classLabels(std::move(classLabels)),
      m_coefficients(std::move(coefficients)), m_intercepts(std::move(intercepts)) {}

const char* LinearSvc::title() const {
    return OFICINA_TR_NOOP("Linear SVM");
}

Eigen::MatrixXd LinearSvc::decisionFunction(const Eigen::MatrixXd& X) const {
    Eigen::MatrixXd scores = X * m_coefficients.transpose();
    scores.rowwise() += m_intercepts.transpose();
    return scores;
}

std::vector<int32_t> LinearSvc::predictClasses(const Eigen::MatrixXd& X) const {
    const Eigen::MatrixXd scores = decisionFunction(X);
    std::vector<int32_t> classes(static_cast<size_t>(X.rows()));
    for (Index i = 0; i < scores.rows(); ++i) {
        if (scores.cols() == 1) {
            classes[size_t(i)] = scores(i, 0) > 0.0 ? 1 : 0;
            continue;
        }
        Index best = 0;
        scores.row(i).maxCoeff(&best);
        classes[size_t(i)] = int32_t(best);
    }
    return classes;
}

std::vector<Column> LinearSvc::predict(const Table& transformed) const {
    const Eigen::MatrixXd X = featureMatrix(transformed, m_featureNames);
    return {Column::categorical(kPredictionColumn, predictClasses(X), m_classLabels,
                                ColumnRole::Prediction)};
}

// -------------------------------------------------------------------------------------- libsvm

struct KernelSvm::Impl {
    bool classifier = true;
    std::vector<std::string> featureNames;
    Index featureCount = 0;
    std::vector<std::string> classLabels;
    std::vector<svm_node> supportVectors; // owned copies; model->SV points here
    svm_model* model = nullptr;
    double gamma = 0.0;

    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() {
        if (model) svm_free_and_destroy_model(&model);
    }

    // Calls f(i, nodes) for each row of X converted to libsvm nodes (one reused buffer).
    template <class F> void forEachRow(const Eigen::MatrixXd& X, const F& f) const {
        if (X.cols() != featureCount)
            throw Error(Message(OFICINA_TR_NOOP("%1 features given to a model trained on %2"),
                                {std::to_string(X.cols()), std::to_string(featureCount)}));
        std::vector<svm_node> row;
        row.reserve(size_t(X.cols() + 1));
        for (Index i = 0; i < X.rows(); ++i) {
            row.clear();
            appendRow(X, i, row);
            row.push_back({-1, 0.0});
            f(i, row.data());
        }
    }
};

KernelSvm::KernelSvm(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
KernelSvm::~KernelSvm() = default;

std::string KernelSvm::typeId() const {
    return m_impl->classifier ? "oficina.model.svc" : "oficina.model.svr";
}

const char* KernelSvm::title() const {
    return m_impl->classifier ? OFICINA_TR_NOOP("SVM (kernel)") : OFICINA_TR_NOOP("SVR");
}

Task KernelSvm::task() const {
    return m_impl->classifier ? Task::Classification : Task::Regression;
}

const std::vector<std::string>& KernelSvm::featureNames() const {
    return m_impl->featureNames;
}

const std::vector<std::string>& KernelSvm::classLabels() const {
    return m_impl->classLabels;
}

double KernelSvm::gamma() const {
    return m_impl->gamma;
}

int KernelSvm::supportVectorCount() const {
    return m_impl->model->l;
}

bool KernelSvm::hasProbabilities() const {
    return m_impl->classifier && svm_check_probability_model(m_impl->model) != 0;
}

KernelSvmParameters KernelSvm::parameters() const {
    const svm_model* model = m_impl->model;
    KernelSvmParameters out;
    switch (model->param.kernel_type) {
    case LINEAR: out.kernel = SvmKernel::Linear; break;
    case POLY: out.kernel = SvmKernel::Poly; break;
    case SIGMOID: out.kernel = SvmKernel::Sigmoid; break;
    default: out.kernel = SvmKernel::Rbf; break;
    }
    out.degree = model->param.degree;
    out.gamma = model->param.gamma;
    out.coef0 = model->param.coef0;
    const int l = model->l, groups = m_impl->classifier ? model->nr_class : 2;
    out.supportVectors = Eigen::MatrixXd::Zero(l, m_impl->featureCount);
    for (int s = 0; s < l; ++s)
        for (const svm_node* p = model->SV[s]; p->index != -1; ++p)
            out.supportVectors(s, p->index - 1) = p->value;
    out.coefficients.resize(groups - 1, l);
    for (int r = 0; r < groups - 1; ++r)
        for (int s = 0; s < l; ++s) out.coefficients(r, s) = model->sv_coef[r][s];
    const int pairs = m_impl->classifier ? groups * (groups - 1) / 2 : 1;
    out.rho = Eigen::Map<const Eigen::VectorXd>(model->rho, pairs);
    if (m_impl->classifier) {
        out.groupSizes.assign(model->nSV, model->nSV + groups);
        out.groupClasses.assign(model->label, model->label + groups);
        if (model->probA && model->probB) {
            out.probA = Eigen::Map<const Eigen::VectorXd>(model->probA, pairs);
            out.probB = Eigen::Map<const Eigen::VectorXd>(model->probB, pairs);
        }
    }
    return out;
}

Eigen::MatrixXd KernelSvm::decisionValues(const Eigen::MatrixXd& X) const {
    const svm_model* model = m_impl->model;
    const int k = m_impl->classifier ? model->nr_class : 2;
    const int pairs = k * (k - 1) / 2;
    Eigen::MatrixXd out(X.rows(), pairs);
    std::vector<double> values(static_cast<size_t>(pairs));
    m_impl->forEachRow(X, [&](Index i, const svm_node* row) {
        svm_predict_values(model, row, values.data());
        for (int p = 0; p < pairs; ++p) out(i, p) = values[size_t(p)];
    });
    // Labels are grouped in ascending order (see fitSvc), so libsvm's pairs are scikit-learn's;
    // for two classes scikit-learn flips the sign so that positive favours class 1.
    if (m_impl->classifier && k == 2) out = -out;
    return out;
}

std::vector<int32_t> KernelSvm::predictClasses(const Eigen::MatrixXd& X) const {
    std::vector<int32_t> classes(static_cast<size_t>(X.rows()));
    m_impl->forEachRow(X, [&](Index i, const svm_node* row) {
        classes[size_t(i)] = int32_t(svm_predict(m_impl->model, row));
    });
    return classes;
}

Eigen::MatrixXd KernelSvm::predictProbabilities(const Eigen::MatrixXd& X) const {
    const svm_model* model = m_impl->model;
    Eigen::MatrixXd out = Eigen::MatrixXd::Zero(X.rows(), Index(m_impl->classLabels.size()));
    std::vector<double> p(static_cast<size_t>(model->nr_class));
    m_impl->forEachRow(X, [&](Index i, const svm_node* row) {
        svm_predict_probability(model, row, p.data());
        for (int c = 0; c < model->nr_class; ++c) out(i, model->label[c]) = p[size_t(c)];
    });
    return out;
}

Eigen::VectorXd KernelSvm::predictValues(const Eigen::MatrixXd& X) const {
    Eigen::VectorXd out(X.rows());
    m_impl->forEachRow(X, [&](Index i, const svm_node* row) {
        out(i) = svm_predict(m_impl->model, row);
    });
    return out;
}

std::vector<Column> KernelSvm::predict(const Table& transformed) const {
    const Eigen::MatrixXd X = featureMatrix(transformed, m_impl->featureNames);
    if (!m_impl->classifier) {
        const Eigen::VectorXd values = predictValues(X);
        return {Column::numeric(kPredictionColumn, {values.begin(), values.end()},
                                ColumnRole::Prediction)};
    }
    std::vector<Column> columns;
    columns.push_back(Column::categorical(kPredictionColumn, predictClasses(X),
                                          m_impl->classLabels, ColumnRole::Prediction));
    if (hasProbabilities()) {
        const Eigen::MatrixXd p = predictProbabilities(X);
        for (size_t c = 0; c < m_impl->classLabels.size(); ++c) {
            const auto column = p.col(Index(c));
            columns.push_back(Column::numeric(probabilityColumnName(m_impl->classLabels[c]),
                                              {column.begin(), column.end()},
                                              ColumnRole::Prediction));
        }
    }
    return columns;
}

namespace {

void checkKernelOptions(const KernelSvmOptions& options, Index rows) {
    if (size_t(rows) > kKernelSvmMaxRows)
        throw Error(Message(OFICINA_TR_NOOP("a kernel SVM on %1 rows would take very long (its "
                                            "cost grows with the square of the rows; the limit "
                                            "is %2); use the linear SVM or sample the rows"),
                            {std::to_string(rows), std::to_string(kKernelSvmMaxRows)}));
    checkPositive("C", options.c);
    checkPositive("tol", options.tol);
    checkPositive("cache_size", options.cacheSizeMb);
    if (!(options.gamma >= 0.0) || !std::isfinite(options.gamma))
        throw Error(Message(OFICINA_TR_NOOP("gamma must not be negative, not %1"),
                            {formatNumber(options.gamma)}));
    if (options.degree < 0)
        throw Error(Message(OFICINA_TR_NOOP("degree must not be negative, not %1"),
                            {std::to_string(options.degree)}));
    if (!(options.epsilon >= 0.0))
        throw Error(Message(OFICINA_TR_NOOP("epsilon must not be negative, not %1"),
                            {formatNumber(options.epsilon)}));
}

// Trains libsvm on the rows of X in the order `order`, keeping owned copies of the support
// vectors so the training nodes can go.
std::unique_ptr<KernelSvm::Impl> trainLibsvm(const Eigen::MatrixXd& X,
                                             const std::vector<double>& targets,
                                             const std::vector<Index>& order, svm_parameter param,
                                             unsigned seed, std::stop_token stop) {
    if (stop.stop_requested()) throw Cancelled{};
    std::vector<svm_node> nodes;
    nodes.reserve(size_t(X.rows() * (X.cols() + 1)));
    std::vector<size_t> starts;
    std::vector<double> y;
    for (Index i : order) {
        starts.push_back(nodes.size());
        appendRow(X, i, nodes);
        nodes.push_back({-1, 0.0});
        y.push_back(targets[size_t(i)]);
    }
    std::vector<svm_node*> rows;
    for (size_t s : starts) rows.push_back(nodes.data() + s);
    svm_problem prob{};
    prob.l = int(rows.size());
    prob.y = y.data();
    prob.x = rows.data();
    if (const char* problemText = svm_check_parameter(&prob, &param))
        throw Error(Message(OFICINA_TR_NOOP("libsvm rejected the options: %1"), {problemText}));

    installOutputHooks();
    auto impl = std::make_unique<KernelSvm::Impl>();
    {
        const LibraryFit guard(stop, seed);
        impl->model = svm_train(&prob, &param);
    }
    if (!impl->model) throw Error(Message(OFICINA_TR_NOOP("libsvm failed to fit the model")));
    // The model's parameter struct points at our weight arrays; it never needs them again.
    impl->model->param.weight_label = nullptr;
    impl->model->param.weight = nullptr;
    impl->model->param.nr_weight = 0;

    svm_model* model = impl->model;
    size_t total = 0;
    for (int s = 0; s < model->l; ++s) {
        const svm_node* p = model->SV[s];
        while (p->index != -1) ++p, ++total;
        ++total;
    }
    impl->supportVectors.reserve(total);
    std::vector<size_t> svStarts;
    for (int s = 0; s < model->l; ++s) {
        svStarts.push_back(impl->supportVectors.size());
        const svm_node* p = model->SV[s];
        for (; p->index != -1; ++p) impl->supportVectors.push_back(*p);
        impl->supportVectors.push_back(*p);
    }
    for (int s = 0; s < model->l; ++s)
        model->SV[s] = impl->supportVectors.data() + svStarts[size_t(s)];
    model->free_sv = 0;
    if (stop.stop_requested()) throw Cancelled{};
    return impl;
}

svm_parameter libsvmParameter(const Eigen::MatrixXd& X, const KernelSvmOptions& options,
                              double& gamma) {
    gamma = options.gamma;
    if (gamma == 0.0) {
        // scikit-learn's gamma="scale": 1 / (n_features · X.var()).
        const double variance = (X.array() - X.mean()).square().mean();
        gamma = variance != 0.0 ? 1.0 / (double(X.cols()) * variance) : 1.0;
    }
    svm_parameter param{};
    param.kernel_type = libsvmKernel(options.kernel);
    param.degree = options.degree;
    param.gamma = gamma;
    param.coef0 = options.coef0;
    param.cache_size = options.cacheSizeMb;
    param.eps = options.tol;
    param.C = options.c;
    param.nu = 0.5;
    param.p = options.epsilon;
    param.shrinking = options.shrinking ? 1 : 0;
    return param;
}

} // namespace

std::shared_ptr<const KernelSvm> fitSvc(const Eigen::MatrixXd& X, const std::vector<int32_t>& y,
                                        std::vector<std::string> classLabels,
                                        std::vector<std::string> featureNames,
                                        const KernelSvmOptions& options, std::stop_token stop) {
    checkKernelOptions(options, X.rows());
    const int classCount = int(classLabels.size());
    checkClassInput(X, y, classCount);
    double gamma = 0.0;
    svm_parameter param = libsvmParameter(X, options, gamma);
    param.svm_type = C_SVC;
    param.probability = options.probability ? 1 : 0;
    std::vector<int> weightLabels(static_cast<size_t>(classCount));
    std::iota(weightLabels.begin(), weightLabels.end(), 0);
    std::vector<double> weights = classWeights(y, classCount, options.classWeight);
    param.nr_weight = classCount;
    param.weight_label = weightLabels.data();
    param.weight = weights.data();

    // scikit-learn's libsvm groups the classes in ascending order, the original one in order of
    // first appearance: rows sorted stably by class give the original the same sub-problems.
    std::vector<Index> order(static_cast<size_t>(X.rows()));
    std::iota(order.begin(), order.end(), Index(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](Index a, Index b) { return y[size_t(a)] < y[size_t(b)]; });
    const std::vector<double> targets(y.begin(), y.end());
    auto impl = trainLibsvm(X, targets, order, param, options.seed, std::move(stop));
    impl->classifier = true;
    impl->featureNames = std::move(featureNames);
    impl->featureCount = X.cols();
    impl->classLabels = std::move(classLabels);
    impl->gamma = gamma;
    return std::make_shared<const KernelSvm>(std::move(impl));
}

std::shared_ptr<const KernelSvm> fitSvr(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                        std::vector<std::string> featureNames,
                                        const KernelSvmOptions& options, std::stop_token stop) {
    checkKernelOptions(options, X.rows());
    if (X.rows() == 0) throw Error(Message(OFICINA_TR_NOOP("there are no rows to train on")));
    if (X.rows() != y.size())
        throw Error(Message(OFICINA_TR_NOOP("%1 target values for %2 rows"),
                            {std::to_string(y.size()), std::to_string(X.rows())}));
    if (!X.allFinite())
        throw Error(Message(OFICINA_TR_NOOP("the features have missing or infinite values")));
    if (!y.allFinite())
        throw Error(Message(OFICINA_TR_NOOP("the target has missing or infinite values")));
    double gamma = 0.0;
    svm_parameter param = libsvmParameter(X, options, gamma);
    param.svm_type = EPSILON_SVR;
    std::vector<Index> order(static_cast<size_t>(X.rows()));
    std::iota(order.begin(), order.end(), Index(0));
    const std::vector<double> targets(y.begin(), y.end());
    auto impl = trainLibsvm(X, targets, order, param, options.seed, std::move(stop));
    impl->classifier = false;
    impl->featureNames = std::move(featureNames);
    impl->featureCount = X.cols();
    impl->gamma = gamma;
    return std::make_shared<const KernelSvm>(std::move(impl));
}

namespace {

// A zeroed array for an svm_model: svm_free_and_destroy_model frees them with free().
template <class T> T* libsvmArray(size_t count) {
    auto* out = static_cast<T*>(std::calloc(std::max<size_t>(count, 1), sizeof(T)));
    if (!out) throw std::bad_alloc();
    return out;
}

template <class T> T* libsvmCopy(const T* values, size_t count) {
    T* out = libsvmArray<T>(count);
    std::copy(values, values + count, out);
    return out;
}

} // namespace

std::shared_ptr<const KernelSvm> restoreKernelSvm(std::vector<std::string> featureNames,
                                                  std::vector<std::string> classLabels,
                                                  const KernelSvmParameters& parameters) {
    const KernelSvmParameters& p = parameters;
    auto impl = std::make_unique<KernelSvm::Impl>();
    impl->classifier = !classLabels.empty();
    impl->featureCount = Index(featureNames.size());
    impl->featureNames = std::move(featureNames);
    impl->classLabels = std::move(classLabels);
    impl->gamma = p.gamma;
    // Zeros left out as in training, so each kernel sums the very terms it summed there.
    const int l = int(p.supportVectors.rows());
    std::vector<size_t> starts;
    for (Index s = 0; s < l; ++s) {
        starts.push_back(impl->supportVectors.size());
        appendRow(p.supportVectors, s, impl->supportVectors);
        impl->supportVectors.push_back({-1, 0.0});
    }

    // Zeroed first, so that the Impl's destructor frees whatever was set before a failure.
    impl->model = static_cast<svm_model*>(std::calloc(1, sizeof(svm_model)));
    if (!impl->model) throw std::bad_alloc();
    svm_model& model = *impl->model;
    model.param.svm_type = impl->classifier ? C_SVC : EPSILON_SVR;
    model.param.kernel_type = libsvmKernel(p.kernel);
    model.param.degree = p.degree;
    model.param.gamma = p.gamma;
    model.param.coef0 = p.coef0;
    model.nr_class = int(p.coefficients.rows()) + 1;
    model.l = l;
    model.free_sv = 0; // the nodes belong to the Impl, as after training
    model.SV = libsvmArray<svm_node*>(size_t(l));
    for (int s = 0; s < l; ++s)
        model.SV[s] = impl->supportVectors.data() + starts[size_t(s)];
    model.sv_coef = libsvmArray<double*>(size_t(p.coefficients.rows()));
    for (Index r = 0; r < p.coefficients.rows(); ++r) {
        const Eigen::VectorXd row = p.coefficients.row(r).transpose();
        model.sv_coef[r] = libsvmCopy(row.data(), size_t(l));
    }
    model.rho = libsvmCopy(p.rho.data(), size_t(p.rho.size()));
    if (impl->classifier) {
        model.label = libsvmCopy(p.groupClasses.data(), p.groupClasses.size());
        model.nSV = libsvmCopy(p.groupSizes.data(), p.groupSizes.size());
        if (p.probA.size() > 0) {
            model.probA = libsvmCopy(p.probA.data(), size_t(p.probA.size()));
            model.probB = libsvmCopy(p.probB.data(), size_t(p.probB.size()));
        }
    }
    return std::make_shared<const KernelSvm>(std::move(impl));
}

} // namespace oficina::core
