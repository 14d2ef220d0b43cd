#include <planctl/layout/report_sections.hpp>
#include <planctl/model/task_index.hpp>

#include <doctest/doctest.h>

#include "plan_builder.hpp"

using namespace planctl;
using namespace planctl::layout;
using namespace test_layout;
using util::Date;
using Lines = std::vector<std::string>;

namespace {

model::ProfileFact fact(std::string label, std::string value, std::optional<std::string> unit) {
  model::ProfileFact f;
  f.label = text(std::move(label));
  f.value = text(std::move(value));
  if (unit) {
    f.unit = text(std::move(*unit));
  }
  return f;
}

Lines texts_of(const std::vector<Block>& blocks) {
  Lines out;
  for (const Block& block : blocks) {
    switch (block.kind) {
    case BlockKind::heading:
      out.push_back("H:" + block.number + block.title);
      break;
    case BlockKind::run_in:
      out.push_back("R:" + block.number + "|" + block.title + "|" + block.title_end + "|" +
                    block.text);
      break;
    default:
      out.push_back(block.text);
    }
  }
  return out;
}

} // namespace

TEST_CASE("layout::plan_title_stem") {
  CHECK(plan_title_stem("2020年德育工作计划") == "2020年德育工作");
  CHECK(plan_title_stem("工作要点") == "工作");
  CHECK(plan_title_stem("创建方案") == "创建");
  CHECK(plan_title_stem("德育工作") == "德育工作");
  CHECK(plan_title_stem("计划安排") == "计划");
}

TEST_CASE("layout::default_report_title") {
  CHECK(default_report_title("2020年创建民族团结进步先进区工作安排") ==
        "2020年创建民族团结进步先进区工作总结");
  CHECK(default_report_title("2020年工作计划") == "2020年工作总结");
  CHECK(default_report_title("2021年党建工作要点") == "2021年党建工作总结");
  CHECK(default_report_title("创建实施方案") == "创建实施总结");
  CHECK(default_report_title("安排与计划表") == "安排与计划表总结");
  CHECK(default_report_title("民族团结进步创建") == "民族团结进步创建总结");
}

TEST_CASE("layout::profile_sentence") {
  const TextRules rules(LayoutOptions{});
  model::School school;
  school.name = text("海东市平安区第二中学");
  SUBCASE("no profile, no sentence") {
    CHECK(profile_sentence(school, rules) == "");
  }
  school.profile = {fact("在校学生", "2282", "人"), fact("教学班", "45", "个"),
                    fact("教职工", "184", "人")};
  SUBCASE("the full name when there is no short name") {
    CHECK(profile_sentence(school, rules) ==
          "海东市平安区第二中学现有在校学生2282人，教学班45个，教职工184人。");
  }
  SUBCASE("the short name when there is one; a fact without unit") {
    school.short_name = text("平安二中");
    school.profile.push_back(fact("校园占地面积", "35758平方米", std::nullopt));
    CHECK(profile_sentence(school, rules) == "平安二中现有在校学生2282人，教学班45个，教职工184人，"
                                             "校园占地面积35758平方米。");
  }
}

TEST_CASE("layout::period_words") {
  model::Period period{Date{2020, 1, 1}, Date{2020, 12, 31}};
  CHECK(period_words(period) == "2020年");
  period = {Date{2020, 9, 1}, Date{2021, 7, 15}};
  CHECK(period_words(period) == "2020—2021学年");
  period = {Date{2020, 3, 1}, Date{2020, 6, 30}};
  CHECK(period_words(period) == "2020年3月至6月");
  period = {Date{2020, 3, 1}, Date{2021, 2, 28}};
  CHECK(period_words(period) == "2020年3月至2021年2月");
}

