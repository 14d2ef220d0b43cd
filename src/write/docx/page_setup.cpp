#include <planctl/util/utf8.hpp>
#include <planctl/write/docx/page_setup.hpp>
#include <planctl/write/docx/xml_writer.hpp>

#include <string>

namespace planctl::write::docx {

int half_char_units(std::string_view text) {
  int units = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = util::next_code_point(text, pos);
    // The text output's rule, so that both put the signature in the same place: printable
    // ASCII and half-width katakana are half-width in 仿宋_GB2312; everything else, including
    // “ ” — … under the East Asian hint, is a whole character.
    const bool half = (cp >= 0x20 && cp < 0x7F) || (cp >= 0xFF61 && cp <= 0xFF9F);
    units += half ? 1 : 2;
  }
  return units;
}

int units_to_twips(int units) {
  return (units * k_char_pitch + 1) / 2;
}

void write_section(XmlWriter& w, const SectionKind& kind) {
  w.open("w:sectPr");
  if (kind.imprint) {
    w.leaf("w:footerReference", {{"w:type", "default"}, {"r:id", "rId6"}});
    w.leaf("w:footerReference", {{"w:type", "even"}, {"r:id", "rId6"}});
    w.leaf("w:type", {{"w:val", "evenPage"}});
  } else {
    w.leaf("w:footerReference", {{"w:type", "default"}, {"r:id", "rId4"}});
    w.leaf("w:footerReference", {{"w:type", "even"}, {"r:id", "rId5"}});
  }
  if (kind.landscape) {
    w.leaf("w:pgSz", {{"w:w", std::to_string(k_page_height)},
                      {"w:h", std::to_string(k_page_width)},
                      {"w:orient", "landscape"}});
  } else {
    w.leaf("w:pgSz",
           {{"w:w", std::to_string(k_page_width)}, {"w:h", std::to_string(k_page_height)}});
  }
  w.leaf("w:pgMar", {{"w:top", std::to_string(k_margin_top)},
                     {"w:right", std::to_string(k_margin_right)},
                     {"w:bottom", std::to_string(k_margin_bottom)},
                     {"w:left", std::to_string(k_margin_left)},
                     {"w:header", std::to_string(k_header_distance)},
                     {"w:footer", std::to_string(k_footer_distance)},
                     {"w:gutter", "0"}});
  w.leaf("w:cols", {{"w:space", "425"}});
  // A line grid only: a linesAndChars grid that Word honours makes LibreOffice give each
  // character two cells (docs/docx.md); the 28 characters come from the condensed pitch.
  w.leaf("w:docGrid", {{"w:type", "lines"}, {"w:linePitch", std::to_string(k_line_pitch)}});
  if (kind.imprint) {
    // §7.4.1: the last rule of the 版记 lies on the bottom edge of the type area.
    w.leaf("w:vAlign", {{"w:val", "bottom"}});
  }
  w.close();
  w.newline();
}

} // namespace planctl::write::docx
