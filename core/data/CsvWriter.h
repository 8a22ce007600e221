#pragma once

#include "data/Table.h"

#include <iosfwd>
#include <string>

namespace oficina::core {

/// Writes the table as CSV: a header of column names, then one line per row, "\n" line ends.
/// Fields holding the delimiter, a quote, a line break or surrounding spaces are quoted
/// (RFC 4180); numbers are written as formatNumber writes them (the shortest text that reads
/// back to the same double); missing values are empty fields.
/// readCsv gives the same table back unless a categorical column's labels all look like
/// numbers, a label is a missing token, or a column name is a number: CSV cannot tell those
/// apart.
///
/// Example:
///     writeCsv(predictions, "predictions.csv");        // atomic
///     writeCsv(table, std::cout, '\t');                 // TSV to a stream
void writeCsv(const Table& table, std::ostream& out, char delimiter = ',');

/// Same, atomically: written to a temporary file in the same folder, then renamed over `path`.
/// Throws Error (where = path) if it cannot be written; `path` is then left as it was.
void writeCsv(const Table& table, const std::string& path, char delimiter = ',');

class SafeFile;
/// Appends the table's rows as writeCsv writes them, after its header when `header` is set:
/// a large result written a piece at a time into one atomic file (batch prediction).
void appendCsv(const Table& table, SafeFile& file, bool header, char delimiter = ',');

} // namespace oficina::core
