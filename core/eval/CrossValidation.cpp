#include "eval/CrossValidation.h"

#include "data/FeatureMatrix.h"
#include "eval/ClassificationMetrics.h"
#include "eval/ClusterMetrics.h"
#include "eval/RegressionMetrics.h"
#include "util/Error.h"
#include "util/RunContext.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace oficina::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The raw data with the model's target marked, checked once before any fold is fitted.
Table withTarget(const Model& model, const Table& data) {
    if (model.targetName.empty() || !model.learner || model.learner->task() == Task::Clustering)
        throw Error(Message(OFICINA_TR_NOOP("cross-validation needs a classification or "
                                            "regression model")));
    const Column* target = data.find(model.targetName);
    if (!target)
        throw Error(Message(OFICINA_TR_NOOP("the data has no column '%1', the target the model "
                                            "was trained to predict"),
                            {model.targetName}));
    Table out = data.withColumn(target->withRole(ColumnRole::Target));
    out.setLineage(data.lineage());
    return out;
}

// Out-of-fold predictions: each fold's prediction columns put back at the fold's rows. Folds may
// know different classes (a class missing from a training fold), so labels are merged by text.
class PredictionAssembler {
public:
    explicit PredictionAssembler(size_t rows) : m_rows(rows) {}

    void add(const Table& foldPredictions, const std::vector<size_t>& rows) {
        for (const Column& c : foldPredictions.columns()) {
            if (c.role() != ColumnRole::Prediction) continue;
            Slot& slot = slotFor(c);
            for (size_t i = 0; i < rows.size(); ++i) {
                if (c.isNumeric()) {
                    slot.numbers[rows[i]] = c.values()[i];
                } else if (!c.isMissing(i)) {
                    const std::string& label = c.categories()[size_t(c.codes()[i])];
                    auto [it, added] = slot.index.try_emplace(label, int32_t(slot.labels.size()));
                    if (added) slot.labels.push_back(label);
                    slot.codes[rows[i]] = it->second;
                }
            }
        }
    }

    [[nodiscard]] Table table(const Table& data) {
        Table out = data;
        for (Slot& slot : m_slots) {
            if (slot.numeric) {
                out = out.withColumn(Column::numeric(slot.name, std::move(slot.numbers),
                                                     ColumnRole::Prediction));
                continue;
            }
            // Categories in class order, as a single model would list them.
            std::vector<std::string> sorted = slot.labels;
            sortClassLabels(sorted);
            std::vector<int32_t> remap(slot.labels.size());
            for (size_t i = 0; i < slot.labels.size(); ++i)
                remap[i] = int32_t(std::find(sorted.begin(), sorted.end(), slot.labels[i]) -
                                   sorted.begin());
            for (int32_t& code : slot.codes)
                if (code >= 0) code = remap[size_t(code)];
            out = out.withColumn(Column::categorical(slot.name, std::move(slot.codes),
                                                     std::move(sorted), ColumnRole::Prediction));
        }
        out.setLineage(data.lineage());
        return out;
    }

private:
    struct Slot {
        std::string name;
        bool numeric = true;
        std::vector<double> numbers;
        std::vector<int32_t> codes;
        std::vector<std::string> labels;
        std::map<std::string, int32_t> index;
    };

    Slot& slotFor(const Column& c) {
        for (Slot& slot : m_slots)
            if (slot.name == c.name()) return slot;
        Slot slot{.name = c.name(), .numeric = c.isNumeric()};
        if (slot.numeric)
            slot.numbers.assign(m_rows, kNaN);
        else
            slot.codes.assign(m_rows, Column::kMissingCode);
        m_slots.push_back(std::move(slot));
        return m_slots.back();
    }

    size_t m_rows;
    std::vector<Slot> m_slots;
};

double mean(const std::vector<double>& v) {
    double sum = 0.0;
    for (double x : v) sum += x;
    return sum / double(v.size());
}

// numpy's std with ddof=0.
double populationStd(const std::vector<double>& v) {
    const double m = mean(v);
    double sum = 0.0;
    for (double x : v) sum += (x - m) * (x - m);
    return std::sqrt(sum / double(v.size()));
}

} // namespace

Metrics scorePredictions(const Table& predictions, std::vector<Message>* warnings) {
    const Column* predicted = predictions.find(kPredictionColumn);
    const Column* cluster = predictions.find(kClusterColumn);
    if (!predicted && cluster && !cluster->isNumeric()) {
        // A clustering's output: internal scores on the features, ARI/NMI against a target.
        const Eigen::MatrixXd X =
            featureMatrix(predictions, predictions.namesWithRole(ColumnRole::Feature));
        const auto targets = predictions.namesWithRole(ColumnRole::Target);
        std::vector<int32_t> truth;
        if (!targets.empty()) truth = classLabels(predictions.column(targets.front())).codes;
        if (X.rows() > Eigen::Index(kSilhouetteSampleRows) && warnings)
            warnings->push_back(Message(OFICINA_TR_NOOP("the silhouette was computed on a random "
                                                        "sample of %1 rows"),
                                        {std::to_string(kSilhouetteSampleRows)}));
        return clusteringMetrics(X, cluster->codes(), targets.empty() ? nullptr : &truth);
    }
    if (predicted && predicted->role() == ColumnRole::Prediction && predicted->isNumeric())
        return regressionScores(predictions, warnings);
    return classificationScores(predictions, warnings);
}

