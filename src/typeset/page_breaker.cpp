// The page breaker: grid lines onto pages of 22, ending a page only where two lines are not
// kept together (a heading with its text, a paragraph's first and last two lines, the sign-off
// chain from the body's last lines to the date).
#include <planctl/typeset/grid.hpp>

namespace planctl::typeset {

namespace {

void place(Page& page, const PendingLine& pending, int index) {
  Line line = pending.line;
  line.index = index;
  const double top = Geometry::top + index * Geometry::pitch;
  for (Piece& piece : line.pieces) {
    piece.y = piece.y == 0 ? Geometry::baseline(index, piece.style.size) : top + piece.y;
  }
  for (Rule& rule : line.rules) {
    rule.y0 += top;
    rule.y1 += top;
    page.rules.push_back(rule);
  }
  line.rules.clear();
  for (Image& image : line.images) {
    image.y += top;
    page.images.push_back(image);
  }
  line.images.clear();
  page.lines.push_back(std::move(line));
}

} // namespace

std::vector<Page> paginate(const std::vector<PendingLine>& lines, int first_page_start) {
  std::vector<Page> pages;
  std::size_t i = 0;
  int start = first_page_start;
  while (i < lines.size()) {
    // A blank line that would open a page is left out.
    while (i < lines.size() && lines[i].drop_at_top && !lines[i].new_page &&
           !(i > 0 && lines[i].landscape != lines[i - 1].landscape)) {
      ++i;
    }
    if (i == lines.size()) {
      break;
    }
    const bool landscape = lines[i].landscape;
    const std::size_t room = static_cast<std::size_t>(Frame::of(landscape).lines - start);
    const auto opens_page = [&](std::size_t k) {
      return lines[k].new_page || lines[k].landscape != landscape;
    };
    std::size_t end = i + 1;
    while (end < lines.size() && end - i < room && !opens_page(end)) {
      ++end;
    }
    if (end < lines.size() && !opens_page(end)) {
      // The page is full: end it before the kept chain that crosses the break.
      std::size_t b = end;
      while (b > i + 1 && lines[b - 1].keep_with_next) {
        --b;
      }
      if (!lines[b - 1].keep_with_next) {
        end = b;
      }
    }
    Page page;
    page.landscape = landscape;
    for (std::size_t k = i; k < end; ++k) {
      place(page, lines[k], start + static_cast<int>(k - i));
    }
    pages.push_back(std::move(page));
    i = end;
    start = 0;
  }
  return pages;
}

} // namespace planctl::typeset
