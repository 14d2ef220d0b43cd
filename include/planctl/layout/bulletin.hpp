// The 工作简报 (outputs.md, Bulletin): one month's (or a span's) activities as news items under
// a masthead, their stories worded by the report's own sentence parts (report_wording.hpp).
#pragma once

#include <planctl/layout/document.hpp>
#include <planctl/layout/layout.hpp>
#include <planctl/model/plan.hpp>

#include <array>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace planctl::layout {

// A calendar month.
struct Month {
  int year = 0;
  int month = 0;
  auto operator<=>(const Month&) const = default;
};

// The months a bulletin covers, first to last (one month: both the same).
struct MonthSpan {
  Month first;
  Month last;
  bool contains(const util::Date& date) const {
    const Month m{date.year, date.month};
    return first <= m && m <= last;
  }
};

// The photos of a file as the app read them: each picture (by content) once, and the picture
// of each photo `file` as written in the file.
struct BulletinPhotos {
  std::vector<Picture> pictures;
  std::map<std::string, std::size_t, std::less<>> by_file;
};

// The months that have activities, in order, from the period's first month on (the months
// bulletin numbers count).
std::vector<Month> activity_months(const model::PlanFile& file);

// The activities dated in `span`, in date order (ties in file order).
std::vector<const model::Activity*> bulletin_activities(const model::PlanFile& file,
                                                        const MonthSpan& span);

// The 期号 of the bulletin that starts with `month`: `bulletin.number` (default 1) for the
// first month that has activities, one more for each later month that has activities.
std::int64_t bulletin_number(const model::PlanFile& file, const Month& month);

// `width` × `height` pixels scaled to fit the type area's width and a third of its height,
// aspect kept, in twips.
std::pair<int, int> figure_size(int width, int height);

// Two pictures of `w1` × `h1` and `w2` × `h2` pixels side by side: one height for both, as
// large as lets each fit half the type area's width (and a third of its height), aspect kept;
// returns {width 1, width 2, height} in twips.
std::array<int, 3> pair_size(int w1, int h1, int w2, int h2);

// The bulletin of `file` for `span`: the masthead, one news item per activity of the span
// (headline, byline, the story opening `本报讯`, the photos found in `photos`, two landscape
// photos in a row side by side), the foot.
// The span must have activities.
Bulletin layout_bulletin(const model::PlanFile& file, const MonthSpan& span,
                         const BulletinPhotos& photos, const LayoutOptions& options = {});

// One school's part of a combined bulletin: its name and its own bulletin for the span.
struct BulletinPart {
  std::string school;
  Bulletin bulletin;
};

// The district's combined 全区工作简报 (docs/bulletin.md, "In batch"): one masthead, named
// `ISSUER工作简报`, `第NUMBER期`, `编印：ISSUER` and the date of the last activity of all the
// parts, then each part's items under its school's name, in the order of `parts`; no foot.
// Each picture is kept once, renamed `PICTURE_PREFIX<hash>.jpg|png`. `parts` must not be empty.
Bulletin combine_bulletins(const std::vector<BulletinPart>& parts, const std::string& issuer,
                           std::int64_t number, const std::string& picture_prefix,
                           const LayoutOptions& options = {});

} // namespace planctl::layout
