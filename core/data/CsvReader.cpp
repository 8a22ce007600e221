#include "data/CsvReader.h"

#include "data/CsvDetail.h"
#include "util/Error.h"
#include "util/Parallel.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <thread>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace oficina::core {

std::vector<std::string> defaultMissingTokens() {
    return {"NA", "N/A", "NaN", "nan", "null", "NULL", "?"};
}

namespace {

using namespace csv;

constexpr size_t kSampleSize = size_t(1) << 20;
constexpr size_t kMaxSampleSize = size_t(64) << 20;
// Below this per thread, a second thread costs more than it saves.
constexpr uint64_t kMinBytesPerThread = uint64_t(4) << 20;

constexpr uintptr_t kHugePage = uintptr_t(2) << 20;

struct ColumnData {
    ColumnKind kind = ColumnKind::Numeric;
    std::vector<double> numbers;
    std::vector<int32_t> codes;
};

// Touching fresh memory is the slowest part of filling a big column on these machines
// (~11 µs per 4 KiB page, all in the kernel). So every column is allocated once at its final
// size, backed by huge pages, and its pages are faulted in from all threads at once before
// resize() writes its zeros; without MADV_POPULATE_WRITE (Linux < 5.14) resize() faults them.
void allocateColumns(std::vector<ColumnData*> columns, size_t rows, size_t threadCount) {
    std::vector<std::pair<uintptr_t, uintptr_t>> regions; // whole huge pages inside each column
    for (ColumnData* column : columns) {
        const bool numeric = column->kind == ColumnKind::Numeric;
        numeric ? column->numbers.reserve(rows) : column->codes.reserve(rows);
        const auto begin = numeric ? reinterpret_cast<uintptr_t>(column->numbers.data())
                                   : reinterpret_cast<uintptr_t>(column->codes.data());
        const size_t bytes = rows * (numeric ? sizeof(double) : sizeof(int32_t));
        const uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
        const uintptr_t last = (begin + bytes) & ~(kHugePage - 1);
        if (last > first) regions.emplace_back(first, last);
    }
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    for (const auto& [first, last] : regions)
        ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#endif
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    auto populate = [&](size_t part) {
        for (const auto& [first, last] : regions) {
            const uintptr_t pages = (last - first) / kHugePage;
            const uintptr_t from = first + pages * part / threadCount * kHugePage;
            const uintptr_t to = first + pages * (part + 1) / threadCount * kHugePage;
            if (to > from) ::madvise(reinterpret_cast<void*>(from), to - from, MADV_POPULATE_WRITE);
        }
    };
    if (!regions.empty()) {
        std::vector<std::jthread> threads;
        for (size_t part = 1; part < threadCount; ++part)
            threads.emplace_back(populate, part);
        populate(0);
    }
#endif
    for (ColumnData* column : columns)
        column->kind == ColumnKind::Numeric ? column->numbers.resize(rows)
                                            : column->codes.resize(rows);
}

std::string readSample(const CsvFile& file, bool& wholeFile) {
    std::string sample;
    size_t size = size_t(std::min<uint64_t>(kSampleSize, file.size() + 1));
    while (true) {
        sample.resize(size);
        sample.resize(file.readAt(0, sample.data(), size));
        wholeFile = sample.size() < size;
        const auto lineEnds = std::count_if(sample.begin(), sample.end(), isLineEnd);
        if (wholeFile || lineEnds >= 2 || size >= kMaxSampleSize) return sample;
        size *= 2;
    }
}

// Runs the jobs on as many threads, the first on the caller's; throws the failure that comes
// first in the file, or Cancelled.
std::vector<ParseOutcome> runJobs(const ParseSetup& setup, const std::vector<ParseJob>& jobs) {
    std::vector<ParseOutcome> outcomes(jobs.size());
    {
        std::vector<std::jthread> threads;
        for (size_t i = 1; i < jobs.size(); ++i)
            threads.emplace_back([&, i] { parseRange(setup, jobs[i], outcomes[i]); });
        if (!jobs.empty()) parseRange(setup, jobs[0], outcomes[0]);
    }
    setup.monitor->throwIfStopped();
    for (const auto& outcome : outcomes)
        if (outcome.failure) std::rethrow_exception(outcome.failure);
    return outcomes;
}

// Sorted labels (byte-wise, as numpy.unique) and every job's codes renumbered into them.
std::vector<std::string> mergeDictionaries(size_t column, const std::vector<ParseJob>& jobs,
                                           const std::vector<ParseOutcome>& outcomes,
                                           std::vector<int32_t>& codes, TextEncoding encoding) {
    std::vector<std::string> labels;
    for (const auto& outcome : outcomes)
        for (const auto& entry : outcome.dictionaries[column])
            labels.push_back(entry.first);
    // Latin-1 and UTF-8 both order by code point, so sorting before converting is the same.
    std::sort(labels.begin(), labels.end());
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    for (size_t j = 0; j < jobs.size(); ++j) {
        const LocalDictionary& local = outcomes[j].dictionaries[column];
        std::vector<int32_t> remap(local.size());
        for (const auto& [label, code] : local)
            remap[size_t(code)] =
                int32_t(std::lower_bound(labels.begin(), labels.end(), label) - labels.begin());
        int32_t* rows = codes.data() + jobs[j].firstRow;
        for (uint64_t r = 0; r < jobs[j].rowCount; ++r)
            if (rows[r] >= 0) rows[r] = remap[size_t(rows[r])];
    }
    if (encoding == TextEncoding::Latin1)
        for (auto& label : labels)
            label = latin1ToUtf8(label);
    return labels;
}

bool allMissing(const ColumnData& column) {
    if (column.kind == ColumnKind::Numeric)
        return std::all_of(column.numbers.begin(), column.numbers.end(),
                           [](double v) { return std::isnan(v); });
    return std::all_of(column.codes.begin(), column.codes.end(),
                       [](int32_t c) { return c == Column::kMissingCode; });
}

// Header names trimmed; empty ones become "column_N", repeated ones "name_2", "name_3"…
std::vector<std::string> columnNames(const SniffResult& sniffed, size_t count,
                                     std::vector<Message>& warnings) {
    std::vector<std::string> names(count);
    for (size_t c = 0; c < count; ++c) {
        if (sniffed.hasHeader) names[c] = std::string(trimSpaces(sniffed.names[c]));
        if (names[c].empty()) {
            names[c] = "column_" + std::to_string(c + 1);
            if (sniffed.hasHeader)
                warnings.emplace_back(OFICINA_TR_NOOP("column %1 has no name; it was named '%2'"),
                                      std::vector<std::string>{std::to_string(c + 1), names[c]});
        }
    }
    const std::set<std::string> given(names.begin(), names.end());
    std::set<std::string> used;
    for (size_t c = 0; c < count; ++c) {
        if (used.count(names[c]) != 0) {
            std::string renamed;
            for (int suffix = 2; renamed.empty() || used.count(renamed) || given.count(renamed);
                 ++suffix)
                renamed = names[c] + "_" + std::to_string(suffix);
            warnings.emplace_back(OFICINA_TR_NOOP("the column name '%1' appears more than "
                                                  "once; column %2 was renamed '%3'"),
                                  std::vector<std::string>{printableText(names[c]),
                                                           std::to_string(c + 1),
                                                           printableText(renamed)});
            names[c] = std::move(renamed);
        }
        used.insert(names[c]);
    }
    return names;
}

} // namespace

