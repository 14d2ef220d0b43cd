#include <planctl/util/image.hpp>

#include <doctest/doctest.h>

#include <turbojpeg.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace planctl::util;
namespace fs = std::filesystem;

namespace {

// A JPEG of `w` × `h` stored pixels whose top half is red and bottom half blue, with an EXIF
// block holding `orientation` (none for 0), in `order` ("MM" or "II").
std::string jpeg(int w, int h, int orientation, const char* order = "MM") {
  std::vector<unsigned char> px(static_cast<std::size_t>(w) * h * 3);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      unsigned char* p = &px[(static_cast<std::size_t>(y) * w + x) * 3];
      const bool top = y < h / 2;
      p[0] = top ? 255 : 0;
      p[1] = 0;
      p[2] = top ? 0 : 255;
    }
  }
  tjhandle tj = tjInitCompress();
  unsigned char* out = nullptr;
  unsigned long size = 0;
  REQUIRE(tjCompress2(tj, px.data(), w, 0, h, TJPF_RGB, &out, &size, TJSAMP_444, 90, 0) == 0);
  std::string bytes(reinterpret_cast<const char*>(out), size);
  tjFree(out);
  tjDestroy(tj);
  if (orientation != 0) {
    const bool mm = std::string(order) == "MM";
    auto u16 = [&](unsigned v) {
      return mm ? std::string{static_cast<char>(v >> 8), static_cast<char>(v & 0xFF)}
                : std::string{static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)};
    };
    auto u32 = [&](unsigned v) {
      return mm ? u16(v >> 16) + u16(v & 0xFFFF) : u16(v & 0xFFFF) + u16(v >> 16);
    };
    std::string tiff = std::string(order, 2) + u16(42) + u32(8) + u16(2);
    tiff += u16(0x010F) + u16(2) + u32(4) + std::string("Cam\0", 4); // a Make tag first
    tiff += u16(0x0112) + u16(3) + u32(1) + u16(static_cast<unsigned>(orientation)) + u16(0);
    tiff += u32(0);
    const std::string payload = std::string("Exif\0\0", 6) + tiff;
    const std::size_t len = payload.size() + 2;
    bytes.insert(2, std::string("\xFF\xE1", 2) + static_cast<char>(len >> 8) +
                        static_cast<char>(len & 0xFF) + payload);
  }
  return bytes;
}

// The colour at (x, y) of a decoded JPEG: 'r' or 'b'.
char colour_at(const std::string& data, int x, int y) {
  tjhandle tj = tjInitDecompress();
  int w = 0, h = 0, sub = 0, space = 0;
  const auto* in = reinterpret_cast<const unsigned char*>(data.data());
  REQUIRE(tjDecompressHeader3(tj, in, data.size(), &w, &h, &sub, &space) == 0);
  std::vector<unsigned char> px(static_cast<std::size_t>(w) * h * 3);
  REQUIRE(tjDecompress2(tj, in, data.size(), px.data(), w, 0, h, TJPF_RGB, 0) == 0);
  tjDestroy(tj);
  const unsigned char* p = &px[(static_cast<std::size_t>(y) * w + x) * 3];
  return p[0] > p[2] ? 'r' : 'b';
}

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

// A PNG's signature and chunks (CRCs are not checked by the probe: zeros).
std::string png(std::uint32_t w, std::uint32_t h, bool with_data = true, bool with_end = true) {
  std::string s("\x89PNG\r\n\x1A\n", 8);
  s += be32(13) + "IHDR" + be32(w) + be32(h) + std::string("\x08\x06\0\0\0", 5) + be32(0);
  if (with_data) {
    s += be32(4) + "IDAT" + "abcd" + be32(0);
  }
  if (with_end) {
    s += be32(0) + "IEND" + be32(0);
  }
  return s;
}

} // namespace

TEST_CASE("util::probe_image: JPEG size and EXIF orientation from the headers") {
  const ImageProbe plain = probe_image(jpeg(64, 48, 0));
  REQUIRE(plain.info);
  CHECK(plain.info->format == ImageFormat::jpeg);
  CHECK(plain.info->width == 64);
  CHECK(plain.info->height == 48);
  CHECK(plain.info->orientation == 1);
  for (const char* order : {"MM", "II"}) {
    CAPTURE(order);
    const ImageProbe six = probe_image(jpeg(64, 48, 6, order));
    REQUIRE(six.info);
    CHECK(six.info->orientation == 6);
    CHECK(six.info->shown_width() == 48);
    CHECK(six.info->shown_height() == 64);
  }
  CHECK(probe_image(jpeg(64, 48, 9)).info->orientation == 1); // out of range: as stored
}

