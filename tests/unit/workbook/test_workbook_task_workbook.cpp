#include <planctl/model/progress.hpp>
#include <planctl/model/task_index.hpp>
#include <planctl/workbook/task_workbook.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <regex>
#include <thread>

#include "workbook_fixture.hpp"

using namespace planctl;
using namespace planctl::workbook;
using planctl::util::Date;

namespace {

const Date k_as_of{2020, 12, 31};

std::vector<std::string> write(const model::PlanFile& file, const std::filesystem::path& path) {
  const model::TaskIndex index = model::index_tasks(file.plan);
  const auto progress = model::compute_progress(index, file.activities, k_as_of);
  return write_task_workbook(file, index, progress, k_as_of, {}, path);
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::size_t count_of(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t pos = haystack.find(needle); pos != std::string::npos;
       pos = haystack.find(needle, pos + 1)) {
    ++n;
  }
  return n;
}

} // namespace

TEST_CASE("workbook::write_task_workbook") {
  ::unsetenv("SOURCE_DATE_EPOCH");
  const auto dir = test::scratch_dir("task-workbook");
  const auto path = dir / "sample.tasks.xlsx";

  SUBCASE("four sheets in order, each framed, states coloured and listed") {
    CHECK(write(test::sample_plan(), path).empty());
    const auto parts = test::read_package(path);
    const std::string& workbook = parts.at("xl/workbook.xml");
    CHECK(contains(workbook, "<sheets><sheet name=\"任务分工\" sheetId=\"1\" r:id=\"rId1\"/>"
                             "<sheet name=\"活动台账\" sheetId=\"2\" r:id=\"rId2\"/>"
                             "<sheet name=\"月度安排\" sheetId=\"3\" r:id=\"rId3\"/>"
                             "<sheet name=\"统计\" sheetId=\"4\" r:id=\"rId4\"/></sheets>"));
    CHECK(contains(workbook, "<definedName name=\"_xlnm.Print_Titles\" "
                             "localSheetId=\"0\">'任务分工'!$3:$3</definedName>"));
    const std::string& tasks = parts.at("xl/worksheets/sheet1.xml");
    CHECK(contains(tasks, "<pane ySplit=\"3\" topLeftCell=\"A4\" activePane=\"bottomLeft\" "
                          "state=\"frozen\"/>"));
    CHECK(contains(tasks, "<autoFilter ref=\"A3:L7\"/>"));
    // Only the title rows are merged: every row names its group (docs/workbook.md).
    CHECK(contains(tasks, "<mergeCells count=\"2\"><mergeCell ref=\"A1:L1\"/>"
                          "<mergeCell ref=\"A2:L2\"/></mergeCells>"));
    CHECK(contains(tasks, "<pageSetUpPr fitToPage=\"1\"/>"));
    CHECK(contains(tasks,
                   "<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"/>"));
    CHECK(contains(tasks, "<formula1>\"已完成,进行中,逾期,未开始,长期\"</formula1>"));
    CHECK(count_of(tasks, "<cfRule type=\"cellIs\"") == 3);
    CHECK(contains(tasks, "<formula>\"已完成\"</formula>"));
    // The due 2020-10-31 is a date cell; the start 2020-09 a month cell.
    CHECK(contains(tasks, "<v>44135</v>"));
    CHECK(contains(tasks, "<v>44075</v>"));
    CHECK_FALSE(contains(tasks, "<f>"));
    CHECK_FALSE(contains(parts.at("xl/worksheets/sheet2.xml"), "<f>"));
    CHECK_FALSE(contains(parts.at("xl/worksheets/sheet3.xml"), "<f>"));
    const std::string& stats = parts.at("xl/worksheets/sheet4.xml");
    CHECK(count_of(stats, "<f>SUM(") == 7);
    CHECK(contains(stats, "<f>SUM(B4:B8)</f><v>4</v>"));
    // The activity totals count each activity of the ledger once.
    CHECK(contains(stats, "<f>COUNT('活动台账'!A4:A6)</f><v>3</v>"));
    CHECK(contains(stats, "<f>SUM('活动台账'!I4:I6)</f><v>209</v>"));
    CHECK(contains(parts.at("xl/charts/chart1.xml"), "<c:barDir val=\"bar\"/><c:grouping "
                                                     "val=\"stacked\"/>"));
    const std::string& strings = parts.at("xl/sharedStrings.xml");
    CHECK(contains(strings, "<t>截至2020年12月31日</t>"));
    CHECK(
        contains(strings, "<t>海东市平安区第二中学2020年创建民族团结进步先进区工作任务分工表</t>"));
    CHECK(contains(strings, "<t>2021年7月</t>"));
    CHECK(contains(parts.at("docProps/core.xml"),
                   "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2020-12-31T00:00:00Z"));
    CHECK(contains(parts.at("docProps/core.xml"), "<dc:creator>市第二中学党支部</dc:creator>"));
  }

  SUBCASE("every font names a Chinese face") {
    write(test::sample_plan(), path);
    const std::string styles = test::read_package(path).at("xl/styles.xml");
    const std::regex name("<name val=\"([^\"]*)\"/>");
    std::size_t fonts = 0;
    for (auto it = std::sregex_iterator(styles.begin(), styles.end(), name);
         it != std::sregex_iterator(); ++it) {
      ++fonts;
      const std::string face = (*it)[1];
      CHECK((face == "宋体" || face == "黑体"));
    }
    CHECK(fonts >= 3);
  }

  SUBCASE("two writes are byte-identical") {
    write(test::sample_plan(), path);
    const auto second = dir / "again.xlsx";
    write(test::sample_plan(), second);
    CHECK(test::read_bytes(path) == test::read_bytes(second));
    CHECK(test::read_bytes(path).size() > 5000);
  }

  SUBCASE("hostile text is written exactly, as strings") {
    model::PlanFile file = test::sample_plan();
    file.school.name = test::text("../../etc/passwd<a>&</a>");
    file.plan.sections[1].items[1].title = test::text("=cmd|' /C calc'!A0");
    file.plan.sections[1].items[1].lead = test::text("+1");
    file.plan.sections[1].items[1].owner = test::texts({"-2"});
    file.plan.sections[1].items[1].deliverables = test::texts({"@SUM(A1)"});
    file.activities[0].place = test::text("<script>alert(1)</script>");
    CHECK(write(file, path).empty());
    const auto parts = test::read_package(path);
    const std::string& strings = parts.at("xl/sharedStrings.xml");
    CHECK(contains(strings, "<t>=cmd|' /C calc'!A0</t>"));
    CHECK(contains(strings, "<t>+1</t>"));
    CHECK(contains(strings, "<t>-2</t>"));
    CHECK(contains(strings, "<t>@SUM(A1)</t>"));
    CHECK(contains(strings, "<t>&lt;script&gt;alert(1)&lt;/script&gt;</t>"));
    CHECK(contains(strings, "<t>../../etc/passwd&lt;a&gt;&amp;&lt;/a&gt;2020年"));
    CHECK_FALSE(contains(parts.at("xl/worksheets/sheet1.xml"), "<f>"));
    // Only the output itself was created.
    CHECK(std::distance(std::filesystem::directory_iterator(dir),
                        std::filesystem::directory_iterator()) == 1);
  }

  SUBCASE("an over-long measure is cut with a warning, the workbook still written") {
    model::PlanFile file = test::sample_plan();
    file.plan.sections[1].items[0].items[0].text = test::text(std::string(50000, 'x'));
    const auto warnings = write(file, path);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "sheet \"任务分工\" cell D4 (主要措施): the text has 50,017 characters, "
                         "more than Excel's limit of 32,767; it was cut and ends with "
                         "\"…（已截断）\"");
    CHECK(std::filesystem::exists(path));
  }

  SUBCASE("a plan without tasks or activities") {
    model::PlanFile file = test::sample_plan();
    file.plan.sections = {test::item("总体要求")};
    file.activities.clear();
    CHECK(write(file, path).empty());
    const auto parts = test::read_package(path);
    CHECK(contains(parts.at("xl/worksheets/sheet1.xml"), "<autoFilter ref=\"A3:L3\"/>"));
    CHECK(parts.count("xl/charts/chart1.xml") == 0);
  }

  SUBCASE("a period of more than ten years shows its first 120 months") {
    model::PlanFile file = test::sample_plan();
    file.plan.period.end = Date{2100, 12, 31};
    const auto warnings = write(file, path);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "sheet \"月度安排\": the period has 964 months; only the first 120 are "
                         "shown");
  }

  SUBCASE("writes from several threads give identical files") {
    const model::PlanFile file = test::sample_plan();
    write(file, dir / "reference.xlsx");
    const std::string reference = test::read_bytes(dir / "reference.xlsx");
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < 5; ++i) {
          write(file, dir / ("t" + std::to_string(t) + "-" + std::to_string(i) + ".xlsx"));
        }
      });
    }
    for (std::thread& thread : threads) {
      thread.join();
    }
    for (int t = 0; t < 4; ++t) {
      for (int i = 0; i < 5; ++i) {
        CHECK(test::read_bytes(dir / ("t" + std::to_string(t) + "-" + std::to_string(i) +
                                      ".xlsx")) == reference);
      }
    }
  }
  std::filesystem::remove_all(dir);
}
