#pragma once

#include "util/Tr.h"

// The user-facing texts of core/nn's LibTorch files (Network.cpp, Trainer.cpp). lupdate cannot
// read those files without parsing LibTorch's headers, which takes it a quarter of an hour, so
// translations/CMakeLists.txt leaves them out and their texts live here.
namespace oficina::core::nn::text {

inline constexpr const char* kNetworkTitle = OFICINA_TR_NOOP("Neural network");
inline constexpr const char* kBackboneUnreadable = OFICINA_TR_NOOP(
    "cannot load the backbone: %1 (expected a TorchScript file saved with torch.jit.save)");
inline constexpr const char* kBackboneNotDescribable =
    OFICINA_TR_NOOP("a network with a TorchScript backbone has no layer list to export");
inline constexpr const char* kBackboneRejectsShape =
    OFICINA_TR_NOOP("the backbone does not accept input of shape %1: %2");
inline constexpr const char* kInputShapeMismatch =
    OFICINA_TR_NOOP("the input shape %1 holds %2 values, but the data has %3 feature columns");
inline constexpr const char* kNeedsFlatten = OFICINA_TR_NOOP(
    "the last layer outputs %1; add a Flatten layer so the output layer gets a row of features");
inline constexpr const char* kEmbeddingCodes =
    OFICINA_TR_NOOP("layer %1 Embedding needs whole token codes from 0 to %2");
inline constexpr const char* kNesterovNeedsMomentum =
    OFICINA_TR_NOOP("Nesterov momentum needs a momentum above 0");
inline constexpr const char* kUnknownValidationClass = OFICINA_TR_NOOP(
    "the validation data has class '%1' in column '%2', which the training data lacks");
inline constexpr const char* kDiverged =
    OFICINA_TR_NOOP("training diverged: the loss became %1 in epoch %2, batch %3; lower the "
                    "learning rate (now %4) or standardise the inputs");
inline constexpr const char* kNoFeatures = OFICINA_TR_NOOP("the data has no feature columns");
inline constexpr const char* kNoRowsLeft =
    OFICINA_TR_NOOP("no rows are left to train on after holding out the validation rows");
inline constexpr const char* kTensorMissing =
    OFICINA_TR_NOOP("the network's weights lack the tensor %1");
inline constexpr const char* kTensorShape =
    OFICINA_TR_NOOP("the tensor %1 has shape %2, but the network's layers need %3");
inline constexpr const char* kTensorUnexpected =
    OFICINA_TR_NOOP("the tensor %1 is not a weight of the network its layers describe");
inline constexpr const char* kNetworkNotBuilt =
    OFICINA_TR_NOOP("cannot build the network its layers describe: %1");
inline constexpr const char* kStopped =
    OFICINA_TR_NOOP("stopped in epoch %1 of %2; the model keeps the weights of epoch %3");

} // namespace oficina::core::nn::text
