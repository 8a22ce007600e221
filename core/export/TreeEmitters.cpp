// Emitters for decision trees, random forests and gradient boosting.
#include "export/Emitters.h"

namespace oficina::core::onnxexport {

void registerTreeEmitters(EmitterRegistry&) {}

} // namespace oficina::core::onnxexport
