#pragma once

// Private to core/export: fills the parts of a ModelDescription that come from the model itself
// rather than from its graph.

#include "export/ModelDescription.h"
#include "models/Model.h"

namespace oficina::core::onnxexport {

/// The fitted values of `lineage`'s steps (fill values, means and scales, categories) and, for
/// each categorical input of `d`, what an unseen category becomes.
void describeSteps(const Lineage& lineage, ModelDescription& d);

/// From the model's raw training rows (Model::lineage's sourceRows), when it has them: their
/// count, fingerprint and float32 exactness, and the first complete row with the app's own
/// prediction for it as the example. Needs d.inputs, d.classLabels; leaves d as it is when the
/// rows are not known.
void describeTraining(const Model& model, ModelDescription& d);

} // namespace oficina::core::onnxexport
