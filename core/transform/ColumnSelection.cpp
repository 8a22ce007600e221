#include "transform/ColumnSelection.h"

#include "util/Error.h"
#include "util/Tr.h"

namespace oficina::core {

ColumnSelectionStep::ColumnSelectionStep(std::vector<ColumnSchema> features, std::string target)
    : m_features(std::move(features)), m_target(std::move(target)) {}

std::string ColumnSelectionStep::typeId() const { return "oficina.data.select_columns"; }

const char* ColumnSelectionStep::title() const {
    return OFICINA_TR_NOOP("Select columns & set target");
}

Table ColumnSelectionStep::apply(const Table& input) const {
    std::vector<Column> columns;
    columns.reserve(m_features.size() + 1);
    for (const auto& feature : m_features) {
        const Column* column = input.find(feature.name);
        if (!column)
            throw Error(Message(OFICINA_TR_NOOP("the feature column '%1' is missing"),
                                {feature.name}));
        if (column->type() != feature.type)
            throw Error(Message(OFICINA_TR_NOOP("column '%1' is %2 here but was %3 in training"),
                                {feature.name, toString(column->type()), toString(feature.type)}));
        columns.push_back(column->withRole(ColumnRole::Feature));
    }
    if (!m_target.empty())
        if (const Column* target = input.find(m_target))
            columns.push_back(target->withRole(ColumnRole::Target));
    return Table(std::move(columns));
}

} // namespace oficina::core
