// The grid setter shared by the documents (grid_document.cpp) and the bulletin
// (grid_bulletin.cpp): paragraphs, centred and placed lines as PendingLines for `paginate`.
// Private to src/typeset.
#pragma once

#include <planctl/typeset/grid.hpp>

#include <algorithm>
#include <cmath>

namespace planctl::typeset::detail {

inline constexpr double k_title_size = 22; // 2号
inline constexpr double k_small_size = 14; // 4号: page numbers, 版记

inline Style body_style() {
  return Style{};
}

class Setter {
public:
  explicit Setter(const Measure& measure) : measure_(measure) {}

  std::vector<PendingLine> lines;

  // Width in cells of `text` set in `style` at `cell` points a cell.
  double cells(const std::string& text, const Style& style, double cell = Geometry::cell) const {
    double w = 0;
    for (const Unit& u : make_units({{text, style}}, measure_, 1e9, cell)) {
      w += u.width;
    }
    return w;
  }

  // The pieces of one broken line starting `x` points from the page's left edge: a run of grid
  // characters of one style and one cell width is one piece (a long document holds millions).
  static std::vector<Piece> pieces(const BrokenLine& line, double x, double cell) {
    std::vector<Piece> out;
    x += line.indent * cell;
    for (const Unit& u : line.units) {
      const double w = u.width * cell;
      if (u.grid && !out.empty() && out.back().grid && out.back().advance == w &&
          out.back().style.face == u.style.face && out.back().style.size == u.style.size &&
          out.back().style.bold == u.style.bold && out.back().style.red == u.style.red) {
        out.back().text += u.text;
        out.back().width += w;
        x += w;
        continue;
      }
      Piece p;
      p.advance = u.grid ? w : 0;
      p.text = u.text;
      p.style = u.style;
      p.x = x;
      p.width = u.width * cell;
      p.grid = u.grid;
      x += p.width;
      out.push_back(std::move(p));
    }
    return out;
  }

  // A paragraph on the 28-cell grid; returns the index of its first line.
  std::size_t paragraph(const std::vector<Span>& spans, LineRole role, double first_indent = 2,
                        double indent = 0, bool keep_all = false) {
    const std::size_t first = lines.size();
    const std::vector<BrokenLine> broken =
        break_lines(make_units(spans, measure_, Geometry::cells - std::max(first_indent, indent)),
                    first_indent, indent);
    for (std::size_t k = 0; k < broken.size(); ++k) {
      PendingLine pl;
      pl.line.role = role;
      pl.line.pieces = pieces(broken[k], Geometry::left, Geometry::cell);
      // Widow and orphan control: the first two and the last two lines stay together.
      pl.keep_with_next =
          keep_all || (k == 0 && broken.size() > 1) || (k + 2 == broken.size() && k > 0);
      lines.push_back(std::move(pl));
    }
    if (broken.empty()) {
      PendingLine pl; // an empty paragraph still takes its line
      pl.line.role = role;
      pl.keep_with_next = keep_all;
      lines.push_back(std::move(pl));
    }
    return first;
  }

  void blank(bool keep = false, bool drop_at_top = true) {
    PendingLine pl;
    pl.keep_with_next = keep;
    pl.drop_at_top = drop_at_top;
    lines.push_back(std::move(pl));
  }

  // One line of `spans` placed at `x` (points from the page's left edge), cell `cell`.
  void placed(const std::vector<Span>& spans, LineRole role, double x, bool keep,
              double cell = Geometry::cell) {
    PendingLine pl;
    pl.line.role = role;
    BrokenLine line;
    line.units = make_units(spans, measure_, 1e9, cell);
    pl.line.pieces = pieces(line, x, cell);
    pl.keep_with_next = keep;
    lines.push_back(std::move(pl));
  }

  // Centred lines of `text` in `style` (a title): broken evenly into as few lines as fit.
  // `area` is the type area's width in points (a landscape page's is wider).
  void centred(const std::string& text, const Style& style, LineRole role, bool keep,
               double area = Geometry::area_width) {
    const double cell = style.size;
    const double per_line = area / cell;
    const std::vector<Unit> units = make_units({{text, style}}, measure_, per_line, cell);
    double total = 0;
    for (const Unit& u : units) {
      total += u.width;
    }
    const double n = std::max(1.0, std::ceil(total / per_line - 1e-9));
    const double target = std::min(per_line, std::ceil(total / n) + 1);
    for (const BrokenLine& line : break_lines(units, 0, 0, n > 1 ? target : per_line)) {
      PendingLine pl;
      pl.line.role = role;
      const double x = Geometry::left + (area - line.width() * cell) / 2;
      pl.line.pieces = pieces(line, x, cell);
      pl.keep_with_next = keep;
      lines.push_back(std::move(pl));
    }
  }

  // `text` in `style` broken into lines of `line_cells` cells of `cell` points.
  std::vector<BrokenLine> broken(const std::string& text, const Style& style, double line_cells,
                                 double cell) const {
    return break_lines(make_units({{text, style}}, measure_, line_cells, cell), 0, 0, line_cells);
  }

private:
  const Measure& measure_;
};

// `— N —` under the type area of `page` (§7.5).
void number_page(Page& page, int number, const Measure& measure);

} // namespace planctl::typeset::detail