std::vector<TrainTestIndices> crossValidationFolds(const Table& data, const std::string& target,
                                                   Task task,
                                                   const CrossValidationOptions& options,
                                                   std::vector<Message>* warnings) {
    if (options.folds < 2)
        throw Error(Message(OFICINA_TR_NOOP("cross-validation needs at least 2 folds, not %1"),
                            {std::to_string(options.folds)}));
    if (size_t(options.folds) > data.rowCount())
        throw Error(Message(OFICINA_TR_NOOP("%1 folds need at least %1 rows; the data has %2"),
                            {std::to_string(options.folds), std::to_string(data.rowCount())}));
    if (task == Task::Classification && options.stratified)
        return stratifiedKFold(classLabels(data.column(target)).codes, options.folds,
                               options.shuffle, options.seed, warnings);
    return kFold(data.rowCount(), options.folds, options.shuffle, options.seed);
}

CrossValidationResult crossValidate(const Model& model, const Table& data,
                                    const std::vector<TrainTestIndices>& folds, RunContext& ctx,
                                    bool keepPredictions, std::vector<Message>* warnings,
                                    double progressFrom, double progressTo) {
    const Table rows = withTarget(model, data);
    CrossValidationResult result;
    PredictionAssembler assembler(keepPredictions ? rows.rowCount() : 0);
    for (size_t f = 0; f < folds.size(); ++f) {
        ctx.throwIfStopped();
        ctx.progress(progressFrom + (progressTo - progressFrom) * double(f) / double(folds.size()),
                     "fold " + std::to_string(f + 1) + "/" + std::to_string(folds.size()));
        const Model fitted = refitModel(model, rows.takeRows(folds[f].train), ctx);
        const Table predicted = fitted.predict(rows.takeRows(folds[f].test));
        result.folds.push_back(scorePredictions(predicted, warnings));
        if (keepPredictions) assembler.add(predicted, folds[f].test);
    }
    ctx.progress(progressTo);
    result.summary = summarizeFolds(result.folds);
    if (keepPredictions) result.predictions = assembler.table(rows);
    return result;
}

Metrics summarizeFolds(const std::vector<Metrics>& folds) {
    Metrics out;
    if (folds.empty()) return out;
    out.task = folds.front().task;
    std::vector<std::string> names;
    for (const auto& [name, value] : folds.front().scalars)
        if (std::all_of(folds.begin(), folds.end(),
                        [&name = name](const Metrics& m) { return m.scalar(name) != nullptr; }))
            names.push_back(name);
    LabeledMatrix table{"folds", {}, names, {}};
    for (size_t f = 0; f < folds.size(); ++f) {
        table.rowLabels.push_back(std::to_string(f + 1));
        for (const std::string& name : names) table.values.push_back(*folds[f].scalar(name));
    }
    for (size_t j = 0; j < names.size(); ++j) {
        std::vector<double> values;
        for (size_t f = 0; f < folds.size(); ++f) values.push_back(table.at(f, j));
        out.scalars.emplace_back(names[j] + "_mean", mean(values));
        out.scalars.emplace_back(names[j] + "_std", populationStd(values));
    }
    out.matrices.push_back(std::move(table));
    return out;
}

namespace {

double scoreOn(const Model& fitted, const Table& part, const std::string& metric,
               std::vector<Message>* warnings) {
    const Metrics m = scorePredictions(fitted.predict(part), warnings);
    const double* value = m.scalar(metric);
    if (!value)
        throw Error(
            Message(OFICINA_TR_NOOP("the metric '%1' is not scored for this model"), {metric}));
    return *value;
}

const char* const kCurveColumns[] = {"train_mean", "train_std", "test_mean", "test_std"};

} // namespace

std::vector<size_t> learningCurveSizes(const std::vector<double>& fractions, size_t trainRows) {
    std::vector<size_t> sizes;
    for (double f : fractions) {
        if (!(f > 0.0 && f <= 1.0))
            throw Error(Message(OFICINA_TR_NOOP("training sizes are fractions in (0, 1], not %1"),
                                {formatNumber(f)}));
        // numpy's astype(int) truncates; then np.clip(…, 1, rows).
        sizes.push_back(std::clamp<size_t>(size_t(f * double(trainRows)), 1, trainRows));
    }
    std::sort(sizes.begin(), sizes.end());
    sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());
    return sizes;
}

