#include <planctl/model/task_index.hpp>

#include <doctest/doctest.h>

using namespace planctl::model;

namespace {

Item item(std::string title, std::vector<Item> children = {}) {
  Item it;
  it.title.value = std::move(title);
  it.items = std::move(children);
  return it;
}

Item task(std::string title, std::string id = {}, std::vector<Item> children = {}) {
  Item it = item(std::move(title), std::move(children));
  it.is_task = true;
  if (!id.empty()) {
    it.id = Text{id, {}, {}};
  }
  return it;
}

// Shaped like seed 000: 三、工作任务 > （二）全力以赴"迎国检" > 1.校内外营造浓厚的宣传氛围.
Plan seed000() {
  Plan plan;
  plan.sections = {
      item("指导思想"),
      item("工作目标"),
      item("工作任务", {task("健全组织机构", "org"),
                        item("全力以赴\"迎国检\"",
                             {task("校内外营造浓厚的宣传氛围", "propaganda"), task("完善创建档案"),
                              item("做好迎检准备", {task("布置展板", "boards")})})}),
  };
  return plan;
}

} // namespace

TEST_CASE("model::index_tasks") {
  SUBCASE("default numbering: a 1. task belongs to its （二） parent") {
    const Plan plan = seed000();
    const TaskIndex index = index_tasks(plan);
    REQUIRE(index.tasks.size() == 4);
    const TaskRef& propaganda = index.tasks[1];
    CHECK(propaganda.item->title.value == "校内外营造浓厚的宣传氛围");
    CHECK(propaganda.position == "三、（二）1.");
    CHECK(propaganda.path == std::vector<int>{3, 2, 1});
    CHECK(propaganda.index == 1);
    CHECK(propaganda.group->title.value == "全力以赴\"迎国检\"");
    CHECK(index.groups[propaganda.group_index].item == propaganda.group);
    CHECK(index.groups[propaganda.group_index].position == "三、（二）");
    CHECK(index.tasks[2].position == "三、（二）2.");
    CHECK(index.tasks[2].group == propaganda.group);
  }

  SUBCASE("a （一） task with no sub-items is its own group") {
    const Plan plan = seed000();
    const TaskIndex index = index_tasks(plan);
    const TaskRef& org = index.tasks[0];
    CHECK(org.position == "三、（一）");
    CHECK(org.group == org.item);
    CHECK(index.groups[org.group_index].position == "三、（一）");
  }

  SUBCASE("depth 4 uses （1） and belongs to the nearest heading") {
    const Plan plan = seed000();
    const TaskIndex index = index_tasks(plan);
    const TaskRef& boards = index.tasks[3];
    CHECK(boards.position == "三、（二）3.（1）");
    CHECK(boards.group->title.value == "全力以赴\"迎国检\"");
  }

  SUBCASE("groups list every heading item in document order") {
    const Plan plan = seed000();
    const TaskIndex index = index_tasks(plan);
    std::vector<std::string> positions;
    for (const GroupRef& g : index.groups) {
      positions.push_back(g.position);
      CHECK(g.order == positions.size() - 1);
    }
    CHECK(positions ==
          std::vector<std::string>{"一、", "二、", "三、", "三、（一）", "三、（二）"});
  }

  SUBCASE("numbering [一、, 1., （1）]: groups are the 一、 sections") {
    Plan plan;
    plan.numbering = {NumberStyle::chinese, NumberStyle::arabic, NumberStyle::paren_arabic};
    plan.sections = {item("加强党的建设", {task("强化理论武装", "theory", {task("学习制度")})}),
                     item("提高教学质量", {task("深化课堂改革")})};
    const TaskIndex index = index_tasks(plan);
    REQUIRE(index.tasks.size() == 3);
    CHECK(index.tasks[0].position == "一、1.");
    CHECK(index.tasks[0].group == &plan.sections[0]);
    CHECK(index.tasks[1].position == "一、1.（1）");
    CHECK(index.tasks[1].group == &plan.sections[0]);
    CHECK(index.tasks[2].position == "二、1.");
    CHECK(index.tasks[2].group == &plan.sections[1]);
    CHECK(index.groups.size() == 2);
  }

  SUBCASE("numbering without heading styles: the depth-1 item is the group") {
    Plan plan;
    plan.numbering = {NumberStyle::arabic, NumberStyle::paren_arabic};
    plan.sections = {item("常规工作", {task("按时上报")}), task("专项整治", "fix")};
    const TaskIndex index = index_tasks(plan);
    REQUIRE(index.tasks.size() == 2);
    CHECK(index.tasks[0].position == "1.（1）");
    CHECK(index.tasks[0].group == &plan.sections[0]);
    CHECK(index.groups[index.tasks[0].group_index].position == "1.");
    CHECK(index.tasks[1].position == "2.");
    CHECK(index.tasks[1].group == &plan.sections[1]);
  }

  SUBCASE("items deeper than numbering repeat the last style") {
    Plan plan;
    plan.numbering = {NumberStyle::chinese, NumberStyle::arabic};
    plan.sections = {item("甲", {item("乙", {item("丙", {task("丁")})})})};
    const TaskIndex index = index_tasks(plan);
    REQUIRE(index.tasks.size() == 1);
    CHECK(index.tasks[0].position == "一、1.1.1.");
    CHECK(index.tasks[0].group == &plan.sections[0]);
  }

  SUBCASE("by_id keeps the first of a duplicated id and skips tasks without one") {
    Plan plan;
    plan.sections = {item("甲", {task("A", "same"), task("B"), task("C", "same")})};
    const TaskIndex index = index_tasks(plan);
    CHECK(index.by_id.size() == 1);
    CHECK(index.by_id.at("same") == 0);
  }

  SUBCASE("an empty plan has no tasks and no groups") {
    const TaskIndex index = index_tasks(Plan{});
    CHECK(index.tasks.empty());
    CHECK(index.groups.empty());
  }
}

