// The plan format's tables. Each mapping of a plan file has one table below, one row per key,
// in the order of plan-format.md; the structure check, the model builder, `planctl schema` and
// the key tables of docs/format.md all read them. See docs/format-rules.md for adding a key.
#include <planctl/load/plan_builder.hpp>
#include <planctl/load/plan_format.hpp>
#include <planctl/util/json_writer.hpp>

#include <algorithm>
#include <array>

namespace planctl::load {

namespace {

// ---- filling the model ------------------------------------------------------------------------

template <class M, class F> M class_of(F M::*);

// Reads a key's value into the model field `Member`; the field's type and the row's kind pick
// the rule (ModelFiller::read).
template <auto Member> void put(ModelFiller& filler, const Entry& entry, void* model) {
  using Model = decltype(class_of(Member));
  filler.read(entry, static_cast<Model*>(model)->*Member);
}

// `departments` and `people`: the key being there turns reference checks on.
void put_departments(ModelFiller& filler, const Entry& entry, void* model) {
  auto& file = *static_cast<model::PlanFile*>(model);
  file.has_departments = filler.is_list(entry);
  filler.read(entry, file.departments);
}

void put_people(ModelFiller& filler, const Entry& entry, void* model) {
  auto& file = *static_cast<model::PlanFile*>(model);
  file.has_people = filler.is_list(entry);
  filler.read(entry, file.people);
}

void put_fact_value(ModelFiller& filler, const Entry& entry, void* model) {
  auto& fact = *static_cast<model::ProfileFact*>(model);
  filler.read(entry, fact.value);
  fact.value_is_number = filler.is_number(entry);
}

void put_numbering(ModelFiller& filler, const Entry& entry, void* model) {
  auto& plan = *static_cast<model::Plan*>(model);
  filler.read_numbering(entry, plan.numbering, plan.numbering_mark);
}

void put_period_start(ModelFiller& filler, const Entry& entry, void* model) {
  auto& period = *static_cast<model::Period*>(model);
  filler.read_day(entry, period.start, period.start_mark);
}

void put_period_end(ModelFiller& filler, const Entry& entry, void* model) {
  auto& period = *static_cast<model::Period*>(model);
  filler.read_day(entry, period.end, period.end_mark);
}

// An official-document part (plan-format.md "Official-document elements") of a plan or a report.
template <class Owner, auto Member>
void put_official(ModelFiller& filler, const Entry& entry, void* model) {
  filler.read(entry, static_cast<Owner*>(model)->official.*Member);
}

void put_attachments(ModelFiller& filler, const Entry& entry, void* model) {
  auto& plan = *static_cast<model::Plan*>(model);
  filler.read_attachments(entry, plan.attachments, plan.attachment_content);
}

void put_photos(ModelFiller& filler, const Entry& entry, void* model) {
  filler.read_photos(entry, static_cast<model::Activity*>(model)->photos);
}

// ---- the tables ---------------------------------------------------------------------------------
// A row: key, kind, required, description (English, Chinese), where the value goes; for a
// mapping or a list of mappings, the mapping's table; for an item's task keys, `task`.

using K = Kind;
using model::Activity, model::Bulletin, model::Department, model::Photo, model::Item,
    model::OfficialParts, model::Period, model::Person, model::Plan, model::PlanFile,
    model::ProfileFact, model::Report, model::ReportGroup, model::ReportHeadings, model::ReportItem,
    model::School;

const KeyRow k_top[] = {
    {"version",
     K::version,
     true,
     {"The format version: the integer 1.", "格式版本：整数 1。"},
     put<&PlanFile::version>},
    {"school",
     K::mapping,
     true,
     {"Who the plan belongs to.", "计划所属的学校。"},
     put<&PlanFile::school>,
     MapId::school},
    {"departments",
     K::mappings,
     false,
     {"The units that lead or support tasks; when present, every department reference must name "
      "one.",
      "部门列表。"},
     put_departments,
     MapId::department},
    {"people",
     K::mappings,
     false,
     {"The people who own tasks; when present, every person reference must name one.",
      "人员列表。"},
     put_people,
     MapId::person},
    {"plan",
     K::mapping,
     true,
     {"The plan document: title, opening, numbered sections, tasks.", "计划正文。"},
     put<&PlanFile::plan>,
     MapId::plan},
    {"activities",
     K::mappings,
     false,
     {"The activity log (活动台账): what was done, when, for which task.", "活动台账。"},
     put<&PlanFile::activities>,
     MapId::activity},
    {"report",
     K::mapping,
     false,
     {"What the year-end report adds to the log.", "年终总结的补充内容。"},
     put<&PlanFile::report>,
     MapId::report},
    {"bulletin",
     K::mapping,
     false,
     {"The 工作简报's masthead and foot (planctl render --bulletin).", "工作简报的报头和报尾。"},
     put<&PlanFile::bulletin>,
     MapId::bulletin},
};

const KeyRow k_profile_fact[] = {
    {"label",
     K::text,
     true,
     {"What is counted, e.g. 在校学生.", "项目名称。"},
     put<&ProfileFact::label>},
    {"value", K::scalar, true, {"The number or text, e.g. 2282.", "数值或文字。"}, put_fact_value},
    {"unit", K::text, false, {"The unit, e.g. 人 or 个.", "单位。"}, put<&ProfileFact::unit>},
};

const KeyRow k_school[] = {
    {"name",
     K::text,
     true,
     {"The school's full name, e.g. 海东市平安区第二中学.", "学校全称。"},
     put<&School::name>},
    {"short_name",
     K::text,
     false,
     {"The short name used in running text, e.g. 平安二中.", "简称，用于正文。"},
     put<&School::short_name>},
    {"code",
     K::code,
     false,
     {"The district's code for the school: ASCII letters, digits, - and _, at most 64; it is the "
      "file stem of the outputs.",
      "学校代码：ASCII 字母、数字、- 和 _，最多 64 个；用作输出文件名。"},
     put<&School::code>},
    {"district",
     K::text,
     false,
     {"The district, e.g. 海东市平安区.", "所属区县。"},
     put<&School::district>},
    {"profile",
     K::mappings,
     false,
     {"Ordered facts for the report's 基本情况.", "基本情况数据，按顺序。"},
     put<&School::profile>,
     MapId::profile_fact},
};

const KeyRow k_department[] = {
    {"id",
     K::id,
     true,
     {"The department's id, unique among departments; references may use it.",
      "部门标识，部门间唯一。"},
     put<&Department::id>},
    {"name",
     K::text,
     true,
     {"The department's name, e.g. 德育处; references may use it too.", "部门名称。"},
     put<&Department::name>},
    {"head",
     K::text,
     false,
     {"The person who heads it: a person's id or name.", "负责人：人员的标识或姓名。"},
     put<&Department::head>},
};

const KeyRow k_person[] = {
    {"id",
     K::id,
     true,
     {"The person's id, unique among people; references may use it.", "人员标识，人员间唯一。"},
     put<&Person::id>},
    {"name",
     K::text,
     true,
     {"The person's name, e.g. 王子涛; references may use it too.", "姓名。"},
     put<&Person::name>},
    {"title", K::text, false, {"The person's post, e.g. 校长.", "职务。"}, put<&Person::title>},
    {"department",
     K::text,
     false,
     {"The person's department: a department's id or name.", "所在部门：部门的标识或名称。"},
     put<&Person::department>},
};

const KeyRow k_period[] = {
    {"start",
     K::date,
     true,
     {"The first day of the period; it must lie in year.", "起始日期，须在 year 年内。"},
     put_period_start},
    {"end",
     K::date,
     true,
     {"The last day of the period, not before start.", "结束日期，不早于起始日期。"},
     put_period_end},
};

const KeyRow k_item[] = {
    {"title",
     K::text,
     true,
     {"The item's title (required); never type the number, planctl adds it.",
      "标题（必填）；不要手写编号。"},
     put<&Item::title>},
    {"text", K::long_text, false, {"The item's paragraphs.", "正文段落。"}, put<&Item::text>},
    {"points",
     K::text_list,
     false,
     {"Sentences added as 一是……。二是……。 to the end of the text.",
      "要点，以“一是……二是……”接在正文后。"},
     put<&Item::points>},
    {"items",
     K::mappings,
     false,
     {"The next depth's items.", "下一级条目。"},
     put<&Item::items>,
     MapId::item},
    {"id",
     K::id,
     false,
     {"The task's id, unique across the plan; activities name tasks by it. Any task key makes the "
      "item a task.",
      "任务标识，全计划唯一。"},
     put<&Item::id>,
     MapId::top,
     true},
    {"lead",
     K::text,
     false,
     {"The leading department (牵头部门): a department's id or name.", "牵头部门。"},
     put<&Item::lead>,
     MapId::top,
     true},
    {"owner",
     K::text_list,
     false,
     {"The responsible person or people (责任人): ids or names.", "责任人。"},
     put<&Item::owner>,
     MapId::top,
     true},
    {"support",
     K::text_list,
     false,
     {"Supporting departments (配合部门): ids or names.", "配合部门。"},
     put<&Item::support>,
     MapId::top,
     true},
    {"start",
     K::date_or_month,
     false,
     {"When the work starts: YYYY-MM-DD or YYYY-MM, inside the period.", "开始时间。"},
     put<&Item::start>,
     MapId::top,
     true},
    {"due",
     K::due,
     false,
     {"When the work is due: a date, a month, or 全年, 长期, 每学期, 每月, 每周.", "完成时限。"},
     put<&Item::due>,
     MapId::top,
     true},
    {"months",
     K::months,
     false,
     {"Month numbers 1-12 in which the work is planned, e.g. [3, 9].", "计划开展工作的月份。"},
     put<&Item::months>,
     MapId::top,
     true},
    {"deliverables",
     K::text_list,
     false,
     {"The evidence to file (佐证材料), e.g. [会议记录, 照片].", "佐证材料。"},
     put<&Item::deliverables>,
     MapId::top,
     true},
    {"status",
     K::status,
     false,
     {"Explicit state: 未开始, 进行中 or 已完成.", "任务状态。"},
     put<&Item::status>,
     MapId::top,
     true},
};

const KeyRow k_plan[] = {
    {"title",
     K::text,
     true,
     {"The plan's title, e.g. 2020年创建民族团结进步先进区工作安排.", "标题。"},
     put<&Plan::title>},
    {"year",
     K::year,
     true,
     {"The year the period starts in, 2000-2100.", "计划所在年份。"},
     put<&Plan::year>},
    {"period",
     K::mapping,
     false,
     {"{start, end}: the period covered; default the whole of year.", "计划时段。"},
     put<&Plan::period>,
     MapId::period},
    {"issuer",
     K::text,
     true,
     {"The signing organisation (落款), e.g. 市第二中学党支部.", "落款单位。"},
     put<&Plan::issuer>},
    {"date",
     K::date,
     true,
     {"The signing date, YYYY-MM-DD; it may lie outside the period.", "成文日期。"},
     put<&Plan::date>},
    {"basis",
     K::long_text,
     false,
     {"The opening paragraph, e.g. 根据《……》，结合学校实际，现就……安排如下：.", "开头段落。"},
     put<&Plan::basis>},
    {"numbering",
     K::numbering,
     false,
     {"The numbering style of each depth, e.g. [一、, 1., （1）]; its length is the deepest level "
      "allowed (default 一、 （一） 1. （1）).",
      "各级编号样式。"},
     put_numbering},
    {"sections",
     K::mappings,
     true,
     {"The numbered body: a non-empty list of items.", "正文各部分（非空）。"},
     put<&Plan::sections>,
     MapId::item},
    {"attachments",
     K::attachments,
     false,
     {"Titles listed as 附件 after the body; an entry {title, content: tasks} also prints the task "
      "allocation table as that attachment.",
      "附件名称；写成 {title, content: tasks} 的附件印出任务分工表。"},
     put_attachments,
     MapId::attachment},
    // The official-document parts; the same rows are in k_report.
    {"letterhead",
     K::text,
     false,
     {"The issuing organisation's mark (发文机关标志) at the head of the first page, e.g. "
      "海东市平安区教育局文件.",
      "发文机关标志（版头），如 海东市平安区教育局文件。"},
     put_official<Plan, &OfficialParts::letterhead>},
    {"doc_number",
     K::text,
     false,
     {"The document number (发文字号): prefix, the year in 〔 〕, the serial and 号, e.g. "
      "平教〔2020〕12号.",
      "发文字号，如 平教〔2020〕12号。"},
     put_official<Plan, &OfficialParts::doc_number>},
    {"signer",
     K::text,
     false,
     {"The signing official (签发人) of a document sent up; needs doc_number.",
      "签发人（上行文），须有 doc_number。"},
     put_official<Plan, &OfficialParts::signer>},
    {"recipients",
     K::text_list,
     false,
     {"The addressees (主送机关), e.g. [各中小学, 各幼儿园].", "主送机关。"},
     put_official<Plan, &OfficialParts::recipients>},
    {"note",
     K::text,
     false,
     {"A closing note (附注) under the date, e.g. 联系人：张慧君，电话：0972-8612345.", "附注。"},
     put_official<Plan, &OfficialParts::note>},
    {"copy_to",
     K::text_list,
     false,
     {"The organisations copied (抄送机关), printed in the 版记.", "抄送机关。"},
     put_official<Plan, &OfficialParts::copy_to>},
    {"printed_by",
     K::text,
     false,
     {"The office that prints and sends the document (印发机关), printed in the 版记.",
      "印发机关。"},
     put_official<Plan, &OfficialParts::printed_by>},
    {"printed_date",
     K::date,
     false,
     {"The date it is sent out (印发日期), not before date; default: date.",
      "印发日期，不早于成文日期；默认为成文日期。"},
     put_official<Plan, &OfficialParts::printed_date>},
    {"seal",
     K::flag,
     false,
     {"true when the document will be stamped: the sign-off is laid out for the seal.",
      "加盖印章时写 true，落款按加盖印章的格式排列。"},
     put_official<Plan, &OfficialParts::seal>},
};

const KeyRow k_attachment[] = {
    {"title",
     K::text,
     true,
     {"The attachment's title, listed in the 附件 note and printed over its content.",
      "附件名称。"},
     put<&AttachmentEntry::title>},
    {"content",
     K::content,
     false,
     {"What the attachment holds: tasks (the task allocation table, 任务分工表).",
      "附件内容：tasks（任务分工表）。"},
     put<&AttachmentEntry::content>},
};

const KeyRow k_activity[] = {
    {"date",
     K::date,
     true,
     {"The day of the activity, YYYY-MM-DD (required).", "活动日期（必填）。"},
     put<&Activity::date>},
    {"end",
     K::date,
     false,
     {"The last day, for an activity that spans days; not before date.", "结束日期。"},
     put<&Activity::end>},
    {"title",
     K::text,
     true,
     {"What was done (required).", "活动名称（必填）。"},
     put<&Activity::title>},
    {"task",
     K::text_list,
     false,
     {"The id of the task it carried out, or a list of ids.", "对应任务的标识。"},
     put<&Activity::tasks>},
    {"host", K::text, false, {"Who hosted it.", "主持人。"}, put<&Activity::host>},
    {"participants",
     K::text,
     false,
     {"Who took part.", "参加人员。"},
     put<&Activity::participants>},
    {"count",
     K::count,
     false,
     {"How many took part: a whole number, 0 or more.", "参加人数。"},
     put<&Activity::count>},
    {"place", K::text, false, {"Where it took place.", "地点。"}, put<&Activity::place>},
    {"summary", K::long_text, false, {"What happened.", "活动内容。"}, put<&Activity::summary>},
    {"evidence",
     K::text_list,
     false,
     {"The evidence filed, e.g. [会议记录, 签到表, 照片].", "佐证材料。"},
     put<&Activity::evidence>},
    {"headline",
     K::text,
     false,
     {"The news headline in the 工作简报; default: the title.", "简报标题，默认为活动名称。"},
     put<&Activity::headline>},
    {"reporter",
     K::text,
     false,
     {"The 通讯员 named in the 工作简报's byline.", "简报署名的通讯员。"},
     put<&Activity::reporter>},
    {"photos",
     K::photos,
     false,
     {"Photos for the 工作简报: JPEG or PNG files inside the plan file's folder, each a path "
      "relative to the plan file or {file, caption}.",
      "简报配图：计划文件所在文件夹内的 JPEG 或 PNG 文件，写相对路径或 {file, caption}。"},
     put_photos,
     MapId::photo},
};

const KeyRow k_photo[] = {
    {"file",
     K::text,
     true,
     {"The image file, relative to the plan file's folder (required).", "图片文件（必填）。"},
     put<&Photo::file>},
    {"caption",
     K::text,
     false,
     {"The caption printed under the photo.", "图片说明。"},
     put<&Photo::caption>},
};

const KeyRow k_bulletin_copy[] = {
    {"报",
     K::text,
     false,
     {"The 报 line: offices reported to.", "报送单位。"},
     put<&Bulletin::copy_report>},
    {"送",
     K::text,
     false,
     {"The 送 line: offices sent to.", "送达单位。"},
     put<&Bulletin::copy_send>},
    {"发",
     K::text,
     false,
     {"The 发 line: who receives it.", "发放范围。"},
     put<&Bulletin::copy_issue>},
};

// `copy_to` fills three fields of the bulletin itself.
void put_bulletin_copy(ModelFiller& filler, const Entry& entry, void* model) {
  auto& bulletin = *static_cast<Bulletin*>(model);
  filler.read_into(entry, &bulletin);
}

const KeyRow k_bulletin[] = {
    {"name",
     K::text,
     false,
     {"The bulletin's name in the masthead; default: the school's short name (or name) and "
      "工作简报.",
      "简报名称，默认为学校简称加“工作简报”。"},
     put<&Bulletin::name>},
    {"number",
     K::count,
     false,
     {"The 期号 of the bulletin of the period's first month that has activities; each later "
      "month with activities counts on by one. Default 1.",
      "首个有活动的月份的期号，其后每个有活动的月份加一，默认为 1。"},
     put<&Bulletin::number>},
    {"editor",
     K::text,
     false,
     {"The 编印 unit; default: the school's name.", "编印单位，默认为学校名称。"},
     put<&Bulletin::editor>},
    {"copy_to",
     K::mapping,
     false,
     {"The 报/送/发 lines at the foot: {报: …, 送: …, 发: …}.", "报尾的报、送、发。"},
     put_bulletin_copy,
     MapId::bulletin_copy},
};

const KeyRow k_report_item[] = {
    {"title", K::text, false, {"An optional title.", "标题（可选）。"}, put<&ReportItem::title>},
    {"text", K::long_text, false, {"The entry's paragraphs.", "正文。"}, put<&ReportItem::text>},
    {"points",
     K::text_list,
     false,
     {"Sentences added as 一是……。二是……。.", "要点。"},
     put<&ReportItem::points>},
};

const KeyRow k_report_group[] = {
    {"group",
     K::text,
     true,
     {"The group of 主要做法: its title as written in the plan, its id, or 其他工作.",
      "主要做法中的一组：计划中的标题原文、id 或“其他工作”。"},
     put<&ReportGroup::group>},
    {"heading",
     K::text,
     false,
     {"The group's （一） heading in the report, instead of its title.",
      "该组在总结中的（一）标题，替换计划中的标题。"},
     put<&ReportGroup::heading>},
    {"lead",
     K::long_text,
     false,
     {"The paragraphs that open the group, instead of the generated lead.",
      "该组的开头段落，替换自动生成的概述句。"},
     put<&ReportGroup::lead>},
};

const KeyRow k_headings[] = {
    {"overview",
     K::text,
     false,
     {"Title of 基本情况.", "基本情况的标题。"},
     put<&ReportHeadings::overview>},
    {"practices",
     K::text,
     false,
     {"Title of 主要做法.", "主要做法的标题。"},
     put<&ReportHeadings::practices>},
    {"achievements",
     K::text,
     false,
     {"Title of 取得的成绩.", "取得的成绩的标题。"},
     put<&ReportHeadings::achievements>},
    {"problems",
     K::text,
     false,
     {"Title of 存在的问题.", "存在的问题的标题。"},
     put<&ReportHeadings::problems>},
    {"next_steps",
     K::text,
     false,
     {"Title of 下一步工作打算.", "下一步工作打算的标题。"},
     put<&ReportHeadings::next_steps>},
};

const KeyRow k_report[] = {
    {"title",
     K::text,
     false,
     {"Default: the plan title with 计划/安排/要点/方案 replaced by 总结.", "标题。"},
     put<&Report::title>},
    {"issuer", K::text, false, {"Default: the plan's issuer.", "落款单位。"}, put<&Report::issuer>},
    {"date",
     K::date,
     false,
     {"Default: the latest activity date, else the plan's date.", "成文日期。"},
     put<&Report::date>},
    {"opening",
     K::long_text,
     false,
     {"The opening paragraphs before 一、, instead of the one built from the plan.",
      "开头段落，替换根据计划生成的开头。"},
     put<&Report::opening>},
    {"overview",
     K::long_text,
     false,
     {"Text for 基本情况, after the sentence built from school.profile.", "基本情况。"},
     put<&Report::overview>},
    {"groups",
     K::mappings,
     false,
     {"Per group of 主要做法: a heading and a lead instead of the plan's title and the generated "
      "lead.",
      "主要做法各组的标题和开头段落。"},
     put<&Report::groups>,
     MapId::report_group},
    {"achievements",
     K::long_texts,
     false,
     {"List of texts: 取得的成绩.", "取得的成绩。"},
     put<&Report::achievements>},
    {"problems",
     K::mappings,
     false,
     {"List of report items: 存在的问题.", "存在的问题。"},
     put<&Report::problems>,
     MapId::report_item},
    {"next_steps",
     K::mappings,
     false,
     {"List of report items: 下一步工作打算.", "下一步工作打算。"},
     put<&Report::next_steps>,
     MapId::report_item},
    {"headings",
     K::mapping,
     false,
     {"Overrides of the section titles.", "各部分标题的替换文字。"},
     put<&Report::headings>,
     MapId::headings},
    // The official-document parts, as in k_plan; only the letterhead is inherited.
    {"letterhead",
     K::text,
     false,
     {"The issuing organisation's mark (发文机关标志); default: the plan's letterhead.",
      "发文机关标志；默认同计划。"},
     put_official<Report, &OfficialParts::letterhead>},
    {"doc_number",
     K::text,
     false,
     {"The report's document number (发文字号), e.g. 平教〔2021〕3号.", "发文字号。"},
     put_official<Report, &OfficialParts::doc_number>},
    {"signer",
     K::text,
     false,
     {"The signing official (签发人) of a report sent up; needs doc_number.",
      "签发人（上行文），须有 doc_number。"},
     put_official<Report, &OfficialParts::signer>},
    {"recipients",
     K::text_list,
     false,
     {"The addressees (主送机关), e.g. 平安区关工委.", "主送机关。"},
     put_official<Report, &OfficialParts::recipients>},
    {"note",
     K::text,
     false,
     {"A closing note (附注) under the date.", "附注。"},
     put_official<Report, &OfficialParts::note>},
    {"copy_to",
     K::text_list,
     false,
     {"The organisations copied (抄送机关), printed in the 版记.", "抄送机关。"},
     put_official<Report, &OfficialParts::copy_to>},
    {"printed_by",
     K::text,
     false,
     {"The office that prints and sends the report (印发机关), printed in the 版记.", "印发机关。"},
     put_official<Report, &OfficialParts::printed_by>},
    {"printed_date",
     K::date,
     false,
     {"The date it is sent out (印发日期), not before the report's date; default: that date.",
      "印发日期，不早于总结的成文日期；默认为成文日期。"},
     put_official<Report, &OfficialParts::printed_date>},
    {"seal",
     K::flag,
     false,
     {"true when the report will be stamped: the sign-off is laid out for the seal.",
      "加盖印章时写 true，落款按加盖印章的格式排列。"},
     put_official<Report, &OfficialParts::seal>},
};

const Words k_a_mapping{"a mapping of keys and values", "键值映射"};

// The mappings; after the top level, in the order of the schema's definitions.
const MappingDef k_mappings[] = {
    {MapId::top,
     "",
     {"the top level of the file", "文件顶层"},
     k_a_mapping,
     k_a_mapping,
     {"One school's work plan for one period, its activity log and what the year-end report adds.",
      "一所学校一个时段的工作计划、活动台账和年终总结补充内容。"},
     k_top},
    {MapId::profile_fact,
     "profile_fact",
     {"an entry of \"school.profile\"", "“school.profile”的条目"},
     {"a fact like {label: 在校学生, value: 2282, unit: 人}",
      "数据项（如 {label: 在校学生, value: 2282, unit: 人}）"},
     {"facts like {label: 在校学生, value: 2282, unit: 人}",
      "数据项（如 {label: 在校学生, value: 2282, unit: 人}）"},
     {"One fact for the report's 基本情况, e.g. {label: 在校学生, value: 2282, unit: 人}.",
      "基本情况中的一项数据。"},
     k_profile_fact},
    {MapId::school,
     "school",
     {"\"school\"", "“school”"},
     k_a_mapping,
     k_a_mapping,
     {"Who the plan belongs to.", "计划所属的学校。"},
     k_school},
    {MapId::department,
     "department",
     {"a department", "部门"},
     {"a department (a mapping with \"id\" and \"name\")", "部门（含 id 和 name 的映射）"},
     {"departments", "部门"},
     {"A unit that leads or supports tasks (处室, 年级组, 教研组, 工会, 团委…).",
      "牵头或配合任务的部门。"},
     k_department},
    {MapId::person,
     "person",
     {"a person", "人员"},
     {"a person (a mapping with \"id\" and \"name\")", "人员（含 id 和 name 的映射）"},
     {"people", "人员"},
     {"A person who owns tasks.", "任务责任人。"},
     k_person},
    {MapId::period,
     "period",
     {"\"plan.period\"", "“plan.period”"},
     k_a_mapping,
     k_a_mapping,
     {"The period the plan covers; default 1 January to 31 December of year.",
      "计划时段，默认为 year 年全年。"},
     k_period},
    {MapId::item,
     "item",
     {"an item", "条目"},
     {"an item (a mapping with a \"title\")", "条目（含 title 的映射）"},
     {"items", "条目"},
     {"One numbered item of the plan; with any of id, lead, owner, support, start, due, months, "
      "deliverables or status it is a task.",
      "计划的一个编号条目；含任务字段时即为任务。"},
     k_item},
    {MapId::plan,
     "plan",
     {"\"plan\"", "“plan”"},
     k_a_mapping,
     k_a_mapping,
     {"The plan document: title, opening, numbered sections, tasks.", "计划正文。"},
     k_plan},
    {MapId::attachment,
     "attachment",
     {"an attachment", "附件"},
     {"an attachment (a mapping with a \"title\")", "附件（含 title 的映射）"},
     {"attachments", "附件"},
     {"An attachment with content, e.g. {title: 任务分工表, content: tasks}.",
      "带内容的附件，如 {title: 任务分工表, content: tasks}。"},
     k_attachment},
    {MapId::activity,
     "activity",
     {"an activity", "活动"},
     {"an activity (a mapping with \"date\" and \"title\")", "活动（含 date 和 title 的映射）"},
     {"activities", "活动"},
     {"One entry of the activity log (活动台账).", "活动台账中的一项活动。"},
     k_activity},
    {MapId::photo,
     "photo",
     {"a photo", "图片"},
     {"a photo (a mapping with \"file\")", "图片（含 file 的映射）"},
     {"photos", "图片"},
     {"A photo of an activity with its caption, e.g. {file: photos/0313.jpg, caption: "
      "动员大会现场}.",
      "活动图片及其说明。"},
     k_photo},
    {MapId::report_item,
     "report_item",
     {"a report item", "总结条目"},
     {"a report item (a mapping with \"text\" or \"points\")",
      "总结条目（含 text 或 points 的映射）"},
     {"report items (mappings with \"text\" or \"points\")",
      "总结条目（含 text 或 points 的映射）"},
     {"An entry of problems or next_steps: text or points, and an optional title.",
      "问题或打算的一项。"},
     k_report_item},
    {MapId::report_group,
     "report_group",
     {"an entry of \"report.groups\"", "“report.groups”的条目"},
     {"a report group (a mapping with \"group\")", "总结分组（含 group 的映射）"},
     {"report groups (mappings with \"group\")", "总结分组（含 group 的映射）"},
     {"What the report says at the head of one group of 主要做法.",
      "总结主要做法中一组的标题和开头。"},
     k_report_group},
    {MapId::headings,
     "headings",
     {"\"report.headings\"", "“report.headings”"},
     k_a_mapping,
     k_a_mapping,
     {"Overrides of the report's section titles.", "总结各部分标题的替换文字。"},
     k_headings},
    {MapId::report,
     "report",
     {"\"report\"", "“report”"},
     k_a_mapping,
     k_a_mapping,
     {"What the year-end report (工作总结) adds to the activity log; everything is optional.",
      "年终总结的补充内容，均可选。"},
     k_report},
    {MapId::bulletin,
     "bulletin",
     {"\"bulletin\"", "“bulletin”"},
     k_a_mapping,
     k_a_mapping,
     {"The 工作简报 (planctl render --bulletin): its name, number, editor and 报/送/发 lines.",
      "工作简报的名称、期号、编印单位和报送范围。"},
     k_bulletin},
    {MapId::bulletin_copy,
     "bulletin_copy",
     {"\"bulletin.copy_to\"", "“bulletin.copy_to”"},
     k_a_mapping,
     k_a_mapping,
     {"The 报/送/发 lines at the foot of the 工作简报.", "工作简报报尾的报、送、发。"},
     k_bulletin_copy},
};

// ---- the value kinds ----------------------------------------------------------------------------
// The schema of each kind that has a definition of its own, in the schema's order. The rule
// planctl applies is named beside it: the two must accept the same values (the schema may
// accept more where JSON Schema cannot say it, never less: tests/cli/schema_oracle.sh).

struct KindDef {
  Kind kind;
  std::string_view name; // the schema definition
  Words description;
  Words expected;
};

const KindDef k_kinds[] = {
    {K::text,
     "text",
     {"A short text, written as it should appear (numbers and true/false are taken as written).",
      "一段短文本，按原样使用。"},
     {"a text", "文本"}},
    {K::long_text,
     "long_text",
     {"Prose: a blank line starts a new paragraph; a single line break inside a paragraph is "
      "joined. Long text is best written as a | block.",
      "正文：空行分段，段内换行会被合并；长文本建议写成 | 块。"},
     {"a text", "文本"}},
    {K::text_list,
     "text_list",
     {"One text, or a list of texts (a single value means a list of one).",
      "一项文本或文本列表（单个值即一项的列表）。"},
     {"a text or a list of texts", "文本或文本列表"}},
    {K::attachments,
     "attachments",
     {"One attachment or a list of them: each a title, or a mapping {title, content}.",
      "一个或一组附件：附件名称，或 {title, content} 映射。"},
     {"a title, a mapping {title, content} or a list of them",
      "附件名称、{title, content} 映射或其列表"}},
    {K::photos,
     "photos",
     {"One photo or a list of them: each a path relative to the plan file, or a mapping "
      "{file, caption}.",
      "一张或一组图片：相对于计划文件的路径，或 {file, caption} 映射。"},
     {"a path, a mapping {file, caption} or a list of them",
      "图片路径、{file, caption} 映射或其列表"}},
    {K::id,
     "id",
     {"An id: 1-64 characters, letters of any script, digits, _ - . and no spaces.",
      "标识：1-64 个字符，可用各种文字的字母、数字、_ - .，不能有空格。"},
     {"an id", "标识"}},
    {K::date,
     "date",
     {"A calendar date written YYYY-MM-DD, e.g. 2020-09-01.",
      "日期，写作 YYYY-MM-DD，如 2020-09-01。"},
     {"a date written YYYY-MM-DD", "YYYY-MM-DD 格式的日期"}},
    {K::date_or_month,
     "date_or_month",
     {"A date (YYYY-MM-DD) or a whole month (YYYY-MM).", "日期（YYYY-MM-DD）或整月（YYYY-MM）。"},
     {"a date (YYYY-MM-DD) or a month (YYYY-MM)", "日期（YYYY-MM-DD）或月份（YYYY-MM）"}},
    {K::due,
     "due",
     {"When the task is due: a date (YYYY-MM-DD), a month (YYYY-MM), or a recurring keyword 全年, "
      "长期, 每学期, 每月 or 每周.",
      "完成时限：日期、月份，或 全年、长期、每学期、每月、每周。"},
     {"a date, a month or one of 全年, 长期, 每学期, 每月, 每周",
      "日期、月份或 全年、长期、每学期、每月、每周 之一"}},
    {K::months,
     "month",
     {"A month number, 1 to 12.", "月份数字 1-12。"},
     {"a month number from 1 to 12", "1 到 12 的月份数字"}},
    {K::status,
     "status",
     {"The task's explicit state.", "任务状态。"},
     {"one of 未开始, 进行中, 已完成", "未开始、进行中、已完成 之一"}},
    {K::numbering,
     "numbering_style",
     {"A numbering style: 一、 （一） 1. or （1） (the ASCII brackets (一) and (1) are accepted "
      "too). YAML reads a bare 1. as a number; planctl takes it as written.",
      "编号样式：一、 （一） 1. （1）。"},
     {"a numbering style (一、, （一）, 1. or （1）)", "编号样式（一、（一）1.（1））"}},
    {K::flag,
     "flag",
     {"true or false.", "true 或 false。"},
     {"true or false", "布尔值 true 或 false"}},
    {K::content,
     "content",
     {"What an attachment holds: tasks, the task allocation table (任务分工表).",
      "附件内容：tasks（任务分工表）。"},
     {"tasks", "tasks"}},
};

const KindDef* find_kind(Kind kind) {
  for (const KindDef& k : k_kinds) {
    if (k.kind == kind) {
      return &k;
    }
  }
  return nullptr;
}

// ---- the schema -------------------------------------------------------------------------------

using util::Json;

std::string joined(const Words& words) {
  return words.en + " " + words.zh;
}

Json ref(std::string_view name) {
  Json j = Json::object();
  j.set("$ref", "#/definitions/" + std::string(name));
  return j;
}

Json types(std::initializer_list<const char*> names) {
  Json j = Json::array();
  for (const char* n : names) {
    j.push(n);
  }
  return j;
}

// The schema of a kind's definition (`#/definitions/<name>`).
Json definition_schema(const KindDef& def) {
  Json j = Json::object();
  if (def.kind == K::attachments || def.kind == K::photos) {
    // read_attachments, read_photos: a text or a mapping, or a list of them
    const std::string_view sub = def.kind == K::photos ? "photo" : "attachment";
    Json entry = Json::object();
    Json either = Json::array();
    either.push(ref("text"));
    either.push(ref(sub));
    entry.set("anyOf", std::move(either));
    Json list = Json::object();
    list.set("type", "array");
    list.set("items", std::move(entry));
    Json any = Json::array();
    any.push(ref("text"));
    any.push(ref(sub));
    any.push(std::move(list));
    j.set("description", joined(def.description));
    j.set("anyOf", std::move(any));
    return j;
  }
  const auto scalar_types = [] { return types({"string", "number", "boolean"}); };
  switch (def.kind) {
  case K::text:
  case K::long_text:
  case K::id:
    j.set("type", scalar_types());
    break;
  case K::text_list:
    j.set("type", types({"array", "string", "number", "boolean"}));
    break;
  case K::months:
    j.set("type", "integer");
    break;
  case K::numbering:
    j.set("type", types({"string", "number"}));
    break;
  case K::flag:
    j.set("type", "boolean");
    break;
  default:
    j.set("type", "string");
  }
  j.set("description", joined(def.description));
  switch (def.kind) {
  case K::text: // the YAML layer's limit (YamlLimits::max_text)
    j.set("maxLength", 10000);
    break;
  case K::long_text: // YamlLimits::max_long_text
    j.set("maxLength", 50000);
    break;
  case K::text_list:
    j.set("items", ref("text"));
    break;
  case K::id: // is_valid_id (which also leaves out non-ASCII punctuation and symbols)
    j.set("minLength", 1);
    j.set("maxLength", 64);
    j.set("pattern", "^[^\\x00-\\x2C\\x2F\\x3A-\\x40\\x5B-\\x5E\\x60\\x7B-\\x7F]+$");
    break;
  case K::date: // util::parse_date (which also rejects days that do not exist)
    j.set("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    break;
  case K::date_or_month: // parse_day_or_month
    j.set("pattern", "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$");
    break;
  case K::due: // parse_due
    j.set("pattern", "^([0-9]{4}-[0-9]{2}(-[0-9]{2})?|全年|长期|每学期|每月|每周)$");
    break;
  case K::months: // ModelFiller::read of months
    j.set("minimum", 1);
    j.set("maximum", 12);
    break;
  case K::status: { // parse_status
    Json values = Json::array();
    for (const auto s : {model::TaskStatus::not_started, model::TaskStatus::in_progress,
                         model::TaskStatus::done}) {
      values.push(model::status_label(s));
    }
    j.set("enum", std::move(values));
    break;
  }
  case K::numbering: // model::parse_number_style
    j.set("pattern", "^(一、|（一）|1\\.|（1）|\\(一\\)|\\(1\\))$");
    j.set("minimum", 1);
    j.set("maximum", 1);
    break;
  case K::content: { // ModelFiller::read of an optional text of Kind::content
    Json values = Json::array();
    values.push("tasks");
    j.set("enum", std::move(values));
    break;
  }
  default:
    break;
  }
  return j;
}

Json property_schema(const KeyRow& row, bool allow_null) {
  const std::string description = joined(row.description);
  const bool null_ok = allow_null && !row.required;
  Json j = Json::object();
  // A `$ref` ignores its siblings (draft-07), so the description and `null` go around it.
  const auto referring = [&](std::string_view name) {
    if (null_ok) {
      j.set("description", description);
      Json any = Json::array();
      any.push(ref(name));
      Json null_type = Json::object();
      null_type.set("type", "null");
      any.push(std::move(null_type));
      j.set("anyOf", std::move(any));
    } else {
      j.set("$ref", "#/definitions/" + std::string(name));
      j.set("description", description);
    }
  };
  const auto typed = [&](Json type) {
    if (null_ok) {
      if (type.type() == Json::Type::string) {
        Json list = Json::array();
        list.push(std::move(type));
        type = std::move(list);
      }
      type.push("null");
    }
    j.set("type", std::move(type));
    j.set("description", description);
  };
  switch (row.kind) {
  case K::text:
  case K::long_text:
  case K::text_list:
  case K::id:
  case K::date:
  case K::date_or_month:
  case K::due:
  case K::status:
  case K::flag:
  case K::content:
  case K::attachments:
  case K::photos:
    referring(find_kind(row.kind)->name);
    break;
  case K::mapping:
    referring(mapping(row.sub).name);
    break;
  case K::mappings:
    typed("array");
    if (row.required) { // a list that must be there must not be empty
      j.set("minItems", 1);
    }
    j.set("items", ref(mapping(row.sub).name));
    break;
  case K::long_texts:
    typed("array");
    j.set("items", ref("long_text"));
    break;
  case K::months:
    typed("array");
    j.set("items", ref("month"));
    break;
  case K::numbering:
    typed("array");
    j.set("minItems", 1);
    j.set("maxItems", 4);
    j.set("items", ref("numbering_style"));
    break;
  case K::code: // is_valid_code
    typed(types({"string", "number", "boolean"}));
    j.set("pattern", "^[A-Za-z0-9_-]{1,64}$");
    break;
  case K::scalar:
    typed(types({"string", "number", "boolean"}));
    break;
  case K::year: // the year rule of ModelFiller::read
    typed("integer");
    j.set("minimum", 2000);
    j.set("maximum", 2100);
    break;
  case K::count:
    typed("integer");
    j.set("minimum", 0);
    break;
  case K::version: // ModelFiller::read of the version
    j.set("description", description);
    j.set("const", 1);
    break;
  }
  return j;
}

Json x_keys() {
  Json pattern = Json::object();
  Json x = Json::object();
  x.set("description", "Your own data for your own tools: planctl ignores keys starting with x-. "
                       "以 x- 开头的键留给你自己的工具，planctl 不检查也不输出。");
  pattern.set("^x-", std::move(x));
  return pattern;
}

// The body of a mapping's schema, into `j` (which may already hold keys of its own).
void mapping_schema(Json& j, const MappingDef& def, bool allow_null) {
  Json required = Json::array();
  Json properties = Json::object();
  for (const KeyRow& row : def.keys) {
    if (row.required) {
      required.push(row.key);
    }
    properties.set(row.key, property_schema(row, allow_null));
  }
  j.set("type", "object");
  if (def.id != MapId::top) {
    j.set("description", joined(def.description));
  }
  if (std::any_of(def.keys.begin(), def.keys.end(), [](const KeyRow& r) { return r.required; })) {
    j.set("required", std::move(required));
  }
  j.set("properties", std::move(properties));
  j.set("patternProperties", x_keys());
  j.set("additionalProperties", false);
}

} // namespace

const MappingDef& mapping(MapId id) {
  for (const MappingDef& m : k_mappings) {
    if (m.id == id) {
      return m;
    }
  }
  return k_mappings[0];
}

std::span<const MappingDef> all_mappings() {
  return k_mappings;
}

const KeyRow* find_key(const MappingDef& map, std::string_view key) {
  for (const KeyRow& row : map.keys) {
    if (row.key == key) {
      return &row;
    }
  }
  return nullptr;
}

Words expected_words(Kind kind, MapId sub) {
  switch (kind) {
  case K::mapping:
    return mapping(sub).expected;
  case K::mappings:
    return {"a list of " + mapping(sub).plural.en, mapping(sub).plural.zh + "列表"};
  case K::long_texts:
    return {"a list of texts", "文本列表"};
  case K::months:
    return {"a list of month numbers like [3, 9]", "月份数字（如 [3, 9]）列表"};
  case K::numbering:
    return {"a list of numbering styles like [一、, 1., （1）]",
            "编号样式（如 [一、, 1., （1）]）列表"};
  case K::year:
  case K::count:
    return {"a whole number", "整数"};
  case K::scalar:
  case K::code:
    return {"a number or a text", "数字或文本"};
  default:
    break;
  }
  if (const KindDef* def = find_kind(kind)) {
    return def->expected;
  }
  return {"something else", "其他值"};
}

Words entry_words(Kind kind, MapId sub) {
  switch (kind) {
  case K::mappings:
    return mapping(sub).expected;
  case K::months:
  case K::numbering:
    return find_kind(kind)->expected;
  case K::attachments:
    return {"a title or a mapping {title, content}", "附件名称或 {title, content} 映射"};
  case K::photos:
    return {"a path or a mapping {file, caption}", "图片路径或 {file, caption} 映射"};
  default:
    break;
  }
  return {"a text", "文本"};
}

Words place_words(const MappingDef& def, bool task) {
  if (task && def.id == MapId::item) {
    return {"a task", "任务"};
  }
  return def.place;
}

bool is_task_key(std::string_view key) {
  const KeyRow* row = find_key(mapping(MapId::item), key);
  return row && row->task;
}

std::string plan_schema_text(bool for_validation) {
  const bool allow_null = !for_validation;
  const MappingDef& top = mapping(MapId::top);
  Json root = Json::object();
  root.set("$schema", "http://json-schema.org/draft-07/schema#");
  root.set("title", "planctl plan file, version 1");
  root.set("description", joined(top.description));
  mapping_schema(root, top, allow_null);
  Json definitions = Json::object();
  for (const KindDef& kind : k_kinds) {
    definitions.set(kind.name, definition_schema(kind));
  }
  for (const MappingDef& def : k_mappings) {
    if (def.id != MapId::top) {
      Json j = Json::object();
      mapping_schema(j, def, allow_null);
      definitions.set(def.name, std::move(j));
    }
  }
  root.set("definitions", std::move(definitions));
  return root.dump(2) + "\n";
}

} // namespace planctl::load
