// The PDF writer: the pages of typeset::set_pages drawn with cairo's PDF surface, which embeds
// each face as a subset (CIDFontType0 for CFF faces, CIDFontType2 for TrueType) with a
// ToUnicode map made from the text and clusters given here, so that readers extract the words.
#include <planctl/util/utf8.hpp>
#include <planctl/write/docx/parts.hpp>
#include <planctl/write/pdf/compact.hpp>
#include <planctl/write/pdf/font_set.hpp>
#include <planctl/write/pdf/pages.hpp>
#include <planctl/write/writers.hpp>

#include <algorithm>
#include <cairo-pdf.h>
#include <optional>
#include <stdexcept>
#include <string>

namespace planctl::write {

namespace {

cairo_status_t write_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void set_colour(cairo_t* cr, bool red) {
  if (red) {
    cairo_set_source_rgb(cr, 0.9, 0, 0); // 版头 red (GB/T 9704 §7.2.4 asks for red, no value)
  } else {
    cairo_set_source_rgb(cr, 0, 0, 0);
  }
}

// `text` with the noncharacters (U+FDD0–U+FDEF, U+xxFFFE, U+xxFFFF), which cairo refuses as
// invalid UTF-8, replaced by U+FFFD; the loader lets them through and the .txt keeps them.
std::string cairo_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = util::next_code_point(text, pos);
    const bool nonchar = (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    util::append_utf8(out, nonchar ? char32_t{0xFFFD} : cp);
  }
  return out;
}

// Draws a page's rules: the segments of one colour and width as one path and one stroke, a
// table's vertical segments (one a grid line) joined where one ends at the next's start. A long
// table has a few hundred segments a page; stroked one by one they made most of the file.
void draw_rules(cairo_t* cr, std::vector<typeset::Rule> rules) {
  const auto vertical = [](const typeset::Rule& r) { return r.x0 == r.x1; };
  const auto horizontal = [](const typeset::Rule& r) { return r.y0 == r.y1 && r.x0 != r.x1; };
  for (typeset::Rule& r : rules) { // each segment drawn from its top or left end
    if ((vertical(r) && r.y1 < r.y0) || (horizontal(r) && r.x1 < r.x0)) {
      std::swap(r.x0, r.x1);
      std::swap(r.y0, r.y1);
    }
  }
  const auto kind = [&](const typeset::Rule& r) { return vertical(r) ? 0 : horizontal(r) ? 1 : 2; };
  std::stable_sort(rules.begin(), rules.end(), [&](const typeset::Rule& a, const typeset::Rule& b) {
    if (a.red != b.red || a.width != b.width) {
      return a.red != b.red ? a.red < b.red : a.width < b.width;
    }
    if (kind(a) != kind(b)) {
      return kind(a) < kind(b);
    }
    if (kind(a) == 0) {
      return a.x0 != b.x0 ? a.x0 < b.x0 : a.y0 < b.y0;
    }
    if (kind(a) == 1) {
      return a.y0 != b.y0 ? a.y0 < b.y0 : a.x0 < b.x0;
    }
    return false;
  });
  constexpr double touch = 0.01; // points
  std::vector<typeset::Rule> joined;
  for (const typeset::Rule& r : rules) {
    if (!joined.empty()) {
      typeset::Rule& last = joined.back();
      const bool same_pen = last.red == r.red && last.width == r.width && kind(last) == kind(r);
      if (same_pen && kind(r) == 0 && last.x0 == r.x0 && r.y0 <= last.y1 + touch) {
        last.y1 = std::max(last.y1, r.y1);
        continue;
      }
      if (same_pen && kind(r) == 1 && last.y0 == r.y0 && r.x0 <= last.x1 + touch) {
        last.x1 = std::max(last.x1, r.x1);
        continue;
      }
    }
    joined.push_back(r);
  }
  for (std::size_t i = 0; i < joined.size();) {
    const typeset::Rule& pen = joined[i];
    set_colour(cr, pen.red);
    cairo_set_line_width(cr, pen.width);
    for (; i < joined.size() && joined[i].red == pen.red && joined[i].width == pen.width; ++i) {
      cairo_move_to(cr, joined[i].x0, joined[i].y0);
      cairo_line_to(cr, joined[i].x1, joined[i].y1);
    }
    cairo_stroke(cr);
  }
}

// Draws `piece`: a grid piece one character a cell (each at the left of its cell), a
// half-width run as shaped.
void draw_piece(cairo_t* cr, pdf::FontSet& fonts, pdf::DocumentFaces& faces,
                const typeset::Piece& shown) {
  typeset::Piece piece = shown;
  piece.text = cairo_text(shown.text);
  const pdf::ShapedRun run = fonts.shape(piece.text, piece.style);
  if (run.glyphs.empty()) {
    return;
  }
  std::vector<cairo_glyph_t> glyphs(run.glyphs.size());
  double x = piece.x;
  for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
    glyphs[i].index = run.glyphs[i];
    glyphs[i].x = x;
    glyphs[i].y = piece.y;
    x += piece.grid ? piece.advance : run.advances[i];
  }
  // Clusters in text order: ToUnicode maps each glyph back to its characters.
  std::vector<cairo_text_cluster_t> clusters;
  for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
    const unsigned start = run.clusters[i];
    if (!clusters.empty() && i > 0 && run.clusters[i] == run.clusters[i - 1]) {
      ++clusters.back().num_glyphs;
      continue;
    }
    unsigned end = static_cast<unsigned>(piece.text.size());
    for (std::size_t k = i + 1; k < run.glyphs.size(); ++k) {
      if (run.clusters[k] != start) {
        end = run.clusters[k];
        break;
      }
    }
    clusters.push_back(cairo_text_cluster_t{static_cast<int>(end - start), 1});
  }
  // 仿宋 has no bold face: a bold run is emboldened by FreeType (cairo embeds it as a Type 3
  // font of outlines, still text with its ToUnicode map).
  cairo_set_font_face(cr, faces.cairo_face(*run.face, piece.style.bold));
  cairo_set_font_size(cr, piece.style.size);
  if (piece.grid && piece.advance < 0.75 * piece.style.size) {
    // A squeezed mark (`。”` at a line's end): set in half its width, so that its box (which
    // readers use to order text) does not overlap the next character's.
    cairo_matrix_t m;
    cairo_matrix_init_scale(&m, piece.style.size / 2, piece.style.size);
    cairo_set_font_matrix(cr, &m);
  }
  set_colour(cr, piece.style.red);
  cairo_show_text_glyphs(cr, piece.text.data(), static_cast<int>(piece.text.size()), glyphs.data(),
                         static_cast<int>(glyphs.size()), clusters.data(),
                         static_cast<int>(clusters.size()), cairo_text_cluster_flags_t{});
}

} // namespace

