// The task allocation table printed as an attachment (plan-format.md "Attachments as
// content"): the first seven columns of the workbook's 任务分工 sheet, worded for a page.
#pragma once

#include <planctl/layout/document.hpp>
#include <planctl/layout/text_rules.hpp>
#include <planctl/model/plan.hpp>
#include <planctl/model/task_index.hpp>

#include <string>
#include <vector>

namespace planctl::layout {

// The column titles: 序号 工作类别 工作任务 牵头部门 责任人 配合部门 完成时限.
std::vector<std::string> task_table_header();

// One row per task of `index`, in document order. 工作类别 is written on the first row of
// each group only (the rows under it belong to it, as in the workbook's merged cells);
// departments and people are named as the lists name them; 完成时限 is `2020年9月30日`,
// `2020年9月` or the keyword as written.
std::vector<std::vector<std::string>>
task_table_rows(const model::PlanFile& file, const model::TaskIndex& index, const TextRules& rules);

// The pages of the attachments that have content, labelled `附件1`, `附件2` … by their
// position in the attachments note (`附件` when there is one attachment); empty when no
// attachment has content.
std::vector<AttachmentPage> attachment_pages(const model::PlanFile& file,
                                             const model::TaskIndex& index, const TextRules& rules);

} // namespace planctl::layout
