// Dates against the period: the period itself, task start/due/months, activity dates.
#include "check_context.hpp"

namespace planctl::check {

namespace {

bool is_usable(const model::DayOrMonth& value) {
  return value.month >= 1 && value.month <= 12 && value.year >= 1 && value.year <= 9999 &&
         (value.is_month() || util::is_valid(util::Date{value.year, value.month, value.day}));
}

// A month is inside the period when any of its days is (plan-format.md, tasks).
bool overlaps(const model::DayOrMonth& value, const EffectivePeriod& period) {
  return value.first_day() <= period.end && value.last_day() >= period.start;
}

// Whether month number `month` names a month with a day inside `period` in any of its years.
bool month_in_period(int month, const EffectivePeriod& period) {
  if (period.end.year - period.start.year >= 2) {
    return true; // a full calendar year lies inside
  }
  for (int year = period.start.year; year <= period.end.year; ++year) {
    if (overlaps(model::DayOrMonth{year, month, 0}, period)) {
      return true;
    }
  }
  return false;
}

std::vector<std::pair<std::string, std::string>> period_args(const EffectivePeriod& period) {
  return {{"start", util::to_iso(period.start)}, {"end", util::to_iso(period.end)}};
}

void check_period(CheckContext& ctx) {
  const model::Plan& plan = ctx.plan().plan;
  const model::Period& period = plan.period;
  if (!period.explicit_in_file || !util::is_valid(period.start) || !util::is_valid(period.end)) {
    return;
  }
  if (period.end < period.start) {
    ctx.add(known_or(period.end_mark, period.mark), "period-order",
            {{"start", util::to_iso(period.start)}, {"end", util::to_iso(period.end)}});
  }
  if (plan.year.value != 0 && period.start.year != plan.year.value) {
    ctx.add(known_or(period.start_mark, period.mark), "period-year",
            {{"start", util::to_iso(period.start)},
             {"year", std::to_string(plan.year.value)},
             {"line", line_of(known_or(plan.year.mark, plan.mark))}});
  }
}

void check_task_dates(CheckContext& ctx, const model::Item& item) {
  const std::optional<EffectivePeriod>& period = ctx.period();
  const bool has_start = item.start && is_usable(item.start->value);
  const bool has_due = item.due && item.due->value.when && is_usable(*item.due->value.when);
  if (period) {
    if (has_start && !overlaps(item.start->value, *period)) {
      auto args = period_args(*period);
      args.emplace_back("value", format_day_or_month(item.start->value));
      ctx.add(item.start->mark, "task-outside-period.start", std::move(args));
    }
    if (has_due && !overlaps(*item.due->value.when, *period)) {
      auto args = period_args(*period);
      args.emplace_back("value", format_day_or_month(*item.due->value.when));
      ctx.add(item.due->mark, "task-outside-period.due", std::move(args));
    }
    for (const model::Located<int>& month : item.months) {
      if (month.value >= 1 && month.value <= 12 && !month_in_period(month.value, *period)) {
        auto args = period_args(*period);
        args.emplace_back("month", std::to_string(month.value));
        ctx.add(month.mark, "month-outside-period", std::move(args));
      }
    }
  }
  // Months mean all their days: start is after due only when start's first day is after
  // due's last day, so `start: 2020-03` with `due: 2020-03-01` is fine.
  if (has_start && has_due && item.start->value.first_day() > item.due->value.when->last_day()) {
    ctx.add(item.due->mark, "start-after-due",
            {{"start", format_day_or_month(item.start->value)},
             {"due", format_day_or_month(*item.due->value.when)},
             {"line", line_of(item.start->mark)}});
  }
}

void check_activity_dates(CheckContext& ctx, const model::Activity& activity) {
  if (!util::is_valid(activity.date.value)) {
    return; // the loader reported it
  }
  if (activity.end && util::is_valid(activity.end->value) &&
      activity.end->value < activity.date.value) {
    ctx.add(
        activity.end->mark, "activity-end-before-date",
        {{"end", util::to_iso(activity.end->value)}, {"date", util::to_iso(activity.date.value)}});
  }
  const std::optional<EffectivePeriod>& period = ctx.period();
  if (period && (activity.date.value < period->start || activity.date.value > period->end)) {
    auto args = period_args(*period);
    args.emplace_back("date", util::to_iso(activity.date.value));
    ctx.add(activity.date.mark, "activity-outside-period", std::move(args));
  }
}

} // namespace

void check_dates(CheckContext& ctx) {
  check_period(ctx);
  for_each_item(ctx.plan().plan.sections,
                [&](const model::Item& item, std::size_t) { check_task_dates(ctx, item); });
  for (const model::Activity& activity : ctx.plan().activities) {
    check_activity_dates(ctx, activity);
  }
}

} // namespace planctl::check
