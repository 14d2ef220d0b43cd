// The Markdown writer: GitHub-flavoured Markdown from a layout::Document. Every text that
// comes from the document is escaped so that it reads as plain text in any CommonMark/GFM
// viewer (docs/layout.md, Markdown).
#include <planctl/util/utf8.hpp>
#include <planctl/write/writers.hpp>

#include <string_view>

namespace planctl::write {

namespace {

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// Characters that GFM turns into markup, entities, tables, strikethrough or (on GitHub) math
// wherever they stand: always escaped with a backslash.
bool always_escaped(char c) {
  switch (c) {
  case '\\':
  case '`':
  case '*':
  case '_':
  case '[':
  case ']':
  case '<':
  case '>':
  case '&':
  case '#':
  case '|':
  case '~':
  case '$':
    return true;
  default:
    return false;
  }
}

// Whether `text[at]` is the `.` of a `www.` that GFM would autolink.
bool starts_www_link(std::string_view text, std::size_t at) {
  if (at < 3) {
    return false;
  }
  for (std::size_t i = at - 3; i < at; ++i) {
    if (text[i] != 'w' && text[i] != 'W') {
      return false;
    }
  }
  return at == 3 || !is_ascii_alnum(text[at - 4]);
}

bool is_email_char(char c) {
  return is_ascii_alnum(c) || c == '.' || c == '-' || c == '_' || c == '+';
}

// Text on one line: line breaks become spaces, so a paragraph can never end early or start a
// block of its own.
std::string one_line(std::string_view text) {
  if (text.find_first_of("\r\n") == std::string_view::npos) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' || text[i] == '\n') {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

// `raw` escaped for Markdown inline content; `line_start` when it begins a line, where list
// markers, thematic breaks, setext underlines and indented code also have to be defused.
std::string escape(std::string_view raw, bool line_start) {
  const std::string text = one_line(raw);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t i = 0;
  if (line_start) {
    // Leading blanks would make an indented code block (or be dropped anyway).
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) {
      ++i;
    }
    if (i < text.size() && (text[i] == '-' || text[i] == '+' || text[i] == '=')) {
      out += '\\';
      out += text[i++];
    } else {
      // `1.` or `1)` at the start of a line opens an ordered list.
      std::size_t j = i;
      while (j < text.size() && j - i < 10 && is_ascii_digit(text[j])) {
        ++j;
      }
      if (j > i && j < text.size() && (text[j] == '.' || text[j] == ')')) {
        out.append(text, i, j - i);
        out += '\\';
        out += text[j];
        i = j + 1;
      }
    }
  }
  for (; i < text.size(); ++i) {
    // A run of characters that stay as they are is copied at once.
    std::size_t run = i;
    while (run < text.size() && !always_escaped(text[run]) && text[run] != ':' &&
           text[run] != '.' && text[run] != '@') {
      ++run;
    }
    if (run > i) {
      out.append(text, i, run - i);
      i = run;
      if (i == text.size()) {
        break;
      }
    }
    const char c = text[i];
    if (always_escaped(c)) {
      out += '\\';
      out += c;
    } else if (c == ':' && text.compare(i + 1, 2, "//") == 0) {
      out += "\\:"; // http://, https://, ftp:// autolinks
    } else if (c == '.' && starts_www_link(text, i)) {
      out += "\\.";
    } else if (c == '@' && i > 0 && is_email_char(text[i - 1]) && i + 1 < text.size() &&
               is_ascii_alnum(text[i + 1])) {
      // GFM links e-mail addresses after escapes are resolved, so no backslash can stop it;
      // an empty comment splits the text so the address stays plain text.
      out += "@<!-- -->";
    } else {
      out += c;
    }
  }
  return out;
}

// Whether `cp` can stand right before a closing `**` that is followed by a Chinese
// character: CommonMark closes emphasis there only after a letter or digit, never after
// punctuation, so anything not known to be a letter is treated as punctuation.
bool can_end_strong(char32_t cp) {
  if (cp < 0x80) {
    return is_ascii_alnum(static_cast<char>(cp));
  }
  return util::is_cjk_ideograph(cp) || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
         (cp >= 0x391 && cp <= 0x3C9) || (cp >= 0x410 && cp <= 0x44F) ||
         (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FA) ||
         (cp >= 0xAC00 && cp <= 0xD7A3);
}

// Splits `title` into the part that can be bold and the trailing punctuation that must
// follow the closing `**`.
std::pair<std::string_view, std::string_view> split_strong(std::string_view title) {
  std::size_t end = 0; // byte offset just after the last character that can end the bold
  std::size_t pos = 0;
  while (pos < title.size()) {
    const char32_t cp = util::next_code_point(title, pos);
    if (can_end_strong(cp)) {
      end = pos;
    }
  }
  return {title.substr(0, end), title.substr(end)};
}

// The display width of `text` in ideographic-space units, rounded up (for aligning the
// attachment entries under the first one).
std::size_t label_width(std::string_view text) {
  std::size_t halves = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = util::next_code_point(text, pos);
    halves += (cp >= 0x20 && cp < 0x7F) ? 1 : 2;
  }
  return (halves + 1) / 2;
}

// Whether `cp` is certainly punctuation or whitespace to CommonMark, so that a closing `**`
// right before it closes even after a punctuation mark.
bool closes_after_punctuation(char32_t cp) {
  if (cp == 0) {
    return true; // the end of the line
  }
  if (cp < 0x80) {
    return cp == U' ' || cp == U'\t' ||
           (cp > 0x20 && cp < 0x7F && !is_ascii_alnum(static_cast<char>(cp)));
  }
  return (cp >= 0x3000 && cp <= 0x3003) || (cp >= 0x3008 && cp <= 0x3011) ||
         (cp >= 0x3014 && cp <= 0x301F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
         (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
         (cp >= 0xFF5B && cp <= 0xFF65) || (cp >= 0x2010 && cp <= 0x2027) ||
         (cp >= 0x2030 && cp <= 0x205E);
}

std::string run_in(const layout::Block& block) {
  const std::string follows = block.title_end + block.text;
  std::size_t pos = 0;
  const char32_t next = follows.empty() ? 0 : util::next_code_point(follows, pos);
  const char last = block.title.empty() ? '\0' : block.title.back();
  const bool last_is_ascii_mark =
      last != '\0' && static_cast<unsigned char>(last) < 0x80 && !is_ascii_alnum(last);
  // The whole title can be bold when what follows the closing `**` is punctuation (the usual
  // `。`); otherwise its trailing punctuation has to follow the bold, or `**` would not close.
  auto [strong, tail] = split_strong(block.title);
  if (!strong.empty() && closes_after_punctuation(next) && !last_is_ascii_mark) {
    strong = block.title;
    tail = {};
  }
  std::string out;
  if (strong.empty()) {
    // Nothing letter-like to close the bold after (an untitled item): the number stays plain.
    out += escape(block.number, true);
    out += escape(block.title, block.number.empty());
  } else {
    out += "**";
    out += escape(block.number, false);
    out += escape(strong, false);
    out += "**";
    out += escape(tail, false);
  }
  out += escape(block.title_end, out.empty());
  out += escape(block.text, out.empty());
  return out;
}

std::string attachments(const layout::Block& block) {
  std::string out = escape(block.label, true);
  std::string indent;
  for (std::size_t i = 0, n = label_width(block.label); i < n; ++i) {
    indent += "\u3000";
  }
  for (std::size_t i = 0; i < block.entries.size(); ++i) {
    if (i > 0) {
      // A backslash at the end of a line is GFM's hard line break; the ideographic spaces
      // are not Markdown indentation, so they align the entry without starting a block.
      out += "\\\n";
      out += indent;
    }
    out += escape(block.entries[i], i == 0 ? out.empty() : indent.empty());
  }
  return out;
}

} // namespace

// One plain paragraph of `text`, after a blank line; nothing for an empty text.
void plain_paragraph(std::string& out, std::string_view text) {
  if (text.empty()) {
    return;
  }
  if (!out.empty()) {
    out += '\n';
  }
  out += escape(text, true);
  out += '\n';
}

// Two parts of one line (the number and 签发人, the 印发机关 and 印发日期), as plain text
// separated by two ideographic spaces: GFM cannot spread a line to both margins.
std::string two_parts(std::string_view left, std::string_view right) {
  if (left.empty()) {
    return std::string(right);
  }
  return std::string(left) + "\u3000\u3000" + std::string(right);
}

// A GFM table: the header row, the delimiter row, one row per entry; cells escaped, so a
// `|` in a cell stays text.
std::string gfm_table(const std::vector<std::string>& header,
                      const std::vector<std::vector<std::string>>& rows) {
  const auto row = [&](const std::vector<std::string>& cells) {
    std::string line = "|";
    for (std::size_t c = 0; c < header.size(); ++c) {
      line += ' ';
      line += c < cells.size() ? escape(cells[c], false) : std::string();
      line += " |";
    }
    line += '\n';
    return line;
  };
  std::string out = row(header);
  out += '|';
  for (std::size_t c = 0; c < header.size(); ++c) {
    out += " --- |";
  }
  out += '\n';
  for (const auto& cells : rows) {
    out += row(cells);
  }
  return out;
}

std::string to_markdown(const layout::Document& doc) {
  std::string out;
  if (doc.letterhead) {
    plain_paragraph(out, doc.letterhead->mark);
    plain_paragraph(out, two_parts(doc.letterhead->doc_number,
                                   doc.letterhead->signer.empty()
                                       ? std::string()
                                       : doc.letterhead->signer_label + doc.letterhead->signer));
    out += '\n';
  }
  out += "# ";
  out += escape(doc.title, false);
  out += '\n';
  plain_paragraph(out, doc.recipients);
  for (const layout::Block& block : doc.blocks) {
    std::string paragraph;
    switch (block.kind) {
    case layout::BlockKind::heading:
      paragraph = block.outline_level <= 1 ? "## " : "### ";
      paragraph += escape(block.number, false);
      paragraph += escape(block.title, false);
      break;
    case layout::BlockKind::paragraph:
      paragraph = escape(block.text, true);
      break;
    case layout::BlockKind::run_in:
      paragraph = run_in(block);
      break;
    case layout::BlockKind::attachments:
      paragraph = attachments(block);
      break;
    }
    if (paragraph.empty()) {
      continue;
    }
    out += '\n';
    out += paragraph;
    out += '\n';
  }
  // GFM cannot align right; the signature is its own paragraph, one line each.
  std::string signature = escape(doc.signature.issuer, true);
  if (!doc.signature.date.empty()) {
    if (!signature.empty()) {
      signature += "\\\n";
    }
    signature += escape(doc.signature.date, true);
  }
  if (!signature.empty()) {
    out += '\n';
    out += signature;
    out += '\n';
  }
  plain_paragraph(out, doc.note);
  for (const layout::AttachmentPage& page : doc.attachment_pages) {
    plain_paragraph(out, page.label);
    plain_paragraph(out, page.title);
    out += '\n';
    out += gfm_table(page.header, page.rows);
  }
  if (doc.imprint) {
    plain_paragraph(out, doc.imprint->copy_to);
    if (!doc.imprint->printed_by.empty()) {
      plain_paragraph(out, two_parts(doc.imprint->printed_by, doc.imprint->printed_date));
    }
  }
  return out;
}

std::string to_markdown(const layout::Bulletin& bulletin) {
  std::string out = "# " + escape(bulletin.name, false) + "\n";
  plain_paragraph(out, bulletin.number);
  plain_paragraph(out, two_parts(bulletin.editor, bulletin.date));
  out += "\n---\n"; // the red rule
  for (const layout::NewsSection& section : bulletin.sections) {
    if (!section.school.empty()) {
      out += "\n## " + escape(section.school, false) + "\n";
    }
    for (const layout::NewsItem& item : section.items) {
      std::string headline;
      for (const std::string& line : item.headline_lines) {
        headline += line;
      }
      out += section.school.empty() ? "\n## " : "\n### ";
      out += escape(headline, false);
      out += '\n';
      plain_paragraph(out, item.byline);
      for (const std::string& paragraph : item.paragraphs) {
        plain_paragraph(out, paragraph);
      }
      for (const layout::Figure& figure : item.figures) {
        // The picture is copied beside the document under its content's name.
        std::string target;
        for (const char c : bulletin.pictures.at(figure.picture).name) {
          if (c == '<' || c == '>' || c == '\\') {
            target += '\\';
          }
          target += c;
        }
        out += "\n![" + escape(figure.alt, false) + "](<" + target + ">)\n";
        plain_paragraph(out, figure.caption);
      }
    }
  }
  if (!bulletin.copy_lines.empty()) {
    out += "\n---\n";
    std::string foot;
    for (const layout::CopyLine& line : bulletin.copy_lines) {
      if (!foot.empty()) {
        foot += "\\\n";
      }
      foot += escape(line.label + "：" + line.text, true);
    }
    out += '\n' + foot + '\n';
  }
  return out;
}

} // namespace planctl::write
