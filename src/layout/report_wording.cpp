#include <planctl/layout/date_wording.hpp>
#include <planctl/layout/paragraphs.hpp>
#include <planctl/layout/punctuation.hpp>
#include <planctl/layout/report_wording.hpp>
#include <planctl/util/utf8.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <array>

namespace planctl::layout {

namespace {

// `count` in tenths of `unit_size` (万 or 亿): `1.2`, `30`, with whether it was exact.
std::string tenths(long long count, long long unit_size, bool whole_only, bool& exact) {
  if (whole_only) {
    exact = count % unit_size == 0;
    return std::to_string(count / unit_size);
  }
  const long long tenth = unit_size / 10;
  const long long t = count / tenth;
  exact = count % tenth == 0;
  return t % 10 == 0 ? std::to_string(t / 10) : fmt::format("{}.{}", t / 10, t % 10);
}

bool starts_with_any(std::string_view text, std::initializer_list<std::string_view> heads) {
  return std::any_of(heads.begin(), heads.end(),
                     [&](std::string_view head) { return text.starts_with(head); });
}

// A title a school "organises people to do": `学校组织全体教职工召开动员大会` reads well only
// for these verbs.
bool takes_participants_as_object(std::string_view title) {
  return starts_with_any(title, {"召开", "开展", "举办", "举行", "参加", "观看", "参观", "收看",
                                 "学习", "赴", "前往", "进行"});
}

bool is_date_clause(std::string_view clause) {
  // Digits, 年 月 日 至 and the span dash only: a date or span is a fact, not a phrase.
  std::size_t pos = 0;
  while (pos < clause.size()) {
    const char32_t cp = util::next_code_point(clause, pos);
    const bool ok = (cp >= U'0' && cp <= U'9') || cp == U'年' || cp == U'月' || cp == U'日' ||
                    cp == U'至' || cp == U'、' || cp == U'—';
    if (!ok) {
      return false;
    }
  }
  return true;
}

std::string participation(const ActivityWords& words, int form) {
  const std::string count = words.count ? word_count(*words.count, "人") : std::string();
  const std::string& who = words.participants;
  if (who.empty() && count.empty()) {
    return {};
  }
  if (who.empty()) {
    return form % 2 == 0 ? "共" + count + "参加" : "参加人数" + count;
  }
  switch (form % 5) {
  case 0:
    return who + count + "参加";
  case 1:
    return "参加的有" + who + count;
  case 2:
    return who + count + "参与";
  case 3:
    return "共有" + who + count + "参加";
  default:
    return count.empty() ? who + "踊跃参加" : who + "共" + count + "参加活动";
  }
}

// The host's clause. `after_place` when it follows `活动在……举行`, where `活动由……` would say
// 活动 twice: there a leading verb takes a bare `由`.
std::string host_part(const std::string& host, int form, bool after_place = false) {
  if (host.empty()) {
    return {};
  }
  if (host_is_clause(host)) {
    // `活动由……` reads only before a verb of leading: `活动由副校长高蕾带队`.
    const bool leads = host.ends_with("主持") || host.ends_with("带队") || host.ends_with("组织") ||
                       host.ends_with("负责") || host.ends_with("牵头");
    if (form % 2 == 0 || !leads || host.find("，") != std::string::npos) {
      return host;
    }
    return (after_place ? "由" : "活动由") + host;
  }
  return form % 2 == 0 ? "由" + host + "组织" : host + "具体负责";
}

// `在` and the place, or nothing when there is no place or the title already names it
// (`赴沙沟乡中心学校送教帮扶` needs no `在沙沟乡中心学校`).
std::string place_part(const ActivityWords& w) {
  if (w.place.empty() || w.title.find(w.place) != std::string::npos) {
    return {};
  }
  return "在" + w.place;
}

void append_summary(std::vector<std::string>& paragraphs, std::string sentence,
                    const std::vector<std::string>& summary) {
  if (summary.empty()) {
    paragraphs.push_back(std::move(sentence));
    return;
  }
  paragraphs.push_back(sentence + summary.front());
  paragraphs.insert(paragraphs.end(), summary.begin() + 1, summary.end());
}

// The clauses joined with `，` into one sentence closed by `。`, empty clauses left out.
std::string sentence_of(std::initializer_list<std::string> clauses) {
  std::string out;
  for (const std::string& clause : clauses) {
    if (clause.empty()) {
      continue;
    }
    if (!out.empty()) {
      out += "，";
    }
    out += clause;
  }
  return close_sentence(out);
}

} // namespace

std::string word_count(long long count, std::string_view unit, CountStyle style) {
  count = std::max(count, 0LL);
  constexpr long long k_wan = 10'000;
  constexpr long long k_yi = 100'000'000;
  if (count < k_wan) {
    if (style == CountStyle::exact || count < 100) {
      return fmt::format("{}{}", count, unit);
    }
    long long step = 1;
    while (count / step >= 100) {
      step *= 10;
    }
    const long long rounded = count / step * step;
    return fmt::format("{}{}{}", rounded, rounded == count ? "" : "余", unit);
  }
  bool exact = false;
  std::string number;
  if (count < k_yi) {
    number = tenths(count, k_wan, count >= 10 * k_wan, exact) + "万";
  } else {
    number = tenths(count, k_yi, count >= 10 * k_yi, exact) + "亿";
  }
  return number + (exact ? "" : "余") + std::string(unit);
}

bool host_is_clause(std::string_view host) {
  if (host.find("，") != std::string_view::npos || host.find("；") != std::string_view::npos) {
    return true;
  }
  // A bare organiser is a unit's name: `德育处`, `工会`, `党支部`, `关工委办公室`, `团委`.
  static constexpr std::array<std::string_view, 14> k_units{
      "处", "室", "组", "委", "会", "部", "队", "办", "团", "站", "中心", "学校", "支部", "小组"};
  const bool unit = std::any_of(k_units.begin(), k_units.end(),
                                [&](std::string_view tail) { return host.ends_with(tail); });
  if (!unit) {
    return true;
  }
  static constexpr std::array<std::string_view, 18> k_verbs{
      "主持", "带队", "讲话", "致辞", "开幕词", "主讲", "授课", "宣讲", "作报告",
      "讲座", "带领", "牵头", "组织", "负责",   "承办", "主办", "指导", "部署"};
  return std::any_of(k_verbs.begin(), k_verbs.end(),
                     [&](std::string_view verb) { return host.ends_with(verb); });
}

std::vector<std::string> phrase_clauses(std::string_view sentence) {
  std::vector<std::string> out;
  static constexpr std::array<std::string_view, 4> k_marks{"，", "。", "；", "："};
  std::size_t start = 0;
  std::size_t pos = 0;
  auto flush = [&](std::size_t end) {
    const std::string_view clause = sentence.substr(start, end - start);
    if (util::count_code_points(clause) >= 4 && !is_date_clause(clause)) {
      out.emplace_back(clause);
    }
  };
  while (pos < sentence.size()) {
    const auto mark = std::find_if(k_marks.begin(), k_marks.end(), [&](std::string_view m) {
      return sentence.substr(pos).starts_with(m);
    });
    if (mark != k_marks.end()) {
      flush(pos);
      pos += mark->size();
      start = pos;
      continue;
    }
    ++pos;
  }
  flush(sentence.size());
  return out;
}

void PhraseBook::add_own_text(std::string_view text) {
  // Clause by clause, so that looking a clause up stays cheap for a ledger of thousands.
  if (!text.empty()) {
    m_own.emplace(text);
  }
  for (std::string& clause : phrase_clauses(text)) {
    m_own.insert(std::move(clause));
  }
}

bool PhraseBook::is_own(std::string_view clause) const {
  return m_own.find(clause) != m_own.end();
}

int PhraseBook::most_used(std::string_view sentence) const {
  int most = 0;
  for (const std::string& clause : phrase_clauses(sentence)) {
    if (is_own(clause)) {
      continue;
    }
    const auto found = m_uses.find(clause);
    if (found != m_uses.end()) {
      most = std::max(most, found->second);
    }
  }
  return most;
}

void PhraseBook::record(std::string_view sentence) {
  for (std::string& clause : phrase_clauses(sentence)) {
    if (!is_own(clause)) {
      ++m_uses[std::move(clause)];
    }
  }
}

std::string PhraseBook::choose(const std::vector<std::string>& candidates) {
  return choose(candidates.size(), [&](std::size_t i) { return candidates[i]; });
}

std::string PhraseBook::choose(std::size_t count,
                               const std::function<std::string(std::size_t)>& candidate) {
  if (count == 0) {
    return {};
  }
  std::string best = candidate(0);
  int best_uses = most_used(best);
  for (std::size_t i = 1; i < count && best_uses >= 2; ++i) {
    std::string next = candidate(i);
    const int uses = most_used(next);
    if (uses < best_uses) {
      best = std::move(next);
      best_uses = uses;
    }
  }
  record(best);
  return best;
}

ActivityWords activity_words(const model::Activity& activity, int base_year,
                             const TextRules& rules) {
  ActivityWords words;
  std::optional<util::Date> end;
  if (activity.end) {
    end = activity.end->value;
  }
  words.date = word_date_span(activity.date.value, end, base_year);
  words.title = strip_closing_commas(strip_closing_full_stop(rules.line(activity.title.value)));
  auto line = [&](const std::optional<model::Text>& text) {
    return text ? strip_closing_commas(strip_closing_full_stop(rules.line(text->value)))
                : std::string();
  };
  words.host = line(activity.host);
  words.place = line(activity.place);
  words.participants = line(activity.participants);
  if (activity.count) {
    words.count = activity.count->value;
  }
  if (activity.summary) {
    words.summary = rules.paragraphs(activity.summary->value);
  }
  return words;
}

std::vector<std::string> activity_sentence(const ActivityWords& w, std::size_t position,
                                           const std::string& school, PhraseBook& book) {
  const bool organiser = !w.host.empty() && !host_is_clause(w.host);
  const std::string at = place_part(w);
  const auto first = static_cast<int>(position);
  // Five participation forms and two host forms give each shape several wordings; the book
  // takes the first whose generated clauses are not yet used twice. Each form's shapes are
  // made when the book asks for one of them.
  const bool object_shape =
      !w.participants.empty() && takes_participants_as_object(w.title) && !organiser;
  const std::size_t shape_count = object_shape ? 3 : 2;
  constexpr int k_forms = 5;
  int made_form = first - 1;
  std::vector<std::string> shapes;
  auto make_shapes = [&](int form) {
    const std::string who = participation(w, form);
    const std::string host = host_part(w.host, form);
    shapes.clear();
    // Seed 001: `3月13日，学校组织全体教职工召开动员大会，会议由……主持`.
    if (object_shape) {
      const std::string count = w.count ? word_count(*w.count, "人") : std::string();
      shapes.push_back(
          sentence_of({w.date, school + "组织" + w.participants + count + at + w.title, w.host}));
    }
    if (organiser) {
      // An organiser is the subject: `党支部在平安区爱国主义教育基地开展……`.
      shapes.push_back(sentence_of({w.date, w.host + at + w.title, who}));
    } else {
      // The place first, then the host's clause: `10月28日，在学校操场开展……，……主持`.
      shapes.push_back(sentence_of({w.date, at + w.title, w.host, who}));
    }
    // The title alone, then where and who in a second sentence (seed 004: `……。会上，……`).
    std::string second;
    if (!at.empty()) {
      second = sentence_of({"活动" + at + "举行", host_part(w.host, form, true), who});
    } else {
      second = sentence_of({host, who});
    }
    shapes.push_back(sentence_of({w.date, w.title}) + second);
    // Rotate so that consecutive activities open differently.
    std::rotate(shapes.begin(), shapes.begin() + static_cast<long>(position % shapes.size()),
                shapes.end());
    made_form = form;
  };
  // The last resort keeps every fact inside the title's clause, which is the activity's own.
  auto last_resort = [&] {
    std::string inside;
    for (const std::string& part :
         {w.host, at.empty() ? std::string() : w.place, participation(w, 0)}) {
      if (!part.empty()) {
        inside += (inside.empty() ? "" : "，") + part;
      }
    }
    return sentence_of({w.date, inside.empty() ? w.title : w.title + "（" + inside + "）"});
  };
  const std::size_t count = k_forms * shape_count + 1;
  auto candidate = [&](std::size_t i) {
    if (i + 1 == count) {
      return last_resort();
    }
    const int form = first + static_cast<int>(i / shape_count);
    if (form != made_form) {
      make_shapes(form);
    }
    return shapes[i % shape_count];
  };
  std::vector<std::string> paragraphs;
  append_summary(paragraphs, book.choose(count, candidate), w.summary);
  return paragraphs;
}

void add_own_words(PhraseBook& book, const ActivityWords& words) {
  for (const std::string& text : {words.title, words.host, words.place, words.participants}) {
    book.add_own_text(text);
  }
  for (const std::string& paragraph : words.summary) {
    book.add_own_text(paragraph);
  }
}

std::vector<std::string> news_story(const ActivityWords& w, std::size_t position,
                                    const std::string& school, PhraseBook& book) {
  const bool organiser = !w.host.empty() && !host_is_clause(w.host);
  const std::string at = place_part(w);
  // The school names itself once: an organiser written with the school's name keeps it.
  const std::string subject =
      organiser ? (w.host.starts_with(school) ? w.host : school + w.host) : school;
  std::vector<std::string> candidates;
  const auto first = static_cast<int>(position);
  for (int form = first; form < first + 5; ++form) {
    const std::string who = participation(w, form);
    std::string story = sentence_of({w.date, subject + at + w.title});
    // Who led it and who took part: a clause of the host (`……主持`), then the participation.
    const std::string second = sentence_of({organiser ? std::string() : w.host, who});
    story += second;
    candidates.push_back(std::move(story));
  }
  const std::string who = participation(w, 0);
  const std::string host = organiser ? std::string() : w.host;
  if (!w.participants.empty() && !organiser && takes_participants_as_object(w.title)) {
    // Seed 001's shape: `平安二中组织全体教职工89人在学校报告厅召开……`, one clause of the
    // activity's own.
    const std::string count = w.count ? word_count(*w.count, "人") : std::string();
    candidates.push_back(
        sentence_of({w.date, school + "组织" + w.participants + count + at + w.title}) +
        sentence_of({host}));
  }
  if (!who.empty()) {
    // The last resort keeps the participation inside the title's clause, as the report's does.
    candidates.push_back(sentence_of({w.date, subject + at + w.title + "（" + who + "）"}) +
                         sentence_of({host}));
  }
  std::vector<std::string> paragraphs;
  append_summary(paragraphs, book.choose(candidates), w.summary);
  return paragraphs;
}

std::vector<std::string> merged_sentence(const std::vector<ActivityWords>& words, bool same_day,
                                         std::size_t position, const std::string& school,
                                         PhraseBook& book) {
  std::vector<std::string> summary;
  for (const ActivityWords& w : words) {
    summary.insert(summary.end(), w.summary.begin(), w.summary.end());
  }
  // One paragraph: the summaries of the merged activities follow each other.
  std::string joined_summary;
  for (const std::string& paragraph : summary) {
    joined_summary += paragraph;
  }
  std::vector<std::string> paragraphs;
  if (same_day) {
    // Each participation and host form gives a wording; the book takes the first whose
    // generated clauses are not yet used twice, as for a single activity.
    std::vector<std::string> candidates;
    for (int form = 0; form < 5; ++form) {
      const auto shape = static_cast<int>(position) + form;
      std::string parts;
      for (std::size_t i = 0; i < words.size(); ++i) {
        const ActivityWords& w = words[i];
        std::string part = place_part(w) + w.title;
        const int part_form = shape + static_cast<int>(i);
        for (const std::string& extra :
             {host_part(w.host, part_form), participation(w, part_form)}) {
          if (!extra.empty()) {
            part += "，" + extra;
          }
        }
        parts += (i == 0 ? "" : "；") + part;
      }
      const std::string& date = words.front().date;
      candidates.push_back(close_sentence(shape % 2 == 0 ? date + "，" + school + "先后" + parts
                                                         : date + "，" + parts));
    }
    paragraphs.push_back(book.choose(candidates) + joined_summary);
    return paragraphs;
  }
  std::string dates;
  long long total = 0;
  bool counted = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    dates += (i == 0 ? "" : "、") + words[i].date;
    if (words[i].count) {
      total += std::max<std::int64_t>(*words[i].count, 0);
      counted = true;
    }
  }
  const std::string times = std::to_string(words.size());
  std::vector<std::string> candidates;
  const std::string& who = words.front().participants;
  const std::string sum = counted ? word_count(total, "人次") : std::string();
  candidates.push_back(sentence_of(
      {dates, "先后" + times + "次" + words.front().title,
       who.empty() ? (sum.empty() ? "" : "累计" + sum + "参加") : who + "等累计" + sum + "参加"}));
  candidates.push_back(sentence_of({dates, school + words.front().title + "共" + times + "次",
                                    sum.empty() ? "" : "参加" + sum}));
  paragraphs.push_back(book.choose(candidates) + joined_summary);
  return paragraphs;
}

