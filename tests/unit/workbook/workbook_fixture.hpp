// Shared by the workbook tests: a hand-built plan file (what the loader would build from a
// small plan) and a reader for the parts of a written .xlsx package.
#pragma once

#include <planctl/model/plan.hpp>

#include <unistd.h>
#include <unzip.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

namespace planctl::workbook::test {

inline model::Text text(std::string value) {
  return model::Text{std::move(value), {}, {}};
}

inline model::TextList texts(std::vector<std::string> values) {
  model::TextList out;
  for (std::string& v : values) {
    out.push_back(text(std::move(v)));
  }
  return out;
}

inline model::Item item(std::string title, std::vector<model::Item> items = {}) {
  model::Item out;
  out.title = text(std::move(title));
  out.items = std::move(items);
  return out;
}

inline model::Located<model::DayOrMonth> day_or_month(int year, int month, int day = 0) {
  return {model::DayOrMonth{year, month, day}, {}, {}};
}

inline model::Located<model::Due> due_on(int year, int month, int day = 0) {
  model::Due due;
  due.when = model::DayOrMonth{year, month, day};
  return {due, {}, {}};
}

inline model::Located<model::Due> due_every(model::Recurrence recurrence) {
  model::Due due;
  due.recurrence = recurrence;
  due.source = model::recurrence_label(recurrence);
  return {due, {}, {}};
}

inline model::Activity activity(util::Date date, std::string title, std::vector<std::string> tasks,
                                std::size_t file_index) {
  model::Activity out;
  out.date = {date, {}, {}};
  out.title = text(std::move(title));
  out.tasks = texts(std::move(tasks));
  out.file_index = file_index;
  return out;
}

// A school-year plan with a departments and a people list: group （一） holds two run-in
// tasks, group （二） is itself a task, group （三） holds a task without a lead; three
// activities written out of date order.
inline model::PlanFile sample_plan() {
  model::PlanFile file;
  file.path = "sample.yaml";
  file.version = {1, {}, {}};
  file.school.name = text("海东市平安区第二中学");
  file.school.short_name = text("平安二中");
  file.has_departments = true;
  file.departments.push_back({text("moral"), text("德育处"), std::nullopt, {}});
  file.departments.push_back({text("office"), text("校办公室"), text("wang"), {}});
  file.departments.push_back({text("union"), text("工会"), std::nullopt, {}});
  file.has_people = true;
  file.people.push_back({text("wang"), text("王子涛"), text("校长"), text("office"), {}});
  file.people.push_back({text("zhang"), text("张慧君"), std::nullopt, std::nullopt, {}});

  model::Plan& plan = file.plan;
  plan.title = text("2020年创建民族团结进步先进区工作安排");
  plan.year = {2020, {}, {}};
  plan.period = {util::Date{2020, 9, 1}, util::Date{2021, 7, 15}, true, {}};
  plan.issuer = text("市第二中学党支部");
  plan.date = {util::Date{2020, 4, 9}, {}, {}};

  model::Item propaganda = item("校内外营造浓厚的宣传氛围");
  propaganda.is_task = true;
  propaganda.id = text("propaganda");
  propaganda.text =
      text("利用应知应会手册进行宣传，\n让创建工作基本常识家喻户晓。\n\n第二段 text\nwith words");
  propaganda.points = texts({"利用电子屏宣传", "撰写征文！"});
  propaganda.lead = text("moral");
  propaganda.owner = texts({"wang", "张慧君"});
  propaganda.support = texts({"office", "工会"});
  propaganda.start = day_or_month(2020, 9);
  propaganda.due = due_on(2020, 10, 31);
  propaganda.deliverables = texts({"会议记录", "照片"});

  model::Item archive = item("进一步规范整理档案资料");
  archive.is_task = true;
  archive.id = text("archive");
  archive.lead = text("教务处"); // not in the list: shown as written
  archive.due = due_on(2020, 11);
  archive.status = model::Located<model::TaskStatus>{model::TaskStatus::done, {}, {}};

  model::Item duty = item("明确主体责任，形成创建工作强大合力");
  duty.is_task = true;
  duty.id = text("duty");
  duty.lead = text("校办公室");
  duty.due = due_every(model::Recurrence::long_term);
  duty.months = {{3, {}, {}}, {4, {}, {}}};

  model::Item quality = item("实施提升教育教学质量行动计划");
  quality.is_task = true;
  quality.id = text("quality");

  plan.sections.push_back(item("总体要求"));
  plan.sections.push_back(item("工作任务", {item("全力以赴迎国检", {propaganda, archive}), duty,
                                            item("落实重点工作", {quality})}));

  file.activities.push_back(activity({2020, 10, 20}, "征文比赛", {"propaganda"}, 0));
  file.activities.back().count = model::Located<std::int64_t>{120, {}, {}};
  file.activities.back().end = model::Located<util::Date>{{2020, 11, 2}, {}, {}};
  file.activities.push_back(activity({2020, 9, 15}, "动员大会", {"propaganda", "duty"}, 1));
  file.activities.back().count = model::Located<std::int64_t>{89, {}, {}};
  file.activities.back().summary = text("对创建工作进行动员部署，\n宣读实施方案。");
  file.activities.back().evidence = texts({"会议记录", "签到表"});
  file.activities.push_back(activity({2020, 9, 15}, "校园清扫", {}, 2));
  return file;
}

// The parts of the zip package at `path`, by name.
inline std::map<std::string, std::string> read_package(const std::filesystem::path& path) {
  std::map<std::string, std::string> parts;
  unzFile zip = unzOpen(path.string().c_str());
  if (!zip) {
    return parts;
  }
  for (int more = unzGoToFirstFile(zip); more == UNZ_OK; more = unzGoToNextFile(zip)) {
    char name[512];
    unz_file_info info{};
    unzGetCurrentFileInfo(zip, &info, name, sizeof name, nullptr, 0, nullptr, 0);
    std::string data(info.uncompressed_size, '\0');
    unzOpenCurrentFile(zip);
    unzReadCurrentFile(zip, data.data(), static_cast<unsigned>(data.size()));
    unzCloseCurrentFile(zip);
    parts[name] = std::move(data);
  }
  unzClose(zip);
  return parts;
}

inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A fresh, empty folder for one test's files.
inline std::filesystem::path scratch_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("planctl-workbook-test-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

} // namespace planctl::workbook::test
