#include "serve/InferenceCodec.h"

#include "data/CsvReader.h"
#include "data/TextInput.h"
#include "models/Model.h"
#include "pipeline/JsonText.h"
#include "util/Text.h"
#include "util/Tr.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <unordered_map>
#include <utility>

namespace oficina::core::serve {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool isMissingText(std::string_view text) {
    static const std::vector<std::string> tokens = defaultMissingTokens();
    return text.empty() || std::find(tokens.begin(), tokens.end(), text) != tokens.end();
}

std::string rowText(size_t row) {
    return std::to_string(row);
}

std::string quoted(const Json& value) {
    return jsonExcerpt(value, 40);
}

/// The cells of one column as they arrive, then made into a numeric column if none is text,
/// else a categorical one (numbers as their shortest text), labels in the order first seen.
class ColumnCells {
public:
    explicit ColumnCells(std::string name) : m_name(std::move(name)) {}

    void missing() {
        m_numbers.push_back(kNaN);
        m_codes.push_back(Column::kMissingCode);
    }
    void number(double value) {
        m_numbers.push_back(value);
        m_codes.push_back(Column::kMissingCode);
        if (!std::isnan(value)) m_hasNumbers = true;
    }
    void text(const std::string& label) {
        if (isMissingText(label)) return missing();
        const auto [it, added] = m_codeOf.emplace(label, int32_t(m_labels.size()));
        if (added) m_labels.push_back(label);
        m_numbers.push_back(kNaN);
        m_codes.push_back(it->second);
    }
    [[nodiscard]] size_t size() const { return m_codes.size(); }
    [[nodiscard]] const std::string& name() const { return m_name; }

