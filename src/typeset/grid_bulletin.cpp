// A layout::Bulletin on the grid (outputs.md, Bulletin; docs/bulletin.md): the masthead, the
// news items with their photos as blocks of whole grid lines, the 报/送/发 foot on the last
// page. The same faces and sizes as the .docx bulletin (src/write/docx/bulletin_part.cpp).
#include <planctl/typeset/grid.hpp>

#include <algorithm>
#include <cmath>

#include "grid_setter.hpp"

namespace planctl::typeset {

using namespace detail;

namespace {

constexpr double k_masthead_max = 42;  // 初号
constexpr double k_twips = 20;         // twips a point
constexpr double k_headline_size = 18; // 小二, as the .docx

// The bulletin's name: red 小标宋, centred, as large as fits the line up to 初号, on two grid
// lines.
void set_name(Setter& s, const std::string& name) {
  Style style{Face::title, k_masthead_max, false, true};
  const double ems = s.cells(name, Style{Face::title, 1}, 1);
  if (ems > 0) {
    style.size = std::min(k_masthead_max, std::floor(Geometry::area_width / ems));
  }
  const double width = s.cells(name, style, style.size) * style.size;
  s.placed({{name, style}}, LineRole::masthead, Geometry::left + (Geometry::area_width - width) / 2,
           true, style.size);
  for (Piece& p : s.lines.back().line.pieces) {
    p.y = (2 * Geometry::pitch - style.size) / 2 + 0.88 * style.size;
  }
  s.blank(true, false);
  s.lines.back().line.role = LineRole::masthead;
}

// `编印：…` at the left and the date at the right of one line, the red rule under it.
void set_editor_line(Setter& s, const std::string& editor, const std::string& date) {
  s.placed({{editor, body_style()}}, LineRole::masthead, Geometry::left, true);
  const double date_w = s.cells(date, body_style()) * Geometry::cell;
  PendingLine& pl = s.lines.back();
  BrokenLine right;
  right.units = make_units(
      {{date, body_style()}},
      [&](std::string_view t, const Style& st) {
        return s.cells(std::string(t), st) * Geometry::cell;
      },
      1e9);
  for (Piece& p :
       Setter::pieces(right, Geometry::left + Geometry::area_width - date_w, Geometry::cell)) {
    pl.line.pieces.push_back(std::move(p));
  }
  const double y = Geometry::pitch - 1;
  pl.line.rules.push_back(
      Rule{Geometry::left, y, Geometry::left + Geometry::area_width, y, 1.5, true});
}

// A photo: whole grid lines as tall as the picture, the picture centred in them, then its
// caption centred in 楷体 4号; all kept together.
void set_figure(Setter& s, const layout::Figure& figure) {
  const double width = figure.width / k_twips;
  const double height = figure.height / k_twips;
  const int n = std::max(1, static_cast<int>(std::ceil(height / Geometry::pitch - 1e-6)));
  for (int k = 0; k < n; ++k) {
    PendingLine pl;
    pl.line.role = LineRole::figure;
    pl.keep_with_next = true;
    if (k == 0) {
      pl.line.images.push_back(Image{figure.picture,
                                     Geometry::left + (Geometry::area_width - width) / 2,
                                     (n * Geometry::pitch - height) / 2, width, height});
    }
    s.lines.push_back(std::move(pl));
  }
  if (!figure.caption.empty()) {
    s.centred(figure.caption, Style{Face::kai, k_small_size}, LineRole::caption, true);
  }
  s.lines.back().keep_with_next = false;
}

// Two landscape photos side by side, each centred in half the type area (one character
// apart), as many whole lines as the taller; their captions under each, line by line.
void set_figure_pair(Setter& s, const layout::Figure& left, const layout::Figure& right) {
  const double half = layout::k_figure_half_width / k_twips;
  const double centres[2] = {Geometry::left + half / 2,
                             Geometry::left + Geometry::area_width - half / 2};
  const layout::Figure* figures[2] = {&left, &right};
  const double height = std::max(left.height, right.height) / k_twips;
  const int n = std::max(1, static_cast<int>(std::ceil(height / Geometry::pitch - 1e-6)));
  const std::size_t first = s.lines.size();
  for (int k = 0; k < n; ++k) {
    PendingLine pl;
    pl.line.role = LineRole::figure;
    pl.keep_with_next = true;
    s.lines.push_back(std::move(pl));
  }
  const Style kai{Face::kai, k_small_size};
  std::vector<BrokenLine> captions[2];
  for (int i = 0; i < 2; ++i) {
    const layout::Figure& f = *figures[i];
    const double w = f.width / k_twips;
    const double h = f.height / k_twips;
    s.lines[first].line.images.push_back(
        Image{f.picture, centres[i] - w / 2, (n * Geometry::pitch - h) / 2, w, h});
    if (!f.caption.empty()) {
      captions[i] = s.broken(f.caption, kai, std::floor(half / k_small_size), k_small_size);
    }
  }
  const std::size_t rows = std::max(captions[0].size(), captions[1].size());
  for (std::size_t k = 0; k < rows; ++k) {
    PendingLine pl;
    pl.line.role = LineRole::caption;
    pl.keep_with_next = true;
    for (int i = 0; i < 2; ++i) {
      if (k < captions[i].size()) {
        const double x = centres[i] - captions[i][k].width() * k_small_size / 2;
        for (Piece& p : Setter::pieces(captions[i][k], x, k_small_size)) {
          pl.line.pieces.push_back(std::move(p));
        }
      }
    }
    s.lines.push_back(std::move(pl));
  }
  s.lines.back().keep_with_next = false;
}

// The 报/送/发 lines in 仿宋 4号, one character in, between thin rules.
std::vector<PendingLine> foot_lines(Setter& s, const std::vector<layout::CopyLine>& copy_lines) {
  const std::size_t first = s.lines.size();
  const Style small{Face::fang, k_small_size};
  for (const layout::CopyLine& line : copy_lines) {
    s.placed({{line.label + "：" + line.text, small}}, LineRole::imprint,
             Geometry::left + k_small_size, true, k_small_size);
  }
  std::vector<PendingLine> out(s.lines.begin() + static_cast<std::ptrdiff_t>(first), s.lines.end());
  s.lines.resize(first);
  if (!out.empty()) {
    const double right = Geometry::left + Geometry::area_width;
    out.front().line.rules.push_back(Rule{Geometry::left, 0, right, 0, 0.5, false});
    out.back().line.rules.push_back(
        Rule{Geometry::left, Geometry::pitch, right, Geometry::pitch, 0.5, false});
  }
  return out;
}

} // namespace

std::vector<Page> set_pages(const layout::Bulletin& bulletin, const Measure& measure) {
  Setter s(measure);
  set_name(s, bulletin.name);
  s.centred(bulletin.number, body_style(), LineRole::masthead, true);
  set_editor_line(s, bulletin.editor, bulletin.date);
  s.blank(true, false);
  bool first_item = true;
  for (const layout::NewsSection& section : bulletin.sections) {
    if (!section.school.empty()) {
      if (!first_item) {
        s.blank(false, true);
      }
      s.placed({{"【" + section.school + "】", Style{Face::hei}}}, LineRole::heading,
               Geometry::left, true);
    }
    for (const layout::NewsItem& item : section.items) {
      if (!first_item && s.lines.back().line.role != LineRole::heading) {
        s.blank(false, true);
      }
      first_item = false;
      for (const std::string& line : item.headline_lines) {
        s.centred(line, Style{Face::hei, k_headline_size}, LineRole::heading, true);
      }
      if (!item.byline.empty()) {
        s.centred(item.byline, Style{Face::kai}, LineRole::heading, true);
      }
      for (const std::string& paragraph : item.paragraphs) {
        s.paragraph({{paragraph, body_style()}}, LineRole::body);
      }
      if (item.paragraphs.empty() && !s.lines.empty()) {
        s.lines.back().keep_with_next = false;
      }
      for (std::size_t k = 0; k < item.figures.size(); ++k) {
        if (k + 1 < item.figures.size() && item.figures[k + 1].beside) {
          set_figure_pair(s, item.figures[k], item.figures[k + 1]);
          ++k;
        } else {
          set_figure(s, item.figures[k]);
        }
      }
    }
  }
  if (!s.lines.empty()) {
    s.lines.back().keep_with_next = false;
  }
  const std::vector<PendingLine> foot = foot_lines(s, bulletin.copy_lines);
  std::vector<Page> pages = paginate(s.lines);
  if (pages.empty()) {
    pages.emplace_back();
  }
  if (!foot.empty()) {
    // At the foot of the last page, or of a page of its own when the items leave no room.
    const int start = Geometry::lines - static_cast<int>(foot.size());
    const Page& last = pages.back();
    if (!last.lines.empty() && last.lines.back().index >= start - 1) {
      pages.emplace_back();
    }
    std::vector<Page> placed = paginate(foot, start);
    if (!placed.empty()) {
      for (Line& line : placed.front().lines) {
        pages.back().lines.push_back(std::move(line));
      }
      for (Rule& rule : placed.front().rules) {
        pages.back().rules.push_back(rule);
      }
    }
  }
  for (std::size_t i = 0; i < pages.size(); ++i) {
    number_page(pages[i], static_cast<int>(i) + 1, measure);
  }
  return pages;
}

} // namespace planctl::typeset
