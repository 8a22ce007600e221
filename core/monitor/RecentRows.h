#pragma once

// The rows a served model saw last — its inputs and predictions, a window of fixed size — for
// live drift checks against its training data (the server's /metrics and …/drift).

#include "data/Table.h"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace oficina::core::monitor {

/// How many recent rows a served model keeps unless told otherwise: enough for the drift
/// tests' large-sample regime, a few MB for a wide model.
inline constexpr size_t kDefaultRecentRows = 5000;

/// A ring of the last `capacity` rows added, column by column. Thread-safe; add() never
/// waits: when another thread is adding, the rows are skipped (and counted), so under heavy
/// traffic the window is a sample of it rather than a queue for it.
///
/// Example:
///     RecentRows window(5000);
///     window.add(requestRowsWithPredictions);   // per request, from any thread
///     const Table recent = window.snapshot();    // oldest first
class RecentRows {
public:
    explicit RecentRows(size_t capacity = kDefaultRecentRows);

    /// Appends the rows of `rows`. A table whose columns (names, types) differ from the
    /// window's replaces what the window holds (the model was reloaded with another schema).
    void add(const Table& rows);
    /// The rows held, oldest first; categorical columns list the labels they hold.
    [[nodiscard]] Table snapshot() const;
    [[nodiscard]] size_t capacity() const { return m_capacity; }
    /// Rows added since the start, and rows skipped because another thread was adding.
    [[nodiscard]] uint64_t rowsAdded() const { return m_added; }
    [[nodiscard]] uint64_t rowsSkipped() const { return m_skipped; }

private:
    struct Ring {
        std::string name;
        ColumnType type = ColumnType::Numeric;
        std::vector<double> numbers;
        std::vector<int32_t> codes;  ///< into labels
        std::vector<std::string> labels;
        std::unordered_map<std::string, int32_t> codeOf;
    };
    void reset(const Table& rows);
    void compactLabels(Ring& ring);

    const size_t m_capacity;
    mutable std::mutex m_mutex;
    std::vector<Ring> m_columns;
    size_t m_next = 0;    ///< where the next row goes
    size_t m_filled = 0;  ///< rows held
    std::atomic<uint64_t> m_added = 0;
    std::atomic<uint64_t> m_skipped = 0;
};

} // namespace oficina::core::monitor
