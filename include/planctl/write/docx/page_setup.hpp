// The page geometry and faces of a GB/T 9704 document, in OOXML units (twips = 1/20 pt,
// half-points for font sizes), shared by the document, style and footer parts.
#pragma once

#include <string_view>

namespace planctl::write::docx {

// A4 portrait.
inline constexpr int k_page_width = 11906;
inline constexpr int k_page_height = 16838;

// GB/T 9704 §5.2.1: top 37 mm, bottom 35 mm, left (binding) 28 mm, right 26 mm.
inline constexpr int k_margin_top = 2098;
inline constexpr int k_margin_bottom = 1984;
inline constexpr int k_margin_left = 1587;
inline constexpr int k_margin_right = 1474;

// The type area: 156 mm × 225 mm.
inline constexpr int k_text_width = k_page_width - k_margin_left - k_margin_right;
inline constexpr int k_text_height = k_page_height - k_margin_top - k_margin_bottom;

// 22 lines fill the type area: 12756 / 22 = 579.8, rounded down so that 22 always fit.
inline constexpr int k_line_pitch = 579;
static_assert(22 * k_line_pitch <= k_text_height && 23 * k_line_pitch > k_text_height);
inline constexpr int k_lines_per_page = 22;

// Font sizes in half-points: 3号 body, 2号 title, 4号 page numbers.
inline constexpr int k_body_size = 32;
inline constexpr int k_title_size = 44;
inline constexpr int k_page_number_size = 28;

// Character spacing on body text (twips): 28 characters of 16 pt are 448 pt, wider than the
// 442.25 pt type area, so each is condensed by 0.25 pt; 28 × 315 = 8820 ≤ 8845 < 29 × 315.
inline constexpr int k_char_spacing = -5;
inline constexpr int k_char_pitch = k_body_size * 10 + k_char_spacing;
static_assert(28 * k_char_pitch <= k_text_width && 29 * k_char_pitch > k_text_width);

// Footer distance: the page number's dashes sit 7 mm below the type area (§7.5), i.e. 28 mm
// above the paper's edge, about 2.5 mm above the bottom of a 4号 line.
inline constexpr int k_footer_distance = 1446;
inline constexpr int k_header_distance = 851;
// 右空一字 / 左空一字 for the page number, one 4号 character.
inline constexpr int k_page_number_indent = k_page_number_size * 10;

// The faces GB/T 9704 §7.3 names, spelt as Chinese Word and WPS know them.
// The official-document parts: red for the 版头 (GB/T 9704 §7.2), 4号 for the 版记 (§7.4),
// one 4号 character of indent, the red rule 1.5 pt thick and 4 mm (11 pt) below the number,
// and the 版记's rules 0.35 mm (1 pt) and 0.25 mm (0.75 pt) in eighths of a point.
inline constexpr std::string_view k_red = "FF0000";
inline constexpr int k_imprint_size = 28;
inline constexpr int k_imprint_indent = k_imprint_size * 10;
inline constexpr int k_red_rule_eighths = 12;
inline constexpr int k_red_rule_space = 11;
inline constexpr int k_rule_thick_eighths = 8;
inline constexpr int k_rule_thin_eighths = 6;
// The largest 发文机关标志: 初号 (42 pt), smaller when the mark would not fit one line.
inline constexpr int k_letterhead_max_size = 84;
// 35 mm from the top of the type area to the top of the mark (§7.2.4).
inline constexpr int k_letterhead_top = 1984;

inline constexpr std::string_view k_face_body = "仿宋_GB2312";
inline constexpr std::string_view k_face_title = "方正小标宋简体";
inline constexpr std::string_view k_face_heading1 = "黑体";
inline constexpr std::string_view k_face_heading2 = "楷体_GB2312";
inline constexpr std::string_view k_face_page_number = "宋体";

// The width of `text` in half-character units as the text output counts it: printable ASCII
// and half-width katakana count 1, any other character 2.
int half_char_units(std::string_view text);

// `units` half-character units of body text in twips.
int units_to_twips(int units);

class XmlWriter;

// How a section starts and what it shows: the body's sections number their pages; the
// 版记's starts on an even page, has no page number and stands at the foot of the page.
struct SectionKind {
  bool imprint = false;
  bool landscape = false;
};

// Writes the w:sectPr of one section of the page above (A4, the GB/T 9704 margins, the line
// grid, the page-number footers rId4/rId5, or rId6 for the 版记), shared by every document part.
void write_section(XmlWriter& w, const SectionKind& kind = {});

} // namespace planctl::write::docx
