#pragma once

#include "data/Table.h"
#include "util/Message.h"

#include <stop_token>
#include <string>
#include <vector>

namespace oficina::core {

/// What readArff returns.
struct ArffResult {
    Table table;
    /// Date attributes kept as text, instance weights ignored, and the like.
    std::vector<Message> warnings;
    /// The @relation name.
    std::string relation;
};

/// Reads a Weka ARFF file into a Table whose columns are all Features (the user picks the
/// target later) and whose lineage starts here.
///
/// numeric/real/integer attributes become numeric columns; nominal `{a, b, 'c d'}`, string and
/// date attributes become categorical columns whose dictionary is sorted byte-wise (like
/// numpy.unique), so codes never follow the declared order. A nominal dictionary holds every
/// declared value, used or not; dates stay text, with a warning. `?` is missing. Sparse rows
/// `{0 1, 3 a}` leave unlisted numeric values 0, nominal ones the first declared value and
/// string/date ones missing, as Weka does for the first two.
/// Keywords and types are case-insensitive; names and values may be quoted with ' or " (with
/// backslash escapes); % starts a comment outside quotes (as in Weka, also inside data rows).
///
/// The file is opened as a TextInput: pipes and "-" are read as streams, FIFOs, devices and
/// binary files refused, UTF-16/32 text with a byte-order mark converted; NUL bytes stop the
/// read where they start. Tokens quoted in messages have their control characters escaped.
///
/// Throws Error with `where` = "file:line:column" (1-based) naming what was expected; throws
/// Cancelled when `stop` is requested. Thread-safe (no shared state).
/// Example: ArffResult r = readArff("weather.nominal.arff"); r.table.column("outlook");
ArffResult readArff(const std::string& path, std::stop_token stop = {});

} // namespace oficina::core
