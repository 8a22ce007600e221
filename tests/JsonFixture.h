// Reading the JSON fixtures under tests/data (written by the make_*_fixtures.py scripts there).
// Header-only and test-only: include it as "../JsonFixture.h"; it needs the OFICINA_TEST_DATA
// definition that tests/CMakeLists.txt gives every test executable.
#pragma once

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QString>

#include <limits>
#include <string>
#include <vector>

namespace fixture {

/// The JSON document at tests/data/<pathUnderTestData>, e.g. "sklearn/iris_cli.json".
/// A missing or malformed fixture is a broken checkout, not a failing test: it stops the test
/// executable with the file name and the parse error rather than letting cases pass on nothing.
inline QJsonDocument read(const QString& pathUnderTestData) {
    const QString path = QStringLiteral(OFICINA_TEST_DATA "/") + pathUnderTestData;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s: %s", qPrintable(path), qPrintable(file.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad fixture %s at offset %d: %s", qPrintable(path), int(error.offset),
               qPrintable(error.errorString()));
    return doc;
}

/// The top-level "cases" array of a fixture, the layout of the tests/data/sklearn files.
inline QJsonArray cases(const QString& pathUnderTestData) {
    return read(pathUnderTestData).object().value(QLatin1String("cases")).toArray();
}

/// A JSON number, with null (how the scripts write NaN) read back as NaN.
inline double number(const QJsonValue& value) {
    return value.isNull() ? std::numeric_limits<double>::quiet_NaN() : value.toDouble();
}

/// An array of numbers; null entries become NaN.
inline std::vector<double> numbers(const QJsonValue& value) {
    std::vector<double> out;
    for (const QJsonValue& v : value.toArray())
        out.push_back(number(v));
    return out;
}

/// An array of integers (indices, class codes) as T.
template <typename T> std::vector<T> integers(const QJsonValue& value) {
    std::vector<T> out;
    for (const QJsonValue& v : value.toArray())
        out.push_back(T(v.toInteger()));
    return out;
}

/// An array of strings, UTF-8.
inline std::vector<std::string> strings(const QJsonValue& value) {
    std::vector<std::string> out;
    for (const QJsonValue& v : value.toArray())
        out.push_back(v.toString().toStdString());
    return out;
}

} // namespace fixture
