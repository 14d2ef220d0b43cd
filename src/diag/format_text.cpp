#include <planctl/diag/format.hpp>
#include <planctl/util/utf8.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <utility>
#include <vector>

namespace planctl::diag {

namespace {

constexpr std::string_view k_reset = "\x1b[0m";
constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_red = "\x1b[1;31m";
constexpr std::string_view k_magenta = "\x1b[1;35m";
constexpr std::string_view k_green = "\x1b[1;32m";

// A source line longer than this many characters is shown as a window around the column, so
// that a 50,000-character text on one line does not flood the terminal.
constexpr std::size_t k_window = 160;

// The most bytes of source lines shown under one file's findings. A window of 160 wide
// characters and its caret line take up to 1 KB, and each of the 200 findings listed may carry
// a note with a window of its own: without a budget the excerpts alone could pass the 256 KiB
// a file's findings keep to (k_findings_bytes). Past it, the file's remaining findings are
// listed without source lines; the first 30 or more findings always get theirs.
constexpr std::size_t k_excerpt_bytes = 64 * 1024;

using Range = std::pair<char32_t, char32_t>;

// Combining marks and zero-width characters: they take no cell of their own.
constexpr std::array k_zero_width = {
    Range{0x0300, 0x036F},   Range{0x0483, 0x0489}, Range{0x0591, 0x05BD}, Range{0x0610, 0x061A},
    Range{0x064B, 0x065F},   Range{0x1AB0, 0x1AFF}, Range{0x1DC0, 0x1DFF}, Range{0x200B, 0x200F},
    Range{0x202A, 0x202E},   Range{0x2060, 0x2064}, Range{0x20D0, 0x20FF}, Range{0x302A, 0x302D},
    Range{0x3099, 0x309A},   Range{0xFE00, 0xFE0F}, Range{0xFE20, 0xFE2F}, Range{0xFEFF, 0xFEFF},
    Range{0xE0100, 0xE01EF},
};

// East Asian Wide (W) and Fullwidth (F) ranges of Unicode's EastAsianWidth.txt, merged where
// the gaps are unassigned; terminals draw these two cells wide.
constexpr std::array k_wide = {
    Range{0x1100, 0x115F},   Range{0x231A, 0x231B},   Range{0x2329, 0x232A},
    Range{0x23E9, 0x23EC},   Range{0x23F0, 0x23F0},   Range{0x23F3, 0x23F3},
    Range{0x25FD, 0x25FE},   Range{0x2614, 0x2615},   Range{0x2648, 0x2653},
    Range{0x267F, 0x267F},   Range{0x2693, 0x2693},   Range{0x26A1, 0x26A1},
    Range{0x26AA, 0x26AB},   Range{0x26BD, 0x26BE},   Range{0x26C4, 0x26C5},
    Range{0x26CE, 0x26CE},   Range{0x26D4, 0x26D4},   Range{0x26EA, 0x26EA},
    Range{0x26F2, 0x26F3},   Range{0x26F5, 0x26F5},   Range{0x26FA, 0x26FA},
    Range{0x26FD, 0x26FD},   Range{0x2705, 0x2705},   Range{0x270A, 0x270B},
    Range{0x2728, 0x2728},   Range{0x274C, 0x274C},   Range{0x274E, 0x274E},
    Range{0x2753, 0x2755},   Range{0x2757, 0x2757},   Range{0x2795, 0x2797},
    Range{0x27B0, 0x27B0},   Range{0x27BF, 0x27BF},   Range{0x2B1B, 0x2B1C},
    Range{0x2B50, 0x2B50},   Range{0x2B55, 0x2B55},   Range{0x2E80, 0x303E},
    Range{0x3041, 0x33FF},   Range{0x3400, 0x4DBF},   Range{0x4E00, 0x9FFF},
    Range{0xA000, 0xA4CF},   Range{0xA960, 0xA97F},   Range{0xAC00, 0xD7A3},
    Range{0xF900, 0xFAFF},   Range{0xFE10, 0xFE19},   Range{0xFE30, 0xFE6F},
    Range{0xFF00, 0xFF60},   Range{0xFFE0, 0xFFE6},   Range{0x16FE0, 0x16FE4},
    Range{0x17000, 0x18CFF}, Range{0x1B000, 0x1B2FF}, Range{0x1F004, 0x1F004},
    Range{0x1F0CF, 0x1F0CF}, Range{0x1F18E, 0x1F18E}, Range{0x1F191, 0x1F19A},
    Range{0x1F200, 0x1F265}, Range{0x1F300, 0x1F320}, Range{0x1F32D, 0x1F335},
    Range{0x1F337, 0x1F37C}, Range{0x1F37E, 0x1F393}, Range{0x1F3A0, 0x1F3CA},
    Range{0x1F3CF, 0x1F3D3}, Range{0x1F3E0, 0x1F3F0}, Range{0x1F3F4, 0x1F3F4},
    Range{0x1F3F8, 0x1F43E}, Range{0x1F440, 0x1F440}, Range{0x1F442, 0x1F4FC},
    Range{0x1F4FF, 0x1F53D}, Range{0x1F54B, 0x1F54E}, Range{0x1F550, 0x1F567},
    Range{0x1F57A, 0x1F57A}, Range{0x1F595, 0x1F596}, Range{0x1F5A4, 0x1F5A4},
    Range{0x1F5FB, 0x1F64F}, Range{0x1F680, 0x1F6C5}, Range{0x1F6CC, 0x1F6CC},
    Range{0x1F6D0, 0x1F6D2}, Range{0x1F6D5, 0x1F6D7}, Range{0x1F6DC, 0x1F6DF},
    Range{0x1F6EB, 0x1F6EC}, Range{0x1F6F4, 0x1F6FC}, Range{0x1F7E0, 0x1F7EB},
    Range{0x1F7F0, 0x1F7F0}, Range{0x1F90C, 0x1F93A}, Range{0x1F93C, 0x1F945},
    Range{0x1F947, 0x1F9FF}, Range{0x1FA70, 0x1FAFF}, Range{0x20000, 0x2FFFD},
    Range{0x30000, 0x3FFFD},
};

template <std::size_t N> bool in_ranges(const std::array<Range, N>& ranges, char32_t cp) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), cp,
                             [](char32_t c, const Range& r) { return c < r.first; });
  return it != ranges.begin() && cp <= std::prev(it)->second;
}

