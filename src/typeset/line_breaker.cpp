// Units and the Chinese line breaker (GB/T 15834 practice, W3C clreq §3.1.7): the rules of
// which characters may not start or end a line, and how a line is mended when they would.
#include <planctl/typeset/grid.hpp>
#include <planctl/util/utf8.hpp>

#include <algorithm>
#include <string_view>

namespace planctl::typeset {

namespace {

constexpr double k_eps = 1e-6;

// Marks that may not begin a line (outputs.md "PDF"), with the closing brackets of the same kind.
constexpr std::u32string_view k_no_start = U"，。、；：？！）》」』”’…—〕】〉］｝％";
// Marks that may not end a line.
constexpr std::u32string_view k_no_end = U"（《「『“‘〔【〈［｛";
// Closing marks whose glyph sits in the left half of its cell in a simplified Chinese face, so
// half a cell holds them (clreq 3.1.6 "punctuation adjustment").
constexpr std::u32string_view k_squeezable = U"，。、；：？！）》」』”’〕】〉";

// A character that takes its own measured width: ASCII, Latin-1 (but the middle dot, which
// Chinese text sets full-width) and the other alphabets below the CJK punctuation block.
bool half_width(char32_t cp) {
  if (cp >= 0xFF61 && cp <= 0xFF9F) {
    return true; // half-width forms
  }
  return cp < 0x2000 && cp != 0x00B7 && cp != 0x00D7 && cp != 0x00F7;
}

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t';
}

// The last byte offset in `text` at which the prefix still fits `cells`, preferring a space;
// at least one code point.
std::size_t split_point(std::string_view text, double cells, double cell, const Measure& measure,
                        const Style& style) {
  std::size_t pos = 0;
  std::size_t fits = 0;
  std::size_t space = 0;
  while (pos < text.size()) {
    std::size_t next = pos;
    const char32_t cp = util::next_code_point(text, next);
    if (measure(text.substr(0, next), style) / cell > cells + k_eps) {
      break;
    }
    if (is_space(cp)) {
      space = next;
    }
    fits = next;
    pos = next;
  }
  if (fits == 0) {
    std::size_t next = 0;
    util::next_code_point(text, next);
    return next;
  }
  return space > 0 ? space : fits;
}

void push_run(std::vector<Unit>& out, std::string_view run, const Style& style,
              const Measure& measure, double line_cells, double cell) {
  while (!run.empty()) {
    const double width = measure(run, style) / cell;
    if (width <= line_cells + k_eps) {
      Unit u;
      u.text = std::string(run);
      u.style = style;
      u.width = width;
      u.grid = false;
      out.push_back(std::move(u));
      return;
    }
    const std::size_t cut = split_point(run, line_cells, cell, measure, style);
    Unit u;
    u.text = std::string(run.substr(0, cut));
    u.style = style;
    u.width = measure(u.text, style) / cell;
    u.grid = false;
    out.push_back(std::move(u));
    run.remove_prefix(cut);
  }
}

} // namespace

double BrokenLine::width() const {
  double w = 0;
  for (const Unit& u : units) {
    w += u.width;
  }
  return w;
}

std::vector<Unit> make_units(const std::vector<Span>& spans, const Measure& measure,
                             double line_cells, double cell) {
  std::vector<Unit> out;
  for (const Span& span : spans) {
    const std::string_view text = span.text;
    std::size_t pos = 0;
    std::size_t run_start = std::string_view::npos;
    while (pos < text.size()) {
      const std::size_t start = pos;
      const char32_t cp = util::next_code_point(text, pos);
      if (cp == '\n' || cp == '\r') {
        continue; // a paragraph is one line of text; the layout step never leaves one
      }
      if (half_width(cp)) {
        if (run_start == std::string_view::npos) {
          run_start = start;
        }
        continue;
      }
      if (run_start != std::string_view::npos) {
        push_run(out, text.substr(run_start, start - run_start), span.style, measure, line_cells,
                 cell);
        run_start = std::string_view::npos;
      }
      Unit u;
      u.text = std::string(text.substr(start, pos - start));
      u.style = span.style;
      u.no_start = k_no_start.find(cp) != std::u32string_view::npos;
      u.no_end = k_no_end.find(cp) != std::u32string_view::npos;
      u.squeezable = k_squeezable.find(cp) != std::u32string_view::npos;
      out.push_back(std::move(u));
    }
    if (run_start != std::string_view::npos) {
      push_run(out, text.substr(run_start), span.style, measure, line_cells, cell);
    }
  }
  return out;
}

std::vector<BrokenLine> break_lines(const std::vector<Unit>& units, double first_indent,
                                    double indent, double line_cells) {
  std::vector<BrokenLine> lines;
  std::vector<Unit> u = units;
  std::size_t i = 0;
  double start = first_indent;
  while (i < u.size()) {
    const double room = line_cells - start;
    double used = 0;
    std::size_t j = i;
    while (j < u.size() && used + u[j].width <= room + k_eps) {
      used += u[j].width;
      ++j;
    }
    if (j == i) {
      j = i + 1; // a unit wider than what is left of an indented line: it takes a line alone
    } else if (j < u.size()) {
      bool mended = false;
      // A closing mark that would start the next line after a line that ends in a closing
      // mark (`。”`, `）。`): pull it in, the two marks squeezed to half a cell each, so the
      // line keeps its width.
      if (u[j].no_start && u[j].squeezable && (j + 1 == u.size() || !u[j + 1].no_start) &&
          u[j - 1].squeezable && u[j - 1].width > 0.75) {
        u[j - 1].width = 0.5;
        u[j].width = 0.5;
        ++j;
        mended = true;
      }
      if (!mended) {
        // Push characters down until the break is allowed on both sides.
        std::size_t b = j;
        while (b > i + 1 && (u[b].no_start || u[b - 1].no_end)) {
          --b;
        }
        if (!(u[b].no_start || u[b - 1].no_end)) {
          j = b;
        }
      }
    }
    BrokenLine line;
    line.indent = start;
    line.units.assign(u.begin() + static_cast<std::ptrdiff_t>(i),
                      u.begin() + static_cast<std::ptrdiff_t>(j));
    lines.push_back(std::move(line));
    i = j;
    start = indent;
  }
  return lines;
}

} // namespace planctl::typeset
