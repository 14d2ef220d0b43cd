#include <planctl/workbook/district_summary.hpp>

#include <doctest/doctest.h>

#include <cstdlib>

#include "workbook_fixture.hpp"

using namespace planctl;
using namespace planctl::workbook;
using planctl::util::Date;

namespace {

const Date k_as_of{2020, 12, 31};

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

SummaryRow passed_row(std::string file, std::string district) {
  SummaryRow row;
  row.file = std::move(file);
  row.district = std::move(district);
  return row;
}

} // namespace

TEST_CASE("workbook::check_result_label") {
  SUBCASE("no finding") {
    CHECK(check_result_label(0, 0) == "通过");
  }
  SUBCASE("warnings only") {
    CHECK(check_result_label(0, 3) == "3个警告");
  }
  SUBCASE("errors only") {
    CHECK(check_result_label(1, 0) == "1个错误");
  }
  SUBCASE("both") {
    CHECK(check_result_label(2, 1) == "2个错误、1个警告");
  }
}

TEST_CASE("workbook::summary_row") {
  const model::PlanFile plan = test::sample_plan();

  SUBCASE("a passed file: counts by state as of the date, the latest past activity") {
    const SummaryRow row = summary_row("plans/a.yaml", &plan, true, 0, 2, k_as_of);
    CHECK(row.file == "plans/a.yaml");
    CHECK(row.school == "海东市平安区第二中学");
    CHECK(row.code.empty());
    CHECK(row.title == "2020年创建民族团结进步先进区工作安排");
    CHECK(row.has_counts);
    CHECK(row.tasks == 4);
    // 已完成 进行中 逾期 未开始 长期: archive is done, propaganda late, quality not started,
    // duty long-term.
    CHECK(row.states == std::array<std::size_t, 5>{1, 0, 1, 1, 1});
    CHECK(row.activities == 3);
    REQUIRE(row.last_activity.has_value());
    CHECK(*row.last_activity == Date{2020, 10, 20});
    CHECK(row.result == "2个警告");
  }

  SUBCASE("activities after the as-of date are not the latest") {
    const SummaryRow row = summary_row("a.yaml", &plan, true, 0, 0, Date{2020, 10, 1});
    REQUIRE(row.last_activity.has_value());
    CHECK(*row.last_activity == Date{2020, 9, 15});
    // Before propaganda's due date it is in progress (an activity names it), not late.
    CHECK(row.states == std::array<std::size_t, 5>{1, 1, 0, 1, 1});
  }

  SUBCASE("no activity on or before the as-of date") {
    const SummaryRow row = summary_row("a.yaml", &plan, true, 0, 0, Date{2020, 9, 1});
    CHECK_FALSE(row.last_activity.has_value());
    CHECK(row.result == "通过");
  }

  SUBCASE("a failed file keeps its names but shows no counts") {
    model::PlanFile coded = plan;
    coded.school.code = test::text("pingan-no2");
    coded.school.district = test::text("海东市平安区");
    const SummaryRow row = summary_row("a.yaml", &coded, false, 2, 1, k_as_of);
    CHECK(row.school == "海东市平安区第二中学");
    CHECK(row.code == "pingan-no2");
    CHECK(row.district == "海东市平安区");
    CHECK_FALSE(row.has_counts);
    CHECK(row.tasks == 0);
    CHECK_FALSE(row.last_activity.has_value());
    CHECK(row.result == "2个错误、1个警告");
  }

  SUBCASE("a file that could not be read as a plan") {
    const SummaryRow row = summary_row("broken.yaml", nullptr, false, 1, 0, k_as_of);
    CHECK(row.file == "broken.yaml");
    CHECK(row.school.empty());
    CHECK(row.title.empty());
    CHECK_FALSE(row.has_counts);
    CHECK(row.result == "1个错误");
  }
}

TEST_CASE("workbook::summary_title") {
  SUBCASE("one district named by every file that names one") {
    CHECK(summary_title({passed_row("a", "海东市平安区"), passed_row("b", ""),
                         passed_row("c", "海东市平安区")},
                        "汇总表") == "海东市平安区学校工作计划汇总表");
  }
  SUBCASE("two districts") {
    CHECK(summary_title({passed_row("a", "海东市平安区"), passed_row("b", "西宁市城东区")},
                        "问题清单") == "学校工作计划问题清单");
  }
  SUBCASE("no district, no rows") {
    CHECK(summary_title({passed_row("a", "")}, "汇总表") == "学校工作计划汇总表");
    CHECK(summary_title({}, "汇总表") == "学校工作计划汇总表");
  }
}

