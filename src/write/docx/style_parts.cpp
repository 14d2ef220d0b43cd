// Styles, settings, font table and footers: everything about the look that is the same for
// every document. The fonts follow research/gbt9704.md §2: the face in every rFonts slot with
// the East Asian hint, zh-CN as the East Asian language, and no theme fonts anywhere, because
// a *Theme attribute wins over an explicit name.
#include <planctl/write/docx/page_setup.hpp>
#include <planctl/write/docx/parts.hpp>
#include <planctl/write/docx/xml_writer.hpp>

namespace planctl::write::docx {

namespace {

constexpr std::string_view k_ns_w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

std::string num(int value) {
  return std::to_string(value);
}

// The face in all four slots: LibreOffice ignores w:hint and sets “ ” — … from the ASCII slot,
// so a Latin face there would make them half-width; 仿宋_GB2312's own digits are exactly half
// a character, which keeps the signature geometry of the text output.
void fonts(XmlWriter& w, std::string_view face) {
  w.leaf("w:rFonts", {{"w:ascii", face},
                      {"w:hAnsi", face},
                      {"w:eastAsia", face},
                      {"w:cs", face},
                      {"w:hint", "eastAsia"}});
}

void size(XmlWriter& w, int half_points) {
  const std::string value = num(half_points);
  w.leaf("w:sz", {{"w:val", value}});
  w.leaf("w:szCs", {{"w:val", value}});
}

void language(XmlWriter& w) {
  w.leaf("w:lang", {{"w:val", "en-US"}, {"w:eastAsia", "zh-CN"}, {"w:bidi", "ar-SA"}});
}

void bold(XmlWriter& w) {
  w.leaf("w:b");
  w.leaf("w:bCs");
}

void char_spacing(XmlWriter& w, int twips) {
  w.leaf("w:spacing", {{"w:val", num(twips)}});
}

// The common head of a style element; `based_on` and `next` may be empty.
void begin_style(XmlWriter& w, std::string_view type, std::string_view id, std::string_view name,
                 std::string_view based_on, std::string_view next, int ui_priority) {
  w.open("w:style", {{"w:type", type}, {"w:styleId", id}});
  w.leaf("w:name", {{"w:val", name}});
  if (!based_on.empty()) {
    w.leaf("w:basedOn", {{"w:val", based_on}});
  }
  if (!next.empty()) {
    w.leaf("w:next", {{"w:val", next}});
  }
  w.leaf("w:uiPriority", {{"w:val", num(ui_priority)}});
  w.leaf("w:qFormat");
}

void end_style(XmlWriter& w) {
  w.close();
  w.newline();
}

void first_line_indent(XmlWriter& w) {
  w.leaf("w:ind", {{"w:firstLine", num(2 * k_char_pitch)}});
}

// A numbered heading style: its own line, kept with the next, in the navigation pane.
void heading_style(XmlWriter& w, int level, std::string_view face, bool is_bold) {
  const std::string id = "Heading" + num(level);
  begin_style(w, "paragraph", id, "heading " + num(level), "Normal", "BodyText", 9);
  w.open("w:pPr");
  w.leaf("w:keepNext");
  first_line_indent(w);
  w.leaf("w:outlineLvl", {{"w:val", num(level - 1)}});
  w.close();
  w.open("w:rPr");
  fonts(w, face);
  if (is_bold) {
    bold(w);
  }
  w.close();
  end_style(w);
}

// The character style of a run-in title numbered like heading `level`.
void run_in_style(XmlWriter& w, int level, std::string_view face, bool is_bold) {
  begin_style(w, "character", "RunInHeading" + num(level), "Run-in Heading " + num(level),
              "DefaultParagraphFont", "", 10);
  w.open("w:rPr");
  fonts(w, face);
  if (is_bold) {
    bold(w);
  }
  w.close();
  end_style(w);
}

// The styles of the official-document parts (GB/T 9704 §7.2–7.4, §7.3.7), written only for
// a document that has them, so that every other document's styles stay as they were.
void official_styles(XmlWriter& w) {
  // 发文机关标志: red 小标宋, centred; the size is set per document (it must fit the line).
  begin_style(w, "paragraph", "Letterhead", "Letterhead", "Normal", "", 12);
  w.open("w:pPr");
  w.leaf("w:snapToGrid", {{"w:val", "0"}});
  w.leaf("w:jc", {{"w:val", "center"}});
  w.close();
  w.open("w:rPr");
  fonts(w, k_face_title);
  w.leaf("w:color", {{"w:val", k_red}});
  char_spacing(w, 0);
  w.close();
  end_style(w);

  // 发文字号 centred, then the red rule the width of the type area 4 mm below it (§7.2.5).
  begin_style(w, "paragraph", "DocNumber", "Document Number", "Normal", "", 12);
  w.open("w:pPr");
  w.open("w:pBdr");
  w.leaf("w:bottom", {{"w:val", "single"},
                      {"w:sz", num(k_red_rule_eighths)},
                      {"w:space", num(k_red_rule_space)},
                      {"w:color", k_red}});
  w.close();
  w.leaf("w:jc", {{"w:val", "center"}});
  w.close();
  end_style(w);

  // 签发人姓名 in 楷体 (§7.2.3).
  begin_style(w, "character", "SignerName", "Signer Name", "DefaultParagraphFont", "", 12);
  w.open("w:rPr");
  fonts(w, k_face_heading2);
  w.close();
  end_style(w);

  begin_style(w, "paragraph", "Recipients", "Recipients", "Normal", "", 12);
  end_style(w);

  begin_style(w, "paragraph", "Note", "Note", "Normal", "", 12);
  w.open("w:pPr");
  first_line_indent(w);
  w.close();
  end_style(w);

  // 版记: 4号 仿宋, one character in from both edges (§7.4.2).
  begin_style(w, "paragraph", "Imprint", "Imprint", "Normal", "", 12);
  w.open("w:pPr");
  w.leaf("w:ind", {{"w:left", num(k_imprint_indent)}, {"w:right", num(k_imprint_indent)}});
  w.leaf("w:jc", {{"w:val", "left"}});
  w.close();
  w.open("w:rPr");
  char_spacing(w, 0);
  size(w, k_imprint_size);
  w.close();
  end_style(w);

  // An attachment with content: `附件1` in 黑体 at the top left, the title centred in 小标宋.
  begin_style(w, "paragraph", "AttachmentLabel", "Attachment Label", "Normal", "", 12);
  w.open("w:pPr");
  w.leaf("w:pageBreakBefore");
  w.leaf("w:jc", {{"w:val", "left"}});
  w.close();
  w.open("w:rPr");
  fonts(w, k_face_heading1);
  w.close();
  end_style(w);
  begin_style(w, "paragraph", "AttachmentTitle", "Attachment Title", "Title", "", 12);
  end_style(w);

  // Table cells: 4号 仿宋, single-spaced, so a row holds what it needs.
  begin_style(w, "paragraph", "TableText", "Table Text", "Normal", "", 12);
  w.open("w:pPr");
  w.leaf("w:snapToGrid", {{"w:val", "0"}});
  w.leaf("w:spacing", {{"w:line", "240"}, {"w:lineRule", "auto"}});
  w.leaf("w:jc", {{"w:val", "center"}});
  w.close();
  w.open("w:rPr");
  char_spacing(w, 0);
  size(w, k_imprint_size);
  w.close();
  end_style(w);
}

void font(XmlWriter& w, std::string_view name, std::string_view alt_name, std::string_view family,
          std::string_view pitch) {
  w.open("w:font", {{"w:name", name}});
  if (!alt_name.empty()) {
    w.leaf("w:altName", {{"w:val", alt_name}});
  }
  // 86 = GB2312_CHARSET: tells Word the face covers Simplified Chinese.
  w.leaf("w:charset", {{"w:val", "86"}});
  w.leaf("w:family", {{"w:val", family}});
  w.leaf("w:pitch", {{"w:val", pitch}});
  w.close();
  w.newline();
}

} // namespace

std::string styles_xml(bool official) {
  XmlWriter w;
  w.open("w:styles", {{"xmlns:w", k_ns_w}});
  w.newline();

  w.open("w:docDefaults");
  w.open("w:rPrDefault");
  w.open("w:rPr");
  fonts(w, k_face_body);
  size(w, k_body_size);
  language(w);
  w.close();
  w.close();
  w.open("w:pPrDefault");
  w.open("w:pPr");
  w.leaf("w:spacing", {{"w:before", "0"},
                       {"w:after", "0"},
                       {"w:line", num(k_line_pitch)},
                       {"w:lineRule", "exact"}});
  w.close();
  w.close();
  w.close();
  w.newline();

  // Normal carries the grid: exact 22-line spacing, the condensed 28-character pitch, no
  // widow control (it would leave pages of 21 lines) and no automatic space around digits
  // and Latin text (it would shift the signature and attachment alignment).
  w.open("w:style", {{"w:type", "paragraph"}, {"w:default", "1"}, {"w:styleId", "Normal"}});
  w.leaf("w:name", {{"w:val", "Normal"}});
  w.leaf("w:qFormat");
  w.open("w:pPr");
  w.leaf("w:widowControl", {{"w:val", "0"}});
  w.leaf("w:autoSpaceDE", {{"w:val", "0"}});
  w.leaf("w:autoSpaceDN", {{"w:val", "0"}});
  w.leaf("w:spacing", {{"w:before", "0"},
                       {"w:after", "0"},
                       {"w:line", num(k_line_pitch)},
                       {"w:lineRule", "exact"}});
  w.leaf("w:jc", {{"w:val", "both"}});
  w.close();
  w.open("w:rPr");
  fonts(w, k_face_body);
  char_spacing(w, k_char_spacing);
  size(w, k_body_size);
  language(w);
  w.close();
  end_style(w);

  w.open("w:style",
         {{"w:type", "character"}, {"w:default", "1"}, {"w:styleId", "DefaultParagraphFont"}});
  w.leaf("w:name", {{"w:val", "Default Paragraph Font"}});
  w.leaf("w:uiPriority", {{"w:val", "1"}});
  w.leaf("w:semiHidden");
  w.leaf("w:unhideWhenUsed");
  end_style(w);

  begin_style(w, "paragraph", "Title", "Title", "Normal", "BodyText", 10);
  w.open("w:pPr");
  w.leaf("w:jc", {{"w:val", "center"}});
  w.close();
  w.open("w:rPr");
  fonts(w, k_face_title);
  char_spacing(w, 0);
  size(w, k_title_size);
  w.close();
  end_style(w);

  begin_style(w, "paragraph", "BodyText", "Body Text", "Normal", "", 1);
  w.open("w:pPr");
  first_line_indent(w);
  w.close();
  end_style(w);

  // The face goes with the numbering style (一、 黑体, （一） 楷体, 1. bold 仿宋, （1） 仿宋).
  heading_style(w, 1, k_face_heading1, false);
  heading_style(w, 2, k_face_heading2, false);
  heading_style(w, 3, k_face_body, true);
  heading_style(w, 4, k_face_body, false);
  run_in_style(w, 1, k_face_heading1, false);
  run_in_style(w, 2, k_face_heading2, false);
  run_in_style(w, 3, k_face_body, true);
  run_in_style(w, 4, k_face_body, false);

  // Each note paragraph carries its own indents, computed from the label and the numbers.
  begin_style(w, "paragraph", "AttachmentNote", "Attachment Note", "Normal", "", 11);
  end_style(w);

  begin_style(w, "paragraph", "Signature", "Signature", "Normal", "", 11);
  w.open("w:pPr");
  w.leaf("w:jc", {{"w:val", "right"}});
  w.close();
  end_style(w);

  if (official) {
    official_styles(w);
  }

  begin_style(w, "paragraph", "Footer", "footer", "Normal", "", 99);
  w.open("w:pPr");
  // Single spacing: an exact 28.95 pt line would push the page number off its 7 mm mark.
  w.leaf("w:spacing", {{"w:line", "240"}, {"w:lineRule", "auto"}});
  w.close();
  w.open("w:rPr");
  fonts(w, k_face_page_number);
  char_spacing(w, 0);
  size(w, k_page_number_size);
  w.close();
  end_style(w);

  w.close();
  return w.finish();
}

std::string settings_xml() {
  XmlWriter w;
  w.open("w:settings", {{"xmlns:w", k_ns_w}});
  w.newline();
  w.leaf("w:zoom", {{"w:percent", "100"}});
  w.newline();
  w.leaf("w:defaultTabStop", {{"w:val", num(2 * k_char_pitch)}});
  w.newline();
  w.leaf("w:evenAndOddHeaders");
  w.newline();
  // Compressing punctuation would squeeze more than 28 characters onto some lines.
  w.leaf("w:characterSpacingControl", {{"w:val", "doNotCompress"}});
  w.newline();
  w.open("w:compat");
  w.leaf("w:compatSetting", {{"w:name", "compatibilityMode"},
                             {"w:uri", "http://schemas.microsoft.com/office/word"},
                             {"w:val", "15"}});
  w.close();
  w.newline();
  w.leaf("w:themeFontLang", {{"w:val", "en-US"}, {"w:eastAsia", "zh-CN"}});
  w.newline();
  w.leaf("w:decimalSymbol", {{"w:val", "."}});
  w.newline();
  w.leaf("w:listSeparator", {{"w:val", ","}});
  w.newline();
  w.close();
  return w.finish();
}

std::string font_table_xml() {
  XmlWriter w;
  w.open("w:fonts", {{"xmlns:w", k_ns_w}});
  w.newline();
  // altName is a single name (MS-OE376): the face Windows ships under the same role.
  font(w, k_face_body, "仿宋", "modern", "fixed");
  font(w, k_face_title, "宋体", "script", "variable");
  font(w, k_face_heading1, "SimHei", "modern", "fixed");
  font(w, k_face_heading2, "楷体", "modern", "fixed");
  font(w, k_face_page_number, "SimSun", "auto", "variable");
  font(w, "仿宋", "FangSong", "modern", "fixed");
  font(w, "楷体", "KaiTi", "modern", "fixed");
  w.close();
  return w.finish();
}

std::string blank_footer_xml() {
  XmlWriter w;
  w.open("w:ftr", {{"xmlns:w", k_ns_w}});
  w.newline();
  w.open("w:p");
  w.open("w:pPr");
  w.leaf("w:pStyle", {{"w:val", "Footer"}});
  w.close();
  w.close();
  w.newline();
  w.close();
  return w.finish();
}

std::string footer_xml(FooterSide side) {
  const bool odd = side == FooterSide::odd;
  XmlWriter w;
  w.open("w:ftr", {{"xmlns:w", k_ns_w}});
  w.newline();
  w.open("w:p");
  w.open("w:pPr");
  w.leaf("w:pStyle", {{"w:val", "Footer"}});
  const std::string indent = num(k_page_number_indent);
  if (odd) {
    w.leaf("w:ind", {{"w:right", indent}});
    w.leaf("w:jc", {{"w:val", "right"}});
  } else {
    w.leaf("w:ind", {{"w:left", indent}});
    w.leaf("w:jc", {{"w:val", "left"}});
  }
  w.close();
  w.open("w:r");
  w.text_element("w:t", "— ", {{"xml:space", "preserve"}});
  w.close();
  w.open("w:r");
  w.leaf("w:fldChar", {{"w:fldCharType", "begin"}});
  w.close();
  w.open("w:r");
  w.text_element("w:instrText", " PAGE ", {{"xml:space", "preserve"}});
  w.close();
  w.open("w:r");
  w.leaf("w:fldChar", {{"w:fldCharType", "separate"}});
  w.close();
  w.open("w:r");
  w.text_element("w:t", odd ? "1" : "2");
  w.close();
  w.open("w:r");
  w.leaf("w:fldChar", {{"w:fldCharType", "end"}});
  w.close();
  w.open("w:r");
  w.text_element("w:t", " —", {{"xml:space", "preserve"}});
  w.close();
  w.close();
  w.newline();
  w.close();
  return w.finish();
}

} // namespace planctl::write::docx
