#include <planctl/load/plan_builder.hpp>
#include <planctl/load/structure_check.hpp>

#include <doctest/doctest.h>

#include <string>

#include "load_test_util.hpp"

using namespace planctl;
using namespace planctl::load;
using planctl::load::test::k_plan;
using planctl::load::test::render;

namespace {

struct Built {
  model::PlanFile plan;
  std::string findings;
};

// Parses `text`, runs the structure check and builds the model; the findings are those of
// both steps.
Built build(std::string_view text) {
  diag::DiagnosticList list;
  Reporter report("t.yaml", list);
  const ParsedYaml yaml = parse_yaml(text, report);
  REQUIRE(yaml.document);
  const StructureResult structure = check_structure(*yaml.document, report);
  Built out;
  out.plan = build_plan(*yaml.document, structure.flagged, report).plan;
  report.finish();
  list.sort();
  out.findings = render(list);
  return out;
}

Built build_tail(std::string_view tail) {
  return build(std::string(k_plan) + std::string(tail));
}

constexpr std::string_view k_full = R"(version: 1
school:
  name: 海东市平安区第二中学
  short_name: 平安二中
  code: 0123
  district: 海东市平安区
  profile:
    - {label: 在校学生, value: 2282, unit: 人}
    - {label: 办学特色, value: 民族团结}
departments:
  - {id: moral, name: 德育处, head: wang}
people:
  - {id: wang, name: 王子涛, title: 校长, department: moral}
plan:
  title: 2020年工作安排
  year: 2020
  period: {start: 2020-09-01, end: 2021-07-15}
  issuer: 市第二中学党支部
  date: 2020-04-09
  basis: |
    根据文件，
    现安排如下：
  numbering: [一、, 1., （1）]
  sections:
    - title: 工作任务
      text: "第一段\r\n第二段"
      items:
        - title: 宣传
          id: 3.10
          lead: moral
          owner: wang
          support: [office, 团委]
          start: 2020-09
          due: 全年
          months: [9, 10]
          deliverables: 照片
          status: 进行中
          points: [一, 二]
        - title: 2020
  attachments: 附件一
activities:
  - date: 2020-09-13
    title: 动员大会
    task: 3.10
    count: 89
    evidence: [记录, 照片]
  - {date: 2020-09-20, end: 2020-09-21, title: 运动会, task: [3.10, x]}
report:
  date: 2020-12-28
  achievements: [成绩一]
  problems:
    - {title: 问题, text: 说明}
  next_steps:
    - points: [做法]
  headings: {overview: 概况}
  opening: 开头。
  groups:
    - {group: 工作任务, heading: 新标题, lead: 导语}
)";

} // namespace