    Column take() {
        if (m_labels.empty()) return Column::numeric(m_name, std::move(m_numbers));
        if (m_hasNumbers)
            for (size_t r = 0; r < m_codes.size(); ++r) {
                if (m_codes[r] != Column::kMissingCode || std::isnan(m_numbers[r])) continue;
                const std::string label = formatNumber(m_numbers[r]);
                const auto [it, added] = m_codeOf.emplace(label, int32_t(m_labels.size()));
                if (added) m_labels.push_back(label);
                m_codes[r] = it->second;
            }
        return Column::categorical(m_name, std::move(m_codes), std::move(m_labels));
    }

private:
    std::string m_name;
    std::vector<double> m_numbers;
    std::vector<int32_t> m_codes;
    std::vector<std::string> m_labels;
    std::unordered_map<std::string, int32_t> m_codeOf;
    bool m_hasNumbers = false;
};

// ---- Open Inference Protocol ----------------------------------------------------------------

/// The leaves of a tensor's data, row-major, whether it is given flat or nested.
void flatten(const Json& data, std::vector<const Json*>& out, int depth = 0) {
    for (const Json& item : data) {
        if (item.is_array() && depth < 2)
            flatten(item, out, depth + 1);
        else
            out.push_back(&item);
    }
}

const deploy::OutputColumn* labelOutput(const deploy::PackageManifest& manifest) {
    for (const deploy::OutputColumn& out : manifest.outputs)
        if (out.name == kPredictionColumn || out.name == kClusterColumn) return &out;
    return nullptr;
}

std::string outputNames(const deploy::PackageManifest& manifest) {
    return hasProbabilities(manifest) ? std::string("label, probabilities") : std::string("label");
}

Column oipColumn(const deploy::InputColumn& input, const std::string& datatype,
                 const std::vector<const Json*>& cells) {
    const std::string& name = input.name;
    const bool numericType = isNumericDatatype(datatype);
    if (!numericType && datatype != "BYTES")
        throw RequestError(400,
                           Message(OFICINA_TR_NOOP("input \"%1\": the datatype %2 is not "
                                                   "supported (send FP64 for numbers, BYTES for "
                                                   "categories)"),
                                   {name, printableText(datatype)}),
                           name);
    if (input.type == ColumnType::Numeric && !numericType)
        throw RequestError(400,
                           Message(OFICINA_TR_NOOP("input \"%1\" is numeric: send it as FP64 "
                                                   "(or FP32, INT64, INT32), not %2"),
                                   {name, datatype}),
                           name);
    ColumnCells column(name);
    for (size_t r = 0; r < cells.size(); ++r) {
        const Json& cell = *cells[r];
        if (cell.is_number()) {
            column.number(cell.get<double>());
            continue;
        }
        if (cell.is_string()) {
            const std::string& text = cell.get_ref<const std::string&>();
            if (!numericType)
                column.text(text);
            else if (isMissingText(text))
                column.missing();
            else
                throw RequestError(400,
                                   Message(OFICINA_TR_NOOP("input \"%1\", row %2: %3 is not a "
                                                           "number (a missing one is \"NaN\")"),
                                           {name, rowText(r), quoted(cell)}),
                                   name);
            continue;
        }
        if (cell.is_null())
            throw RequestError(
                400,
                Message(numericType
                            ? OFICINA_TR_NOOP("input \"%1\", row %2: null is not a value; send "
                                              "\"NaN\" for a missing number")
                            : OFICINA_TR_NOOP("input \"%1\", row %2: null is not a value; send "
                                              "\"\" for a missing category"),
                        {name, rowText(r)}),
                name);
        throw RequestError(400,
                           Message(numericType ? OFICINA_TR_NOOP("input \"%1\", row %2: %3 is "
                                                                 "not a number")
                                               : OFICINA_TR_NOOP("input \"%1\", row %2: %3 is "
                                                                 "not a string"),
                                   {name, rowText(r), quoted(cell)}),
                           name);
    }
    return column.take();
}

Json labelTensorData(const Column& label, size_t rows) {
    Json data = Json::array();
    for (size_t r = 0; r < rows; ++r) {
        if (!label.isNumeric()) {
            data.push_back(label.isMissing(r) ? std::string() : label.cellText(r));
            continue;
        }
        const double v = label.number(r);
        if (std::isnan(v))
            data.push_back("NaN");
        else if (std::isinf(v))
            data.push_back(v > 0 ? "Infinity" : "-Infinity");
        else
            data.push_back(v);
    }
    return data;
}

// ---- MLflow ---------------------------------------------------------------------------------

void addCell(ColumnCells& column, const Json& cell, size_t row) {
    if (cell.is_null())
        column.missing();
    else if (cell.is_boolean())
        column.text(cell.get<bool>() ? "true" : "false");
    else if (cell.is_number())
        column.number(cell.get<double>());
    else if (cell.is_string())
        column.text(cell.get_ref<const std::string&>());
    else
        throw RequestError(400,
                           Message(OFICINA_TR_NOOP("column \"%1\", row %2: a cell must be a "
                                                   "number, a string or null, not %3"),
                                   {printableText(column.name()), rowText(row), quoted(cell)}),
                           column.name());
}

void requireRows(size_t rows, size_t maxRows) {
    if (rows > maxRows)
        throw RequestError(413, Message(OFICINA_TR_NOOP("%1 rows in one request: this server "
                                                        "takes at most %2 (--max-rows)"),
                                        {std::to_string(rows), std::to_string(maxRows)}));
}

/// Records: [{column: value}], columns in the order first seen, absent keys missing.
Table recordsTable(const Json& records, size_t maxRows) {
    requireRows(records.size(), maxRows);
    std::vector<ColumnCells> columns;
    std::unordered_map<std::string, size_t> indexOf;
    size_t row = 0;
    for (const Json& record : records) {
        if (!record.is_object())
            throw RequestError(400, Message(OFICINA_TR_NOOP("record %1 is not an object "
                                                            "({\"column\": value, …})"),
                                            {rowText(row)}));
        for (const auto& [key, value] : record.items()) {
            auto [it, added] = indexOf.emplace(key, columns.size());
            if (added) {
                columns.emplace_back(key);
                for (size_t r = 0; r < row; ++r)
                    columns.back().missing();
            }
            ColumnCells& column = columns[it->second];
            if (column.size() > row)
                throw RequestError(400, Message(OFICINA_TR_NOOP("record %1 names the column "
                                                                "\"%2\" twice"),
                                                {rowText(row), printableText(key)}));
            addCell(column, value, row);
        }
        ++row;
        for (ColumnCells& column : columns)
            if (column.size() < row) column.missing();
    }
    std::vector<Column> out;
    for (ColumnCells& column : columns)
        out.push_back(column.take());
    return Table(std::move(out));
}

/// Columns: {column: [values]} (or {column: value} for one row).
Table columnsTable(const Json& object, size_t maxRows) {
    std::vector<Column> out;
    size_t rows = std::numeric_limits<size_t>::max();
    for (const auto& [key, value] : object.items()) {
        ColumnCells column(key);
        if (value.is_array()) {
            requireRows(value.size(), maxRows);
            size_t r = 0;
            for (const Json& cell : value)
                addCell(column, cell, r++);
        } else {
            addCell(column, value, 0);
        }
        if (rows != std::numeric_limits<size_t>::max() && column.size() != rows)
            throw RequestError(400, Message(OFICINA_TR_NOOP("the column \"%1\" has %2 values, "
                                                            "the others %3"),
                                            {printableText(key), std::to_string(column.size()),
                                             std::to_string(rows)}));
        rows = column.size();
        out.push_back(column.take());
    }
    return Table(std::move(out));
}

Table splitTable(const Json& split, size_t maxRows) {
    const auto columns = split.find("columns");
    const auto data = split.find("data");
    if (!split.is_object() || columns == split.end() || !columns->is_array() ||
        data == split.end() || !data->is_array())
        throw RequestError(400, Message(OFICINA_TR_NOOP("dataframe_split must be an object "
                                                        "with \"columns\" (names) and \"data\" "
                                                        "(rows)")));
    requireRows(data->size(), maxRows);
    std::vector<ColumnCells> cells;
    for (const Json& name : *columns) {
        if (!name.is_string())
            throw RequestError(400, Message(OFICINA_TR_NOOP("dataframe_split: a column name "
                                                            "must be a string, not %1"),
                                            {quoted(name)}));
        cells.emplace_back(name.get<std::string>());
    }
    size_t r = 0;
    for (const Json& row : *data) {
        if (!row.is_array() || row.size() != cells.size())
            throw RequestError(400, Message(OFICINA_TR_NOOP("dataframe_split: row %1 must be a "
                                                            "list of %2 values"),
                                            {rowText(r), std::to_string(cells.size())}));
        for (size_t c = 0; c < cells.size(); ++c)
            addCell(cells[c], row[c], r);
        ++r;
    }
    std::vector<Column> out;
    for (ColumnCells& column : cells)
        out.push_back(column.take());
    return Table(std::move(out));
}

/// A file descriptor closed when it goes out of scope.
struct Descriptor {
    int fd = -1;
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
};

} // namespace

