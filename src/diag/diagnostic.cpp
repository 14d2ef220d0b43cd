#include <planctl/diag/diagnostic.hpp>
#include <planctl/diag/messages.hpp>
#include <planctl/util/utf8.hpp>

#include <fmt/args.h>
#include <fmt/format.h>

#include <algorithm>

namespace planctl::diag {

namespace {

// Arguments that planctl builds itself (lists, places, reasons) rather than values copied from
// the file: they get the longer cut.
bool is_list_argument(std::string_view name) {
  static constexpr std::string_view k_names[] = {
      "lines", "lines_zh", "ids",   "ids_zh",   "known",  "styles",    "expected", "expected_zh",
      "what",  "what_zh",  "where", "where_zh", "actual", "actual_zh", "reason"};
  return std::find(std::begin(k_names), std::end(k_names), name) != std::end(k_names);
}

} // namespace

std::string cut_value(std::string_view value, std::size_t max_chars) {
  if (value.size() <= max_chars) {
    return std::string(value); // no more bytes than characters allowed
  }
  std::size_t pos = 0;
  for (std::size_t chars = 0; chars < max_chars && pos < value.size(); ++chars) {
    util::next_code_point(value, pos);
  }
  if (pos >= value.size()) {
    return std::string(value);
  }
  return std::string(value.substr(0, pos)) + "…";
}

std::string Diagnostic::rule() const {
  return message_id.substr(0, message_id.find('.'));
}

namespace {

std::string message_text(std::string_view message_id,
                         const std::vector<std::pair<std::string, std::string>>& args, Lang lang) {
  const MessageDef* def = find_message(message_id);
  if (!def) {
    return std::string(message_id);
  }
  std::string_view tmpl = lang == Lang::zh && !def->zh.empty() ? def->zh : def->en;
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const auto& [name, value] : args) {
    store.push_back(fmt::arg(name.c_str(), value));
  }
  try {
    return fmt::vformat(tmpl, store);
  } catch (const fmt::format_error&) {
    // A template naming an argument the caller did not pass is a bug in planctl; show the
    // template rather than lose the finding.
    return std::string(tmpl);
  }
}

std::uint64_t mark_key(util::Mark mark) {
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(mark.line)) << 32) |
         static_cast<std::uint32_t>(mark.column);
}

} // namespace

std::string Note::text(Lang lang) const {
  return message_text(message_id, args, lang);
}

std::string Diagnostic::text(Lang lang) const {
  return message_text(message_id, args, lang);
}

Diagnostic& DiagnosticList::add(std::string file, util::Mark mark, std::string_view message_id,
                                std::vector<std::pair<std::string, std::string>> args) {
  const MessageDef* def = find_message(message_id);
  Diagnostic d;
  d.file = std::move(file);
  d.mark = mark;
  d.severity = def ? def->severity : Severity::error;
  d.message_id = std::string(message_id);
  d.args = std::move(args);
  for (auto& [name, value] : d.args) {
    const std::size_t max_chars = is_list_argument(name) ? k_list_chars : k_quote_chars;
    if (value.size() > max_chars) {
      value = cut_value(value, max_chars);
    }
  }
  if (!m_alias_uses.empty() && mark.known() && d.file == m_alias_file) {
    if (const auto it = m_alias_uses.find(mark_key(mark)); it != m_alias_uses.end()) {
      d.notes.push_back(
          Note{it->second.anchor, "alias-origin", {{"name", cut_value(it->second.name)}}});
    }
  }
  m_items.push_back(std::move(d));
  return m_items.back();
}

void DiagnosticList::append(const DiagnosticList& other) {
  m_items.insert(m_items.end(), other.m_items.begin(), other.m_items.end());
}

void DiagnosticList::add_alias_use(std::string_view file, util::Mark use, util::Mark anchor,
                                   std::string name) {
  if (m_alias_uses.empty()) {
    m_alias_file = std::string(file);
  } else if (file != m_alias_file) {
    return; // one file per list while loading; a merged list keeps the notes already made
  }
  m_alias_uses.insert_or_assign(mark_key(use), AliasUse{anchor, std::move(name)});
}

std::size_t DiagnosticList::error_count() const {
  return std::count_if(m_items.begin(), m_items.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::size_t DiagnosticList::warning_count() const {
  return m_items.size() - error_count();
}

void DiagnosticList::sort() {
  std::stable_sort(m_items.begin(), m_items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.file != b.file) {
      return a.file < b.file;
    }
    if (a.mark.line != b.mark.line) {
      return a.mark.line < b.mark.line;
    }
    return a.mark.column < b.mark.column;
  });
}

} // namespace planctl::diag

namespace planctl::diag {

void DiagnosticList::limit(std::size_t max) {
  if (m_items.size() <= max || max == 0) {
    return;
  }
  const auto is_error = [](const Diagnostic& d) { return d.severity == Severity::error; };
  const auto kept_end = m_items.begin() + static_cast<std::ptrdiff_t>(max);
  if (std::none_of(m_items.begin(), kept_end, is_error)) {
    const auto error = std::find_if(kept_end, m_items.end(), is_error);
    if (error != m_items.end()) {
      *(kept_end - 1) = std::move(*error);
    }
  }
  const std::size_t left_out = m_items.size() - max;
  std::string file = m_items[max].file;
  m_items.resize(max);
  add(std::move(file), util::Mark{}, "too-many-findings.file",
      {{"count", std::to_string(left_out)}});
}

} // namespace planctl::diag
