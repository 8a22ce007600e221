#pragma once

#include "data/Split.h"
#include "pipeline/Parameter.h"
#include "util/Message.h"

#include <string>
#include <vector>

namespace oficina::core {

class RunContext;
class Table;
struct Model;

// What the nodes that refit a model's recipe on folds share (EvaluationNodes.cpp): the same
// fold parameters, scores and warnings everywhere.

/// n_splits, stratify, shuffle and seed.
std::vector<Parameter> foldParameters();
/// "scoring": auto (accuracy or R² by task) or one of scorePredictions()'s scalars.
Parameter scoringParameter();
/// The "scoring" value with "auto" resolved for `model`'s task.
std::string scoringFor(const Model& model, const ParamValues& params);
/// The folds foldParameters() describe for `model`'s target in `data`; throws Error for a model
/// that has no target or data without it.
std::vector<TrainTestIndices> foldsFor(const Model& model, const Table& data,
                                       const ParamValues& params, std::vector<Message>& warnings);
/// Sends each distinct warning to `ctx` once (every fold repeats the same ones).
void forwardWarnings(std::vector<Message>& warnings, RunContext& ctx);

} // namespace oficina::core