bool isNumericDatatype(std::string_view type) {
    static constexpr std::string_view kTypes[] = {"FP64",   "FP32",   "FP16",  "INT8",
                                                  "INT16",  "INT32",  "INT64", "UINT8",
                                                  "UINT16", "UINT32", "UINT64"};
    return std::find(std::begin(kTypes), std::end(kTypes), type) != std::end(kTypes);
}

bool hasProbabilities(const deploy::PackageManifest& manifest) {
    return manifest.task == Task::Classification && !manifest.classes.empty();
}

OipRequest parseOipRequest(const Json& body, const deploy::PackageManifest& manifest,
                           size_t maxRows) {
    if (!body.is_object() || !body.contains("inputs") || !body["inputs"].is_array())
        throw RequestError(400, Message(OFICINA_TR_NOOP("the request must be a JSON object with "
                                                        "\"inputs\": a list of tensors "
                                                        "{\"name\", \"shape\", \"datatype\", "
                                                        "\"data\"}")));
    OipRequest request;
    if (const auto id = body.find("id"); id != body.end()) request.id = *id;
    if (const auto outputs = body.find("outputs"); outputs != body.end()) {
        if (!outputs->is_array())
            throw RequestError(400, Message(OFICINA_TR_NOOP("\"outputs\" must be a list of "
                                                            "{\"name\"}")));
        for (const Json& output : *outputs) {
            const auto name = output.is_object() ? output.find("name") : output.end();
            if (!output.is_object() || name == output.end() || !name->is_string())
                throw RequestError(400, Message(OFICINA_TR_NOOP("\"outputs\" must be a list of "
                                                                "{\"name\"}")));
            const std::string& wanted = name->get_ref<const std::string&>();
            if (wanted != kLabelOutput &&
                !(wanted == kProbabilitiesOutput && hasProbabilities(manifest)))
                throw RequestError(400, Message(OFICINA_TR_NOOP("unknown output \"%1\": the "
                                                                "model gives %2"),
                                                {printableText(wanted), outputNames(manifest)}));
            request.outputs.push_back(wanted);
        }
    }

    std::vector<Column> columns;
    size_t rows = std::numeric_limits<size_t>::max();
    std::string firstName;
    size_t index = 0;
    for (const Json& tensor : body["inputs"]) {
        const std::string at = std::to_string(index++);
        if (!tensor.is_object() || !tensor.contains("name") || !tensor["name"].is_string())
            throw RequestError(400, Message(OFICINA_TR_NOOP("inputs[%1] must be an object with "
                                                            "a \"name\""),
                                            {at}));
        const std::string& name = tensor["name"].get_ref<const std::string&>();
        const auto input = std::find_if(manifest.inputs.begin(), manifest.inputs.end(),
                                        [&](const auto& in) { return in.name == name; });
        if (input == manifest.inputs.end()) {
            std::vector<std::string> names;
            for (const auto& in : manifest.inputs)
                names.push_back("\"" + in.name + "\"");
            throw RequestError(400, Message(OFICINA_TR_NOOP("unknown input \"%1\": the model "
                                                            "reads %2"),
                                            {printableText(name), joinList(names)}));
        }
        for (const Column& done : columns)
            if (done.name() == name)
                throw RequestError(
                    400, Message(OFICINA_TR_NOOP("input \"%1\" is given twice"), {name}), name);
        const auto datatype = tensor.find("datatype");
        const auto shape = tensor.find("shape");
        const auto data = tensor.find("data");
        if (datatype == tensor.end() || !datatype->is_string() || shape == tensor.end() ||
            !shape->is_array() || data == tensor.end() || !data->is_array())
            throw RequestError(400,
                               Message(OFICINA_TR_NOOP("input \"%1\" needs \"datatype\" "
                                                       "(a string), \"shape\" and \"data\" "
                                                       "(lists)"),
                                       {name}),
                               name);
        const auto isCount = [](const Json& d) {
            return d.is_number_integer() && d.get<long long>() >= 0;
        };
        const bool shapeOk =
            std::all_of(shape->begin(), shape->end(), isCount) &&
            (shape->size() == 1 || (shape->size() == 2 && (*shape)[1].get<long long>() == 1));
        if (!shapeOk)
            throw RequestError(400,
                               Message(OFICINA_TR_NOOP("input \"%1\" has the shape %2: "
                                                       "give [N], one value per row"),
                                       {name, quoted(*shape)}),
                               name);
        const size_t n = (*shape)[0].get<size_t>();
        requireRows(n, maxRows);
        std::vector<const Json*> cells;
        cells.reserve(n);
        flatten(*data, cells);
        if (cells.size() != n)
            throw RequestError(400,
                               Message(OFICINA_TR_NOOP("input \"%1\" has the shape [%2] "
                                                       "but %3 values"),
                                       {name, std::to_string(n), std::to_string(cells.size())}),
                               name);
        if (rows != std::numeric_limits<size_t>::max() && n != rows)
            throw RequestError(400,
                               Message(OFICINA_TR_NOOP("input \"%1\" has %2 rows but "
                                                       "\"%3\" has %4: every input needs "
                                                       "one value per row"),
                                       {name, std::to_string(n), firstName, std::to_string(rows)}),
                               name);
        if (rows == std::numeric_limits<size_t>::max()) {
            rows = n;
            firstName = name;
        }
        columns.push_back(oipColumn(*input, datatype->get_ref<const std::string&>(), cells));
    }
    for (const deploy::InputColumn& input : manifest.inputs)
        if (std::none_of(columns.begin(), columns.end(),
                         [&](const Column& c) { return c.name() == input.name; }))
            throw RequestError(
                400,
                Message(OFICINA_TR_NOOP("input \"%1\" is missing: the model "
                                        "reads it (%2, shape [N])"),
                        {input.name, input.type == ColumnType::Numeric ? "FP64" : "BYTES"}),
                input.name);
    request.table = Table(std::move(columns));
    return request;
}

