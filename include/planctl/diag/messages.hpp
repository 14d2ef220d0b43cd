// The table of every diagnostic message: id, severity, English and Chinese text.
#pragma once

#include <planctl/diag/diagnostic.hpp>

#include <span>
#include <string_view>

namespace planctl::diag {

// One message. Templates name their arguments in braces (`unknown key "{key}"`); a message id
// is `RULE` or `RULE.VARIANT`, and every variant of a rule shares its rule id.
struct MessageDef {
  std::string_view id;
  Severity severity;
  std::string_view en;
  std::string_view zh;
};

// One rule: its id and a one-line description for docs and `planctl rules`.
struct RuleDef {
  std::string_view id;
  Severity severity;
  std::string_view description;
};

// Every message, in table order.
std::span<const MessageDef> all_messages();

// Every rule, in table order.
std::span<const RuleDef> all_rules();

// The message with `id`, or nullptr.
const MessageDef* find_message(std::string_view id);

} // namespace planctl::diag
