// word/document.xml: one paragraph per block, in the styles of style_parts.cpp. Everything
// the reader sees as words comes from the layout::Document unchanged; this file only picks
// styles and computes indents.
#include <planctl/write/docx/page_setup.hpp>
#include <planctl/write/docx/parts.hpp>
#include <planctl/write/docx/xml_writer.hpp>

#include <algorithm>

namespace planctl::write::docx {

namespace {

constexpr std::string_view k_ns_w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view k_ns_r =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string num(int value) {
  return std::to_string(value);
}

// The level whose faces a numbering style takes (GB/T 9704 §7.3.3): the font follows the
// style, not the depth, so `numbering: [一、, 1.]` still sets 1. in bold 仿宋.
int style_level(model::NumberStyle style) {
  switch (style) {
  case model::NumberStyle::chinese:
    return 1;
  case model::NumberStyle::paren_chinese:
    return 2;
  case model::NumberStyle::arabic:
    return 3;
  case model::NumberStyle::paren_arabic:
    return 4;
  }
  return 3;
}

// Paragraph indents in twips; a zero is left out.
struct Indent {
  int left = 0;
  int right = 0;
  int hanging = 0;
};

// How a paragraph holds to the page (outputs.md "Keeping a page together"): the end of the
// document is one chain of keep-with-next from the last body paragraph to the date, so Word,
// WPS and LibreOffice carry the body's last lines over with the sign-off instead of leaving
// a page of sign-off only.
struct Keep {
  bool next = false;  // w:keepNext: on the same page as the next paragraph
  bool lines = false; // w:keepLines: never split across pages
  bool widow = false; // w:widowControl: at least two lines on each side of a page break
};

void keep_properties(XmlWriter& w, const Keep& keep) {
  if (keep.next) {
    w.leaf("w:keepNext");
  }
  if (keep.lines) {
    w.leaf("w:keepLines");
  }
  if (keep.widow) {
    w.leaf("w:widowControl");
  }
}

void begin_paragraph(XmlWriter& w, std::string_view style, const Indent& indent = {},
                     int outline_level = -1, std::string_view alignment = {},
                     const Keep& keep = {}) {
  w.open("w:p");
  w.open("w:pPr");
  w.leaf("w:pStyle", {{"w:val", style}});
  keep_properties(w, keep);
  if (indent.left != 0 || indent.right != 0 || indent.hanging != 0) {
    w.open("w:ind");
    if (indent.left != 0) {
      w.attribute("w:left", num(indent.left));
    }
    if (indent.right != 0) {
      w.attribute("w:right", num(indent.right));
    }
    if (indent.hanging != 0) {
      w.attribute("w:hanging", num(indent.hanging));
    }
    w.close();
  }
  if (!alignment.empty()) {
    w.leaf("w:jc", {{"w:val", alignment}});
  }
  if (outline_level >= 0) {
    w.leaf("w:outlineLvl", {{"w:val", num(outline_level)}});
  }
  w.close();
}

void end_paragraph(XmlWriter& w) {
  w.close();
  w.newline();
}

void blank_paragraph(XmlWriter& w, const Keep& keep = {}) {
  if (!keep.next && !keep.lines && !keep.widow) {
    w.leaf("w:p");
  } else {
    w.open("w:p");
    w.open("w:pPr");
    keep_properties(w, keep);
    w.close();
    w.close();
  }
  w.newline();
}

void text_piece(XmlWriter& w, std::string_view piece) {
  if (piece.empty()) {
    return;
  }
  // Word drops leading and trailing spaces of a w:t unless told to keep them.
  const bool keep =
      piece.front() == ' ' || piece.back() == ' ' || piece.find("  ") != std::string_view::npos;
  if (keep) {
    w.text_element("w:t", piece, {{"xml:space", "preserve"}});
  } else {
    w.text_element("w:t", piece);
  }
}

// One run of `text`, in character style `char_style` when not empty. A tab becomes w:tab
// (inside w:t Word would show a space); a line break becomes a space, as in the text output,
// because a block is one paragraph.
void run(XmlWriter& w, std::string_view text, std::string_view char_style = {}) {
  if (text.empty()) {
    return;
  }
  w.open("w:r");
  if (!char_style.empty()) {
    w.open("w:rPr");
    w.leaf("w:rStyle", {{"w:val", char_style}});
    w.close();
  }
  std::string piece;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\t') {
      text_piece(w, piece);
      piece.clear();
      w.leaf("w:tab");
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
      piece += ' ';
    } else {
      piece += c;
    }
  }
  text_piece(w, piece);
  w.close();
}