TEST_CASE("util::probe_image: what is not a usable image") {
  const std::string whole = jpeg(64, 48, 6);
  CHECK(probe_image("").problem == ImageProblem::not_image);
  CHECK(probe_image("root:x:0:0:root:/root:/bin/bash\n").problem == ImageProblem::not_image);
  CHECK(probe_image("GIF89a....").problem == ImageProblem::not_image);
  // Cut anywhere: in the headers, in the data, just before the EOI.
  for (const std::size_t keep :
       {std::size_t{3}, std::size_t{20}, whole.size() / 2, whole.size() - 1}) {
    CAPTURE(keep);
    CHECK(probe_image(whole.substr(0, keep)).problem == ImageProblem::truncated);
  }
  // A segment length that runs past the end.
  std::string bad = whole;
  bad[4] = '\x7F';
  CHECK(probe_image(bad).problem == ImageProblem::truncated);
  // PNG: the bomb's header alone is refused, sides given; missing data or end is truncated.
  const ImageProbe bomb = probe_image(png(30000, 30000));
  CHECK(bomb.problem == ImageProblem::too_large);
  CHECK(bomb.width == 30000);
  CHECK(probe_image(png(12000, 12000)).problem == ImageProblem::none);
  CHECK(probe_image(png(12001, 10)).problem == ImageProblem::too_large);
  CHECK(probe_image(png(0, 10)).problem == ImageProblem::not_image);
  CHECK(probe_image(png(10, 10, false)).problem == ImageProblem::truncated);
  CHECK(probe_image(png(10, 10, true, false)).problem == ImageProblem::truncated);
  const ImageProbe ok = probe_image(png(300, 200));
  REQUIRE(ok.info);
  CHECK(ok.info->format == ImageFormat::png);
  CHECK(ok.info->width == 300);
}

TEST_CASE("util::probe_image never reads past the bytes it is given") {
  // Random bytes after each signature: any verdict, no crash (ASan checks the reads).
  std::mt19937 rng(7);
  for (int i = 0; i < 2000; ++i) {
    std::string s = i % 2 ? std::string("\xFF\xD8\xFF", 3) : std::string("\x89PNG\r\n\x1A\n", 8);
    const int n = static_cast<int>(rng() % 64);
    for (int k = 0; k < n; ++k) {
      s += static_cast<char>(rng() % 256);
    }
    (void)probe_image(s);
  }
}

TEST_CASE("util::upright_jpeg turns the picture as its orientation says") {
  // Stored 64 × 32, red above blue; orientation 6 means "turn 90° clockwise to view": the
  // red half ends up on the right.
  const std::string stored = jpeg(64, 32, 6);
  const ImageProbe probe = probe_image(stored);
  REQUIRE(probe.info);
  const std::string turned = upright_jpeg(stored, *probe.info);
  const ImageProbe after = probe_image(turned);
  REQUIRE(after.info);
  CHECK(after.info->width == 32);
  CHECK(after.info->height == 64);
  CHECK(after.info->orientation == 1); // the EXIF block is gone: no reader turns it again
  CHECK(turned.find("Exif") == std::string::npos);
  CHECK(colour_at(turned, 28, 32) == 'r');
  CHECK(colour_at(turned, 3, 32) == 'b');
  // Orientation 3: upside down.
  const std::string flipped = jpeg(64, 32, 3);
  const std::string fixed = upright_jpeg(flipped, *probe_image(flipped).info);
  CHECK(colour_at(fixed, 32, 28) == 'r');
  CHECK(colour_at(fixed, 32, 3) == 'b');
  // Orientation 1 and PNG: the bytes as they are.
  const std::string as_is = jpeg(64, 32, 0);
  CHECK(upright_jpeg(as_is, *probe_image(as_is).info) == as_is);
}

TEST_CASE("util::read_photo_file stays inside the folder") {
  const fs::path root = fs::temp_directory_path() / "planctl-test-photo-file";
  fs::remove_all(root);
  fs::create_directories(root / "plan" / "photos");
  fs::create_directories(root / "elsewhere");
  std::ofstream(root / "plan" / "photos" / "a.jpg", std::ios::binary) << "0123456789";
  std::ofstream(root / "elsewhere" / "b.jpg", std::ios::binary) << "secret";
  fs::create_symlink("../../elsewhere/b.jpg", root / "plan" / "photos" / "out.jpg");
  fs::create_symlink("a.jpg", root / "plan" / "photos" / "in.jpg");
  fs::create_symlink("nothing.jpg", root / "plan" / "photos" / "dangling.jpg");
  const fs::path folder = root / "plan";

  const PhotoFile ok = read_photo_file(folder, "photos/a.jpg");
  CHECK(ok.problem == PhotoFileProblem::none);
  CHECK(ok.bytes == "0123456789");
  CHECK(read_photo_file(folder, "photos/./x/../a.jpg").problem == PhotoFileProblem::none);
  CHECK(read_photo_file(folder, "photos/in.jpg").bytes == "0123456789"); // a link inside
  CHECK(read_photo_file(folder, "photos/out.jpg").problem == PhotoFileProblem::outside);
  CHECK(read_photo_file(folder, "../elsewhere/b.jpg").problem == PhotoFileProblem::outside);
  CHECK(read_photo_file(folder, "photos/../../elsewhere/b.jpg").problem ==
        PhotoFileProblem::outside);
  CHECK(read_photo_file(folder, "/etc/passwd").problem == PhotoFileProblem::absolute);
  CHECK(read_photo_file(folder, "C:\\photo.jpg").problem == PhotoFileProblem::absolute);
  CHECK(read_photo_file(folder, "photos/none.jpg").problem == PhotoFileProblem::missing);
  CHECK(read_photo_file(folder, "photos/dangling.jpg").problem == PhotoFileProblem::missing);
  CHECK(read_photo_file(folder, "photos").problem == PhotoFileProblem::not_regular);
  const PhotoFile big = read_photo_file(folder, "photos/a.jpg", 9);
  CHECK(big.problem == PhotoFileProblem::too_big);
  CHECK(big.bytes.empty());
  CHECK(read_photo_file(folder, "photos/a.jpg", 10).problem == PhotoFileProblem::none);
  fs::remove_all(root);
}
