// Emitters for linear and kernel SVMs.
#include "export/Emitters.h"

namespace oficina::core::onnxexport {

void registerSvmEmitters(EmitterRegistry&) {}

} // namespace oficina::core::onnxexport