void heading(XmlWriter& w, const layout::Block& block) {
  const int level = style_level(block.style);
  // The outline level is the block's own; it differs from the style's only when
  // `numbering` moves a style to another depth.
  const int outline = std::clamp(block.outline_level, 1, 9);
  begin_paragraph(w, "Heading" + num(level), {}, outline == level ? -1 : outline - 1);
  run(w, block.number + block.title);
  end_paragraph(w);
}

void run_in(XmlWriter& w, const layout::Block& block, const Keep& keep) {
  begin_paragraph(w, "BodyText", {}, -1, {}, keep);
  run(w, block.number + block.title + block.title_end,
      "RunInHeading" + num(style_level(block.style)));
  run(w, block.text);
  end_paragraph(w);
}

void body_paragraph(XmlWriter& w, std::string_view text, const Keep& keep) {
  begin_paragraph(w, "BodyText", {}, -1, {}, keep);
  run(w, text);
  end_paragraph(w);
}

// The length of the number that starts an attachment entry (`1.` `12.`), so that later
// entries line up under the first and wrapped lines under the name (GB/T 9704 §7.3.4).
std::size_t entry_number_length(std::string_view entry) {
  std::size_t i = 0;
  while (i < entry.size() && entry[i] >= '0' && entry[i] <= '9') {
    ++i;
  }
  if (i > 0 && i < entry.size() && entry[i] == '.') {
    return i + 1;
  }
  return 0;
}

// 附件：1.…… with `2.……` under `1.`; one blank line above (GB/T 9704 §7.3.4). Every line
// holds to the next, so the note stays with the sign-off that follows it.
void attachments(XmlWriter& w, const layout::Block& block) {
  const Keep keep{.next = true, .lines = true};
  blank_paragraph(w, {.next = true});
  const int first_line = 2 * k_char_pitch;
  const int label = units_to_twips(half_char_units(block.label));
  if (block.entries.empty()) {
    begin_paragraph(w, "AttachmentNote", {first_line + label, 0, label}, -1, {}, keep);
    run(w, block.label);
    end_paragraph(w);
  }
  for (std::size_t i = 0; i < block.entries.size(); ++i) {
    const std::string& entry = block.entries[i];
    const int number = units_to_twips(
        half_char_units(std::string_view(entry).substr(0, entry_number_length(entry))));
    const int left = first_line + label + number;
    const int hanging = i == 0 ? label + number : number;
    begin_paragraph(w, "AttachmentNote", {left, 0, hanging}, -1, {}, keep);
    run(w, i == 0 ? block.label + entry : entry);
    end_paragraph(w);
  }
}

// The unsealed signature of GB/T 9704 §7.3.5.2, placed exactly where the text output puts
// it: the issuer 右空二字, the date starting two characters right of the issuer's start; a
// date that would then come closer than two characters to the right edge keeps those two
// characters itself and the issuer starts two characters left of it. Each line is anchored
// by the edge the standard names: the issuer by its right end, the date by its start
// (首字右移二字) or, when it is the longer, by its right end. With 仿宋_GB2312's half-width
// digits the two anchorings agree; a renderer that sets digits wider or spaces them from
// the ideographs (LibreOffice ignores w:autoSpaceDN) moves only the unanchored end.
// The sealed signature of GB/T 9704 §7.3.5.1, where the text output puts it: the date
// 右空四字 (anchored by its right end), the issuer centred over the date on a whole character
// but not closer than two characters to the right edge (anchored by its start).
void sealed_signature(XmlWriter& w, const layout::Signature& sig) {
  constexpr int k_line = 56;       // 28 characters, in half characters
  constexpr int k_seal_margin = 8; // four characters
  const int issuer = half_char_units(sig.issuer);
  const int date = half_char_units(sig.date);
  const int date_start = std::max(0, k_line - k_seal_margin - date);
  const int issuer_start =
      std::max(0, std::min(date_start + (date - issuer) / 2, k_line - 4 - issuer)) / 2 * 2;
  blank_paragraph(w, {.next = true});
  if (!sig.issuer.empty()) {
    begin_paragraph(w, "Signature", {units_to_twips(issuer_start), 0, 0}, -1, "left",
                    {.next = !sig.date.empty(), .lines = true});
    run(w, sig.issuer);
    end_paragraph(w);
  }
  if (!sig.date.empty()) {
    begin_paragraph(w, "Signature", {0, units_to_twips(k_seal_margin), 0}, -1, {}, {.lines = true});
    run(w, sig.date);
    end_paragraph(w);
  }
}

