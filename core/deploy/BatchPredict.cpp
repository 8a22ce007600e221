#include "deploy/BatchPredict.h"

#include "data/CsvReader.h"
#include "data/CsvWriter.h"
#include "data/TableFile.h"
#include "util/Error.h"
#include "util/SafeFile.h"
#include "util/Tr.h"

#include <algorithm>
#include <filesystem>

namespace oficina::core::deploy {

namespace {

bool isArff(const std::string& path) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return extension == ".arff";
}

} // namespace

Table predictionTable(const ModelPackage& package, const Table& raw, const BatchOptions& options,
                      const std::string& where) {
    std::vector<Column> columns;
    for (const std::string& name : options.keep) {
        const Column* kept = raw.find(name);
        if (!kept)
            throw Error(Message(OFICINA_TR_NOOP("there is no column \"%1\" to keep"), {name}),
                        where);
        columns.push_back(*kept);
    }
    const Table input = conformInput(raw, package.manifest.inputs, where);
    std::vector<Column> predicted = predictColumns(package, input);
    for (size_t i = 0; i < predicted.size() && (i == 0 || options.probabilities); ++i) {
        // A kept column of the same name gives way to the prediction.
        std::erase_if(columns, [&](const Column& c) { return c.name() == predicted[i].name(); });
        columns.push_back(std::move(predicted[i]));
    }
    return Table(std::move(columns));
}

uint64_t predictFile(const ModelPackage& package, const std::string& input,
                     const std::string& output, const BatchOptions& options) {
    CsvOptions csv;
    csv.stop = options.stop;
    csv.progress = options.progress;
    for (const InputColumn& in : package.manifest.inputs)
        (in.type == ColumnType::Numeric ? csv.numberColumns : csv.textColumns).push_back(in.name);

    SafeFile file(output);
    uint64_t rows = 0;
    bool header = true;
    const auto write = [&](const Table& raw) {
        appendCsv(predictionTable(package, raw, options, input), file, header);
        header = false;
        rows += raw.rowCount();
    };
    if (isArff(input)) {
        write(readTableFile(input, csv).table);
        if (options.progress) options.progress(1.0);
    } else {
        CsvChunkReader reader(input, csv, options.chunkBytes);
        while (auto piece = reader.next())
            write(piece->table);
    }
    file.commit();
    return rows;
}

} // namespace oficina::core::deploy
