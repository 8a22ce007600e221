#include "transform/PowerTransform.h"

#include "transform/Scalers.h"
#include "transform/StandardScaler.h"
#include "util/Error.h"
#include "util/NumpySum.h"
#include "util/Tr.h"

#include <cmath>
#include <limits>

namespace oficina::core {

double yeoJohnson(double x, double lambda) {
    constexpr double eps = std::numeric_limits<double>::epsilon(); // np.spacing(1.0)
    if (x >= 0.0)
        return std::abs(lambda) < eps ? std::log1p(x) : (std::pow(x + 1.0, lambda) - 1.0) / lambda;
    return std::abs(lambda - 2.0) > eps ? -(std::pow(-x + 1.0, 2.0 - lambda) - 1.0) / (2.0 - lambda)
                                        : -std::log1p(-x);
}

double brentMinimize(const std::function<double(double)>& f, double xa, double xb) {
    // scipy.optimize.bracket (grow_limit 110, maxiter 1000).
    constexpr double gold = 1.618034, verySmall = 1e-21, growLimit = 110.0;
    double fa = f(xa), fb = f(xb);
    if (fa < fb) {
        std::swap(xa, xb);
        std::swap(fa, fb);
    }
    double xc = xb + gold * (xb - xa);
    double fc = f(xc);
    for (int iter = 0; fc < fb; ++iter) {
        const double tmp1 = (xb - xa) * (fb - fc);
        const double tmp2 = (xb - xc) * (fb - fa);
        const double val = tmp2 - tmp1;
        const double denom = std::abs(val) < verySmall ? 2.0 * verySmall : 2.0 * val;
        double w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denom;
        const double wlim = xb + growLimit * (xc - xb);
        if (iter > 1000)
            throw Error(Message(OFICINA_TR_NOOP("the likelihood has no minimum to bracket")));
        double fw = 0.0;
        if ((w - xc) * (xb - w) > 0.0) {
            fw = f(w);
            if (fw < fc) {
                xa = xb;
                xb = w;
                fa = fb;
                fb = fw;
                break;
            }
            if (fw > fb) {
                xc = w;
                fc = fw;
                break;
            }
            w = xc + gold * (xc - xb);
            fw = f(w);
        } else if ((w - wlim) * (wlim - xc) >= 0.0) {
            w = wlim;
            fw = f(w);
        } else if ((w - wlim) * (xc - w) > 0.0) {
            fw = f(w);
            if (fw < fc) {
                xb = xc;
                xc = w;
                w = xc + gold * (xc - xb);
                fb = fc;
                fc = fw;
                fw = f(w);
            }
        } else {
            w = xc + gold * (xc - xb);
            fw = f(w);
        }
        xa = xb;
        xb = xc;
        xc = w;
        fa = fb;
        fb = fc;
        fc = fw;
    }

    // scipy.optimize.Brent.optimize.
    constexpr double tol = 1.48e-8, minTol = 1.0e-11, cg = 0.3819660;
    double x = xb, w = xb, v = xb;
    double fx = fb, fw = fb, fv = fb;
    double a = xa < xc ? xa : xc;
    double b = xa < xc ? xc : xa;
    double deltax = 0.0, rat = 0.0;
    for (int iter = 0; iter < 500; ++iter) {
        const double tol1 = tol * std::abs(x) + minTol;
        const double tol2 = 2.0 * tol1;
        const double xmid = 0.5 * (a + b);
        if (std::abs(x - xmid) < (tol2 - 0.5 * (b - a))) break;
        if (std::abs(deltax) <= tol1) {
            deltax = x >= xmid ? a - x : b - x;
            rat = cg * deltax;
        } else {
            const double tmp1 = (x - w) * (fx - fv);
            double tmp2 = (x - v) * (fx - fw);
            double p = (x - v) * tmp2 - (x - w) * tmp1;
            tmp2 = 2.0 * (tmp2 - tmp1);
            if (tmp2 > 0.0) p = -p;
            tmp2 = std::abs(tmp2);
            const double dxTemp = deltax;
            deltax = rat;
            if (p > tmp2 * (a - x) && p < tmp2 * (b - x) &&
                std::abs(p) < std::abs(0.5 * tmp2 * dxTemp)) {
                rat = p * 1.0 / tmp2;
                const double u = x + rat;
                if ((u - a) < tol2 || (b - u) < tol2) rat = xmid - x >= 0 ? tol1 : -tol1;
            } else {
                deltax = x >= xmid ? a - x : b - x;
                rat = cg * deltax;
            }
        }
        const double u = std::abs(rat) < tol1 ? (rat >= 0 ? x + tol1 : x - tol1) : x + rat;
        const double fu = f(u);
        if (fu > fx) {
            if (u < x)
                a = u;
            else
                b = u;
            if (fu <= fw || w == x) {
                v = w;
                w = u;
                fv = fw;
                fw = fu;
            } else if (fu <= fv || v == x || v == w) {
                v = u;
                fv = fu;
            }
        } else {
            if (u >= x)
                a = x;
            else
                b = x;
            v = w;
            w = x;
            x = u;
            fv = fw;
            fw = fx;
            fx = fu;
        }
    }
    return x;
}

// Near its optimum the likelihood is flat: summing in numpy's order is what makes the exponent
// agree with scikit-learn's beyond 1e-6.
double yeoJohnsonNegativeLogLikelihood(const std::vector<double>& x, double lambda) {
    const double n = double(x.size());
    std::vector<double> t(x.size());
    for (size_t i = 0; i < x.size(); ++i)
        t[i] = (x[i] > 0 ? 1.0 : x[i] < 0 ? -1.0 : 0.0) * std::log1p(std::abs(x[i]));
    const double signedLogSum = numpySum(t);
    // x_trans.var(): mean, then the mean of squared deviations, both summed as numpy does.
    for (size_t i = 0; i < x.size(); ++i)
        t[i] = yeoJohnson(x[i], lambda);
    const double mean = numpySum(t) / n;
    for (double& v : t)
        v = (v - mean) * (v - mean);
    const double variance = numpySum(t) / n;
    if (!(variance >= std::numeric_limits<double>::min())) // also rejects NaN
        return std::numeric_limits<double>::infinity();
    double loglike = -n / 2 * std::log(variance);
    loglike += (lambda - 1) * signedLogSum;
    return -loglike;
}

double yeoJohnsonLambda(const std::vector<double>& values, const std::string& column) {
    std::vector<double> x;
    x.reserve(values.size());
    for (double v : values)
        if (!std::isnan(v)) x.push_back(v);
    if (x.size() < 2)
        throw Error(Message(OFICINA_TR_NOOP("column '%1' needs at least two values for the "
                                            "Yeo-Johnson transform"),
                            {column}));
    bool constant = true;
    for (double v : x)
        constant = constant && v == x.front();
    if (constant)
        throw Error(Message(OFICINA_TR_NOOP("column '%1' is constant: the Yeo-Johnson transform "
                                            "has no best exponent for it; drop the column"),
                            {column}));
    return brentMinimize([&](double lambda) { return yeoJohnsonNegativeLogLikelihood(x, lambda); },
                         -2.0, 2.0);
}

PowerTransformStep::PowerTransformStep(std::vector<std::string> columns,
                                       PowerTransformOptions options, std::vector<double> lambdas,
                                       std::vector<double> mean, std::vector<double> scale)
    : m_columns(std::move(columns)), m_options(options), m_lambdas(std::move(lambdas)),
      m_mean(std::move(mean)), m_scale(std::move(scale)) {}

std::string PowerTransformStep::typeId() const {
    return "oficina.features.power";
}

const char* PowerTransformStep::title() const {
    return OFICINA_TR_NOOP("Power transform");
}

bool PowerTransformStep::learnsFromData() const {
    return m_options.method != PowerMethod::Log1p;
}

std::shared_ptr<const FittedStep> PowerTransformStep::refit(const Table& input) const {
    return fitPowerTransform(input, m_options);
}

Table PowerTransformStep::apply(const Table& input) const {
    std::vector<Column> columns = input.columns();
    for (size_t j = 0; j < m_columns.size(); ++j) {
        const Column& column = fittedNumericColumn(input, m_columns[j]);
        const std::vector<double>& in = column.values();
        std::vector<double> out(in.size());
        if (m_options.method == PowerMethod::Log1p) {
            for (size_t i = 0; i < in.size(); ++i) {
                if (in[i] <= -1.0)
                    throw Error(Message(OFICINA_TR_NOOP("column '%1' has the value %2, and "
                                                        "log(1 + x) needs values above −1"),
                                        {column.name(), formatNumber(in[i])}));
                out[i] = std::log1p(in[i]);
            }
        } else {
            const double lambda = m_lambdas[j], mean = m_mean[j], scale = m_scale[j];
            for (size_t i = 0; i < in.size(); ++i)
                out[i] = std::isnan(in[i]) ? in[i] : (yeoJohnson(in[i], lambda) - mean) / scale;
        }
        columns[size_t(&column - input.columns().data())] =
            Column::numeric(column.name(), std::move(out), column.role());
    }
    Table out(std::move(columns));
    out.setLineage(input.lineage());
    return out;
}

std::shared_ptr<const PowerTransformStep>
fitPowerTransform(const Table& table, const PowerTransformOptions& options,
                  const std::function<bool()>& stopRequested) {
    std::vector<std::string> names = numericFeatureNames(table);
    if (options.method == PowerMethod::Log1p) {
        auto step = std::make_shared<const PowerTransformStep>(std::move(names), options);
        (void)step->apply(table); // report a value ≤ −1 at fit time, naming its column
        return step;
    }
    std::vector<double> lambdas;
    std::vector<Column> transformed;
    for (const std::string& name : names) {
        if (stopRequested && stopRequested()) throw Cancelled{};
        const std::vector<double>& values = table.column(name).values();
        const double lambda = yeoJohnsonLambda(values, name);
        lambdas.push_back(lambda);
        std::vector<double> out(values.size());
        for (size_t i = 0; i < values.size(); ++i)
            out[i] = std::isnan(values[i]) ? values[i] : yeoJohnson(values[i], lambda);
        transformed.push_back(Column::numeric(name, std::move(out)));
    }
    std::vector<double> mean(names.size(), 0.0), scale(names.size(), 1.0);
    if (options.standardize && !names.empty()) {
        // scikit-learn standardises with a StandardScaler fitted on the transformed columns.
        const auto scaler = fitStandardScaler(Table(std::move(transformed)));
        mean = scaler->mean();
        scale = scaler->scale();
    }
    return std::make_shared<const PowerTransformStep>(std::move(names), options, std::move(lambdas),
                                                      std::move(mean), std::move(scale));
}

} // namespace oficina::core
