#include <planctl/model/plan.hpp>

namespace planctl::model {

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

} // namespace planctl::model
