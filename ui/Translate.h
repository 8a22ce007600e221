#pragma once

#include <QString>

#include <exception>

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
/// A number as the interface writes it: the decimal separator of the default locale (the UI
/// language's), no digit grouping, so a year stays 1749. Files and the CLI keep '.'.
QString localNumber(double value, char format = 'g', int precision = 6);
/// Display text of a number in a table cell: up to 8 significant digits, so columns stay narrow.
QString formatCell(double value);
/// What went wrong, for the catch-all at an entry point (open, paste, recover): a core::Error's
/// place and message, "out of memory", or an unexpected exception's own text.
QString trException(const std::exception& e);

} // namespace oficina::ui
