#include <planctl/layout/code_points.hpp>
#include <planctl/layout/punctuation.hpp>
#include <planctl/util/utf8.hpp>

#include <algorithm>
#include <vector>

namespace planctl::layout {

namespace {

struct CodePoint {
  char32_t cp = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The full-width form of a mark that may be converted, or 0.
const char* full_width_of(char32_t cp) {
  switch (cp) {
  case U',':
    return "，";
  case U';':
    return "；";
  case U':':
    return "：";
  case U'(':
    return "（";
  case U')':
    return "）";
  case U'?':
    return "？";
  case U'!':
    return "！";
  default:
    return nullptr;
  }
}

std::vector<CodePoint> decode_all(std::string_view text) {
  std::vector<CodePoint> out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    CodePoint c;
    c.begin = pos;
    c.cp = util::next_code_point(text, pos);
    c.end = pos;
    out.push_back(c);
  }
  return out;
}

bool is_space(char32_t cp) {
  return cp == U' ' || cp == U'\t' || cp == 0x3000;
}

std::string_view trim_end(std::string_view text) {
  while (!text.empty() && is_space(last_code_point(text))) {
    text = drop_last_code_point(text);
  }
  return text;
}

bool is_closing_quote(char32_t cp) {
  return cp == U'”' || cp == U'’' || cp == U'」' || cp == U'』' || cp == U'）' || cp == U'"' ||
         cp == U'\'';
}

bool is_terminal(char32_t cp) {
  return cp == U'。' || cp == U'！' || cp == U'？' || cp == U'；' || cp == U'…' || cp == U'!' ||
         cp == U'?' || cp == U';';
}

} // namespace

std::string normalize_punctuation(std::string_view text) {
  // Every mark that may be converted is ASCII, and an ASCII byte is always a character of its
  // own in UTF-8 (or, ill-formed around it, still decodes as itself): most texts have none.
  if (std::none_of(text.begin(), text.end(), [](char c) {
        return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '?' || c == '!';
      })) {
    return std::string(text);
  }
  const std::vector<CodePoint> cps = decode_all(text);
  const std::size_t n = cps.size();
  constexpr std::size_t none = static_cast<std::size_t>(-1);

  // Runs of convertible marks, and whether each touches a Chinese character.
  std::vector<std::size_t> run_of(n, none);
  std::vector<std::pair<std::size_t, std::size_t>> runs; // [begin, end) in code points
  std::vector<char> run_chinese;
  for (std::size_t i = 0; i < n;) {
    if (full_width_of(cps[i].cp) == nullptr) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && full_width_of(cps[j].cp) != nullptr) {
      run_of[j] = runs.size();
      ++j;
    }
    const bool before = i > 0 && util::is_chinese_char(cps[i - 1].cp);
    const bool after = j < n && util::is_chinese_char(cps[j].cp);
    runs.emplace_back(i, j);
    run_chinese.push_back(before || after ? 1 : 0);
    i = j;
  }
  if (runs.empty()) {
    return std::string(text);
  }

  // ASCII brackets paired by nesting, so that a converted bracket never faces a half-width one.
  std::vector<std::size_t> partner(n, none);
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < n; ++i) {
    if (cps[i].cp == U'(') {
      open.push_back(i);
    } else if (cps[i].cp == U')' && !open.empty()) {
      partner[i] = open.back();
      partner[open.back()] = i;
      open.pop_back();
    }
  }

  // Converting a run converts its brackets' partners, and with them their runs: a worklist
  // keeps this linear even for deeply nested brackets.
  std::vector<char> converted(runs.size(), 0);
  std::vector<std::size_t> work;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    if (run_chinese[r] != 0) {
      converted[r] = 1;
      work.push_back(r);
    }
  }
  while (!work.empty()) {
    const std::size_t r = work.back();
    work.pop_back();
    for (std::size_t i = runs[r].first; i < runs[r].second; ++i) {
      if (partner[i] == none) {
        continue;
      }
      const std::size_t other = run_of[partner[i]];
      if (converted[other] == 0) {
        converted[other] = 1;
        work.push_back(other);
      }
    }
  }

  std::string out;
  out.reserve(text.size() + text.size() / 4);
  for (std::size_t i = 0; i < n; ++i) {
    if (run_of[i] != none && converted[run_of[i]] != 0) {
      out += full_width_of(cps[i].cp);
    } else {
      out.append(text.substr(cps[i].begin, cps[i].end - cps[i].begin));
    }
  }
  return out;
}

bool ends_in_terminal_punctuation(std::string_view text) {
  text = trim_end(text);
  // A quotation that ends a sentence keeps the full stop inside: `……。”` is terminal.
  while (!text.empty() && is_closing_quote(last_code_point(text))) {
    text = drop_last_code_point(text);
  }
  return !text.empty() && is_terminal(last_code_point(text));
}

std::string run_in_title_end(std::string_view title) {
  const std::string_view trimmed = trim_end(title);
  if (ends_in_terminal_punctuation(trimmed)) {
    return {};
  }
  const char32_t last = last_code_point(trimmed);
  // `1.主要措施：一是……` reads right; `：。` never does.
  if (last == U'：' || last == U':') {
    return {};
  }
  return "。";
}

std::string strip_closing_commas(std::string_view text) {
  text = trim_end(text);
  for (char32_t last = last_code_point(text); last == U'，' || last == U',' || last == U'、';
       last = last_code_point(text)) {
    text = trim_end(drop_last_code_point(text));
  }
  return std::string(text);
}

std::string close_sentence(std::string_view text) {
  if (text.empty() || ends_in_terminal_punctuation(text)) {
    return std::string(text);
  }
  std::string closed = strip_closing_commas(text);
  closed += "。";
  return closed;
}

std::string strip_closing_full_stop(std::string_view title) {
  title = trim_end(title);
  while (!title.empty() && last_code_point(title) == U'。') {
    title = trim_end(drop_last_code_point(title));
  }
  return std::string(title);
}

} // namespace planctl::layout
