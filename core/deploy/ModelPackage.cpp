#include "deploy/ModelPackage.h"

#include "deploy/PackageManifest.h"
#include "deploy/StateArchive.h"
#include "deploy/ZipArchive.h"
#include "export/OnnxExport.h"
#include "pipeline/JsonText.h"
#include "util/Error.h"
#include "util/SafeFile.h"
#include "util/Sha256.h"
#include "util/Text.h"
#include "util/Tr.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <span>
#include <sstream>

namespace oficina::core::deploy {

namespace {

// The entries of a package (docs/model-package.md).
constexpr const char* kManifest = "manifest.json";
constexpr const char* kState = "pipeline/state.json";
constexpr const char* kArrays = "pipeline/arrays.bin";
constexpr const char* kProfile = "profile/profile.json";
constexpr const char* kSample = "profile/sample.json";
constexpr const char* kSampleArrays = "profile/sample.bin";
constexpr const char* kOnnx = "model.onnx";
constexpr const char* kCard = "MODEL.md";

// Reading refuses entries beyond these sizes before inflating them (a zip bomb, a damaged
// size field): far above what any model of a desktop workbench writes.
constexpr uint64_t kJsonLimit = uint64_t(1) << 30;
constexpr uint64_t kBinaryLimit = uint64_t(16) << 30;

/// The raw training rows as a table: the columns as loaded, the rows the model learned from.
Table sourceTable(const SourceRows& source) {
    std::vector<Column> columns;
    for (const Column& c : source.columns)
        columns.push_back(source.rows ? c.view(source.rows) : c);
    return Table(std::move(columns));
}

/// The first row with no missing cell (else the first row), alone.
Table probeRow(const Table& table) {
    size_t row = 0;
    for (size_t r = 0; r < table.rowCount(); ++r) {
        bool complete = true;
        for (const Column& c : table.columns())
            complete = complete && !c.isMissing(r);
        if (complete) {
            row = r;
            break;
        }
    }
    std::vector<Column> columns;
    for (const Column& c : table.columns())
        columns.push_back(c.take({row}));
    return Table(std::move(columns));
}

/// The raw columns the model cannot predict without: each one left out of a real training row
/// in turn. Exact for any step, since it asks the pipeline itself.
std::vector<std::string> requiredColumns(const Model& model, const Table& row) {
    std::vector<std::string> required;
    for (const Column& candidate : row.columns()) {
        if (candidate.name() == model.targetName) continue;
        std::vector<Column> others;
        for (const Column& c : row.columns())
            if (c.name() != candidate.name()) others.push_back(c);
        try {
            (void)model.predict(Table(std::move(others)));
        } catch (const Error&) {
            required.push_back(candidate.name());
        }
    }
    return required;
}

std::string fileSha256(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(Message(OFICINA_TR_NOOP("cannot read the training data file")), path);
    Sha256 hash;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
        hash.add(buffer, size_t(in.gcount()));
    return hash.hex();
}

/// MODEL.md for a model with no ONNX form: what the manifest says, for a person.
std::string plainCard(const PackageManifest& m) {
    std::ostringstream card;
    card << "# " << m.name << "\n\n";
    card << "A " << toString(m.task) << " model (`" << m.estimatorType << "`) made by Oficina "
         << m.appVersion << " on " << m.created;
    if (!m.pipeline.empty()) card << " from the pipeline `" << m.pipeline << "`";
    card << ". It has no ONNX form; serve it with `oficina-cli serve`.\n\n## Inputs\n\n";
    for (const InputColumn& in : m.inputs)
        card << "- `" << in.name << "`: " << toString(in.type)
             << (in.mayBeMissing ? ", may be missing" : "") << "\n";
    card << "\n## Outputs\n\n";
    for (const OutputColumn& out : m.outputs)
        card << "- `" << out.name << "`: " << toString(out.type) << "\n";
    if (!m.trainingMetrics.empty()) {
        card << "\n## Training metrics\n\n";
        for (const auto& [key, value] : m.trainingMetrics)
            card << "- " << key << ": " << formatNumber(value) << "\n";
    }
    card << "\nTrained on " << m.trainingData.rows << " rows (fingerprint "
         << m.trainingData.fingerprint << ").\n";
    return card.str();
}

std::string readWholeFile(const std::string& path) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
        throw Error(Message(std::filesystem::exists(path, error)
                                ? OFICINA_TR_NOOP("not a model package: not a regular file")
                                : OFICINA_TR_NOOP("the model package does not exist")),
                    path);
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    if (!in || !(bytes << in.rdbuf()))
        throw Error(Message(OFICINA_TR_NOOP("cannot read the model package")), path);
    return std::move(bytes).str();
}

StateJson parseEntry(const ZipReader& zip, const std::string& name, const std::string& where) {
    return parseJsonText(zip.read(name, kJsonLimit), where + ": " + name);
}

} // namespace

