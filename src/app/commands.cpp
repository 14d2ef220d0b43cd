#include <planctl/app/commands.hpp>

namespace planctl::app {

namespace {

// The help of every command. Descriptions are wrapped by hand to fit 80 columns.
constexpr Command k_commands[] = {
    {"validate", "Check plan files, report FILE:LINE:COL findings",
     "Loads each FILE (a folder: every *.yaml and *.yml file below it), checks it\n"
     "against every rule of the plan format and prints each finding as\n"
     "`FILE:LINE:COL: error|warning: message [rule]`, followed on a terminal by the\n"
     "source line and a caret. All files are checked in one run; a\n"
     "file that cannot be read fails on its own and never stops the others. A summary\n"
     "line goes to standard error.\n"
     "Exit status: 0 all valid; 1 a finding fails (an error, or a warning with\n"
     "--strict); 2 bad arguments or a file that cannot be read; 3 internal error.",
     "planctl validate plan.yaml\n"
     "  planctl validate --strict --format github plans/\n"
     "  planctl validate --format junit --output report.xml schools/*.yaml",
     &setup_validate},
    {"render", "Write the plan, the report and the workbook",
     "Validates each FILE first, as `validate` does: a file with errors is not\n"
     "rendered and nothing at all is written (exit 1); warnings are printed and\n"
     "rendering goes on. Then writes into DIR, for STEM = school.code or else the\n"
     "file name without its extension: STEM.plan.md, STEM.plan.txt, STEM.plan.docx,\n"
     "STEM.plan.pdf, STEM.report.md/.txt/.docx/.pdf when the file has a report or\n"
     "activities, and STEM.tasks.xlsx (--format chooses among them).\n"
     "Every file goes to a temporary file in DIR and is renamed into place only when\n"
     "all outputs succeeded, so a failed run leaves earlier outputs untouched.\n"
     "Prints the path of each written file.\n"
     "Exit status: 0 written; 1 a file has errors; 2 bad arguments, an unreadable\n"
     "input or an output that cannot be written; 3 internal error.",
     "planctl render plan.yaml\n"
     "  planctl render -o out --format md,docx --as-of 2020-12-31 plans/*.yaml",
     &setup_render},
    {"batch", "Render many schools and a district summary",
     "Renders every plan file named, or found in a named folder (*.yaml and *.yml,\n"
     "recursively, hidden folders left out), into DIR, each with the outputs\n"
     "`render` writes, plus district-summary.xlsx (汇总: one row per file; 问题清单:\n"
     "every finding). Files are checked and rendered on N threads. A file that fails\n"
     "its checks gets no documents but its row and findings, and never stops the\n"
     "others. Two files with the same STEM are refused before anything is written.\n"
     "Progress goes to standard error: a bar on a terminal, one line per file in CI.\n"
     "Exit status: 0 all rendered; 1 a file failed its checks; 2 bad arguments, an\n"
     "unreadable input, a STEM clash or an output that cannot be written; 3 internal\n"
     "error.",
     "planctl batch plans/2026 -o out --as-of 2026-12-31\n"
     "  planctl batch -j 4 --format docx,xlsx -o out a.yaml b.yaml",
     &setup_batch},
    {"status", "Show each school's task progress as of a date",
     "Prints, for each FILE, its tasks by state (已完成, 进行中, 逾期, 未开始, 长期),\n"
     "the overdue tasks with their lead, owner and days late, the tasks due in the\n"
     "next 30 days, the tasks no activity names and the activities per group: as a\n"
     "table for a terminal, or as JSON (docs/cli.md). A file with errors is not\n"
     "shown; its findings go to standard error.\n"
     "Exit status: 0 shown; 1 a file has errors; 2 bad arguments or an unreadable\n"
     "file; 3 internal error.",
     "planctl status plan.yaml --as-of 2020-12-31\n"
     "  planctl status --format json plans/*.yaml",
     &setup_status},
    {"init", "Write a commented starter plan file",
     "Writes a starter plan, with a comment explaining every key, to FILE (default\n"
     "plan.yaml). It validates as written; edit it, then run `planctl render`. An\n"
     "existing file is never overwritten unless --force is given.",
     "planctl init\n"
     "  planctl init plans/school.yaml --force",
     &setup_init},
    {"import", "Turn a Word or text document into a plan file",
     "Reads FILE (.docx, .txt in UTF-8 or GB18030, or .md) and writes a plan file\n"
     "that validates: title, opening paragraph (basis), numbered sections and items\n"
     "at every depth with their text, attachments and the signature. Lines it cannot\n"
     "place are kept as comments beside the nearest item and listed as warnings\n"
     "with their line; nothing is dropped. Missing parts get placeholders marked\n"
     "待填写, and the command says what to fill in (docs/import.md).\n"
     "Exit status: 0 written; 1 written but the file does not validate; 2 bad\n"
     "arguments, an unreadable document or an output that exists; 3 internal error.",
     "planctl import 工作计划.txt -o plan.yaml\n"
     "  planctl import notice.md --issuer 平安区教育局 --date 2020-04-09",
     &setup_import},
    {"schema", "Print the JSON Schema of the plan format",
     "Prints the JSON Schema (draft-07) that describes a plan file's structure. Save\n"
     "it and point an editor that uses yaml-language-server at it for completion and\n"
     "checking while typing.",
     "planctl schema > plan.schema.json", &setup_schema},
    {"rules", "List every diagnostic rule with its severity",
     "Lists the id, severity and description of every rule `validate` checks. The\n"
     "rule id is the word in brackets at the end of each finding.",
     "planctl rules\n"
     "  planctl rules --format markdown > rules.md",
     &setup_rules},
    {"help", "Show the help of planctl or of one command",
     "Prints the same help as `planctl --help` or `planctl COMMAND --help`.", "planctl help render",
     &setup_help},
};

} // namespace

std::span<const Command> all_commands() {
  return k_commands;
}

} // namespace planctl::app
