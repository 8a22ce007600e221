#include "models/Classification.h"

#include "models/Model.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>

namespace oficina::core {

ClassLabels presentClasses(const Column& target) {
    const ClassLabels all = classLabels(target);
    if (all.codes.empty()) throw Error(Message(OFICINA_TR_NOOP("there are no rows to train on")));
    std::vector<bool> present(all.labels.size(), false);
    for (int32_t code : all.codes) present[size_t(code)] = true;
    std::vector<size_t> order;
    for (size_t c = 0; c < present.size(); ++c)
        if (present[c]) order.push_back(c);
    if (order.size() < 2)
        throw Error(Message(OFICINA_TR_NOOP("the target '%1' has only one class '%2'; "
                                            "classification needs at least two"),
                            {target.name(), all.labels[order.front()]}));
    ClassLabels out;
    std::vector<int32_t> renumber(all.labels.size(), -1);
    for (size_t i = 0; i < order.size(); ++i) {
        renumber[order[i]] = int32_t(i);
        out.labels.push_back(all.labels[order[i]]);
    }
    out.codes.reserve(all.codes.size());
    for (int32_t code : all.codes) out.codes.push_back(renumber[size_t(code)]);
    return out;
}

void checkClassInput(const Eigen::MatrixXd& X, const std::vector<int32_t>& y, int classCount) {
    if (X.rows() == 0) throw Error(Message(OFICINA_TR_NOOP("there are no rows to train on")));
    if (size_t(X.rows()) != y.size())
        throw Error(Message(OFICINA_TR_NOOP("%1 target values for %2 rows"),
                            {std::to_string(y.size()), std::to_string(X.rows())}));
    if (!X.allFinite())
        throw Error(Message(OFICINA_TR_NOOP("the features have missing or infinite values")));
    std::vector<bool> present(size_t(std::max(classCount, 0)), false);
    for (int32_t code : y) {
        if (code < 0 || code >= classCount)
            throw Error(Message(OFICINA_TR_NOOP("class index %1 is outside the %2 classes"),
                                {std::to_string(code), std::to_string(classCount)}));
        present[size_t(code)] = true;
    }
    if (std::count(present.begin(), present.end(), true) < 2)
        throw Error(Message(OFICINA_TR_NOOP("the target has only one class '%1'; "
                                            "classification needs at least two"),
                            {std::to_string(y.front())}));
}

std::vector<int32_t> rowArgmax(const Eigen::MatrixXd& m) {
    std::vector<int32_t> out(size_t(m.rows()));
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
        Eigen::Index best = 0;
        for (Eigen::Index c = 1; c < m.cols(); ++c)
            if (m(i, c) > m(i, best)) best = c;
        out[size_t(i)] = int32_t(best);
    }
    return out;
}

std::vector<Column> classificationColumns(const Eigen::MatrixXd& probabilities,
                                          const std::vector<std::string>& labels,
                                          std::vector<int32_t> predicted) {
    if (predicted.empty()) predicted = rowArgmax(probabilities);
    std::vector<Column> out;
    out.reserve(labels.size() + 1);
    out.push_back(Column::categorical(kPredictionColumn, std::move(predicted), labels,
                                      ColumnRole::Prediction));
    for (size_t c = 0; c < labels.size(); ++c) {
        const auto column = probabilities.col(Eigen::Index(c));
        out.push_back(Column::numeric(probabilityColumnName(labels[c]),
                                      std::vector<double>(column.begin(), column.end()),
                                      ColumnRole::Prediction));
    }
    return out;
}

} // namespace oficina::core
