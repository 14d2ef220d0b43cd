#include <planctl/import/text_reader.hpp>
#include <planctl/layout/paragraphs.hpp>
#include <planctl/util/gb18030.hpp>
#include <planctl/util/utf8.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <cctype>

namespace planctl::import {

namespace {

int line_of(std::string_view bytes, std::size_t offset) {
  return 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
}

// The lines of `text` (LF, CRLF or a lone CR end a line), with their 1-based numbers.
template <class F> void for_each_line(std::string_view text, F&& f) {
  int number = 1;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) {
      if (start < text.size()) {
        f(text.substr(start), number);
      }
      break;
    }
    f(text.substr(start, end - start), number++);
    start = end + ((text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1);
  }
}

// `line` without control characters other than tab (which becomes a space): a plan file may not
// hold them, and a form feed or NUL in a text file is never meant as text.
std::string clean(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (char c : line) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\t') {
      out += ' ';
    } else if (u >= 0x20 && u != 0x7F) {
      out += c;
    }
  }
  // U+FEFF inside a line (a second byte-order mark from pasted text) and other invisible marks
  // would survive into the plan file unseen.
  std::string result;
  std::size_t pos = 0;
  while (pos < out.size()) {
    const char32_t cp = util::next_code_point(out, pos);
    if (cp != 0xFEFF && cp != 0x200B && !(cp >= 0x80 && cp < 0xA0)) {
      util::append_utf8(result, cp);
    }
  }
  return layout::trim(result);
}

// Removes Markdown's inline markup from one line: backslash escapes, `**`/`__` emphasis
// markers, `<!-- -->` (planctl's e-mail guard) and `<br>`.
std::string strip_markup(std::string_view line) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\\' && i + 1 < line.size() && static_cast<unsigned char>(line[i + 1]) < 0x80 &&
        std::ispunct(static_cast<unsigned char>(line[i + 1]))) {
      out += line[++i];
    } else if ((c == '*' || c == '_') && i + 1 < line.size() && line[i + 1] == c) {
      ++i;
    } else if (line.compare(i, 8, "<!-- -->") == 0) {
      i += 7;
    } else if (line.compare(i, 4, "<br>") == 0) {
      i += 3;
    } else {
      out += c;
    }
  }
  return out;
}

bool is_blank(std::string_view line) {
  return layout::trim(line).empty();
}

} // namespace

std::string decode_text(std::string_view bytes, TextEncoding* found) {
  if (bytes.size() > k_max_source_bytes) {
    throw ImportError(fmt::format("the document is {} bytes; planctl imports documents of at most "
                                  "{} MiB (a plan file may hold at most 16 MiB)",
                                  bytes.size(), k_max_source_bytes >> 20));
  }
  TextEncoding encoding = TextEncoding::utf8;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    encoding = TextEncoding::utf8_bom;
  }
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    throw ImportError("the document is UTF-16; save it as UTF-8 (or as .docx) and import again");
  }
  std::string text;
  const std::size_t bad = util::find_invalid_utf8(bytes);
  if (bad == std::string_view::npos) {
    text.assign(bytes);
  } else {
    util::Gb18030Result gb = util::gb18030_to_utf8(bytes);
    if (!gb.text) {
      throw ImportError(fmt::format(
          "line {} is neither UTF-8 nor GB18030 text; save the document as UTF-8 text or .docx",
          line_of(bytes, bad)));
    }
    text = std::move(*gb.text);
    encoding = TextEncoding::gb18030;
  }
  if (text.find('\0') != std::string::npos) {
    throw ImportError(fmt::format("line {} holds a NUL byte: the file is not a text document; "
                                  "save it as UTF-8 text or .docx",
                                  line_of(text, text.find('\0'))));
  }
  if (found) {
    *found = encoding;
  }
  return text;
}

SourceDocument read_text(std::string_view bytes, TextEncoding* found) {
  const std::string text = decode_text(bytes, found);
  SourceDocument doc;
  for_each_line(text, [&](std::string_view line, int number) {
    std::string cleaned = clean(line);
    if (!cleaned.empty()) {
      int indent = 0;
      for (std::size_t pos = 0; pos < line.size();) {
        const char32_t c = util::next_code_point(line, pos);
        if (c != U' ' && c != U'\t' && c != 0x3000) {
          break;
        }
        indent += c == 0x3000 ? 2 : 1;
      }
      std::vector<std::string> cells;
      if (line.find('\t') != std::string_view::npos) {
        std::size_t start = 0;
        while (start <= line.size()) {
          std::size_t tab = line.find('\t', start);
          tab = tab == std::string_view::npos ? line.size() : tab;
          cells.push_back(clean(line.substr(start, tab - start)));
          start = tab + 1;
        }
      }
      doc.lines.push_back(SourceLine{std::move(cleaned), number, 0, {}, indent, std::move(cells)});
    }
  });
  return doc;
}

SourceDocument read_markdown(std::string_view bytes) {
  const std::string text = decode_text(bytes);
  SourceDocument doc;
  // A paragraph gathers lines until a blank line or a heading; a hard break ends a line of it.
  std::string pending;
  int pending_line = 0;
  auto flush = [&] {
    std::string joined = clean(layout::join_lines(pending));
    if (!joined.empty()) {
      doc.lines.push_back(SourceLine{std::move(joined), pending_line, 0, {}});
    }
    pending.clear();
  };
  bool in_fence = false;
  for_each_line(text, [&](std::string_view raw, int number) {
    std::string_view line = raw;
    const std::string trimmed = layout::trim(line);
    if (trimmed.rfind("```", 0) == 0 || trimmed.rfind("~~~", 0) == 0) {
      flush();
      in_fence = !in_fence;
      doc.set_aside.push_back(
          SetAside{number, trimmed, "Markdown 代码块标记", "a Markdown code fence"});
      return;
    }
    if (in_fence) {
      if (!trimmed.empty()) {
        doc.set_aside.push_back(SetAside{number, trimmed, "Markdown 代码块", "Markdown code"});
      }
      return;
    }
    if (is_blank(line)) {
      flush();
      return;
    }
    if (trimmed.rfind("<!--", 0) == 0 && trimmed.find("-->") == trimmed.size() - 3) {
      doc.set_aside.push_back(SetAside{number, trimmed, "Markdown 注释", "a Markdown comment"});
      return;
    }
    int level = 0;
    while (level < static_cast<int>(trimmed.size()) && trimmed[level] == '#') {
      ++level;
    }
    if (level >= 1 && level <= 6 && level < static_cast<int>(trimmed.size()) &&
        trimmed[level] == ' ') {
      flush();
      std::string heading = clean(strip_markup(std::string_view(trimmed).substr(level + 1)));
      if (!heading.empty()) {
        doc.lines.push_back(SourceLine{std::move(heading), number, level, {}});
      }
      return;
    }
    const bool hard_break = (!line.empty() && line.back() == '\\') ||
                            (line.size() >= 2 && line.substr(line.size() - 2) == "  ");
    if (!line.empty() && line.back() == '\\') {
      line.remove_suffix(1);
    }
    if (pending.empty()) {
      pending_line = number;
    } else {
      pending += '\n';
    }
    pending += strip_markup(line);
    if (hard_break) {
      flush();
    }
  });
  flush();
  return doc;
}

} // namespace planctl::import
