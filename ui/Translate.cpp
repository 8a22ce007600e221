#include "Translate.h"

#include "CoreContexts.h"
#include "pipeline/Executor.h"
#include "util/Error.h"
#include "util/Message.h"

#include <QCoreApplication>
#include <QLocale>

#include <new>

namespace oficina::ui {

QString trCore(const char* text) {
    if (!text || !*text) return {};
    const QString english = QString::fromUtf8(text);
    for (const char* context : kCoreTranslationContexts) {
        QString translated = QCoreApplication::translate(context, text);
        if (translated != english) return translated;
    }
    return english;
}

QString trCore(const std::string& text) { return trCore(text.c_str()); }

QString trMessage(const core::Message& message) {
    const QString pattern = trCore(message.textTemplate());
    return QString::fromStdString(core::substituteArgs(pattern.toStdString(), message.args()));
}

QString trNodeError(const core::NodeResult& result) {
    if (!result.error) return {};
    const QString text = trMessage(*result.error);
    return result.errorWhere.empty() ? text
                                     : QString::fromStdString(result.errorWhere) + ": " + text;
}

QString trException(const std::exception& e) {
    if (const auto* error = dynamic_cast<const core::Error*>(&e))
        return error->where().empty() ? trMessage(error->message())
                                      : QString::fromStdString(error->where()) + ": " +
                                            trMessage(error->message());
    if (dynamic_cast<const std::bad_alloc*>(&e)) return trCore("out of memory");
    return QCoreApplication::translate("oficina::ui", "unexpected error: %1")
        .arg(QString::fromLocal8Bit(e.what()));
}

QString localNumber(double value, char format, int precision) {
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return locale.toString(value, format, precision);
}

QString formatCell(double value) { return localNumber(value, 'g', 8); }

} // namespace oficina::ui