TEST_CASE("load::build_plan") {
  SUBCASE("a full plan: every field, texts as written") {
    const Built b = build(k_full);
    CHECK(b.findings == "");
    const model::PlanFile& f = b.plan;
    CHECK(f.version.value == 1);
    CHECK(f.version.mark == util::Mark{1, 10});
    CHECK(f.version.key == util::Mark{1, 1});
    CHECK(f.school.name.value == "海东市平安区第二中学");
    CHECK(f.school.short_name->value == "平安二中");
    CHECK(f.school.code->value == "0123"); // the source text, not the number 123
    CHECK(f.school.code->mark == util::Mark{5, 9});
    CHECK(f.school.district->value == "海东市平安区");
    REQUIRE(f.school.profile.size() == 2);
    CHECK(f.school.profile[0].value.value == "2282");
    CHECK(f.school.profile[0].value_is_number);
    CHECK(f.school.profile[0].unit->value == "人");
    CHECK_FALSE(f.school.profile[1].value_is_number);
    CHECK_FALSE(f.school.profile[1].unit);
    CHECK(f.has_departments);
    REQUIRE(f.departments.size() == 1);
    CHECK(f.departments[0].head->value == "wang");
    CHECK(f.has_people);
    CHECK(f.people[0].department->value == "moral");
    CHECK(f.people[0].title->value == "校长");

    const model::Plan& p = f.plan;
    CHECK(p.title.value == "2020年工作安排");
    CHECK(p.year.value == 2020);
    CHECK(p.period.explicit_in_file);
    CHECK(p.period.start == util::Date{2020, 9, 1});
    CHECK(p.period.end == util::Date{2021, 7, 15});
    CHECK(p.period.mark == util::Mark{17, 11});
    CHECK(p.issuer.value == "市第二中学党支部");
    CHECK(p.date.value == util::Date{2020, 4, 9});
    CHECK(p.date.mark == util::Mark{19, 9});
    CHECK(p.basis->value == "根据文件，\n现安排如下：\n");
    CHECK(p.numbering == std::vector<model::NumberStyle>{model::NumberStyle::chinese,
                                                         model::NumberStyle::arabic,
                                                         model::NumberStyle::paren_arabic});
    CHECK(p.numbering_mark == util::Mark{23, 14});
    REQUIRE(p.sections.size() == 1);
    const model::Item& section = p.sections[0];
    CHECK_FALSE(section.is_task);
    CHECK(section.text->value == "第一段\n第二段"); // CRLF counts as one line break
    REQUIRE(section.items.size() == 2);
    const model::Item& task = section.items[0];
    CHECK(task.is_task);
    CHECK(task.id->value == "3.10");
    CHECK(task.lead->value == "moral");
    REQUIRE(task.owner.size() == 1); // one value means a list of one
    CHECK(task.owner[0].value == "wang");
    CHECK(task.owner[0].mark == util::Mark{31, 18});
    CHECK(task.owner[0].key == util::Mark{31, 11});
    CHECK(task.support.size() == 2);
    CHECK(task.start->value == model::DayOrMonth{2020, 9, 0});
    CHECK(task.due->value.recurrence == model::Recurrence::whole_year);
    CHECK(task.due->value.source == "全年");
    REQUIRE(task.months.size() == 2);
    CHECK(task.months[1].value == 10);
    CHECK(task.months[1].mark == util::Mark{35, 23});
    CHECK(task.deliverables.size() == 1);
    CHECK(task.status->value == model::TaskStatus::in_progress);
    CHECK(task.points.size() == 2);
    CHECK(section.items[1].title.value == "2020");
    CHECK(p.attachments.size() == 1);

    REQUIRE(f.activities.size() == 2);
    CHECK(f.activities[0].date.value == util::Date{2020, 9, 13});
    CHECK(f.activities[0].tasks[0].value == "3.10");
    CHECK(f.activities[0].count->value == 89);
    CHECK(f.activities[0].evidence.size() == 2);
    CHECK(f.activities[1].end->value == util::Date{2020, 9, 21});
    CHECK(f.activities[1].tasks.size() == 2);
    CHECK(f.activities[1].file_index == 1);
    CHECK(f.activities[1].mark == util::Mark{47, 5});

    REQUIRE(f.report);
    CHECK(f.report->date->value == util::Date{2020, 12, 28});
    CHECK(f.report->achievements.size() == 1);
    CHECK(f.report->problems[0].title->value == "问题");
    CHECK(f.report->next_steps[0].points.size() == 1);
    CHECK(f.report->headings.overview->value == "概况");
    CHECK_FALSE(f.report->headings.practices);
    CHECK(f.report->opening->value == "开头。");
    REQUIRE(f.report->groups.size() == 1);
    CHECK(f.report->groups[0].group.value == "工作任务");
    CHECK(f.report->groups[0].group.mark == util::Mark{58, 15});
    CHECK(f.report->groups[0].heading->value == "新标题");
    CHECK(f.report->groups[0].lead->value == "导语");
    CHECK(f.report->groups[0].mark == util::Mark{58, 7});
  }
  SUBCASE("the period defaults to the whole year; lists absent stay unflagged") {
    const Built b = build(k_plan);
    CHECK(b.findings == "");
    CHECK_FALSE(b.plan.plan.period.explicit_in_file);
    CHECK(b.plan.plan.period.start == util::Date{2020, 1, 1});
    CHECK(b.plan.plan.period.end == util::Date{2020, 12, 31});
    CHECK_FALSE(b.plan.has_departments);
    CHECK_FALSE(b.plan.has_people);
    CHECK_FALSE(b.plan.report);
    CHECK_FALSE(b.plan.has_report());
  }
  SUBCASE("a departments key of the wrong kind does not turn reference checks on") {
    const Built b = build_tail("departments: {id: a}\n");
    CHECK_FALSE(b.plan.has_departments);
  }
  SUBCASE("blank optional texts count as absent") {
    const Built b = build_tail("      text: \"  \"\n");
    CHECK(b.findings == "");
    CHECK_FALSE(b.plan.plan.sections[0].text);
  }
  SUBCASE("tolerant: a bad value leaves the rest filled") {
    const Built b = build_tail("      due: 下周\n      start: 2020-05\n");
    CHECK(b.findings == "11:12: error: \"due\" must be a date (YYYY-MM-DD), a month (YYYY-MM) "
                        "or one of 全年, 长期, 每学期, 每月, 每周, not \"下周\" [due]\n");
    const model::Item& item = b.plan.plan.sections[0];
    CHECK(item.is_task);
    CHECK_FALSE(item.due);
    CHECK(item.start->value == model::DayOrMonth{2020, 5, 0});
  }
  SUBCASE("version") {
    const auto has = [](std::string_view yaml, std::string_view line) {
      const std::string found = build(yaml).findings;
      CAPTURE(found);
      return found.find(line) != std::string::npos;
    };
    CHECK(has("version: 2\n", "1:10: error: this file says version \"2\", but planctl reads only "
                              "format version 1; write \"version: 1\" [version]\n"));
    CHECK(has("version: \"1\"\n", "1:10: error: this file says version \"1\", but planctl reads "
                                  "only format version 1; write \"version: 1\" [version]\n"));
    CHECK(has("version: 1.0\n", "1:10: error: this file says version \"1.0\""));
    CHECK(has("version: [1]\n", "1:10: error: \"version\" must be the number 1, the only format "
                                "version planctl reads [version]\n"));
    CHECK(build(k_plan).plan.version.value == 1);
    CHECK(build(std::string(k_plan).replace(0, 10, "version: 01")).plan.version.value == 1);
  }
  SUBCASE("school-code") {
    const Built b = build("school: {name: x, code: 平安二中}\n");
    CHECK(b.findings.find("1:25: error: \"code\" must be 1-64 ASCII letters, digits, \"-\" or "
                          "\"_\" (it names the output files), not \"平安二中\" [school-code]\n") !=
          std::string::npos);
    CHECK_FALSE(b.plan.school.code);
  }
  SUBCASE("id") {
    CHECK(build_tail("      id: a b\n").findings ==
          "11:11: error: \"id\" is not a valid id: \"a b\"; use 1-64 letters, digits, \"_\", "
          "\"-\" or \".\", with no spaces [id]\n");
    CHECK(build_tail("departments:\n  - {id: 德育处、, name: 德育处}\n").findings ==
          "12:10: error: \"id\" is not a valid id: \"德育处、\"; use 1-64 letters, digits, "
          "\"_\", \"-\" or \".\", with no spaces [id]\n");
    CHECK(build_tail("      id: \"\"\n").findings ==
          "11:11: error: \"id\" is not a valid id: \"\"; use 1-64 letters, digits, \"_\", \"-\" "
          "or \".\", with no spaces [id]\n");
  }
  SUBCASE("integer: plain decimal digits only") {
    CHECK(build_tail("activities:\n  - {date: 2020-03-01, title: t, count: -1}\n").findings ==
          "12:41: error: \"count\" must be a whole number written with the digits 0-9, not "
          "\"-1\" [integer]\n");
    CHECK(build_tail("activities:\n  - {date: 2020-03-01, title: t, count: 0x10}\n").findings ==
          "12:41: error: \"count\" must be a whole number written with the digits 0-9, not "
          "\"0x10\" [integer]\n");
    CHECK(build_tail("activities:\n  - {date: 2020-03-01, title: t, count: 99999999999999999999}\n")
              .findings ==
          "12:41: error: \"count\" is too large: 99999999999999999999 [integer]\n");
  }
  SUBCASE("year-range") {
    const Built b = build("plan: {year: 1999}\n");
    CHECK(b.findings.find("1:14: error: \"year\" must be between 2000 and 2100, not 1999 "
                          "[year-range]\n") != std::string::npos);
    CHECK(b.plan.plan.year.value == 0);
    CHECK(b.plan.plan.year.mark == util::Mark{1, 14});
  }
  SUBCASE("month-number") {
    const Built b = build_tail("      months: [0, 3, 13]\n");
    CHECK(b.findings == "11:16: error: entry 1 of \"months\" must be a month number from 1 to 12, "
                        "not 0 [month-number]\n"
                        "11:22: error: entry 3 of \"months\" must be a month number from 1 to "
                        "12, not 13 [month-number]\n");
    REQUIRE(b.plan.plan.sections[0].months.size() == 1);
    CHECK(b.plan.plan.sections[0].months[0].value == 3);
  }
  SUBCASE("date: shape, real calendar dates, quoted or not") {
    CHECK(build_tail("activities:\n  - {date: 2020-3-1, title: t}\n").findings ==
          "12:12: error: \"date\" must be a date written YYYY-MM-DD, not \"2020-3-1\" [date]\n");
    CHECK(build_tail("activities:\n  - {date: \"2021-02-29\", title: t}\n").findings ==
          "12:12: error: \"date\" is not a real calendar date: \"2021-02-29\" [date]\n");
    CHECK(build_tail("activities:\n  - {date: \"2020-02-29\", title: t}\n").findings == "");
    CHECK(build_tail("      start: 2020/05\n").findings ==
          "11:14: error: \"start\" must be a date (YYYY-MM-DD) or a month (YYYY-MM), not "
          "\"2020/05\" [date]\n");
    CHECK(build_tail("      due: 2020-13\n").findings ==
          "11:12: error: \"due\" is not a real calendar date: \"2020-13\" [date]\n");
  }
  SUBCASE("status") {
    CHECK(
        build_tail("      status: 完成\n").findings ==
        "11:15: error: \"status\" must be one of 未开始, 进行中, 已完成, not \"完成\" [status]\n");
  }
  SUBCASE("numbering: styles and repeats; a bad list keeps the default") {
    const Built b = build_tail("  numbering: [一、, 二, (一), （一）]\n");
    CHECK(b.findings == "11:19: error: entry 2 of \"numbering\" is not a numbering style: "
                        "\"二\"; use 一、, （一）, 1. or （1） [numbering]\n"
                        "11:27: error: the numbering style （一） is listed twice; give each depth "
                        "its own style [numbering]\n");
    CHECK(b.plan.plan.numbering.size() == 4);
    CHECK(b.plan.plan.numbering[1] == model::NumberStyle::paren_chinese);
  }
  SUBCASE("missing-key.blank: a required text that is blank") {
    const Built b = build_tail("      items:\n        - title: \"　\"\n");
    CHECK(b.findings == "12:18: error: \"title\" is blank in an item; write the text "
                        "[missing-key]\n");
    CHECK(b.plan.plan.sections[0].items[0].title.value == "");
    CHECK(b.plan.plan.sections[0].items[0].title.mark == util::Mark{12, 18});
  }
  SUBCASE("empty-entry: a blank entry of a list of texts") {
    const Built b = build_tail("      deliverables: [照片, \"\"]\n      points: \" \"\n");
    CHECK(b.findings == "11:26: error: entry 2 of \"deliverables\" is blank; write the text or "
                        "remove the entry [empty-entry]\n"
                        "12:15: error: \"points\" is blank; write the text or remove the entry "
                        "[empty-entry]\n");
    CHECK(b.plan.plan.sections[0].deliverables.size() == 1);
  }
  SUBCASE("the official-document parts in plan and report; attachments with content") {
    const Built b = build_tail("  letterhead: 平安区教育局文件\n"
                               "  doc_number: 平教〔2020〕12号\n"
                               "  recipients: [各中小学, 各幼儿园]\n"
                               "  copy_to: 区委办\n"
                               "  printed_date: 2020-02-21\n"
                               "  seal: true\n"
                               "  attachments:\n"
                               "    - 名单\n"
                               "    - {title: 任务分工表, content: tasks}\n"
                               "    - title: 联系表\n"
                               "report:\n"
                               "  signer: 李明\n"
                               "  seal: false\n");
    CHECK(b.findings == "");
    const model::OfficialParts& plan = b.plan.plan.official;
    CHECK(plan.letterhead->value == "平安区教育局文件");
    CHECK(plan.doc_number->value == "平教〔2020〕12号");
    REQUIRE(plan.recipients.size() == 2);
    CHECK(plan.recipients[1].value == "各幼儿园");
    REQUIRE(plan.copy_to.size() == 1);
    CHECK(util::to_iso(plan.printed_date->value) == "2020-02-21");
    CHECK(plan.seal->value);
    CHECK(plan.seal->mark.line == 16);
    CHECK_FALSE(plan.signer);
    REQUIRE(b.plan.plan.attachments.size() == 3);
    REQUIRE(b.plan.plan.attachment_content.size() == 3);
    CHECK(b.plan.plan.attachments[1].value == "任务分工表");
    CHECK_FALSE(b.plan.plan.attachment_content[0]);
    CHECK(b.plan.plan.attachment_content[1]->value == "tasks");
    CHECK(b.plan.plan.attachments[2].value == "联系表");
    CHECK_FALSE(b.plan.plan.attachment_content[2]);
    REQUIRE(b.plan.report);
    CHECK(b.plan.report->official.signer->value == "李明");
    CHECK_FALSE(b.plan.report->official.seal->value);
    CHECK_FALSE(b.plan.report->official.letterhead); // inherited in layout, not here
  }
  SUBCASE("attachment-content, a seal that is not true or false, a blank attachment") {
    const Built b = build_tail("  seal: 是\n"
                               "  attachments: [\"\", {title: 表, content: task}]\n");
    CHECK(b.findings ==
          "11:9: error: \"seal\" must be true or false, not a text [type]\n"
          "12:17: error: entry 1 of \"attachments\" is blank; write the text or remove the entry "
          "[empty-entry]\n"
          "12:41: error: \"content\" of an attachment must be tasks (the task allocation table), "
          "not \"task\" [attachment-content]\n");
    CHECK_FALSE(b.plan.plan.official.seal);
    CHECK(b.plan.plan.attachments.size() == 1);
    CHECK_FALSE(b.plan.plan.attachment_content[0]);
  }
  SUBCASE("aliases: a shared list is read at each use") {
    const Built b = build_tail("      owner: &o [王, 李]\n    - title: 二\n      owner: *o\n");
    CHECK(b.findings == "");
    CHECK(b.plan.plan.sections[1].owner.size() == 2);
  }
}
