#include <planctl/layout/code_points.hpp>
#include <planctl/layout/paragraphs.hpp>
#include <planctl/util/utf8.hpp>

namespace planctl::layout {

namespace {

bool is_blank_char(char32_t cp) {
  return cp == U' ' || cp == U'\t' || cp == 0x3000;
}

// Appends `line` to `paragraph` with the joining rule: no space next to Chinese characters.
void join_into(std::string& paragraph, std::string_view line) {
  if (line.empty()) {
    return;
  }
  if (!paragraph.empty() && !util::is_chinese_char(last_code_point(paragraph)) &&
      !util::is_chinese_char(first_code_point(line))) {
    paragraph += ' ';
  }
  paragraph += line;
}

// Splits `text` into lines at `\n`, `\r\n` and `\r`.
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      lines.push_back(text.substr(begin, i - begin));
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
      begin = i + 1;
    }
  }
  lines.push_back(text.substr(begin));
  return lines;
}

// `text` without blanks (space, tab, U+3000) at either end.
std::string_view trim_view(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t pos = begin;
    if (!is_blank_char(util::next_code_point(text, pos))) {
      break;
    }
    begin = pos;
  }
  std::string_view rest = text.substr(begin);
  while (!rest.empty() && is_blank_char(last_code_point(rest))) {
    rest = drop_last_code_point(rest);
  }
  return rest;
}

} // namespace

std::string trim(std::string_view text) {
  return std::string(trim_view(text));
}

std::vector<std::string> split_paragraphs(std::string_view text) {
  std::vector<std::string> paragraphs;
  std::string current;
  for (const std::string_view raw : lines_of(text)) {
    const std::string_view line = trim_view(raw);
    if (line.empty()) {
      if (!current.empty()) {
        paragraphs.push_back(std::move(current));
        current.clear();
      }
      continue;
    }
    join_into(current, line);
  }
  if (!current.empty()) {
    paragraphs.push_back(std::move(current));
  }
  return paragraphs;
}

std::string join_lines(std::string_view text) {
  std::string out;
  for (const std::string& paragraph : split_paragraphs(text)) {
    join_into(out, paragraph);
  }
  return out;
}

} // namespace planctl::layout
