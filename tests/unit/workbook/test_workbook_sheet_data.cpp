#include <planctl/model/progress.hpp>
#include <planctl/model/task_index.hpp>
#include <planctl/workbook/sheet_data.hpp>

#include <doctest/doctest.h>

#include "workbook_fixture.hpp"

using namespace planctl;
using namespace planctl::workbook;
using planctl::util::Date;

namespace {

const Date k_as_of{2020, 12, 31};
const layout::TextRules k_rules{layout::LayoutOptions{}};

} // namespace

TEST_CASE("workbook::when_cell") {
  SUBCASE("absent") {
    CHECK(when_cell(std::optional<model::Located<model::DayOrMonth>>{}).kind ==
          WhenCell::Kind::none);
    CHECK(when_cell(std::optional<model::Located<model::Due>>{}).kind == WhenCell::Kind::none);
  }
  SUBCASE("a date") {
    const WhenCell cell = when_cell(std::optional{test::due_on(2020, 9, 30)});
    CHECK(cell.kind == WhenCell::Kind::date);
    CHECK(cell.date == Date{2020, 9, 30});
  }
  SUBCASE("a month is its first day") {
    const WhenCell cell = when_cell(std::optional{test::day_or_month(2021, 3)});
    CHECK(cell.kind == WhenCell::Kind::month);
    CHECK(cell.date == Date{2021, 3, 1});
  }
  SUBCASE("a recurring keyword is text") {
    const WhenCell cell = when_cell(std::optional{test::due_every(model::Recurrence::each_term)});
    CHECK(cell.kind == WhenCell::Kind::text);
    CHECK(cell.text == "每学期");
  }
}

TEST_CASE("workbook::measures_text") {
  model::Item item = test::item("宣传");
  SUBCASE("nothing") {
    CHECK(measures_text(item, k_rules) == "");
  }
  SUBCASE("text paragraphs") {
    item.text = test::text("甲，\n乙。\n\n丙。");
    CHECK(measures_text(item, k_rules) == "甲，乙。\n丙。");
  }
  SUBCASE("points continue the last paragraph") {
    item.text = test::text("甲。\n\n乙。");
    item.points = test::texts({"宣传", "整改"});
    CHECK(measures_text(item, k_rules) == "甲。\n乙。一是宣传。二是整改。");
  }
  SUBCASE("points alone") {
    item.points = test::texts({"宣传"});
    CHECK(measures_text(item, k_rules) == "一是宣传。");
  }
  SUBCASE("the plan document's wording: closing commas, quotations, ideographic indents") {
    // Before the workbook called layout::TextRules this cell read
    // `　　甲。一是成立领导小组，。二是“加强宣传。”。`.
    item.text = test::text("　　甲。");
    item.points = test::texts({"成立领导小组，", "“加强宣传。”"});
    CHECK(measures_text(item, k_rules) == "甲。一是成立领导小组。二是“加强宣传。”");
  }
  SUBCASE("ASCII punctuation as the options say") {
    item.text = test::text("甲,乙");
    CHECK(measures_text(item, k_rules) == "甲，乙");
    const layout::TextRules keep{layout::LayoutOptions{.keep_punctuation = true}};
    CHECK(measures_text(item, keep) == "甲,乙");
  }
}

TEST_CASE("workbook::task_rows") {
  const model::PlanFile file = test::sample_plan();
  const model::TaskIndex index = model::index_tasks(file.plan);
  const auto progress = model::compute_progress(index, file.activities, k_as_of);
  const std::vector<TaskRow> rows = task_rows(file, index, progress, k_rules);
  REQUIRE(rows.size() == 4);
  SUBCASE("a task with every column") {
    const TaskRow& row = rows[0];
    CHECK(row.group == "全力以赴迎国检");
    CHECK(row.title == "校内外营造浓厚的宣传氛围");
    CHECK(row.measures == "利用应知应会手册进行宣传，让创建工作基本常识家喻户晓。\n"
                          "第二段 text with words一是利用电子屏宣传。二是撰写征文！");
    CHECK(row.lead == "德育处");
    CHECK(row.owners == "王子涛、张慧君");
    CHECK(row.support == "校办公室、工会");
    CHECK(row.start.kind == WhenCell::Kind::month);
    CHECK(row.start.date == Date{2020, 9, 1});
    CHECK(row.due.kind == WhenCell::Kind::date);
    CHECK(row.due.date == Date{2020, 10, 31});
    CHECK(row.state == model::TaskState::overdue);
    CHECK(row.deliverables == "会议记录、照片");
    CHECK(row.activity_count == 2);
  }
  SUBCASE("groups: a run of two, a task that is its own group, a third group") {
    CHECK(rows[0].group_index == rows[1].group_index);
    CHECK(rows[2].group == "明确主体责任，形成创建工作强大合力");
    CHECK(rows[2].group_index != rows[1].group_index);
    CHECK(rows[3].group == "落实重点工作");
  }
  SUBCASE("states and free-text leads") {
    CHECK(rows[1].state == model::TaskState::done);
    CHECK(rows[1].lead == "教务处");
    CHECK(rows[2].state == model::TaskState::ongoing);
    CHECK(rows[2].due.text == "长期");
    CHECK(rows[3].state == model::TaskState::not_started);
    CHECK(rows[3].lead == "");
  }
}

