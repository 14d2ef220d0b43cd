// The words of the year-end report's 主要做法: counts as a clerk writes them, activity
// sentences in several shapes, group leads, and the memory that keeps stock phrases rare
// (docs/report.md).
#pragma once

#include <planctl/layout/text_rules.hpp>
#include <planctl/model/plan.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace planctl::layout {

// How exact a written count is: an activity's own count, or a total over several.
enum class CountStyle {
  exact, // `2466人`; from 10,000 in 万: `1.2万人`, `1.2万余人`, `30万余人`
  about, // totals: two significant figures and `余` below 10,000 (`3000余人次`), else as exact
};

// `count` followed by `unit` (`人`, `人次`, `个`) as a clerk writes it in running text: see
// CountStyle. Negative counts are written as 0. The one place counts become words; the report
// and the bulletin both use it.
std::string word_count(long long count, std::string_view unit,
                       CountStyle style = CountStyle::exact);

// Whether `host` (an activity's `host`, already worded) is a clause that says what someone did
// (`工会主席张慧君主持`, `副校长高蕾带队`, anything with `，`), rather than a bare organiser
// (`德育处`, `党支部`) that reads as the subject of the activity's title.
bool host_is_clause(std::string_view host);

// Counts the clauses a report has used so that no generated phrase appears more than twice.
// A clause is the text between `，。；：` marks; dates alone, clauses under four characters and
// the author's own text are not phrases.
class PhraseBook {
public:
  // Marks `text` as the author's (a title, host, place, participants or summary as worded): a
  // clause found in it is the author's wording, repeated when the ledger repeats it, and never
  // counts as a generated phrase.
  void add_own_text(std::string_view text);

  // How often the most used clause of `sentence` has been recorded.
  int most_used(std::string_view sentence) const;

  // Records every clause of `sentence`.
  void record(std::string_view sentence);

  // The first of `candidates` none of whose clauses was recorded twice (else the one whose
  // most used clause is used least, the earliest on a tie), recorded; empty when
  // `candidates` is.
  std::string choose(const std::vector<std::string>& candidates);

  // The same choice among `count` candidates made on demand by `candidate(i)`: those after
  // the one taken are never made (most sentences take the first).
  std::string choose(std::size_t count, const std::function<std::string(std::size_t)>& candidate);

private:
  // Whether `clause` is the author's: one of the texts given to add_own_text or a clause of one.
  bool is_own(std::string_view clause) const;

  std::map<std::string, int, std::less<>> m_uses;
  std::set<std::string, std::less<>> m_own; // the author's texts and each of their clauses
};

struct ActivityWords;

// Marks every text of `words` as the author's (PhraseBook::add_own_text): the title, host,
// place, participants and summary of one activity.
void add_own_words(PhraseBook& book, const ActivityWords& words);

// The clauses of `sentence` that count as phrases (see PhraseBook).
std::vector<std::string> phrase_clauses(std::string_view sentence);

// One activity's facts as they go into a sentence, each already worded (empty when absent).
struct ActivityWords {
  std::string date;  // `4月13日`, `5月28日至29日`
  std::string title; // without a closing `。`
  std::string host;
  std::string place;
  std::string participants;
  std::optional<std::int64_t> count;
  std::vector<std::string> summary; // paragraphs
};

// `activity` worded for a report whose period starts in `base_year`.
ActivityWords activity_words(const model::Activity& activity, int base_year,
                             const TextRules& rules);

// The paragraphs telling `words` (one activity): a sentence with the date, place, host, title,
// participants and count in one of several natural orders, chosen by `position` (the
// activity's place in the report) and by `book`, then the summary.
std::vector<std::string> activity_sentence(const ActivityWords& words, std::size_t position,
                                           const std::string& school, PhraseBook& book);

// The story of one activity in the news register of a 工作简报 (outputs.md, Bulletin), from the
// same parts as activity_sentence (count wording, host and place): `date，school在place title。`
// (`school` + an organising host as the subject: `平安二中德育处在……`), then who led it and who
// took part and how many (`工会主席张慧君主持，全体教职工89人参加。`), then the summary. Absent
// keys leave their words out. The participation wording is chosen by `position` and `book` so
// that no generated phrase is used more than twice in one bulletin. The caller puts `本报讯`
// before it.
std::vector<std::string> news_story(const ActivityWords& words, std::size_t position,
                                    const std::string& school, PhraseBook& book);

// The paragraphs telling several activities of one group that share a day (`same_day`) or a
// title (otherwise) as one: `4月13日，…；…。` or `3月5日、4月2日，先后2次…`, then the summaries.
std::vector<std::string> merged_sentence(const std::vector<ActivityWords>& words, bool same_day,
                                         std::size_t position, const std::string& school,
                                         PhraseBook& book);

// The generated lead of a group (`围绕“…”，共开展活动5次，参加3000余人次。`): empty for fewer
// than two activities; the total only when some activity has a count.
std::string group_lead(const std::string& group_title, std::size_t activities,
                       std::optional<long long> participants, std::size_t position,
                       const std::string& school, PhraseBook& book);

} // namespace planctl::layout