void signature(XmlWriter& w, const layout::Signature& sig) {
  if (sig.issuer.empty() && sig.date.empty()) {
    return;
  }
  if (sig.sealed) {
    sealed_signature(w, sig);
    return;
  }
  constexpr int k_line = 56;  // 28 characters, in half characters
  constexpr int k_margin = 4; // two characters
  const int issuer = half_char_units(sig.issuer);
  const int date = half_char_units(sig.date);
  const int right = k_line - k_margin;
  int issuer_start = right - issuer;
  int date_start = sig.issuer.empty() ? right - date : issuer_start + k_margin;
  bool date_is_longer = date_start + date > right;
  if (date_is_longer) {
    date_start = right - date;
    issuer_start = date_start - k_margin;
  }
  if (issuer_start < 0) {
    // An issuer wider than the line wraps anyway: it keeps 右空二字 and the date its own
    // place two characters from the right, as in the text output.
    issuer_start = right - issuer;
    date_is_longer = true;
  }
  // The blank line and the issuer hold to the date: the issuer and the date never stand on
  // different pages, and never on a page of their own.
  blank_paragraph(w, {.next = true});
  if (!sig.issuer.empty()) {
    begin_paragraph(w, "Signature", {0, units_to_twips(k_line - issuer_start - issuer), 0}, -1, {},
                    {.next = !sig.date.empty(), .lines = true});
    run(w, sig.issuer);
    end_paragraph(w);
  }
  if (!sig.date.empty()) {
    if (date_is_longer || sig.issuer.empty()) {
      begin_paragraph(w, "Signature", {0, units_to_twips(k_margin), 0}, -1, {}, {.lines = true});
    } else {
      begin_paragraph(w, "Signature", {units_to_twips(date_start), 0, 0}, -1, "left",
                      {.lines = true});
    }
    run(w, sig.date);
    end_paragraph(w);
  }
}

// An empty paragraph that ends the section before it (its w:sectPr describes that section).
void section_break(XmlWriter& w, const SectionKind& kind) {
  w.open("w:p");
  w.open("w:pPr");
  write_section(w, kind);
  w.close();
  w.close();
  w.newline();
}

// The 版头 (§7.2): the mark in red 小标宋 as large as 初号 while it fits one line, its top
// 35 mm below the type area's top; a blank line; the number centred, or on the left with
// 签发人 on the right (§7.2.3), with the red rule under it; a blank line before the title.
void letterhead(XmlWriter& w, const layout::Letterhead& head) {
  if (!head.mark.empty()) {
    const int characters = std::max(1, half_char_units(head.mark) / 2);
    const int size = std::min(k_letterhead_max_size, 2 * k_text_width / 20 / characters);
    const int line = size * 10 * 5 / 4; // twips: the face's height and a little leading
    w.open("w:p");
    w.open("w:pPr");
    w.leaf("w:pStyle", {{"w:val", "Letterhead"}});
    w.leaf("w:spacing", {{"w:before", num(std::max(0, k_letterhead_top - (line - size * 10)))},
                         {"w:line", num(line)},
                         {"w:lineRule", "exact"}});
    w.close();
    w.open("w:r");
    w.open("w:rPr");
    w.leaf("w:sz", {{"w:val", num(size)}});
    w.leaf("w:szCs", {{"w:val", num(size)}});
    w.close();
    text_piece(w, head.mark);
    w.close();
    end_paragraph(w);
    blank_paragraph(w);
  }
  if (head.doc_number.empty() && head.signer.empty()) {
    return;
  }
  w.open("w:p");
  w.open("w:pPr");
  w.leaf("w:pStyle", {{"w:val", "DocNumber"}});
  if (!head.signer.empty()) {
    // 发文字号 居左空一字, 签发人 居右空一字 at a right tab stop.
    w.open("w:tabs");
    w.leaf("w:tab", {{"w:val", "right"}, {"w:pos", num(k_text_width - 2 * k_char_pitch)}});
    w.close();
    w.leaf("w:ind", {{"w:left", num(k_char_pitch)}, {"w:right", num(k_char_pitch)}});
    w.leaf("w:jc", {{"w:val", "left"}});
  }
  w.close();
  run(w, head.doc_number);
  if (!head.signer.empty()) {
    w.open("w:r");
    w.leaf("w:tab");
    w.close();
    run(w, head.signer_label);
    run(w, head.signer, "SignerName");
  }
  end_paragraph(w);
  blank_paragraph(w);
}

