// Photos for the 工作简报 (docs/bulletin.md): JPEG and PNG recognised by their content, their
// size and EXIF orientation read from the headers alone (the image is never decoded), a JPEG
// turned upright losslessly, and a photo file read from inside the plan file's folder only.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace planctl::util {

enum class ImageFormat { jpeg, png };

// What the headers of an image say.
struct ImageInfo {
  ImageFormat format = ImageFormat::jpeg;
  int width = 0; // pixels as stored
  int height = 0;
  int orientation = 1; // EXIF orientation 1-8 (1: as stored; 6: turn 90° clockwise to view)

  // Whether the picture is seen with width and height exchanged (orientations 5-8).
  bool turned() const { return orientation >= 5 && orientation <= 8; }
  int shown_width() const { return turned() ? height : width; }
  int shown_height() const { return turned() ? width : height; }
};

// Why bytes are not a usable image.
enum class ImageProblem {
  none,
  not_image, // neither a JPEG nor a PNG, or headers that make no sense
  truncated, // the file ends before the image does
  too_large, // a side longer than the limit (a decompression bomb need not be decoded to refuse)
};

struct ImageProbe {
  std::optional<ImageInfo> info; // set when `problem` is none
  ImageProblem problem = ImageProblem::none;
  int width = 0; // the sides read, also for too_large
  int height = 0;
};

// The largest side a photo may have (plan-format.md, `activities`).
inline constexpr int k_max_image_side = 12000;

// The most pixels of a JPEG that upright_jpeg() turns: the transform holds every DCT coefficient
// (a 12 MP phone photo: 84 MiB peak; 12000 × 9000: 650 MiB), so a larger photo stored turned is
// refused rather than let the memory grow (docs/bulletin.md).
inline constexpr long long k_max_turned_pixels = 24'000'000;

// The most pixels of a PNG photo: the PDF writer decodes a PNG in full (cairo holds it twice,
// 8 bytes a pixel: 12000 × 12000 would take 1.1 GiB), so a larger one is refused; a JPEG is
// passed through undecoded and has no such bound (docs/bulletin.md).
inline constexpr long long k_max_png_pixels = 24'000'000;

// Reads the format, size and orientation of `bytes` from its headers: JPEG segments up to the
// frame header and the EXIF orientation of APP1, then that the entropy-coded data ends with an
// EOI marker; PNG chunks from IHDR to IEND without inflating any. Linear in the size, no
// allocation beyond the result.
ImageProbe probe_image(std::string_view bytes, int max_side = k_max_image_side);

// `jpeg` (whose probe gave `info`) turned upright by the lossless transform of its EXIF
// orientation (TurboJPEG; partial edge blocks trimmed, markers dropped, so that no reader turns
// it again); `jpeg` itself when the orientation is 1. Throws std::runtime_error when the
// library refuses the data.
std::string upright_jpeg(std::string_view jpeg, const ImageInfo& info);

// Why a photo file could not be read.
enum class PhotoFileProblem {
  none,
  absolute,    // an absolute path (or a drive letter, or a path starting with `\`)
  outside,     // `..` or a symbolic link that leads out of the plan file's folder
  missing,     // no such file
  not_regular, // a folder, a device, a pipe
  too_big,     // more bytes than allowed
  unreadable,  // anything else the system refuses (the reason in `detail`)
};

struct PhotoFile {
  PhotoFileProblem problem = PhotoFileProblem::none;
  std::string bytes;              // the file's content when `problem` is none
  std::filesystem::path resolved; // the file's canonical path (symlinks followed)
  std::string detail;
};

// The largest photo file (plan-format.md, `activities`).
inline constexpr std::size_t k_max_photo_bytes = 20u * 1024 * 1024;

// Reads the photo `written` (a path as written in the plan file, relative to `folder`) when it
// lies inside `folder` once every symbolic link is followed, and has at most `max_bytes` bytes
// (never reading more than one byte past that).
PhotoFile read_photo_file(const std::filesystem::path& folder, std::string_view written,
                          std::size_t max_bytes = k_max_photo_bytes);

} // namespace planctl::util