Json oipOutputs(const deploy::PackageManifest& manifest, const std::vector<Column>& predictions,
                size_t rows, const std::vector<std::string>& wanted) {
    const auto want = [&](const char* name) {
        return wanted.empty() || std::find(wanted.begin(), wanted.end(), name) != wanted.end();
    };
    Json outputs = Json::array();
    const deploy::OutputColumn* labelInfo = labelOutput(manifest);
    const Column* label = predictedColumn(predictions);
    if (want(kLabelOutput) && (label || labelInfo)) {
        const bool numeric = label ? label->isNumeric() : labelInfo->type == ColumnType::Numeric;
        outputs.push_back({{"name", kLabelOutput},
                           {"datatype", numeric ? "FP64" : "BYTES"},
                           {"shape", {rows}},
                           {"data", label ? labelTensorData(*label, rows) : Json::array()}});
    }
    if (want(kProbabilitiesOutput) && hasProbabilities(manifest)) {
        std::vector<const Column*> columns;
        for (const std::string& label : manifest.classes) {
            const std::string name = probabilityColumnName(label);
            const auto it = std::find_if(predictions.begin(), predictions.end(),
                                         [&](const Column& c) { return c.name() == name; });
            columns.push_back(it == predictions.end() ? nullptr : &*it);
        }
        Json data = Json::array();
        if (!predictions.empty())
            for (size_t r = 0; r < rows; ++r)
                for (const Column* c : columns) {
                    const double p = c ? c->number(r) : kNaN;
                    if (std::isfinite(p))
                        data.push_back(p);
                    else
                        data.push_back("NaN");
                }
        outputs.push_back({{"name", kProbabilitiesOutput},
                           {"datatype", "FP64"},
                           {"shape", {rows, manifest.classes.size()}},
                           {"parameters", {{"classes", manifest.classes}}},
                           {"data", std::move(data)}});
    }
    return outputs;
}