TEST_CASE("workbook::activity_rows") {
  const model::PlanFile file = test::sample_plan();
  const model::TaskIndex index = model::index_tasks(file.plan);
  const std::vector<ActivityRow> rows = activity_rows(file, index, k_as_of, k_rules);
  REQUIRE(rows.size() == 3);
  SUBCASE("date order, ties in file order") {
    CHECK(rows[0].activity->title.value == "动员大会");
    CHECK(rows[1].activity->title.value == "校园清扫");
    CHECK(rows[2].activity->title.value == "征文比赛");
  }
  SUBCASE("task titles, the group of the first task, joined texts") {
    CHECK(rows[0].tasks == "校内外营造浓厚的宣传氛围、明确主体责任，形成创建工作强大合力");
    CHECK(rows[0].group == "全力以赴迎国检");
    CHECK(rows[0].summary == "对创建工作进行动员部署，宣读实施方案。");
    CHECK(rows[0].evidence == "会议记录、签到表");
  }
  SUBCASE("an activity without a task belongs to 其他工作") {
    CHECK(rows[1].tasks == "");
    CHECK(rows[1].group == "其他工作");
  }
}

TEST_CASE("workbook::activities_per_task") {
  model::PlanFile file = test::sample_plan();
  file.activities.push_back(test::activity({2021, 1, 4}, "重复", {"duty", "duty", "nosuch"}, 3));
  const model::TaskIndex index = model::index_tasks(file.plan);
  const auto per_task = activities_per_task(file, index, Date{2021, 12, 31});
  REQUIRE(per_task.size() == 4);
  REQUIRE(per_task[0].size() == 2);
  CHECK(per_task[0][0]->title.value == "动员大会");
  CHECK(per_task[0][1]->title.value == "征文比赛");
  REQUIRE(per_task[2].size() == 2);
  CHECK(per_task[2][1]->title.value == "重复");
  CHECK(per_task[3].empty());
}

TEST_CASE("workbook::department_rows") {
  const model::PlanFile file = test::sample_plan();
  const model::TaskIndex index = model::index_tasks(file.plan);
  const auto progress = model::compute_progress(index, file.activities, k_as_of);
  const std::vector<DepartmentRow> rows = department_rows(file, index, progress, k_as_of);
  REQUIRE(rows.size() == 5);
  SUBCASE("list order, then free text, then 未指定, then activities without a task") {
    CHECK(rows[0].name == "德育处");
    CHECK(rows[1].name == "校办公室");
    CHECK(rows[2].name == "教务处");
    CHECK(rows[3].name == "未指定");
    CHECK(rows[4].name == "其他工作（未关联任务）");
    CHECK(rows[4].tasks == 0);
    CHECK(rows[4].activities == 1);
  }
  SUBCASE("activities after the as-of date are left out") {
    const auto early = model::compute_progress(index, file.activities, Date{2020, 10, 1});
    const std::vector<DepartmentRow> before = department_rows(file, index, early, {2020, 10, 1});
    REQUIRE(before.size() == 5);
    CHECK(before[0].activities == 1);
    CHECK(before[0].participants == 89);
  }
  SUBCASE("no row for activities without a task when there are none") {
    model::PlanFile linked = file;
    linked.activities.pop_back();
    CHECK(department_rows(linked, index, progress, k_as_of).size() == 4);
  }
  SUBCASE("states in column order") {
    CHECK(rows[0].states == std::array<std::size_t, 5>{0, 0, 1, 0, 0});
    CHECK(rows[1].states == std::array<std::size_t, 5>{0, 0, 0, 0, 1});
    CHECK(rows[2].states == std::array<std::size_t, 5>{1, 0, 0, 0, 0});
    CHECK(rows[3].states == std::array<std::size_t, 5>{0, 0, 0, 1, 0});
  }
  SUBCASE("distinct activities and their participants") {
    CHECK(rows[0].tasks == 1);
    CHECK(rows[0].activities == 2);
    CHECK(rows[0].participants == 209);
    CHECK(rows[1].activities == 1);
    CHECK(rows[1].participants == 89);
    CHECK(rows[2].activities == 0);
  }
}

TEST_CASE("workbook::ledger_totals") {
  const model::PlanFile file = test::sample_plan();
  SUBCASE("an activity naming two departments' tasks counts once") {
    const LedgerTotals totals = ledger_totals(file, k_as_of);
    CHECK(totals.activities == 3);
    CHECK(totals.participants == 209);
    CHECK(totals.later == 0);
  }
  SUBCASE("activities after the as-of date are counted apart, the earliest kept") {
    const LedgerTotals totals = ledger_totals(file, {2020, 9, 30});
    CHECK(totals.activities == 2);
    CHECK(totals.participants == 89);
    CHECK(totals.later == 1);
    CHECK(totals.first_later == Date{2020, 10, 20});
  }
}

TEST_CASE("workbook::as_of_subtitle") {
  const model::PlanFile file = test::sample_plan();
  SUBCASE("nothing left out") {
    CHECK(as_of_subtitle(k_as_of, ledger_totals(file, k_as_of)) == "截至2020年12月31日");
  }
  SUBCASE("later activities are named in the subtitle") {
    const Date as_of{2020, 9, 30};
    CHECK(as_of_subtitle(as_of, ledger_totals(file, as_of)) ==
          "截至2020年9月30日（2020年10月20日起的1项活动未列入）");
  }
}

TEST_CASE("workbook::sheet_title") {
  model::PlanFile file = test::sample_plan();
  SUBCASE("school name, plan title without 安排, then the sheet") {
    CHECK(sheet_title(file, "任务分工表", k_rules) ==
          "海东市平安区第二中学2020年创建民族团结进步先进区工作任务分工表");
  }
  SUBCASE("no school name when the title holds the short name") {
    file.plan.title = test::text("平安二中2020年工作要点");
    CHECK(sheet_title(file, "活动台账", k_rules) == "平安二中2020年工作活动台账");
  }
  SUBCASE("a title without a plan word keeps all of it") {
    file.plan.title = test::text("海东市平安区第二中学德育工作");
    CHECK(sheet_title(file, "任务分工表", k_rules) == "海东市平安区第二中学德育工作任务分工表");
  }
}
