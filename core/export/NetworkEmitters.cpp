// Emitters for neural networks.
#include "export/Emitters.h"

namespace oficina::core::onnxexport {

void registerNetworkEmitters(EmitterRegistry&) {}

} // namespace oficina::core::onnxexport
