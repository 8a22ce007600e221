#pragma once

#include "data/Table.h"
#include "util/Message.h"

#include <functional>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

namespace oficina::core {

enum class HeaderMode { Auto, Yes, No };
enum class TextEncoding { Utf8, Latin1 };

/// The tokens read as missing by default (besides the empty field, which always is):
/// {"NA", "N/A", "NaN", "nan", "null", "NULL", "?"}.
std::vector<std::string> defaultMissingTokens();

/// How to read a CSV/TSV file. Every field has an "automatic" value that sniffs the file.
///
/// Example:
///     CsvOptions options;
///     options.delimiter = ';';             // a Brazilian spreadsheet export
///     options.encoding = TextEncoding::Latin1;
///     options.progress = [](double f) { std::fprintf(stderr, "%3.0f%%\r", 100 * f); };
///     ReadResult result = readCsv("vendas.csv", options);
struct CsvOptions {
    /// 0 = sniff among ',' ';' '\t' '|' (quote-aware, same field count on the first lines).
    char delimiter = 0;
    /// 0 = automatic ('.' or ','), else '.' or ','. With ',' a '.' is accepted only as a
    /// thousands separator in 3-digit groups ("1.234,5"); a token that does not fit makes its
    /// column categorical, never a wrong number.
    char decimal = 0;
    /// Auto: no header if the first row has a number; else a header if some column is numeric
    /// below it; in all-text files, a header if no first-row token reappears in its column.
    HeaderMode header = HeaderMode::Auto;
    /// Compared with each field after trimming spaces; the empty field is always missing.
    std::vector<std::string> missingTokens = defaultMissingTokens();
    /// Latin-1 text is converted to UTF-8; invalid UTF-8 in Utf8 mode is an error.
    TextEncoding encoding = TextEncoding::Utf8;
    /// When a stop is requested, readCsv throws Cancelled within ~50 ms.
    std::stop_token stop;
    /// Optional, fraction in [0, 1]: called serially from the reading threads, at most about
    /// 20 times a second, and once with 1.0 at the end of a successful read.
    std::function<void(double fraction)> progress;
    /// 0 = std::thread::hardware_concurrency(); small files use fewer.
    int threads = 0;
    /// Columns (by their header names) read as text whatever they hold, so "01" stays "01":
    /// a model's categorical inputs.
    std::vector<std::string> textColumns;
    /// Columns (by their header names) that must hold numbers: a token that is not one is an
    /// Error at its line instead of making the column text. A model's numeric inputs.
    std::vector<std::string> numberColumns;
};

struct ReadResult {
    Table table;
    /// Renamed columns, columns read as text because of a late token, and the like.
    std::vector<Message> warnings;
};

/// Reads a CSV/TSV file (RFC 4180 quoting; UTF-8 with or without BOM, or Latin-1; UTF-16 and
/// UTF-32 with a BOM; CRLF, LF or CR line ends; blank lines skipped; Excel's "sep=;" first line
/// honoured) into a Table whose columns are all Features and whose lineage starts here. A
/// column is numeric if every non-missing token is a number in the file's decimal convention,
/// else categorical with its labels sorted byte-wise. `path` may be a pipe, or "-" for standard
/// input (see TextInput).
/// Throws Error with `where` = "file:line:column" (1-based, physical lines) for a missing,
/// unreadable, empty or binary file, a FIFO or device, NUL bytes, a ragged row, an unclosed
/// quote, text after a closing quote and invalid UTF-8, and (`where` = the file) for a table
/// larger than the available memory; throws Cancelled when options.stop is requested.
/// Thread-safe (no shared state); uses options.threads threads internally.
ReadResult readCsv(const std::string& path, const CsvOptions& options = {});

/// Reads a CSV/TSV file a piece at a time, for files larger than memory (batch prediction): the
/// conventions are sniffed once and hold for every piece, as do `options`; each piece's column
/// types are inferred from the piece itself unless textColumns/numberColumns fix them. The
/// whole file is scanned once when constructed (quote-aware, for the pieces' record
/// boundaries); each piece is then parsed as readCsv parses a file. Errors and progress
/// (`options.progress`, over the whole file) as readCsv's.
///
/// Example:
///     CsvChunkReader reader("big.csv", options);
///     while (auto piece = reader.next()) predictAndWrite(piece->table);
class CsvChunkReader {
public:
    CsvChunkReader(const std::string& path, const CsvOptions& options = {},
                   uint64_t chunkBytes = uint64_t(64) << 20);
    ~CsvChunkReader();
    CsvChunkReader(const CsvChunkReader&) = delete;
    CsvChunkReader& operator=(const CsvChunkReader&) = delete;

    /// The next piece (about chunkBytes of the file, whole records), or nothing at the end.
    std::optional<ReadResult> next();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace oficina::core
