// The wording and sections of the year-end report (outputs.md, The report document).
#pragma once

#include <planctl/layout/document.hpp>
#include <planctl/layout/text_rules.hpp>
#include <planctl/model/plan.hpp>
#include <planctl/model/task_index.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planctl::layout {

// `plan_title` without a final `计划` `安排` `要点` or `方案` (`2020年工作计划` → `2020年工作`):
// the stem the report title and the workbook's sheet titles are built on.
std::string plan_title_stem(std::string_view plan_title);

// The default report title for `plan_title`: a final `计划` `安排` `要点` or `方案` replaced by
// `总结`, otherwise `总结` appended.
std::string default_report_title(std::string_view plan_title);

// The 基本情况 sentence from `school.profile`: the short name (or the name), `现有`, each fact
// as label + value + unit joined by `，`, then `。`; empty when the profile is empty.
std::string profile_sentence(const model::School& school, const TextRules& rules);

// The period as a report names it: `2020年` for a calendar year, `2020—2021学年` for a school
// year (August or later to August or earlier of the next year), else `2020年3月至6月`.
std::string period_words(const model::Period& period);

// The report's opening paragraphs: `report.opening` when given, else one built from the plan:
// the period, the school, the basis up to its `现就……`, `认真落实《plan title》`, how many
// activities, then `现将全年工作总结如下：`.
std::vector<std::string> opening_paragraphs(const model::PlanFile& file, const TextRules& rules);

// 基本情况: the profile sentence as a paragraph, then the `overview` paragraphs.
std::vector<Block> overview_blocks(const model::PlanFile& file, const TextRules& rules);

// The `report.groups` entry for `group` (matched by the group's title as written or its id;
// `其他工作` for the closing group, `group` null), or null.
const model::ReportGroup* report_group(const model::PlanFile& file, const model::Item* group);

// 主要做法: for each group with activities, in plan order, a `（一）` heading with the group's
// title (or its `report.groups` heading), its `report.groups` lead or a lead that says how much was
// done (two activities or more), then the activities in date order (ties in file order) in varied
// sentences, those of one title or one day told together (docs/report.md); activities without a
// task (or whose first task is unknown) come last under `其他工作`.
std::vector<Block> practice_blocks(const model::PlanFile& file, const model::TaskIndex& index,
                                   const TextRules& rules);

// 取得的成绩: each achievement as a run-in item `1.` `2.` … without a title.
std::vector<Block> achievement_blocks(const model::TextList& achievements, const TextRules& rules);

// 存在的问题 / 下一步工作打算: each titled item as a run-in `（一）title。text` (numbered among
// the titled items), an untitled one as its text alone; points as in plan items.
std::vector<Block> report_item_blocks(const std::vector<model::ReportItem>& items,
                                      const TextRules& rules);

// The report's signing date: `report.date`, else the latest activity date, else the plan's.
util::Date report_date(const model::PlanFile& file);

} // namespace planctl::layout
