#include <planctl/diag/messages.hpp>
#include <planctl/load/reporter.hpp>

namespace planctl::load {

Reporter::Reporter(std::string file, diag::DiagnosticList& out, std::size_t cap)
    : m_file(std::move(file)), m_out(out), m_cap(cap) {}

void Reporter::add(util::Mark mark, std::string_view message_id, Args args) {
  const std::string_view rule = message_id.substr(0, message_id.find('.'));
  const diag::MessageDef* def = diag::find_message(message_id);
  if (!def || def->severity == diag::Severity::error) {
    ++m_errors;
  }
  auto it = m_per_rule.find(rule);
  if (it == m_per_rule.end()) {
    it = m_per_rule.emplace(std::string(rule), 0).first;
  }
  if (++it->second > m_cap) {
    return;
  }
  m_out.add(m_file, mark, message_id, std::move(args));
}

void Reporter::finish() {
  for (const auto& [rule, count] : m_per_rule) {
    if (count > m_cap) {
      // The note has no position: it is about the file as a whole.
      m_out.add(m_file, util::Mark{}, "too-many-findings",
                {{"count", std::to_string(count - m_cap)}, {"rule", rule}});
    }
  }
  m_per_rule.clear();
}

} // namespace planctl::load
