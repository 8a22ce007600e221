// Linear models and SVMs: least squares, ridge, lasso, elastic net, linear SVM (liblinear),
// kernel SVM and SVR (libsvm). Logistic regression lives in ModelNodes.cpp.
#include "nodes/Nodes.h"

#include "data/FeatureMatrix.h"
#include "models/Classification.h"
#include "models/CoordinateDescent.h"
#include "models/LinearRegression.h"
#include "models/Svm.h"
#include "pipeline/NodeRegistry.h"
#include "util/RunContext.h"
#include "util/Tr.h"

namespace oficina::core {

namespace {

// ------------------------------------------------------------------------------ shared pieces

std::vector<std::string> features(const Table& train) {
    return train.namesWithRole(ColumnRole::Feature);
}

PortValues trained(const NodeInputs& inputs, std::shared_ptr<const Learner> learner,
                   RunContext& ctx) {
    return {{"model", modelValue(trainModel(inputs.table("data"), std::move(learner), ctx))}};
}

const std::vector<PortSpec> kDataIn = {{"data", PortType::Table, OFICINA_TR_NOOP("Training data")}};
const std::vector<PortSpec> kModelOut = {{"model", PortType::Model, OFICINA_TR_NOOP("Model")}};

Parameter fitInterceptParam() {
    return Parameter::boolean("fit_intercept", OFICINA_TR_NOOP("Fit intercept"), true)
        .withHelp(OFICINA_TR_NOOP("Learn a constant term; without it the model passes through "
                                  "the origin"));
}

Parameter alphaParam(double defaultValue) {
    return Parameter::real("alpha", OFICINA_TR_NOOP("Regularisation (alpha)"), defaultValue)
        .range(0.0, 1e10)
        .withHelp(OFICINA_TR_NOOP("Penalty strength: larger values shrink the coefficients more"));
}

Parameter cParam() {
    return Parameter::real("C", OFICINA_TR_NOOP("Inverse regularisation (C)"), 1.0)
        .range(1e-6, 1e6)
        .withHelp(OFICINA_TR_NOOP("Smaller values regularise more strongly"));
}

Parameter classWeightParam() {
    return Parameter::choice("class_weight", OFICINA_TR_NOOP("Class weights"),
                             {{"none", OFICINA_TR_NOOP("None")},
                              {"balanced", OFICINA_TR_NOOP("Balanced")}},
                             "none")
        .withHelp(OFICINA_TR_NOOP("Balanced weighs each class inversely to its frequency, so "
                                  "rare classes count as much as common ones"));
}

Parameter seedParam() {
    return Parameter::seed(OFICINA_TR_NOOP("Seed of the random choices: same seed, same result"));
}

ClassWeight classWeightOf(const ParamValues& params) {
    return params.text("class_weight") == "balanced" ? ClassWeight::Balanced : ClassWeight::None;
}

// ------------------------------------------------------------------ least squares and ridge

PortValues runLinearRegression(const NodeInputs& inputs, const ParamValues& params,
                               RunContext& ctx) {
    const bool fitIntercept = params.boolean("fit_intercept");
    auto learner = makeLearner(
        OFICINA_TR_NOOP("Linear regression"), Task::Regression,
        [fitIntercept](const Table& train, const std::string& target, RunContext& ctx) {
            const auto names = features(train);
            const Eigen::VectorXd y = regressionTarget(train, target);
            ctx.throwIfStopped();
            const LinearFit fit = fitLinearRegression(FeatureRows(train, names), y, fitIntercept);
            if (fit.rank < int(names.size()))
                ctx.warning(Message(OFICINA_TR_NOOP("the features are linearly dependent (rank "
                                                    "%1 of %2): the coefficients are the "
                                                    "smallest of many equally good solutions"),
                                    {std::to_string(fit.rank), std::to_string(names.size())}));
            return Fitted{std::make_shared<const LinearRegressor>(
                              "oficina.model.linear_regression",
                              OFICINA_TR_NOOP("Linear regression"), names, fit.coefficients,
                              fit.intercept),
                          {{"rank", double(fit.rank)}}};
        });
    return trained(inputs, std::move(learner), ctx);
}

PortValues runRidge(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    const RidgeOptions options{.alpha = params.real("alpha"),
                               .fitIntercept = params.boolean("fit_intercept")};
    auto learner = makeLearner(
        OFICINA_TR_NOOP("Ridge regression"), Task::Regression,
        [options](const Table& train, const std::string& target, RunContext& ctx) {
            const auto names = features(train);
            const Eigen::VectorXd y = regressionTarget(train, target);
            ctx.throwIfStopped();
            const LinearFit fit = fitRidge(featureMatrix(train, names), y, options);
            return Fitted{std::make_shared<const LinearRegressor>(
                              "oficina.model.ridge", OFICINA_TR_NOOP("Ridge regression"), names,
                              fit.coefficients, fit.intercept),
                          {}};
        });
    return trained(inputs, std::move(learner), ctx);
}

// ------------------------------------------------------------------ lasso and elastic net

std::shared_ptr<const Learner> coordinateDescentLearner(const char* title, const char* typeId,
                                                        ElasticNetOptions options) {
    return makeLearner(
        title, Task::Regression,
        [title, typeId, options](const Table& train, const std::string& target,
                                 RunContext& ctx) {
            const auto names = features(train);
            const Eigen::VectorXd y = regressionTarget(train, target);
            const ElasticNetFit fit = fitElasticNet(
                featureMatrix(train, names), y, options,
                [&](int pass, double objective) {
                    ctx.metric("loss", pass, objective);
                    ctx.progress(double(pass) / options.maxIter);
                },
                ctx.stopToken());
            if (fit.warning) ctx.warning(*fit.warning);
            return Fitted{std::make_shared<const LinearRegressor>(typeId, title, names,
                                                                  fit.coefficients,
                                                                  fit.intercept),
                          {{"loss", fit.objective},
                           {"iterations", double(fit.iterations)},
                           {"dual_gap", fit.dualGap}}};
        });
}

ElasticNetOptions elasticNetOptions(const ParamValues& params, double l1Ratio) {
    ElasticNetOptions options;
    options.alpha = params.real("alpha");
    options.l1Ratio = l1Ratio;
    options.fitIntercept = params.boolean("fit_intercept");
    options.maxIter = int(params.integer("max_iter"));
    options.tol = params.real("tol");
    options.positive = params.boolean("positive");
    return options;
}

PortValues runLasso(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    return trained(inputs,
                   coordinateDescentLearner(OFICINA_TR_NOOP("Lasso"), "oficina.model.lasso",
                                            elasticNetOptions(params, 1.0)),
                   ctx);
}

PortValues runElasticNet(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    return trained(inputs,
                   coordinateDescentLearner(OFICINA_TR_NOOP("Elastic net"),
                                            "oficina.model.elastic_net",
                                            elasticNetOptions(params, params.real("l1_ratio"))),
                   ctx);
}

std::vector<Parameter> coordinateDescentParams(bool withL1Ratio) {
    std::vector<Parameter> params{alphaParam(1.0)};
    if (withL1Ratio)
        params.push_back(
            Parameter::real("l1_ratio", OFICINA_TR_NOOP("L1 ratio"), 0.5)
                .range(0.0, 1.0)
                .withHelp(OFICINA_TR_NOOP("Share of the penalty that is L1 (lasso): 1 is the "
                                          "lasso, 0 is ridge")));
    params.push_back(fitInterceptParam());
    params.push_back(Parameter::integer("max_iter", OFICINA_TR_NOOP("Maximum iterations"), 1000)
                         .range(1, 1000000)
                         .withHelp(OFICINA_TR_NOOP("Passes over the features before giving up")));
    params.push_back(Parameter::real("tol", OFICINA_TR_NOOP("Tolerance"), 1e-4)
                         .range(0.0, 1.0)
                         .withHelp(OFICINA_TR_NOOP("Stop when the duality gap is this small, "
                                                   "relative to the target's spread")));
    params.push_back(Parameter::boolean("positive", OFICINA_TR_NOOP("Positive coefficients"),
                                        false)
                         .withHelp(OFICINA_TR_NOOP("Force every coefficient to be zero or more")));
    return params;
}

// ----------------------------------------------------------------------------- linear SVM

PortValues runLinearSvm(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    LiblinearOptions options;
    options.solver = params.text("penalty") == "l1" ? LiblinearSolver::L1SquaredHinge
                                                    : LiblinearSolver::L2SquaredHingeDual;
    options.c = params.real("C");
    options.tol = params.real("tol");
    options.fitIntercept = params.boolean("fit_intercept");
    options.classWeight = classWeightOf(params);
    options.seed = unsigned(params.integer("seed"));
    auto learner = makeLearner(
        OFICINA_TR_NOOP("Linear SVM"), Task::Classification,
        [options](const Table& train, const std::string& target, RunContext& ctx) {
            const auto names = features(train);
            ClassLabels classes = presentClasses(train.column(target));
            const Eigen::MatrixXd X = featureMatrix(train, names);
            ctx.progress(0.0);
            const LiblinearFit fit = fitLiblinear(X, classes.codes, int(classes.labels.size()),
                                                  options, ctx.stopToken());
            if (fit.warning) ctx.warning(*fit.warning);
            return Fitted{std::make_shared<const LinearSvc>(names, std::move(classes.labels),
                                                            fit.coefficients, fit.intercepts),
                          {}};
        });
    return trained(inputs, std::move(learner), ctx);
}

// ------------------------------------------------------------------------ kernel SVM, SVR

KernelSvmOptions kernelOptions(const ParamValues& params) {
    KernelSvmOptions options;
    options.c = params.real("C");
    const std::string& kernel = params.text("kernel");
    options.kernel = kernel == "linear"    ? SvmKernel::Linear
                     : kernel == "poly"    ? SvmKernel::Poly
                     : kernel == "sigmoid" ? SvmKernel::Sigmoid
                                           : SvmKernel::Rbf;
    options.gamma = params.real("gamma");
    options.degree = int(params.integer("degree"));
    options.coef0 = params.real("coef0");
    options.tol = params.real("tol");
    options.cacheSizeMb = params.real("cache_size");
    options.shrinking = params.boolean("shrinking");
    return options;
}

PortValues runSvc(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    KernelSvmOptions options = kernelOptions(params);
    options.probability = params.boolean("probability");
    options.classWeight = classWeightOf(params);
    options.seed = unsigned(params.integer("seed"));
    auto learner = makeLearner(
        OFICINA_TR_NOOP("SVM (kernel)"), Task::Classification,
        [options](const Table& train, const std::string& target, RunContext& ctx) {
            const auto names = features(train);
            ClassLabels classes = presentClasses(train.column(target));
            const Eigen::MatrixXd X = featureMatrix(train, names);
            ctx.progress(0.0);
            auto model = fitSvc(X, classes.codes, std::move(classes.labels), names, options,
                                ctx.stopToken());
            const double supportVectors = model->supportVectorCount();
            const double gamma = model->gamma();
            return Fitted{std::move(model),
                          {{"support_vectors", supportVectors}, {"gamma", gamma}}};
        });
    return trained(inputs, std::move(learner), ctx);
}

PortValues runSvr(const NodeInputs& inputs, const ParamValues& params, RunContext& ctx) {
    KernelSvmOptions options = kernelOptions(params);
    options.epsilon = params.real("epsilon");
    auto learner = makeLearner(
        OFICINA_TR_NOOP("SVR"), Task::Regression,
        [options](const Table& train, const std::string& target, RunContext& ctx) {
            const auto names = features(train);
            const Eigen::VectorXd y = regressionTarget(train, target);
            const Eigen::MatrixXd X = featureMatrix(train, names);
            ctx.progress(0.0);
            auto model = fitSvr(X, y, names, options, ctx.stopToken());
            const double supportVectors = model->supportVectorCount();
            const double gamma = model->gamma();
            return Fitted{std::move(model),
                          {{"support_vectors", supportVectors}, {"gamma", gamma}}};
        });
    return trained(inputs, std::move(learner), ctx);
}

std::vector<Parameter> kernelParams() {
    return {
        cParam(),
        Parameter::choice("kernel", OFICINA_TR_NOOP("Kernel"),
                          {{"rbf", OFICINA_TR_NOOP("RBF (Gaussian)")},
                           {"linear", OFICINA_TR_NOOP("Linear")},
                           {"poly", OFICINA_TR_NOOP("Polynomial")},
                           {"sigmoid", OFICINA_TR_NOOP("Sigmoid")}},
                          "rbf")
            .withHelp(OFICINA_TR_NOOP("The similarity between rows that the SVM works with")),
        Parameter::real("gamma", OFICINA_TR_NOOP("Gamma"), 0.0)
            .range(0.0, 1e6)
            .withHelp(OFICINA_TR_NOOP("Kernel width for RBF, polynomial and sigmoid; 0 means "
                                      "'scale': 1 / (features × variance of the data)")),
        Parameter::integer("degree", OFICINA_TR_NOOP("Degree"), 3)
            .range(0, 20)
            .withHelp(OFICINA_TR_NOOP("Degree of the polynomial kernel")),
        Parameter::real("coef0", OFICINA_TR_NOOP("Kernel constant (coef0)"), 0.0)
            .range(-1e6, 1e6)
            .withHelp(OFICINA_TR_NOOP("Constant term of the polynomial and sigmoid kernels")),
        Parameter::real("tol", OFICINA_TR_NOOP("Tolerance"), 1e-3)
            .range(1e-12, 1.0)
            .withHelp(OFICINA_TR_NOOP("Stop when the optimality conditions hold to this "
                                      "precision")),
        Parameter::real("cache_size", OFICINA_TR_NOOP("Kernel cache (MB)"), 200.0)
            .range(1.0, 100000.0)
            .withHelp(OFICINA_TR_NOOP("Memory for cached kernel values; more is faster")),
        Parameter::boolean("shrinking", OFICINA_TR_NOOP("Shrinking"), true)
            .withHelp(OFICINA_TR_NOOP("Skip rows that are settled; usually faster")),
    };
}

NodeSpec linearRegressionSpec() {
    return {
        .type = "oficina.model.linear_regression",
        .title = OFICINA_TR_NOOP("Linear regression"),
        .category = Category::Models,
        .help = OFICINA_TR_NOOP("Ordinary least squares: the straight-line (hyperplane) fit "
                                "that minimises the squared errors, as scikit-learn's "
                                "LinearRegression. Linearly dependent features get the "
                                "smallest coefficients that fit equally well."),
        .whenToUse = OFICINA_TR_NOOP("A first model for a numeric target and a baseline to beat; "
                                     "its coefficients say how much each feature adds."),
        .concepts = {"supervised", "regression", "algorithm", "training"},
        .inputs = kDataIn,
        .outputs = kModelOut,
        .params = {fitInterceptParam()},
        .run = runLinearRegression,
    };
}

NodeSpec ridgeSpec() {
    return {
        .type = "oficina.model.ridge",
        .title = OFICINA_TR_NOOP("Ridge regression"),
        .category = Category::Models,
        .help = OFICINA_TR_NOOP("Least squares with an L2 penalty that shrinks the "
                                "coefficients, as scikit-learn's Ridge: steadier than plain "
                                "least squares when features are correlated or rows are few."),
        .whenToUse = OFICINA_TR_NOOP("Instead of linear regression when features are correlated "
                                     "or rows are few, to keep the coefficients from growing "
                                     "wild."),
        .concepts = {"supervised", "regression", "algorithm", "training", "overfitting"},
        .inputs = kDataIn,
        .outputs = kModelOut,
        .params = {alphaParam(1.0), fitInterceptParam()},
        .run = runRidge,
    };
}

NodeSpec lassoSpec() {
    return {
        .type = "oficina.model.lasso",
        .title = OFICINA_TR_NOOP("Lasso"),
        .category = Category::Models,
        .help = OFICINA_TR_NOOP("Least squares with an L1 penalty, fitted by coordinate "
                                "descent as scikit-learn's Lasso: it sets the coefficients of "
                                "unhelpful features to exactly zero. Scale the features first."),
        .whenToUse = OFICINA_TR_NOOP("When you suspect that only a few features matter: it picks "
                                     "them by setting the others' coefficients to zero."),
        .concepts = {"supervised", "regression", "algorithm", "training", "overfitting"},
        .inputs = kDataIn,
        .outputs = kModelOut,
        .params = coordinateDescentParams(false),
        .run = runLasso,
    };
}

NodeSpec elasticNetSpec() {
    return {
        .type = "oficina.model.elastic_net",
        .title = OFICINA_TR_NOOP("Elastic net"),
        .category = Category::Models,
        .help = OFICINA_TR_NOOP("Least squares with a mix of L1 and L2 penalties, as "
                                "scikit-learn's ElasticNet: selects features like the lasso "
                                "while sharing weight among correlated ones like ridge."),
        .whenToUse = OFICINA_TR_NOOP("Like the lasso, when features come in correlated groups "
                                     "that should share the weight."),
        .concepts = {"supervised", "regression", "algorithm", "training", "overfitting"},
        .inputs = kDataIn,
        .outputs = kModelOut,
        .params = coordinateDescentParams(true),
        .run = runElasticNet,
    };
}

NodeSpec linearSvmSpec() {
    return {
        .type = "oficina.model.linear_svc",
        .title = OFICINA_TR_NOOP("Linear SVM"),
        .category = Category::Models,
        .help = OFICINA_TR_NOOP("A linear support vector classifier (squared hinge loss, "
                                "one-vs-rest) by liblinear, as scikit-learn's LinearSVC. Fast "
                                "on large data; gives classes but no probabilities. Scale the "
                                "features first."),
        .whenToUse = OFICINA_TR_NOOP("For classification with many rows or many features (text, "
                                     "pixels) when you do not need probabilities."),
        .concepts = {"supervised", "classification", "algorithm", "training"},
        .inputs = kDataIn,
        .outputs = kModelOut,
        .params = {cParam(),
                   Parameter::choice("penalty", OFICINA_TR_NOOP("Penalty"),
                                     {{"l2", OFICINA_TR_NOOP("L2")}, {"l1", OFICINA_TR_NOOP("L1")}},
                                     "l2")
                       .withHelp(OFICINA_TR_NOOP("L1 sets the weights of unhelpful features to "
                                                 "zero (solved in the primal)")),
                   Parameter::real("tol", OFICINA_TR_NOOP("Tolerance"), 1e-4)
                       .range(1e-12, 1.0)
                       .withHelp(OFICINA_TR_NOOP("Stopping tolerance of the solver")),
                   fitInterceptParam(), classWeightParam(), seedParam()},
        .run = runLinearSvm,
    };
}

NodeSpec svcSpec() {
    std::vector<Parameter> params = kernelParams();
    params.push_back(
        Parameter::boolean("probability", OFICINA_TR_NOOP("Probabilities"), false)
            .withHelp(OFICINA_TR_NOOP("Calibrate class probabilities (Platt scaling by internal "
                                      "5-fold cross-validation): about five times slower")));
    params.push_back(classWeightParam());
    params.push_back(seedParam());
    return {
        .type = "oficina.model.svc",
        .title = OFICINA_TR_NOOP("SVM (kernel)"),
        .category = Category::Models,
        .help = OFICINA_TR_NOOP("A support vector classifier with a kernel (RBF by default) by "
                                "libsvm, as scikit-learn's SVC: draws curved class boundaries. "
                                "Up to 20,000 training rows; scale the features first."),
        .whenToUse = OFICINA_TR_NOOP("For classes that a straight line cannot separate, on small "
                                     "or medium datasets."),
        .concepts = {"supervised", "classification", "algorithm", "training"},
        .inputs = kDataIn,
        .outputs = kModelOut,
        .params = std::move(params),
        .run = runSvc,
    };
}

NodeSpec svrSpec() {
    std::vector<Parameter> params = kernelParams();
    params.insert(params.begin() + 1,
                  Parameter::real("epsilon", OFICINA_TR_NOOP("Epsilon"), 0.1)
                      .range(0.0, 1e6)
                      .withHelp(OFICINA_TR_NOOP("Errors smaller than this cost nothing (width "
                                                "of the tube around the fit)")));
    return {
        .type = "oficina.model.svr",
        .title = OFICINA_TR_NOOP("SVR"),
        .category = Category::Models,
        .help = OFICINA_TR_NOOP("Support vector regression with a kernel by libsvm, as "
                                "scikit-learn's SVR. Up to 20,000 training rows; scale the "
                                "features (and ideally the target) first."),
        .whenToUse = OFICINA_TR_NOOP("For numeric targets with curved relations, on small or "
                                     "medium datasets."),
        .concepts = {"supervised", "regression", "algorithm", "training"},
        .inputs = kDataIn,
        .outputs = kModelOut,
        .params = std::move(params),
        .run = runSvr,
    };
}

} // namespace

void registerLinearModelNodes(NodeRegistry& registry) {
    registry.add(linearRegressionSpec());
    registry.add(ridgeSpec());
    registry.add(lassoSpec());
    registry.add(elasticNetSpec());
    registry.add(linearSvmSpec());
    registry.add(svcSpec());
    registry.add(svrSpec());
}

} // namespace oficina::core
