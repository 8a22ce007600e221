#include "util/Error.h"

namespace oficina::core {

namespace {
std::string describe(const Message& message, const std::string& where) {
    return where.empty() ? message.english() : where + ": " + message.english();
}
} // namespace

Error::Error(Message message, std::string where)
    : std::runtime_error(describe(message, where)), m_message(std::move(message)),
      m_where(std::move(where)) {}

std::string fileLocation(const std::string& file, size_t line, size_t column) {
    std::string out = file + ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
    return out;
}

} // namespace oficina::core
