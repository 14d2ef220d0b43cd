#include <planctl/util/image.hpp>
#include <planctl/util/platform.hpp>

#include <turbojpeg.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <system_error>

namespace planctl::util {

namespace {

unsigned byte_at(std::string_view b, std::size_t i) {
  return static_cast<unsigned char>(b[i]);
}

unsigned be16(std::string_view b, std::size_t i) {
  return byte_at(b, i) << 8 | byte_at(b, i + 1);
}

std::uint32_t be32(std::string_view b, std::size_t i) {
  return static_cast<std::uint32_t>(be16(b, i)) << 16 | be16(b, i + 2);
}

// The orientation tag of an EXIF block (`Exif\0\0` and a TIFF structure), or 1.
int exif_orientation(std::string_view exif) {
  if (exif.size() < 14 || exif.substr(0, 6) != std::string_view("Exif\0\0", 6)) {
    return 1;
  }
  const std::string_view tiff = exif.substr(6);
  const bool little = tiff.substr(0, 4) == std::string_view("II*\0", 4);
  if (!little && tiff.substr(0, 4) != std::string_view("MM\0*", 4)) {
    return 1;
  }
  const auto u16 = [&](std::size_t i) {
    return little ? byte_at(tiff, i) | byte_at(tiff, i + 1) << 8 : be16(tiff, i);
  };
  const auto u32 = [&](std::size_t i) {
    return little
               ? static_cast<std::uint32_t>(u16(i)) | static_cast<std::uint32_t>(u16(i + 2)) << 16
               : be32(tiff, i);
  };
  const std::uint32_t ifd = u32(4);
  if (ifd > tiff.size() || tiff.size() - ifd < 2) {
    return 1;
  }
  const unsigned entries = u16(ifd);
  for (unsigned e = 0; e < entries; ++e) {
    const std::size_t at = ifd + 2 + std::size_t{12} * e;
    if (at + 12 > tiff.size()) {
      return 1;
    }
    if (u16(at) == 0x0112 && u16(at + 2) == 3) { // Orientation, SHORT
      const unsigned value = u16(at + 8);
      return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
    }
  }
  return 1;
}

bool is_frame_marker(unsigned marker) {
  // SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC).
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

ImageProbe probe_jpeg(std::string_view b, int max_side) {
  ImageProbe out;
  int orientation = 1;
  bool frame = false;
  std::size_t pos = 2;
  for (;;) {
    if (pos >= b.size()) {
      out.problem = ImageProblem::truncated;
      return out;
    }
    if (byte_at(b, pos) != 0xFF) {
      out.problem = ImageProblem::not_image;
      return out;
    }
    while (pos < b.size() && byte_at(b, pos) == 0xFF) { // fill bytes
      ++pos;
    }
    if (pos >= b.size()) {
      out.problem = ImageProblem::truncated;
      return out;
    }
    const unsigned marker = byte_at(b, pos++);
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
      continue; // no length
    }
    if (marker == 0xD8 || marker == 0xD9) { // a second SOI, or EOI before any scan
      out.problem = frame ? ImageProblem::truncated : ImageProblem::not_image;
      return out;
    }
    if (pos + 2 > b.size()) {
      out.problem = ImageProblem::truncated;
      return out;
    }
    const std::size_t length = be16(b, pos);
    if (length < 2) {
      out.problem = ImageProblem::not_image;
      return out;
    }
    if (pos + length > b.size()) {
      out.problem = ImageProblem::truncated;
      return out;
    }
    const std::string_view payload = b.substr(pos + 2, length - 2);
    if (marker == 0xE1 && orientation == 1) {
      orientation = exif_orientation(payload);
    } else if (is_frame_marker(marker)) {
      if (payload.size() < 6) {
        out.problem = ImageProblem::not_image;
        return out;
      }
      out.height = static_cast<int>(be16(payload, 1));
      out.width = static_cast<int>(be16(payload, 3));
      if (out.width == 0 || out.height == 0) {
        out.problem = ImageProblem::not_image; // a height given later (DNL) is not supported
        return out;
      }
      if (out.width > max_side || out.height > max_side) {
        out.problem = ImageProblem::too_large;
        return out;
      }
      frame = true;
    }
    pos += length;
    if (marker == 0xDA) { // start of scan: the entropy-coded data follows
      break;
    }
  }
  if (!frame) {
    out.problem = ImageProblem::not_image;
    return out;
  }
  // The data must reach an EOI: FF D9 (inside the data, FF is followed by 00 or a restart).
  bool end = false;
  for (std::size_t i = pos; i + 1 < b.size(); ++i) {
    if (byte_at(b, i) == 0xFF && byte_at(b, i + 1) == 0xD9) {
      end = true;
      break;
    }
  }
  if (!end) {
    out.problem = ImageProblem::truncated;
    return out;
  }
  out.info = ImageInfo{ImageFormat::jpeg, out.width, out.height, orientation};
  return out;
}

ImageProbe probe_png(std::string_view b, int max_side) {
  ImageProbe out;
  std::size_t pos = 8;
  bool header = false;
  bool data = false;
  while (true) {
    if (pos + 8 > b.size()) {
      out.problem = ImageProblem::truncated;
      return out;
    }
    const std::uint32_t length = be32(b, pos);
    const std::string_view type = b.substr(pos + 4, 4);
    if (length > 0x7FFFFFFFu) {
      out.problem = ImageProblem::not_image;
      return out;
    }
    if (!header) {
      if (type != "IHDR" || length != 13) {
        out.problem = ImageProblem::not_image;
        return out;
      }
      if (pos + 8 + 13 > b.size()) {
        out.problem = ImageProblem::truncated;
        return out;
      }
      const std::uint32_t w = be32(b, pos + 8);
      const std::uint32_t h = be32(b, pos + 12);
      if (w == 0 || h == 0 || w > 0x7FFFFFFFu || h > 0x7FFFFFFFu) {
        out.problem = ImageProblem::not_image;
        return out;
      }
      out.width = static_cast<int>(w);
      out.height = static_cast<int>(h);
      if (w > static_cast<std::uint32_t>(max_side) || h > static_cast<std::uint32_t>(max_side)) {
        out.problem = ImageProblem::too_large; // refused before a byte of it is inflated
        return out;
      }
      header = true;
    }
    if (b.size() - pos - 8 < std::size_t{length} + 4) {
      out.problem = ImageProblem::truncated;
      return out;
    }
    if (type == "IDAT") {
      data = true;
    }
    pos += 8 + std::size_t{length} + 4;
    if (type == "IEND") {
      break;
    }
  }
  if (!data) {
    out.problem = ImageProblem::truncated;
    return out;
  }
  out.info = ImageInfo{ImageFormat::png, out.width, out.height, 1};
  return out;
}

} // namespace

ImageProbe probe_image(std::string_view bytes, int max_side) {
  if (bytes.size() >= 3 && byte_at(bytes, 0) == 0xFF && byte_at(bytes, 1) == 0xD8 &&
      byte_at(bytes, 2) == 0xFF) {
    return probe_jpeg(bytes, max_side);
  }
  if (bytes.starts_with(std::string_view("\x89PNG\r\n\x1A\n", 8))) {
    return probe_png(bytes, max_side);
  }
  ImageProbe out;
  out.problem = ImageProblem::not_image;
  return out;
}

std::string upright_jpeg(std::string_view jpeg, const ImageInfo& info) {
  if (info.format != ImageFormat::jpeg || info.orientation <= 1 || info.orientation > 8) {
    return std::string(jpeg);
  }
  static constexpr int k_ops[] = {TJXOP_NONE,   TJXOP_NONE,       TJXOP_HFLIP,
                                  TJXOP_ROT180, TJXOP_VFLIP,      TJXOP_TRANSPOSE,
                                  TJXOP_ROT90,  TJXOP_TRANSVERSE, TJXOP_ROT270};
  const std::unique_ptr<void, int (*)(tjhandle)> handle(tjInitTransform(), tjDestroy);
  if (!handle) {
    throw std::runtime_error("cannot start the JPEG transform");
  }
  tjtransform transform{};
  transform.op = k_ops[info.orientation];
  transform.options = TJXOPT_TRIM | TJXOPT_COPYNONE;
  unsigned char* out = nullptr;
  unsigned long out_size = 0;
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the C API takes bytes
  const auto* in = reinterpret_cast<const unsigned char*>(jpeg.data());
  if (tjTransform(handle.get(), in, jpeg.size(), 1, &out, &out_size, &transform, 0) != 0) {
    const std::string reason = tjGetErrorStr2(handle.get());
    tjFree(out);
    throw std::runtime_error("cannot turn the JPEG upright: " + reason);
  }
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast)
  std::string result(reinterpret_cast<const char*>(out), out_size);
  tjFree(out);
  return result;
}