TEST_CASE("layout::opening_paragraphs") {
  const TextRules rules(LayoutOptions{});
  model::PlanFile file = plan_file();
  file.school.short_name = text("平安二中");
  SUBCASE("the basis up to 现就, the plan's title, how many activities") {
    file.plan.basis = text("根据《市区工作安排》，结合学校实际，现就有关工作安排如下：");
    set_activities(file, {activity(Date{2020, 3, 13}, "甲"), activity(Date{2020, 4, 1}, "乙")});
    CHECK(opening_paragraphs(file, rules) ==
          Lines{"2020年，平安二中根据《市区工作安排》，结合学校实际，认真落实《" +
                file.plan.title.value + "》，全年共开展各类活动2次。现将全年工作总结如下："});
  }
  SUBCASE("a school year, no basis, no activities") {
    file.plan.basis.reset();
    file.plan.period = {Date{2020, 9, 1}, Date{2021, 7, 15}};
    CHECK(opening_paragraphs(file, rules) ==
          Lines{"2020—2021学年，平安二中认真落实《" + file.plan.title.value +
                "》。现将本学年工作总结如下："});
  }
  SUBCASE("report.opening, paragraph by paragraph") {
    file.report = model::Report{};
    file.report->opening = text("第一段，\n接着写。\n\n第二段。");
    CHECK(opening_paragraphs(file, rules) == Lines{"第一段，接着写。", "第二段。"});
  }
}

TEST_CASE("layout::overview_blocks") {
  const TextRules rules(LayoutOptions{});
  model::PlanFile file = plan_file();
  SUBCASE("nothing to say") {
    CHECK(overview_blocks(file, rules).empty());
  }
  SUBCASE("the profile sentence, then the overview paragraphs") {
    file.school.short_name = text("平安二中");
    file.school.profile = {fact("在校学生", "2282", "人")};
    file.report = model::Report{};
    file.report->overview = text("学校始终坚持……\n\n第二段。");
    CHECK(texts_of(overview_blocks(file, rules)) ==
          Lines{"平安二中现有在校学生2282人。", "学校始终坚持……", "第二段。"});
  }
}

TEST_CASE("layout::practice_blocks") {
  const TextRules rules(LayoutOptions{});
  model::PlanFile file = plan_file();
  file.plan.sections = {
      item("总体要求", std::string("……")),
      item("工作任务", std::nullopt, {},
           {task("duty", "明确主体责任。"),
            item("全力以赴迎国检", std::nullopt, {},
                 {task("propaganda", "营造宣传氛围"), task("archive", "规范整理档案资料")})}),
  };
  const model::TaskIndex index = model::index_tasks(file.plan);

  SUBCASE("no activities, no blocks") {
    CHECK(practice_blocks(file, index, rules).empty());
  }
  SUBCASE("groups in plan order, activities in date order, 其他工作 last") {
    set_activities(file, {
                             activity(Date{2020, 5, 1}, "整理档案", {"archive"}),
                             activity(Date{2020, 3, 13}, "召开动员大会", {"propaganda", "duty"}),
                             activity(Date{2020, 4, 1}, "学雷锋活动"),
                             activity(Date{2020, 2, 1}, "成立领导小组", {"duty"}),
                             activity(Date{2020, 3, 13}, "出黑板报", {"propaganda"}),
                             activity(Date{2020, 6, 1}, "未知任务的活动", {"nope"}),
                         });
    // A lead for the group of three; the two activities of 3月13日 told in one sentence.
    CHECK(texts_of(practice_blocks(file, index, rules)) ==
          Lines{"H:（一）明确主体责任", "2月1日，成立领导小组。", "H:（二）全力以赴迎国检",
                "在“全力以赴迎国检”方面，组织活动3次。", "3月13日，召开动员大会；出黑板报。",
                "5月1日，整理档案。", "H:（三）其他工作", "4月1日，学雷锋活动。",
                "6月1日，未知任务的活动。"});
  }
  SUBCASE("学校 and 我校 only for a school: a 关工委 names itself") {
    file.school.name = text("平安区教育局关工委");
    model::Activity a = activity(Date{2020, 3, 20}, "召开工作会议", {"duty"});
    a.participants = text("各校关工委主任");
    a.count = model::Located<std::int64_t>{32};
    set_activities(file, {a, activity(Date{2020, 4, 1}, "举办培训班", {"duty"})});
    CHECK(texts_of(practice_blocks(file, index, rules)) ==
          Lines{"H:（一）明确主体责任",
                "为明确主体责任，平安区教育局关工委先后开展2项活动，累计32人次参与。",
                "3月20日，平安区教育局关工委组织各校关工委主任32人召开工作会议。",
                "4月1日，举办培训班。"});
  }
  SUBCASE("report.groups: a heading and a lead by title or id, 其他工作 by its name") {
    set_activities(file, {
                             activity(Date{2020, 3, 13}, "召开动员大会", {"duty"}),
                             activity(Date{2020, 4, 1}, "整理档案", {"archive"}),
                             activity(Date{2020, 5, 1}, "营造氛围", {"propaganda"}),
                             activity(Date{2020, 6, 1}, "学雷锋活动"),
                         });
    file.report = model::Report{};
    model::ReportGroup by_id;
    by_id.group = text("duty");
    by_id.heading = text("压实责任");
    model::ReportGroup by_title;
    by_title.group = text("全力以赴迎国检");
    by_title.lead = text("学校把迎检作为全年重点。\n\n第二段。");
    model::ReportGroup other;
    other.group = text("其他工作");
    other.heading = text("其他方面");
    file.report->groups = {by_id, by_title, other};
    CHECK(texts_of(practice_blocks(file, index, rules)) ==
          Lines{"H:（一）压实责任", "3月13日，召开动员大会。", "H:（二）全力以赴迎国检",
                "学校把迎检作为全年重点。", "第二段。", "4月1日，整理档案。", "5月1日，营造氛围。",
                "H:（三）其他方面", "6月1日，学雷锋活动。"});
  }
}