bool is_control(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

// The bytes of line `line` (1-based) of `source` without its line end, or std::nullopt.
// A byte-order mark opening the file is not part of line 1: columns are counted without it.
// After a final line end there is one more, empty line: parsers report end-of-file there.
std::optional<std::string_view> find_line(std::string_view source, int line) {
  if (line < 1) {
    return std::nullopt;
  }
  if (source.starts_with("\xEF\xBB\xBF")) {
    source.remove_prefix(3);
  }
  std::size_t begin = 0;
  for (int n = 1; n < line; ++n) {
    const std::size_t nl = source.find('\n', begin);
    if (nl == std::string_view::npos) {
      return std::nullopt;
    }
    begin = nl + 1;
  }
  std::size_t end = source.find('\n', begin);
  if (end == std::string_view::npos) {
    end = source.size();
  }
  std::string_view text = source.substr(begin, end - begin);
  if (text.ends_with('\r')) {
    text.remove_suffix(1);
  }
  return text;
}

void append_escaped_byte(std::string& out, unsigned char byte) {
  out += fmt::format("\\x{:02X}", byte);
}

std::string_view severity_word(Severity s) {
  return s == Severity::error ? "error" : "warning";
}

// The start of every line of a source text, for repeated look-ups.
class LineIndex {
public:
  explicit LineIndex(std::string_view source) : m_source(source) {
    if (m_source.starts_with("\xEF\xBB\xBF")) {
      m_source.remove_prefix(3);
    }
    m_starts.push_back(0);
    for (std::size_t nl = m_source.find('\n'); nl != std::string_view::npos;
         nl = m_source.find('\n', nl + 1)) {
      m_starts.push_back(nl + 1);
    }
  }

  // The text of line `n` (1-based) without its line end, as find_line() gives it.
  std::optional<std::string_view> line(int n) const {
    if (n < 1 || static_cast<std::size_t>(n) > m_starts.size()) {
      return std::nullopt;
    }
    const std::size_t begin = m_starts[static_cast<std::size_t>(n) - 1];
    std::size_t end = static_cast<std::size_t>(n) < m_starts.size()
                          ? m_starts[static_cast<std::size_t>(n)] - 1
                          : m_source.size();
    std::string_view text = m_source.substr(begin, end - begin);
    if (text.ends_with('\r')) {
      text.remove_suffix(1);
    }
    return text;
  }

private:
  std::string_view m_source;
  std::vector<std::size_t> m_starts;
};

// The excerpt for `mark` given the text of its line.
std::string excerpt_of_line(std::string_view line, util::Mark mark, bool color) {
  // Decode once: the shown text and the caret prefix are built from the same characters.
  std::vector<char32_t> chars;
  chars.reserve(line.size());
  for (std::size_t pos = 0; pos < line.size();) {
    chars.push_back(util::next_code_point(line, pos));
  }
  const std::size_t column = mark.column > 0 ? static_cast<std::size_t>(mark.column) - 1 : 0;
  std::size_t first = 0;
  std::size_t last = chars.size();
  if (chars.size() > k_window) {
    first = column > k_window / 2 ? std::min(column - k_window / 2, chars.size() - k_window) : 0;
    last = first + k_window;
  }
  std::string shown;
  std::string prefix;
  if (first > 0) {
    shown += "...";
    prefix += "   ";
  }
  const std::size_t caret_at = std::min(column, last);
  for (std::size_t i = first; i < last; ++i) {
    char32_t cp = chars[i];
    if (cp == '\t') {
      shown += '\t';
    } else {
      // Control characters would act on the terminal; show them as one replacement cell.
      if (is_control(cp)) {
        cp = 0xFFFD;
      }
      util::append_utf8(shown, cp);
    }
    if (i < caret_at) {
      if (cp == '\t') {
        prefix += '\t';
      } else {
        prefix.append(static_cast<std::size_t>(display_width(cp)), ' ');
      }
    }
  }
  if (last < chars.size()) {
    shown += "...";
  }
  const std::string number = std::to_string(mark.line);
  const std::string gutter(std::max<std::size_t>(number.size(), 4), ' ');
  std::string out = fmt::format("{:>{}} | {}\n", number, gutter.size(), shown);
  out += fmt::format("{} | {}{}^{}\n", gutter, prefix, color ? k_green : "", color ? k_reset : "");
  return out;
}

} // namespace