PhotoFile read_photo_file(const std::filesystem::path& folder, std::string_view written,
                          std::size_t max_bytes) {
  namespace fs = std::filesystem;
  PhotoFile out;
  const fs::path rel = utf8_path(written);
  if (rel.is_absolute() || rel.has_root_name() || rel.has_root_directory() ||
      written.starts_with("\\") || (written.size() >= 2 && written[1] == ':')) {
    out.problem = PhotoFileProblem::absolute;
    return out;
  }
  const fs::path lexical = rel.lexically_normal();
  if (lexical.empty() || *lexical.begin() == "..") {
    out.problem = PhotoFileProblem::outside;
    return out;
  }
  std::error_code ec;
  const fs::path base = fs::canonical(folder.empty() ? fs::path(".") : folder, ec);
  if (ec) {
    out.problem = PhotoFileProblem::unreadable;
    out.detail = ec.message();
    return out;
  }
  const fs::path joined = base / lexical;
  const fs::file_status link = fs::symlink_status(joined, ec);
  if (ec || !fs::exists(link)) {
    out.problem = PhotoFileProblem::missing;
    return out;
  }
  const fs::path real = fs::canonical(joined, ec);
  if (ec) {
    // A link to nothing.
    out.problem = fs::is_symlink(link) ? PhotoFileProblem::missing : PhotoFileProblem::unreadable;
    out.detail = ec.message();
    return out;
  }
  const fs::path inside = real.lexically_relative(base);
  if (inside.empty() || *inside.begin() == "..") {
    out.problem = PhotoFileProblem::outside;
    return out;
  }
  out.resolved = real;
  if (!fs::is_regular_file(real, ec)) {
    out.problem = PhotoFileProblem::not_regular;
    return out;
  }
  const std::uintmax_t size = fs::file_size(real, ec);
  if (!ec && size > max_bytes) {
    out.problem = PhotoFileProblem::too_big;
    return out;
  }
  std::ifstream in(real, std::ios::binary);
  if (!in) {
    out.problem = PhotoFileProblem::unreadable;
    out.detail = std::strerror(errno);
    return out;
  }
  // The size said, and one byte more to see a file that grew meanwhile: never past the limit.
  const std::size_t want = static_cast<std::size_t>(ec ? max_bytes : size);
  out.bytes.resize(want + 1);
  in.read(out.bytes.data(), static_cast<std::streamsize>(out.bytes.size()));
  out.bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (out.bytes.size() > want) {
    out.bytes.clear();
    out.problem =
        out.bytes.size() > max_bytes ? PhotoFileProblem::too_big : PhotoFileProblem::unreadable;
    out.detail = "the file changed while it was read";
  }
  return out;
}

} // namespace planctl::util
