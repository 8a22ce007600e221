#include "util/Message.h"

namespace oficina::core {

std::string substituteArgs(const std::string& textTemplate, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(textTemplate.size() + 16 * args.size());
    for (size_t i = 0; i < textTemplate.size(); ++i) {
        const char c = textTemplate[i];
        if (c == '%' && i + 1 < textTemplate.size() && textTemplate[i + 1] >= '1' &&
            textTemplate[i + 1] <= '9') {
            const size_t index = size_t(textTemplate[i + 1] - '1');
            if (index < args.size()) {
                out += args[index];
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

std::string Message::english() const { return substituteArgs(m_template, m_args); }

} // namespace oficina::core
