// The months of a plan's period and, per task, the months in which its work is planned and
// the months in which activities for it took place (the 月度安排 sheet).
#pragma once

#include <planctl/model/plan.hpp>

#include <compare>
#include <cstddef>
#include <vector>

namespace planctl::workbook {

// One calendar month.
struct YearMonth {
  int year = 0;
  int month = 0; // 1–12

  auto operator<=>(const YearMonth&) const = default;
  bool operator==(const YearMonth&) const = default;
};

// The months that `period` touches, in order, at most `max_months` of them (from the start).
std::vector<YearMonth> period_months(const model::Period& period, std::size_t max_months);

// The number of months that `period` touches.
std::size_t period_month_count(const model::Period& period);

// For each of `months`, whether `task`'s work is planned in it: the task's `months` when it has
// any (a month number marks every month of `months` with that number); otherwise, when `start`
// or `due` is a date or month, the months from `start` (or the period's start) to `due` (or the
// period's end when `due` is absent or recurring); otherwise none.
std::vector<bool> planned_months(const model::Item& task, const model::Period& period,
                                 const std::vector<YearMonth>& months);

// For each of `months`, whether one of `activities` falls in it (a span from `date` to `end`
// falls in every month it touches).
std::vector<bool> activity_months(const std::vector<const model::Activity*>& activities,
                                  const std::vector<YearMonth>& months);

} // namespace planctl::workbook
