// Emitters for naive Bayes.
#include "export/Emitters.h"

namespace oficina::core::onnxexport {

void registerBayesEmitters(EmitterRegistry&) {}

} // namespace oficina::core::onnxexport
