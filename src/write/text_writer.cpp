// The DOCX-ready text writer: one paragraph per line, indented with ideographic spaces, and
// the signature placed as GB/T 9704 §7.3.5.2 places an unsealed one (docs/layout.md).
#include <planctl/util/utf8.hpp>
#include <planctl/write/writers.hpp>

#include <algorithm>
#include <string_view>

namespace planctl::write {

namespace {

constexpr std::string_view k_indent = "\u3000\u3000"; // two characters, GB/T 9704 §7.3.3
constexpr long k_line_halves = 56;                    // 28 characters per line (§5.2.3)
constexpr long k_margin_halves = 4;                   // 右空二字 / 右移二字

// Width of `text` in half characters: ASCII (a half-width digit, letter or space) is one
// half, everything else a whole character.
long width_in_halves(std::string_view text) {
  long halves = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = util::next_code_point(text, pos);
    halves += ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xFF61 && cp <= 0xFF9F)) ? 1 : 2;
  }
  return halves;
}

// `text` on one line: a stray line break in a document string must not start a paragraph.
std::string one_line(std::string_view text) {
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

// `halves` of padding as whole ideographic spaces, rounded down so that nothing ever comes
// closer to the right edge than GB/T 9704 allows.
std::string padding(long halves) {
  std::string out;
  for (long i = 0; i < std::max(0L, halves) / 2; ++i) {
    out += "\u3000";
  }
  return out;
}

void append_line(std::string& out, std::string_view indent, std::string_view text) {
  out += indent;
  out += one_line(text);
  out += '\n';
}

// `left` and `right` on one line of 28 characters, each one character from its edge
// (GB/T 9704 §7.2.3 for the number and 签发人, §7.4.3 for the 印发 line); `right` alone is
// set against the right edge.
std::string spread_line(std::string_view left, std::string_view right) {
  const std::string l = one_line(left);
  const std::string r = one_line(right);
  std::string out = "\u3000" + l;
  const long gap = k_line_halves - 4 - width_in_halves(l) - width_in_halves(r);
  out += gap >= 2 ? padding(gap) : std::string("\u3000");
  out += r;
  out += "\u3000\n";
  return out;
}

// The sealed sign-off of GB/T 9704 §7.3.5.1: the date 右空四字, the issuer centred over the
// date (on a whole character, rounded left) but not closer than two characters to the right
// edge, room for the seal over both.
std::string sealed_signature(const std::string& issuer, const std::string& date) {
  constexpr long k_seal_margin = 8; // four characters
  const long issuer_width = width_in_halves(issuer);
  const long date_width = width_in_halves(date);
  const long date_start = std::max(0L, k_line_halves - k_seal_margin - date_width);
  // An issuer too long to centre ends two characters from the right edge, as unsealed.
  const long issuer_start = std::max(
      0L, std::min(date_start + (date_width - issuer_width) / 2, k_line_halves - 4 - issuer_width));
  std::string out;
  if (!issuer.empty()) {
    append_line(out, padding(issuer_start), issuer);
  }
  if (!date.empty()) {
    append_line(out, padding(date_start), date);
  }
  return out;
}

std::string signature(const layout::Signature& sig) {
  const std::string issuer = one_line(sig.issuer);
  const std::string date = one_line(sig.date);
  if (sig.sealed) {
    return sealed_signature(issuer, date);
  }
  const long issuer_width = width_in_halves(issuer);
  const long date_width = width_in_halves(date);
  const long right = k_line_halves - k_margin_halves;
  long issuer_start = right - issuer_width;
  long date_start = issuer.empty() ? right - date_width : issuer_start + k_margin_halves;
  if (date_start + date_width > right) {
    // The date is the longer: it keeps the right margin and the name moves left.
    date_start = right - date_width;
    issuer_start = date_start - k_margin_halves;
  }
  if (issuer_start < 0) {
    // A name wider than the line wraps in Word anyway; the date keeps its own place.
    issuer_start = 0;
    date_start = right - date_width;
  }
  std::string out;
  if (!issuer.empty()) {
    append_line(out, padding(issuer_start), issuer);
  }
  if (!date.empty()) {
    append_line(out, padding(date_start), date);
  }
  return out;
}

} // namespace

