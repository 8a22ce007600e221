// Fixture arrays as Eigen objects, for the tests of Eigen-based models. Header-only, test-only:
// include it as "../EigenFixture.h" beside JsonFixture.h.
#pragma once

#include "JsonFixture.h"

#include <Eigen/Core>

namespace fixture {

/// An array of rows of numbers (null → NaN) as a matrix; an empty array gives 0 × 0.
inline Eigen::MatrixXd matrix(const QJsonValue& value) {
    const QJsonArray rows = value.toArray();
    Eigen::MatrixXd out(rows.size(), rows.isEmpty() ? 0 : rows[0].toArray().size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const std::vector<double> row = numbers(rows[i]);
        for (size_t j = 0; j < row.size(); ++j) out(i, Eigen::Index(j)) = row[j];
    }
    return out;
}

/// An array of numbers (null → NaN) as a vector.
inline Eigen::VectorXd vector(const QJsonValue& value) {
    const std::vector<double> v = numbers(value);
    return Eigen::Map<const Eigen::VectorXd>(v.data(), Eigen::Index(v.size()));
}

} // namespace fixture
