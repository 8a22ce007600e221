#pragma once

// Included only by the network module's sources (core/nn/Network.cpp, Trainer.cpp): LibTorch's
// headers stay out of every other translation unit (compile time, and Qt's keyword macros clash
// with them).

#include "nn/Network.h"

#include <torch/script.h>
#include <torch/torch.h>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace oficina::core::nn {

/// The trainable network: standardisation of the raw columns (buffers, identity when off), an
/// optional TorchScript backbone, the listed layers and the output layer. forward() takes a
/// batch of raw feature rows [batch, features] and returns logits (classification) or the
/// standardised target (regression).
class NetImpl : public torch::nn::Module {
public:
    NetImpl(const NetworkSpec& spec, int64_t featureCount, int64_t outputCount);

    torch::Tensor forward(torch::Tensor rows);
    void setStandardization(const torch::Tensor& mean, const torch::Tensor& scale);
    /// Switches training mode (dropout, batch norm) of the layers and of an unfrozen backbone;
    /// a wholly frozen backbone stays in evaluation mode.
    void setTraining(bool on);
    /// Weights the optimiser updates: everything but the frozen backbone layers.
    [[nodiscard]] std::vector<torch::Tensor> trainableParameters();
    /// Every parameter and buffer, backbone included, for best-weights snapshots.
    [[nodiscard]] std::vector<torch::Tensor> stateTensors();
    /// The output shape of each listed layer.
    [[nodiscard]] const std::vector<Shape>& shapes() const { return m_shapes; }
    /// The listed layers and one sample's shape where the first of them reads it.
    [[nodiscard]] const std::vector<LayerSpec>& layerSpecs() const { return m_specs; }
    [[nodiscard]] const Shape& layerInput() const { return m_layerInput; }
    [[nodiscard]] bool hasBackbone() const { return m_backbone.has_value(); }

private:
    struct Layer {
        LayerKind kind;
        std::function<torch::Tensor(const torch::Tensor&)> apply;
    };
    void addLayer(size_t index, const LayerSpec& layer, const Shape& in);

    Shape m_inputShape; // empty = flat
    std::optional<torch::jit::Module> m_backbone;
    bool m_backboneFrozen = false;
    std::vector<Layer> m_layers;
    std::vector<LayerSpec> m_specs;
    Shape m_layerInput;
    std::vector<Shape> m_shapes;
    torch::nn::Linear m_head{nullptr};
    torch::Tensor m_mean, m_scale;
};
TORCH_MODULE(Net);

/// A trained network as a Model's estimator.
class NeuralEstimator final : public Estimator, public ExportableNetwork {
public:
    NeuralEstimator(Net net, Task task, std::vector<std::string> features,
                    std::vector<std::string> classLabels, double targetMean, double targetScale);

    [[nodiscard]] std::string typeId() const override { return "oficina.nn.network"; }
    [[nodiscard]] const char* title() const override;
    [[nodiscard]] Task task() const override { return m_task; }
    [[nodiscard]] const std::vector<std::string>& featureNames() const override {
        return m_features;
    }
    [[nodiscard]] std::vector<Column> predict(const Table& transformed) const override;
    [[nodiscard]] std::vector<Column> predict(const Table& transformed,
                                              const PredictControl& control) const override;
    [[nodiscard]] bool hasBackbone() const override { return m_net->hasBackbone(); }
    [[nodiscard]] NetworkWeights weights() const override;

private:
    Net m_net;
    Task m_task;
    std::vector<std::string> m_features;
    std::vector<std::string> m_labels;
    double m_targetMean, m_targetScale;
};

/// fitNetwork as the module implements it (NetworkModule.h).
Fitted fitNetworkWithTorch(const Table& train, const std::string& target, const Table* validation,
                           Task task, const NetworkSpec& spec, const TrainOptions& options,
                           RunContext& ctx);

/// restoreNetwork as the module implements it (NetworkModule.h).
std::shared_ptr<const Estimator> restoreNetworkWithTorch(const NetworkWeights& weights);

/// Held by whatever uses LibTorch's process-wide seed, random stream or thread count (a fit, a
/// restore building its layers), so a fit with a given seed repeats exactly.
std::mutex& torchGlobalsMutex();

/// The feature columns of `table` as a float tensor [rows, columns]. Throws Error naming a
/// missing, categorical or non-finite column.
torch::Tensor featureTensor(const Table& table, const std::vector<std::string>& columns);

/// Runs `net` in evaluation mode without gradients on `rows` in blocks, checking `stop` between
/// blocks; returns the outputs [rows, outputs] or nothing when stopped.
std::optional<torch::Tensor> evaluate(Net& net, const torch::Tensor& rows,
                                      const PredictControl& control = {});

} // namespace oficina::core::nn
