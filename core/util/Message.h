#pragma once

#include <string>
#include <vector>

namespace oficina::core {

/// A user-facing message: an English template marked with OFICINA_TR_NOOP whose variable parts
/// (%1, %2, …) are kept apart, so the ui can translate the template and the CLI can print it as is.
/// Example: Message(OFICINA_TR_NOOP("expected %1 fields, found %2"), {"5", "6"})
class Message {
public:
    Message() = default;
    Message(const char* textTemplate, std::vector<std::string> args = {})
        : m_template(textTemplate ? textTemplate : ""), m_args(std::move(args)) {}

    [[nodiscard]] const std::string& textTemplate() const { return m_template; }
    [[nodiscard]] const std::vector<std::string>& args() const { return m_args; }
    /// The template with %1…%9 replaced by the arguments.
    [[nodiscard]] std::string english() const;

private:
    std::string m_template;
    std::vector<std::string> m_args;
};

/// Substitutes %1…%9 in a template; shared with the ui's translated templates.
std::string substituteArgs(const std::string& textTemplate, const std::vector<std::string>& args);

} // namespace oficina::core
