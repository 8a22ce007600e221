#include "data/ImageFolder.h"

#include "data/Table.h"
#include "util/Error.h"
#include "util/Parallel.h"
#include "util/Tr.h"

// The one translation unit that compiles stb_image and stb_image_resize. Only the formats the
// node promises: fewer decoders, less code reading untrusted files.
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_BMP
#include <stb/stb_image.h>
#define STB_IMAGE_RESIZE_IMPLEMENTATION
#include <stb/stb_image_resize.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <limits>
#include <memory>
#include <optional>

namespace fs = std::filesystem;

namespace oficina::core {

namespace {

// Below this many images one thread decodes them all.
constexpr Eigen::Index kMinImagesPerThread = 64;

bool isImageFile(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".bmp";
}

bool isHidden(const fs::path& path) {
    const std::string name = path.filename().string();
    return !name.empty() && name.front() == '.';
}

struct ImageList {
    std::vector<std::string> classes;  ///< those with at least one image, sorted
    std::vector<std::string> files;    ///< relative to the folder, sorted within each class
    std::vector<int32_t> labels;       ///< index into classes, per file
    size_t skippedFiles = 0;
    std::vector<std::string> emptyClasses;
};

ImageList listImages(const fs::path& root) {
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        throw Error(Message(fs::exists(root, ec) ? OFICINA_TR_NOOP("this is not a folder")
                                                 : OFICINA_TR_NOOP("folder not found")),
                    root.string());
    std::vector<fs::path> classDirs;
    for (const auto& entry : fs::directory_iterator(root))
        if (entry.is_directory() && !isHidden(entry.path())) classDirs.push_back(entry.path());
    if (classDirs.empty())
        throw Error(Message(OFICINA_TR_NOOP("the folder has no sub-folders; put the images of "
                                            "each class in a sub-folder named after the class")),
                    root.string());
    std::sort(classDirs.begin(), classDirs.end());

    ImageList list;
    for (const auto& dir : classDirs) {
        std::vector<std::string> files;
        for (auto it = fs::recursive_directory_iterator(dir); it != fs::end(it); ++it) {
            if (isHidden(it->path())) {
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            if (!it->is_regular_file()) continue;
            if (isImageFile(it->path()))
                files.push_back(it->path().lexically_relative(root).generic_string());
            else
                ++list.skippedFiles;
        }
        const std::string name = dir.filename().string();
        if (files.empty()) {
            list.emptyClasses.push_back(name);
            continue;
        }
        std::sort(files.begin(), files.end());
        const auto label = int32_t(list.classes.size());
        list.classes.push_back(name);
        list.labels.insert(list.labels.end(), files.size(), label);
        list.files.insert(list.files.end(), std::make_move_iterator(files.begin()),
                          std::make_move_iterator(files.end()));
    }
    if (list.files.empty())
        throw Error(Message(OFICINA_TR_NOOP("no PNG, JPEG or BMP images were found in the "
                                            "folder's sub-folders")),
                    root.string());
    return list;
}

struct DecodeFailure {
    size_t index = std::numeric_limits<size_t>::max();
    std::string reason;
};

} // namespace

std::string pixelColumnName(int channel, int row, int column) {
    return "c" + std::to_string(channel) + "_" + std::to_string(row) + "_" + std::to_string(column);
}

ReadResult readImageFolder(const std::string& folder, const ImageFolderOptions& options) {
    if (options.width < 1 || options.height < 1)
        throw Error(Message(OFICINA_TR_NOOP("the image size must be at least 1 × 1 pixels")));
    const fs::path root(folder);
    ImageList list;
    try {
        list = listImages(root);
    } catch (const fs::filesystem_error& e) {
        throw Error(Message(OFICINA_TR_NOOP("cannot list the folder: %1"), {e.code().message()}),
                    e.path1().string());
    }
    const int width = options.width, height = options.height;
    const int channels = options.color == ColorMode::Rgb ? 3 : 1;
    const size_t plane = size_t(width) * size_t(height);
    const size_t n = list.files.size();

    // One column per pixel, each sized once: rows are written in place by the decoding threads.
    std::vector<std::vector<double>> pixels(plane * channels, std::vector<double>(n));
    const int threads = rowThreads(options.threads, Eigen::Index(n), 2 * kMinImagesPerThread);
    std::vector<DecodeFailure> failures(static_cast<size_t>(threads));
    parallelRows(Eigen::Index(n), threads, [&](int thread, Eigen::Index begin, Eigen::Index end) {
        std::vector<float> source, resized(plane * channels);
        for (Eigen::Index i = begin; i < end; ++i) {
            if (options.stop.stop_requested()) return;
            const std::string path = (root / list.files[size_t(i)]).string();
            int w = 0, h = 0, found = 0;
            std::unique_ptr<stbi_uc, void (*)(void*)> image(
                stbi_load(path.c_str(), &w, &h, &found, channels), stbi_image_free);
            if (!image) {
                failures[size_t(thread)] = {size_t(i), stbi_failure_reason()};
                return;
            }
            try {
                source.resize(size_t(w) * size_t(h) * channels);
            } catch (const std::bad_alloc&) {  // on a worker thread it would end the program
                failures[size_t(thread)] = {size_t(i), "out of memory"};
                return;
            }
            for (size_t k = 0; k < source.size(); ++k) source[k] = float(image.get()[k]) / 255.0f;
            const float* out = source.data();
            if (w != width || h != height) {
                // Box filter: the mean of the covered source pixels when shrinking by a whole
                // factor, area-weighted otherwise; never rings like the default Mitchell filter.
                if (!stbir_resize_float_generic(source.data(), w, h, 0, resized.data(), width,
                                                height, 0, channels, -1, 0, STBIR_EDGE_CLAMP,
                                                STBIR_FILTER_BOX, STBIR_COLORSPACE_LINEAR,
                                                nullptr)) {
                    failures[size_t(thread)] = {size_t(i), "cannot resize"};
                    return;
                }
                out = resized.data();
            }
            // stb's pixels are interleaved (row, column, channel); columns are channel-major.
            for (int c = 0; c < channels; ++c)
                for (size_t p = 0; p < plane; ++p)
                    pixels[size_t(c) * plane + p][size_t(i)] =
                        std::clamp(double(out[p * channels + size_t(c)]), 0.0, 1.0);
            if (thread == 0 && options.progress)
                options.progress(double(i - begin + 1) / double(end - begin));
        }
    });
    if (options.stop.stop_requested()) throw Cancelled{};
    // The first failing file in table order, whatever thread met it, so the error is stable.
    const auto failure = std::min_element(
        failures.begin(), failures.end(),
        [](const DecodeFailure& a, const DecodeFailure& b) { return a.index < b.index; });
    if (failure->index < n)
        throw Error(Message(OFICINA_TR_NOOP("cannot read this image: %1"), {failure->reason}),
                    (root / list.files[failure->index]).string());

    std::vector<Column> columns;
    columns.reserve(pixels.size() + 2);
    for (int c = 0; c < channels; ++c)
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                columns.push_back(Column::numeric(
                    pixelColumnName(c, y, x),
                    std::move(pixels[size_t(c) * plane + size_t(y) * size_t(width) + size_t(x)])));
    columns.push_back(Column::categorical(kImageLabelColumn, std::move(list.labels),
                                          std::move(list.classes), ColumnRole::Target));
    std::vector<int32_t> fileCodes(n);
    for (size_t i = 0; i < n; ++i) fileCodes[i] = int32_t(i);
    columns.push_back(Column::categorical(kImageFileColumn, std::move(fileCodes),
                                          std::move(list.files), ColumnRole::Ignored));

    ReadResult result{Table(std::move(columns)), {}};
    result.table.startLineage();
    if (list.skippedFiles > 0)
        result.warnings.emplace_back(OFICINA_TR_NOOP("%1 files that are not PNG, JPEG or BMP "
                                                     "images were skipped"),
                                     std::vector<std::string>{std::to_string(list.skippedFiles)});
    for (const auto& name : list.emptyClasses)
        result.warnings.emplace_back(OFICINA_TR_NOOP("the class folder '%1' holds no images; it "
                                                     "is left out"),
                                     std::vector<std::string>{name});
    if (options.progress) options.progress(1.0);
    return result;
}

} // namespace oficina::core
