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
void signature(XmlWriter& w, const layout::Signature& sig) {
  if (sig.issuer.empty() && sig.date.empty()) {
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

void section(XmlWriter& w) {
  w.open("w:sectPr");
  w.leaf("w:footerReference", {{"w:type", "default"}, {"r:id", "rId4"}});
  w.leaf("w:footerReference", {{"w:type", "even"}, {"r:id", "rId5"}});
  w.leaf("w:pgSz", {{"w:w", num(k_page_width)}, {"w:h", num(k_page_height)}});
  w.leaf("w:pgMar", {{"w:top", num(k_margin_top)},
                     {"w:right", num(k_margin_right)},
                     {"w:bottom", num(k_margin_bottom)},
                     {"w:left", num(k_margin_left)},
                     {"w:header", num(k_header_distance)},
                     {"w:footer", num(k_footer_distance)},
                     {"w:gutter", "0"}});
  w.leaf("w:cols", {{"w:space", "425"}});
  // A line grid only: a linesAndChars grid that Word honours makes LibreOffice give each
  // character two cells (docs/docx.md); the 28 characters come from the condensed pitch.
  w.leaf("w:docGrid", {{"w:type", "lines"}, {"w:linePitch", num(k_line_pitch)}});
  w.close();
  w.newline();
}

} // namespace

std::string document_xml(const layout::Document& doc) {
  XmlWriter w;
  w.open("w:document", {{"xmlns:w", k_ns_w}, {"xmlns:r", k_ns_r}});
  w.open("w:body");
  w.newline();
  if (!doc.title.empty()) {
    begin_paragraph(w, "Title");
    run(w, doc.title);
    end_paragraph(w);
    blank_paragraph(w);
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
  section(w);
  w.close();
  w.close();
  return w.finish();
}

} // namespace planctl::write::docx
