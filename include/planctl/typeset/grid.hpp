// The GB/T 9704 page grid: a layout::Document set on A4 pages of 22 lines of 28 cells, with the
// Chinese line-breaking rules and the page rules of outputs.md ("Keeping a page together").
// Pure functions: text widths come from a `Measure` the caller gives (the PDF writer shapes with
// HarfBuzz; the tests use a fixed width), and the result is positions in points on the page.
#pragma once

#include <planctl/layout/document.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace planctl::typeset {

// The faces GB/T 9704 §7 names; the writer maps each to a real font.
enum class Face {
  fang,  // 仿宋_GB2312: body, levels 3 and 4
  title, // 方正小标宋简体: title, 发文机关标志
  hei,   // 黑体: level 1, 附件 labels
  kai,   // 楷体_GB2312: level 2, the signer's name
  song,  // 宋体: page numbers
};

// How a run of text is set.
struct Style {
  Face face = Face::fang;
  double size = 16; // points; 3号
  bool bold = false;
  bool red = false;
};

// The advance width in points of `text` set in `style` (half-width runs only: a grid character
// is always one cell).
using Measure = std::function<double(std::string_view text, const Style& style)>;

// Page and grid geometry in points (A4, margins 37/35/28/26 mm, 156 × 225 mm type area).
struct Geometry {
  static constexpr double mm = 72.0 / 25.4;
  static constexpr double page_width = 210 * mm;
  static constexpr double page_height = 297 * mm;
  static constexpr double left = 28 * mm;
  static constexpr double top = 37 * mm;
  static constexpr double area_width = 156 * mm;
  static constexpr double area_height = 225 * mm;
  static constexpr int lines = 22;
  static constexpr int cells = 28;
  static constexpr double cell = area_width / cells;   // one character of 3号 on the grid
  static constexpr double pitch = area_height / lines; // one grid line
  // The baseline of grid line `line` (0 = first) for text of `size` points: the glyphs sit in
  // the middle of the line's height.
  static double baseline(int line, double size) {
    return top + line * pitch + pitch / 2 + 0.36 * size;
  }
};

// The page a line is set on: A4 portrait, or A4 landscape (297 × 210 mm) for an attachment
// table wider than the type area. A landscape page keeps the portrait page's margins (top 37,
// bottom 35, left 28, right 26 mm, as the .docx writer's landscape section) and line pitch:
// its type area is 243 × 138 mm, 13 lines of 43 cells; the grid's top-left corner is the same.
struct Frame {
  double page_width = Geometry::page_width;
  double page_height = Geometry::page_height;
  double area_width = Geometry::area_width;
  double area_height = Geometry::area_height;
  int lines = Geometry::lines;

  static constexpr Frame portrait() { return Frame{}; }
  static constexpr Frame landscape() {
    return Frame{Geometry::page_height, Geometry::page_width,
                 Geometry::page_height - Geometry::left - 26 * Geometry::mm,
                 Geometry::page_width - Geometry::top - 35 * Geometry::mm,
                 static_cast<int>((Geometry::page_width - Geometry::top - 35 * Geometry::mm) /
                                  Geometry::pitch)};
  }
  static constexpr Frame of(bool landscape_page) {
    return landscape_page ? landscape() : portrait();
  }
};

// Text placed on a page: `text` starts at `x` (points from the page's left edge) on the baseline
// `y` (points from the top) and takes `width` points. `grid` text is set one character a cell,
// each `advance` points on from the last (a squeezed mark is a piece of its own, half a cell).
struct Piece {
  std::string text;
  Style style;
  double x = 0;
  double y = 0; // before `paginate`: 0 for the line's baseline, else points below the line's top
  double width = 0;
  bool grid = true;
  double advance = 0; // grid: the cell of each character
};

// A straight rule (版头 and 版记 rules, table borders).
struct Rule {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width = 0.5;
  bool red = false;
};

// A picture on a page (a bulletin's photo): `picture` indexes the bulletin's pictures; its
// top-left corner `x`, `y` and its size in points (before `paginate`, `y` is measured from the
// top of the line that holds it).
struct Image {
  std::size_t picture = 0;
  double x = 0, y = 0, width = 0, height = 0;
};

