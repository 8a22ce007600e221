#pragma once

// Request bodies to tables of raw columns, and prediction columns to response bodies, for the
// Open Inference Protocol (v2) and MLflow's scoring protocol. Pure functions: no I/O, no state.

#include "deploy/ModelPackage.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oficina::core::serve {

using Json = nlohmann::ordered_json;

/// A request refused, with the HTTP status to answer (400, 413, 415) and, when one input
/// column is at fault, its name (for oficina_input_errors_total).
class RequestError : public Error {
public:
    RequestError(int status, Message message, std::string column = {}, std::string where = {})
        : Error(std::move(message), std::move(where)), m_status(status),
          m_column(std::move(column)) {}
    [[nodiscard]] int status() const { return m_status; }
    [[nodiscard]] const std::string& column() const { return m_column; }

private:
    int m_status;
    std::string m_column;
};

/// The output tensors of a model in the Open Inference Protocol.
inline constexpr const char* kLabelOutput = "label";
inline constexpr const char* kProbabilitiesOutput = "probabilities";

/// A parsed OIP inference request.
struct OipRequest {
    Table table;                      ///< one column per input tensor, not yet conformed
    Json id;                          ///< echoed; null when the request has none
    std::vector<std::string> outputs; ///< asked for, in order; empty = all
};

/// Reads {"id"?, "parameters"?, "inputs": [{"name", "shape", "datatype", "data"}], "outputs"?}:
/// one tensor per raw input column, shape [N] or [N, 1], data flat or nested. Numeric inputs
/// take FP64, FP32, FP16, INT8…INT64 or UINT8…UINT64 with numbers, a missing value being the
/// string "NaN" (JSON has no NaN; the other missing-value spellings of the CSV reader, "NA",
/// "?", …, are read as missing too); categorical inputs take BYTES with strings ("" or "NaN" =
/// missing), or numbers, read as their text. JSON null is refused. Throws RequestError: 400
/// naming the input for a wrong name, type, shape or value; 413 above `maxRows` rows.
OipRequest parseOipRequest(const Json& body, const deploy::PackageManifest& manifest,
                           size_t maxRows);

/// "FP64", "FP32", "FP16", "INT8"…"INT64", "UINT8"…"UINT64": the datatypes a numeric input takes.
bool isNumericDatatype(std::string_view type);
/// A classifier's outputs include "probabilities".
bool hasProbabilities(const deploy::PackageManifest& manifest);

/// The same as parseOipRequest(parseJsonText(body), manifest, maxRows) for the common request,
/// read straight from the text without building a JSON document (several times faster; the
/// serving bench's hot path; SimpleOipReader.cpp): an object of "id" (a string), "inputs" of numeric columns as
/// numbers (flat or nested, shape [N] or [N, 1], N > 0), and optionally "outputs" and
/// "parameters", in printable ASCII without escapes. Anything else, an error included, gives
/// nullopt and is left to parseOipRequest, so every request gets the same answer and message
/// whichever path reads it.
std::optional<OipRequest> readSimpleOipRequest(std::string_view body,
                                               const deploy::PackageManifest& manifest,
                                               size_t maxRows);

/// The OIP outputs of the prediction columns: "label" (BYTES for classes and clusters, FP64
/// for regressions; shape [N]) and for classifiers "probabilities" (FP64, shape [N, classes],
/// row-major, parameters {"classes": [...]} giving the column order). Missing values: "" in
/// BYTES, "NaN" in FP64. `wanted` empty = all.
Json oipOutputs(const deploy::PackageManifest& manifest, const std::vector<Column>& predictions,
                size_t rows, const std::vector<std::string>& wanted);

/// The OIP metadata of a model's input and output tensors.
Json oipInputsMetadata(const deploy::PackageManifest& manifest);
Json oipOutputsMetadata(const deploy::PackageManifest& manifest);

/// Reads an MLflow scoring request: {"dataframe_split": {"columns", "data"}},
/// {"dataframe_records": [{column: value}]}, {"instances": ...} or {"inputs": ...} (a list of
/// records or an object of columns). Cells: numbers, strings, booleans (as "true"/"false") or
/// null (missing); a column holding any text is categorical. Throws RequestError 400 or 413.
Table parseMlflowJson(const Json& body, size_t maxRows);
/// Reads a CSV body with a header row (pandas' to_csv), as oficina reads a CSV file.
Table parseCsvBody(std::string_view body, size_t maxRows);
/// {"predictions": [...]}: labels as strings, values as numbers, missing as null.
Json mlflowPredictions(const Column& predicted);

/// The column holding the predicted label, value or cluster, or null when there is none.
const Column* predictedColumn(const std::vector<Column>& predictions);

} // namespace oficina::core::serve