TEST_CASE("layout::achievement_blocks") {
  const TextRules rules(LayoutOptions{});
  CHECK(texts_of(achievement_blocks(texts({"学校被评为先进集体。", "", "获奖522人次,创新高。"}),
                                    rules)) ==
        Lines{"R:1.|||学校被评为先进集体。", "R:2.|||获奖522人次，创新高。"});
  CHECK(achievement_blocks({}, rules).empty());
}

TEST_CASE("layout::report_item_blocks") {
  const TextRules rules(LayoutOptions{});
  std::vector<model::ReportItem> items(4);
  items[0].title = text("思想认识不够");
  items[0].text = text("部分教师认识不足。");
  items[1].text = text("没有标题的问题。");
  items[2].title = text("机制不够健全");
  items[2].points = texts({"任务不明确", "责任不清晰"});
  items[3].title = text("宣传有待加强？");
  items[3].text = text("第一段。\n\n第二段。");
  CHECK(texts_of(report_item_blocks(items, rules)) ==
        Lines{"R:（一）|思想认识不够|。|部分教师认识不足。", "没有标题的问题。",
              "R:（二）|机制不够健全|。|一是任务不明确。二是责任不清晰。",
              "R:（三）|宣传有待加强？||第一段。", "第二段。"});
  const std::vector<Block> blocks = report_item_blocks(items, rules);
  CHECK(blocks[0].style == model::NumberStyle::paren_chinese);
  CHECK(report_item_blocks({}, rules).empty());
}

TEST_CASE("layout::report_date") {
  model::PlanFile file = plan_file();
  CHECK(report_date(file) == Date{2020, 4, 9});
  set_activities(file, {activity(Date{2020, 11, 2}, "甲"), activity(Date{2020, 12, 20}, "乙"),
                        activity(Date{2020, 6, 1}, "丙")});
  CHECK(report_date(file) == Date{2020, 12, 20});
  file.report = model::Report{};
  file.report->date = model::Located<Date>{Date{2021, 1, 5}};
  CHECK(report_date(file) == Date{2021, 1, 5});
}
