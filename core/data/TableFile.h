#pragma once

#include "data/CsvReader.h"

#include <string>

namespace oficina::core {

/// Reads a data file by its extension: `.arff` through the ARFF reader, anything else as
/// CSV/TSV with `options` (whose stop token both readers honour). "-" reads standard input
/// as CSV; pipes are read as streams, FIFOs and devices refused (see TextInput).
ReadResult readTableFile(const std::string& path, const CsvOptions& options = {});

} // namespace oficina::core