TEST_CASE("model::TaskIndex::find") {
  const Plan plan = seed000();
  const TaskIndex index = index_tasks(plan);
  SUBCASE("an explicit id") {
    const TaskRef* ref = index.find("boards");
    REQUIRE(ref != nullptr);
    CHECK(ref->item->title.value == "布置展板");
  }
  SUBCASE("an unknown id or a title is not found") {
    CHECK(index.find("board") == nullptr);
    CHECK(index.find("完善创建档案") == nullptr);
  }
}

TEST_CASE("model::group_of") {
  const Plan plan = seed000();
  const Item& section3 = plan.sections[2];
  SUBCASE("a run-in item belongs to its heading parent") {
    CHECK(group_of(plan, &section3.items[1].items[0]) == &section3.items[1]);
  }
  SUBCASE("a heading item is its own group") {
    CHECK(group_of(plan, &section3) == &section3);
    CHECK(group_of(plan, &section3.items[0]) == &section3.items[0]);
  }
  SUBCASE("an item outside the plan has no group") {
    const Item stray = item("外");
    CHECK(group_of(plan, &stray) == nullptr);
  }
  SUBCASE("without heading styles the depth-1 item is the group") {
    Plan flat;
    flat.numbering = {NumberStyle::arabic, NumberStyle::paren_arabic};
    flat.sections = {item("常规工作", {item("按时上报")})};
    CHECK(group_of(flat, &flat.sections[0].items[0]) == &flat.sections[0]);
  }
}

TEST_CASE("model::activity_group") {
  const Plan plan = seed000();
  const TaskIndex index = index_tasks(plan);
  Activity activity;
  auto named = [&](std::vector<std::string> ids) {
    activity.tasks.clear();
    for (std::string& id : ids) {
      activity.tasks.push_back(Text{std::move(id), {}, {}});
    }
    return activity_group(index, activity);
  };
  SUBCASE("the group of the first task") {
    const std::optional<std::size_t> group = named({"boards", "org"});
    REQUIRE(group);
    CHECK(index.groups[*group].position == "三、（二）");
  }
  SUBCASE("no task, or an unknown first task, is 其他工作") {
    CHECK(!named({}));
    CHECK(!named({"nope", "org"}));
    CHECK(k_other_group == "其他工作");
  }
}
