// A layout::Document on the grid: which face and indent each block takes (GB/T 9704 §7.2–7.5,
// research/gbt9704.md), which lines are kept together, and the page furniture (page numbers,
// 版头, 版记). Words come from the Document unchanged.
#include <planctl/typeset/grid.hpp>

#include <algorithm>
#include <cmath>

#include "grid_setter.hpp"

namespace planctl::typeset {

using namespace detail;

namespace {

// The face of a numbered heading or run-in title follows its numbering style (§7.3.3).
Style level_style(model::NumberStyle style) {
  switch (style) {
  case model::NumberStyle::chinese:
    return Style{Face::hei};
  case model::NumberStyle::paren_chinese:
    return Style{Face::kai};
  case model::NumberStyle::arabic:
    return Style{Face::fang, 16, true};
  case model::NumberStyle::paren_arabic:
    return Style{Face::fang};
  }
  return Style{};
}

void set_letterhead(Setter& s, const layout::Letterhead& head) {
  // 发文机关标志 (§7.2.4): red 小标宋, centred, its top 35 mm below the type area's top; as large
  // as fits the line, at most 小初 (36 pt).
  Style mark_style{Face::title, 36, false, true};
  const double mark_cells = s.cells(head.mark, Style{Face::title, 1}, 1);
  if (mark_cells > 0) {
    mark_style.size = std::min(36.0, std::floor(Geometry::area_width / mark_cells));
  }
  const double mark_top = 35 * Geometry::mm;
  const double mark_bottom = mark_top + mark_style.size;
  const int number_line = static_cast<int>(std::ceil(mark_bottom / Geometry::pitch)) + 2;
  for (int i = 0; i < number_line; ++i) {
    PendingLine pl;
    pl.line.role = LineRole::letterhead;
    pl.keep_with_next = true;
    if (i == 0 && !head.mark.empty()) {
      BrokenLine line;
      line.units = make_units(
          {{head.mark, mark_style}}, [](std::string_view, const Style&) { return 0.0; }, 1e9,
          mark_style.size);
      const double width = s.cells(head.mark, mark_style, mark_style.size) * mark_style.size;
      pl.line.pieces = Setter::pieces(line, Geometry::left + (Geometry::area_width - width) / 2,
                                      mark_style.size);
      for (Piece& p : pl.line.pieces) {
        p.y = mark_top + mark_style.size * 0.88;
      }
    }
    s.lines.push_back(std::move(pl));
  }
  // 发文字号 centred, or on the left with 签发人 on the right (§7.2.5, §7.2.6), one cell in.
  const Style red_rule_ref = body_style();
  if (!head.signer.empty()) {
    const double right =
        s.cells(head.signer_label, body_style()) + s.cells(head.signer, Style{Face::kai});
    s.placed({{head.doc_number, body_style()}}, LineRole::letterhead,
             Geometry::left + Geometry::cell, true);
    std::vector<Piece> signer;
    PendingLine& pl = s.lines.back();
    BrokenLine line;
    line.units = make_units(
        {{head.signer_label, body_style()}, {head.signer, Style{Face::kai}}},
        [&](std::string_view t, const Style& st) {
          return s.cells(std::string(t), st) * Geometry::cell;
        },
        1e9);
    for (Piece& p : Setter::pieces(
             line, Geometry::left + Geometry::area_width - Geometry::cell - right * Geometry::cell,
             Geometry::cell)) {
      pl.line.pieces.push_back(std::move(p));
    }
  } else {
    const double w = s.cells(head.doc_number, body_style());
    s.placed({{head.doc_number, body_style()}}, LineRole::letterhead,
             Geometry::left + (Geometry::area_width - w * Geometry::cell) / 2, true);
  }
  // The red rule 4 mm below the number, as wide as the type area (§7.2.7).
  Rule rule;
  rule.x0 = Geometry::left;
  rule.x1 = Geometry::left + Geometry::area_width;
  rule.y0 = rule.y1 = Geometry::pitch / 2 + 0.36 * red_rule_ref.size + 4 * Geometry::mm;
  rule.width = 1;
  rule.red = true;
  s.lines.back().line.rules.push_back(rule);
  // The title two lines below the rule.
  s.blank(true, false);
  s.blank(true, false);
}

// The attachment note's lines: `附件：1.……` then entries aligned under the first; wrapped lines
// align with the name after the entry's number (§7.3.4).
void set_attachments(Setter& s, const layout::Block& block, const Measure& measure) {
  const double label = s.cells(block.label, body_style());
  const auto number_width = [&](const std::string& entry) {
    std::size_t n = 0;
    while (n < entry.size() && entry[n] >= '0' && entry[n] <= '9') {
      ++n;
    }
    if (n > 0 && n < entry.size() && entry[n] == '.') {
      return measure(entry.substr(0, n + 1), body_style()) / Geometry::cell;
    }
    return 0.0;
  };
  if (block.entries.empty()) {
    s.paragraph({{block.label, body_style()}}, LineRole::attachments, 2, 2, true);
    return;
  }
  for (std::size_t i = 0; i < block.entries.size(); ++i) {
    const std::string& entry = block.entries[i];
    const double hang = 2 + label + number_width(entry);
    if (i == 0) {
      s.paragraph({{block.label + entry, body_style()}}, LineRole::attachments, 2, hang, true);
    } else {
      s.paragraph({{entry, body_style()}}, LineRole::attachments, 2 + label, hang, true);
    }
  }
}

// The signature (§7.3.5.2 unsealed, §7.3.5.1 sealed), in cells as the text output places it.
void set_signature(Setter& s, const layout::Signature& sig, bool keep_last) {
  const double line = Geometry::cells;
  const double issuer_w = s.cells(sig.issuer, body_style());
  const double date_w = s.cells(sig.date, body_style());
  double issuer_start = 0;
  double date_start = 0;
  if (sig.sealed) {
    date_start = std::max(0.0, line - 4 - date_w);
    issuer_start = std::max(
        0.0, std::min(date_start + std::floor((date_w - issuer_w) / 2), line - 2 - issuer_w));
  } else {
    issuer_start = line - 2 - issuer_w;
    date_start = sig.issuer.empty() ? line - 2 - date_w : issuer_start + 2;
    if (date_start + date_w > line - 2) {
      date_start = line - 2 - date_w;
      issuer_start = date_start - 2;
    }
    if (issuer_start < 0) {
      issuer_start = 0;
      date_start = line - 2 - date_w;
    }
  }
  if (!sig.issuer.empty()) {
    s.placed({{sig.issuer, body_style()}}, LineRole::issuer,
             Geometry::left + issuer_start * Geometry::cell, !sig.date.empty() || keep_last);
  }
  if (!sig.date.empty()) {
    s.placed({{sig.date, body_style()}}, LineRole::date,
             Geometry::left + std::max(0.0, date_start) * Geometry::cell, keep_last);
  }
}

// One table of an attachment page: 4号仿宋, columns as wide as their text allows within the
// type area of `frame` (a landscape page's for a wide table), rows of wrapped cells between
// rules on the grid's lines, the header row (黑体) repeated at the top of every page. `used` is
// the page's next line.
void set_table(Setter& s, const layout::AttachmentPage& page, const Frame& frame, int used,
               const Measure& measure) {
  const std::size_t columns = page.header.size();
  if (columns == 0) {
    return;
  }
  const double size = k_small_size;
  const Style body{Face::fang, size};
  const Style head{Face::hei, size};
  const double pad = size / 4; // points of space inside each side of a cell
  const double area = frame.area_width;
  std::vector<double> natural(columns, 2 * size + 2 * pad);
  const auto widen = [&](const std::vector<std::string>& row, const Style& st) {
    for (std::size_t c = 0; c < columns && c < row.size(); ++c) {
      natural[c] = std::max(natural[c], s.cells(row[c], st, size) * size + 2 * pad);
    }
  };
  widen(page.header, head);
  for (const auto& row : page.rows) {
    widen(row, body);
  }
  // Share the width: every column gets up to four characters, then what is left goes to the
  // columns in proportion to how much more their text wants; room left over is shared alike.
  std::vector<double> width(columns);
  double base = 0;
  double want = 0;
  for (std::size_t c = 0; c < columns; ++c) {
    width[c] = std::min(natural[c], 4 * size + 2 * pad);
    base += width[c];
    want += natural[c] - width[c];
  }
  const double spare = area - base;
  for (std::size_t c = 0; c < columns; ++c) {
    if (spare < 0) {
      width[c] *= area / base; // too many columns for four characters each: all narrowed alike
    } else if (want <= spare) {
      width[c] = natural[c] + (spare - want) / static_cast<double>(columns);
    } else {
      width[c] += spare * (natural[c] - width[c]) / want;
    }
  }
  std::vector<double> col_x(columns + 1, Geometry::left);
  for (std::size_t c = 0; c < columns; ++c) {
    col_x[c + 1] = col_x[c] + width[c];
  }
  // One row as grid lines with its rules (top rule on its first line, bottom on its last).
  const auto row_lines = [&](const std::vector<std::string>& row, bool header) {
    std::vector<std::vector<BrokenLine>> cells(columns);
    std::size_t height = 1;
    for (std::size_t c = 0; c < columns; ++c) {
      const std::string text = c < row.size() ? row[c] : std::string();
      const double room = std::max(1.0, std::floor((width[c] - 2 * pad) / size * 1000) / 1000);
      cells[c] =
          break_lines(make_units({{text, header ? head : body}}, measure, room, size), 0, 0, room);
      height = std::max(height, cells[c].size());
    }
    std::vector<PendingLine> out(height);
    for (std::size_t k = 0; k < height; ++k) {
      out[k].line.role = LineRole::table;
      out[k].keep_with_next = k + 1 < height;
      for (std::size_t c = 0; c <= columns; ++c) {
        out[k].line.rules.push_back(Rule{col_x[c], 0, col_x[c], Geometry::pitch, 0.5, false});
        if (c < columns && k < cells[c].size()) {
          for (Piece& p : Setter::pieces(cells[c][k], col_x[c] + pad, size)) {
            out[k].line.pieces.push_back(std::move(p));
          }
        }
      }
    }
    out.front().line.rules.push_back(Rule{col_x[0], 0, col_x[columns], 0, 0.5, false});
    out.back().line.rules.push_back(
        Rule{col_x[0], Geometry::pitch, col_x[columns], Geometry::pitch, 0.5, false});
    return out;
  };
  const std::vector<PendingLine> header = row_lines(page.header, true);
  for (const PendingLine& pl : header) {
    s.lines.push_back(pl);
  }
  used += static_cast<int>(header.size());
  for (const auto& row : page.rows) {
    std::vector<PendingLine> lines = row_lines(row, false);
    if (used + static_cast<int>(lines.size()) > frame.lines &&
        lines.size() + header.size() <= static_cast<std::size_t>(frame.lines)) {
      // A new page, the header row first.
      for (std::size_t k = 0; k < header.size(); ++k) {
        PendingLine pl = header[k];
        pl.new_page = k == 0;
        s.lines.push_back(std::move(pl));
      }
      used = static_cast<int>(header.size());
    }
    for (PendingLine& pl : lines) {
      s.lines.push_back(std::move(pl));
    }
    used = (used + static_cast<int>(lines.size()) - 1) % frame.lines + 1;
  }
}

// An attachment page: on A4 landscape pages when its table is wider than the type area
// (`wide`, decided in layout, as the .docx writer's landscape section), the title centred and
// the table laid out in the landscape type area.
void set_attachment_page(Setter& s, const layout::AttachmentPage& page, const Measure& measure) {
  const Frame frame = Frame::of(page.wide);
  const std::size_t first = s.lines.size();
  s.placed({{page.label, Style{Face::hei}}}, LineRole::attachments, Geometry::left, true);
  s.lines[first].new_page = true;
  s.blank(true, false);
  s.centred(page.title, Style{Face::title, k_title_size}, LineRole::title, true, frame.area_width);
  s.blank(true, false);
  set_table(s, page, frame, static_cast<int>(s.lines.size() - first), measure);
  for (std::size_t k = first; k < s.lines.size(); ++k) {
    s.lines[k].landscape = page.wide;
  }
}

// The 版记 (§7.4) at the foot of a page: 抄送 in 4号仿宋 one character in from both edges, the
// printing line below it, between rules (the first and last thicker).
std::vector<PendingLine> imprint_lines(Setter& s, const layout::Imprint& imprint) {
  const std::size_t first = s.lines.size();
  const Style small{Face::fang, k_small_size};
  if (!imprint.copy_to.empty()) {
    s.placed({{imprint.copy_to, small}}, LineRole::imprint, Geometry::left + k_small_size, true,
             k_small_size);
  }
  if (!imprint.printed_by.empty() || !imprint.printed_date.empty()) {
    s.placed({{imprint.printed_by, small}}, LineRole::imprint, Geometry::left + k_small_size, true,
             k_small_size);
    const double w = s.cells(imprint.printed_date, small, k_small_size) * k_small_size;
    BrokenLine right;
    right.units = make_units(
        {{imprint.printed_date, small}},
        [&](std::string_view t, const Style& st) {
          return s.cells(std::string(t), st, k_small_size) * k_small_size;
        },
        1e9, k_small_size);
    for (Piece& p : Setter::pieces(right, Geometry::left + Geometry::area_width - k_small_size - w,
                                   k_small_size)) {
      s.lines.back().line.pieces.push_back(std::move(p));
    }
  }
  std::vector<PendingLine> out(s.lines.begin() + static_cast<std::ptrdiff_t>(first), s.lines.end());
  s.lines.resize(first);
  for (std::size_t k = 0; k < out.size(); ++k) {
    const double thick = k == 0 ? 1 : 0.5;
    out[k].line.rules.push_back(
        Rule{Geometry::left, 0, Geometry::left + Geometry::area_width, 0, thick, false});
  }
  if (!out.empty()) {
    out.back().line.rules.push_back(Rule{Geometry::left, Geometry::pitch,
                                         Geometry::left + Geometry::area_width, Geometry::pitch, 1,
                                         false});
  }
  return out;
}

} // namespace

void detail::number_page(Page& page, int number, const Measure& measure) {
  // `— N —` (§7.5): 4号 half-width 宋体 digits between em dashes, 7 mm below the type area,
  // odd pages one character in from the right, even pages one character in from the left; on a
  // landscape page the same under its own type area.
  const Frame frame = Frame::of(page.landscape);
  page.number = number;
  const Style song{Face::song, k_small_size};
  const std::string digits = " " + std::to_string(number) + " ";
  const double w = 2 * k_small_size + measure(digits, song);
  double x = number % 2 == 1 ? Geometry::left + frame.area_width - k_small_size - w
                             : Geometry::left + k_small_size;
  const double y = Geometry::top + frame.area_height + 7 * Geometry::mm + 0.88 * k_small_size;
  page.extras.push_back(Piece{"—", song, x, y, k_small_size, true, k_small_size});
  page.extras.push_back(Piece{digits, song, x + k_small_size, y, w - 2 * k_small_size, false});
  page.extras.push_back(
      Piece{"—", song, x + w - k_small_size, y, k_small_size, true, k_small_size});
}

std::vector<Page> set_pages(const layout::Document& doc, const Measure& measure) {
  Setter s(measure);
  if (doc.letterhead) {
    set_letterhead(s, *doc.letterhead);
  }
  // The title (§7.3.1): 2号小标宋, centred, on the lines the author broke it into or as few as
  // it needs; a blank line under it.
  const Style title{Face::title, k_title_size};
  if (doc.title_lines.empty()) {
    s.centred(doc.title, title, LineRole::title, true);
  } else {
    for (const std::string& line : doc.title_lines) {
      s.centred(line, title, LineRole::title, true);
    }
  }
  s.blank(true, false);
  if (!doc.recipients.empty()) {
    s.paragraph({{doc.recipients, body_style()}}, LineRole::recipients, 0, 0, true);
  }
  std::size_t last_body = s.lines.size();
  for (const layout::Block& block : doc.blocks) {
    switch (block.kind) {
    case layout::BlockKind::heading:
      s.paragraph({{block.number + block.title, level_style(block.style)}}, LineRole::heading, 2, 0,
                  true);
      break;
    case layout::BlockKind::paragraph:
      last_body = s.paragraph({{block.text, body_style()}}, LineRole::body);
      break;
    case layout::BlockKind::run_in:
      last_body =
          s.paragraph({{block.number + block.title + block.title_end, level_style(block.style)},
                       {block.text, body_style()}},
                      LineRole::body);
      break;
    case layout::BlockKind::attachments:
      // The sign-off chain starts at the body's last lines (widow control already keeps the
      // last two together).
      if (!s.lines.empty()) {
        s.lines.back().keep_with_next = true;
      }
      s.blank(true);
      set_attachments(s, block, measure);
      break;
    }
  }
  (void)last_body;
  const bool has_signature = !doc.signature.issuer.empty() || !doc.signature.date.empty();
  if (has_signature) {
    if (!s.lines.empty()) {
      s.lines.back().keep_with_next = true; // the sign-off never stands alone
    }
    s.blank(true);
    set_signature(s, doc.signature, !doc.note.empty());
  }
  if (!doc.note.empty()) {
    s.paragraph({{doc.note, body_style()}}, LineRole::note, 2, 2, false);
  }
  if (!s.lines.empty()) {
    s.lines.back().keep_with_next = false;
  }
  for (const layout::AttachmentPage& page : doc.attachment_pages) {
    set_attachment_page(s, page, measure);
  }
  std::vector<PendingLine> imprint;
  if (doc.imprint) {
    imprint = imprint_lines(s, *doc.imprint);
  }
  std::vector<Page> pages = paginate(s.lines);
  const int numbered = static_cast<int>(pages.size());
  for (int i = 0; i < numbered; ++i) {
    number_page(pages[static_cast<std::size_t>(i)], i + 1, measure);
  }
  if (!imprint.empty()) {
    // The 版记 at the foot of an even last page; a page is added (and a blank one before it when
    // needed) without page numbers.
    const int need = static_cast<int>(imprint.size());
    const int foot = Geometry::lines - need;
    const bool fits = !pages.empty() && numbered % 2 == 0 && !pages.back().landscape &&
                      (pages.back().lines.empty() || pages.back().lines.back().index < foot - 1);
    if (!fits) {
      if (numbered % 2 == 0) {
        pages.emplace_back(); // a blank odd page
      }
      pages.emplace_back();
    }
    Page& last = pages.back();
    std::vector<Page> placed = paginate(imprint, foot);
    if (!placed.empty()) {
      for (Line& line : placed.front().lines) {
        last.lines.push_back(std::move(line));
      }
      for (Rule& rule : placed.front().rules) {
        last.rules.push_back(rule);
      }
    }
  }
  return pages;
}

} // namespace planctl::typeset
