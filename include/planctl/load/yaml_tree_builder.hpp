// The one builder of a YamlDocument, fed by both parsers of the YAML front end (yaml-cpp's
// events in yaml_document.cpp, libyaml's in yaml_fast.cpp): where each node sits, what an
// alias shares and carries, the limits, and the findings about keys and texts are decided here
// once. With a Reporter it reports a finding and goes on, as parse_yaml() promises; without one
// (the fast path) the first finding gives the file back to yaml-cpp's path.
#pragma once

#include <planctl/load/reporter.hpp>
#include <planctl/load/source_text.hpp>
#include <planctl/load/yaml_document.hpp>
#include <planctl/load/yaml_fast.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace planctl::load {

// Thrown by the builder to stop parsing; `keep` says whether the tree built so far is a
// complete document that can still be used.
struct StopParsing {
  bool keep = false;
};

// Thrown by a builder without a reporter at its first finding: the fast path declines.
struct FastDeclined {
  FastDecline reason;
};

// Builds one YamlDocument from parser events given in document order, with positions already
// converted (1-based line and character column, byte offset).
class YamlTreeBuilder {
public:
  // Anchors are numbered from 1 by the parser; 0 is no anchor.
  using Anchor = std::size_t;

  // Builds into `doc` from `text` (indexed by `lines`) under `limits`, reporting to `report`,
  // or declining at the first finding when `report` is null.
  YamlTreeBuilder(YamlDocument& doc, std::string_view text, const LineIndex& lines,
                  const YamlLimits& limits, Reporter* report);

  // Room for the nodes of a document of `bytes` bytes.
  void reserve(std::size_t bytes);

  // A null value the parser placed at byte `offset`: a written `~` or `null` stays there, an
  // empty value moves to its key or to the `-` of its list entry.
  void null_value(std::uint32_t offset, Anchor anchor);

  // A text `value` at `mark`, written plain (typed by YAML 1.2 core) or not.
  void scalar(util::Mark mark, std::uint32_t offset, std::string_view value, bool plain,
              Anchor anchor);

  // The start of a list or mapping at `mark`, written in `[ ]` or `{ }` when `flow`.
  void open(NodeKind kind, util::Mark mark, std::uint32_t offset, Anchor anchor, bool flow);

  // The end of the innermost open list or mapping.
  void close();

  // An alias of `anchor` written at `mark`; `name` is the alias as written (`*t`).
  void alias(util::Mark mark, std::uint32_t offset, Anchor anchor, std::string_view name);

  // Whether nothing seen so far forbids building a plan from the tree.
  bool usable() const { return m_usable; }

  // Whether every list and mapping opened was closed.
  bool closed() const { return m_stack.empty(); }

  // Records what the document measures with its aliases written out; call once at the end.
  void finish();

private:
  struct Frame {
    NodeId node;
    std::size_t pending_start;
    bool is_map;
    bool flow; // in `[ ]` or `{ }`, itself or a container around it
    Anchor anchor;
    std::uint64_t nodes; // nodes below, with aliases counted at their expanded size
    std::uint64_t bytes; // text bytes and one per node below, aliases expanded likewise
  };

  void report(FastDecline reason, util::Mark mark, std::string_view message_id, Args args = {});
  bool is_value_position() const;
  NodeId add_node(NodeKind kind, util::Mark mark, std::uint32_t offset);
  void add_leaf(NodeId id, Anchor anchor);
  void remember_anchor(Anchor anchor, NodeId id, std::uint64_t nodes, std::uint64_t bytes);
  std::uint32_t indicator_before(std::uint32_t offset) const;
  bool check_length(util::Mark where, std::string_view value);
  void check_control_characters(util::Mark where, std::string_view value);
  void append_map_entries(std::size_t start);

  YamlDocument& m_doc;
  std::string_view m_text;
  const LineIndex& m_lines;
  // A copy: the limits are a few numbers, and a reference to a temporary (`YamlLimits{}`) would
  // dangle once the constructor returns.
  const YamlLimits m_limits;
  Reporter* m_report;
  std::vector<Frame> m_stack;
  std::vector<NodeId> m_pending;
  struct AnchorInfo {
    NodeId node = 0;
    std::uint64_t nodes = 0; // what an alias of it adds to limit-aliases' node count
    std::uint64_t bytes = 0; // ... and to the document written out
    bool open = false;
  };
  std::vector<AnchorInfo> m_anchors;
  std::uint64_t m_alias_nodes = 0;
  std::uint64_t m_written_bytes;       // the file, plus what every alias so far carries
  const std::uint64_t m_allowed_bytes; // YamlLimits: the multiple of the file, or 16 MiB
  bool m_usable = true;
};

} // namespace planctl::load
