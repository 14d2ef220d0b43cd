#include <planctl/util/utf8.hpp>
#include <planctl/write/docx/page_setup.hpp>

namespace planctl::write::docx {

int half_char_units(std::string_view text) {
  int units = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = util::next_code_point(text, pos);
    // General Punctuation (“ ” — …) is set full-width because runs carry the East Asian hint.
    const bool half = cp < 0x2000 || (cp >= 0xFF61 && cp <= 0xFFDC);
    units += half ? 1 : 2;
  }
  return units;
}

int units_to_twips(int units) {
  return (units * k_char_pitch + 1) / 2;
}

} // namespace planctl::write::docx
