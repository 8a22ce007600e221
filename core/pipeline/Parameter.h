#pragma once

#include "util/Message.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace oficina::core {

/// A parameter value. Which alternative a parameter holds follows from its ParamKind.
using Value = std::variant<bool, int64_t, double, std::string, std::vector<std::string>>;

/// Layers: a network's layer list, one nn::formatLayer() string per layer (core/nn/LayerSpec.h).
enum class ParamKind { Int, Double, Bool, Choice, Column, Columns, Text, File, Layers };
const char* toString(ParamKind kind);

struct ChoiceOption {
    std::string key;    ///< stable, written to files
    const char* label;  ///< English, OFICINA_TR_NOOP
};

/// One hyper-parameter of a node type, declared once: it drives the pipeline file, the property
/// editor, `oficina-cli --set` and validation.
/// Example: Parameter::integer("max_iter", OFICINA_TR_NOOP("Maximum iterations"), 100)
///              .range(1, 100000).withHelp(OFICINA_TR_NOOP("L-BFGS iterations before giving up"))
struct Parameter {
    std::string key;       ///< stable, never translated; scikit-learn's name where one exists
    const char* label = "";
    ParamKind kind = ParamKind::Int;
    Value defaultValue;
    std::optional<double> min, max;
    std::vector<ChoiceOption> choices;
    const char* help = "";
    /// Column/Columns: the Table input whose column names are valid ("" = first Table input).
    std::string columnsFrom;
    /// Column/Text/File: whether an empty value is allowed.
    bool allowEmpty = false;
    /// What leaving the value empty means, said beside the editor ("" = nothing to say).
    const char* whenEmpty = "";
    /// Columns: the key of the node's Column parameter whose column is not offered here (the
    /// target among the features); "" = none.
    std::string excludes;
    /// File: a file-dialog filter, e.g. "Data files (*.csv *.tsv *.arff)".
    const char* fileFilter = "";
    /// File: the node writes this file rather than reads it (the editor asks where to save).
    bool writesFile = false;
    /// Layers: the key of the node's text parameter that gives the first layer's input shape
    /// (its empty text: a flat row of the input's features), or "" when the editor cannot know
    /// it (a head after a backbone).
    std::string shapeFrom;
    /// Keys this parameter had in earlier versions of its node: files that use them still open,
    /// and save under `key`.
    std::vector<std::string> formerKeys;

    static Parameter integer(std::string key, const char* label, int64_t defaultValue);
    static Parameter real(std::string key, const char* label, double defaultValue);
    static Parameter boolean(std::string key, const char* label, bool defaultValue);
    static Parameter choice(std::string key, const char* label, std::vector<ChoiceOption> choices,
                            std::string defaultKey);
    static Parameter column(std::string key, const char* label);
    static Parameter columns(std::string key, const char* label);
    static Parameter text(std::string key, const char* label, std::string defaultValue = {});
    static Parameter file(std::string key, const char* label, const char* filter);
    /// A file the node writes; required.
    static Parameter outputFile(std::string key, const char* label, const char* filter);
    static Parameter layers(std::string key, const char* label,
                            std::vector<std::string> defaultLayers);
    /// The "seed" of a node's random choices: default 0, any 32-bit unsigned value (what
    /// numpy's RandomState, the C library's srand() and the learners all accept). `help` says
    /// what it seeds.
    static Parameter seed(const char* help);

    [[nodiscard]] Parameter range(double lo, double hi) const;
    [[nodiscard]] Parameter withHelp(const char* text) const;
    /// Example: Parameter::columns("features", …).meaningWhenEmpty(OFICINA_TR_NOOP("every column
    /// except the target"))
    [[nodiscard]] Parameter meaningWhenEmpty(const char* text) const;
    /// Example: Parameter::columns("features", …).excluding("target")
    [[nodiscard]] Parameter excluding(std::string key) const;
    [[nodiscard]] Parameter optional() const;
    [[nodiscard]] Parameter fromInput(std::string port) const;
    [[nodiscard]] Parameter withShapeFrom(std::string key) const;
    /// Example: Parameter::integer("max_iter", …).formerly("iterations")
    [[nodiscard]] Parameter formerly(std::string key) const;

    /// Why the value is not acceptable, or nothing.
    [[nodiscard]] std::optional<Message> rejects(const Value& value) const;
    /// Whether the value is the empty one a required column, columns, text or file parameter
    /// holds until the user sets it: an unconfigured node. Files save and reopen it; rejects()
    /// still refuses it, so validation and the run report it.
    [[nodiscard]] bool isUnset(const Value& value) const;
    /// Parses the text form used by `oficina-cli --set` (columns: comma-separated; layers:
    /// separated by ';').
    /// Throws Error saying what was expected.
    [[nodiscard]] Value parse(const std::string& text) const;
    [[nodiscard]] Value fromJson(const nlohmann::json& json) const;
    [[nodiscard]] nlohmann::json toJson(const Value& value) const;
    /// Human-readable form, e.g. for `oficina-cli nodes` and the run log.
    [[nodiscard]] std::string display(const Value& value) const;
};

/// A node's parameter values by key; typed getters for the node's run function.
class ParamValues {
public:
    void set(const std::string& key, Value value) { m_values[key] = std::move(value); }
    [[nodiscard]] bool contains(const std::string& key) const { return m_values.count(key) > 0; }
    [[nodiscard]] const Value& at(const std::string& key) const;
    [[nodiscard]] int64_t integer(const std::string& key) const;
    [[nodiscard]] double real(const std::string& key) const;
    [[nodiscard]] bool boolean(const std::string& key) const;
    [[nodiscard]] const std::string& text(const std::string& key) const;
    [[nodiscard]] const std::vector<std::string>& list(const std::string& key) const;
    [[nodiscard]] const std::map<std::string, Value>& all() const { return m_values; }
    bool operator==(const ParamValues&) const = default;

private:
    std::map<std::string, Value> m_values;
};

} // namespace oficina::core
