// Emitters for k-nearest neighbours.
#include "export/Emitters.h"

namespace oficina::core::onnxexport {

void registerKnnEmitters(EmitterRegistry&) {}

} // namespace oficina::core::onnxexport
