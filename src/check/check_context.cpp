#include "check_context.hpp"

#include <planctl/util/spell.hpp>
#include <planctl/util/utf8.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <cstdlib>

namespace planctl::check {

namespace {

// The work "did you mean" may do for one file, counted as edit-distance table cells plus
// k_call_cost per comparison (each util::edit_distance call decodes both words and allocates
// its table). Measured on the project's machine: about a quarter of a second when spent in
// full, which takes thousands of look-ups in a plan of realistic size.
constexpr long long k_suggest_budget = 20'000'000;
constexpr long long k_call_cost = 300;

std::optional<EffectivePeriod> effective_period(const model::Plan& plan) {
  if (plan.period.explicit_in_file) {
    const model::Period& p = plan.period;
    if (!util::is_valid(p.start) || !util::is_valid(p.end) || p.end < p.start) {
      return std::nullopt;
    }
    return EffectivePeriod{p.start, p.end};
  }
  const int year = plan.year.value;
  if (year < 1 || year > 9999) {
    return std::nullopt;
  }
  return EffectivePeriod{util::Date{year, 1, 1}, util::Date{year, 12, 31}};
}

} // namespace

CheckContext::CheckContext(const model::PlanFile& plan, diag::DiagnosticList& out)
    : m_plan(plan), m_out(out), m_period(effective_period(plan.plan)),
      m_suggest_budget(k_suggest_budget) {}

void CheckContext::add(util::Mark mark, std::string_view message_id,
                       std::vector<std::pair<std::string, std::string>> args) {
  const std::string_view rule = message_id.substr(0, message_id.find('.'));
  auto it = m_per_rule.find(rule);
  if (it == m_per_rule.end()) {
    it = m_per_rule.emplace(std::string(rule), 0).first;
  }
  if (++it->second > k_cap_per_rule) {
    return;
  }
  m_out.add(m_plan.path, mark.known() ? mark : m_plan.plan.mark, message_id, std::move(args));
}

bool CheckContext::wants(std::string_view rule) const {
  const auto it = m_per_rule.find(rule);
  return it == m_per_rule.end() || it->second < k_cap_per_rule;
}

void CheckContext::finish() {
  for (const auto& [rule, count] : m_per_rule) {
    if (count > k_cap_per_rule) {
      m_out.add(m_plan.path, util::Mark{}, "too-many-findings",
                {{"count", std::to_string(count - k_cap_per_rule)}, {"rule", rule}});
    }
  }
  m_per_rule.clear();
}

std::string CheckContext::suggest(std::string_view word,
                                  const std::vector<std::string>& candidates) {
  const auto key = std::make_pair(static_cast<const void*>(&candidates), std::string(word));
  if (const auto it = m_suggest_cache.find(key); it != m_suggest_cache.end()) {
    return it->second;
  }
  if (m_suggest_budget <= 0) {
    return {};
  }
  const long long word_len = static_cast<long long>(util::count_code_points(word));
  // closest_match accepts at most max(1, longer / 3) edits, and a length difference alone
  // costs that many, so candidates far longer or shorter can never win: skip them cheaply.
  std::vector<std::string> plausible;
  long long cost = 0;
  for (const std::string& candidate : candidates) {
    // Even looking at a candidate costs something, so the scan itself stays bounded.
    m_suggest_budget -= static_cast<long long>(candidate.size()) + 8;
    const long long len = static_cast<long long>(util::count_code_points(candidate));
    const long long allowed = std::max(1LL, std::max(len, word_len) / 3);
    if (std::abs(len - word_len) <= allowed) {
      plausible.push_back(candidate);
      cost += (len + 1) * (word_len + 1) + k_call_cost;
    }
  }
  std::string best;
  if (m_suggest_budget > 0 && cost <= m_suggest_budget) {
    m_suggest_budget -= cost;
    best = util::closest_match(word, plausible);
  }
  m_suggest_cache.emplace(key, best);
  return best;
}

std::string excerpt(std::string_view text, std::size_t max_chars) {
  std::size_t pos = 0;
  std::size_t chars = 0;
  while (pos < text.size() && chars < max_chars) {
    util::next_code_point(text, pos);
    ++chars;
  }
  if (pos >= text.size()) {
    return std::string(text);
  }
  return std::string(text.substr(0, pos)) + "…";
}

std::string format_day_or_month(const model::DayOrMonth& value) {
  if (value.is_month()) {
    return fmt::format("{:04}-{:02}", value.year, value.month);
  }
  return fmt::format("{:04}-{:02}-{:02}", value.year, value.month, value.day);
}

std::string line_of(util::Mark mark) {
  return std::to_string(mark.line);
}

} // namespace planctl::check
