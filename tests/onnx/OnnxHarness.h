#pragma once

// Shared by the ONNX parity tests (tests/onnx/tst_*.cpp): bundled datasets exactly as their files
// hold them (both sides get the same raw values, never values rounded to suit one side),
// mixed-type variants with missing cells, a generated table on a 0.001 grid, training on three
// rows in four, and a checker that exports a Model, runs it in ONNX Runtime (npm
// onnxruntime-node through tests/onnx/run_model.js, installed by CTest's onnx.runtime fixture)
// and compares with the app's Model::predict on the same rows: labels identical (but on rows
// the app itself decides by less than kCloseCall), numbers within a Tolerance.
//
// Example (a test class holding an OrtChecker m_ort):
//     void initTestCase() { QVERIFY2(m_ort.start(), qPrintable(m_ort.error())); }
//     void forest() {
//         const Table raw = onnxtest::dataset("iris", "species");
//         const Model model = onnxtest::train(onnxtest::select(raw, {}, "species"), learner);
//         const QString failure = m_ort.check(model, raw, m_ort.file("forest.onnx"));
//         QVERIFY2(failure.isEmpty(), qPrintable(failure));
//     }

#include "data/Table.h"
#include "export/OnnxExport.h"
#include "models/LogisticRegression.h"
#include "models/Model.h"

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <string>
#include <vector>

namespace onnxtest {

using oficina::core::Learner;
using oficina::core::Model;
using oficina::core::OnnxExportOptions;
using oficina::core::OnnxExportResult;
using oficina::core::Table;

/// How close the graph's numbers must be to the app's.
struct Tolerance {
    double probability = 1e-6; ///< absolute
    double value = 1e-6;       ///< relative: |app − onnx| ≤ value · max(1, |app|); distances too
};
/// The families that compute in float32 as LibTorch does (networks): the graph's float
/// arithmetic sums in another order than LibTorch's kernels.
inline constexpr Tolerance kFloat32Family{.probability = 1e-5, .value = 1e-5};

/// A label may differ from the app's only on a row whose decision the app makes by less than
/// this: its two most probable classes (or two nearest centres) this close.
inline constexpr double kCloseCall = 1e-6;

/// A bundled dataset (resources/datasets/<name>.csv) read as a user's file is read, its raw
/// values untouched; `target` gets its role.
Table dataset(const std::string& name, const std::string& target);

/// A generated table read from CSV text the way a user's file is: numeric columns "a" to "d"
/// on a 0.001 grid with many repeated values (a few cells missing in "d"), a class "kind"
/// (three labels, decided by thresholds that sit on grid values) and a value "amount" in the
/// thousands; `target` gets its role. Seeded, so always the same.
Table gridDataset(const std::string& target);

/// Numeric column `source` becomes categorical "<source>_level" (low / mid / high, cut at
/// `low` and `high`; every 7th cell missing; every other "high" of the rows that are never
/// trained on, i % 4 == 0, is the unseen "extreme"), and every 9th cell of `blank` is missing.
Table mixed(const Table& table, const std::string& source, double low, double high,
            const std::string& blank);
/// Wine with "color_intensity_level" and missing "magnesium" cells; target "cultivar".
Table wineMixed();
/// Diabetes with "bmi_level" and missing "bp" cells; target "progression".
Table diabetesMixed();

/// The rows models are fitted on: three of every four.
Table trainingRows(const Table& table);
/// "Select columns & set target": `features` (empty = all but the target) and the target.
Table select(const Table& t, std::vector<std::string> features, const std::string& target);
/// The feature columns of `t`, in order.
std::vector<std::string> featuresOf(const Table& t);
/// A mean imputer then a standard scaler, fitted on trainingRows(selected) and applied to all
/// of it: after scaling, a raw value rounded to float moves by ~1e-8 of a standard deviation,
/// enough to cross a tree threshold that sits on a repeated value.
Table imputedScaled(const Table& selected);

/// Logistic regression on every feature column; its fit's loss as the training metric.
std::shared_ptr<const Learner> logistic(oficina::core::LogisticRegressionOptions options = {});

/// K-Means with `k` clusters on every feature column (its other options at their defaults).
std::shared_ptr<const Learner> kmeans(int k);

/// Trains `learner` on trainingRows(table) (the lineage comes with the table).
Model train(const Table& table, std::shared_ptr<const Learner> learner);

/// A model and the raw rows to predict.
struct Case {
    Model model;
    Table rows;
};

/// One row of a test's data-driven parity list: its name and how to build it.
struct NamedCase {
    const char* name;
    Case (*make)();
};

/// Mixed wine: most frequent imputer (both types) → one-hot → scaler → logistic regression.
Case imputeOneHotScaleLogistic();

/// The rows of a `parity_data()` slot: an "index" into `cases`, named after each case.
void addParityRows(const std::vector<NamedCase>& cases);

/// Runs exports in ONNX Runtime and compares them with the app. One node process serves every
/// request of a test; exports go to a temporary folder (kept when OFICINA_ONNX_KEEP is set).
class OrtChecker {
public:
    OrtChecker();
    ~OrtChecker();
    OrtChecker(const OrtChecker&) = delete;
    OrtChecker& operator=(const OrtChecker&) = delete;

    /// Starts run_model.js; false (see error()) when ONNX Runtime for Node is not usable.
    bool start();
    [[nodiscard]] const QString& error() const { return m_error; }
    /// A path in the temporary folder.
    [[nodiscard]] QString file(const QString& name) const;

    /// Exports `model` to `file`, runs it on `rows` and compares with Model::predict: the
    /// labels, then the probabilities (classifiers), values (regressors) or cluster ids and
    /// K-Means distances (clusterers). Returns what differs, or nothing. Logs size, node count
    /// and the largest difference; throws what exportOnnx throws. With the environment
    /// variable OFICINA_ONNX_FLOAT_INPUTS=1, exports with float inputs (to see what fails).
    QString check(const Model& model, const Table& rows, const QString& file,
                  const OnnxExportOptions& options = {});
    /// Builds the case, says why if it cannot be exported, else check()s it as `file` (logging
    /// its name and row count too).
    QString checkCase(const NamedCase& c, const QString& file);
    /// The comparison of check() on a file already written (its inputs as `exported` says).
    QString compare(const Model& model, const Table& rows, const QString& file,
                    const OnnxExportResult& exported);
    /// The ONNX Runtime answer for `feeds` ({"outputs": {name: {dims, data}}} or {"error"}).
    QJsonObject run(const QString& model, const QJsonObject& feeds);
    /// The largest difference seen by check() so far.
    [[nodiscard]] double largest() const { return m_largest; }
    /// Rows whose label differed from the app's where the app's own decision was a close call.
    [[nodiscard]] size_t closeCalls() const { return m_closeCalls; }
    /// The tolerance of the checks from now on.
    void setTolerance(Tolerance tolerance) { m_tolerance = tolerance; }

private:
    QTemporaryDir m_dir;
    QProcess m_node;
    QString m_error;
    Tolerance m_tolerance;
    double m_largest = 0.0;
    size_t m_closeCalls = 0;
};

/// Where ONNX Runtime for Node is installed ($OFICINA_ORT_DIR, else the build tree's): its
/// node_modules folder serves `require('onnxruntime-node')` through NODE_PATH.
QString ortDirectory();

/// The graph's inputs for `rows`: double or float (as exported; NaN → null) or string ("" for
/// missing) tensors.
QJsonObject feedsFor(const OnnxExportResult& exported, const Table& rows);

} // namespace onnxtest
