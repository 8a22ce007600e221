#include "nn/TorchNetwork.h"

#include "data/Column.h"
#include "data/Split.h"
#include "models/Classification.h"
#include "models/LinearRegression.h"
#include "nn/NetworkText.h"
#include "util/Blas.h"
#include "util/Error.h"
#include "util/Parallel.h"
#include "util/RunContext.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>
#include <limits>
#include <mutex>
#include <numbers>
#include <thread>

namespace oficina::core::nn {

namespace {

struct EpochFigures {
    double loss = NAN, valLoss = NAN, score = NAN, valScore = NAN;
};

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(std::vector<torch::Tensor> params,
                                                       const TrainOptions& o) {
    namespace optim = torch::optim;
    switch (o.optimizer) {
    case Optimizer::Sgd:
        if (o.nesterov && o.momentum <= 0) throw Error(Message(text::kNesterovNeedsMomentum));
        return std::make_unique<optim::SGD>(std::move(params), optim::SGDOptions(o.learningRate)
                                                                   .momentum(o.momentum)
                                                                   .nesterov(o.nesterov)
                                                                   .weight_decay(o.weightDecay));
    case Optimizer::Adam:
        return std::make_unique<optim::Adam>(
            std::move(params), optim::AdamOptions(o.learningRate).weight_decay(o.weightDecay));
    case Optimizer::AdamW:
        return std::make_unique<optim::AdamW>(
            std::move(params), optim::AdamWOptions(o.learningRate).weight_decay(o.weightDecay));
    }
    return nullptr;
}

double scheduledRate(const TrainOptions& o, int64_t epochsDone, double current,
                     int64_t& plateauWait) {
    switch (o.schedule) {
    case Schedule::Constant:
        return current;
    case Schedule::Step:
        return o.learningRate *
               std::pow(o.decay, double(epochsDone / std::max<int64_t>(o.stepSize, 1)));
    case Schedule::Cosine:
        return 0.5 * o.learningRate *
               (1 + std::cos(std::numbers::pi * double(epochsDone) / double(o.epochs)));
    case Schedule::Plateau:
        if (plateauWait < std::max<int64_t>(1, o.patience / 2)) return current;
        plateauWait = 0;
        return current * o.decay;
    }
    return current;
}

/// Class indices of `column` in the training classes `labels`; Error for a class training
/// never saw.
torch::Tensor classIndices(const Column& column, const std::vector<std::string>& labels) {
    const ClassLabels own = classLabels(column);
    std::vector<int64_t> mapping(own.labels.size(), -1);
    for (size_t i = 0; i < own.labels.size(); ++i)
        for (size_t j = 0; j < labels.size(); ++j)
            if (own.labels[i] == labels[j]) mapping[i] = int64_t(j);
    torch::Tensor out = torch::empty({int64_t(own.codes.size())}, torch::kLong);
    auto a = out.accessor<int64_t, 1>();
    for (size_t r = 0; r < own.codes.size(); ++r) {
        const int64_t mapped = mapping[size_t(own.codes[r])];
        if (mapped < 0)
            throw Error(Message(text::kUnknownValidationClass,
                                {own.labels[size_t(own.codes[r])], column.name()}));
        a[int64_t(r)] = mapped;
    }
    return out;
}

torch::Tensor regressionTensor(const Table& table, const std::string& target) {
    const Eigen::VectorXd y = regressionTarget(table, target);
    return torch::from_blob(const_cast<double*>(y.data()), {y.size()}, torch::kDouble)
        .to(torch::kFloat);
}

torch::Tensor indexTensor(const std::vector<size_t>& rows) {
    std::vector<int64_t> wide(rows.begin(), rows.end());
    return torch::tensor(wide, torch::kLong);
}

Error diverged(double value, int64_t epoch, int64_t batch, double learningRate) {
    return Error(Message(text::kDiverged, {formatNumber(value), std::to_string(epoch),
                                           std::to_string(batch), formatNumber(learningRate)}));
}

/// Loss and score of `net` on held-out rows.
std::pair<double, double> heldOutFigures(Net& net, const torch::Tensor& x, const torch::Tensor& y,
                                         bool classify, const torch::Tensor& weights,
                                         double lossScale) {
    net->setTraining(false);
    const torch::Tensor out = *evaluate(net, x);
    if (classify) {
        namespace F = torch::nn::functional;
        const double loss =
            F::cross_entropy(out, y, F::CrossEntropyFuncOptions().weight(weights)).item<double>();
        return {loss, out.argmax(1).eq(y).to(torch::kDouble).mean().item<double>()};
    }
    const torch::Tensor predicted = out.select(1, 0);
    const double sse = (predicted - y).square().sum().item<double>();
    const double sst = (y - y.mean()).square().sum().item<double>();
    return {sse / double(y.size(0)) * lossScale, sst > 0 ? 1 - sse / sst : NAN};
}

} // namespace

std::mutex& torchGlobalsMutex() {
    static std::mutex mutex;
    return mutex;
}

Fitted fitNetworkWithTorch(const Table& train, const std::string& target, const Table* validation,
                           Task task, const NetworkSpec& spec, const TrainOptions& options,
                           RunContext& ctx) {
    // LibTorch's seed and thread count are process-wide: one fit at a time keeps runs exact.
    const std::lock_guard lock(torchGlobalsMutex());
    blas::useOneThreadPerCall();
    torch::set_num_threads(threadsFor(options.threads));
    torch::manual_seed(options.seed);

    const auto features = train.namesWithRole(ColumnRole::Feature);
    if (features.empty()) throw Error(Message(text::kNoFeatures));
    const bool classify = task == Task::Classification;
    std::vector<std::string> labels;
    std::vector<int32_t> codes;
    torch::Tensor yAll;
    if (classify) {
        ClassLabels classes = presentClasses(train.column(target));
        labels = std::move(classes.labels);
        codes = std::move(classes.codes);
        yAll = torch::tensor(std::vector<int64_t>(codes.begin(), codes.end()), torch::kLong);
    } else {
        yAll = regressionTensor(train, target);
    }
    const torch::Tensor xAll = featureTensor(train, features);
    // Shape errors surface here, before any training.
    Net net(spec, int64_t(features.size()), classify ? int64_t(labels.size()) : 1);

    torch::Tensor xTrain = xAll, yTrain = yAll, xVal, yVal;
    if (validation) {
        xVal = featureTensor(*validation, features);
        yVal = classify ? classIndices(validation->column(target), labels)
                        : regressionTensor(*validation, target);
    } else if (options.validationFraction > 0) {
        const auto holdOut = [&] {
            if (classify) try {
                    return stratifiedTrainTestSplit(codes, options.validationFraction,
                                                    options.seed);
                } catch (const Error&) { // a class too rare to stratify: a plain split
                }
            return trainTestSplit(train.rowCount(), options.validationFraction, options.seed);
        };
        const TrainTestIndices split = holdOut();
        const torch::Tensor trainRows = indexTensor(split.train), valRows = indexTensor(split.test);
        xTrain = xAll.index_select(0, trainRows);
        yTrain = yAll.index_select(0, trainRows);
        xVal = xAll.index_select(0, valRows);
        yVal = yAll.index_select(0, valRows);
    }
    const bool hasValidation = xVal.defined() && xVal.size(0) > 0;
    const int64_t nTrain = xTrain.size(0);
    if (nTrain == 0) throw Error(Message(text::kNoRowsLeft));

    const bool embeddingFirst = !spec.layers.empty() && spec.layers[0].kind == LayerKind::Embedding;
    if (options.standardize && spec.backbonePath.empty() && !embeddingFirst) {
        // Columns of a row are standardised one by one; pixels and time steps all together, so
        // the edge pixels that are nearly always blank are not blown up into noise.
        const torch::Tensor wide = xTrain.to(torch::kDouble);
        const int64_t columns = wide.size(1);
        torch::Tensor mean = spec.inputShape ? wide.mean().expand({columns}) : wide.mean(0);
        torch::Tensor scale = spec.inputShape ? wide.std(/*unbiased=*/false).expand({columns})
                                              : wide.std(0, /*unbiased=*/false);
        scale = torch::where(scale > 1e-12, scale, torch::ones_like(scale));
        net->setStandardization(mean.to(torch::kFloat), scale.to(torch::kFloat));
    }
    double targetMean = 0, targetScale = 1;
    if (!classify) {
        const torch::Tensor wide = yTrain.to(torch::kDouble);
        targetMean = wide.mean().item<double>();
        const double deviation = wide.std(/*unbiased=*/false).item<double>();
        targetScale = deviation > 1e-12 ? deviation : 1.0;
        yTrain = (yTrain - targetMean) / targetScale;
        if (hasValidation) yVal = (yVal - targetMean) / targetScale;
    }
    // Regression losses are reported in the target's own units, as MSE elsewhere in the app.
    const double lossScale = targetScale * targetScale;

    torch::Tensor weights;
    if (classify && options.balancedClassWeights) {
        const auto k = int64_t(labels.size());
        const torch::Tensor counts = torch::bincount(yTrain, {}, k).to(torch::kFloat);
        weights = torch::where(counts > 0, float(nTrain) / (float(k) * counts),
                               torch::zeros_like(counts));
    }

    auto optimizer = makeOptimizer(net->trainableParameters(), options);
    auto generator = at::detail::createCPUGenerator(options.seed);
    const int64_t batch = std::clamp<int64_t>(options.batchSize, 1, nTrain);
    const int64_t batches = (nTrain + batch - 1) / batch;
    const int64_t batchesPerPoint = (batches + 99) / 100;
    namespace F = torch::nn::functional;
    const auto lossOf = [&](const torch::Tensor& out, const torch::Tensor& y) {
        return classify ? F::cross_entropy(out, y, F::CrossEntropyFuncOptions().weight(weights))
                        : F::mse_loss(out.select(1, 0), y);
    };

    const std::vector<torch::Tensor> state = net->stateTensors();
    std::vector<torch::Tensor> bestState;
    std::vector<EpochFigures> history;
    double learningRate = options.learningRate;
    double best = std::numeric_limits<double>::infinity();
    int64_t bestEpoch = 0, wait = 0, plateauWait = 0;
    bool stopped = false;
    const double yTrainSst =
        classify ? 0.0 : (yTrain - yTrain.mean()).square().sum().item<double>();

    // The running training score, as Keras reports it: each batch's outputs as it trained,
    // scored once per epoch (scoring every batch cost 5-8 % of an MLP epoch).
    const torch::Tensor seenOutputs = torch::empty({nTrain, classify ? int64_t(labels.size()) : 1});
    for (int64_t epoch = 1; epoch <= options.epochs; ++epoch) {
        net->setTraining(true);
        const torch::Tensor order = torch::randperm(nTrain, generator);
        double lossSum = 0, groupSum = 0;
        int64_t groupCount = 0;
        torch::Tensor quietLossSum = torch::zeros({});
        for (int64_t b = 0; b < batches; ++b) {
            // Finish (go on with the model) once an epoch gave weights worth keeping.
            if (ctx.stopRequested() || (epoch > 1 && ctx.finishTrainingRequested())) {
                stopped = true;
                break;
            }
            const torch::Tensor rows =
                order.narrow(0, b * batch, std::min(batch, nTrain - b * batch));
            const torch::Tensor xb = xTrain.index_select(0, rows),
                                yb = yTrain.index_select(0, rows);
            optimizer->zero_grad();
            const torch::Tensor out = net->forward(xb);
            torch::Tensor loss = lossOf(out, yb);
            loss.backward();
            optimizer->step();
            if (!options.liveMetrics) {
                quietLossSum += loss.detach() * double(rows.size(0));
                continue;
            }
            const double value = loss.item<double>();
            if (!std::isfinite(value)) throw diverged(value, epoch, b + 1, learningRate);
            lossSum += value * double(rows.size(0));
            seenOutputs.narrow(0, b * batch, rows.size(0)).copy_(out.detach());
            groupSum += value;
            if (++groupCount == batchesPerPoint || b + 1 == batches) {
                ctx.metric("batch_loss", double(epoch - 1) + double(b + 1) / double(batches),
                           groupSum / double(groupCount) * lossScale);
                groupSum = 0;
                groupCount = 0;
            }
            ctx.progress((double(epoch - 1) + double(b + 1) / double(batches)) /
                         double(options.epochs));
        }
        if (stopped) break;

        EpochFigures figures;
        if (!options.liveMetrics) {
            lossSum = quietLossSum.item<double>();
            if (!std::isfinite(lossSum)) throw diverged(lossSum, epoch, batches, learningRate);
        }
        figures.loss = lossSum / double(nTrain) * lossScale;
        ctx.metric("loss", double(epoch), figures.loss);
        if (options.liveMetrics) {
            const torch::Tensor seen = yTrain.index_select(0, order);
            if (classify) {
                figures.score =
                    seenOutputs.argmax(1).eq(seen).to(torch::kDouble).mean().item<double>();
            } else {
                const double sse = (seenOutputs.select(1, 0) - seen).square().sum().item<double>();
                figures.score = yTrainSst > 0 ? 1 - sse / yTrainSst : NAN;
            }
            ctx.metric(classify ? "accuracy" : "r2", double(epoch), figures.score);
        }
        double monitored = figures.loss;
        if (hasValidation) {
            std::tie(figures.valLoss, figures.valScore) =
                heldOutFigures(net, xVal, yVal, classify, weights, lossScale);
            if (!std::isfinite(figures.valLoss))
                throw diverged(figures.valLoss, epoch, batches, learningRate);
            ctx.metric("val_loss", double(epoch), figures.valLoss);
            ctx.metric(classify ? "val_accuracy" : "val_r2", double(epoch), figures.valScore);
            monitored = figures.valLoss;
        }
        ctx.metric("lr", double(epoch), learningRate);
        history.push_back(figures);

        if (monitored < best) {
            best = monitored;
            bestEpoch = epoch;
            wait = 0;
            plateauWait = 0;
            if (options.restoreBest) {
                bestState.clear();
                for (const auto& t : state)
                    bestState.push_back(t.detach().clone());
            }
        } else {
            ++wait;
            ++plateauWait;
        }
        if (options.earlyStopping && wait >= options.patience) break;
        learningRate = scheduledRate(options, epoch, learningRate, plateauWait);
        for (auto& group : optimizer->param_groups())
            group.options().set_lr(learningRate);
    }

    const auto epochsDone = int64_t(history.size());
    if (epochsDone == 0) throw Cancelled{};
    int64_t keptEpoch = epochsDone;
    if (options.restoreBest && !bestState.empty() && bestEpoch != epochsDone) {
        torch::NoGradGuard noGrad;
        for (size_t i = 0; i < state.size(); ++i)
            state[i].copy_(bestState[i]);
        keptEpoch = bestEpoch;
    }
    if (stopped)
        ctx.warning(
            Message(text::kStopped, {std::to_string(epochsDone + 1), std::to_string(options.epochs),
                                     std::to_string(keptEpoch)}));

    const EpochFigures& kept = history[size_t(keptEpoch - 1)];
    std::vector<std::pair<std::string, double>> metrics = {
        {"epochs", double(epochsDone)},
        {"best_epoch", double(keptEpoch)},
        {"loss", kept.loss},
        {classify ? "accuracy" : "r2", kept.score}};
    if (hasValidation) {
        metrics.emplace_back("val_loss", kept.valLoss);
        metrics.emplace_back(classify ? "val_accuracy" : "val_r2", kept.valScore);
    }
    return Fitted{std::make_shared<const NeuralEstimator>(net, task, features, labels, targetMean,
                                                          targetScale),
                  std::move(metrics)};
}

} // namespace oficina::core::nn
