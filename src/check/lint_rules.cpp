// Lint warnings on texts: numbers typed by the author, closing full stops of headings, and
// ASCII punctuation inside Chinese text.
#include <planctl/check/text_lint.hpp>
#include <planctl/util/utf8.hpp>

#include "check_context.hpp"

namespace planctl::check {

namespace {

// A few characters either side of the mark at byte `offset`, on one line, for the message.
std::string context_around(std::string_view text, std::size_t offset) {
  constexpr std::size_t k_side = 6;
  std::vector<std::size_t> starts; // byte offsets of code points before `offset`
  std::size_t pos = 0;
  while (pos < offset) {
    starts.push_back(pos);
    util::next_code_point(text, pos);
  }
  const std::size_t from = starts.size() > k_side ? starts[starts.size() - k_side] : 0;
  std::size_t to = offset;
  util::next_code_point(text, to); // the mark itself
  for (std::size_t n = 0; n < k_side && to < text.size(); ++n) {
    util::next_code_point(text, to);
  }
  // One line, without the spaces a block scalar's line breaks would leave at either end.
  std::string body;
  for (const char ch : text.substr(from, to - from)) {
    body += ch == '\n' || ch == '\r' || ch == '\t' ? ' ' : ch;
  }
  const std::size_t first = body.find_first_not_of(' ');
  body = first == std::string::npos ? std::string()
                                    : body.substr(first, body.find_last_not_of(' ') - first + 1);
  const bool cut_before = from > 0;
  const bool cut_after = text.find_first_not_of(" \t\r\n", to) != std::string_view::npos;
  return (cut_before ? "…" : "") + body + (cut_after ? "…" : "");
}

class TextLinter {
public:
  explicit TextLinter(CheckContext& ctx) : m_ctx(ctx) {}

  // Warns once for `text` when it has ASCII punctuation inside Chinese text, looking only
  // after its first `skip` bytes.
  void punctuation(const model::Text& text, std::size_t skip = 0) {
    if (const auto found = find_ascii_punctuation(std::string_view(text.value).substr(skip))) {
      m_ctx.add(text.mark, "ascii-punctuation",
                {{"char", std::string(1, found->mark)},
                 {"full", found->full_width},
                 {"context", context_around(text.value, skip + found->offset)}});
    }
  }
  void punctuation(const std::optional<model::Text>& text) {
    if (text) {
      punctuation(*text);
    }
  }
  void punctuation(const model::TextList& texts) {
    for (const model::Text& text : texts) {
      punctuation(text);
    }
  }

  // Lints `text`, which the renderer numbers: warns when it starts with a number the author
  // typed, then checks its punctuation after that number (deleting the number fixes both, so
  // `(二)` is reported once).
  void numbered(const model::Text& text, std::string_view message_id) {
    const std::string number = typed_number_prefix(text.value);
    if (!number.empty()) {
      m_ctx.add(text.mark, message_id, {{"number", number}, {"title", excerpt(text.value)}});
    }
    const std::size_t skip = number.empty() ? 0 : text.value.find(number) + number.size();
    punctuation(text, skip);
  }

private:
  CheckContext& m_ctx;
};

model::NumberStyle style_at(const std::vector<model::NumberStyle>& numbering, std::size_t depth) {
  if (numbering.empty()) {
    constexpr model::NumberStyle k_default[] = {
        model::NumberStyle::chinese, model::NumberStyle::paren_chinese, model::NumberStyle::arabic,
        model::NumberStyle::paren_arabic};
    return k_default[std::min<std::size_t>(depth, 4) - 1];
  }
  return numbering[std::min(depth, numbering.size()) - 1];
}

void lint_plan(CheckContext& ctx, TextLinter& lint) {
  const model::PlanFile& file = ctx.plan();
  const model::School& school = file.school;
  lint.punctuation(school.name);
  lint.punctuation(school.short_name);
  lint.punctuation(school.district);
  for (const model::ProfileFact& fact : school.profile) {
    lint.punctuation(fact.label);
    if (!fact.value_is_number) {
      lint.punctuation(fact.value);
    }
    lint.punctuation(fact.unit);
  }
  // References are texts of their own only when there is no list to resolve them against;
  // otherwise they repeat an entry's name, which is linted there.
  for (const model::Department& department : file.departments) {
    lint.punctuation(department.name);
    if (!file.has_people) {
      lint.punctuation(department.head);
    }
  }
  for (const model::Person& person : file.people) {
    lint.punctuation(person.name);
    lint.punctuation(person.title);
    if (!file.has_departments) {
      lint.punctuation(person.department);
    }
  }
  const model::Plan& plan = file.plan;
  lint.punctuation(plan.title);
  lint.punctuation(plan.issuer);
  lint.punctuation(plan.basis);
  for_each_item(plan.sections, [&](const model::Item& item, std::size_t depth) {
    lint.numbered(item.title, "typed-number.title");
    if (model::is_heading_style(style_at(plan.numbering, depth)) &&
        ends_in_full_stop(item.title.value)) {
      ctx.add(item.title.mark, "heading-full-stop", {{"title", excerpt(item.title.value)}});
    }
    lint.punctuation(item.text);
    lint.punctuation(item.points);
    if (!file.has_departments) {
      lint.punctuation(item.lead);
      lint.punctuation(item.support);
    }
    if (!file.has_people) {
      lint.punctuation(item.owner);
    }
    lint.punctuation(item.deliverables);
  });
  for (const model::Text& attachment : plan.attachments) {
    lint.numbered(attachment, "typed-number.attachment");
  }
}

void lint_activities(CheckContext& ctx, TextLinter& lint) {
  for (const model::Activity& activity : ctx.plan().activities) {
    lint.punctuation(activity.title);
    lint.punctuation(activity.host);
    lint.punctuation(activity.participants);
    lint.punctuation(activity.place);
    lint.punctuation(activity.summary);
    lint.punctuation(activity.evidence);
  }
}

void lint_report_items(TextLinter& lint, const std::vector<model::ReportItem>& items) {
  for (const model::ReportItem& item : items) {
    if (item.title) {
      lint.numbered(*item.title, "typed-number.title");
    }
    lint.punctuation(item.text);
    lint.punctuation(item.points);
  }
}

void lint_report(CheckContext& ctx, TextLinter& lint) {
  const std::optional<model::Report>& report = ctx.plan().report;
  if (!report) {
    return;
  }
  lint.punctuation(report->title);
  lint.punctuation(report->issuer);
  lint.punctuation(report->opening);
  lint.punctuation(report->overview);
  for (const model::ReportGroup& group : report->groups) {
    lint.punctuation(group.heading);
    lint.punctuation(group.lead);
  }
  for (const model::Text& achievement : report->achievements) {
    lint.numbered(achievement, "typed-number.achievement");
  }
  lint_report_items(lint, report->problems);
  lint_report_items(lint, report->next_steps);
  const model::ReportHeadings& headings = report->headings;
  lint.punctuation(headings.overview);
  lint.punctuation(headings.practices);
  lint.punctuation(headings.achievements);
  lint.punctuation(headings.problems);
  lint.punctuation(headings.next_steps);
}

} // namespace

void check_lint(CheckContext& ctx) {
  TextLinter lint(ctx);
  lint_plan(ctx, lint);
  lint_activities(ctx, lint);
  lint_report(ctx, lint);
}

} // namespace planctl::check
