#pragma once

#include "data/Lineage.h"
#include "data/Table.h"

#include <string>
#include <vector>

namespace oficina::core {

/// The fitted form of "Select columns & set target": which columns are features (with the type
/// each had in training) and which one is the target. At prediction time the target may be
/// absent; a missing or retyped feature is an Error naming it.
class ColumnSelectionStep final : public FittedStep {
public:
    ColumnSelectionStep(std::vector<ColumnSchema> features, std::string target);

    [[nodiscard]] std::string typeId() const override;
    [[nodiscard]] const char* title() const override;
    [[nodiscard]] bool learnsFromData() const override { return false; }
    [[nodiscard]] Table apply(const Table& input) const override;
    [[nodiscard]] std::shared_ptr<const FittedStep> refit(const Table&) const override {
        return shared_from_this();
    }

    [[nodiscard]] const std::vector<ColumnSchema>& features() const { return m_features; }
    [[nodiscard]] const std::string& target() const { return m_target; }

private:
    std::vector<ColumnSchema> m_features;
    std::string m_target;
};

} // namespace oficina::core