namespace {

/// A file opened and sniffed once: what every read of its records shares.
struct OpenedCsv {
    explicit OpenedCsv(const std::string& path, const CsvOptions& options)
        : file(path), settings(options), missing(settings.missingTokens, textEncoding()) {
        bool wholeFile = false;
        const std::string sample = readSample(file, wholeFile);
        sniffed = sniff(file, sample, wholeFile, settings, missing);
    }
    // Text converted from UTF-16 or UTF-32 is UTF-8, whatever encoding was chosen.
    TextEncoding textEncoding() {
        if (!file.convertedFrom().empty()) settings.encoding = TextEncoding::Utf8;
        return settings.encoding;
    }

    CsvFile file;
    CsvOptions settings;
    MissingTokens missing;
    SniffResult sniffed;
};

/// Boundaries after the header (if any) and at or after each target offset, then the end.
std::vector<RecordBoundary> recordBounds(const SniffResult& sniffed, const ScanResult& scan) {
    RecordBoundary start{sniffed.contentStart, 0, sniffed.firstLine};
    if (sniffed.hasHeader) start = scan.afterFirstRecord;
    std::vector<RecordBoundary> bounds{start};
    for (const auto& split : scan.splits)
        if (split.offset > bounds.back().offset && split.offset < scan.end) bounds.push_back(split);
    bounds.push_back({scan.end, scan.records, 0});
    return bounds;
}

/// One job per pair of consecutive bounds in [first, last], rows counted from `first`.
std::vector<ParseJob> planJobs(const std::vector<RecordBoundary>& bounds, size_t first,
                               size_t last) {
    std::vector<ParseJob> jobs;
    for (size_t i = first; i < last; ++i)
        jobs.push_back({i - first, bounds[i].offset, bounds[i + 1].offset,
                        bounds[i].record - bounds[first].record,
                        bounds[i + 1].record - bounds[i].record, bounds[i].line});
    return jobs;
}

bool listed(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

/// Parses the jobs' records (`rowCount` of them) into a table; the work readCsv and
/// CsvChunkReader share.
ReadResult parseRecords(OpenedCsv& csv, const std::vector<ParseJob>& jobs, uint64_t rowCount,
                        ReadMonitor& monitor) {
    const SniffResult& sniffed = csv.sniffed;
    const Dialect& dialect = sniffed.dialect;
    const CsvOptions& settings = csv.settings;
    std::vector<Message> warnings;
    const size_t columnCount = sniffed.columnCount;
    std::vector<Message> unused;
    const std::vector<std::string> allNames = columnNames(sniffed, columnCount, unused);
    uint64_t tableBytes = 0;
    for (size_t c = 0; c < columnCount; ++c)
        tableBytes += rowCount * (sniffed.numeric[c] ? sizeof(double) : sizeof(int32_t));
    requireMemory(tableBytes, csv.file.path());

    std::vector<ColumnData> data(columnCount);
    std::vector<ColumnData*> all;
    for (size_t c = 0; c < columnCount; ++c) {
        const bool numeric = (sniffed.numeric[c] || listed(settings.numberColumns, allNames[c])) &&
                             !listed(settings.textColumns, allNames[c]);
        data[c].kind = numeric ? ColumnKind::Numeric : ColumnKind::Categorical;
        all.push_back(&data[c]);
    }
    allocateColumns(all, rowCount, jobs.size());
    ParseSetup setup{&csv.file, dialect, &csv.missing, {}, sniffed.hasHeader, &monitor};
    for (auto& column : data)
        setup.columns.push_back({column.kind, column.numbers.data(), column.codes.data()});
    std::vector<ParseOutcome> outcomes = runJobs(setup, jobs);

    // Columns a late token showed not to be numeric are read again, as categorical.
    std::vector<std::optional<NumericBreak>> breaks(columnCount);
    for (auto& outcome : outcomes)
        for (auto& found : outcome.breaks)
            if (!breaks[found.column]) breaks[found.column] = std::move(found);
    for (size_t c = 0; c < columnCount; ++c)
        if (breaks[c] && listed(settings.numberColumns, allNames[c]))
            throw Error(Message(OFICINA_TR_NOOP("the column '%1' must hold numbers, but '%2' is "
                                                "not one"),
                                {printableText(allNames[c]),
                                 displayToken(breaks[c]->token, dialect.encoding)}),
                        fileLocation(csv.file.path(), breaks[c]->line));
    std::vector<ParseOutcome> rereadOutcomes;
    if (std::any_of(breaks.begin(), breaks.end(), [](const auto& b) { return b.has_value(); })) {
        std::vector<ColumnData*> broken;
        for (size_t c = 0; c < columnCount; ++c) {
            if (!breaks[c]) continue;
            data[c].kind = ColumnKind::Categorical;
            data[c].numbers = {};
            broken.push_back(&data[c]);
        }
        allocateColumns(broken, rowCount, jobs.size());
        for (size_t c = 0; c < columnCount; ++c)
            setup.columns[c] =
                breaks[c] ? ColumnTarget{ColumnKind::Categorical, nullptr, data[c].codes.data()}
                          : ColumnTarget{ColumnKind::Skip, nullptr, nullptr};
        monitor.beginPhase(monitor.reached(), 1.0, jobs.back().end - jobs.front().begin);
        rereadOutcomes = runJobs(setup, jobs);
    }

    size_t keptColumns = columnCount;
    if (sniffed.hasHeader && columnCount > 1 && trimSpaces(sniffed.names.back()).empty() &&
        allMissing(data.back())) {
        keptColumns = columnCount - 1;
        warnings.emplace_back(OFICINA_TR_NOOP("the lines end with a delimiter; the empty last "
                                              "column was dropped"));
    }
    const std::vector<std::string> names = columnNames(sniffed, keptColumns, warnings);
    std::vector<Column> columns;
    columns.reserve(keptColumns);
    for (size_t c = 0; c < keptColumns; ++c) {
        ColumnData& column = data[c];
        if (column.kind == ColumnKind::Numeric) {
            columns.push_back(Column::numeric(names[c], std::move(column.numbers)));
            continue;
        }
        auto labels = mergeDictionaries(c, jobs, breaks[c] ? rereadOutcomes : outcomes,
                                        column.codes, dialect.encoding);
        columns.push_back(
            Column::categorical(names[c], std::move(column.codes), std::move(labels)));
        if (breaks[c])
            warnings.emplace_back(
                OFICINA_TR_NOOP("column '%1' was read as text: line %2 has "
                                "'%3', which is not a number"),
                std::vector<std::string>{printableText(names[c]),
                                         std::to_string(breaks[c]->line),
                                         displayToken(breaks[c]->token, dialect.encoding)});
    }
    return {Table(std::move(columns)), std::move(warnings)};
}

} // namespace

ReadResult readCsv(const std::string& path, const CsvOptions& options) {
    ReadMonitor monitor(options);
    monitor.throwIfStopped();
    OpenedCsv csv(path, options);
    const SniffResult& sniffed = csv.sniffed;

    const uint64_t contentBytes = csv.file.size() - std::min(csv.file.size(), sniffed.contentStart);
    const auto wanted = uint64_t(threadsFor(options.threads));
    const uint64_t threadCount =
        std::clamp<uint64_t>(contentBytes / kMinBytesPerThread, 1, std::min<uint64_t>(wanted, 256));
    std::vector<uint64_t> targets;
    for (uint64_t k = 1; k < threadCount; ++k)
        targets.push_back(sniffed.contentStart + k * contentBytes / threadCount);

    monitor.beginPhase(0.0, 0.1, contentBytes);
    const ScanResult scan =
        scanRecords(csv.file, sniffed.contentStart, sniffed.firstLine, sniffed.dialect, targets,
                    monitor);
    const std::vector<RecordBoundary> bounds = recordBounds(sniffed, scan);
    const uint64_t rowCount = scan.records - (sniffed.hasHeader ? 1 : 0);
    monitor.beginPhase(0.1, 1.0, scan.end - sniffed.contentStart);
    ReadResult result =
        parseRecords(csv, planJobs(bounds, 0, bounds.size() - 1), rowCount, monitor);
    result.table.startLineage();
    monitor.finish();
    return result;
}

struct CsvChunkReader::State {
    State(const std::string& path, const CsvOptions& options) : monitor(options), csv(path, options) {}
    ReadMonitor monitor;
    OpenedCsv csv;
    std::vector<RecordBoundary> bounds;
    size_t next = 0;        ///< the first bound of the next chunk
    size_t boundsPerChunk = 1;
};

CsvChunkReader::CsvChunkReader(const std::string& path, const CsvOptions& options,
                               uint64_t chunkBytes) {
    m_state = std::make_unique<State>(path, options);
    State& s = *m_state;
    s.monitor.throwIfStopped();
    const SniffResult& sniffed = s.csv.sniffed;
    const uint64_t contentBytes =
        s.csv.file.size() - std::min(s.csv.file.size(), sniffed.contentStart);
    // One scan of the whole file finds every piece's record boundaries (a few GB/s); each piece
    // is then parsed by several threads, as readCsv parses a whole file.
    const uint64_t threads = std::clamp<uint64_t>(uint64_t(threadsFor(options.threads)), 1, 256);
    const uint64_t step = std::max<uint64_t>(chunkBytes / threads, 1);
    std::vector<uint64_t> targets;
    for (uint64_t at = sniffed.contentStart + step; at < s.csv.file.size(); at += step)
        targets.push_back(at);
    s.monitor.beginPhase(0.0, 0.05, contentBytes);
    const ScanResult scan = scanRecords(s.csv.file, sniffed.contentStart, sniffed.firstLine,
                                        sniffed.dialect, targets, s.monitor);
    s.bounds = recordBounds(sniffed, scan);
    s.boundsPerChunk = size_t(threads);
    s.monitor.beginPhase(0.05, 1.0, scan.end - s.bounds.front().offset);
}

CsvChunkReader::~CsvChunkReader() = default;

std::optional<ReadResult> CsvChunkReader::next() {
    State& s = *m_state;
    if (s.next + 1 >= s.bounds.size()) {
        s.monitor.finish();
        return std::nullopt;
    }
    const size_t first = s.next;
    const size_t last = std::min(first + s.boundsPerChunk, s.bounds.size() - 1);
    s.next = last;
    const uint64_t rows = s.bounds[last].record - s.bounds[first].record;
    ReadResult result = parseRecords(s.csv, planJobs(s.bounds, first, last), rows, s.monitor);
    result.table.startLineage();
    return result;
}

} // namespace oficina::core
