#include "deploy/StateArchive.h"

#include "pipeline/JsonText.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <bit>
#include <cstring>
#include <limits>

namespace oficina::core::deploy {

static_assert(std::endian::native == std::endian::little,
              "the package's arrays are little-endian and copied as they are in memory");

namespace {

constexpr size_t kAlignment = 8;

std::string memberPath(const std::string& path, const char* key) {
    return path.empty() ? std::string(key) : path + "." + key;
}

const char* typeName(ColumnType type) {
    return type == ColumnType::Numeric ? "numeric" : "categorical";
}

constexpr std::pair<ColumnRole, const char*> kRoleNames[] = {
    {ColumnRole::Feature, "feature"},       {ColumnRole::Target, "target"},
    {ColumnRole::Prediction, "prediction"}, {ColumnRole::Cluster, "cluster"},
    {ColumnRole::Ignored, "ignored"}};

} // namespace

// ---- StateWriter ----

StateJson StateWriter::append(const char* dtype, const void* data, size_t count, size_t width) {
    const size_t offset = (m_blob.size() + kAlignment - 1) / kAlignment * kAlignment;
    m_blob.resize(offset + count * width);
    if (count > 0) std::memcpy(m_blob.data() + offset, data, count * width);
    StateJson ref = StateJson::object();
    ref["dtype"] = dtype;
    ref["offset"] = offset;
    ref["count"] = count;
    return ref;
}

StateJson StateWriter::doubles(std::span<const double> values) {
    return append("f64", values.data(), values.size(), sizeof(double));
}
StateJson StateWriter::floats(std::span<const float> values) {
    return append("f32", values.data(), values.size(), sizeof(float));
}
StateJson StateWriter::ints(std::span<const int32_t> values) {
    return append("i32", values.data(), values.size(), sizeof(int32_t));
}
StateJson StateWriter::int64s(std::span<const int64_t> values) {
    return append("i64", values.data(), values.size(), sizeof(int64_t));
}
StateJson StateWriter::bytes(std::span<const uint8_t> values) {
    return append("u8", values.data(), values.size(), 1);
}

StateJson StateWriter::matrix(const Eigen::MatrixXd& m) {
    StateJson json = StateJson::object();
    json["rows"] = m.rows();
    json["cols"] = m.cols();
    json["data"] = doubles({m.data(), size_t(m.size())});
    return json;
}

// ---- StateReader ----

StateReader::StateReader(std::span<const std::byte> blob, std::string where)
    : m_blob(blob), m_where(std::move(where)) {}

void StateReader::fail(const std::string& path, Message what) const {
    throw Error(std::move(what), m_where + (path.empty() ? "" : ": " + path));
}

const StateJson& StateReader::member(const StateJson& object, const std::string& path,
                                     const char* key) const {
    if (!object.is_object()) fail(path, Message(OFICINA_TR_NOOP("expected a JSON object")));
    const auto found = object.find(key);
    if (found == object.end())
        fail(path, Message(OFICINA_TR_NOOP("the member \"%1\" is missing"), {key}));
    return *found;
}

double StateReader::number(const StateJson& object, const std::string& path,
                           const char* key) const {
    const StateJson& value = member(object, path, key);
    if (!value.is_number())
        fail(memberPath(path, key), Message(OFICINA_TR_NOOP("expected a number, found %1"),
                                            {jsonExcerpt(value)}));
    return value.get<double>();
}

int64_t StateReader::integer(const StateJson& object, const std::string& path, const char* key,
                             int64_t lo, int64_t hi) const {
    const StateJson& value = member(object, path, key);
    if (!value.is_number_integer() || value.get<int64_t>() < lo || value.get<int64_t>() > hi)
        fail(memberPath(path, key),
             Message(OFICINA_TR_NOOP("expected a whole number from %1 to %2, found %3"),
                     {std::to_string(lo), std::to_string(hi), jsonExcerpt(value)}));
    return value.get<int64_t>();
}

bool StateReader::boolean(const StateJson& object, const std::string& path,
                          const char* key) const {
    const StateJson& value = member(object, path, key);
    if (!value.is_boolean())
        fail(memberPath(path, key), Message(OFICINA_TR_NOOP("expected true or false, found %1"),
                                            {jsonExcerpt(value)}));
    return value.get<bool>();
}

std::string StateReader::text(const StateJson& object, const std::string& path,
                              const char* key) const {
    const StateJson& value = member(object, path, key);
    if (!value.is_string())
        fail(memberPath(path, key),
             Message(OFICINA_TR_NOOP("expected a string, found %1"), {jsonExcerpt(value)}));
    return value.get<std::string>();
}

std::vector<std::string> StateReader::texts(const StateJson& object, const std::string& path,
                                            const char* key) const {
    const StateJson& value = member(object, path, key);
    const std::string at = memberPath(path, key);
    if (!value.is_array())
        fail(at, Message(OFICINA_TR_NOOP("expected a list of strings, found %1"),
                         {jsonExcerpt(value)}));
    std::vector<std::string> result;
    result.reserve(value.size());
    for (size_t i = 0; i < value.size(); ++i) {
        if (!value[i].is_string())
            fail(at + "[" + std::to_string(i) + "]",
                 Message(OFICINA_TR_NOOP("expected a string, found %1"), {jsonExcerpt(value[i])}));
        result.push_back(value[i].get<std::string>());
    }
    return result;
}

std::span<const std::byte> StateReader::arrayBytes(const StateJson& object,
                                                   const std::string& path, const char* key,
                                                   const char* dtype, size_t width,
                                                   size_t expected) const {
    const StateJson& ref = member(object, path, key);
    const std::string at = memberPath(path, key);
    const std::string found = text(ref, at, "dtype");
    if (found != dtype)
        fail(at, Message(OFICINA_TR_NOOP("expected an array of %1, found %2"), {dtype, found}));
    const auto limit = int64_t(std::numeric_limits<int32_t>::max()) * 16;
    const auto offset = size_t(integer(ref, at, "offset", 0, limit));
    const auto count = size_t(integer(ref, at, "count", 0, limit));
    if (offset % width != 0 || offset > m_blob.size() || count > (m_blob.size() - offset) / width)
        fail(at, Message(OFICINA_TR_NOOP("the array (%1 values at byte %2) lies outside the %3 "
                                         "bytes of binary data"),
                         {std::to_string(count), std::to_string(offset),
                          std::to_string(m_blob.size())}));
    if (expected != kAnyCount && count != expected)
        fail(at, Message(OFICINA_TR_NOOP("expected %1 values, found %2"),
                         {std::to_string(expected), std::to_string(count)}));
    return m_blob.subspan(offset, count * width);
}

namespace {
template <class T> std::vector<T> copyOut(std::span<const std::byte> bytes) {
    std::vector<T> values(bytes.size() / sizeof(T));
    if (!values.empty()) std::memcpy(values.data(), bytes.data(), bytes.size());
    return values;
}
} // namespace

std::vector<double> StateReader::doubles(const StateJson& object, const std::string& path,
                                         const char* key, size_t expected) const {
    return copyOut<double>(arrayBytes(object, path, key, "f64", sizeof(double), expected));
}
std::vector<float> StateReader::floats(const StateJson& object, const std::string& path,
                                       const char* key, size_t expected) const {
    return copyOut<float>(arrayBytes(object, path, key, "f32", sizeof(float), expected));
}
std::vector<int32_t> StateReader::ints(const StateJson& object, const std::string& path,
                                       const char* key, size_t expected) const {
    return copyOut<int32_t>(arrayBytes(object, path, key, "i32", sizeof(int32_t), expected));
}
std::vector<int64_t> StateReader::int64s(const StateJson& object, const std::string& path,
                                         const char* key, size_t expected) const {
    return copyOut<int64_t>(arrayBytes(object, path, key, "i64", sizeof(int64_t), expected));
}
std::vector<uint8_t> StateReader::bytes(const StateJson& object, const std::string& path,
                                        const char* key) const {
    return copyOut<uint8_t>(arrayBytes(object, path, key, "u8", 1, kAnyCount));
}

Eigen::MatrixXd StateReader::matrix(const StateJson& object, const std::string& path,
                                    const char* key, size_t rows, size_t cols) const {
    const StateJson& json = member(object, path, key);
    const std::string at = memberPath(path, key);
    const int64_t limit = std::numeric_limits<int32_t>::max();
    const auto r = size_t(integer(json, at, "rows", 0, limit));
    const auto c = size_t(integer(json, at, "cols", 0, limit));
    if ((rows != kAnyCount && r != rows) || (cols != kAnyCount && c != cols))
        fail(at, Message(OFICINA_TR_NOOP("expected a %1 × %2 matrix, found %3 × %4"),
                         {rows == kAnyCount ? "n" : std::to_string(rows),
                          cols == kAnyCount ? "n" : std::to_string(cols), std::to_string(r),
                          std::to_string(c)}));
    if (c != 0 && r > size_t(limit) / c)
        fail(at, Message(OFICINA_TR_NOOP("the matrix is too large")));
    const std::vector<double> data = doubles(json, at, "data", r * c);
    return Eigen::Map<const Eigen::MatrixXd>(data.data(), Eigen::Index(r), Eigen::Index(c));
}

Eigen::VectorXd StateReader::vector(const StateJson& object, const std::string& path,
                                    const char* key, size_t expected) const {
    const std::vector<double> data = doubles(object, path, key, expected);
    return Eigen::Map<const Eigen::VectorXd>(data.data(), Eigen::Index(data.size()));
}

// ---- Dispatch ----

namespace {

template <class Codec>
const Codec* findCodec(const std::vector<Codec>& codecs, const std::string& typeId) {
    for (const Codec& codec : codecs)
        for (const std::string& id : codec.typeIds)
            if (id == typeId) return &codec;
    return nullptr;
}

StateJson envelope(const std::string& typeId, StateJson state) {
    StateJson json = StateJson::object();
    json["type"] = typeId;
    json["version"] = kStateVersion;
    json["state"] = std::move(state);
    return json;
}

/// The type id of a saved step or estimator, checked against the version this build reads.
std::string envelopeType(const StateJson& json, const std::string& path,
                         const StateReader& reader) {
    const std::string typeId = reader.text(json, path, "type");
    const auto version = reader.integer(json, path, "version", 1, 1'000'000);
    if (version > kStateVersion)
        reader.fail(path, Message(OFICINA_TR_NOOP("%1 was saved in state version %2; this "
                                                  "Oficina reads up to version %3: update Oficina"),
                                  {typeId, std::to_string(version),
                                   std::to_string(kStateVersion)}));
    return typeId;
}

} // namespace

StateJson saveStep(const FittedStep& step, StateWriter& writer) {
    const std::string typeId = step.typeId();
    const StepCodec* codec = findCodec(stepCodecs(), typeId);
    if (!codec)
        throw Error(Message(OFICINA_TR_NOOP("the step %1 (%2) cannot be saved in a model package"),
                            {step.title(), typeId}));
    return envelope(typeId, codec->save(step, writer));
}

StateJson saveEstimator(const Estimator& estimator, StateWriter& writer) {
    const std::string typeId = estimator.typeId();
    const EstimatorCodec* codec = findCodec(estimatorCodecs(), typeId);
    if (!codec)
        throw Error(Message(OFICINA_TR_NOOP("the model %1 (%2) cannot be saved in a model package"),
                            {estimator.title(), typeId}));
    return envelope(typeId, codec->save(estimator, writer));
}

std::shared_ptr<const FittedStep> loadStep(const StateJson& json, const std::string& path,
                                           const StateReader& reader) {
    const std::string typeId = envelopeType(json, path, reader);
    const StepCodec* codec = findCodec(stepCodecs(), typeId);
    if (!codec)
        reader.fail(path, Message(OFICINA_TR_NOOP("unknown step type \"%1\": the package was "
                                                  "made by a newer Oficina"),
                                  {typeId}));
    return codec->load(typeId, reader.member(json, path, "state"), memberPath(path, "state"),
                       reader);
}

std::shared_ptr<const Estimator> loadEstimator(const StateJson& json, const std::string& path,
                                               const StateReader& reader) {
    const std::string typeId = envelopeType(json, path, reader);
    const EstimatorCodec* codec = findCodec(estimatorCodecs(), typeId);
    if (!codec)
        reader.fail(path, Message(OFICINA_TR_NOOP("unknown model type \"%1\": the package was "
                                                  "made by a newer Oficina"),
                                  {typeId}));
    return codec->load(typeId, reader.member(json, path, "state"), memberPath(path, "state"),
                       reader);
}

// ---- Schemas ----

StateJson schemaJson(const Schema& schema) {
    StateJson columns = StateJson::array();
    for (const ColumnSchema& column : schema) {
        StateJson json = StateJson::object();
        json["name"] = column.name;
        json["type"] = typeName(column.type);
        for (const auto& [role, name] : kRoleNames)
            if (role == column.role) json["role"] = name;
        if (column.type == ColumnType::Categorical) json["categories"] = column.categories;
        columns.push_back(std::move(json));
    }
    return columns;
}

Schema readSchema(const StateJson& json, const std::string& path, const StateReader& reader) {
    if (!json.is_array()) reader.fail(path, Message(OFICINA_TR_NOOP("expected a list of columns")));
    Schema schema;
    for (size_t i = 0; i < json.size(); ++i) {
        const std::string at = path + "[" + std::to_string(i) + "]";
        ColumnSchema column;
        column.name = reader.text(json[i], at, "name");
        const std::string type = reader.text(json[i], at, "type");
        if (type != "numeric" && type != "categorical")
            reader.fail(at + ".type",
                        Message(OFICINA_TR_NOOP("expected \"numeric\" or \"categorical\", found "
                                                "\"%1\""),
                                {textExcerpt(type)}));
        column.type = type == "numeric" ? ColumnType::Numeric : ColumnType::Categorical;
        const std::string role = reader.text(json[i], at, "role");
        bool known = false;
        for (const auto& [value, name] : kRoleNames)
            if (role == name) {
                column.role = value;
                known = true;
            }
        if (!known)
            reader.fail(at + ".role", Message(OFICINA_TR_NOOP("unknown column role \"%1\""),
                                              {textExcerpt(role)}));
        if (column.type == ColumnType::Categorical)
            column.categories = reader.texts(json[i], at, "categories");
        schema.push_back(std::move(column));
    }
    return schema;
}

} // namespace oficina::core::deploy
