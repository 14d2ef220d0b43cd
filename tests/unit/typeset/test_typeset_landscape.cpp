// Attachment pages of a table wider than the type area (`AttachmentPage::wide`) on A4 landscape
// pages: the page kind, the turned type area, the repeated header row, the page numbers.
#include <planctl/typeset/grid.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace planctl;
using namespace planctl::typeset;

namespace {

const Measure k_half = [](std::string_view text, const Style&) {
  return static_cast<double>(text.size()) * Geometry::cell / 2;
};

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += s;
  }
  return out;
}

// A one-paragraph document with one attachment of `rows` task rows of seven columns.
layout::Document with_table(bool wide, int rows) {
  layout::Document doc;
  doc.title = "平安区教育局2020年工作要点";
  layout::Block b;
  b.kind = layout::BlockKind::paragraph;
  b.text = repeat("字", 40);
  doc.blocks.push_back(b);
  doc.signature.issuer = "海东市平安区教育局";
  doc.signature.date = "2020年4月9日";
  layout::AttachmentPage page;
  page.label = "附件";
  page.title = "2020年工作任务分工表";
  page.header = {"序号", "工作类别", "工作任务", "牵头部门", "责任人", "配合部门", "完成时限"};
  for (int r = 0; r < rows; ++r) {
    page.rows.push_back({std::to_string(r + 1), "德育工作", repeat("任务", 30), "办公室", "李春梅",
                         "各校", "2020年6月"});
  }
  page.wide = wide;
  doc.attachment_pages.push_back(page);
  return doc;
}

// The right edge of the rightmost rule on `page`.
double rules_right(const Page& page) {
  double right = 0;
  for (const Rule& r : page.rules) {
    right = std::max({right, r.x0, r.x1});
  }
  return right;
}

} // namespace

TEST_CASE("Frame") {
  const Frame portrait = Frame::portrait();
  const Frame landscape = Frame::landscape();
  CHECK(portrait.page_width == doctest::Approx(595.276).epsilon(1e-5));
  CHECK(portrait.lines == 22);
  CHECK(landscape.page_width == doctest::Approx(841.89).epsilon(1e-5));
  CHECK(landscape.page_height == doctest::Approx(595.276).epsilon(1e-5));
  // The .docx writer's margins, on the turned page: 243 × 138 mm, 13 lines of the same pitch.
  CHECK(landscape.area_width == doctest::Approx(243 * Geometry::mm));
  CHECK(landscape.area_height == doctest::Approx(138 * Geometry::mm));
  CHECK(landscape.lines == 13);
  CHECK(Geometry::top + landscape.lines * Geometry::pitch <= landscape.page_height);
}

TEST_CASE("paginate: landscape lines") {
  std::vector<PendingLine> lines(40);
  for (std::size_t k = 5; k < lines.size(); ++k) {
    lines[k].landscape = true;
  }
  const auto pages = paginate(lines);
  // 5 portrait lines, then 35 landscape lines on pages of 13.
  REQUIRE(pages.size() == 4);
  CHECK_FALSE(pages[0].landscape);
  CHECK(pages[0].lines.size() == 5);
  CHECK(pages[1].landscape);
  CHECK(pages[1].lines.size() == 13);
  CHECK(pages[2].lines.size() == 13);
  CHECK(pages[3].landscape);
  CHECK(pages[3].lines.size() == 9);
}

TEST_CASE("set_pages: a wide table on A4 landscape pages") {
  SUBCASE("the attachment's pages are landscape, the body's portrait") {
    const auto pages = set_pages(with_table(true, 12), k_half);
    REQUIRE(pages.size() >= 3);
    CHECK_FALSE(pages[0].landscape);
    std::size_t first = 0;
    while (first < pages.size() && !pages[first].landscape) {
      ++first;
    }
    REQUIRE(first < pages.size());
    CHECK(pages[first].lines.front().pieces.front().text == "附件");
    CHECK(pages.size() - first >= 2); // the table runs on
    for (std::size_t i = first; i < pages.size(); ++i) {
      const Page& page = pages[i];
      CHECK(page.landscape);
      CHECK(page.lines.size() <= 13);
      CHECK(page.lines.back().index < 13);
      // The table spans the turned type area: wider than a portrait one, inside the landscape.
      CHECK(rules_right(page) > Geometry::left + Geometry::area_width + 1);
      CHECK(rules_right(page) <= Geometry::left + Frame::landscape().area_width + 1e-6);
      for (const Line& line : page.lines) {
        for (const Piece& p : line.pieces) {
          CHECK(p.x + p.width <= Geometry::left + Frame::landscape().area_width + 1e-6);
          CHECK(p.y <= Geometry::top + Frame::landscape().area_height);
          if (line.role == LineRole::table) {
            CHECK(p.style.size == 14); // 4号, as the .docx's landscape table
          }
        }
      }
      // The header row opens every page after the first.
      if (i > first) {
        CHECK(page.lines.front().role == LineRole::table);
        CHECK(page.lines.front().pieces.front().text == "序号");
      }
      // Page numbers as on the other pages, under the landscape type area.
      REQUIRE(page.extras.size() == 3);
      const double y = Geometry::top + Frame::landscape().area_height + 7 * Geometry::mm;
      CHECK(page.extras[1].y > y);
      CHECK(page.extras[1].y < y + 14);
      if (page.number % 2 == 1) {
        CHECK(page.extras.back().x + page.extras.back().width ==
              doctest::Approx(Geometry::left + Frame::landscape().area_width - 14));
      } else {
        CHECK(page.extras.front().x == doctest::Approx(Geometry::left + 14));
      }
    }
  }
  SUBCASE("a table that fits stays on portrait pages") {
    const auto pages = set_pages(with_table(false, 12), k_half);
    for (const Page& page : pages) {
      CHECK_FALSE(page.landscape);
      CHECK(rules_right(page) <= Geometry::left + Geometry::area_width + 1e-6);
    }
  }
  SUBCASE("the 版记 after a landscape table goes on a portrait page") {
    layout::Document doc = with_table(true, 12);
    doc.imprint =
        layout::Imprint{"抄送：各学区。", "海东市平安区教育局办公室", "2020年4月10日印发"};
    const auto pages = set_pages(doc, k_half);
    REQUIRE(pages.size() >= 2);
    CHECK_FALSE(pages.back().landscape);
    CHECK(pages.back().number == 0);
    CHECK(pages.back().lines.back().role == LineRole::imprint);
    CHECK(pages.back().lines.back().index == 21);
    CHECK(pages[pages.size() - 2].landscape); // the table's last page, then the 版记's
  }
}
