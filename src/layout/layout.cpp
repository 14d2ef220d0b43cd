#include <planctl/layout/blocks.hpp>
#include <planctl/layout/date_wording.hpp>
#include <planctl/layout/layout.hpp>
#include <planctl/layout/official.hpp>
#include <planctl/layout/paragraphs.hpp>
#include <planctl/layout/plan_body.hpp>
#include <planctl/layout/report_sections.hpp>
#include <planctl/layout/task_table.hpp>
#include <planctl/layout/text_rules.hpp>

#include <algorithm>
#include <array>

namespace planctl::layout {

namespace {

Document with_signature(std::string title, std::string issuer, const util::Date& date) {
  Document doc;
  doc.title = std::move(title);
  doc.signature.issuer = std::move(issuer);
  doc.signature.date = word_date(date);
  doc.metadata.title = doc.title;
  doc.metadata.author = doc.signature.issuer;
  doc.metadata.date = date;
  return doc;
}

// A heading override, or the default when it is absent or blank.
std::string section_heading(const std::optional<model::Text>& override_text, const char* fallback,
                            const TextRules& rules) {
  if (override_text) {
    std::string heading = rules.heading(override_text->value);
    if (!heading.empty()) {
      return heading;
    }
  }
  return fallback;
}

} // namespace

Document layout_plan(const model::PlanFile& file, const model::TaskIndex& index,
                     const LayoutOptions& options) {
  const TextRules rules(options);
  const model::Plan& plan = file.plan;
  Document doc =
      with_signature(rules.line(plan.title.value), rules.line(plan.issuer.value), plan.date.value);
  doc.title_lines = title_lines(plan.title.value, rules);
  apply_official_parts(doc, plan.official.letterhead, plan.official, plan.date.value, rules);
  if (plan.basis) {
    for (std::string& paragraph : rules.paragraphs(plan.basis->value)) {
      doc.blocks.push_back(paragraph_block(std::move(paragraph)));
    }
  }
  append_items(doc.blocks, plan.sections, 1, plan.numbering, rules);
  if (std::optional<Block> attachments = attachments_block(plan.attachments, rules)) {
    doc.blocks.push_back(std::move(*attachments));
  }
  doc.attachment_pages = attachment_pages(file, index, rules);
  return doc;
}

std::optional<Document> layout_report(const model::PlanFile& file, const model::TaskIndex& index,
                                      const LayoutOptions& options) {
  if (!file.has_report()) {
    return std::nullopt;
  }
  const TextRules rules(options);
  const model::Report empty_report;
  const model::Report& report = file.report ? *file.report : empty_report;

  std::string title = report.title ? rules.line(report.title->value) : std::string();
  if (title.empty()) {
    title = rules.line(default_report_title(join_lines(file.plan.title.value)));
  }
  const std::string issuer =
      report.issuer ? rules.line(report.issuer->value) : rules.line(file.plan.issuer.value);
  const util::Date date = report_date(file);
  Document doc = with_signature(std::move(title), issuer, date);
  if (report.title) {
    doc.title_lines = title_lines(report.title->value, rules);
  }
  // The report is the same organisation's document: its letterhead defaults to the plan's.
  apply_official_parts(
      doc, report.official.letterhead ? report.official.letterhead : file.plan.official.letterhead,
      report.official, date, rules);

  struct Section {
    std::string heading;
    std::vector<Block> blocks;
  };
  const std::array<Section, 5> sections{{
      {section_heading(report.headings.overview, "基本情况", rules), overview_blocks(file, rules)},
      {section_heading(report.headings.practices, "主要做法", rules),
       practice_blocks(file, index, rules)},
      {section_heading(report.headings.achievements, "取得的成绩", rules),
       achievement_blocks(report.achievements, rules)},
      {section_heading(report.headings.problems, "存在的问题", rules),
       report_item_blocks(report.problems, rules)},
      {section_heading(report.headings.next_steps, "下一步工作打算", rules),
       report_item_blocks(report.next_steps, rules)},
  }};
  // The opening goes before the sections; a generated one (`现将……总结如下：`) only when a
  // section follows it, the author's own always.
  const bool any_section = std::any_of(sections.begin(), sections.end(),
                                       [](const Section& s) { return !s.blocks.empty(); });
  if (any_section || report.opening) {
    for (std::string& paragraph : opening_paragraphs(file, rules)) {
      doc.blocks.push_back(paragraph_block(std::move(paragraph)));
    }
  }
  // Empty sections are left out and the numbers close up.
  int n = 0;
  for (const Section& section : sections) {
    if (section.blocks.empty()) {
      continue;
    }
    doc.blocks.push_back(heading_block(model::NumberStyle::chinese, ++n, section.heading));
    doc.blocks.insert(doc.blocks.end(), section.blocks.begin(), section.blocks.end());
  }
  return doc;
}

} // namespace planctl::layout
