// The YAML front end: a compact, read-only tree of one YAML document built from yaml-cpp's
// event parser, with the position of every node. Everything after parsing (the schema check,
// the model) reads only this tree.
#pragma once

#include <planctl/load/reporter.hpp>
#include <planctl/util/mark.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace planctl::load {

// The nesting, alias and text-length limits of plan-format.md "Reading the file".
struct YamlLimits {
  int max_depth = 64;                     // the top mapping is level 1
  std::uint64_t max_alias_nodes = 100000; // nodes reached through aliases, counted expanded
  // Nodes as written (scalars, lists, mappings; a key is a scalar). Every node becomes up to a
  // few hundred bytes of model and of workbook cells, so a 16 MiB file of one-word nodes cost
  // gigabytes: docs/security.md, "Limits".
  std::uint64_t max_nodes = 500000;
  // The document with every alias written out (the file's bytes plus, per alias, the bytes of
  // the texts and one per node it carries) may be at most `alias_multiple` times the file plus
  // `alias_allowance`, and never more than `max_expanded_bytes` (limit-size's 16 MiB):
  // docs/security.md, "Aliases".
  std::uint64_t max_expanded_bytes = std::uint64_t{16} * 1024 * 1024;
  std::uint64_t alias_multiple = 10;
  std::uint64_t alias_allowance = std::uint64_t{1024} * 1024;
  std::size_t max_text = 10000;      // characters of one scalar
  std::size_t max_long_text = 50000; // characters of a scalar under a `text` key
};

using NodeId = std::uint32_t;

enum class NodeKind : std::uint8_t { null, scalar, sequence, mapping };

// One node. Aliases are resolved while parsing: an alias is a node of its own, placed where the
// alias is written, that shares the anchored node's text or children (nothing is copied), so
// findings point at the use; the tree never has a cycle.
struct YamlNode {
  NodeKind kind = NodeKind::null;
  bool plain = false;       // a scalar written without quotes or `|`/`>` (typed by YAML 1.2 core)
  util::Mark mark;          // 1-based line and character column of the node
  std::uint32_t offset = 0; // byte offset of the node in the parsed text
  std::uint32_t first = 0;  // scalar: start in the string arena; container: start in child list
  std::uint32_t size = 0;   // scalar: bytes; sequence: entries; mapping: 2 × pairs (key, value)
};

// One parsed YAML document. Mapping keys are always scalars and unique: duplicate keys, merge
// keys and keys that are not texts were reported and left out.
class YamlDocument {
public:
  // Whether the document has a top node (an empty file has none).
  bool has_root() const { return !m_nodes.empty(); }
  // The top node; only when has_root().
  NodeId root() const { return 0; }

  const YamlNode& node(NodeId id) const { return m_nodes[id]; }
  std::size_t node_count() const { return m_nodes.size(); }

  // The value of scalar `id` (empty for other nodes).
  std::string_view scalar(NodeId id) const;

  // The children of a sequence, or the alternating keys and values of a mapping.
  std::span<const NodeId> children(NodeId id) const;

  // The number of pairs of a mapping or entries of a sequence.
  std::size_t entry_count(NodeId id) const;

  // The value under `key` in mapping `map`, or std::nullopt.
  std::optional<NodeId> find(NodeId map, std::string_view key) const;

  // The key node under which `key` appears in mapping `map`, or std::nullopt.
  std::optional<NodeId> find_key(NodeId map, std::string_view key) const;

  // The size of the document with every alias written out, as limit-aliases measures it: the
  // file's bytes plus, for each alias, the bytes of the texts and one per node it carries.
  std::uint64_t written_size() const { return m_written_size; }

private:
  friend class YamlTreeBuilder;
  std::vector<YamlNode> m_nodes;
  std::vector<NodeId> m_children;
  std::string m_strings;
  std::uint64_t m_written_size = 0;
};

// The outcome of parsing: the document when it can be used to build a plan.
struct ParsedYaml {
  std::optional<YamlDocument> document; // absent after a syntax error or an exceeded limit
};

// Parses `text` (already through check_source) as one YAML document, reporting syntax errors,
// exceeded limits (nesting, texts, what aliases carry), aliases to their own enclosing node,
// control characters written as escapes, duplicate keys, merge keys, non-core tags, keys that are
// not texts and further documents.
ParsedYaml parse_yaml(std::string_view text, Reporter& report, const YamlLimits& limits = {});

// parse_yaml() through yaml-cpp alone, without the libyaml fast path (yaml_fast.hpp) that
// parse_yaml() tries first; for tests that compare the two.
ParsedYaml parse_yaml_with_yaml_cpp(std::string_view text, Reporter& report,
                                    const YamlLimits& limits = {});

// Whether a plain scalar is null under the YAML 1.2 core schema (``, `~`, `null`, `Null`, `NULL`).
bool is_core_null(std::string_view plain);

// Whether `rest` (the text from a node's position on) starts with a written null: `~`, `null`,
// `Null` or `NULL` as a whole plain scalar, not the start of a longer one such as `nullx` or
// `null x`; a `,` `]` or `}` ends it only `in_flow` (in `[ ]` or `{ }`), elsewhere `NULL, x` is
// one text.
bool starts_with_written_null(std::string_view rest, bool in_flow);

} // namespace planctl::load
