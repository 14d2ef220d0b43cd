// What every semantic rule needs while checking one plan: the file, where findings go, the
// effective period, and a bounded "did you mean" search.
#pragma once

#include <planctl/diag/diagnostic.hpp>
#include <planctl/model/plan.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planctl::check {

// The plan's period as the date rules use it: the file's `period`, or 1 January to 31 December
// of `year` when the file has none.
struct EffectivePeriod {
  util::Date start;
  util::Date end;
};

// The state shared by the rule groups during one check_plan() call.
class CheckContext {
public:
  // Checks `plan`, appending to `out`.
  CheckContext(const model::PlanFile& plan, diag::DiagnosticList& out);

  const model::PlanFile& plan() const { return m_plan; }

  // Appends the finding `message_id` at `mark` (the plan's mapping when `mark` is unknown),
  // unless its rule already has `k_cap_per_rule` findings in this file.
  void add(util::Mark mark, std::string_view message_id,
           std::vector<std::pair<std::string, std::string>> args = {});

  // Whether a finding of `rule` would still be listed (its cap is not reached), so that costly
  // work such as "did you mean" is skipped for findings that would be dropped.
  bool wants(std::string_view rule) const;

  // Adds one `too-many-findings` note (the loader's message) for each rule cut at the cap.
  void finish();

  // Findings kept per rule and file, as the loader does: a hostile file with a hundred
  // thousand bad references must not make the report itself huge.
  static constexpr std::size_t k_cap_per_rule = 100;

  // The period dates are checked against, or std::nullopt when the year or period is itself
  // unusable (missing, invalid, or start after end), so that one bad period does not turn
  // every task and activity into a finding.
  const std::optional<EffectivePeriod>& period() const { return m_period; }

  // The candidate closest to `word` (util::closest_match), or "" when none is close or when
  // this check has used up its budget for suggestions: a hostile file with tens of thousands
  // of unresolved references must not make validation quadratic.
  std::string suggest(std::string_view word, const std::vector<std::string>& candidates);

private:
  const model::PlanFile& m_plan;
  diag::DiagnosticList& m_out;
  std::optional<EffectivePeriod> m_period;
  long long m_suggest_budget;
  std::map<std::pair<const void*, std::string>, std::string> m_suggest_cache;
  std::map<std::string, std::size_t, std::less<>> m_per_rule;
};

// Rule groups, each in its own source file, run by check_plan() in this order.
void check_ids(CheckContext& ctx);        // duplicate department, person and task ids
void check_references(CheckContext& ctx); // lead, support, owner, head, department, activity task
void check_dates(CheckContext& ctx);      // period, task start/due/months, activity dates
void check_structure(CheckContext& ctx);  // item depth, empty report items
void check_official(CheckContext& ctx);   // document number, signer, printing date, attachments
void check_lint(CheckContext& ctx);       // typed numbers, heading full stops, ASCII punctuation
void check_ledger(CheckContext& ctx);     // no report, groups left out, counts, done tasks

// `text` cut to at most `max_chars` characters, with `…` when cut, for quoting in messages.
std::string excerpt(std::string_view text, std::size_t max_chars = 20);

// `value` as written in a file: `YYYY-MM-DD`, or `YYYY-MM` for a month.
std::string format_day_or_month(const model::DayOrMonth& value);

// The line of `mark` as text, for messages that name another line.
std::string line_of(util::Mark mark);

} // namespace planctl::check

namespace planctl::check {

// Calls `f(item, depth)` for every item under `items` in document order (depth 1-based).
template <class F>
void for_each_item(const std::vector<model::Item>& items, F&& f, std::size_t depth = 1) {
  for (const model::Item& item : items) {
    f(item, depth);
    for_each_item(item.items, f, depth + 1);
  }
}

// A mark that names a line: `primary` when known, else `fallback`.
inline util::Mark known_or(util::Mark primary, util::Mark fallback) {
  return primary.known() ? primary : fallback;
}

} // namespace planctl::check
