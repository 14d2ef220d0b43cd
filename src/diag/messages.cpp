#include <planctl/diag/messages.hpp>

#include <algorithm>
#include <array>

namespace planctl::diag {

namespace {

using enum Severity;

// Each pipeline stage keeps its own messages in its own .inc file so the table stays one list
// without every change touching one file: messages_load.inc (reading the file and the schema),
// messages_check.inc (semantic rules and lint), messages_app.inc (command-level findings).
constexpr MessageDef k_messages[] = {
// The order of the stages is the order of the table, so include sorting stays off.
// clang-format off
#include "messages_load.inc"
#include "messages_check.inc"
#include "messages_app.inc"
    // clang-format on
};

constexpr RuleDef k_rules[] = {
// The order of the stages is the order of the table, so include sorting stays off.
// clang-format off
#include "rules_load.inc"
#include "rules_check.inc"
#include "rules_app.inc"
    // clang-format on
};

} // namespace

std::span<const MessageDef> all_messages() {
  return k_messages;
}

std::span<const RuleDef> all_rules() {
  return k_rules;
}

const MessageDef* find_message(std::string_view id) {
  for (const MessageDef& m : k_messages) {
    if (m.id == id) {
      return &m;
    }
  }
  return nullptr;
}

} // namespace planctl::diag
