#include <planctl/layout/layout.hpp>
#include <planctl/model/task_index.hpp>

#include <doctest/doctest.h>

#include "plan_builder.hpp"

using namespace planctl;
using namespace planctl::layout;
using namespace test_layout;
using util::Date;
using Lines = std::vector<std::string>;

namespace {

// Each block as one line: `H1:一、title`, `R:1.|title|。|text`, `P:text`, `A:附件：|1.x|2.y`.
Lines outline(const Document& doc) {
  Lines out;
  for (const Block& block : doc.blocks) {
    switch (block.kind) {
    case BlockKind::heading:
      out.push_back("H" + std::to_string(block.outline_level) + ":" + block.number + block.title);
      break;
    case BlockKind::run_in:
      out.push_back("R:" + block.number + "|" + block.title + "|" + block.title_end + "|" +
                    block.text);
      break;
    case BlockKind::paragraph:
      out.push_back("P:" + block.text);
      break;
    case BlockKind::attachments: {
      std::string line = "A:" + block.label;
      for (const std::string& entry : block.entries) {
        line += "|" + entry;
      }
      out.push_back(line);
      break;
    }
    }
  }
  return out;
}

model::PlanFile seed_like_plan() {
  model::PlanFile file = plan_file();
  file.plan.basis = text("根据《市区教育系统2020年创建民族团结进步先进区工作安排》,结合学校实际,"
                         "\n现就我校2020年创建民族团结进步先进区工作安排如下:");
  file.plan.sections = {
      item("总体要求", std::string("深入学习贯彻……")),
      item("工作任务", std::nullopt, {},
           {item("明确主体责任,形成创建工作强大合力。", std::string("成立领导小组。")),
            item("全力以赴“迎国检”,确保创建工作顺利、有效推进", std::nullopt, {},
                 {item("校内外营造浓厚的宣传氛围", std::nullopt,
                       {"利用创建民族团结应知应会手册等进行宣传,让创建工作基本常识家喻户晓",
                        "在校园内充分利用led电子屏、广播等形式大力宣传"})})}),
  };
  file.plan.attachments = texts({"领导小组名单", "任务分工表"});
  return file;
}

} // namespace

TEST_CASE("layout::layout_plan") {
  SUBCASE("title, basis, sections, attachments and signature in order") {
    const model::PlanFile file = seed_like_plan();
    const Document doc = layout_plan(file, model::index_tasks(file.plan));
    CHECK(doc.title == "2020年创建民族团结进步先进区工作安排");
    CHECK(outline(doc) ==
          Lines{"P:根据《市区教育系统2020年创建民族团结进步先进区工作安排》，结合学校实际，"
                "现就我校2020年创建民族团结进步先进区工作安排如下：",
                "H1:一、总体要求", "P:深入学习贯彻……", "H1:二、工作任务",
                "H2:（一）明确主体责任，形成创建工作强大合力", "P:成立领导小组。",
                "H2:（二）全力以赴“迎国检”，确保创建工作顺利、有效推进",
                "R:1.|校内外营造浓厚的宣传氛围|。|一是利用创建民族团结应知应会手册等进行宣传，"
                "让创建工作基本常识家喻户晓。二是在校园内充分利用led电子屏、广播等形式大力宣传。",
                "A:附件：|1.领导小组名单|2.任务分工表"});
    CHECK(doc.signature.issuer == "市第二中学党支部");
    CHECK(doc.signature.date == "2020年4月9日");
    CHECK(doc.metadata.title == doc.title);
    CHECK(doc.metadata.author == "市第二中学党支部");
    CHECK(doc.metadata.date == Date{2020, 4, 9});
  }
  SUBCASE("keep_punctuation keeps every text as written") {
    const model::PlanFile file = seed_like_plan();
    const Document doc = layout_plan(file, model::index_tasks(file.plan), LayoutOptions{true});
    const Lines lines = outline(doc);
    CHECK(lines[0] == "P:根据《市区教育系统2020年创建民族团结进步先进区工作安排》,结合学校实际,"
                      "现就我校2020年创建民族团结进步先进区工作安排如下:");
    CHECK(lines[4] == "H2:（一）明确主体责任,形成创建工作强大合力");
  }
  SUBCASE("a minimal plan: no basis, no attachments") {
    model::PlanFile file = plan_file();
    file.plan.sections = {item("唯一一项")};
    const Document doc = layout_plan(file, model::index_tasks(file.plan));
    CHECK(outline(doc) == Lines{"H1:一、唯一一项"});
  }
}

