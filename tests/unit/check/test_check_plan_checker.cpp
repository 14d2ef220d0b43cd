#include <planctl/check/plan_checker.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace doctest {
// Prints findings one per line when an assertion fails.
template <> struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& lines) {
    std::string out = "{";
    for (const std::string& line : lines) {
      out += "\n  " + line;
    }
    return (out + "}").c_str();
  }
};
} // namespace doctest

using namespace planctl;
using namespace planctl::model;

namespace {

Mark at(int line, int column) {
  return Mark{line, column};
}

Text text(std::string value, int line, int column = 1) {
  return Text{std::move(value), at(line, column), at(line, column > 2 ? column - 2 : 1)};
}

Item item(std::string title, int line, std::vector<Item> children = {}) {
  Item it;
  it.title = text(std::move(title), line, 14);
  it.mark = at(line, 7);
  it.items = std::move(children);
  return it;
}

Item task(std::string title, int line, std::string id) {
  Item it = item(std::move(title), line);
  it.is_task = true;
  it.id = text(std::move(id), line + 1, 11);
  return it;
}

// A valid plan: calendar year 2020, one section with two tasks, departments and people.
PlanFile base() {
  PlanFile f;
  f.path = "plan.yaml";
  f.version = Located<int>{1, at(1, 10), at(1, 1)};
  f.school.name = text("海东市平安区第二中学", 3, 9);
  f.has_departments = true;
  f.departments = {
      Department{text("moral", 5, 9), text("德育处", 5, 22), std::nullopt, at(5, 5)},
      Department{text("office", 6, 9), text("校办公室", 6, 23), text("wang", 6, 35), at(6, 5)}};
  f.has_people = true;
  f.people = {Person{text("wang", 8, 9), text("王子涛", 8, 21), text("校长", 8, 33),
                     text("office", 8, 49), at(8, 5)}};
  f.plan.title = text("2020年工作安排", 10, 10);
  f.plan.year = Located<int>{2020, at(11, 9), at(11, 3)};
  f.plan.issuer = text("平安二中", 12, 11);
  f.plan.date = Located<util::Date>{util::Date{2020, 4, 9}, at(13, 9), at(13, 3)};
  f.plan.mark = at(10, 3);
  f.plan.sections = {item(
      "工作任务", 15, {task("健全组织机构", 16, "org"), task("营造宣传氛围", 20, "propaganda")})};
  return f;
}

Item& first_task(PlanFile& f) {
  return f.plan.sections[0].items[0];
}

Activity activity(util::Date date, int line, std::vector<std::string> tasks = {}) {
  Activity a;
  a.date = Located<util::Date>{date, at(line, 11), at(line, 5)};
  a.title = text("召开动员大会", line + 1, 12);
  for (std::string& t : tasks) {
    a.tasks.push_back(text(std::move(t), line + 2, 11));
  }
  a.mark = at(line, 5);
  return a;
}

// Every finding as `LINE:COL: severity: message [rule]`, in the order reported.
// The findings of `f`, one a line, without report-missing and group-without-activities: the
// small plans here have a ledger and no report; tests/invalid/check/ and tests/cli/report_keys.sh
// test those two.
std::vector<std::string> findings(const PlanFile& f, diag::Lang lang = diag::Lang::en) {
  diag::DiagnosticList out;
  check::check_plan(f, out);
  std::vector<std::string> lines;
  for (const diag::Diagnostic& d : out.items()) {
    if (d.rule() == "report-missing" || d.rule() == "group-without-activities") {
      continue;
    }
    CHECK(d.file == "plan.yaml");
    lines.push_back(std::to_string(d.mark.line) + ":" + std::to_string(d.mark.column) + ": " +
                    (d.severity == diag::Severity::error ? "error" : "warning") + ": " +
                    d.text(lang) + " [" + d.rule() + "]");
  }
  return lines;
}

using Lines = std::vector<std::string>;

} // namespace