// One cell of the task table: a TableText paragraph, bold in the header row.
void table_cell(XmlWriter& w, std::string_view text, int width, bool header) {
  w.open("w:tc");
  w.open("w:tcPr");
  w.leaf("w:tcW", {{"w:w", num(width)}, {"w:type", "dxa"}});
  w.leaf("w:vAlign", {{"w:val", "center"}});
  w.close();
  w.open("w:p");
  w.open("w:pPr");
  w.leaf("w:pStyle", {{"w:val", "TableText"}});
  w.close();
  if (header && !text.empty()) {
    w.open("w:r");
    w.open("w:rPr");
    w.leaf("w:b");
    w.close();
    text_piece(w, text);
    w.close();
  } else {
    run(w, text);
  }
  w.close();
  w.close();
}

// The widths of the table's columns in twips, filling `total` as automatic table layout does
// in a browser: each column gets at least its header on one line (so 序号 and 完成时限 never
// break), and the width left over goes to the columns in proportion to what their widest
// cell needs beyond that, so the long task titles get most of it; when every cell fits on
// one line, the spare width is shared in proportion to the widths.
std::vector<int> column_widths(const layout::AttachmentPage& page, int total) {
  constexpr int k_half = k_imprint_size * 10 / 2; // half a 4号 character of TableText
  constexpr int k_padding = 2 * 108 + 40;         // the default cell margins, bold headers
  const std::size_t n = page.header.size();
  std::vector<long> least(n, 0);
  std::vector<long> most(n, 0);
  for (std::size_t c = 0; c < n; ++c) {
    least[c] = half_char_units(page.header[c]) * k_half + k_padding;
    most[c] = least[c];
    for (const auto& row : page.rows) {
      if (c < row.size()) {
        most[c] =
            std::max(most[c], static_cast<long>(half_char_units(row[c])) * k_half + k_padding);
      }
    }
  }
  long sum_least = 0;
  long sum_most = 0;
  for (std::size_t c = 0; c < n; ++c) {
    sum_least += least[c];
    sum_most += most[c];
  }
  std::vector<int> widths(n, 0);
  long used = 0;
  for (std::size_t c = 0; c < n; ++c) {
    long width = 0;
    if (sum_most <= total) {
      width = total * most[c] / std::max(1L, sum_most);
    } else if (sum_least >= total) {
      width = total * least[c] / std::max(1L, sum_least);
    } else {
      width = least[c] + (total - sum_least) * (most[c] - least[c]) / (sum_most - sum_least);
    }
    widths[c] = static_cast<int>(c + 1 == n ? total - used : width);
    used += widths[c];
  }
  return widths;
}

