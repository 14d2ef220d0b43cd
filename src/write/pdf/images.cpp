// The bulletin's photos in the PDF (docs/bulletin.md): a JPEG is embedded as it is (cairo's
// CAIRO_MIME_TYPE_JPEG passthrough writes the file's bytes as a /DCTDecode image; the one pixel
// of the surface that carries it is never drawn), a PNG is decoded by cairo and written
// with Flate, its alpha as a soft mask. The pictures are already upright (app/photos.cpp turns
// a JPEG by its EXIF orientation with TurboJPEG).
#include <planctl/write/pdf/pages.hpp>

#include <stdexcept>

namespace planctl::write::pdf {

namespace {

struct PngReader {
  std::string_view data;
  std::size_t at = 0;
};

cairo_status_t read_png(void* closure, unsigned char* out, unsigned int length) {
  auto* r = static_cast<PngReader*>(closure);
  if (r->data.size() - r->at < length) {
    return CAIRO_STATUS_READ_ERROR;
  }
  r->data.copy(reinterpret_cast<char*>(out), length, r->at);
  r->at += length;
  return CAIRO_STATUS_SUCCESS;
}

} // namespace

PictureSurfaces::~PictureSurfaces() {
  for (const auto& [index, surface] : m_surfaces) {
    cairo_surface_destroy(surface);
  }
}

cairo_surface_t* PictureSurfaces::get(std::size_t index) {
  if (const auto found = m_surfaces.find(index); found != m_surfaces.end()) {
    return found->second;
  }
  const layout::Picture& picture = m_pictures.at(index);
  cairo_surface_t* surface = nullptr;
  if (picture.format == "jpeg") {
    // A one-pixel carrier: the PDF surface writes the JPEG's own bytes, sized by its own header,
    // into the box the carrier is drawn into. A carrier of the photo's size would cost its
    // pixels in memory (cairo copies a source surface's pixels when it is destroyed while a
    // snapshot of it lives: 430 MiB and 1 s for 12000 × 9000) though nothing is drawn from them.
    surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
    if (cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS) {
      // The bytes outlive the surface (see the class): no copy, nothing to free.
      const std::string& bytes = *picture.bytes;
      cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_JPEG,
                                  reinterpret_cast<const unsigned char*>(bytes.data()),
                                  bytes.size(), nullptr, nullptr);
    }
  } else {
    PngReader reader{*picture.bytes};
    surface = cairo_image_surface_create_from_png_stream(read_png, &reader);
  }
  const cairo_status_t status = cairo_surface_status(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    throw std::runtime_error("cannot embed the photo " + picture.name + ": " +
                             cairo_status_to_string(status));
  }
  m_surfaces.emplace(index, surface);
  return surface;
}

std::size_t PictureSurfaces::jpegs() const {
  std::size_t n = 0;
  for (const auto& [index, surface] : m_surfaces) {
    n += m_pictures.at(index).format == "jpeg" ? 1 : 0;
  }
  return n;
}

void draw_images(cairo_t* cr, const std::vector<typeset::Image>& images,
                 PictureSurfaces& surfaces) {
  for (const typeset::Image& image : images) {
    cairo_surface_t* surface = surfaces.get(image.picture);
    const int w = cairo_image_surface_get_width(surface);
    const int h = cairo_image_surface_get_height(surface);
    if (w <= 0 || h <= 0) {
      continue;
    }
    cairo_save(cr);
    cairo_translate(cr, image.x, image.y);
    cairo_scale(cr, image.width / w, image.height / h);
    cairo_set_source_surface(cr, surface, 0, 0);
    // Scaled smoothly by the reader, as Word does (not the pixelated /Interpolate false).
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_rectangle(cr, 0, 0, w, h);
    cairo_fill(cr);
    cairo_restore(cr);
  }
}

} // namespace planctl::write::pdf