TEST_CASE("check::check_plan") {
  SUBCASE("a valid plan has no findings") {
    CHECK(findings(base()).empty());
  }

  SUBCASE("duplicate-department-id") {
    PlanFile f = base();
    f.departments[1].id = text("moral", 6, 9);
    f.people[0].department = text("校办公室", 8, 49);
    CHECK(findings(f) == Lines{"6:9: error: department id \"moral\" is already used on line 5; "
                               "give each department its own id [duplicate-department-id]"});
    CHECK(findings(f, diag::Lang::zh) ==
          Lines{"6:9: error: 部门 id \"moral\" 已在第 5 行使用，请为每个部门设置不同的 id "
                "[duplicate-department-id]"});
  }

  SUBCASE("duplicate-person-id") {
    PlanFile f = base();
    f.people.push_back(
        Person{text("wang", 9, 9), text("王芳", 9, 21), std::nullopt, std::nullopt, at(9, 5)});
    CHECK(findings(f) == Lines{"9:9: error: person id \"wang\" is already used on line 8; give "
                               "each person their own id [duplicate-person-id]"});
  }

  SUBCASE("duplicate-task-id across sections and depths") {
    PlanFile f = base();
    f.plan.sections.push_back(
        item("保障措施", 30, {item("经费保障", 31, {task("专款专用", 32, "org")})}));
    CHECK(findings(f) ==
          Lines{"33:11: error: task id \"org\" is already used by the task on line 17; task ids "
                "must be unique in the plan [duplicate-task-id]"});
  }

  SUBCASE("unknown-department with a suggestion from ids or names") {
    PlanFile f = base();
    first_task(f).lead = text("德育", 18, 13);
    first_task(f).support = {text("ofice", 19, 16)};
    CHECK(findings(f) ==
          Lines{"18:13: error: unknown department \"德育\" in \"lead\" (did you mean \"德育处\"?) "
                "[unknown-department]",
                "19:16: error: unknown department \"ofice\" in \"support\" (did you mean "
                "\"office\"?) [unknown-department]"});
  }

  SUBCASE("unknown-department without a close match, and in a person's department") {
    PlanFile f = base();
    f.people[0].department = text("教务处", 8, 49);
    CHECK(findings(f) == Lines{"8:49: error: unknown department \"教务处\" in \"department\": use "
                               "the id or the exact name of an entry in \"departments\" "
                               "[unknown-department]"});
    CHECK(findings(f, diag::Lang::zh) ==
          Lines{"8:49: error: \"department\" 中的部门 \"教务处\" 不存在：请填写 \"departments\" "
                "中某一项的 id 或完整名称 [unknown-department]"});
  }

  SUBCASE("references by exact name resolve; no case or space folding") {
    PlanFile f = base();
    first_task(f).lead = text("德育处", 18, 13);
    first_task(f).owner = {text("王子涛", 19, 14), text("wang", 19, 20)};
    CHECK(findings(f).empty());
    first_task(f).support = {text("Office", 20, 16)};
    CHECK(findings(f) == Lines{"20:16: error: unknown department \"Office\" in \"support\" (did "
                               "you mean \"office\"?) [unknown-department]"});
  }

  SUBCASE("unknown-person in owner and head") {
    PlanFile f = base();
    first_task(f).owner = {text("王子滔", 19, 14)};
    f.departments[0].head = text("li", 5, 35);
    CHECK(findings(f) ==
          Lines{"5:35: error: unknown person \"li\" in \"head\": use the id or the exact name of "
                "an entry in \"people\" [unknown-person]",
                "19:14: error: unknown person \"王子滔\" in \"owner\" (did you mean \"王子涛\"?) "
                "[unknown-person]"});
  }

  SUBCASE("references are free text when the list is absent") {
    PlanFile f = base();
    f.has_people = false;
    f.people.clear();
    f.departments[1].head.reset();
    first_task(f).owner = {text("张老师", 19, 14)};
    f.has_departments = false;
    f.departments.clear();
    first_task(f).lead = text("教务处", 18, 13);
    CHECK(findings(f).empty());
  }

  SUBCASE("a list that is present but empty resolves nothing") {
    PlanFile f = base();
    f.departments.clear();
    f.people[0].department.reset();
    first_task(f).lead = text("教务处", 18, 13);
    CHECK(findings(f) == Lines{"18:13: error: unknown department \"教务处\" in \"lead\": use the "
                               "id or the exact name of an entry in \"departments\" "
                               "[unknown-department]"});
  }

  SUBCASE("ambiguous-reference: a name shared by two entries") {
    PlanFile f = base();
    f.departments.push_back(
        Department{text("moral2", 7, 9), text("德育处", 7, 23), std::nullopt, at(7, 5)});
    first_task(f).lead = text("德育处", 18, 13);
    CHECK(findings(f) ==
          Lines{"18:13: error: \"德育处\" in \"lead\" is the name of 2 departments (lines 5, 7); "
                "use the id instead: \"moral\" or \"moral2\" [ambiguous-reference]"});
    CHECK(findings(f, diag::Lang::zh) ==
          Lines{"18:13: error: \"lead\" 中的 \"德育处\" 是 2 个部门的名称（第 5、7 行），请改用 "
                "id：\"moral\" 或 \"moral2\" [ambiguous-reference]"});
  }

  SUBCASE("ambiguous-reference for people; an id that equals another's name wins") {
    PlanFile f = base();
    f.people.push_back(
        Person{text("wang2", 9, 9), text("王子涛", 9, 21), std::nullopt, std::nullopt, at(9, 5)});
    f.people.push_back(Person{text("王子涛", 10, 9), text("王老师", 10, 21), std::nullopt,
                              std::nullopt, at(10, 5)});
    first_task(f).owner = {text("王子涛", 19, 14)};
    CHECK(findings(f).empty());
    f.people.pop_back();
    CHECK(findings(f) ==
          Lines{"19:14: error: \"王子涛\" in \"owner\" is the name of 2 people (lines 8, 9); use "
                "the id instead: \"wang\" or \"wang2\" [ambiguous-reference]"});
  }

  SUBCASE("unknown-task: suggestion, title, no ids, plain") {
    PlanFile f = base();
    f.activities = {activity({2020, 3, 13}, 40, {"propaganda", "propagand"}),
                    activity({2020, 3, 14}, 44, {"健全组织机构"}),
                    activity({2020, 3, 15}, 48, {"zzz"})};
    CHECK(findings(f) ==
          Lines{"42:11: error: activity names task \"propagand\", but no task has that id (did "
                "you mean \"propaganda\"?) [unknown-task]",
                "46:11: error: activity names \"健全组织机构\", the title of the item on line 16; "
                "activities name tasks by id: give that item an \"id\" and use it here "
                "[unknown-task]",
                "50:11: error: activity names task \"zzz\", but no task has that id; use the "
                "\"id\" of a task [unknown-task]"});
    f.plan.sections[0].items[0].id.reset();
    f.plan.sections[0].items[1].id.reset();
    f.activities = {activity({2020, 3, 13}, 40, {"propaganda"})};
    CHECK(findings(f) == Lines{"42:11: error: activity names task \"propaganda\", but no task in "
                               "the plan has an \"id\"; give the task an \"id\" and use it here "
                               "[unknown-task]"});
  }

  SUBCASE("period-order") {
    PlanFile f = base();
    f.plan.period = Period{
        util::Date{2020, 9, 1}, util::Date{2020, 7, 15}, true, at(14, 11), at(14, 19), at(14, 37)};
    CHECK(findings(f) == Lines{"14:37: error: period end 2020-07-15 is before its start "
                               "2020-09-01 [period-order]"});
  }

  SUBCASE("period-year") {
    PlanFile f = base();
    f.plan.period = Period{
        util::Date{2019, 9, 1}, util::Date{2020, 7, 15}, true, at(14, 11), at(14, 19), at(14, 37)};
    CHECK(findings(f) ==
          Lines{"14:19: error: period start 2019-09-01 is not in the plan's year 2020 (line "
                "11); change \"year\" or \"start\" [period-year]"});
  }

  SUBCASE("period findings fall back to the period's mapping without value positions") {
    PlanFile f = base();
    f.plan.period = Period{util::Date{2020, 9, 1}, util::Date{2020, 7, 15}, true, at(14, 11)};
    CHECK(findings(f) == Lines{"14:11: error: period end 2020-07-15 is before its start "
                               "2020-09-01 [period-order]"});
  }

  SUBCASE("task-outside-period for dates and months") {
    PlanFile f = base();
    f.plan.period = Period{
        util::Date{2020, 9, 1}, util::Date{2021, 7, 15}, true, at(14, 11), at(14, 19), at(14, 37)};
    Item& t = first_task(f);
    t.start = Located<DayOrMonth>{DayOrMonth{2020, 8, 31}, at(18, 14), at(18, 7)};
    t.due =
        Located<Due>{Due{DayOrMonth{2021, 8, 0}, std::nullopt, "2021-08"}, at(19, 12), at(19, 7)};
    CHECK(findings(f) ==
          Lines{"18:14: error: start 2020-08-31 is outside the plan's period 2020-09-01 to "
                "2021-07-15 [task-outside-period]",
                "19:12: error: due 2021-08 is outside the plan's period 2020-09-01 to 2021-07-15 "
                "[task-outside-period]"});
    // A month is inside when any of its days is.
    t.start->value = DayOrMonth{2020, 9, 0};
    t.due->value.when = DayOrMonth{2021, 7, 0};
    CHECK(findings(f).empty());
  }

  SUBCASE("start-after-due with month semantics") {
    PlanFile f = base();
    Item& t = first_task(f);
    t.start = Located<DayOrMonth>{DayOrMonth{2020, 5, 0}, at(18, 14), at(18, 7)};
    t.due = Located<Due>{Due{DayOrMonth{2020, 4, 30}, std::nullopt, "2020-04-30"}, at(19, 12),
                         at(19, 7)};
    CHECK(findings(f) == Lines{"19:12: error: due 2020-04-30 is before the start 2020-05 on line "
                               "18; move \"start\" earlier or \"due\" later [start-after-due]"});
    t.due->value.when = DayOrMonth{2020, 5, 1};
    CHECK(findings(f).empty());
    t.start->value = DayOrMonth{2020, 5, 2};
    t.due->value.when = DayOrMonth{2020, 5, 0};
    CHECK(findings(f).empty());
  }

  SUBCASE("a recurring due is never compared") {
    PlanFile f = base();
    Item& t = first_task(f);
    t.start = Located<DayOrMonth>{DayOrMonth{2020, 5, 0}, at(18, 14), at(18, 7)};
    t.due = Located<Due>{Due{std::nullopt, Recurrence::whole_year, "全年"}, at(19, 12), at(19, 7)};
    CHECK(findings(f).empty());
  }

  SUBCASE("month-outside-period") {
    PlanFile f = base();
    f.plan.period = Period{
        util::Date{2020, 9, 1}, util::Date{2021, 7, 15}, true, at(14, 11), at(14, 19), at(14, 37)};
    first_task(f).months = {Located<int>{9, at(18, 15)}, Located<int>{7, at(18, 18)},
                            Located<int>{8, at(18, 21)}};
    CHECK(findings(f) == Lines{"18:21: error: month 8 is outside the plan's period 2020-09-01 to "
                               "2021-07-15 [month-outside-period]"});
  }

  SUBCASE("activity-end-before-date and activity-outside-period") {
    PlanFile f = base();
    f.activities = {activity({2020, 3, 13}, 40), activity({2021, 1, 5}, 44)};
    f.activities[0].end = Located<util::Date>{util::Date{2020, 3, 12}, at(41, 10), at(41, 5)};
    CHECK(findings(f) ==
          Lines{"41:10: error: activity end 2020-03-12 is before its date 2020-03-13 "
                "[activity-end-before-date]",
                "44:11: warning: activity date 2021-01-05 is outside the plan's period "
                "2020-01-01 to 2020-12-31 [activity-outside-period]"});
  }

  SUBCASE("a broken period does not flood tasks and activities") {
    PlanFile f = base();
    f.plan.period = Period{
        util::Date{2020, 9, 1}, util::Date{2020, 7, 15}, true, at(14, 11), at(14, 19), at(14, 37)};
    f.activities = {activity({2019, 3, 13}, 40)};
    CHECK(findings(f).size() == 1);
  }

  SUBCASE("depth-exceeded with the default numbering") {
    PlanFile f = base();
    f.plan.sections[0].items[0].items = {
        item("一", 30, {item("二", 31, {item("三", 32, {item("四", 33)})})})};
    CHECK(findings(f) == Lines{"32:7: error: item is at depth 5, deeper than the 4 levels of "
                               "\"numbering\" (一、 （一） 1. （1）); move it up a level "
                               "[depth-exceeded]"});
  }

  SUBCASE("depth-exceeded with numbering [一、, 1.]") {
    PlanFile f = base();
    f.plan.numbering = {NumberStyle::chinese, NumberStyle::arabic};
    f.plan.sections[0].items[1].items = {item("细则", 30)};
    CHECK(findings(f, diag::Lang::zh) ==
          Lines{"30:7: error: 条目位于第 3 层，超过了 \"numbering\" 允许的 2 层（一、 1.），请将其"
                "上移一层 [depth-exceeded]"});
  }

  SUBCASE("report-item-empty") {
    PlanFile f = base();
    Report report;
    ReportItem ok;
    ok.points = {text("经费不足", 61, 15)};
    ReportItem empty;
    empty.title = text("师资方面", 62, 14);
    empty.text = text("  ", 63, 13);
    empty.mark = at(62, 7);
    report.problems = {ok};
    report.next_steps = {empty};
    f.report = report;
    CHECK(findings(f) == Lines{"62:7: error: item of \"next_steps\" has neither \"text\" nor "
                               "\"points\"; add one of them [report-item-empty]"});
  }

  SUBCASE("heading-full-stop only for heading styles") {
    PlanFile f = base();
    f.plan.sections[0].title.value = "工作任务。";
    f.plan.sections[0].items[0].title.value = "健全组织机构。";
    f.plan.sections[0].items[0].items = {item("成立领导小组。", 30)};
    CHECK(findings(f) ==
          Lines{"15:14: warning: heading \"工作任务。\" ends in \"。\", which is removed when "
                "rendered; delete it [heading-full-stop]",
                "16:14: warning: heading \"健全组织机构。\" ends in \"。\", which is removed when "
                "rendered; delete it [heading-full-stop]"});
  }

  SUBCASE("typed-number on titles, achievements and attachments") {
    PlanFile f = base();
    f.plan.sections[0].title.value = "三、工作任务";
    f.plan.sections[0].items[1].title.value = "(二)营造宣传氛围";
    f.plan.attachments = {text("1.创建工作领导小组名单", 25, 5)};
    Report report;
    report.achievements = {text("3、获评市级文明校园", 60, 7), text("3.5万元经费到位", 61, 7)};
    f.report = report;
    CHECK(
        findings(f) ==
        Lines{"15:14: warning: title \"三、工作任务\" starts with the number \"三、\"; planctl "
              "numbers items itself, delete it [typed-number]",
              "20:14: warning: title \"(二)营造宣传氛围\" starts with the number \"(二)\"; "
              "planctl numbers items itself, delete it [typed-number]",
              "25:5: warning: attachment \"1.创建工作领导小组名单\" starts with the number "
              "\"1.\"; planctl numbers attachments itself, delete it [typed-number]",
              "60:7: warning: achievement \"3、获评市级文明校园\" starts with the number \"3、\"; "
              "planctl numbers achievements itself, delete it [typed-number]"});
  }

  SUBCASE("ascii-punctuation once per text, in any text") {
    PlanFile f = base();
    Item& t = first_task(f);
    t.text = text("成立领导小组,组长:校长(王子涛)。会议时间8:30,人数1,000人。", 18, 13);
    t.points = {text("Word(2016) and f(x), A,B", 19, 15)};
    f.activities = {activity({2020, 3, 13}, 40)};
    f.activities[0].summary = text("对创建工作进行动员部署!", 43, 16);
    CHECK(
        findings(f) ==
        Lines{"18:13: warning: half-width \",\" next to Chinese text in "
              "\"成立领导小组,组长:校长(…\"; "
              "write the full-width \"，\" (rendering converts it) [ascii-punctuation]",
              "43:16: warning: half-width \"!\" next to Chinese text in \"…进行动员部署!\"; write "
              "the full-width \"！\" (rendering converts it) [ascii-punctuation]"});
  }

  SUBCASE("at most 100 findings per rule, then one too-many-findings note") {
    PlanFile f = base();
    for (int i = 0; i < 150; ++i) {
      first_task(f).support.push_back(text("部门" + std::to_string(i), 100 + i, 16));
    }
    diag::DiagnosticList out;
    check::check_plan(f, out);
    REQUIRE(out.items().size() == 101);
    CHECK(out.items()[99].mark == Mark{199, 16});
    const diag::Diagnostic& note = out.items().back();
    CHECK(note.message_id == "too-many-findings");
    CHECK_FALSE(note.mark.known());
    CHECK(note.args == std::vector<std::pair<std::string, std::string>>{
                           {"count", "50"}, {"rule", "unknown-department"}});
  }

  SUBCASE("findings from several rules come in rule order") {
    PlanFile f = base();
    first_task(f).id = text("propaganda", 17, 11);
    first_task(f).lead = text("moral1", 18, 13);
    const Lines lines = findings(f);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].find("[duplicate-task-id]") != std::string::npos);
    CHECK(lines[1].find("[unknown-department]") != std::string::npos);
  }
}

