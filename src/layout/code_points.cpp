#include <planctl/layout/code_points.hpp>
#include <planctl/util/utf8.hpp>

namespace planctl::layout {

namespace {

// Where the last code point starts; the last byte alone when the tail is not well-formed, so
// that a scan from the end agrees with util::next_code_point from the start.
std::size_t last_start(std::string_view text) {
  std::size_t start = text.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80 &&
         text.size() - start < 4) {
    --start;
  }
  std::size_t pos = start;
  util::next_code_point(text, pos);
  return pos == text.size() ? start : text.size() - 1;
}

} // namespace

char32_t first_code_point(std::string_view text) {
  if (text.empty()) {
    return 0;
  }
  std::size_t pos = 0;
  return util::next_code_point(text, pos);
}

char32_t last_code_point(std::string_view text) {
  if (text.empty()) {
    return 0;
  }
  std::size_t pos = last_start(text);
  return util::next_code_point(text, pos);
}

std::string_view drop_last_code_point(std::string_view text) {
  return text.empty() ? text : text.substr(0, last_start(text));
}

} // namespace planctl::layout