namespace {

// `title` inside `“”`: its own double quotes become single ones, as Chinese nests quotes.
std::string quoted(const std::string& title) {
  std::string out;
  std::size_t pos = 0;
  while (pos < title.size()) {
    const std::size_t from = pos;
    const char32_t cp = util::next_code_point(title, pos);
    if (cp == U'“') {
      out += "‘";
    } else if (cp == U'”') {
      out += "’";
    } else {
      out.append(title, from, pos - from);
    }
  }
  return "“" + out + "”";
}

} // namespace

std::string group_lead(const std::string& group_title, std::size_t activities,
                       std::optional<long long> participants, std::size_t position,
                       const std::string& school, PhraseBook& book) {
  if (activities < 2) {
    return {};
  }
  const std::string n = std::to_string(activities);
  const std::string total =
      participants ? word_count(*participants, "人次", CountStyle::about) : std::string();
  std::vector<std::string> candidates{
      sentence_of({"围绕" + quoted(group_title), "共开展活动" + n + "次",
                   total.empty() ? "" : "参加" + total}),
      sentence_of({"为" + strip_closing_commas(group_title), school + "先后开展" + n + "项活动",
                   total.empty() ? "" : "累计" + total + "参与"}),
      sentence_of({"在" + quoted(group_title) + "方面", "组织活动" + n + "次",
                   total.empty() ? "" : "参加者达" + total}),
  };
  std::rotate(candidates.begin(), candidates.begin() + static_cast<long>(position % 3),
              candidates.end());
  return book.choose(candidates);
}

} // namespace planctl::layout
