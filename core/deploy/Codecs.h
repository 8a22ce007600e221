#pragma once

// Codecs defined outside EstimatorCodecs.cpp that estimatorCodecs() lists.

#include "deploy/StateArchive.h"

namespace oficina::core::deploy {

/// The neural network's codec (NetworkCodec.cpp).
EstimatorCodec networkEstimatorCodec();

} // namespace oficina::core::deploy
