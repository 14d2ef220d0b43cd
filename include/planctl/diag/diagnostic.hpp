// Findings about a plan file: what is wrong, where, and how to fix it, in English or Chinese.
#pragma once

#include <planctl/util/mark.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace planctl::diag {

enum class Severity { error, warning };

// The language messages are written in.
enum class Lang { en, zh };

// The most characters of a value from the file that a message quotes: a key, a reference, a
// title. Longer values are cut (cut_value()), so that one finding stays one short line
// whatever the file holds.
inline constexpr std::size_t k_quote_chars = 40;

// The most characters of an argument that planctl builds itself (a list of lines, ids or
// known keys, a place such as `the item on line 3`).
inline constexpr std::size_t k_list_chars = 240;

// The most findings a command lists for one file (DiagnosticList::limit). With values cut and
// source lines shown as short windows within a budget, that keeps one file's findings within
// `k_findings_bytes` in every format (docs/security.md); the rules' own caps (100 each) still
// apply first.
inline constexpr std::size_t k_listed_per_file = 200;
inline constexpr std::size_t k_findings_bytes = 256 * 1024;

// `value` cut after `max_chars` characters and ended with `…` when it is longer; ill-formed
// UTF-8 bytes count one character each and are never split.
std::string cut_value(std::string_view value, std::size_t max_chars = k_quote_chars);

// A second place that explains a finding, such as the anchor of a value used through an alias.
struct Note {
  util::Mark mark;
  std::string message_id; // key into the message table, like a finding's
  std::vector<std::pair<std::string, std::string>> args;

  // The note in `lang`, with the arguments substituted.
  std::string text(Lang lang = Lang::en) const;
};

// One finding. The text is not stored: it is produced from the message table (messages.hpp)
// in the language asked for, so that rule ids and arguments stay the same in both languages.
struct Diagnostic {
  std::string file; // the path as given by the user
  util::Mark mark;  // the offending key or value; line 0 for the whole file
  Severity severity = Severity::error;
  std::string message_id; // key into the message table, e.g. `unknown-key.suggest`
  std::vector<std::pair<std::string, std::string>> args; // named values for the message
  std::vector<Note> notes; // shown after the finding, each at its own place

  // The rule id (`unknown-key`): the message id up to its first `.`.
  std::string rule() const;
  // The message in `lang`, with the arguments substituted.
  std::string text(Lang lang = Lang::en) const;
};

// An ordered collection of findings with the counts a command needs.
class DiagnosticList {
public:
  // Appends a finding of message `message_id` at `mark` in `file`; the severity comes from the
  // message table. Each argument is cut with cut_value(): at `k_list_chars` for the lists and
  // places planctl writes itself, at `k_quote_chars` for everything else.
  Diagnostic& add(std::string file, util::Mark mark, std::string_view message_id,
                  std::vector<std::pair<std::string, std::string>> args = {});
  void append(const DiagnosticList& other);

  // Makes every finding added later at `use` in `file` carry a note that the value there is the
  // one anchored as `name` at `anchor`: an alias is reported where it is used, and the reader
  // is shown where to change the value.
  void add_alias_use(std::string_view file, util::Mark use, util::Mark anchor, std::string name);

  const std::vector<Diagnostic>& items() const { return m_items; }
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }
  bool empty() const { return m_items.empty(); }

  // Sorts by file, line, column, keeping insertion order among equals.
  void sort();

  // Keeps the first `max` findings and replaces the others with one `too-many-findings.file`
  // note; when only the left-out findings hold an error, the first of them is kept in place
  // of the last kept one, so that the list fails exactly when the whole one did.
  void limit(std::size_t max);

private:
  struct AliasUse {
    util::Mark anchor;
    std::string name;
  };
  std::vector<Diagnostic> m_items;
  // The alias uses of one file (the loader fills a list per file), keyed by line and column.
  std::string m_alias_file;
  std::unordered_map<std::uint64_t, AliasUse> m_alias_uses;
};

} // namespace planctl::diag
