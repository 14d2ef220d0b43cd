// The task-allocation workbook (任务分工, 活动台账, 月度安排, 统计) written with libxlsxwriter.
#pragma once

#include <planctl/layout/layout.hpp>
#include <planctl/model/plan.hpp>
#include <planctl/model/progress.hpp>
#include <planctl/model/task_index.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace planctl::workbook {

// Writes the workbook of `file` as of `as_of` at `path`, its texts worded as the documents
// made with `options` word them. Returns warnings (plain sentences),
// e.g. for a cell cut at Excel's 32,767-character limit. Throws std::runtime_error when
// libxlsxwriter fails.
std::vector<std::string>
write_task_workbook(const model::PlanFile& file, const model::TaskIndex& index,
                    const std::vector<model::TaskProgress>& progress, const util::Date& as_of,
                    const layout::LayoutOptions& options, const std::filesystem::path& path);

} // namespace planctl::workbook
