#pragma once

// The fitted state of a pipeline as JSON plus one blob of binary arrays (docs/model-package.md):
// numbers that must round-trip exactly (weights, thresholds, means) go into the blob in their
// in-memory IEEE-754 form, little-endian, and the JSON holds a reference to them. Nothing here
// knows a model type: the codecs (StepCodecs.cpp, EstimatorCodecs.cpp) do.

#include "data/Lineage.h"
#include "models/Model.h"
#include "util/Message.h"

#include <Eigen/Core>
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace oficina::core::deploy {

using StateJson = nlohmann::ordered_json;

/// Collects the binary arrays of a state while its JSON is built. An array reference is
/// {"dtype": "f64"|"f32"|"i32"|"i64"|"u8", "offset": bytes, "count": elements}; offsets are
/// multiples of 8.
class StateWriter {
public:
    StateJson doubles(std::span<const double> values);
    StateJson floats(std::span<const float> values);
    StateJson ints(std::span<const int32_t> values);
    StateJson int64s(std::span<const int64_t> values);
    StateJson bytes(std::span<const uint8_t> values);
    /// {"rows", "cols", "data": doubles in column-major order}.
    StateJson matrix(const Eigen::MatrixXd& m);
    StateJson vector(const Eigen::VectorXd& v) { return doubles({v.data(), size_t(v.size())}); }

    [[nodiscard]] const std::vector<std::byte>& blob() const { return m_blob; }

private:
    StateJson append(const char* dtype, const void* data, size_t count, size_t width);
    std::vector<std::byte> m_blob;
};

/// Reads a state back. Every accessor validates what it reads (presence, JSON type, dtype,
/// bounds, expected counts) and throws Error naming `where` and the JSON path ("model.ofmodel:
/// pipeline/state.json: steps[2].state.mean: expected 4 values, found 3"), so a damaged or
/// hand-made package is refused with a message, never a crash.
class StateReader {
public:
    StateReader(std::span<const std::byte> blob, std::string where);

    /// The member `key` of `object`; `path` is the object's JSON path for messages.
    [[nodiscard]] const StateJson& member(const StateJson& object, const std::string& path,
                                          const char* key) const;
    [[nodiscard]] double number(const StateJson& object, const std::string& path,
                                const char* key) const;
    /// An integer member in [lo, hi].
    [[nodiscard]] int64_t integer(const StateJson& object, const std::string& path,
                                  const char* key, int64_t lo, int64_t hi) const;
    [[nodiscard]] bool boolean(const StateJson& object, const std::string& path,
                               const char* key) const;
    [[nodiscard]] std::string text(const StateJson& object, const std::string& path,
                                   const char* key) const;
    [[nodiscard]] std::vector<std::string> texts(const StateJson& object, const std::string& path,
                                                 const char* key) const;

    /// The array referenced by member `key`; `expected` (when not npos) is the count it must have.
    static constexpr size_t kAnyCount = size_t(-1);
    [[nodiscard]] std::vector<double> doubles(const StateJson& object, const std::string& path,
                                              const char* key, size_t expected = kAnyCount) const;
    [[nodiscard]] std::vector<float> floats(const StateJson& object, const std::string& path,
                                            const char* key, size_t expected = kAnyCount) const;
    [[nodiscard]] std::vector<int32_t> ints(const StateJson& object, const std::string& path,
                                            const char* key, size_t expected = kAnyCount) const;
    [[nodiscard]] std::vector<int64_t> int64s(const StateJson& object, const std::string& path,
                                              const char* key,
                                              size_t expected = kAnyCount) const;
    [[nodiscard]] std::vector<uint8_t> bytes(const StateJson& object, const std::string& path,
                                             const char* key) const;
    /// A matrix member; `rows`/`cols` (when not npos) are the shape it must have.
    [[nodiscard]] Eigen::MatrixXd matrix(const StateJson& object, const std::string& path,
                                         const char* key, size_t rows = kAnyCount,
                                         size_t cols = kAnyCount) const;
    [[nodiscard]] Eigen::VectorXd vector(const StateJson& object, const std::string& path,
                                         const char* key, size_t expected = kAnyCount) const;

    /// An Error at `path` saying `what` (English template with %1… and its arguments).
    [[noreturn]] void fail(const std::string& path, Message what) const;
    [[nodiscard]] const std::string& where() const { return m_where; }

private:
    std::span<const std::byte> arrayBytes(const StateJson& object, const std::string& path,
                                          const char* key, const char* dtype, size_t width,
                                          size_t expected) const;
    std::span<const std::byte> m_blob;
    std::string m_where;
};

/// One serialisable type: its type id(s) and how to write and read its state. `save` receives
/// an object of the concrete class the id names; `load` validates everything it reads.
struct StepCodec {
    std::vector<std::string> typeIds;
    StateJson (*save)(const FittedStep& step, StateWriter& writer);
    std::shared_ptr<const FittedStep> (*load)(const std::string& typeId, const StateJson& state,
                                              const std::string& path,
                                              const StateReader& reader);
};
struct EstimatorCodec {
    std::vector<std::string> typeIds;
    StateJson (*save)(const Estimator& estimator, StateWriter& writer);
    std::shared_ptr<const Estimator> (*load)(const std::string& typeId, const StateJson& state,
                                             const std::string& path,
                                             const StateReader& reader);
};

/// The codecs of every fitted step and estimator type (StepCodecs.cpp, EstimatorCodecs.cpp).
const std::vector<StepCodec>& stepCodecs();
const std::vector<EstimatorCodec>& estimatorCodecs();

/// Version of each type's state layout; a package records it per step and a reader refuses a
/// newer one.
inline constexpr int kStateVersion = 1;

/// {"type", "version", "state"} for a step or an estimator. Throws Error naming the type when
/// no codec knows it.
StateJson saveStep(const FittedStep& step, StateWriter& writer);
StateJson saveEstimator(const Estimator& estimator, StateWriter& writer);
std::shared_ptr<const FittedStep> loadStep(const StateJson& json, const std::string& path,
                                           const StateReader& reader);
std::shared_ptr<const Estimator> loadEstimator(const StateJson& json, const std::string& path,
                                               const StateReader& reader);

/// Column schemas as JSON ({"name", "type": "numeric"|"categorical", "role", "categories"}) and
/// back; shared by the steps that hold schemas and the manifest.
StateJson schemaJson(const Schema& schema);
Schema readSchema(const StateJson& json, const std::string& path, const StateReader& reader);

} // namespace oficina::core::deploy