ModelInterface describeInterface(const Model& model) {
    if (!model.estimator)
        throw Error(Message(OFICINA_TR_NOOP("there is no trained model to describe")));
    const SourceRows* source = model.lineage.sourceRows.get();
    if (!source || source->rowCount() == 0)
        throw Error(Message(OFICINA_TR_NOOP("the model's training rows are not known: run the "
                                            "pipeline that trains it")));
    const Table training = sourceTable(*source);
    const Table row = probeRow(training);
    ModelInterface interface;
    std::vector<Column> example;
    for (const std::string& name : requiredColumns(model, row)) {
        const Column& c = training.column(name);
        interface.inputs.push_back({name, c.type(),
                                    c.isNumeric() ? std::vector<std::string>{} : c.categories(),
                                    c.missingCount() > 0});
        example.push_back(row.column(name).withRole(ColumnRole::Feature));
    }
    interface.example = Table(std::move(example));
    const Table predicted = model.predict(row);
    for (const Column& c : predicted.columns())
        if (c.role() == ColumnRole::Prediction || c.role() == ColumnRole::Cluster) {
            interface.outputs.push_back({c.name(), c.type()});
            // probabilityColumnName(label) is "P(label)".
            if (model.estimator->task() == Task::Classification && c.name().size() >= 3 &&
                c.name().starts_with("P(") && c.name().ends_with(")"))
                interface.classes.push_back(c.name().substr(2, c.name().size() - 3));
        }
    return interface;
}

ModelPackage packageModel(const Model& model, const PackageOptions& options) {
    ModelInterface interface = describeInterface(model);
    // Saving every state first: a step or model without a codec is refused before any work.
    ModelPackage package;
    package.model = model;
    {
        StateWriter writer;
        for (const auto& step : model.lineage.steps)
            (void)saveStep(*step, writer);
        (void)saveEstimator(*model.estimator, writer);
    }

    const SourceRows* source = model.lineage.sourceRows.get();
    const Table training = sourceTable(*source);
    PackageManifest& m = package.manifest;
    m.appVersion = OFICINA_VERSION;
    m.created = utcTimestamp();
    m.name = !model.name.empty() ? model.name : std::string(model.estimator->title());
    m.pipeline = options.pipelineName;
    m.pipelineHash = options.pipelineHash;
    m.task = model.estimator->task();
    m.target = model.targetName;
    m.estimatorType = model.estimator->typeId();
    m.inputs = std::move(interface.inputs);
    m.outputs = std::move(interface.outputs);
    m.classes = std::move(interface.classes);
    m.trainingMetrics = model.trainingMetrics;
    m.heldOut = options.heldOut;
    m.trainingData.rows = source->rowCount();
    m.trainingData.columns = source->columns.size();
    m.trainingData.fingerprint = sourceFingerprint(*source);
    for (const std::string& file : options.dataFiles)
        m.trainingData.files.emplace_back(file, fileSha256(file));

    std::vector<std::string> profiled;
    for (const InputColumn& in : m.inputs) profiled.push_back(in.name);
    if (!m.target.empty() && training.find(m.target)) profiled.push_back(m.target);
    const Table predicted = model.predict(training);
    const std::string& outputName = m.outputs.empty() ? kPredictionColumn : m.outputs.front().name;
    package.profile = monitor::profileTable(training, profiled, predicted.column(outputName));

    std::vector<Column> sampled;
    const std::vector<size_t> rows =
        monitor::reservoirSample(training.rowCount(), kSampleRows, options.sampleSeed);
    for (const std::string& name : profiled)
        sampled.push_back(training.column(name).take(rows).withRole(ColumnRole::Feature));
    package.sample = Table(std::move(sampled));

    if (!onnxRefusal(model)) {
        OnnxExportOptions onnxOptions;
        onnxOptions.pipelineName = options.pipelineName;
        onnxOptions.pipelineHash = options.pipelineHash;
        onnxOptions.heldOut = options.heldOut;
        // The ONNX file is a bonus for runtimes outside Oficina: a graph the checker refuses
        // leaves the package without one rather than without a package.
        try {
            OnnxRendering rendering = renderOnnx(model, kOnnx, onnxOptions);
            package.onnx = std::move(rendering.model);
            package.card = std::move(rendering.card);
            m.hasOnnx = true;
        } catch (const Error&) {
        }
    }
    if (!m.hasOnnx) package.card = plainCard(m);
    return package;
}

