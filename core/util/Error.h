#pragma once

#include "util/Message.h"

#include <stdexcept>
#include <string>

namespace oficina::core {

/// An error meant for the user: where it happened ("data.csv:12:7", "node 'split'") and what is
/// wrong, as a translatable Message. what() gives "where: message" in English.
class Error : public std::runtime_error {
public:
    explicit Error(Message message, std::string where = {});

    [[nodiscard]] const Message& message() const { return m_message; }
    [[nodiscard]] const std::string& where() const { return m_where; }

private:
    Message m_message;
    std::string m_where;
};

/// Thrown from a long loop when the run's stop token is set; not an error for the user.
struct Cancelled {};

/// "file:line:column" as used by every data reader's errors.
std::string fileLocation(const std::string& file, size_t line, size_t column = 0);

} // namespace oficina::core
