// The typed model of one plan file: every value remembers where in the file it came from.
#pragma once

#include <planctl/util/date.hpp>
#include <planctl/util/mark.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planctl::model {

using util::Mark;

// A value and the position of the YAML node it was read from (for a key's value: the value;
// see `key` for the position of the key itself).
template <class T> struct Located {
  T value{};
  Mark mark; // position of the value node
  Mark key;  // position of the mapping key that introduced it, when there was one
};

using Text = Located<std::string>;
using TextList = std::vector<Text>;

// The numbering style of one depth of `plan.sections` (plan-format.md, Items).
enum class NumberStyle {
  chinese,       // 一、 heading
  paren_chinese, // （一） heading
  arabic,        // 1.  run-in
  paren_arabic,  // （1） run-in
};

// Whether items numbered in `style` are headings standing alone (一、 （一）) rather than run-in.
constexpr bool is_heading_style(NumberStyle style) {
  return style == NumberStyle::chinese || style == NumberStyle::paren_chinese;
}

// A `start` or `due` that is a whole date or a whole month (`day == 0`).
struct DayOrMonth {
  int year = 0;
  int month = 0;
  int day = 0; // 0 for a month

  bool is_month() const { return day == 0; }
  // The first day the value covers.
  util::Date first_day() const;
  // The last day the value covers.
  util::Date last_day() const;
  bool operator==(const DayOrMonth&) const = default;
};

// The recurring `due` keywords.
enum class Recurrence { whole_year, long_term, each_term, each_month, each_week };

// A task's `due`: a date, a month, or a recurring keyword.
struct Due {
  std::optional<DayOrMonth> when;       // set for a date or month
  std::optional<Recurrence> recurrence; // set for a keyword
  std::string source;                   // the text as written (`全年`, `2020-09`, …)
};

// An explicit `status`.
enum class TaskStatus { not_started, in_progress, done };

// One entry of `school.profile`.
struct ProfileFact {
  Text label;
  Text value; // the scalar's source text, number or not
  bool value_is_number = false;
  std::optional<Text> unit;
  Mark mark;
};

struct School {
  Text name;
  std::optional<Text> short_name;
  std::optional<Text> code;
  std::optional<Text> district;
  std::vector<ProfileFact> profile;
  Mark mark;
};

struct Department {
  Text id;
  Text name;
  std::optional<Text> head; // a person reference as written
  Mark mark;
};

struct Person {
  Text id;
  Text name;
  std::optional<Text> title;
  std::optional<Text> department; // a department reference as written
  Mark mark;
};

// One node of the `sections` tree. It is a task when `is_task` (any task key present).
struct Item {
  Text title;
  std::optional<Text> text; // raw text as written; paragraphs are formed by the layout step
  TextList points;
  std::vector<Item> items;
  Mark mark; // the item's mapping

  bool is_task = false;
  std::optional<Text> id;
  std::optional<Text> lead; // department reference as written
  TextList owner;           // person references as written
  TextList support;         // department references as written
  std::optional<Located<DayOrMonth>> start;
  std::optional<Located<Due>> due;
  std::vector<Located<int>> months;
  TextList deliverables;
  std::optional<Located<TaskStatus>> status;
};

struct Period {
  util::Date start;
  util::Date end;
  bool explicit_in_file = false;
  Mark mark;
  Mark start_mark; // the `start` value, when read from the file
  Mark end_mark;   // the `end` value, when read from the file
};

// The official-document parts of a plan or report (plan-format.md "Official-document
// elements", GB/T 9704 §7.2–7.4); every one is optional and absent in a school's own plan.
struct OfficialParts {
  std::optional<Text> letterhead; // 发文机关标志
  std::optional<Text> doc_number; // 发文字号, `平教〔2020〕12号`
  std::optional<Text> signer;     // 签发人 (a document sent up)
  TextList recipients;            // 主送机关
  std::optional<Text> note;       // 附注
  TextList copy_to;               // 抄送机关
  std::optional<Text> printed_by; // 印发机关
  std::optional<Located<util::Date>> printed_date;
  std::optional<Located<bool>> seal; // the sealed sign-off (§7.3.5.1)
};

struct Plan {
  Text title;
  Located<int> year;
  Period period;
  Text issuer;
  Located<util::Date> date;
  std::optional<Text> basis;
  // The style of each depth; defaults to the GB/T 9704 sequence of four.
  std::vector<NumberStyle> numbering{NumberStyle::chinese, NumberStyle::paren_chinese,
                                     NumberStyle::arabic, NumberStyle::paren_arabic};
  Mark numbering_mark;
  std::vector<Item> sections;
  TextList attachments;
  // Parallel to `attachments`: the `content` of an entry written as `{title, content}`
  // (`tasks`: the task allocation table is printed as that attachment).
  std::vector<std::optional<Text>> attachment_content;
  OfficialParts official;
  Mark mark;
};

