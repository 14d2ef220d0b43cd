// Text as it goes into workbook cells: display widths for column sizing and Excel's cell length
// limit. The words themselves come from layout::TextRules, as in the documents.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace planctl::workbook {

// Excel's limit on the characters (UTF-16 code units) in one cell.
inline constexpr std::size_t k_cell_limit = 32767;

// The mark put at the end of a cell whose text was cut at `k_cell_limit`.
inline constexpr std::string_view k_cut_mark = "…（已截断）";

// The width of `line` in column-width units: 2 for an East Asian wide or full-width character
// (CJK ideographs, kana, hangul, full-width punctuation and forms), 1 for anything else.
std::size_t display_width(std::string_view line);

// The display width of the widest line of `text` (lines split at `\n`).
std::size_t widest_line(std::string_view text);

// The column width for content whose widest line is `widest` units: two units of padding,
// kept within [`min_width`, `max_width`].
double column_width(std::size_t widest, double min_width, double max_width);

// A text made safe for one cell.
struct CellText {
  std::string text;
  bool cut = false;         // the text was longer than `k_cell_limit` and was cut
  std::size_t original = 0; // the original length in UTF-16 code units
};

// `text` as a cell can hold it: ill-formed UTF-8 bytes and characters XML 1.0 forbids (U+FFFE,
// U+FFFF, C0 controls other than tab, LF and CR) become U+FFFD, and a text longer than
// `limit` UTF-16 code units is cut at a character boundary and ends with `k_cut_mark`, the
// whole staying within `limit`.
CellText fit_cell_text(std::string_view text, std::size_t limit = k_cell_limit);

// `text` with each `_xHHHH_` (four hex digits) written `_x005F_xHHHH_`: readers decode such
// sequences in a workbook's strings (Excel shows `_x0041_` as `A`), so a typed one must be
// escaped to come back as typed.
std::string protect_escapes(std::string_view text);

// `text` ready for a string cell: fit_cell_text() then protect_escapes(), cut further if the
// escapes would take it past `limit`; `original` is the length of `text`.
CellText stored_cell_text(std::string_view text, std::size_t limit = k_cell_limit);

// The length in bytes past which a joined text stops growing: a text this long has more than
// `k_cell_limit` UTF-16 units (a unit takes at most three bytes of UTF-8), so a cell cuts it
// anyway, and a hundred long titles must not be copied in full first.
inline constexpr std::size_t k_join_limit_bytes = 3 * (k_cell_limit + 1);

// Appends `part` to `out` after `separator` (none before the first part); does nothing when
// `part` is empty or `out` already passed `k_join_limit_bytes`.
void append_part(std::string& out, std::string_view part, std::string_view separator);

// `parts` joined with `separator`, empty parts left out, stopping once the text passes
// `k_join_limit_bytes` (a cell holding it is cut at `k_cell_limit` in any case).
std::string join_nonempty(const std::vector<std::string>& parts, std::string_view separator);

} // namespace planctl::workbook