Json oipInputsMetadata(const deploy::PackageManifest& manifest) {
    Json inputs = Json::array();
    for (const deploy::InputColumn& in : manifest.inputs)
        inputs.push_back({{"name", in.name},
                          {"datatype", in.type == ColumnType::Numeric ? "FP64" : "BYTES"},
                          {"shape", {-1}}});
    return inputs;
}

Json oipOutputsMetadata(const deploy::PackageManifest& manifest) {
    Json outputs = Json::array();
    if (const deploy::OutputColumn* label = labelOutput(manifest))
        outputs.push_back({{"name", kLabelOutput},
                           {"datatype", label->type == ColumnType::Numeric ? "FP64" : "BYTES"},
                           {"shape", {-1}}});
    if (hasProbabilities(manifest))
        outputs.push_back({{"name", kProbabilitiesOutput},
                           {"datatype", "FP64"},
                           {"shape", {-1, static_cast<long long>(manifest.classes.size())}},
                           {"parameters", {{"classes", manifest.classes}}}});
    return outputs;
}

Table parseMlflowJson(const Json& body, size_t maxRows) {
    static constexpr const char* kFormats[] = {"dataframe_split", "dataframe_records", "instances",
                                               "inputs"};
    const auto refuse = [] {
        return RequestError(400, Message(OFICINA_TR_NOOP("the request must be a JSON object "
                                                         "with one of dataframe_split, "
                                                         "dataframe_records, instances or "
                                                         "inputs (and optionally params)")));
    };
    if (!body.is_object()) throw refuse();
    const Json* payload = nullptr;
    std::string format;
    for (const auto& [key, value] : body.items()) {
        if (key == "params") continue;
        if (payload ||
            std::find(std::begin(kFormats), std::end(kFormats), key) == std::end(kFormats))
            throw refuse();
        payload = &value;
        format = key;
    }
    if (!payload) throw refuse();
    if (format == "dataframe_split") return splitTable(*payload, maxRows);
    if (payload->is_array()) {
        if (format == "dataframe_records" ||
            std::all_of(payload->begin(), payload->end(),
                        [](const Json& v) { return v.is_object(); }))
            return recordsTable(*payload, maxRows);
    } else if (payload->is_object() && format != "dataframe_records") {
        return columnsTable(*payload, maxRows);
    }
    throw RequestError(400, Message(OFICINA_TR_NOOP("%1 must be a list of records "
                                                    "({\"column\": value}) or an object of "
                                                    "columns ({\"column\": [values]})"),
                                    {format}));
}