// An attachment with content (§7.3.7): `附件1` in 黑体 at the top left of a new page, a blank
// line, the title centred in 小标宋, a blank line, then the table, its header row repeated
// on every page and no row split across pages.
void attachment_page(XmlWriter& w, const layout::AttachmentPage& page, bool own_section) {
  w.open("w:p");
  w.open("w:pPr");
  w.leaf("w:pStyle", {{"w:val", "AttachmentLabel"}});
  if (own_section) {
    // The section already starts a new page.
    w.leaf("w:pageBreakBefore", {{"w:val", "0"}});
  }
  w.close();
  run(w, page.label);
  end_paragraph(w);
  blank_paragraph(w);
  begin_paragraph(w, "AttachmentTitle");
  run(w, page.title);
  end_paragraph(w);
  blank_paragraph(w);

  const int total = page.wide ? k_page_height - k_margin_left - k_margin_right : k_text_width;
  const std::vector<int> widths = column_widths(page, total);
  w.open("w:tbl");
  w.open("w:tblPr");
  w.leaf("w:tblW", {{"w:w", num(total)}, {"w:type", "dxa"}});
  w.leaf("w:jc", {{"w:val", "center"}});
  w.open("w:tblBorders");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
    w.leaf(side, {{"w:val", "single"}, {"w:sz", "4"}, {"w:space", "0"}, {"w:color", "000000"}});
  }
  w.close();
  w.leaf("w:tblLayout", {{"w:type", "fixed"}});
  w.close();
  w.open("w:tblGrid");
  for (const int width : widths) {
    w.leaf("w:gridCol", {{"w:w", num(width)}});
  }
  w.close();
  const auto row = [&](const std::vector<std::string>& cells, bool header) {
    w.open("w:tr");
    w.open("w:trPr");
    w.leaf("w:cantSplit");
    if (header) {
      w.leaf("w:tblHeader");
    }
    w.close();
    for (std::size_t c = 0; c < widths.size(); ++c) {
      table_cell(w, c < cells.size() ? std::string_view(cells[c]) : std::string_view(), widths[c],
                 header);
    }
    w.close();
    w.newline();
  };
  row(page.header, true);
  for (const auto& cells : page.rows) {
    row(cells, false);
  }
  w.close();
  w.newline();
}

// The 版记 (§7.4) on a page of its own at the foot of an even page: a thick rule above the
// first line, a thin one between the lines, a thick one under the last.
void imprint(XmlWriter& w, const layout::Imprint& imprint) {
  const auto rule = [&](std::string_view side, int eighths) {
    w.leaf(side,
           {{"w:val", "single"}, {"w:sz", num(eighths)}, {"w:space", "1"}, {"w:color", "000000"}});
  };
  // The section's bottom alignment puts the lines at the foot of the type area in Word and
  // WPS; LibreOffice ignores it, so empty lines of the grid fill the page above them: 21
  // lines less the 版记's (estimated at fewer characters a line than fit), one line short of
  // the page because the rules make the 版记 taller than its lines, so that it never goes
  // over to a page of its own; LibreOffice shows it within a line of the foot.
  const auto lines_of = [](std::string_view text, int first_halves, int next_halves) {
    const int halves = half_char_units(text);
    return halves <= first_halves ? 1 : 1 + (halves - first_halves + next_halves - 1) / next_halves;
  };
  int lines = 0;
  if (!imprint.copy_to.empty()) {
    lines += lines_of(imprint.copy_to, 56, 50); // 59 and 53 half characters fit
  }
  if (!imprint.printed_by.empty()) {
    lines += lines_of(imprint.printed_by + "　　" + imprint.printed_date, 56, 56);
  }
  for (int i = lines + 1; i < k_lines_per_page; ++i) {
    blank_paragraph(w);
  }
  const bool copies = !imprint.copy_to.empty();
  const bool printed = !imprint.printed_by.empty();
  if (copies) {
    w.open("w:p");
    w.open("w:pPr");
    w.leaf("w:pStyle", {{"w:val", "Imprint"}});
    w.open("w:pBdr");
    rule("w:top", k_rule_thick_eighths);
    rule("w:bottom", printed ? k_rule_thin_eighths : k_rule_thick_eighths);
    w.close();
    // Wrapped lines align after `抄送：` (three 4号 characters).
    w.leaf("w:ind", {{"w:left", num(4 * k_imprint_indent)},
                     {"w:right", num(k_imprint_indent)},
                     {"w:hanging", num(3 * k_imprint_indent)}});
    w.close();
    run(w, imprint.copy_to);
    end_paragraph(w);
  }
  if (printed) {
    w.open("w:p");
    w.open("w:pPr");
    w.leaf("w:pStyle", {{"w:val", "Imprint"}});
    w.open("w:pBdr");
    if (!copies) {
      rule("w:top", k_rule_thick_eighths);
    }
    rule("w:bottom", k_rule_thick_eighths);
    w.close();
    w.open("w:tabs");
    w.leaf("w:tab", {{"w:val", "right"}, {"w:pos", num(k_text_width - 2 * k_imprint_indent)}});
    w.close();
    w.close();
    run(w, imprint.printed_by);
    w.open("w:r");
    w.leaf("w:tab");
    w.close();
    run(w, imprint.printed_date);
    end_paragraph(w);
  }
}

} // namespace

