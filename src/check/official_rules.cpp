// The official-document parts of the plan and the report (plan-format.md "Official-document
// elements"): the document number's shape and year, the signer's number, the printing date,
// and attachments that print the task table.
#include <planctl/util/date.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "check_context.hpp"

namespace planctl::check {

namespace {

// A document number read as `prefix〔YYYY〕N号`, whatever brackets and serial it was written
// with.
struct DocNumber {
  std::string prefix;
  std::string year;
  std::string serial; // without 第 and leading zeros
  bool canonical = false;
};

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

bool take(std::string_view& text, std::string_view head) {
  if (text.substr(0, head.size()) != head) {
    return false;
  }
  text.remove_prefix(head.size());
  return true;
}

// The bracket pairs authors use around the year; GB/T 9704 §7.2.4 wants the 六角括号 〔 〕.
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> k_brackets{{
    {"〔", "〕"},
    {"[", "]"},
    {"(", ")"},
    {"【", "】"},
    {"（", "）"},
    {"［", "］"},
    {"﹝", "﹞"},
    {"〖", "〗"},
}};

std::optional<DocNumber> read_doc_number(std::string_view text) {
  for (const auto& [open, close] : k_brackets) {
    const std::size_t at = text.find(open);
    if (at == std::string_view::npos || at == 0) {
      continue;
    }
    DocNumber out;
    out.prefix = std::string(text.substr(0, at));
    std::string_view rest = text.substr(at + open.size());
    if (rest.size() < 4 || !std::all_of(rest.begin(), rest.begin() + 4, is_ascii_digit)) {
      continue;
    }
    out.year = std::string(rest.substr(0, 4));
    rest.remove_prefix(4);
    if (!take(rest, close)) {
      continue;
    }
    const bool ordinal = take(rest, "第");
    std::size_t digits = 0;
    while (digits < rest.size() && is_ascii_digit(rest[digits])) {
      ++digits;
    }
    if (digits == 0 || rest.substr(digits) != "号") {
      continue;
    }
    std::string_view serial = rest.substr(0, digits);
    while (serial.size() > 1 && serial.front() == '0') {
      serial.remove_prefix(1);
    }
    out.serial = std::string(serial);
    out.canonical = open == "〔" && !ordinal && serial.size() == digits;
    return out;
  }
  return std::nullopt;
}

struct Document {
  const model::OfficialParts& parts;
  util::Date date;
  util::Mark date_mark; // where the document's date is written (or defaulted from)
  util::Mark mark;      // the document's mapping
  std::string where;    // `"plan"`, `"report"`
  std::string where_zh;
};

void check_parts(CheckContext& ctx, const Document& doc) {
  const model::OfficialParts& parts = doc.parts;
  if (parts.doc_number) {
    const std::string& value = parts.doc_number->value;
    const std::optional<DocNumber> number = read_doc_number(value);
    if (!number) {
      ctx.add(parts.doc_number->mark, "doc-number", {{"value", excerpt(value, 40)}});
    } else if (!number->canonical) {
      ctx.add(parts.doc_number->mark, "doc-number.fix",
              {{"value", excerpt(value, 40)},
               {"fix", number->prefix + "〔" + number->year + "〕" + number->serial + "号"}});
    }
    if (number && util::is_valid(doc.date) && number->year != std::to_string(doc.date.year)) {
      ctx.add(parts.doc_number->mark, "doc-number-year",
              {{"value", excerpt(value, 40)},
               {"year", number->year},
               {"date", util::to_iso(doc.date)},
               {"line", line_of(known_or(doc.date_mark, doc.mark))}});
    }
  }
  if (parts.signer && !parts.doc_number) {
    ctx.add(known_or(parts.signer->key, parts.signer->mark), "signer-needs-doc-number",
            {{"where", doc.where}, {"where_zh", doc.where_zh}});
  }
  if (parts.printed_date && util::is_valid(parts.printed_date->value) && util::is_valid(doc.date) &&
      parts.printed_date->value < doc.date) {
    ctx.add(parts.printed_date->mark, "printed-date-before-date",
            {{"printed", util::to_iso(parts.printed_date->value)},
             {"date", util::to_iso(doc.date)},
             {"line", line_of(known_or(doc.date_mark, doc.mark))}});
  }
}

// The report's date as layout::report_date decides it, with the place it comes from.
std::pair<util::Date, util::Mark> report_date(const model::PlanFile& file) {
  if (file.report && file.report->date) {
    return {file.report->date->value, file.report->date->mark};
  }
  const model::Activity* latest = nullptr;
  for (const model::Activity& a : file.activities) {
    if (!latest || latest->date.value < a.date.value) {
      latest = &a;
    }
  }
  if (latest) {
    return {latest->date.value, latest->date.mark};
  }
  return {file.plan.date.value, file.plan.date.mark};
}

bool has_task(const std::vector<model::Item>& items) {
  bool found = false;
  for_each_item(items,
                [&](const model::Item& item, std::size_t) { found = found || item.is_task; });
  return found;
}

void check_attachment_content(CheckContext& ctx) {
  const model::Plan& plan = ctx.plan().plan;
  if (has_task(plan.sections)) {
    return;
  }
  for (std::size_t i = 0; i < plan.attachments.size() && i < plan.attachment_content.size(); ++i) {
    if (const auto& content = plan.attachment_content[i]) {
      ctx.add(content->mark, "attachment-no-tasks",
              {{"title", excerpt(plan.attachments[i].value, 40)}});
    }
  }
}

} // namespace

void check_official(CheckContext& ctx) {
  const model::PlanFile& file = ctx.plan();
  check_parts(ctx, Document{file.plan.official, file.plan.date.value, file.plan.date.mark,
                            file.plan.mark, "\"plan\"", "“plan”"});
  if (file.report) {
    const auto [date, date_mark] = report_date(file);
    check_parts(ctx, Document{file.report->official, date, date_mark, file.report->mark,
                              "\"report\"", "“report”"});
  }
  check_attachment_content(ctx);
}

} // namespace planctl::check
