// Drawing typeset pages into a PDF (pdf_writer.cpp), shared by the documents and the bulletin,
// and the bulletin's photos on them (images.cpp).
#pragma once

#include <planctl/layout/document.hpp>
#include <planctl/typeset/grid.hpp>

#include <cairo.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace planctl::write::pdf {

// `pages` drawn into a PDF with the properties of `metadata`; `source` attached as plan.yaml
// when not empty; the pages' images taken from `pictures` (none when null). The glyphs of the
// pages in `next` (documents this thread draws next) go into the faces' cuts too, so that those
// documents need no cut of their own; the bytes do not depend on them.
std::string pages_to_pdf(const std::vector<typeset::Page>& pages, const layout::Metadata& metadata,
                         std::string_view source, const std::vector<layout::Picture>* pictures,
                         const std::vector<const std::vector<typeset::Page>*>& next = {});

// The cairo surfaces of the pictures drawn so far, one a picture, so that a photo shown twice
// is embedded once. Destroyed only after the PDF surface is finished (cairo writes the images
// at the end), while the pictures' bytes are still alive.
class PictureSurfaces {
public:
  explicit PictureSurfaces(const std::vector<layout::Picture>& pictures) : m_pictures(pictures) {}
  PictureSurfaces(const PictureSurfaces&) = delete;
  PictureSurfaces& operator=(const PictureSurfaces&) = delete;
  ~PictureSurfaces();

  // The surface of picture `index`: a JPEG as an undrawn one-pixel surface carrying the file as
  // CAIRO_MIME_TYPE_JPEG (embedded as it is, /DCTDecode), a PNG decoded by cairo.
  // Throws std::runtime_error when cairo refuses it.
  cairo_surface_t* get(std::size_t index);

  // How many distinct JPEG pictures were drawn: each must be a /DCTDecode image of the PDF
  // (cairo draws the blank carrier instead when it cannot parse the JPEG's header).
  std::size_t jpegs() const;

private:
  const std::vector<layout::Picture>& m_pictures;
  std::map<std::size_t, cairo_surface_t*> m_surfaces;
};

// Draws `images` (placed in points) scaled into their boxes.
void draw_images(cairo_t* cr, const std::vector<typeset::Image>& images, PictureSurfaces& surfaces);

} // namespace planctl::write::pdf
