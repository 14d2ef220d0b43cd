#include <planctl/workbook/month_plan.hpp>

#include <algorithm>

namespace planctl::workbook {

namespace {

long month_number(int year, int month) {
  return static_cast<long>(year) * 12 + (month - 1);
}

long month_number(const util::Date& date) {
  return month_number(date.year, date.month);
}

// Marks the months of `months` from `first` to `last` (both month numbers), clipped to the list.
void mark_range(std::vector<bool>& flags, const std::vector<YearMonth>& months, long first,
                long last) {
  if (months.empty() || first > last) {
    return;
  }
  const long base = month_number(months.front().year, months.front().month);
  const long from = std::max(first - base, 0L);
  const long to = std::min(last - base, static_cast<long>(months.size()) - 1);
  for (long i = from; i <= to; ++i) {
    flags[static_cast<std::size_t>(i)] = true;
  }
}

} // namespace

std::size_t period_month_count(const model::Period& period) {
  const long count = month_number(period.end) - month_number(period.start) + 1;
  return count > 0 ? static_cast<std::size_t>(count) : 0;
}

std::vector<YearMonth> period_months(const model::Period& period, std::size_t max_months) {
  std::vector<YearMonth> out;
  const std::size_t count = std::min(period_month_count(period), max_months);
  out.reserve(count);
  YearMonth ym{period.start.year, period.start.month};
  for (std::size_t i = 0; i < count; ++i) {
    out.push_back(ym);
    if (++ym.month > 12) {
      ym.month = 1;
      ++ym.year;
    }
  }
  return out;
}

std::vector<bool> planned_months(const model::Item& task, const model::Period& period,
                                 const std::vector<YearMonth>& months) {
  std::vector<bool> flags(months.size(), false);
  if (!task.months.empty()) {
    for (std::size_t i = 0; i < months.size(); ++i) {
      flags[i] =
          std::any_of(task.months.begin(), task.months.end(),
                      [&](const model::Located<int>& m) { return m.value == months[i].month; });
    }
    return flags;
  }
  const bool start_dated = task.start.has_value();
  const bool due_dated = task.due && task.due->value.when;
  if (!start_dated && !due_dated) {
    return flags;
  }
  const long first =
      start_dated ? month_number(task.start->value.first_day()) : month_number(period.start);
  const long last =
      due_dated ? month_number(task.due->value.when->last_day()) : month_number(period.end);
  mark_range(flags, months, first, last);
  return flags;
}

std::vector<bool> activity_months(const std::vector<const model::Activity*>& activities,
                                  const std::vector<YearMonth>& months) {
  std::vector<bool> flags(months.size(), false);
  for (const model::Activity* activity : activities) {
    const util::Date& first = activity->date.value;
    // An `end` before `date` is an error the checker reports; the activity then counts for
    // its `date` alone.
    const util::Date& last =
        activity->end && activity->end->value >= first ? activity->end->value : first;
    mark_range(flags, months, month_number(first), month_number(last));
  }
  return flags;
}

} // namespace planctl::workbook