void writePackage(const ModelPackage& package, const std::string& path) {
    const Model& model = package.model;
    StateWriter arrays;
    StateJson state = StateJson::object();
    state["source"] = schemaJson(model.lineage.source);
    state["steps"] = StateJson::array();
    for (const auto& step : model.lineage.steps)
        state["steps"].push_back(saveStep(*step, arrays));
    state["estimator"] = saveEstimator(*model.estimator, arrays);

    StateWriter sampleArrays;
    const std::string sample = tableJson(package.sample, sampleArrays).dump(1);
    const std::string stateText = state.dump(1);
    const std::string profile = monitor::toJson(package.profile).dump(1);
    const auto bytesOf = [](const StateWriter& w) {
        return std::string_view(reinterpret_cast<const char*>(w.blob().data()), w.blob().size());
    };
    std::vector<std::pair<std::string, std::string_view>> entries = {
        {kState, stateText},        {kArrays, bytesOf(arrays)},
        {kProfile, profile},        {kSample, sample},
        {kSampleArrays, bytesOf(sampleArrays)}, {kCard, package.card}};
    if (!package.onnx.empty()) entries.emplace_back(kOnnx, package.onnx);

    std::vector<EntryDigest> digests;
    for (const auto& [name, bytes] : entries)
        digests.push_back({name, bytes.size(), sha256Hex(bytes)});
    const std::string manifest = manifestJson(package.manifest, digests).dump(1);
    entries.insert(entries.begin(), {kManifest, manifest});
    try {
        writeFileAtomically(path, zipEntries(entries));
    } catch (const Error& e) {
        throw Error(e.message(), e.where().empty() ? path : e.where());
    }
}

Model readPipelineState(std::string_view state, std::string_view arrays,
                        const std::string& where) {
    const StateJson json = parseJsonText(state, where);
    const StateReader reader(std::as_bytes(std::span<const char>(arrays.data(), arrays.size())),
                             where);
    Model model;
    model.lineage.source = readSchema(reader.member(json, "", "source"), "source", reader);
    const StateJson& steps = reader.member(json, "", "steps");
    if (!steps.is_array()) reader.fail("steps", Message(OFICINA_TR_NOOP("expected a list")));
    for (size_t i = 0; i < steps.size(); ++i)
        model.lineage.steps.push_back(
            loadStep(steps[i], "steps[" + std::to_string(i) + "]", reader));
    model.estimator = loadEstimator(reader.member(json, "", "estimator"), "estimator", reader);
    return model;
}