int display_width(char32_t cp) {
  if (in_ranges(k_zero_width, cp)) {
    return 0;
  }
  return in_ranges(k_wide, cp) ? 2 : 1;
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = util::next_code_point(text, pos);
    if (cp == 0xFFFD && pos == start + 1 && static_cast<unsigned char>(text[start]) >= 0x80) {
      append_escaped_byte(out, static_cast<unsigned char>(text[start]));
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (is_control(cp)) {
      if (cp < 0x80) {
        append_escaped_byte(out, static_cast<unsigned char>(cp));
      } else {
        out += fmt::format("\\u{:04X}", static_cast<unsigned>(cp));
      }
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

std::string source_excerpt(std::string_view source, util::Mark mark, bool color) {
  const std::optional<std::string_view> line = find_line(source, mark.line);
  return line ? excerpt_of_line(*line, mark, color) : std::string{};
}

namespace {

std::string location_of(const std::string& file, util::Mark mark) {
  std::string location = printable(file);
  if (mark.known()) {
    location += fmt::format(":{}:{}", mark.line, std::max(mark.column, 1));
  }
  return location + ':';
}

// The finding's own line, without its excerpt and notes.
std::string headline(const Diagnostic& d, const TextStyle& style) {
  const std::string location = location_of(d.file, d.mark);
  const std::string_view sev_color = d.severity == Severity::error ? k_red : k_magenta;
  if (style.color) {
    return fmt::format("{}{}{} {}{}:{} {} [{}]\n", k_bold, location, k_reset, sev_color,
                       severity_word(d.severity), k_reset, printable(d.text(style.lang)), d.rule());
  }
  return fmt::format("{} {}: {} [{}]\n", location, severity_word(d.severity),
                     printable(d.text(style.lang)), d.rule());
}

// A note's line, as compilers write theirs: at its own place, after the finding.
std::string note_line(const Diagnostic& d, const Note& n, const TextStyle& style) {
  const std::string location = location_of(d.file, n.mark);
  if (style.color) {
    return fmt::format("{}{}{} {}note:{} {}\n", k_bold, location, k_reset, k_bold, k_reset,
                       printable(n.text(style.lang)));
  }
  return fmt::format("{} note: {}\n", location, printable(n.text(style.lang)));
}

} // namespace

std::string format_text(const Diagnostic& d, std::string_view source, const TextStyle& style) {
  std::string out = headline(d, style);
  if (style.source && d.mark.known()) {
    out += source_excerpt(source, d.mark, style.color);
  }
  for (const Note& n : d.notes) {
    out += note_line(d, n, style);
    if (style.source && n.mark.known()) {
      out += source_excerpt(source, n.mark, style.color);
    }
  }
  return out;
}

std::string format_text(std::span<const FileResult> results, const TextStyle& style) {
  std::string out;
  for (const FileResult& r : results) {
    // Index the lines once per file: a big file with many findings must not be rescanned
    // from the start for each one.
    const LineIndex lines(style.source && !r.diagnostics.empty() ? r.source : std::string_view{});
    std::size_t shown = 0; // bytes of excerpts for this file
    const auto excerpt = [&](util::Mark mark) {
      if (style.source && mark.known() && shown < k_excerpt_bytes) {
        if (const auto line = lines.line(mark.line)) {
          const std::string text = excerpt_of_line(*line, mark, style.color);
          shown += text.size();
          out += text;
        }
      }
    };
    for (const Diagnostic& d : r.diagnostics.items()) {
      out += headline(d, style);
      excerpt(d.mark);
      for (const Note& n : d.notes) {
        out += note_line(d, n, style);
        excerpt(n.mark);
      }
    }
  }
  return out;
}

std::string format_summary(const Counts& c, bool strict, Lang lang) {
  (void)strict; // the failing count already reflects --strict
  const bool clean = c.errors == 0 && c.warnings == 0 && c.unreadable == 0 &&
                     c.internal_errors == 0 && c.failed_files == 0;
  if (lang == Lang::zh) {
    std::string out = fmt::format("已检查 {} 个文件：", c.files);
    if (clean) {
      return out + "没有发现问题\n";
    }
    out += fmt::format("{} 个错误，{} 个警告", c.errors, c.warnings);
    std::vector<std::string> notes;
    if (c.failed_files > 0) {
      notes.push_back(fmt::format("{} 个文件未通过", c.failed_files));
    }
    if (c.unreadable > 0) {
      notes.push_back(fmt::format("{} 个文件无法读取", c.unreadable));
    }
    if (c.internal_errors > 0) {
      notes.push_back(fmt::format("planctl 处理 {} 个文件时出现内部错误", c.internal_errors));
    }
    if (!notes.empty()) {
      out += "（";
      for (std::size_t i = 0; i < notes.size(); ++i) {
        out += (i ? "，" : "") + notes[i];
      }
      out += "）";
    }
    return out + "\n";
  }
  auto plural = [](std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
  };
  std::string out = plural(c.files, "file", "files") + " checked: ";
  if (clean) {
    return out + "no problems found\n";
  }
  out += plural(c.errors, "error", "errors") + ", " + plural(c.warnings, "warning", "warnings");
  std::vector<std::string> notes;
  if (c.failed_files > 0) {
    notes.push_back(plural(c.failed_files, "file fails", "files fail"));
  }
  if (c.unreadable > 0) {
    notes.push_back(fmt::format("{} could not be read", c.unreadable));
  }
  if (c.internal_errors > 0) {
    notes.push_back(fmt::format("planctl failed on {}", c.internal_errors));
  }
  if (!notes.empty()) {
    out += " (";
    for (std::size_t i = 0; i < notes.size(); ++i) {
      out += (i ? ", " : "") + notes[i];
    }
    out += ")";
  }
  return out + "\n";
}

} // namespace planctl::diag
