#include <planctl/util/utf8.hpp>
#include <planctl/write/docx/page_setup.hpp>

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

} // namespace planctl::write::docx
