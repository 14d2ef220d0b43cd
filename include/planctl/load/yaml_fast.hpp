// The fast path of the YAML front end: libyaml's event parser (about seven times as fast as
// yaml-cpp's) feeds the same tree builder (yaml_tree_builder.hpp) for the files that need no
// finding at all, which is nearly every file a district checks. yaml-cpp stays the parser that
// decides what a valid file is: the fast path gives a file back to it in the cases of
// fast_declines(), one table.
#pragma once

#include <planctl/load/source_text.hpp>
#include <planctl/load/yaml_document.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace planctl::load {

// Why the fast path gives a file back to yaml-cpp's path; each has one row of fast_declines()
// and one test (tests/unit/load/test_load_yaml_fast.cpp).
enum class FastDecline : std::uint8_t {
  // The file needs a finding, which yaml-cpp's path reports.
  libyaml_error,
  empty_document,
  second_document,
  directive,
  tag,
  anchor,
  alias,
  text_too_long,
  control_escape,
  too_deep,
  too_many_nodes,
  duplicate_key,
  merge_key,
  empty_key,
  container_key,
  // libyaml (YAML 1.1) and yaml-cpp (YAML 1.2) read the file differently; yaml-cpp decides.
  disputed_break,
  blank_last_line,
  flow_plain_indicator,
  flow_plain_break,
  block_scalar_column,
  quoted_trailing_break,
  long_key,
  flow_pair,
  // Events that do not make one tree; libyaml never sends them for one document.
  unexpected_event,
};

// One case in which the fast path declines: its reason, a name for tests and what it is.
struct FastDeclineRow {
  FastDecline reason;
  std::string_view name;
  std::string_view what;
};

// Every case in which the fast path declines, in the order of FastDecline.
std::span<const FastDeclineRow> fast_declines();

// What the fast path made of a file: the document, or why it declined.
struct FastParse {
  std::optional<YamlDocument> document;
  FastDecline declined = FastDecline::unexpected_event; // only without a document
};

// The document parse_yaml() would build from `text` (indexed by `lines`) when parsing it
// reports nothing; otherwise the case of fast_declines() that sent it back to yaml-cpp.
FastParse parse_yaml_fast_or_decline(std::string_view text, const LineIndex& lines,
                                     const YamlLimits& limits = {});

// parse_yaml_fast_or_decline()'s document, or std::nullopt when it declines.
std::optional<YamlDocument> parse_yaml_fast(std::string_view text, const LineIndex& lines,
                                            const YamlLimits& limits = {});

} // namespace planctl::load
