#include "monitor/Profile.h"

#include "pipeline/JsonText.h"
#include "util/Error.h"
#include "util/Tr.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace oficina::core::monitor {

namespace {

void profileNumbers(const Column& column, ColumnProfile& p) {
    std::vector<double> values;
    values.reserve(column.size());
    for (size_t r = 0; r < column.size(); ++r)
        if (!column.isMissing(r)) values.push_back(column.number(r));
    p.missing = p.rows - values.size();
    if (values.empty()) return;
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    p.min = *lo;
    p.max = *hi;
    double sum = 0;
    for (double v : values) sum += v;
    p.mean = sum / double(values.size());
    double squares = 0;
    for (double v : values) squares += (v - p.mean) * (v - p.mean);
    p.stddev = std::sqrt(squares / double(values.size()));

    const int bins = p.min == p.max ? 1 : kHistogramBins;
    const double width = (p.max - p.min) / bins;
    for (int b = 0; b < bins; ++b) p.edges.push_back(p.min + width * b);
    p.edges.push_back(p.max);
    p.counts.assign(size_t(bins), 0);
    for (double v : values) {
        // Upper edges belong to the bin below, except the maximum, which the last bin includes.
        const auto above = std::upper_bound(p.edges.begin(), p.edges.end() - 1, v);
        const auto bin = std::clamp<ptrdiff_t>(above - p.edges.begin() - 1, 0, bins - 1);
        ++p.counts[size_t(bin)];
    }
}

void profileCategories(const Column& column, ColumnProfile& p) {
    p.categories = column.categories();
    p.categoryCounts.assign(p.categories.size(), 0);
    for (size_t r = 0; r < column.size(); ++r) {
        const int32_t code = column.code(r);
        if (code == Column::kMissingCode)
            ++p.missing;
        else
            ++p.categoryCounts[size_t(code)];
    }
}

nlohmann::ordered_json columnJson(const ColumnProfile& p) {
    nlohmann::ordered_json json = nlohmann::ordered_json::object();
    json["name"] = p.name;
    json["type"] = toString(p.type);
    json["rows"] = p.rows;
    json["missing"] = p.missing;
    if (p.type == ColumnType::Numeric) {
        if (!p.edges.empty()) {
            json["min"] = p.min;
            json["max"] = p.max;
            json["mean"] = p.mean;
            json["stddev"] = p.stddev;
        }
        json["edges"] = p.edges;
        json["counts"] = p.counts;
    } else {
        json["categories"] = p.categories;
        json["counts"] = p.categoryCounts;
    }
    return json;
}

[[noreturn]] void malformed(const std::string& where, const std::string& path) {
    throw Error(Message(OFICINA_TR_NOOP("the training-data profile is malformed at %1"), {path}),
                where);
}

template <class T>
T field(const nlohmann::ordered_json& json, const char* key, const std::string& where,
        const std::string& path) {
    try {
        return json.at(key).get<T>();
    } catch (const nlohmann::json::exception&) {
        malformed(where, path + "." + key);
    }
}

ColumnProfile columnFromJson(const nlohmann::ordered_json& json, const std::string& where,
                             const std::string& path) {
    ColumnProfile p;
    p.name = field<std::string>(json, "name", where, path);
    const auto type = field<std::string>(json, "type", where, path);
    if (type != "numeric" && type != "categorical") malformed(where, path + ".type");
    p.type = type == "numeric" ? ColumnType::Numeric : ColumnType::Categorical;
    p.rows = field<uint64_t>(json, "rows", where, path);
    p.missing = field<uint64_t>(json, "missing", where, path);
    if (p.type == ColumnType::Numeric) {
        p.edges = field<std::vector<double>>(json, "edges", where, path);
        p.counts = field<std::vector<uint64_t>>(json, "counts", where, path);
        if (!p.edges.empty()) {
            p.min = field<double>(json, "min", where, path);
            p.max = field<double>(json, "max", where, path);
            p.mean = field<double>(json, "mean", where, path);
            p.stddev = field<double>(json, "stddev", where, path);
        }
        if (p.edges.empty() ? !p.counts.empty() : p.counts.size() + 1 != p.edges.size() ||
                                                       !std::is_sorted(p.edges.begin(),
                                                                       p.edges.end()))
            malformed(where, path + ".edges");
    } else {
        p.categories = field<std::vector<std::string>>(json, "categories", where, path);
        p.categoryCounts = field<std::vector<uint64_t>>(json, "counts", where, path);
        if (p.categories.size() != p.categoryCounts.size()) malformed(where, path + ".counts");
    }
    return p;
}

} // namespace

ColumnProfile profileColumn(const Column& column) {
    ColumnProfile p;
    p.name = column.name();
    p.type = column.type();
    p.rows = column.size();
    if (column.isNumeric())
        profileNumbers(column, p);
    else
        profileCategories(column, p);
    return p;
}

DataProfile profileTable(const Table& table, const std::vector<std::string>& columns,
                         const Column& prediction) {
    DataProfile profile;
    profile.rows = table.rowCount();
    for (const std::string& name : columns)
        profile.columns.push_back(profileColumn(table.column(name)));
    profile.prediction = profileColumn(prediction);
    return profile;
}

nlohmann::ordered_json toJson(const DataProfile& profile) {
    nlohmann::ordered_json json = nlohmann::ordered_json::object();
    json["rows"] = profile.rows;
    json["bins"] = kHistogramBins;
    json["columns"] = nlohmann::ordered_json::array();
    for (const ColumnProfile& p : profile.columns)
        json["columns"].push_back(columnJson(p));
    json["prediction"] = columnJson(profile.prediction);
    return json;
}

DataProfile profileFromJson(const nlohmann::ordered_json& json, const std::string& where) {
    DataProfile profile;
    profile.rows = field<uint64_t>(json, "rows", where, "profile");
    const auto columns = field<nlohmann::ordered_json>(json, "columns", where, "profile");
    if (!columns.is_array()) malformed(where, "profile.columns");
    for (size_t i = 0; i < columns.size(); ++i)
        profile.columns.push_back(
            columnFromJson(columns[i], where, "profile.columns[" + std::to_string(i) + "]"));
    profile.prediction = columnFromJson(field<nlohmann::ordered_json>(json, "prediction", where,
                                                                      "profile"),
                                        where, "profile.prediction");
    return profile;
}

std::vector<size_t> reservoirSample(size_t rows, size_t count, uint64_t seed) {
    std::vector<size_t> chosen;
    chosen.reserve(std::min(rows, count));
    std::mt19937_64 random(seed);
    for (size_t r = 0; r < rows; ++r) {
        if (chosen.size() < count) {
            chosen.push_back(r);
            continue;
        }
        // Keep row r with probability count / (r + 1), in place of a uniformly chosen one. The
        // modulo's bias is below 2^-40 for any table that fits in memory, and unlike
        // std::uniform_int_distribution it is the same in every standard library.
        const uint64_t slot = random() % (uint64_t(r) + 1);
        if (slot < count) chosen[size_t(slot)] = r;
    }
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

} // namespace oficina::core::monitor
