#include "models/Model.h"

#include "util/Error.h"
#include "util/Tr.h"

namespace oficina::core {

namespace {

class FunctionLearner final : public Learner {
public:
    FunctionLearner(const char* title, Task task, FitFunction fit, VaryFunction vary)
        : m_title(title), m_task(task), m_fit(std::move(fit)), m_vary(std::move(vary)) {}
    [[nodiscard]] const char* title() const override { return m_title; }
    [[nodiscard]] Task task() const override { return m_task; }
    [[nodiscard]] Fitted fit(const Table& transformed, const std::string& target,
                             RunContext& ctx) const override {
        return m_fit(transformed, target, ctx);
    }
    [[nodiscard]] std::shared_ptr<const Learner> withParameter(const std::string& key,
                                                               double value) const override {
        return m_vary ? m_vary(key, value) : nullptr;
    }

private:
    const char* m_title;
    Task m_task;
    FitFunction m_fit;
    VaryFunction m_vary;
};

} // namespace

std::shared_ptr<const Learner> makeLearner(const char* title, Task task, FitFunction fit) {
    return std::make_shared<const FunctionLearner>(title, task, std::move(fit), nullptr);
}

std::shared_ptr<const Learner> makeLearner(const char* title, Task task, FitFunction fit,
                                           VaryFunction vary) {
    return std::make_shared<const FunctionLearner>(title, task, std::move(fit), std::move(vary));
}

std::string requireTarget(const Table& table) {
    const auto targets = table.namesWithRole(ColumnRole::Target);
    if (targets.empty())
        throw Error(Message(OFICINA_TR_NOOP("the data has no target column; choose one in "
                                            "'Select columns & set target'")));
    return targets.front();
}

Model trainModel(const Table& train, std::shared_ptr<const Learner> learner, RunContext& ctx) {
    const std::string target =
        learner->task() == Task::Clustering ? std::string() : requireTarget(train);
    Fitted fitted = learner->fit(train, target, ctx);
    Lineage lineage = train.lineage();
    if (!lineage.rowsFor(train.rowCount())) lineage.sourceRows = nullptr; // not this table's
    return Model{.lineage = std::move(lineage),
                 .estimator = std::move(fitted.estimator),
                 .learner = std::move(learner),
                 .targetName = target,
                 .trainingMetrics = std::move(fitted.metrics)};
}

Model refitModel(const Model& model, const Table& raw, RunContext& ctx) {
    return trainModel(model.lineage.refitOn(raw), model.learner, ctx);
}

const char* toString(Task task) {
    switch (task) {
    case Task::Classification:
        return "classification";
    case Task::Regression:
        return "regression";
    case Task::Clustering:
        return "clustering";
    }
    return "classification";
}

std::string probabilityColumnName(const std::string& label) { return "P(" + label + ")"; }

Table Model::predict(const Table& input, const PredictControl& control) const {
    const Table transformed = lineage.applyTo(input);
    Table out = input;
    if (!targetName.empty())
        if (const Column* target = input.find(targetName))
            out = out.withColumn(target->withRole(ColumnRole::Target));
    for (auto& column : estimator->predict(transformed, control))
        out = out.withColumn(std::move(column));
    return out;
}

} // namespace oficina::core
