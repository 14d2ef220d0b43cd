// Small builders for hand-made plan models in the layout tests.
#pragma once

#include <planctl/model/plan.hpp>

#include <optional>
#include <string>
#include <vector>

namespace test_layout {

using namespace planctl;

inline model::Text text(std::string value) {
  model::Text t;
  t.value = std::move(value);
  return t;
}

inline model::TextList texts(const std::vector<std::string>& values) {
  model::TextList out;
  for (const std::string& value : values) {
    out.push_back(text(value));
  }
  return out;
}

inline model::Item item(std::string title, std::optional<std::string> body = std::nullopt,
                        std::vector<std::string> points = {},
                        std::vector<model::Item> children = {}) {
  model::Item it;
  it.title = text(std::move(title));
  if (body) {
    it.text = text(std::move(*body));
  }
  it.points = texts(points);
  it.items = std::move(children);
  return it;
}

inline model::Item task(std::string id, std::string title, std::vector<model::Item> children = {}) {
  model::Item it = item(std::move(title), std::nullopt, {}, std::move(children));
  it.is_task = true;
  it.id = text(std::move(id));
  return it;
}

inline model::Activity activity(util::Date date, std::string title,
                                std::vector<std::string> tasks = {}) {
  model::Activity a;
  a.date.value = date;
  a.title = text(std::move(title));
  a.tasks = texts(tasks);
  return a;
}

// A valid file: 平安二中's plan for 2020, with no sections yet.
inline model::PlanFile plan_file() {
  model::PlanFile file;
  file.version.value = 1;
  file.school.name = text("海东市平安区第二中学");
  file.plan.title = text("2020年创建民族团结进步先进区工作安排");
  file.plan.year.value = 2020;
  file.plan.period.start = util::Date{2020, 1, 1};
  file.plan.period.end = util::Date{2020, 12, 31};
  file.plan.issuer = text("市第二中学党支部");
  file.plan.date.value = util::Date{2020, 4, 9};
  return file;
}

// Sets `file.activities` with file positions in order.
inline void set_activities(model::PlanFile& file, std::vector<model::Activity> activities) {
  for (std::size_t i = 0; i < activities.size(); ++i) {
    activities[i].file_index = i;
  }
  file.activities = std::move(activities);
}

} // namespace test_layout