// What a line of the grid holds, for the page breaker and the tests.
enum class LineRole {
  blank,
  title,
  letterhead,
  recipients,
  heading,
  body,
  attachments,
  issuer,
  date,
  note,
  table,
  imprint,
  masthead,
  figure, // a line a picture covers (the first holds the Image)
  caption
};

// One grid line on a page.
struct Line {
  LineRole role = LineRole::blank;
  int index = 0; // 0..21 on the page
  std::vector<Piece> pieces;
  std::vector<Rule> rules;   // before `paginate`: y measured from the line's top
  std::vector<Image> images; // before `paginate`: y measured from the line's top
};

struct Page {
  bool landscape = false; // an attachment table wider than the type area
  int number = 0;         // the printed page number, 0 for none (the 版记 pages)
  std::vector<Line> lines;
  std::vector<Piece> extras; // off-grid text: the 发文机关标志, the page number
  std::vector<Rule> rules;
  std::vector<Image> images; // the photos on the page, in reading order
};

// ---- the line breaker ----

// One unbreakable unit of a paragraph: a grid character (one cell) or a run of half-width
// characters (its measured width in cells, never split unless longer than a line).
struct Unit {
  std::string text;
  Style style;
  double width = 1; // in cells
  bool grid = true; // a one-cell character
  bool no_start = false; // may not begin a line: ，。、；：？！）》」』”’…— and closing brackets
  bool no_end = false;     // may not end a line: （《「『“‘ and opening brackets
  bool squeezable = false; // a closing mark whose glyph sits in its left half
};

// A run of text in one style, for `make_units`.
struct Span {
  std::string text;
  Style style;
};

// `spans` cut into units; half-width runs wider than `line_cells` are split at a space, or at
// the last character that fits when they have none. `cell` is the cell width in points of the
// text size (a 2号 title has wider cells).
std::vector<Unit> make_units(const std::vector<Span>& spans, const Measure& measure,
                             double line_cells = Geometry::cells, double cell = Geometry::cell);

// A broken line: the units it holds (with any squeezed mark's width halved) and its start.
struct BrokenLine {
  double indent = 0; // cells from the left edge
  std::vector<Unit> units;
  double width() const;
};

// Breaks `units` into lines of `line_cells`, the first starting `first_indent` cells in and the
// rest `indent` cells in. No line starts with a `no_start` unit or ends with a `no_end` one:
// a closing mark that would start a line after a line ending in a closing mark is pulled back,
// the two squeezed to half a cell each; otherwise characters are pushed to the next line (the
// line then ends short of the right edge). No line is wider than `line_cells`.
std::vector<BrokenLine> break_lines(const std::vector<Unit>& units, double first_indent = 2,
                                    double indent = 0, double line_cells = Geometry::cells);

// ---- the page breaker ----

// A grid line before pagination, with whether it must stay on the page of the next one.
struct PendingLine {
  Line line; // `index` is set by `paginate`
  bool keep_with_next = false;
  bool new_page = false;    // starts a new page (an attachment page)
  bool drop_at_top = false; // a blank line that is left out when it would open a page
  bool landscape = false;   // set on an A4 landscape page (Frame::landscape); a line whose
                            // kind differs from the line before it starts a new page
};

// Lines onto pages of their frame's lines (22 portrait, 13 landscape): a page ends only between
// lines that are not kept together (a page that cannot hold a whole kept chain breaks it at the
// page's end).
std::vector<Page> paginate(const std::vector<PendingLine>& lines, int first_page_start = 0);

// ---- the whole document ----

// `doc` set on pages: letterhead, title, recipients, body, attachment note, signature, note,
// attachment pages and 版记, with page numbers `— N —`.
std::vector<Page> set_pages(const layout::Document& doc, const Measure& measure);

// `bulletin` set on pages (outputs.md, Bulletin): the masthead (the name in red 小标宋 as
// large as the line allows up to 初号, 第N期, the 编印 line with the date, the red rule), each
// school's name in a combined bulletin, each item's headline (黑体, centred), byline (楷体,
// centred) and story; each photo a block of whole grid lines as tall as the picture, centred,
// with its caption under it in 楷体 (the picture and its caption never split); the 报/送/发
// lines between rules at the foot of the last page; page numbers `— N —`.
std::vector<Page> set_pages(const layout::Bulletin& bulletin, const Measure& measure);

} // namespace planctl::typeset
