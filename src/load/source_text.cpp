#include <planctl/load/source_text.hpp>
#include <planctl/util/utf8.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <cstring>

namespace planctl::load {

LineIndex::LineIndex(std::string_view text) : m_text(text) {
  m_starts.push_back(0);
  for (const char *p = text.data(), *end = text.data() + text.size();
       (p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr;) {
    ++p;
    m_starts.push_back(static_cast<std::size_t>(p - text.data()));
  }
}

std::size_t LineIndex::line_start(int line) const {
  if (line < 1) {
    return 0;
  }
  if (static_cast<std::size_t>(line) > m_starts.size()) {
    return m_text.size();
  }
  return m_starts[line - 1];
}

std::string_view LineIndex::line_text(int line) const {
  if (line < 1 || static_cast<std::size_t>(line) > m_starts.size()) {
    return {};
  }
  const std::size_t begin = m_starts[line - 1];
  std::size_t end =
      static_cast<std::size_t>(line) < m_starts.size() ? m_starts[line] - 1 : m_text.size();
  if (end > begin && m_text[end - 1] == '\r') {
    --end;
  }
  return m_text.substr(begin, end - begin);
}

util::Mark LineIndex::mark_at(std::size_t offset) const {
  offset = std::min(offset, m_text.size());
  const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
  const int line = static_cast<int>(it - m_starts.begin());
  return mark_at(line, offset - m_starts[line - 1]);
}

util::Mark LineIndex::mark_at(int line, std::size_t byte_column) const {
  if (line < 1 || static_cast<std::size_t>(line) > m_starts.size()) {
    return util::Mark{line, static_cast<int>(byte_column) + 1};
  }
  const std::size_t start = m_starts[line - 1];
  const std::size_t offset = std::min(start + byte_column, m_text.size());
  std::size_t from = start;
  int column = 1;
  if (line == m_last_line && offset >= m_last_offset && m_last_offset >= start) {
    from = m_last_offset;
    column = m_last_column;
  }
  column += static_cast<int>(util::count_code_points(m_text.substr(from, offset - from)));
  m_last_line = line;
  m_last_offset = offset;
  m_last_column = column;
  return util::Mark{line, column};
}

bool looks_like_gb18030(std::string_view bytes) {
  const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  bool multibyte = false;
  for (std::size_t i = 0; i < n;) {
    if (b[i] < 0x80) {
      ++i;
      continue;
    }
    if (b[i] == 0x80 || b[i] == 0xFF || i + 1 >= n) {
      return false;
    }
    const unsigned char b1 = b[i + 1];
    if ((b1 >= 0x40 && b1 <= 0x7E) || (b1 >= 0x80 && b1 <= 0xFE)) {
      i += 2;
    } else if (b1 >= 0x30 && b1 <= 0x39 && i + 3 < n && b[i + 2] >= 0x81 && b[i + 2] <= 0xFE &&
               b[i + 3] >= 0x30 && b[i + 3] <= 0x39) {
      i += 4;
    } else {
      return false;
    }
    multibyte = true;
  }
  return multibyte;
}

namespace {

std::string code_point_name(unsigned char c) {
  return fmt::format("U+{:04X}", c);
}

// Whether the line (comment and line end removed) ends in a block scalar indicator `|` or `>`
// (with optional chomping and indentation indicators) standing where a value can start.
bool opens_block_scalar(std::string_view line) {
  if (const std::size_t hash = line.find(" #"); hash != std::string_view::npos) {
    line = line.substr(0, hash);
  }
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
    line.remove_suffix(1);
  }
  const std::size_t space = line.find_last_of(" \t");
  std::string_view token = space == std::string_view::npos ? line : line.substr(space + 1);
  if (token.empty() || (token[0] != '|' && token[0] != '>') || token.size() > 3 ||
      token.substr(1).find_first_not_of("+-123456789") != std::string_view::npos) {
    return false;
  }
  std::string_view before =
      space == std::string_view::npos ? std::string_view{} : line.substr(0, space);
  // Skip node properties (`&anchor`, `!tag`) written before the indicator.
  while (true) {
    while (!before.empty() && (before.back() == ' ' || before.back() == '\t')) {
      before.remove_suffix(1);
    }
    const std::size_t sp = before.find_last_of(" \t");
    const std::string_view last = sp == std::string_view::npos ? before : before.substr(sp + 1);
    if (!last.empty() && (last[0] == '&' || last[0] == '!')) {
      before = sp == std::string_view::npos ? std::string_view{} : before.substr(0, sp);
      continue;
    }
    break;
  }
  if (before.find_first_not_of(" \t") == std::string_view::npos) {
    return true;
  }
  if (before.back() == ':') {
    return true;
  }
  // A list entry: `- |`.
  return before.back() == '-' && (before.size() == 1 || before[before.size() - 2] == ' ' ||
                                  before[before.size() - 2] == '\t');
}

// Reports tabs in the indentation of lines outside block scalars; returns whether any.
bool check_tabs(const LineIndex& lines, Reporter& report) {
  bool found = false;
  bool in_block = false;
  std::size_t block_parent = 0;
  for (int line = 1; line <= lines.line_count(); ++line) {
    const std::string_view s = lines.line_text(line);
    std::size_t spaces = 0;
    while (spaces < s.size() && s[spaces] == ' ') {
      ++spaces;
    }
    std::size_t first = spaces;
    while (first < s.size() && (s[first] == ' ' || s[first] == '\t')) {
      ++first;
    }
    const bool blank = first == s.size();
    if (in_block) {
      // Inside a `|` or `>` block a tab after the block's indentation is part of the text.
      if (blank || spaces > block_parent) {
        continue;
      }
      in_block = false;
    }
    if (blank || s[first] == '#') {
      continue;
    }
    if (first > spaces) {
      found = true;
      report.add(lines.mark_at(line, spaces), "tab-indent");
    }
    if (opens_block_scalar(s)) {
      in_block = true;
      block_parent = spaces;
    }
  }
  return found;
}

} // namespace

SourceText check_source(std::string_view bytes, Reporter& report) {
  SourceText out;
  if (bytes.size() > k_max_file_bytes) {
    report.add(
        util::Mark{}, "limit-size",
        {{"size", fmt::format("{:.1f}", static_cast<double>(bytes.size()) / (1024 * 1024))}});
    return out;
  }
  const auto byte = [&](std::size_t i) {
    return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0x100u;
  };
  // UTF-16 and UTF-32, with a byte-order mark or (for mostly ASCII text) zero bytes beside
  // every character, are what Windows editors call "Unicode".
  if ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF) ||
      (byte(0) == 0 && byte(1) == 0 && byte(2) == 0xFE && byte(3) == 0xFF) ||
      (bytes.size() >= 4 && ((byte(0) != 0 && byte(1) == 0 && byte(3) == 0) ||
                             (byte(0) == 0 && byte(1) != 0 && byte(2) == 0)))) {
    report.add(util::Mark{1, 1}, "encoding.utf16");
    return out;
  }
  std::string_view text = bytes;
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  const LineIndex lines(text);
  if (const std::size_t bad = util::find_invalid_utf8(text); bad != std::string_view::npos) {
    const util::Mark mark = lines.mark_at(bad);
    // GBK text pasted into a UTF-8 file reads as GB18030 only from where it starts, and a
    // whole GBK file may first fail inside a character; try the file, the line and the rest
    // of the line.
    const std::string_view line = lines.line_text(mark.line);
    const std::size_t line_start = lines.line_start(mark.line);
    const bool gb18030 = looks_like_gb18030(text) || looks_like_gb18030(line) ||
                         looks_like_gb18030(line.substr(bad - line_start));
    report.add(mark, gb18030 ? "encoding.gb18030" : "encoding.invalid",
               {{"line", std::to_string(mark.line)}});
    return out;
  }
  // Most files have no control character: parse the bytes in place and copy only otherwise.
  std::string* blanked = nullptr;
  bool lone_cr = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != 0x7F) {
      continue;
    }
    if (c == '\t' || c == '\n') {
      continue;
    }
    if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') {
        continue;
      }
      if (!lone_cr) {
        const util::Mark mark = lines.mark_at(i);
        report.add(mark, "encoding.lone-cr", {{"line", std::to_string(mark.line)}});
        lone_cr = true;
      }
      continue;
    }
    if (report.capped("control-char")) {
      report.add(util::Mark{}, "control-char");
    } else {
      report.add(lines.mark_at(i), "control-char", {{"code", code_point_name(c)}});
    }
    if (!blanked) {
      auto copy = std::make_unique<std::string>(text);
      blanked = copy.get();
      out.blanked = std::move(copy);
    }
    (*blanked)[i] = ' ';
  }
  out.text = blanked ? std::string_view(*blanked) : text;
  if (lone_cr) {
    return out;
  }
  if (check_tabs(lines, report)) {
    return out;
  }
  out.parseable = true;
  return out;
}

} // namespace planctl::load
