#include <planctl/workbook/month_plan.hpp>

#include <doctest/doctest.h>

#include "workbook_fixture.hpp"

using namespace planctl;
using namespace planctl::workbook;
using planctl::util::Date;

namespace {

model::Period school_year() {
  return {Date{2020, 9, 1}, Date{2021, 7, 15}, true, {}};
}

std::vector<int> marked(const std::vector<bool>& flags) {
  std::vector<int> out;
  for (std::size_t i = 0; i < flags.size(); ++i) {
    if (flags[i]) {
      out.push_back(static_cast<int>(i));
    }
  }
  return out;
}

} // namespace

TEST_CASE("workbook::period_months") {
  SUBCASE("a school year, across the new year, in order") {
    const auto months = period_months(school_year(), 120);
    REQUIRE(months.size() == 11);
    CHECK(months.front() == YearMonth{2020, 9});
    CHECK(months[3] == YearMonth{2020, 12});
    CHECK(months[4] == YearMonth{2021, 1});
    CHECK(months.back() == YearMonth{2021, 7});
  }
  SUBCASE("a calendar year") {
    const auto months = period_months({Date{2020, 1, 1}, Date{2020, 12, 31}, false, {}}, 120);
    CHECK(months.size() == 12);
  }
  SUBCASE("a period within one month") {
    const auto months = period_months({Date{2020, 3, 2}, Date{2020, 3, 9}, true, {}}, 120);
    REQUIRE(months.size() == 1);
    CHECK(months.front() == YearMonth{2020, 3});
  }
  SUBCASE("at most the first max_months") {
    const model::Period long_period{Date{2000, 1, 1}, Date{9999, 12, 31}, true, {}};
    CHECK(period_month_count(long_period) == 96000);
    const auto months = period_months(long_period, 120);
    REQUIRE(months.size() == 120);
    CHECK(months.back() == YearMonth{2009, 12});
  }
}

TEST_CASE("workbook::period_month_count") {
  CHECK(period_month_count(school_year()) == 11);
  CHECK(period_month_count({Date{2021, 1, 1}, Date{2020, 1, 1}, true, {}}) == 0);
}

TEST_CASE("workbook::planned_months") {
  const auto months = period_months(school_year(), 120);
  model::Item task;
  task.is_task = true;
  SUBCASE("months name every period month with that number") {
    task.months = {{3, {}, {}}, {4, {}, {}}};
    task.due = test::due_on(2020, 9, 30); // `months` win over start and due
    CHECK(marked(planned_months(task, school_year(), months)) == std::vector<int>{6, 7});
  }
  SUBCASE("from a start month to a due date") {
    task.start = test::day_or_month(2020, 9);
    task.due = test::due_on(2020, 10, 31);
    CHECK(marked(planned_months(task, school_year(), months)) == std::vector<int>{0, 1});
  }
  SUBCASE("a due month alone starts at the period's start") {
    task.due = test::due_on(2020, 11);
    CHECK(marked(planned_months(task, school_year(), months)) == std::vector<int>{0, 1, 2});
  }
  SUBCASE("a start alone runs to the period's end") {
    task.start = test::day_or_month(2021, 5, 20);
    CHECK(marked(planned_months(task, school_year(), months)) == std::vector<int>{8, 9, 10});
  }
  SUBCASE("a recurring due runs from the start to the period's end") {
    task.start = test::day_or_month(2021, 6);
    task.due = test::due_every(model::Recurrence::each_month);
    CHECK(marked(planned_months(task, school_year(), months)) == std::vector<int>{9, 10});
  }
  SUBCASE("a recurring due without a start plans nothing") {
    task.due = test::due_every(model::Recurrence::whole_year);
    CHECK(marked(planned_months(task, school_year(), months)).empty());
  }
  SUBCASE("nothing dated plans nothing") {
    CHECK(marked(planned_months(task, school_year(), months)).empty());
  }
  SUBCASE("dates outside the period are clipped to it") {
    task.start = test::day_or_month(2020, 1, 1);
    task.due = test::due_on(2020, 9, 3);
    CHECK(marked(planned_months(task, school_year(), months)) == std::vector<int>{0});
  }
  SUBCASE("a start after the due plans nothing") {
    task.start = test::day_or_month(2020, 12);
    task.due = test::due_on(2020, 10);
    CHECK(marked(planned_months(task, school_year(), months)).empty());
  }
}

TEST_CASE("workbook::activity_months") {
  const auto months = period_months(school_year(), 120);
  model::Activity single = test::activity({2020, 9, 15}, "动员大会", {}, 0);
  model::Activity span = test::activity({2020, 10, 20}, "征文比赛", {}, 1);
  span.end = model::Located<Date>{{2020, 12, 2}, {}, {}};
  model::Activity outside = test::activity({2022, 1, 1}, "明年", {}, 2);
  model::Activity backwards = test::activity({2021, 3, 1}, "倒序", {}, 3);
  backwards.end = model::Located<Date>{{2021, 1, 1}, {}, {}};
  SUBCASE("a one-day activity ticks its month") {
    CHECK(marked(activity_months({&single}, months)) == std::vector<int>{0});
  }
  SUBCASE("a span ticks every month it touches") {
    CHECK(marked(activity_months({&span}, months)) == std::vector<int>{1, 2, 3});
  }
  SUBCASE("an activity outside the period ticks nothing") {
    CHECK(marked(activity_months({&outside}, months)).empty());
  }
  SUBCASE("an end before the date counts the date alone") {
    CHECK(marked(activity_months({&backwards}, months)) == std::vector<int>{6});
  }
  SUBCASE("several activities") {
    CHECK(marked(activity_months({&single, &span}, months)) == std::vector<int>{0, 1, 2, 3});
  }
}
