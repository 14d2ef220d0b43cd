#include <planctl/typeset/grid.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace planctl::typeset;

namespace {

// Half-width characters are half a cell each (a monospaced stand-in for the shaped widths).
const Measure k_half = [](std::string_view text, const Style&) {
  return static_cast<double>(text.size()) * Geometry::cell / 2;
};

std::vector<BrokenLine> lines_of(const std::string& text, double first_indent = 2) {
  return break_lines(make_units({{text, Style{}}}, k_half, Geometry::cells - first_indent),
                     first_indent, 0);
}

std::string text_of(const BrokenLine& line) {
  std::string out;
  for (const Unit& u : line.units) {
    out += u.text;
  }
  return out;
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += s;
  }
  return out;
}

} // namespace

TEST_CASE("make_units") {
  SUBCASE("a Chinese character, a full-width mark and an ideographic space take one cell each") {
    const auto u = make_units({{"中，\u3000", Style{}}}, k_half);
    REQUIRE(u.size() == 3);
    for (const Unit& unit : u) {
      CHECK(unit.width == doctest::Approx(1));
      CHECK(unit.grid);
    }
    CHECK(u[1].no_start);
    CHECK(u[1].squeezable);
  }
  SUBCASE("a run of digits and Latin letters is one unit of its measured width") {
    const auto u = make_units({{"共2282人，Word 2010", Style{}}}, k_half);
    REQUIRE(u.size() == 5);
    CHECK(u[1].text == "2282");
    CHECK(u[1].width == doctest::Approx(2));
    CHECK_FALSE(u[1].grid);
    CHECK(u[4].text == "Word 2010");
  }
  SUBCASE("a Latin run longer than a line is split at a space, else where it fills the line") {
    const std::string words = repeat("abcdefghij ", 8); // 88 half cells
    const auto u = make_units({{words, Style{}}}, k_half);
    REQUIRE(u.size() >= 2);
    for (const Unit& unit : u) {
      CHECK(unit.width <= Geometry::cells);
    }
    CHECK(u[0].text.back() == ' ');
    const auto v = make_units({{repeat("x", 70), Style{}}}, k_half);
    REQUIRE(v.size() == 2);
    CHECK(v[0].text.size() == 56);
    CHECK(v[1].text.size() == 14);
  }
  SUBCASE("opening marks may not end a line") {
    const auto u = make_units({{"（《「『“‘", Style{}}}, k_half);
    for (const Unit& unit : u) {
      CHECK(unit.no_end);
      CHECK_FALSE(unit.no_start);
    }
  }
}

TEST_CASE("break_lines") {
  SUBCASE("28 cells a line, the first indented two") {
    const auto lines = lines_of(repeat("字", 60));
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].units.size() == 26);
    CHECK(lines[0].indent == 2);
    CHECK(lines[1].units.size() == 28);
    CHECK(lines[1].indent == 0);
    CHECK(lines[2].units.size() == 6);
  }
  SUBCASE("an empty paragraph has no lines") {
    CHECK(lines_of("").empty());
  }
  SUBCASE("a line starting with ” after a line ending in 。 pulls it back, both squeezed") {
    // 26 cells on the first line: 25 字 and 。; ” would start line two.
    const std::string text = repeat("字", 25) + "。”后文";
    const auto lines = lines_of(text);
    REQUIRE(lines.size() == 2);
    CHECK(text_of(lines[0]) == repeat("字", 25) + "。”");
    CHECK(lines[0].width() == doctest::Approx(26));
    CHECK(lines[0].units[25].width == doctest::Approx(0.5));
    CHECK(lines[0].units.back().width == doctest::Approx(0.5));
    CHECK(text_of(lines[1]) == "后文");
  }
  SUBCASE("a mark in the middle of the line is never squeezed: the last character goes down") {
    const std::string text = repeat("字", 12) + "，" + repeat("字", 13) + "。后文";
    const auto lines = lines_of(text);
    REQUIRE(lines.size() == 2);
    CHECK(text_of(lines[0]) == repeat("字", 12) + "，" + repeat("字", 12));
    for (const Unit& u : lines[0].units) {
      CHECK(u.width == doctest::Approx(1));
    }
    CHECK(text_of(lines[1]) == "字。后文");
  }
  SUBCASE("a line starting with 。 and no mark to squeeze pushes the last character down") {
    const std::string text = repeat("字", 26) + "。后文";
    const auto lines = lines_of(text);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].units.size() == 25);
    CHECK(text_of(lines[1]) == "字。后文");
  }
  SUBCASE("a line ending in （ pushes it down") {
    const std::string text = repeat("字", 25) + "（一）后文";
    const auto lines = lines_of(text);
    REQUIRE(lines.size() == 2);
    CHECK(text_of(lines[0]) == repeat("字", 25));
    CHECK(text_of(lines[1]) == "（一）后文");
  }
  SUBCASE("a line ending in “ before a word pushes the quote down with it") {
    const std::string text = repeat("字", 25) + "“双减”工作";
    const auto lines = lines_of(text);
    REQUIRE(lines.size() == 2);
    CHECK(text_of(lines[1]).rfind("“", 0) == 0);
  }
  SUBCASE("…… and —— never start a line") {
    const std::string text = repeat("字", 26) + "……等";
    const auto lines = lines_of(text);
    REQUIRE(lines.size() == 2);
    CHECK(text_of(lines[1]) == "字……等");
  }
  SUBCASE("a digit run is never split and never overflows") {
    const std::string text = repeat("字", 25) + "20200409日";
    const auto lines = lines_of(text);
    REQUIRE(lines.size() == 2);
    CHECK(text_of(lines[0]) == repeat("字", 25));
    CHECK(text_of(lines[1]) == "20200409日");
  }
  SUBCASE("a Latin run longer than a line fills lines without overflowing") {
    const auto lines = lines_of(repeat("x", 130));
    REQUIRE(lines.size() == 3); // 26 + 26 + 13 cells
    for (const BrokenLine& line : lines) {
      CHECK(line.indent + line.width() <= Geometry::cells + 1e-9);
    }
  }
  SUBCASE("no line breaks the rules over a long mixed paragraph") {
    std::string text;
    for (int i = 0; i < 40; ++i) {
      text += "开展“" + repeat("字", i % 5) + "”活动（" + std::to_string(i * 37) + "人），";
    }
    text += "。";
    const auto lines = lines_of(text);
    for (std::size_t k = 0; k < lines.size(); ++k) {
      CHECK(lines[k].indent + lines[k].width() <= Geometry::cells + 1e-9);
      if (k > 0) {
        CHECK_FALSE(lines[k].units.front().no_start);
      }
      if (k + 1 < lines.size()) {
        CHECK_FALSE(lines[k].units.back().no_end);
      }
    }
  }
}