TEST_CASE("layout::layout_report") {
  model::PlanFile file = seed_like_plan();
  file.plan.sections[1].items[0].is_task = true;
  file.plan.sections[1].items[0].id = text("duty");

  SUBCASE("no report and no activities: no report") {
    CHECK_FALSE(layout_report(file, model::index_tasks(file.plan)).has_value());
  }
  SUBCASE("activities alone: 主要做法 numbered 一、, default title, issuer and date") {
    set_activities(file, {activity(Date{2020, 3, 13}, "召开动员大会", {"duty"}),
                          activity(Date{2020, 11, 2}, "总结表彰")});
    const auto doc = layout_report(file, model::index_tasks(file.plan));
    REQUIRE(doc.has_value());
    CHECK(doc->title == "2020年创建民族团结进步先进区工作总结");
    // The opening counts the activities; a group of one activity has no generated lead.
    CHECK(outline(*doc) == Lines{"P:"
                                 "2020年，海东市平安区第二中学根据《市区教育系统2020年创建民族团结"
                                 "进步先进区工作安排》，结合学校实际，"
                                 "认真落实《2020年创建民族团结进步先进区工作安排》，全年共开展各类"
                                 "活动2次。现将全年工作总结如下：",
                                 "H1:一、主要做法", "H2:（一）明确主体责任，形成创建工作强大合力",
                                 "P:3月13日，召开动员大会。", "H2:（二）其他工作",
                                 "P:11月2日，总结表彰。"});
    CHECK(doc->signature.issuer == "市第二中学党支部");
    CHECK(doc->signature.date == "2020年11月2日");
    CHECK(doc->metadata.date == Date{2020, 11, 2});
  }
  SUBCASE("every section, in order, numbered 一、 to 五、") {
    file.school.short_name = text("平安二中");
    model::ProfileFact students;
    students.label = text("在校学生");
    students.value = text("2282");
    students.unit = text("人");
    file.school.profile = {students};
    set_activities(file, {activity(Date{2020, 3, 13}, "召开动员大会", {"duty"})});
    model::Report report;
    report.overview = text("学校……");
    report.achievements = texts({"被评为先进集体。"});
    report.problems.resize(1);
    report.problems[0].title = text("认识不够");
    report.problems[0].text = text("部分教师认识不足。");
    report.next_steps.resize(1);
    report.next_steps[0].text = text("继续努力。");
    file.report = report;
    const auto doc = layout_report(file, model::index_tasks(file.plan));
    REQUIRE(doc.has_value());
    CHECK(outline(*doc) == Lines{"P:"
                                 "2020年，平安二中根据《市区教育系统2020年创建民族团结进步先进区工"
                                 "作安排》，结合学校实际，"
                                 "认真落实《2020年创建民族团结进步先进区工作安排》，全年共开展活动1"
                                 "次。现将全年工作总结如下：",
                                 "H1:一、基本情况", "P:平安二中现有在校学生2282人。", "P:学校……",
                                 "H1:二、主要做法", "H2:（一）明确主体责任，形成创建工作强大合力",
                                 "P:3月13日，召开动员大会。", "H1:三、取得的成绩",
                                 "R:1.|||被评为先进集体。", "H1:四、存在的问题",
                                 "R:（一）|认识不够|。|部分教师认识不足。", "H1:五、下一步工作打算",
                                 "P:继续努力。"});
  }
  SUBCASE("empty sections are left out and the numbers close up") {
    model::Report report;
    report.achievements = texts({"被评为先进集体。"});
    report.next_steps.resize(1);
    report.next_steps[0].title = text("加强学习");
    report.next_steps[0].points = texts({"读书", "写心得"});
    file.report = report;
    const auto doc = layout_report(file, model::index_tasks(file.plan));
    REQUIRE(doc.has_value());
    CHECK(outline(*doc) ==
          Lines{"P:"
                "2020年，海东市平安区第二中学根据《市区教育系统2020年创建民族团结进步先进区工作安排"
                "》，结合学校实际，"
                "认真落实《2020年创建民族团结进步先进区工作安排》。现将全年工作总结如下：",
                "H1:一、取得的成绩", "R:1.|||被评为先进集体。", "H1:二、下一步工作打算",
                "R:（一）|加强学习|。|一是读书。二是写心得。"});
    CHECK(doc->signature.date == "2020年4月9日");
  }
  SUBCASE("headings, title, issuer and date from report") {
    model::Report report;
    report.title = text("平安二中2020年民族团结进步创建工作汇报材料");
    report.issuer = text("平安二中");
    report.date = model::Located<Date>{Date{2020, 12, 30}};
    report.overview = text("概况。");
    report.achievements = texts({"成绩。"});
    report.headings.overview = text("学校概况。");
    report.headings.achievements = text("取得的成效");
    report.headings.problems = text("存在的主要问题");
    file.report = report;
    const auto doc = layout_report(file, model::index_tasks(file.plan));
    REQUIRE(doc.has_value());
    CHECK(doc->title == "平安二中2020年民族团结进步创建工作汇报材料");
    CHECK(outline(*doc) ==
          Lines{"P:"
                "2020年，海东市平安区第二中学根据《市区教育系统2020年创建民族团结进步先进区工作安排"
                "》，结合学校实际，"
                "认真落实《2020年创建民族团结进步先进区工作安排》。现将全年工作总结如下：",
                "H1:一、学校概况", "P:概况。", "H1:二、取得的成效", "R:1.|||成绩。"});
    CHECK(doc->signature.issuer == "平安二中");
    CHECK(doc->signature.date == "2020年12月30日");
    CHECK(doc->metadata.author == "平安二中");
    CHECK(doc->metadata.title == doc->title);
  }
  SUBCASE("report.opening replaces the generated opening, even with nothing after it") {
    file.report = model::Report{};
    file.report->opening = text("2020年，我校扎实开展创建工作。\n\n现将有关情况汇报如下：");
    const auto doc = layout_report(file, model::index_tasks(file.plan));
    REQUIRE(doc.has_value());
    CHECK(outline(*doc) == Lines{"P:2020年，我校扎实开展创建工作。", "P:现将有关情况汇报如下："});
  }
  SUBCASE("a report with nothing to say is still a document with its title and signature") {
    file.report = model::Report{};
    const auto doc = layout_report(file, model::index_tasks(file.plan));
    REQUIRE(doc.has_value());
    CHECK(doc->blocks.empty());
    CHECK(doc->signature.issuer == "市第二中学党支部");
  }
}