TEST_CASE("workbook::write_district_summary") {
  ::unsetenv("SOURCE_DATE_EPOCH");
  const auto dir = test::scratch_dir("district-summary");
  const auto path = dir / k_district_summary_name;
  const model::PlanFile plan = test::sample_plan();
  const std::vector<SummaryRow> rows{
      summary_row("plans/a.yaml", &plan, true, 0, 0, k_as_of),
      summary_row("plans/broken.yaml", nullptr, false, 2, 0, k_as_of),
  };
  const std::vector<ProblemRow> problems{
      {"plans/broken.yaml", 3, 5, true, "unknown-key", "“school”中有未知的键“nmae”"},
      {"plans/broken.yaml", 0, 0, true, "file-unreadable", "=HYPERLINK(\"x\")"},
  };

  SUBCASE("two sheets, framed, with the rows, a total and the findings") {
    CHECK(write_district_summary(rows, problems, k_as_of, path).empty());
    const auto parts = test::read_package(path);
    const std::string& workbook = parts.at("xl/workbook.xml");
    CHECK(contains(workbook, "<sheets><sheet name=\"汇总\" sheetId=\"1\" r:id=\"rId1\"/>"
                             "<sheet name=\"问题清单\" sheetId=\"2\" r:id=\"rId2\"/></sheets>"));
    const std::string& summary = parts.at("xl/worksheets/sheet1.xml");
    CHECK(contains(summary, "<pane ySplit=\"3\" topLeftCell=\"A4\" activePane=\"bottomLeft\" "
                            "state=\"frozen\"/>"));
    CHECK(contains(summary, "<autoFilter ref=\"A3:M5\"/>"));
    CHECK(contains(summary, "<mergeCell ref=\"A1:M1\"/>"));
    // 任务数 of the total row: the workbook's own formula with its cached value.
    CHECK(contains(summary, "<c r=\"D6\" s=\"9\"><f>SUM(D4:D5)</f><v>4</v></c>"));
    // The failed file's counts are blank cells, not zeros.
    CHECK(contains(summary, "<c r=\"D5\" s=\"6\"/>"));
    CHECK(contains(summary, "<c r=\"K4\" s=\"7\"><v>44124</v></c>")); // 2020-10-20
    const std::string& findings = parts.at("xl/worksheets/sheet2.xml");
    CHECK(contains(findings, "<autoFilter ref=\"A3:F5\"/>"));
    CHECK(contains(findings, "<c r=\"B4\" s=\"6\"><v>3</v></c><c r=\"C4\" s=\"6\"><v>5</v></c>"));
    // A whole-file finding has no line or column.
    CHECK(contains(findings, "<c r=\"B5\" s=\"6\"/><c r=\"C5\" s=\"6\"/>"));
    CHECK_FALSE(contains(findings, "<f>"));
    const std::string& strings = parts.at("xl/sharedStrings.xml");
    for (const char* s : {"学校工作计划汇总表", "学校工作计划问题清单", "截至2020年12月31日",
                          "最近活动日期", "校验结果", "通过", "2个错误", "plans/broken.yaml",
                          "合计", "错误", "unknown-key", "=HYPERLINK(\"x\")"}) {
      CAPTURE(s);
      CHECK(contains(strings, s));
    }
    CHECK(contains(parts.at("docProps/core.xml"), "2020-12-31T00:00:00Z"));
  }

  SUBCASE("every font names a Chinese face") {
    write_district_summary(rows, problems, k_as_of, path);
    const std::string styles = test::read_package(path).at("xl/styles.xml");
    // Conditional formats (dxf) carry only colours and keep the cell's face.
    const std::string cell_fonts =
        styles.substr(styles.find("<fonts"), styles.find("</fonts>") - styles.find("<fonts"));
    std::size_t fonts = 0;
    for (std::size_t pos = cell_fonts.find("<font>"); pos != std::string::npos;
         pos = cell_fonts.find("<font>", pos + 1)) {
      const std::string font = cell_fonts.substr(pos, cell_fonts.find("</font>", pos) - pos);
      CAPTURE(font);
      CHECK((contains(font, "<name val=\"宋体\"/>") || contains(font, "<name val=\"黑体\"/>")));
      ++fonts;
    }
    CHECK(fonts >= 2);
  }

  SUBCASE("two writes are byte-identical") {
    write_district_summary(rows, problems, k_as_of, path);
    const std::string first = test::read_bytes(path);
    write_district_summary(rows, problems, k_as_of, path);
    CHECK(test::read_bytes(path) == first);
  }

  SUBCASE("no rows and no findings still give both framed sheets") {
    CHECK(write_district_summary({}, {}, k_as_of, path).empty());
    const auto parts = test::read_package(path);
    CHECK(contains(parts.at("xl/worksheets/sheet1.xml"), "<autoFilter ref=\"A3:M3\"/>"));
    CHECK(contains(parts.at("xl/worksheets/sheet2.xml"), "<autoFilter ref=\"A3:F3\"/>"));
  }

  std::filesystem::remove_all(dir);
}
