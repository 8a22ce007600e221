#pragma once

#include "models/Model.h"
#include "nn/LayerSpec.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace oficina::core::nn {

/// What to build: the listed layers on the feature columns (reshaped to `inputShape`), or on the
/// features a TorchScript backbone computes from them, then the output layer the task implies.
/// Example: {.layers = {parseLayer("Dense(units=64)"), parseLayer("ReLU")}}
struct NetworkSpec {
    std::vector<LayerSpec> layers;
    /// One sample's shape, e.g. {1, 8, 8}; nothing = a flat row of features.
    std::optional<Shape> inputShape;
    /// TorchScript file (`torch.jit.save`) whose forward maps a batch shaped like the input to
    /// a batch of feature rows; empty = none.
    std::string backbonePath;
    /// Backbone children (in declaration order) whose weights stay fixed; -1 = all of them.
    int64_t frozenLayers = -1;
};

enum class Optimizer { Sgd, Adam, AdamW };
enum class Schedule { Constant, Step, Cosine, Plateau };

/// How to train. PyTorch's defaults where it has them.
/// Example: {.optimizer = Optimizer::Sgd, .learningRate = 0.01, .momentum = 0.9, .epochs = 50}
struct TrainOptions {
    Optimizer optimizer = Optimizer::Adam;
    double learningRate = 1e-3;
    double momentum = 0.9;  ///< SGD only
    bool nesterov = false;  ///< SGD only
    double weightDecay = 0; ///< L2 for SGD and Adam, decoupled for AdamW
    Schedule schedule = Schedule::Constant;
    int64_t stepSize = 10; ///< Step: epochs between decays
    double decay = 0.1;    ///< Step and Plateau: the factor applied to the learning rate
    int64_t batchSize = 32;
    int64_t epochs = 100;
    /// Rows of the training data held out for validation when no validation table is given;
    /// 0 = none (no early stopping, no plateau schedule).
    double validationFraction = 0.1;
    bool earlyStopping = true;
    int64_t patience = 10;   ///< epochs without a lower validation loss before stopping
    bool restoreBest = true; ///< end with the weights of the best validation epoch
    bool balancedClassWeights = false;
    /// Standardise the inputs with the training mean and deviation inside the network (each
    /// column on its own for a flat row, all values together for a declared input shape) and
    /// the regression target, so raw columns train well. Off for a backbone, which expects the
    /// input it was trained on.
    bool standardize = true;
    uint32_t seed = 0;
    int threads = 0; ///< CPU threads; 0 = every core
    /// Stream `batch_loss` and the running training score (one sync per batch). Off, the epoch
    /// figures come from a summed loss tensor and the training score is not measured: the
    /// benchmark compares both to price the live chart.
    bool liveMetrics = true;
};

/// Trains a network for `task` (classification or regression) on the feature columns of
/// `train` to predict `target`, validating on `validation` when given (already transformed like
/// `train`). Streams `batch_loss` (mean over groups of batches, at most 100 points per epoch,
/// step = fractional epoch), then per epoch `loss`, `val_loss`, `accuracy`/`val_accuracy` or
/// `r2`/`val_r2`, and `lr`. Checks Stop once per batch: after at least one epoch the best
/// weights so far are kept and returned with a warning, before that it throws Cancelled.
/// Throws Error for shape mismatches (before training), bad columns, an unreadable backbone and
/// a non-finite loss (naming the epoch). Thread-safe: fits are serialised in the process since
/// LibTorch's seed and thread count are global. Runs in the network module, loaded on the first
/// call (NetworkModule.h); throws Error when it cannot be loaded.
Fitted fitNetwork(const Table& train, const std::string& target, const Table* validation, Task task,
                  const NetworkSpec& spec, const TrainOptions& options, RunContext& ctx);

/// Batch normalisation's epsilon: LibTorch's default, which the layers keep and an export needs.
inline constexpr double kBatchNormEpsilon = 1e-5;

/// One parameter or buffer of a trained network, row-major.
struct NetworkTensor {
    Shape shape;
    std::vector<float> values;
};

/// A trained network described without LibTorch, for the ONNX exporter: its layers, their
/// shapes and every weight by LibTorch's own name.
struct NetworkWeights {
    Task task = Task::Classification;
    std::vector<std::string> features;    ///< the input columns, in order
    std::vector<std::string> classLabels; ///< classification: the output order
    std::vector<LayerSpec> layers;
    /// One sample's shape at the first layer: {features} or the declared input shape.
    Shape input;
    std::vector<Shape> shapes; ///< each layer's output shape
    /// "input_mean" and "input_scale" (the standardisation, [features]), "layer<i>.<name>" for
    /// layer i (1-based) as LibTorch names its weights and buffers ("layer2.weight",
    /// "layer3.running_var", "layer4.weight_ih_l1_reverse"), and "head.weight", "head.bias".
    std::map<std::string, NetworkTensor> tensors;
    /// Regression: the network predicts (target − targetMean) / targetScale.
    double targetMean = 0, targetScale = 1;
};

/// A trained network rebuilt from its description (a model package): the layers built as the
/// trainer builds them for `weights.features` and the output the task implies, every parameter
/// and floating-point buffer set to the tensor of the same name, in evaluation mode, so it
/// predicts exactly as the network `weights` came from. Throws Error naming a tensor that is
/// missing, unexpected or of another shape, and for layers that do not fit the input (callers
/// validate the description first: deploy/NetworkCodec.cpp). Does not accept a backbone (a
/// network with one has no NetworkWeights). Waits while a fit runs in the process, since building
/// the layers draws LibTorch's global random numbers that the fit's exact repetition relies on.
/// Runs in the network module, loaded on the first call; throws Error when it cannot be loaded.
std::shared_ptr<const Estimator> restoreNetwork(const NetworkWeights& weights);

/// What a trained network estimator offers to the exporter, which cannot see its LibTorch class.
class ExportableNetwork {
public:
    virtual ~ExportableNetwork() = default;
    /// True when the network starts with a TorchScript backbone, which has no layer list.
    [[nodiscard]] virtual bool hasBackbone() const = 0;
    /// The layers and weights; throws Error for a network with a backbone.
    [[nodiscard]] virtual NetworkWeights weights() const = 0;
};

} // namespace oficina::core::nn