std::vector<std::string> pdf_font_notes() {
  return pdf::FontSet::for_thread().notes();
}

std::string to_pdf(const layout::Document& doc, std::string_view source) {
  return std::move(to_pdfs({&doc}, source).front());
}

std::vector<std::string> to_pdfs(const std::vector<const layout::Document*>& docs,
                                 std::string_view source) {
  pdf::FontSet& fonts = pdf::FontSet::for_thread();
  const typeset::Measure measure = [&](std::string_view text, const typeset::Style& style) {
    return fonts.shape(text, style).width;
  };
  std::vector<std::vector<typeset::Page>> pages;
  pages.reserve(docs.size());
  for (const layout::Document* doc : docs) {
    pages.push_back(typeset::set_pages(*doc, measure));
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    std::vector<const std::vector<typeset::Page>*> next;
    for (std::size_t k = i + 1; k < docs.size(); ++k) {
      next.push_back(&pages[k]);
    }
    out.push_back(pdf::pages_to_pdf(pages[i], docs[i]->metadata, source, nullptr, next));
    std::vector<typeset::Page>().swap(pages[i]); // drawn: its memory back before the next
  }
  return out;
}

namespace {

// Notes every glyph the pieces of `pages` draw as used by `faces`.
void use_pages(pdf::FontSet& fonts, pdf::DocumentFaces& faces,
               const std::vector<typeset::Page>& pages) {
  for (const typeset::Page& page : pages) {
    for (const typeset::Line& line : page.lines) {
      for (const typeset::Piece& piece : line.pieces) {
        const std::string text = cairo_text(piece.text);
        faces.use(fonts.shape(text, piece.style), text);
      }
    }
    for (const typeset::Piece& piece : page.extras) {
      const std::string text = cairo_text(piece.text);
      faces.use(fonts.shape(text, piece.style), text);
    }
  }
}

} // namespace

