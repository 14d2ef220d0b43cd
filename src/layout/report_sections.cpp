#include <planctl/layout/blocks.hpp>
#include <planctl/layout/date_wording.hpp>
#include <planctl/layout/paragraphs.hpp>
#include <planctl/layout/punctuation.hpp>
#include <planctl/layout/report_sections.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <map>

namespace planctl::layout {

std::string default_report_title(std::string_view plan_title) {
  static constexpr std::array<std::string_view, 4> k_endings{"计划", "安排", "要点", "方案"};
  for (const std::string_view ending : k_endings) {
    if (plan_title.ends_with(ending)) {
      return std::string(plan_title.substr(0, plan_title.size() - ending.size())) + "总结";
    }
  }
  return std::string(plan_title) + "总结";
}

std::string profile_sentence(const model::School& school, const TextRules& rules) {
  if (school.profile.empty()) {
    return {};
  }
  const model::Text& name = school.short_name ? *school.short_name : school.name;
  std::string raw = join_lines(name.value) + "现有";
  bool first = true;
  for (const model::ProfileFact& fact : school.profile) {
    if (!first) {
      raw += "，";
    }
    first = false;
    raw += join_lines(fact.label.value);
    raw += join_lines(fact.value.value);
    if (fact.unit) {
      raw += join_lines(fact.unit->value);
    }
  }
  raw += "。";
  // Normalised as one sentence so that a mark between two facts sees both neighbours.
  return rules.line(raw);
}

std::string participation_clause(const std::string& participants,
                                 const std::optional<std::int64_t>& count) {
  if (!participants.empty() && count) {
    return fmt::format("，{}{}人参加", participants, *count);
  }
  if (!participants.empty()) {
    return "，" + participants + "参加";
  }
  if (count) {
    return fmt::format("，共{}人参加", *count);
  }
  return {};
}

std::vector<std::string> activity_paragraphs(const model::Activity& activity, int base_year,
                                             const TextRules& rules) {
  std::optional<util::Date> end;
  if (activity.end) {
    end = activity.end->value;
  }
  const std::string participants =
      activity.participants ? rules.line(activity.participants->value) : std::string();
  std::optional<std::int64_t> count;
  if (activity.count) {
    count = activity.count->value;
  }
  std::string sentence = word_date_span(activity.date.value, end, base_year) + "，" +
                         strip_closing_full_stop(rules.line(activity.title.value)) +
                         participation_clause(participants, count);
  sentence = close_sentence(sentence);
  std::vector<std::string> paragraphs;
  if (activity.summary) {
    paragraphs = rules.paragraphs(activity.summary->value);
  }
  if (paragraphs.empty()) {
    paragraphs.push_back(std::move(sentence));
  } else {
    paragraphs.front() = sentence + paragraphs.front();
  }
  return paragraphs;
}

std::vector<Block> overview_blocks(const model::PlanFile& file, const TextRules& rules) {
  std::vector<Block> blocks;
  std::string sentence = profile_sentence(file.school, rules);
  if (!sentence.empty()) {
    blocks.push_back(paragraph_block(std::move(sentence)));
  }
  if (file.report && file.report->overview) {
    for (std::string& paragraph : rules.paragraphs(file.report->overview->value)) {
      blocks.push_back(paragraph_block(std::move(paragraph)));
    }
  }
  return blocks;
}

std::vector<Block> practice_blocks(const model::PlanFile& file, const model::TaskIndex& index,
                                   const TextRules& rules) {
  // Activities in date order; the stable sort keeps file order for equal dates.
  std::vector<const model::Activity*> ordered;
  ordered.reserve(file.activities.size());
  for (const model::Activity& activity : file.activities) {
    ordered.push_back(&activity);
  }
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const model::Activity* a, const model::Activity* b) {
                     if (a->date.value != b->date.value) {
                       return a->date.value < b->date.value;
                     }
                     return a->file_index < b->file_index;
                   });

  // Group index → activities; the 其他工作 group sorts after every group of the plan.
  constexpr std::size_t k_other = static_cast<std::size_t>(-1);
  std::map<std::size_t, std::vector<const model::Activity*>> by_group;
  for (const model::Activity* activity : ordered) {
    std::size_t group = k_other;
    if (!activity->tasks.empty()) {
      const auto found = index.by_id.find(activity->tasks.front().value);
      if (found != index.by_id.end() && found->second < index.tasks.size()) {
        const std::size_t g = index.tasks[found->second].group_index;
        if (g < index.groups.size() && index.groups[g].item != nullptr) {
          group = g;
        }
      }
    }
    by_group[group].push_back(activity);
  }

  const int base_year = file.plan.period.start.year;
  std::vector<Block> blocks;
  int n = 0;
  for (const auto& [group, activities] : by_group) {
    const std::string title = group == k_other
                                  ? std::string("其他工作")
                                  : rules.heading(index.groups[group].item->title.value);
    blocks.push_back(heading_block(model::NumberStyle::paren_chinese, ++n, title));
    for (const model::Activity* activity : activities) {
      for (std::string& paragraph : activity_paragraphs(*activity, base_year, rules)) {
        blocks.push_back(paragraph_block(std::move(paragraph)));
      }
    }
  }
  return blocks;
}

std::vector<Block> achievement_blocks(const model::TextList& achievements, const TextRules& rules) {
  std::vector<Block> blocks;
  int n = 0;
  for (const model::Text& achievement : achievements) {
    std::vector<std::string> paragraphs = rules.paragraphs(achievement.value);
    if (paragraphs.empty()) {
      continue;
    }
    blocks.push_back(
        run_in_block(model::NumberStyle::arabic, ++n, std::string(), std::move(paragraphs[0])));
    for (std::size_t i = 1; i < paragraphs.size(); ++i) {
      blocks.push_back(paragraph_block(std::move(paragraphs[i])));
    }
  }
  return blocks;
}

std::vector<Block> report_item_blocks(const std::vector<model::ReportItem>& items,
                                      const TextRules& rules) {
  std::vector<Block> blocks;
  int n = 0;
  for (const model::ReportItem& item : items) {
    std::vector<std::string> body = rules.body(item.text, item.points);
    const std::string title = item.title ? rules.line(item.title->value) : std::string();
    std::size_t rest = 0;
    if (!title.empty()) {
      blocks.push_back(run_in_block(model::NumberStyle::paren_chinese, ++n, title,
                                    body.empty() ? std::string() : body.front()));
      rest = 1;
    }
    for (std::size_t i = rest; i < body.size(); ++i) {
      blocks.push_back(paragraph_block(std::move(body[i])));
    }
  }
  return blocks;
}

util::Date report_date(const model::PlanFile& file) {
  if (file.report && file.report->date) {
    return file.report->date->value;
  }
  if (!file.activities.empty()) {
    const auto latest = std::max_element(file.activities.begin(), file.activities.end(),
                                         [](const model::Activity& a, const model::Activity& b) {
                                           return a.date.value < b.date.value;
                                         });
    return latest->date.value;
  }
  return file.plan.date.value;
}

} // namespace planctl::layout
