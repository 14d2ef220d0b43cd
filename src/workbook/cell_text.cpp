#include <planctl/util/utf8.hpp>
#include <planctl/workbook/cell_text.hpp>

#include <algorithm>
#include <limits>

namespace planctl::workbook {

namespace {

// East Asian Wide and Full-width characters, plus the Ambiguous ones that Chinese fonts such
// as 宋体 draw full width (quotes, dashes, `…`, `·`, `×`, circled numbers, shapes, ✓): in a
// Chinese workbook they take the room of an ideograph.
bool is_wide(char32_t cp) {
  // The common cases first: a cell is mostly ASCII and CJK ideographs.
  if (cp < 0xA7) {
    return false;
  }
  if (cp >= 0x4E00 && cp <= 0x9FFF) {
    return true;
  }
  struct Range {
    char32_t first;
    char32_t last;
  };
  static constexpr Range k_wide[] = {
      {0x00A7, 0x00A7}, {0x00B0, 0x00B1},   {0x00B7, 0x00B7},   {0x00D7, 0x00D7},
      {0x00F7, 0x00F7}, {0x1100, 0x115F},   {0x2010, 0x2027},   {0x2030, 0x203B},
      {0x2103, 0x2103}, {0x2116, 0x2116},   {0x2160, 0x217F},   {0x2190, 0x22FF},
      {0x2460, 0x257F}, {0x25A0, 0x27BF},   {0x2E80, 0x303E},   {0x3041, 0x33FF},
      {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xAC00, 0xD7A3},
      {0xF900, 0xFAFF}, {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},
      {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD},
  };
  return std::any_of(std::begin(k_wide), std::end(k_wide),
                     [cp](const Range& r) { return cp >= r.first && cp <= r.last; });
}

// The length of `text` in UTF-16 code units, as Excel counts.
std::size_t utf16_units(std::string_view text) {
  std::size_t units = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    units += util::next_code_point(text, pos) >= 0x10000 ? 2 : 1;
  }
  return units;
}

} // namespace

std::size_t display_width(std::string_view line) {
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < line.size()) {
    // ASCII without decoding: a workbook measures every cell's text (bench/, callgrind).
    if (static_cast<unsigned char>(line[pos]) < 0x80) {
      ++width;
      ++pos;
      continue;
    }
    width += is_wide(util::next_code_point(line, pos)) ? 2 : 1;
  }
  return width;
}

std::size_t widest_line(std::string_view text) {
  std::size_t widest = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    widest = std::max(widest, display_width(text.substr(start, end - start)));
    start = end + 1;
  }
  return widest;
}

double column_width(std::size_t widest, double min_width, double max_width) {
  return std::clamp(static_cast<double>(widest) + 2.0, min_width, max_width);
}

CellText fit_cell_text(std::string_view text, std::size_t limit) {
  CellText out;
  // Count in UTF-16 code units, as Excel does; a character beyond the BMP takes two.
  const std::size_t mark_units = util::count_code_points(k_cut_mark);
  const std::size_t keep_units = limit > mark_units ? limit - mark_units : 0;
  std::size_t units = 0;
  std::size_t kept_bytes = 0; // bytes of `out.text` within keep_units
  const bool valid = util::find_invalid_utf8(text) == std::string_view::npos;
  out.text.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t before = pos;
    const char32_t cp = util::next_code_point(text, pos);
    units += cp >= 0x10000 ? 2 : 1;
    // XML 1.0 has no U+FFFE and U+FFFF (nor C0 controls but tab, LF and CR): written raw they
    // make the workbook's XML ill-formed and Excel refuses the file. Found with
    // tests/cli/safety_hostile.sh's noncharacter plan.
    if (cp == 0xFFFE || cp == 0xFFFF || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r')) {
      util::append_utf8(out.text, 0xFFFD);
    } else if (valid) {
      out.text.append(text.substr(before, pos - before));
    } else {
      util::append_utf8(out.text, cp);
    }
    if (units <= keep_units) {
      kept_bytes = out.text.size();
    }
  }
  out.original = units;
  if (units > limit) {
    out.text.resize(kept_bytes);
    out.text.append(k_cut_mark);
    out.cut = true;
  }
  return out;
}

std::string protect_escapes(std::string_view text) {
  auto is_hex = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && (text[i + 1] == 'x' || text[i + 1] == 'X') &&
        is_hex(text[i + 2]) && is_hex(text[i + 3]) && is_hex(text[i + 4]) && is_hex(text[i + 5]) &&
        text[i + 6] == '_') {
      out += "_x005F";
    }
    out += text[i];
  }
  return out;
}

namespace {

// Whether `text` goes into a cell unchanged: well-formed, nothing XML 1.0 forbids, no
// `_xHHHH_`-like sequence, and so short in bytes that it cannot pass `limit` code units. Most
// cells are; they skip the character-by-character copies below.
bool stored_as_is(std::string_view text, std::size_t limit) {
  if (text.size() > limit || text.find("_x") != std::string_view::npos ||
      text.find("_X") != std::string_view::npos ||
      text.find("\xEF\xBF") != std::string_view::npos) { // U+FFC0..U+FFFF: checked one by one
    return false;
  }
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      return false;
    }
  }
  return util::find_invalid_utf8(text) == std::string_view::npos;
}

} // namespace

CellText stored_cell_text(std::string_view text, std::size_t limit) {
  if (stored_as_is(text, limit)) {
    CellText cell;
    cell.text = std::string(text);
    // Well-formed: one unit per lead byte, two for a 4-byte sequence.
    for (const char ch : text) {
      const auto c = static_cast<unsigned char>(ch);
      cell.original += (c & 0xC0) != 0x80 ? (c >= 0xF0 ? 2 : 1) : 0;
    }
    return cell;
  }
  // Well-formed and uncut first, so that `original` counts the whole text.
  CellText cell = fit_cell_text(text, std::numeric_limits<std::size_t>::max());
  std::string stored = protect_escapes(cell.text);
  if (utf16_units(stored) <= limit) {
    cell.text = std::move(stored);
    return cell;
  }
  // Each escape adds six characters, so the cut is searched for: the longest prefix whose
  // escaped form and the mark fit. Longer prefixes never get shorter, hence bisection.
  std::vector<std::size_t> ends{0}; // byte offset after each code point
  for (std::size_t pos = 0; pos < cell.text.size();) {
    util::next_code_point(cell.text, pos);
    ends.push_back(pos);
  }
  const std::size_t mark_units = utf16_units(k_cut_mark);
  auto fits = [&](std::size_t k) {
    return utf16_units(protect_escapes(std::string_view(cell.text).substr(0, ends[k]))) +
               mark_units <=
           limit;
  };
  std::size_t lo = 0;
  std::size_t hi = ends.size() - 1;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo + 1) / 2;
    if (fits(mid)) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  cell.text = protect_escapes(std::string_view(cell.text).substr(0, ends[lo]));
  cell.text.append(k_cut_mark);
  cell.cut = true;
  return cell;
}

void append_part(std::string& out, std::string_view part, std::string_view separator) {
  // One part is one text of the file (at most 50,000 characters), so the result stays within
  // the limit plus one part.
  if (part.empty() || out.size() > k_join_limit_bytes) {
    return;
  }
  if (!out.empty()) {
    out.append(separator);
  }
  out.append(part);
}

std::string join_nonempty(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    append_part(out, part, separator);
  }
  return out;
}

} // namespace planctl::workbook