ModelPackage readPackage(const std::string& path) {
    const std::string bytes = readWholeFile(path);
    const ZipReader zip(bytes, path);
    ModelPackage package;
    const StateReader manifestReader({}, path + ": " + kManifest);
    std::vector<EntryDigest> digests;
    package.manifest = readManifest(parseEntry(zip, kManifest, path), manifestReader, digests);

    // Every entry the manifest lists must be there, whole; and the ones read below must be listed.
    for (const char* required : {kState, kArrays, kProfile, kSample, kSampleArrays, kCard}) {
        if (std::none_of(digests.begin(), digests.end(),
                         [&](const EntryDigest& d) { return d.name == required; }))
            throw Error(Message(OFICINA_TR_NOOP("the manifest lists no %1: the package is "
                                                "incomplete"),
                            {required}),
                        path);
    }
    std::map<std::string, std::string> contents;
    for (const EntryDigest& d : digests) {
        std::string entry = zip.read(d.name, d.name.ends_with(".json") || d.name.ends_with(".md")
                                                 ? kJsonLimit
                                                 : kBinaryLimit);
        if (entry.size() != d.bytes || sha256Hex(entry) != d.sha256)
            throw Error(Message(OFICINA_TR_NOOP("the model package is corrupted: %1 does not match "
                                                "the checksum in its manifest"),
                                {d.name}),
                        path);
        contents.emplace(d.name, std::move(entry));
    }

    Model& model = package.model;
    model = readPipelineState(contents.at(kState), contents.at(kArrays), path + ": " + kState);
    model.targetName = package.manifest.target;
    model.trainingMetrics = package.manifest.trainingMetrics;
    model.name = package.manifest.name;

    package.profile =
        monitor::profileFromJson(parseJsonText(contents.at(kProfile), path + ": " + kProfile),
                                 path + ": " + kProfile);
    const std::string& sampleBytes = contents.at(kSampleArrays);
    const StateReader sampleReader(
        std::as_bytes(std::span<const char>(sampleBytes.data(), sampleBytes.size())),
        path + ": " + kSample);
    package.sample = readTable(parseJsonText(contents.at(kSample), path + ": " + kSample), "",
                               sampleReader);
    package.card = contents.at(kCard);
    if (package.manifest.hasOnnx) {
        const auto onnx = contents.find(kOnnx);
        if (onnx == contents.end())
            throw Error(Message(OFICINA_TR_NOOP("the manifest lists no %1: the package is "
                                                "incomplete"),
                                {kOnnx}),
                        path);
        package.onnx = onnx->second;
    }
    return package;
}

Table conformInput(const Table& raw, const std::vector<InputColumn>& inputs,
                   const std::string& where) {
    std::vector<Column> columns;
    for (const InputColumn& in : inputs) {
        const Column* found = raw.find(in.name);
        if (!found)
            throw Error(Message(OFICINA_TR_NOOP("the column \"%1\" is missing: the model reads it "
                                                "(%2)"),
                                {in.name, toString(in.type)}),
                        where);
        Column column = found->withRole(ColumnRole::Feature);
        if (in.type == ColumnType::Numeric && !column.isNumeric()) {
            // Read as text because of some non-number: say which, or parse the labels.
            const std::vector<std::string>& labels = column.categories();
            std::vector<double> numbers(labels.size());
            for (size_t i = 0; i < labels.size(); ++i)
                if (!parseNumber(labels[i], numbers[i]))
                    throw Error(Message(OFICINA_TR_NOOP("the column \"%1\" must hold numbers, but "
                                                        "it holds \"%2\""),
                                        {in.name, textExcerpt(labels[i])}),
                                where);
            std::vector<double> values(column.size());
            for (size_t r = 0; r < column.size(); ++r)
                values[r] = column.code(r) == Column::kMissingCode
                                ? std::numeric_limits<double>::quiet_NaN()
                                : numbers[size_t(column.code(r))];
            column = Column::numeric(in.name, std::move(values));
        } else if (in.type == ColumnType::Categorical && column.isNumeric()) {
            // Categories that look like numbers ("1", "2") read as a numeric column.
            std::vector<std::string> labels;
            std::map<std::string, int32_t> codeOf;
            std::vector<int32_t> codes(column.size(), Column::kMissingCode);
            for (size_t r = 0; r < column.size(); ++r) {
                if (column.isMissing(r)) continue;
                const auto [it, added] =
                    codeOf.emplace(formatNumber(column.number(r)), int32_t(labels.size()));
                if (added) labels.push_back(it->first);
                codes[r] = it->second;
            }
            column = Column::categorical(in.name, std::move(codes), std::move(labels));
        }
        columns.push_back(std::move(column));
    }
    return Table(std::move(columns));
}

std::vector<Column> predictColumns(const ModelPackage& package, const Table& input) {
    return package.model.estimator->predict(package.model.lineage.applyTo(input));
}

} // namespace oficina::core::deploy
