// Screenshot tests, for a look rather than an assertion: skipped unless OFICINA_SHOTS names a
// folder; each picture in English and, when OFICINA_QM names oficina_pt_BR.qm, in Brazilian
// Portuguese with its numbers ("0,5"), as the app shows them. Test-only.
#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QTranslator>

/// The folder OFICINA_SHOTS names; empty when pictures are not wanted (the test skips).
inline QString shotsFolder() {
    return qEnvironmentVariable("OFICINA_SHOTS");
}

/// Calls `draw(language)` with "en", then, with the pt_BR translation and locale installed,
/// with "pt_BR" (when OFICINA_QM loads); the translator and the default locale are restored.
template <typename Draw> void inEachLanguage(Draw draw) {
    draw(QStringLiteral("en"));
    QTranslator portuguese;
    if (!portuguese.load(qEnvironmentVariable("OFICINA_QM"))) return;
    const QLocale before;
    QCoreApplication::installTranslator(&portuguese);
    QLocale::setDefault(QLocale(QLocale::Portuguese, QLocale::Brazil));
    draw(QStringLiteral("pt_BR"));
    QCoreApplication::removeTranslator(&portuguese);
    QLocale::setDefault(before);
}
