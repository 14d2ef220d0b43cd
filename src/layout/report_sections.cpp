#include <planctl/layout/blocks.hpp>
#include <planctl/layout/date_wording.hpp>
#include <planctl/layout/paragraphs.hpp>
#include <planctl/layout/punctuation.hpp>
#include <planctl/layout/report_sections.hpp>
#include <planctl/layout/report_wording.hpp>
#include <planctl/model/progress.hpp>
#include <planctl/util/utf8.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <map>

namespace planctl::layout {

std::string plan_title_stem(std::string_view plan_title) {
  static constexpr std::array<std::string_view, 4> k_endings{"计划", "安排", "要点", "方案"};
  for (const std::string_view ending : k_endings) {
    if (plan_title.ends_with(ending)) {
      return std::string(plan_title.substr(0, plan_title.size() - ending.size()));
    }
  }
  return std::string(plan_title);
}

std::string default_report_title(std::string_view plan_title) {
  return plan_title_stem(plan_title) + "总结";
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

std::string period_words(const model::Period& period) {
  const util::Date& start = period.start;
  const util::Date& end = period.end;
  if (start.month == 1 && start.day == 1 && end.year == start.year && end.month == 12 &&
      end.day == 31) {
    return fmt::format("{}年", start.year);
  }
  if (start.month >= 8 && end.year == start.year + 1 && end.month <= 8) {
    return fmt::format("{}—{}学年", start.year, end.year);
  }
  if (start.year == end.year) {
    return fmt::format("{}年{}月至{}月", start.year, start.month, end.month);
  }
  return fmt::format("{}年{}月至{}年{}月", start.year, start.month, end.year, end.month);
}

namespace {
constexpr std::string_view k_sentence_marks[] = {"。", "；", "：", "！", "？"};
} // namespace

std::vector<std::string> opening_paragraphs(const model::PlanFile& file, const TextRules& rules) {
  if (file.report && file.report->opening) {
    std::vector<std::string> paragraphs = rules.paragraphs(file.report->opening->value);
    if (!paragraphs.empty()) {
      return paragraphs;
    }
  }
  const model::Period& period = file.plan.period;
  const bool calendar_year = period.start.month == 1 && period.start.day == 1 &&
                             period.end.month == 12 && period.end.day == 31 &&
                             period.end.year == period.start.year;
  const bool school_year = period_words(period).ends_with("学年");
  std::string text = period_words(period) + "，";
  text +=
      rules.line(file.school.short_name ? file.school.short_name->value : file.school.name.value);
  // The basis up to its `现就……如下：` is what the plan answered to (seed 004:
  // `为认真贯彻落实……，……取得了初步成效。现将……汇报如下`).
  if (file.plan.basis) {
    std::string basis = rules.line(file.plan.basis->value);
    for (const std::string_view cut : {"现就", "现将", "特制定", "制定本"}) {
      const std::size_t at = basis.find(cut);
      if (at != std::string::npos) {
        basis.resize(at);
      }
    }
    basis = strip_closing_commas(basis);
    // Only a basis of one sentence reads as the opening's first clause; one that goes on
    // after a `。` is the plan's preamble, not what the report answered to.
    const bool one_sentence =
        std::none_of(std::begin(k_sentence_marks), std::end(k_sentence_marks),
                     [&](std::string_view mark) { return basis.find(mark) != std::string::npos; });
    if (!basis.empty() && one_sentence) {
      text += basis + "，";
    }
  }
  text += "认真落实《" + strip_closing_full_stop(rules.line(file.plan.title.value)) + "》";
  if (!file.activities.empty()) {
    // `各类` only for several: `全年共开展活动1次`.
    text += fmt::format("，{}开展{}活动{}次", calendar_year ? "全年共" : "共",
                        file.activities.size() > 1 ? "各类" : "", file.activities.size());
  }
  text += "。现将";
  text += calendar_year ? "全年" : school_year ? "本学年" : "有关";
  text += "工作总结如下：";
  return {text};
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

const model::ReportGroup* report_group(const model::PlanFile& file, const model::Item* group) {
  if (!file.report) {
    return nullptr;
  }
  for (const model::ReportGroup& entry : file.report->groups) {
    const std::string& key = entry.group.value;
    if (group == nullptr ? key == model::k_other_group
                         : key == group->title.value || (group->id && key == group->id->value)) {
      return &entry;
    }
  }
  return nullptr;
}

std::vector<Block> practice_blocks(const model::PlanFile& file, const model::TaskIndex& index,
                                   const TextRules& rules) {
  // Group index → activities in date order; the 其他工作 group sorts after every group.
  constexpr std::size_t k_other = static_cast<std::size_t>(-1);
  std::map<std::size_t, std::vector<const model::Activity*>> by_group;
  for (const model::Activity* activity : model::activities_by_date(file.activities)) {
    const std::size_t group = model::activity_group(index, *activity).value_or(k_other);
    by_group[group].push_back(activity);
  }

  const int base_year = file.plan.period.start.year;
  const std::string short_name =
      rules.line(file.school.short_name ? file.school.short_name->value : file.school.name.value);
  // Who acts in a generated sentence, in turn, as a clerk varies it.
  // 学校 and 我校 only for a school: a 关工委 or a bureau names itself.
  const std::string& name = file.school.name.value;
  const bool school = name.find("学") != std::string::npos ||
                      name.find("校") != std::string::npos || name.find("园") != std::string::npos;
  const std::array<std::string, 3> subjects{school ? "学校" : short_name,
                                            school ? "我校" : short_name, short_name};
  PhraseBook book;
  // What the author wrote may repeat as the ledger repeats it; only the generated wording is
  // kept rare.
  for (const model::Activity& activity : file.activities) {
    add_own_words(book, activity_words(activity, base_year, rules));
  }
  std::vector<Block> blocks;
  std::size_t position = 0;
  int n = 0;
  for (const auto& [group, activities] : by_group) {
    const model::Item* item = group == k_other ? nullptr : index.groups[group].item;
    const model::ReportGroup* entry = report_group(file, item);
    std::string title =
        item == nullptr ? std::string(model::k_other_group) : rules.heading(item->title.value);
    if (entry && entry->heading && !rules.heading(entry->heading->value).empty()) {
      title = rules.heading(entry->heading->value);
    }
    blocks.push_back(heading_block(model::NumberStyle::paren_chinese, ++n, title));
    std::vector<ActivityWords> words;
    std::optional<long long> total;
    for (const model::Activity* activity : activities) {
      words.push_back(activity_words(*activity, base_year, rules));
      if (activity->count) {
        total = total.value_or(0) + std::max<std::int64_t>(activity->count->value, 0);
      }
    }
    if (entry && entry->lead) {
      for (std::string& paragraph : rules.paragraphs(entry->lead->value)) {
        blocks.push_back(paragraph_block(std::move(paragraph)));
      }
    } else if (group != k_other) {
      const std::string lead =
          group_lead(title, activities.size(), total, static_cast<std::size_t>(n),
                     subjects[static_cast<std::size_t>(n) % subjects.size()], book);
      if (!lead.empty()) {
        blocks.push_back(paragraph_block(lead));
      }
    }
    // Activities of one title, or of one day, are told together, at the first one's place.
    std::vector<bool> told(words.size(), false);
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (told[i]) {
        continue;
      }
      std::vector<std::size_t> same_title{i};
      std::vector<std::size_t> same_day{i};
      for (std::size_t j = i + 1; j < words.size(); ++j) {
        if (told[j]) {
          continue;
        }
        if (words[j].title == words[i].title) {
          same_title.push_back(j);
        } else if (words[j].date == words[i].date) {
          same_day.push_back(j);
        }
      }
      const std::vector<std::size_t>& merged = same_title.size() > 1 ? same_title : same_day;
      const std::string& subject = subjects[position % subjects.size()];
      std::vector<std::string> paragraphs;
      if (merged.size() > 1) {
        std::vector<ActivityWords> parts;
        for (std::size_t k : merged) {
          told[k] = true;
          parts.push_back(words[k]);
        }
        paragraphs = merged_sentence(parts, same_title.size() <= 1, position, subject, book);
      } else {
        told[i] = true;
        paragraphs = activity_sentence(words[i], position, subject, book);
      }
      ++position;
      for (std::string& paragraph : paragraphs) {
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