bool is_official(const layout::Document& doc) {
  return doc.letterhead || !doc.recipients.empty() || !doc.note.empty() || doc.imprint ||
         !doc.attachment_pages.empty();
}

std::string document_xml(const layout::Document& doc) {
  XmlWriter w;
  w.open("w:document", {{"xmlns:w", k_ns_w}, {"xmlns:r", k_ns_r}});
  w.open("w:body");
  w.newline();
  if (doc.letterhead) {
    letterhead(w, *doc.letterhead);
  }
  if (!doc.title_lines.empty()) {
    // A title the author broke (§7.3.1): one paragraph a line, each one line of the grid.
    // Snapped to the grid, a 2号 line is taller than the 579-twip pitch and would take two
    // lines (LibreOffice does so), which double-spaces the title.
    for (const std::string& line : doc.title_lines) {
      w.open("w:p");
      w.open("w:pPr");
      w.leaf("w:pStyle", {{"w:val", "Title"}});
      w.leaf("w:snapToGrid", {{"w:val", "0"}});
      w.leaf("w:spacing", {{"w:line", num(k_line_pitch)}, {"w:lineRule", "exact"}});
      w.close();
      run(w, line);
      end_paragraph(w);
    }
    blank_paragraph(w);
  } else if (!doc.title.empty()) {
    begin_paragraph(w, "Title");
    run(w, doc.title);
    end_paragraph(w);
    blank_paragraph(w);
  }
  if (!doc.recipients.empty()) {
    // 主送机关: flush left on the line after the blank under the title (§7.3.2).
    begin_paragraph(w, "Recipients");
    run(w, doc.recipients);
    end_paragraph(w);
  }
  // The last body paragraph holds to what follows (the attachments note or the sign-off),
  // with widow control so that at least two of its lines go over with them.
  const bool has_sign_off = !doc.signature.issuer.empty() || !doc.signature.date.empty();
  std::size_t last_body = doc.blocks.size();
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    if (doc.blocks[i].kind != layout::BlockKind::attachments) {
      last_body = i;
    }
  }
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const layout::Block& block = doc.blocks[i];
    const bool holds = i == last_body && (has_sign_off || i + 1 < doc.blocks.size());
    const Keep keep{.next = holds, .widow = holds};
    switch (block.kind) {
    case layout::BlockKind::heading:
      heading(w, block);
      break;
    case layout::BlockKind::paragraph:
      body_paragraph(w, block.text, keep);
      break;
    case layout::BlockKind::run_in:
      run_in(w, block, keep);
      break;
    case layout::BlockKind::attachments:
      attachments(w, block);
      break;
    }
  }
  signature(w, doc.signature);
  if (!doc.note.empty()) {
    // 附注: the line after the date, 左空二字 (§7.3.6).
    begin_paragraph(w, "Note");
    run(w, doc.note);
    end_paragraph(w);
  }
  // Each attachment with content starts a new page; a wide table gets a landscape section
  // of its own (the section before ends with the text output's blank line).
  bool landscape = false; // the orientation of the section being written
  for (const layout::AttachmentPage& page : doc.attachment_pages) {
    if (page.wide || landscape) {
      section_break(w, {.landscape = landscape});
    } else {
      blank_paragraph(w);
    }
    attachment_page(w, page, page.wide || landscape);
    landscape = page.wide;
  }
  if (doc.imprint) {
    // The text output's blank line before the 版记 ends the section before it; the 版记's
    // own section starts on an even page.
    section_break(w, {.landscape = landscape});
    imprint(w, *doc.imprint);
    write_section(w, {.imprint = true});
  } else {
    if (!doc.attachment_pages.empty()) {
      blank_paragraph(w); // Word needs a paragraph after a table that ends the document
    }
    write_section(w, {.landscape = landscape});
  }
  w.close();
  w.close();
  return w.finish();
}

} // namespace planctl::write::docx
