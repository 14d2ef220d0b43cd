// Adding the loader's findings to a diagnostic list with a cap per rule, so that a hostile file
// (a million duplicate keys or control characters) cannot make the report itself huge.
#pragma once

#include <planctl/diag/diagnostic.hpp>
#include <planctl/util/mark.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planctl::load {

// Named values for a message template (see diag::DiagnosticList::add).
using Args = std::vector<std::pair<std::string, std::string>>;

// Appends findings about one file to a DiagnosticList, keeping at most `cap` per rule.
class Reporter {
public:
  // Reports into `out` for the file shown as `file`, keeping at most `cap` findings per rule.
  Reporter(std::string file, diag::DiagnosticList& out, std::size_t cap = 100);

  // Adds message `message_id` at `mark` with `args` unless its rule already reached the cap.
  void add(util::Mark mark, std::string_view message_id, Args args = {});

  // Makes later findings at `use` (an alias) carry a note naming the anchor `name` at `anchor`.
  void alias_use(util::Mark use, util::Mark anchor, std::string name) {
    m_out.add_alias_use(m_file, use, anchor, std::move(name));
  }

  // Whether `rule` already reached the cap, so that a hot loop can skip building arguments;
  // call add() anyway to keep the count.
  bool capped(std::string_view rule) const;

  // Adds one `too-many-findings` note for every rule whose findings were cut at the cap.
  void finish();

  // The number of errors added so far (capped findings count too).
  std::size_t error_count() const { return m_errors; }

  // The file name used in every finding.
  const std::string& file() const { return m_file; }

private:
  std::string m_file;
  diag::DiagnosticList& m_out;
  std::size_t m_cap;
  std::size_t m_errors = 0;
  struct RuleCount {
    std::size_t count = 0;
    bool error = true;
  };
  std::map<std::string, RuleCount, std::less<>> m_per_rule;
};

} // namespace planctl::load
