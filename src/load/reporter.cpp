#include <planctl/diag/messages.hpp>
#include <planctl/load/reporter.hpp>

namespace planctl::load {

Reporter::Reporter(std::string file, diag::DiagnosticList& out, std::size_t cap)
    : m_file(std::move(file)), m_out(out), m_cap(cap) {}

void Reporter::add(util::Mark mark, std::string_view message_id, Args args) {
  const std::string_view rule = message_id.substr(0, message_id.find('.'));
  auto it = m_per_rule.find(rule);
  if (it == m_per_rule.end()) {
    // Rules have one severity for all their messages; look it up once per rule.
    const diag::MessageDef* def = diag::find_message(message_id);
    it = m_per_rule
             .emplace(std::string(rule),
                      RuleCount{0, !def || def->severity == diag::Severity::error})
             .first;
  }
  if (it->second.error) {
    ++m_errors;
  }
  if (++it->second.count > m_cap) {
    return;
  }
  m_out.add(m_file, mark, message_id, std::move(args));
}

bool Reporter::capped(std::string_view rule) const {
  const auto it = m_per_rule.find(rule);
  return it != m_per_rule.end() && it->second.count >= m_cap;
}

void Reporter::finish() {
  for (const auto& [rule, counted] : m_per_rule) {
    const std::size_t count = counted.count;
    if (count > m_cap) {
      // The note has no position: it is about the file as a whole.
      m_out.add(m_file, util::Mark{}, "too-many-findings",
                {{"count", std::to_string(count - m_cap)}, {"rule", rule}});
    }
  }
  m_per_rule.clear();
}

} // namespace planctl::load