// A photo of an activity for the 工作简报: the file as written (relative to the plan file's
// folder) and its caption.
struct Photo {
  Text file;
  std::optional<Text> caption;
  Mark mark; // the entry (a path, or the `{file, caption}` mapping)
};

struct Activity {
  Located<util::Date> date;
  std::optional<Located<util::Date>> end;
  Text title;
  TextList tasks; // task ids as written
  std::optional<Text> host;
  std::optional<Text> participants;
  std::optional<Located<std::int64_t>> count;
  std::optional<Text> place;
  std::optional<Text> summary;
  TextList evidence;
  std::optional<Text> headline; // the bulletin's headline; default the title
  std::optional<Text> reporter; // the 通讯员 of the bulletin's byline
  std::vector<Photo> photos;
  Mark mark;
  std::size_t file_index = 0; // position in the file's list, for stable date ordering
};

// An entry of `report.problems` or `report.next_steps`.
struct ReportItem {
  std::optional<Text> title;
  std::optional<Text> text;
  TextList points;
  Mark mark;
};

// Overrides of the report's section headings.
struct ReportHeadings {
  std::optional<Text> overview;
  std::optional<Text> practices;
  std::optional<Text> achievements;
  std::optional<Text> problems;
  std::optional<Text> next_steps;
};

// An entry of `report.groups`: what the report says at the head of one group of 主要做法.
struct ReportGroup {
  Text group;                  // the group's title as written, or its task or item id
  std::optional<Text> heading; // replaces the group's title in its `（一）` heading
  std::optional<Text> lead;    // the paragraphs that open the group, instead of a generated lead
  Mark mark;
};

// `bulletin` (plan-format.md): the 工作简报's masthead and foot.
struct Bulletin {
  std::optional<Text> name;                    // default: the short name (or name) + 工作简报
  std::optional<Located<std::int64_t>> number; // the first month's 期号; default 1
  std::optional<Text> editor;                  // 编印单位; default the school's name
  std::optional<Text> copy_report;             // copy_to.报
  std::optional<Text> copy_send;               // copy_to.送
  std::optional<Text> copy_issue;              // copy_to.发
  Mark mark;
};

struct Report {
  std::optional<Text> title;
  std::optional<Text> issuer;
  std::optional<Located<util::Date>> date;
  std::optional<Text> opening; // the opening paragraph(s), instead of the one built from the plan
  std::vector<ReportGroup> groups;
  std::optional<Text> overview;
  TextList achievements;
  std::vector<ReportItem> problems;
  std::vector<ReportItem> next_steps;
  ReportHeadings headings;
  OfficialParts official; // `letterhead` defaults to the plan's; nothing else is inherited
  Mark mark;
};

// A whole plan file as loaded. Lists keep file order.
struct PlanFile {
  std::string path; // as given on the command line
  Located<int> version;
  School school;
  std::vector<Department> departments;
  bool has_departments = false; // the key was present (references are then checked)
  std::vector<Person> people;
  bool has_people = false;
  Plan plan;
  std::vector<Activity> activities;
  std::optional<Report> report;
  std::optional<Bulletin> bulletin;

  // Whether the file produces a report document (it has `report` or `activities`).
  bool has_report() const { return report.has_value() || !activities.empty(); }
};

// The Chinese label of a status (`未开始`, `进行中`, `已完成`).
const char* status_label(TaskStatus status);

// The keyword of a recurrence (`全年`, `长期`, `每学期`, `每月`, `每周`).
const char* recurrence_label(Recurrence recurrence);

// The departments and people of one file as references see them (by id, else by exact name;
// the first entry of a repeated id or name), indexed once so that each look-up costs a
// logarithm, not a scan of the list: a file may hold thousands of references.
class NameIndex {
public:
  // Indexes the lists of `file`, which must outlive the index.
  explicit NameIndex(const PlanFile& file);

  // The department `ref` resolves to, or nullptr (also when `file` has no departments list).
  const Department* department(const std::string& ref) const;

  // The person `ref` resolves to, or nullptr (also when `file` has no people list).
  const Person* person(const std::string& ref) const;

  // The name of the department `ref` resolves to; `ref` itself when it resolves to none.
  const std::string& department_name(const std::string& ref) const;

  // The name of the person `ref` resolves to; `ref` itself when it resolves to none.
  const std::string& person_name(const std::string& ref) const;

private:
  std::map<std::string_view, std::size_t> m_department_ids, m_department_names;
  std::map<std::string_view, std::size_t> m_person_ids, m_person_names;
  const PlanFile& m_file;
};

} // namespace planctl::model
