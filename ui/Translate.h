#pragma once

#include <QString>

namespace oficina::core {
class Message;
struct NodeResult;
} // namespace oficina::core

namespace oficina::ui {

/// Translates an English string that core marked with OFICINA_TR_NOOP.
QString trCore(const char* text);
QString trCore(const std::string& text);
/// Translates a core Message's template, then fills in its arguments.
QString trMessage(const core::Message& message);
/// A node's error, translated, prefixed with its location in the data if it has one.
QString trNodeError(const core::NodeResult& result);

} // namespace oficina::ui
