#include "models/Model.h"

namespace oficina::core {

std::string probabilityColumnName(const std::string& label) { return "P(" + label + ")"; }

Table Model::predict(const Table& input) const {
    const Table transformed = lineage.applyTo(input);
    Table out = input;
    if (!targetName.empty())
        if (const Column* target = input.find(targetName))
            out = out.withColumn(target->withRole(ColumnRole::Target));
    for (auto& column : estimator->predict(transformed)) out = out.withColumn(std::move(column));
    return out;
}

} // namespace oficina::core
