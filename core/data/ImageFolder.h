#pragma once

#include "data/CsvReader.h"

#include <functional>
#include <stop_token>
#include <string>

namespace oficina::core {

enum class ColorMode { Grayscale, Rgb };

/// Column names of an image-folder table besides the pixels.
inline constexpr const char* kImageLabelColumn = "label";
inline constexpr const char* kImageFileColumn = "file";

/// Options of readImageFolder, as Keras' image_dataset_from_directory names them.
///
/// Example:
///     readImageFolder("digits/train", {.width = 28, .height = 28, .color = ColorMode::Grayscale})
struct ImageFolderOptions {
    int width = 28;   ///< every image is resized to width × height pixels
    int height = 28;
    /// Grayscale: one channel (ITU-R 601 luma, as stb_image computes it); Rgb: three, alpha
    /// dropped.
    ColorMode color = ColorMode::Grayscale;
    /// When a stop is requested, readImageFolder throws Cancelled after the image being decoded.
    std::stop_token stop;
    /// Optional, fraction in [0, 1]: called serially from one decoding thread.
    std::function<void(double fraction)> progress;
    /// 0 = two threads (the cores Oficina is measured on); small folders use one.
    int threads = 0;
};

/// Reads a folder holding one sub-folder per class (the sub-folder's name is the class label) of
/// PNG, JPEG or BMP images, searched recursively inside each class folder, as Keras'
/// image_dataset_from_directory and torchvision's ImageFolder read them. One row per image, classes
/// and files in byte order of their names (the table is the same on every machine); columns:
///  - the pixels, channel-major: "c0_0_0", "c0_0_1", … "c<channel>_<row>_<column>", numbers in
///    [0, 1], resized with a box (area) filter; a network reads them as channels × height × width;
///  - kImageLabelColumn: the class, categorical, role Target;
///  - kImageFileColumn: the path relative to `folder`, categorical, role Ignored.
/// Other files are skipped (a warning counts them), and so are class folders with no image.
/// Throws Error naming the file for an image stb_image cannot decode (with its reason), and a
/// clear Error for a missing folder, one without sub-folders, or one with no images at all.
/// Thread-safe; the table starts its own lineage.
ReadResult readImageFolder(const std::string& folder, const ImageFolderOptions& options = {});

/// "c0_3_5": the column of channel 0, row 3, column 5.
std::string pixelColumnName(int channel, int row, int column);

} // namespace oficina::core