Table parseCsvBody(std::string_view body, size_t maxRows) {
    // The CSV reader reads files: the body becomes an anonymous in-memory one, so a request
    // is read exactly as the training file was (missing tokens, quoting, numbers).
    Descriptor file{::memfd_create("oficina-request.csv", MFD_CLOEXEC)};
    if (file.fd < 0) throw Error(Message(OFICINA_TR_NOOP("cannot hold the CSV body in memory")));
    for (size_t done = 0; done < body.size();) {
        const ssize_t n = ::write(file.fd, body.data() + done, body.size() - done);
        if (n <= 0) throw Error(Message(OFICINA_TR_NOOP("cannot hold the CSV body in memory")));
        done += size_t(n);
    }
    const std::string path = "/proc/self/fd/" + std::to_string(file.fd);
    CsvOptions options;
    options.delimiter = ',';
    options.decimal = '.';
    options.header = HeaderMode::Yes;
    options.threads = 1;
    Table table;
    try {
        table = readCsv(path, options).table;
    } catch (const Error& e) {
        std::string where = e.where();
        if (where.starts_with(path)) where = "CSV body" + where.substr(path.size());
        throw RequestError(400, Message(OFICINA_TR_NOOP("%1: %2"), {where, e.message().english()}));
    }
    requireRows(table.rowCount(), maxRows);
    return table;
}

Json mlflowPredictions(const Column& predicted) {
    Json values = Json::array();
    for (size_t r = 0; r < predicted.size(); ++r) {
        if (predicted.isMissing(r) ||
            (predicted.isNumeric() && !std::isfinite(predicted.number(r))))
            values.push_back(nullptr);
        else if (predicted.isNumeric())
            values.push_back(predicted.number(r));
        else
            values.push_back(predicted.cellText(r));
    }
    return Json{{"predictions", std::move(values)}};
}

const Column* predictedColumn(const std::vector<Column>& predictions) {
    for (const Column& c : predictions)
        if (c.name() == kPredictionColumn || c.name() == kClusterColumn) return &c;
    return nullptr;
}

} // namespace oficina::core::serve
