#include <planctl/model/plan.hpp>

namespace planctl::model {

namespace {

// Indexes `list` by id and by name, keeping the first entry of each (the order a scan of the
// list finds them in).
template <class Entry>
void index_entries(const std::vector<Entry>& list, std::map<std::string_view, std::size_t>& ids,
                   std::map<std::string_view, std::size_t>& names) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    ids.emplace(list[i].id.value, i);
    names.emplace(list[i].name.value, i);
  }
}

// The index of the entry whose id, else whose name, is `ref`.
std::optional<std::size_t> look_up(const std::map<std::string_view, std::size_t>& ids,
                                   const std::map<std::string_view, std::size_t>& names,
                                   const std::string& ref) {
  if (const auto it = ids.find(ref); it != ids.end()) {
    return it->second;
  }
  if (const auto it = names.find(ref); it != names.end()) {
    return it->second;
  }
  return std::nullopt;
}

} // namespace

util::Date DayOrMonth::first_day() const {
  return util::Date{year, month, day == 0 ? 1 : day};
}

util::Date DayOrMonth::last_day() const {
  return day == 0 ? util::last_day_of_month(year, month) : util::Date{year, month, day};
}

const char* status_label(TaskStatus status) {
  switch (status) {
  case TaskStatus::not_started:
    return "未开始";
  case TaskStatus::in_progress:
    return "进行中";
  case TaskStatus::done:
    return "已完成";
  }
  return "";
}

const char* recurrence_label(Recurrence recurrence) {
  switch (recurrence) {
  case Recurrence::whole_year:
    return "全年";
  case Recurrence::long_term:
    return "长期";
  case Recurrence::each_term:
    return "每学期";
  case Recurrence::each_month:
    return "每月";
  case Recurrence::each_week:
    return "每周";
  }
  return "";
}

NameIndex::NameIndex(const PlanFile& file) : m_file(file) {
  if (file.has_departments) {
    index_entries(file.departments, m_department_ids, m_department_names);
  }
  if (file.has_people) {
    index_entries(file.people, m_person_ids, m_person_names);
  }
}

const Department* NameIndex::department(const std::string& ref) const {
  const auto i = look_up(m_department_ids, m_department_names, ref);
  return i ? &m_file.departments[*i] : nullptr;
}

const Person* NameIndex::person(const std::string& ref) const {
  const auto i = look_up(m_person_ids, m_person_names, ref);
  return i ? &m_file.people[*i] : nullptr;
}

const std::string& NameIndex::department_name(const std::string& ref) const {
  const Department* department = this->department(ref);
  return department ? department->name.value : ref;
}

const std::string& NameIndex::person_name(const std::string& ref) const {
  const Person* person = this->person(ref);
  return person ? person->name.value : ref;
}

} // namespace planctl::model