std::string to_text(const layout::Document& doc) {
  std::string out;
  if (doc.letterhead) {
    // The 版头: the mark, then the number (with 签发人 on the right for a document sent up).
    const layout::Letterhead& head = *doc.letterhead;
    if (!head.mark.empty()) {
      append_line(out, {}, head.mark);
      out += '\n';
    }
    if (!head.signer.empty()) {
      out += spread_line(head.doc_number, head.signer_label + head.signer);
      out += '\n';
    } else if (!head.doc_number.empty()) {
      append_line(out, {}, head.doc_number);
      out += '\n';
    }
  }
  if (doc.title_lines.empty()) {
    append_line(out, {}, doc.title);
  } else {
    for (const std::string& line : doc.title_lines) {
      append_line(out, {}, line);
    }
  }
  out += '\n';
  if (!doc.recipients.empty()) {
    append_line(out, {}, doc.recipients);
  }
  for (const layout::Block& block : doc.blocks) {
    switch (block.kind) {
    case layout::BlockKind::heading:
      append_line(out, k_indent, block.number + block.title);
      break;
    case layout::BlockKind::paragraph:
      append_line(out, k_indent, block.text);
      break;
    case layout::BlockKind::run_in:
      append_line(out, k_indent, block.number + block.title + block.title_end + block.text);
      break;
    case layout::BlockKind::attachments: {
      // GB/T 9704 §7.3.4: the note sits one line below the body; further entries align
      // with the first one.
      out += '\n';
      std::string indent(k_indent);
      indent += padding(width_in_halves(one_line(block.label)) + 1);
      for (std::size_t i = 0; i < block.entries.size(); ++i) {
        if (i == 0) {
          append_line(out, k_indent, block.label + block.entries[i]);
        } else {
          append_line(out, indent, block.entries[i]);
        }
      }
      if (block.entries.empty()) {
        append_line(out, k_indent, block.label);
      }
      break;
    }
    }
  }
  const std::string sig = signature(doc.signature);
  if (!sig.empty()) {
    out += '\n';
    out += sig;
  }
  if (!doc.note.empty()) {
    append_line(out, k_indent, doc.note); // 附注: the line after the date, 左空二字 (§7.3.6)
  }
  for (const layout::AttachmentPage& page : doc.attachment_pages) {
    // An attachment with content: its label, its title, then the table as tab-separated
    // lines, which Word and WPS turn into a table (Insert → Table → Convert Text to Table).
    out += '\n';
    append_line(out, {}, page.label);
    out += '\n';
    append_line(out, {}, page.title);
    out += '\n';
    const auto row = [&](const std::vector<std::string>& cells) {
      std::string line;
      for (std::size_t c = 0; c < cells.size(); ++c) {
        if (c > 0) {
          line += '\t';
        }
        for (const char ch : one_line(cells[c])) {
          line += ch == '\t' ? ' ' : ch;
        }
      }
      append_line(out, {}, line);
    };
    row(page.header);
    for (const auto& cells : page.rows) {
      row(cells);
    }
  }
  if (doc.imprint) {
    // The 版记 (§7.4): 抄送 一字 in from both edges, the 印发 line spread over the 28.
    out += '\n';
    if (!doc.imprint->copy_to.empty()) {
      append_line(out, "\u3000", doc.imprint->copy_to);
    }
    if (!doc.imprint->printed_by.empty()) {
      out += spread_line(doc.imprint->printed_by, doc.imprint->printed_date);
    }
  }
  return out;
}

std::string to_text(const layout::Bulletin& bulletin) {
  // The masthead centred on the 28-character line, as the title is.
  std::string out;
  append_line(out, {}, bulletin.name);
  append_line(out, {}, bulletin.number);
  out += spread_line(bulletin.editor, bulletin.date);
  out += '\n';
  for (const layout::NewsSection& section : bulletin.sections) {
    if (!section.school.empty()) {
      append_line(out, {}, section.school);
      out += '\n';
    }
    for (const layout::NewsItem& item : section.items) {
      for (const std::string& line : item.headline_lines) {
        append_line(out, {}, line);
      }
      if (!item.byline.empty()) {
        append_line(out, {}, item.byline);
      }
      for (const std::string& paragraph : item.paragraphs) {
        append_line(out, k_indent, paragraph);
      }
      for (const layout::Figure& figure : item.figures) {
        append_line(out, {},
                    "【图：" + (figure.caption.empty() ? figure.alt : figure.caption) + "】");
      }
      out += '\n';
    }
  }
  for (const layout::CopyLine& line : bulletin.copy_lines) {
    append_line(out, "\u3000", line.label + "：" + line.text);
  }
  // The blank line after the last item separates it from the foot; without a foot (the
  // combined bulletin) the text ends with the item, as every other .txt ends with its last line.
  if (bulletin.copy_lines.empty() && out.ends_with("\n\n")) {
    out.pop_back();
  }
  return out;
}

} // namespace planctl::write