std::string pdf::pages_to_pdf(const std::vector<typeset::Page>& pages,
                              const layout::Metadata& metadata, std::string_view source,
                              const std::vector<layout::Picture>* pictures,
                              const std::vector<const std::vector<typeset::Page>*>& next) {
  pdf::FontSet& fonts = pdf::FontSet::for_thread();
  const layout::Metadata& doc_metadata = metadata; // the properties and dates
  std::string out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
      write_to_string, &out, typeset::Geometry::page_width, typeset::Geometry::page_height);
  cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5);
  // Properties and dates: the document's own, never the clock (cairo would write now).
  const std::string stamp =
      docx::w3cdtf(docx::package_timestamp(doc_metadata, util::source_date_epoch()));
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                 cairo_text(doc_metadata.title).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR,
                                 cairo_text(doc_metadata.author).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "planctl");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, stamp.c_str());
  // The glyphs each face must hold, before any face is cut down to them: this document's and
  // those of the documents drawn next, so that one cut serves them all.
  pdf::DocumentFaces faces;
  use_pages(fonts, faces, pages);
  for (const std::vector<typeset::Page>* later : next) {
    use_pages(fonts, faces, *later);
  }
  // Every picture's surface made before drawing, so that a photo cairo refuses stops here.
  static const std::vector<layout::Picture> no_pictures;
  pdf::PictureSurfaces images(pictures != nullptr ? *pictures : no_pictures);
  try {
    for (const typeset::Page& page : pages) {
      for (const typeset::Image& image : page.images) {
        images.get(image.picture);
      }
    }
  } catch (...) {
    cairo_surface_destroy(surface);
    throw;
  }
  cairo_t* cr = cairo_create(surface);
  for (const typeset::Page& page : pages) {
    // Each page's own size (A4 landscape for a wide attachment table), set before it is drawn.
    const typeset::Frame frame = typeset::Frame::of(page.landscape);
    cairo_pdf_surface_set_size(surface, frame.page_width, frame.page_height);
    draw_rules(cr, page.rules);
    for (const typeset::Line& line : page.lines) {
      for (const typeset::Piece& piece : line.pieces) {
        draw_piece(cr, fonts, faces, piece);
      }
    }
    for (const typeset::Piece& piece : page.extras) {
      draw_piece(cr, fonts, faces, piece);
    }
    pdf::draw_images(cr, page.images, images);
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(std::string("cannot write the PDF: ") +
                             cairo_status_to_string(status));
  }
  // Each JPEG drawn must be an image of its own bytes (an image dictionary line as cairo writes
  // it; text and properties never hold a raw newline).
  constexpr std::string_view dct_filter = "\n   /Filter /DCTDecode\n";
  std::size_t dct = 0;
  for (std::size_t at = out.find(dct_filter); at != std::string::npos;
       at = out.find(dct_filter, at + 1)) {
    ++dct;
  }
  if (pictures != nullptr && dct != images.jpegs()) {
    throw std::runtime_error("cannot embed a JPEG photo as it is (cairo could not read its "
                             "header); save it again as a baseline JPEG");
  }
  // Compact (cairo's dictionaries in object streams), with the plan file attached.
  std::optional<std::string> small = pdf::compact(out, source);
  if (!small) {
    throw std::runtime_error("cannot finish the PDF: cairo wrote a file of unexpected structure");
  }
  return std::move(*small);
}

} // namespace planctl::write
