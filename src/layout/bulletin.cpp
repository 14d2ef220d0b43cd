#include <planctl/layout/bulletin.hpp>
#include <planctl/layout/date_wording.hpp>
#include <planctl/layout/official.hpp>
#include <planctl/layout/punctuation.hpp>
#include <planctl/layout/report_wording.hpp>
#include <planctl/layout/text_rules.hpp>
#include <planctl/model/progress.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <map>

namespace planctl::layout {

std::vector<Month> activity_months(const model::PlanFile& file) {
  const Month start{file.plan.period.start.year, file.plan.period.start.month};
  std::vector<Month> months;
  for (const model::Activity& activity : file.activities) {
    const Month m{activity.date.value.year, activity.date.value.month};
    if (m >= start) {
      months.push_back(m);
    }
  }
  std::sort(months.begin(), months.end());
  months.erase(std::unique(months.begin(), months.end()), months.end());
  return months;
}

std::vector<const model::Activity*> bulletin_activities(const model::PlanFile& file,
                                                        const MonthSpan& span) {
  std::vector<const model::Activity*> out;
  for (const model::Activity* activity : model::activities_by_date(file.activities)) {
    if (span.contains(activity->date.value)) {
      out.push_back(activity);
    }
  }
  return out;
}

std::int64_t bulletin_number(const model::PlanFile& file, const Month& month) {
  std::int64_t first = 1;
  if (file.bulletin && file.bulletin->number) {
    first = file.bulletin->number->value;
  }
  const std::vector<Month> months = activity_months(file);
  const auto before = std::lower_bound(months.begin(), months.end(), month) - months.begin();
  return first + before;
}

std::pair<int, int> figure_size(int width, int height) {
  const long long w = std::max(width, 1);
  const long long h = std::max(height, 1);
  // Full width unless that would be taller than a third of the page: then a third's height.
  if (w * k_figure_max_height >= h * k_figure_max_width) {
    return {k_figure_max_width, static_cast<int>((h * k_figure_max_width + w / 2) / w)};
  }
  return {static_cast<int>((w * k_figure_max_height + h / 2) / h), k_figure_max_height};
}

std::array<int, 3> pair_size(int w1, int h1, int w2, int h2) {
  const auto fit = [](int w, int h) { // the height at which w × h is half the width
    return static_cast<long long>(k_figure_half_width) * std::max(h, 1) / std::max(w, 1);
  };
  const long long height =
      std::min({fit(w1, h1), fit(w2, h2), static_cast<long long>(k_figure_max_height)});
  const auto width = [&](int w, int h) { // the photo that sets the height takes the whole half
    if (fit(w, h) == height) {
      return k_figure_half_width;
    }
    return static_cast<int>(std::min<long long>(
        k_figure_half_width, (height * std::max(w, 1) + std::max(h, 1) / 2) / std::max(h, 1)));
  };
  return {width(w1, h1), width(w2, h2), static_cast<int>(height)};
}

Bulletin layout_bulletin(const model::PlanFile& file, const MonthSpan& span,
                         const BulletinPhotos& photos, const LayoutOptions& options) {
  const TextRules rules(options);
  const std::vector<const model::Activity*> activities = bulletin_activities(file, span);
  const std::string school =
      rules.line(file.school.short_name ? file.school.short_name->value : file.school.name.value);
  const model::Bulletin none;
  const model::Bulletin& settings = file.bulletin ? *file.bulletin : none;

  Bulletin out;
  out.name = settings.name ? rules.line(settings.name->value) : std::string();
  if (out.name.empty()) {
    out.name = school + "工作简报";
  }
  out.number = fmt::format("第{}期", bulletin_number(file, span.first));
  const std::string editor = settings.editor ? rules.line(settings.editor->value) : std::string();
  out.editor = "编印：" + (editor.empty() ? rules.line(file.school.name.value) : editor);
  util::Date last = file.plan.date.value;
  if (!activities.empty()) {
    last = activities.front()->date.value;
    for (const model::Activity* activity : activities) {
      last = std::max(last, activity->date.value);
    }
  }
  out.date = word_date(last);
  for (const auto& [label, text] :
       {std::pair{"报", &settings.copy_report}, std::pair{"送", &settings.copy_send},
        std::pair{"发", &settings.copy_issue}}) {
    if (*text) {
      std::string line = strip_closing_full_stop(rules.line((*text)->value));
      if (!line.empty()) {
        out.copy_lines.push_back({label, std::move(line)});
      }
    }
  }
  out.metadata.title = out.name + out.number;
  out.metadata.author = out.editor.substr(std::string_view("编印：").size());
  out.metadata.date = last;
  out.pictures = photos.pictures;

  const int base_year = file.plan.period.start.year;
  PhraseBook book;
  std::vector<ActivityWords> words;
  words.reserve(activities.size());
  for (const model::Activity* activity : activities) {
    words.push_back(activity_words(*activity, base_year, rules));
    add_own_words(book, words.back());
  }
  NewsSection& section = out.sections.emplace_back();
  for (std::size_t i = 0; i < activities.size(); ++i) {
    const model::Activity& activity = *activities[i];
    NewsItem item;
    const std::string& raw_headline =
        activity.headline ? activity.headline->value : activity.title.value;
    item.headline_lines = title_lines(raw_headline, rules);
    if (item.headline_lines.empty()) {
      item.headline_lines.push_back(strip_closing_full_stop(rules.line(raw_headline)));
    }
    if (activity.reporter) {
      const std::string reporter = rules.line(activity.reporter->value);
      if (!reporter.empty()) {
        item.byline = "■ 通讯员 " + reporter;
      }
    }
    item.paragraphs = news_story(words[i], i, school, book);
    if (!item.paragraphs.empty()) {
      item.paragraphs.front() = "本报讯 " + item.paragraphs.front();
    }
    std::string headline;
    for (const std::string& line : item.headline_lines) {
      headline += line;
    }
    for (const model::Photo& photo : activity.photos) {
      const auto found = photos.by_file.find(photo.file.value);
      if (found == photos.by_file.end()) {
        continue; // not read: the checks reported it, and nothing is rendered then
      }
      Figure figure;
      figure.picture = found->second;
      const Picture& picture = photos.pictures.at(found->second);
      std::tie(figure.width, figure.height) = figure_size(picture.width, picture.height);
      if (photo.caption) {
        figure.caption = strip_closing_full_stop(rules.line(photo.caption->value));
      }
      figure.alt = figure.caption.empty() ? headline : figure.caption;
      item.figures.push_back(std::move(figure));
    }
    // Two landscape photos in a row stand side by side (outputs.md, Bulletin), in pairs.
    for (std::size_t k = 0; k + 1 < item.figures.size(); ++k) {
      const Picture& a = photos.pictures.at(item.figures[k].picture);
      const Picture& b = photos.pictures.at(item.figures[k + 1].picture);
      if (a.width > a.height && b.width > b.height) {
        const auto [w1, w2, h] = pair_size(a.width, a.height, b.width, b.height);
        item.figures[k].width = w1;
        item.figures[k + 1].width = w2;
        item.figures[k].height = item.figures[k + 1].height = h;
        item.figures[k + 1].beside = true;
        ++k;
      }
    }
    section.items.push_back(std::move(item));
  }
  return out;
}

Bulletin combine_bulletins(const std::vector<BulletinPart>& parts, const std::string& issuer,
                           std::int64_t number, const std::string& picture_prefix,
                           const LayoutOptions& options) {
  const TextRules rules(options);
  Bulletin out;
  const std::string name = strip_closing_full_stop(rules.line(issuer));
  out.name = name + "工作简报";
  out.number = fmt::format("第{}期", number);
  out.editor = "编印：" + name;
  std::map<std::string, std::size_t> by_name; // new picture name → index in out.pictures
  for (const BulletinPart& part : parts) {
    const Bulletin& b = part.bulletin;
    if (out.date.empty() || b.metadata.date > out.metadata.date) {
      out.metadata.date = b.metadata.date;
      out.date = b.date;
    }
    std::vector<std::size_t> moved(b.pictures.size());
    for (std::size_t i = 0; i < b.pictures.size(); ++i) {
      Picture picture = b.pictures[i];
      const std::size_t at = picture.name.rfind(".photo-");
      picture.name =
          picture_prefix + (at == std::string::npos ? picture.name : picture.name.substr(at + 7));
      const auto [it, inserted] = by_name.emplace(picture.name, out.pictures.size());
      if (inserted) {
        out.pictures.push_back(std::move(picture));
      }
      moved[i] = it->second;
    }
    for (const NewsSection& section : b.sections) {
      NewsSection& into = out.sections.emplace_back(section);
      into.school = rules.line(part.school);
      for (NewsItem& item : into.items) {
        for (Figure& figure : item.figures) {
          figure.picture = moved.at(figure.picture);
        }
      }
    }
  }
  out.metadata.title = out.name + out.number;
  out.metadata.author = name;
  return out;
}

} // namespace planctl::layout