TEST_CASE("check::check_plan official-document parts") {
  SUBCASE("doc-number: the fix for other brackets, 第 and leading zeros") {
    PlanFile f = base();
    f.plan.official.doc_number = text("平教[2020]第012号", 14, 15);
    CHECK(findings(f) == Lines{"14:15: error: document number \"平教[2020]第012号\" needs the year "
                               "in 〔 〕 and the serial without 第 or leading zeros (GB/T 9704); "
                               "write \"平教〔2020〕12号\" [doc-number]"});
    CHECK(findings(f, diag::Lang::zh) ==
          Lines{"14:15: error: 发文字号“平教[2020]第012号”的年份应使用六角括号〔〕，序号不加“第”"
                "字、不编虚位（GB/T 9704），应写作“平教〔2020〕12号” [doc-number]"});
    f.plan.official.doc_number = text("平教（2020）3号", 14, 15);
    CHECK(findings(f) == Lines{"14:15: error: document number \"平教（2020）3号\" needs the year "
                               "in 〔 〕 and the serial without 第 or leading zeros (GB/T 9704); "
                               "write \"平教〔2020〕3号\" [doc-number]"});
    f.plan.official.doc_number = text("平教〔2020〕3号", 14, 15);
    CHECK(findings(f).empty());
  }

  SUBCASE("doc-number: any other shape names the shape") {
    PlanFile f = base();
    f.plan.official.doc_number = text("平教2020-3", 14, 15);
    CHECK(findings(f) ==
          Lines{"14:15: error: document number \"平教2020-3\" is not of the shape "
                "prefix〔YYYY〕N号 (GB/T 9704), e.g. 平教〔2020〕12号 [doc-number]"});
    CHECK(findings(f, diag::Lang::zh) ==
          Lines{"14:15: error: 发文字号“平教2020-3”不符合“机关代字〔年份〕序号号”的格式（GB/T "
                "9704），如 平教〔2020〕12号 [doc-number]"});
  }

  SUBCASE("doc-number-year: against the plan's date, and the report's") {
    PlanFile f = base();
    f.plan.official.doc_number = text("平教〔2019〕3号", 14, 15);
    CHECK(
        findings(f) ==
        Lines{"14:15: warning: document number \"平教〔2019〕3号\" is of 2019, but the document is "
              "dated 2020-04-09 (line 13); check the number or the date [doc-number-year]"});
    CHECK(
        findings(f, diag::Lang::zh) ==
        Lines{"14:15: warning: 发文字号“平教〔2019〕3号”的年份为 2019，而成文日期为 2020-04-09（第 "
              "13 行），请核对发文字号或日期 [doc-number-year]"});
    f.plan.official.doc_number.reset();
    f.report.emplace();
    f.report->mark = at(30, 3);
    f.activities = {activity(util::Date{2021, 1, 8}, 25, {"org"})};
    f.report->official.doc_number = text("平教〔2020〕9号", 31, 15);
    // The report is dated by its latest activity (line 25).
    CHECK(
        findings(f) ==
        Lines{"25:11: warning: activity date 2021-01-08 is outside the plan's period 2020-01-01 "
              "to 2020-12-31 [activity-outside-period]",
              "31:15: warning: document number \"平教〔2020〕9号\" is of 2020, but the document is "
              "dated 2021-01-08 (line 25); check the number or the date [doc-number-year]"});
  }

  SUBCASE("signer-needs-doc-number: at the signer's key") {
    PlanFile f = base();
    f.plan.official.signer = text("李明", 14, 11);
    CHECK(findings(f) == Lines{"14:9: error: \"signer\" is printed on the document number's line, "
                               "but \"plan\" has no \"doc_number\"; add the number or remove the "
                               "signer [signer-needs-doc-number]"});
    CHECK(findings(f, diag::Lang::zh) ==
          Lines{"14:9: error: 签发人（signer）印在发文字号所在行，但“plan”没有“doc_number”，请填写"
                "发文字号或删去签发人 [signer-needs-doc-number]"});
    f.plan.official.doc_number = text("平教〔2020〕3号", 15, 15);
    CHECK(findings(f).empty());
  }

  SUBCASE("printed-date-before-date") {
    PlanFile f = base();
    f.plan.official.printed_date =
        Located<util::Date>{util::Date{2020, 4, 1}, at(14, 17), at(14, 3)};
    CHECK(
        findings(f) ==
        Lines{"14:17: error: \"printed_date\" 2020-04-01 is before the document's date 2020-04-09 "
              "(line 13); a document is sent out on or after the day it is signed "
              "[printed-date-before-date]"});
    CHECK(
        findings(f, diag::Lang::zh) ==
        Lines{"14:17: error: 印发日期 2020-04-01 早于成文日期 2020-04-09（第 13 行），印发日期不能"
              "早于成文日期 [printed-date-before-date]"});
    f.plan.official.printed_date->value = util::Date{2020, 4, 9};
    CHECK(findings(f).empty());
  }

  SUBCASE("attachment-no-tasks: only in a plan without tasks") {
    PlanFile f = base();
    f.plan.attachments = {text("任务分工表", 17, 14)};
    f.plan.attachment_content = {text("tasks", 18, 16)};
    CHECK(findings(f).empty());
    f.plan.sections = {item("工作任务", 15)};
    CHECK(findings(f) == Lines{"18:16: warning: attachment \"任务分工表\" prints the task table, "
                               "but the plan has no tasks; give items task keys (lead, owner, "
                               "due…) or remove \"content\" [attachment-no-tasks]"});
    CHECK(findings(f, diag::Lang::zh) ==
          Lines{"18:16: warning: 附件“任务分工表”印出任务分工表，但计划中没有任务，请为条目填写任务"
                "字段（lead、owner、due 等）或删去“content” [attachment-no-tasks]"});
  }
}
