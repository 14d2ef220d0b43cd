// Makes the photos the bulletin tests and the examples use, so that no third-party image is
// needed: a scene that shows which way is up (sky above, grass below, a sun at the top left),
// stored as a camera would store it for an EXIF orientation.
//
//   make_photo jpeg WIDTH HEIGHT ORIENTATION OUT   the scene WIDTH × HEIGHT as seen; stored
//                                                  turned for ORIENTATION 1, 3, 6 or 8, with an
//                                                  EXIF block that says so
//   make_photo png WIDTH HEIGHT OUT                the scene with a transparent round frame
#include <turbojpeg.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace {

struct Rgba {
  unsigned char r, g, b, a;
};

// The scene at (x, y) of a picture w × h seen upright.
Rgba scene(int x, int y, int w, int h) {
  const int sun_x = w / 5;
  const int sun_y = h / 5;
  const int radius = std::max(2, std::min(w, h) / 8);
  if ((x - sun_x) * (x - sun_x) + (y - sun_y) * (y - sun_y) <= radius * radius) {
    return {250, 210, 40, 255};
  }
  if (y < h * 2 / 3) {
    return {90, 160, 230, 255}; // sky
  }
  return {60, 150, 60, 255}; // grass
}

void put16(std::string& s, unsigned v) {
  s += static_cast<char>(v >> 8);
  s += static_cast<char>(v & 0xFF);
}

void put32(std::string& s, std::uint32_t v) {
  put16(s, v >> 16);
  put16(s, v & 0xFFFF);
}

// APP1 with a big-endian TIFF whose IFD0 holds the orientation only.
std::string exif_segment(int orientation) {
  std::string tiff = std::string("MM\0*", 4);
  put32(tiff, 8);
  put16(tiff, 1);      // one entry
  put16(tiff, 0x0112); // Orientation
  put16(tiff, 3);      // SHORT
  put32(tiff, 1);      // count
  put16(tiff, static_cast<unsigned>(orientation));
  put16(tiff, 0);
  put32(tiff, 0); // no next IFD
  const std::string payload = std::string("Exif\0\0", 6) + tiff;
  std::string seg = "\xFF\xE1";
  put16(seg, static_cast<unsigned>(payload.size() + 2));
  return seg + payload;
}

int make_jpeg(int w, int h, int orientation, const char* out) {
  const bool turned = orientation == 6 || orientation == 8;
  const int sw = turned ? h : w; // stored sides
  const int sh = turned ? w : h;
  std::vector<unsigned char> pixels(static_cast<std::size_t>(sw) * sh * 3);
  for (int sy = 0; sy < sh; ++sy) {
    for (int sx = 0; sx < sw; ++sx) {
      int dx = sx, dy = sy; // where the stored pixel is seen
      switch (orientation) {
      case 3:
        dx = w - 1 - sx;
        dy = h - 1 - sy;
        break;
      case 6:
        dx = sh - 1 - sy;
        dy = sx;
        break;
      case 8:
        dx = sy;
        dy = sw - 1 - sx;
        break;
      default:
        break;
      }
      const Rgba c = scene(dx, dy, w, h);
      unsigned char* p = &pixels[(static_cast<std::size_t>(sy) * sw + sx) * 3];
      p[0] = c.r;
      p[1] = c.g;
      p[2] = c.b;
    }
  }
  tjhandle tj = tjInitCompress();
  unsigned char* jpeg = nullptr;
  unsigned long size = 0;
  if (tjCompress2(tj, pixels.data(), sw, 0, sh, TJPF_RGB, &jpeg, &size, TJSAMP_420, 85, 0) != 0) {
    std::fprintf(stderr, "make_photo: %s\n", tjGetErrorStr2(tj));
    return 1;
  }
  std::string bytes(reinterpret_cast<const char*>(jpeg), size);
  tjFree(jpeg);
  tjDestroy(tj);
  if (orientation != 1) {
    bytes.insert(2, exif_segment(orientation));
  }
  std::ofstream(out, std::ios::binary) << bytes;
  return 0;
}

void chunk(std::string& png, const char* type, const std::string& data) {
  put32(png, static_cast<std::uint32_t>(data.size()));
  const std::string body = std::string(type, 4) + data;
  png += body;
  put32(png, static_cast<std::uint32_t>(
                 crc32(0, reinterpret_cast<const Bytef*>(body.data()), body.size())));
}

int make_png(int w, int h, const char* out) {
  std::string raw;
  for (int y = 0; y < h; ++y) {
    raw += '\0'; // filter: none
    for (int x = 0; x < w; ++x) {
      Rgba c = scene(x, y, w, h);
      const long dx = 2L * x - w, dy = 2L * y - h;
      if (dx * dx * h * h + dy * dy * w * w > 1L * w * w * h * h) {
        c.a = 0; // outside the ellipse: transparent
      }
      raw += static_cast<char>(c.r);
      raw += static_cast<char>(c.g);
      raw += static_cast<char>(c.b);
      raw += static_cast<char>(c.a);
    }
  }
  uLongf zsize = compressBound(raw.size());
  std::string z(zsize, '\0');
  compress2(reinterpret_cast<Bytef*>(z.data()), &zsize, reinterpret_cast<const Bytef*>(raw.data()),
            raw.size(), 9);
  z.resize(zsize);
  std::string png("\x89PNG\r\n\x1A\n", 8);
  std::string ihdr;
  put32(ihdr, static_cast<std::uint32_t>(w));
  put32(ihdr, static_cast<std::uint32_t>(h));
  ihdr += std::string("\x08\x06\x00\x00\x00", 5); // 8-bit RGBA
  chunk(png, "IHDR", ihdr);
  chunk(png, "IDAT", z);
  chunk(png, "IEND", "");
  std::ofstream(out, std::ios::binary) << png;
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  const std::string kind = argc > 1 ? argv[1] : "";
  if (kind == "jpeg" && argc == 6) {
    return make_jpeg(std::atoi(argv[2]), std::atoi(argv[3]), std::atoi(argv[4]), argv[5]);
  }
  if (kind == "png" && argc == 5) {
    return make_png(std::atoi(argv[2]), std::atoi(argv[3]), argv[4]);
  }
  std::fprintf(stderr, "usage: make_photo jpeg W H ORIENTATION OUT | png W H OUT\n");
  return 2;
}
