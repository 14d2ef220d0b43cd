#include <planctl/typeset/grid.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace planctl;
using namespace planctl::typeset;

namespace {

const Measure k_half = [](std::string_view text, const Style&) {
  return static_cast<double>(text.size()) * Geometry::cell / 2;
};

PendingLine line(LineRole role, bool keep = false) {
  PendingLine pl;
  pl.line.role = role;
  pl.keep_with_next = keep;
  return pl;
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += s;
  }
  return out;
}

layout::Document document(int paragraphs, int chars_each) {
  layout::Document doc;
  doc.title = "平安二中2020年工作安排";
  for (int i = 0; i < paragraphs; ++i) {
    layout::Block b;
    b.kind = layout::BlockKind::paragraph;
    b.text = repeat("字", chars_each);
    doc.blocks.push_back(b);
  }
  doc.signature.issuer = "海东市平安区第二中学";
  doc.signature.date = "2020年4月9日";
  return doc;
}

} // namespace

TEST_CASE("paginate") {
  SUBCASE("22 lines a page") {
    std::vector<PendingLine> lines(50, line(LineRole::body));
    const auto pages = paginate(lines);
    REQUIRE(pages.size() == 3);
    CHECK(pages[0].lines.size() == 22);
    CHECK(pages[2].lines.size() == 6);
    CHECK(pages[1].lines[0].index == 0);
  }
  SUBCASE("a heading on the last line moves to the next page") {
    std::vector<PendingLine> lines(21, line(LineRole::body));
    lines.push_back(line(LineRole::heading, true));
    lines.push_back(line(LineRole::body));
    const auto pages = paginate(lines);
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].lines.size() == 21);
    CHECK(pages[1].lines[0].role == LineRole::heading);
  }
  SUBCASE("a blank line that would open a page is left out") {
    std::vector<PendingLine> lines(22, line(LineRole::body));
    PendingLine blank = line(LineRole::blank);
    blank.drop_at_top = true;
    lines.push_back(blank);
    lines.push_back(line(LineRole::body));
    const auto pages = paginate(lines);
    REQUIRE(pages.size() == 2);
    REQUIRE(pages[1].lines.size() == 1);
    CHECK(pages[1].lines[0].role == LineRole::body);
  }
  SUBCASE("a kept chain longer than a page breaks at the page's end") {
    std::vector<PendingLine> lines(30, line(LineRole::heading, true));
    const auto pages = paginate(lines);
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].lines.size() == 22);
  }
  SUBCASE("a new page starts where asked") {
    std::vector<PendingLine> lines(3, line(LineRole::body));
    lines[2].new_page = true;
    const auto pages = paginate(lines);
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].lines.size() == 2);
  }
}

TEST_CASE("set_pages") {
  SUBCASE("the sign-off never stands alone: the body's last lines go with it") {
    // Title + blank, then 19 one-line paragraphs fill the first page to line 21; the blank,
    // issuer and date cannot follow on page one.
    for (int paragraphs = 15; paragraphs <= 24; ++paragraphs) {
      CAPTURE(paragraphs);
      const auto pages = set_pages(document(paragraphs, 20), k_half);
      const Page& last = pages.back();
      bool body = false;
      for (const Line& l : last.lines) {
        body = body || l.role == LineRole::body;
      }
      CHECK(body);
      for (const Page& page : pages) {
        CHECK(page.lines.size() <= 22);
      }
    }
  }
  SUBCASE("a heading on the last line of a page moves down with its text") {
    layout::Document doc = document(19, 20);
    layout::Block heading;
    heading.kind = layout::BlockKind::heading;
    heading.number = "一、";
    heading.title = "总体要求";
    doc.blocks.insert(doc.blocks.begin() + 19, heading);
    const auto pages = set_pages(doc, k_half);
    for (const Page& page : pages) {
      REQUIRE_FALSE(page.lines.empty());
      CHECK(page.lines.back().role != LineRole::heading);
    }
  }
  SUBCASE("page numbers: odd pages one character in from the right, even from the left") {
    const auto pages = set_pages(document(40, 60), k_half);
    REQUIRE(pages.size() >= 2);
    const Piece& odd = pages[0].extras.back();
    const Piece& even = pages[1].extras.front();
    CHECK(odd.x + odd.width == doctest::Approx(Geometry::left + Geometry::area_width - 14));
    CHECK(even.x == doctest::Approx(Geometry::left + 14));
    CHECK(pages[0].number == 1);
    CHECK(pages[1].number == 2);
    CHECK(pages[0].extras[1].text == " 1 ");
  }
  SUBCASE(
      "the unsealed signature: issuer two cells from the right, date two cells in from its start") {
    const auto pages = set_pages(document(1, 10), k_half);
    const Line* issuer = nullptr;
    const Line* date = nullptr;
    for (const Line& l : pages.back().lines) {
      issuer = l.role == LineRole::issuer ? &l : issuer;
      date = l.role == LineRole::date ? &l : date;
    }
    REQUIRE(issuer);
    REQUIRE(date);
    const Piece& last = issuer->pieces.back();
    CHECK(last.x + last.width == doctest::Approx(Geometry::left + 26 * Geometry::cell));
    CHECK(date->pieces.front().x == doctest::Approx(issuer->pieces.front().x + 2 * Geometry::cell));
    CHECK(date->index == issuer->index + 1);
  }
  SUBCASE("an empty paragraph keeps its line") {
    layout::Document doc = document(1, 10);
    doc.blocks.push_back(layout::Block{});
    const auto pages = set_pages(doc, k_half);
    int body = 0;
    for (const Line& l : pages[0].lines) {
      body += l.role == LineRole::body ? 1 : 0;
    }
    CHECK(body == 2);
  }
  SUBCASE("the 版记 goes to the foot of an even page without a number") {
    layout::Document doc = document(3, 10);
    doc.imprint =
        layout::Imprint{"抄送：各学区。", "海东市平安区教育局办公室", "2020年4月10日印发"};
    const auto pages = set_pages(doc, k_half);
    REQUIRE(pages.size() == 2);
    CHECK(pages[1].number == 0);
    REQUIRE(pages[1].lines.size() == 2);
    CHECK(pages[1].lines.back().index == 21);
    CHECK(pages[1].lines.back().role == LineRole::imprint);
  }
}