Metrics learningCurve(const Model& model, const Table& data,
                      const std::vector<TrainTestIndices>& folds,
                      const std::vector<double>& trainFractions, const std::string& metric,
                      RunContext& ctx, std::vector<Message>* warnings) {
    const Table rows = withTarget(model, data);
    if (folds.empty()) throw Error(Message(OFICINA_TR_NOOP("there are no folds to evaluate")));
    const std::vector<size_t> sizes = learningCurveSizes(trainFractions, folds[0].train.size());
    const auto scoreOf = [&](const Model& fitted, const Table& part) {
        return scoreOn(fitted, part, metric, warnings);
    };
    LabeledMatrix curve{"learning_curve", {}, {"train_size"}, {}};
    curve.columnLabels.insert(curve.columnLabels.end(), std::begin(kCurveColumns),
                              std::end(kCurveColumns));
    const double steps = double(sizes.size() * folds.size());
    for (size_t s = 0; s < sizes.size(); ++s) {
        std::vector<double> train, test;
        for (size_t f = 0; f < folds.size(); ++f) {
            ctx.throwIfStopped();
            ctx.progress(double(s * folds.size() + f) / steps,
                         "size " + std::to_string(sizes[s]) + ", fold " + std::to_string(f + 1));
            const std::vector<size_t> subset(
                folds[f].train.begin(),
                folds[f].train.begin() + std::ptrdiff_t(std::min(sizes[s], folds[f].train.size())));
            const Table trainRows = rows.takeRows(subset);
            const Model fitted = refitModel(model, trainRows, ctx);
            train.push_back(scoreOf(fitted, trainRows));
            test.push_back(scoreOf(fitted, rows.takeRows(folds[f].test)));
        }
        curve.rowLabels.push_back(std::to_string(sizes[s]));
        curve.values.insert(curve.values.end(), {double(sizes[s]), mean(train),
                                                 populationStd(train), mean(test),
                                                 populationStd(test)});
    }
    ctx.progress(1.0);
    Metrics out;
    out.task = model.learner->task() == Task::Regression ? "regression" : "classification";
    out.matrices.push_back(std::move(curve));
    return out;
}

Model withHyperParameter(const Model& model, const std::string& key, double value) {
    Model varied = model;
    if (model.learner)
        if (auto learner = model.learner->withParameter(key, value)) {
            varied.learner = std::move(learner);
            return varied;
        }
    for (auto& step : varied.lineage.steps)
        if (auto changed = step->withParameter(key, value)) {
            step = std::move(changed);
            return varied;
        }
    throw Error(Message(OFICINA_TR_NOOP("the model's recipe has no parameter '%1' to vary (a "
                                        "decision tree varies max_depth; a Polynomial features "
                                        "step before the learner varies degree)"),
                        {key}));
}

Metrics validationCurve(const Model& model, const Table& data,
                        const std::vector<TrainTestIndices>& folds, const std::string& key,
                        const std::vector<double>& values, const std::string& metric,
                        RunContext& ctx, std::vector<Message>* warnings) {
    const Table rows = withTarget(model, data);
    if (folds.empty()) throw Error(Message(OFICINA_TR_NOOP("there are no folds to evaluate")));
    if (values.empty())
        throw Error(Message(OFICINA_TR_NOOP("give at least one value of '%1' to try"), {key}));
    std::vector<Model> recipes;  // all built first: a bad key fails before any fit
    for (double v : values) recipes.push_back(withHyperParameter(model, key, v));
    LabeledMatrix curve{"validation_curve", {}, {key}, {}};
    curve.columnLabels.insert(curve.columnLabels.end(), std::begin(kCurveColumns),
                              std::end(kCurveColumns));
    const double steps = double(values.size() * folds.size());
    double best = kNaN, bestScore = -std::numeric_limits<double>::infinity();
    for (size_t v = 0; v < values.size(); ++v) {
        std::vector<double> train, test;
        for (size_t f = 0; f < folds.size(); ++f) {
            ctx.throwIfStopped();
            ctx.progress(double(v * folds.size() + f) / steps,
                         key + " " + formatNumber(values[v]) + ", fold " + std::to_string(f + 1));
            const Table trainRows = rows.takeRows(folds[f].train);
            const Model fitted = refitModel(recipes[v], trainRows, ctx);
            train.push_back(scoreOn(fitted, trainRows, metric, warnings));
            test.push_back(scoreOn(fitted, rows.takeRows(folds[f].test), metric, warnings));
        }
        curve.rowLabels.push_back(formatNumber(values[v]));
        curve.values.insert(curve.values.end(), {values[v], mean(train), populationStd(train),
                                                 mean(test), populationStd(test)});
        // Errors and losses are better low; ties keep the simplest (first) value.
        const bool lowerIsBetter = metric == "log_loss" || metric == "mae" || metric == "rmse" ||
                                   metric == "mse";
        const double score = lowerIsBetter ? -mean(test) : mean(test);
        if (score > bestScore) bestScore = score, best = values[v];
    }
    ctx.progress(1.0);
    Metrics out;
    out.task = model.learner->task() == Task::Regression ? "regression" : "classification";
    out.scalars.emplace_back("best_value", best);
    out.matrices.push_back(std::move(curve));
    return out;
}

} // namespace oficina::core
