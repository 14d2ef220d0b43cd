// The bulletin's PDF: the bulletin set on the grid (typeset/grid_bulletin.cpp) and drawn with
// its photos by the document PDF's own drawing (pdf_writer.cpp).
#include <planctl/write/pdf/font_set.hpp>
#include <planctl/write/pdf/pages.hpp>
#include <planctl/write/writers.hpp>

namespace planctl::write {

std::string to_pdf(const layout::Bulletin& bulletin) {
  pdf::FontSet& fonts = pdf::FontSet::for_thread();
  const typeset::Measure measure = [&](std::string_view text, const typeset::Style& style) {
    return fonts.shape(text, style).width;
  };
  return pdf::pages_to_pdf(typeset::set_pages(bulletin, measure), bulletin.metadata, {},
                           &bulletin.pictures);
}

} // namespace planctl::write
