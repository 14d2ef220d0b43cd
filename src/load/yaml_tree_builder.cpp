#include <planctl/load/yaml_tree_builder.hpp>
#include <planctl/util/utf8.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>

namespace planctl::load {

namespace {

std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) {
  const std::uint64_t sum = a + b;
  return sum < a ? UINT64_MAX : sum;
}

std::uint64_t saturating_mul(std::uint64_t a, std::uint64_t b) {
  return b != 0 && a > UINT64_MAX / b ? UINT64_MAX : a * b;
}

// A size for a message: KiB below one MiB, MiB above, one decimal.
std::string size_words(std::uint64_t bytes) {
  const double d = static_cast<double>(bytes);
  return bytes < 1024 * 1024 ? fmt::format("{:.1f} KiB", d / 1024)
                             : fmt::format("{:.1f} MiB", d / (1024 * 1024));
}

} // namespace

YamlTreeBuilder::YamlTreeBuilder(YamlDocument& doc, std::string_view text, const LineIndex& lines,
                                 const YamlLimits& limits, Reporter* report)
    : m_doc(doc), m_text(text), m_lines(lines), m_limits(limits), m_report(report),
      m_written_bytes(text.size()),
      m_allowed_bytes(std::min(limits.max_expanded_bytes,
                               saturating_add(saturating_mul(text.size(), limits.alias_multiple),
                                              limits.alias_allowance))) {}

void YamlTreeBuilder::reserve(std::size_t bytes) {
  // Plan files hold about one node per 25 bytes, so the vectors rarely grow (each growth copies
  // all nodes). The texts get room for all of the file: pages never written are never
  // resident, while growing past the reserve held both copies at once.
  m_doc.m_nodes.reserve(bytes / 24 + 16);
  m_doc.m_children.reserve(bytes / 24 + 16);
  m_doc.m_strings.reserve(bytes + 16);
}

void YamlTreeBuilder::finish() {
  m_doc.m_written_size = m_written_bytes;
}

void YamlTreeBuilder::report(FastDecline reason, util::Mark mark, std::string_view message_id,
                             Args args) {
  if (m_report == nullptr) {
    throw FastDeclined{reason};
  }
  m_report->add(mark, message_id, std::move(args));
}

bool YamlTreeBuilder::is_value_position() const {
  return !m_stack.empty() && m_stack.back().is_map &&
         (m_pending.size() - m_stack.back().pending_start) % 2 == 1;
}

NodeId YamlTreeBuilder::add_node(NodeKind kind, util::Mark mark, std::uint32_t offset) {
  // A second top-level node: yaml-cpp reports the text after the end first, libyaml never
  // sends one in a single document.
  if (m_doc.m_nodes.size() >= UINT32_MAX - 1 || (m_stack.empty() && !m_doc.m_nodes.empty())) {
    throw StopParsing{false};
  }
  if (m_doc.m_nodes.size() >= m_limits.max_nodes) {
    report(FastDecline::too_many_nodes, mark, "limit-nodes",
           {{"limit", fmt::format("{}", m_limits.max_nodes)}});
    throw StopParsing{false};
  }
  YamlNode n;
  n.kind = kind;
  n.mark = mark;
  n.offset = offset;
  m_doc.m_nodes.push_back(n);
  return static_cast<NodeId>(m_doc.m_nodes.size() - 1);
}

void YamlTreeBuilder::add_leaf(NodeId id, Anchor anchor) {
  // A text written out again costs its bytes, a node at least one byte (`~`, a separator).
  const YamlNode& n = m_doc.m_nodes[id];
  const std::uint64_t bytes = (n.kind == NodeKind::scalar ? n.size : 0) + std::uint64_t{1};
  if (anchor != 0) {
    remember_anchor(anchor, id, 1, bytes);
  }
  if (!m_stack.empty()) {
    m_pending.push_back(id);
    m_stack.back().nodes = saturating_add(m_stack.back().nodes, 1);
    m_stack.back().bytes = saturating_add(m_stack.back().bytes, bytes);
  }
}

void YamlTreeBuilder::remember_anchor(Anchor anchor, NodeId id, std::uint64_t nodes,
                                      std::uint64_t bytes) {
  if (anchor >= m_anchors.size()) {
    m_anchors.resize(anchor + 1);
  }
  m_anchors[anchor] = AnchorInfo{id, nodes, bytes, false};
}

// The offset of the `-`, `,` or `[` that introduced an empty list entry ending at `offset`:
// the last character before it that is neither white space nor part of a comment.
std::uint32_t YamlTreeBuilder::indicator_before(std::uint32_t offset) const {
  const util::Mark here = m_lines.mark_at(offset);
  int line = here.line;
  std::size_t end = offset - m_lines.line_start(line);
  for (int guard = 0; line >= 1 && guard < 1000; ++guard) {
    std::string_view s = m_lines.line_text(line).substr(0, end);
    if (const std::size_t hash = s.find(" #"); hash != std::string_view::npos) {
      s = s.substr(0, hash);
    }
    if (!s.empty() && s.front() == '#') {
      s = {};
    }
    const std::size_t last = s.find_last_not_of(" \t");
    if (last != std::string_view::npos) {
      return static_cast<std::uint32_t>(m_lines.line_start(line) + last);
    }
    --line;
    end = std::string_view::npos;
  }
  return offset;
}

void YamlTreeBuilder::null_value(std::uint32_t offset, Anchor anchor) {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(m_text.size()));
  util::Mark where = m_lines.mark_at(offset);
  // A `nullx` key on the next line is not a written null, nor `NULL, x` outside `[ ]` and
  // `{ }` (both found by fuzz/fuzz_yaml_diff).
  const bool in_flow = !m_stack.empty() && m_stack.back().flow;
  if (!starts_with_written_null(m_text.substr(offset), in_flow)) {
    // Parsers give an empty value the position of the next token, often on a later line; the
    // key (or the `-` of a list entry) is where the author wrote nothing.
    if (is_value_position()) {
      const YamlNode& key = m_doc.m_nodes[m_pending.back()];
      where = key.mark;
      offset = key.offset;
    } else if (!m_stack.empty() && !m_stack.back().is_map) {
      offset = indicator_before(offset);
      where = m_lines.mark_at(offset);
    }
  }
  add_leaf(add_node(NodeKind::null, where, offset), anchor);
}

void YamlTreeBuilder::scalar(util::Mark mark, std::uint32_t offset, std::string_view value,
                             bool plain, Anchor anchor) {
  const NodeId id = add_node(NodeKind::scalar, mark, offset);
  if (!check_length(mark, value)) {
    value = {};
  }
  check_control_characters(mark, value);
  YamlNode& n = m_doc.m_nodes[id];
  n.plain = plain;
  n.first = static_cast<std::uint32_t>(m_doc.m_strings.size());
  n.size = static_cast<std::uint32_t>(value.size());
  m_doc.m_strings.append(value);
  add_leaf(id, anchor);
}

// Reports a scalar longer than the limit; returns false when it is too long to keep.
bool YamlTreeBuilder::check_length(util::Mark where, std::string_view value) {
  std::size_t limit = m_limits.max_text;
  if (is_value_position() && m_doc.scalar(m_pending.back()) == "text") {
    limit = m_limits.max_long_text;
  }
  // A UTF-8 text has at most as many characters as bytes, so most texts need no count.
  if (value.size() <= limit) {
    return true;
  }
  const std::size_t count = util::count_code_points(value);
  if (count <= limit) {
    return true;
  }
  report(FastDecline::text_too_long, where, "limit-text",
         {{"count", std::to_string(count)}, {"limit", std::to_string(limit)}});
  m_usable = false;
  return false;
}

// Control characters written in the file were reported and blanked before parsing; these come
// from escapes such as "\x01" in double-quoted texts.
void YamlTreeBuilder::check_control_characters(util::Mark where, std::string_view value) {
  for (const char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      report(FastDecline::control_escape, where, "control-char.escape",
             {{"code", fmt::format("U+{:04X}", c)}});
      return;
    }
  }
}

void YamlTreeBuilder::open(NodeKind kind, util::Mark mark, std::uint32_t offset, Anchor anchor,
                           bool flow) {
  if (static_cast<int>(m_stack.size()) >= m_limits.max_depth) {
    report(FastDecline::too_deep, mark, "limit-depth",
           {{"limit", std::to_string(m_limits.max_depth)}});
    throw StopParsing{false};
  }
  const NodeId id = add_node(kind, mark, offset);
  if (!m_stack.empty()) {
    m_pending.push_back(id);
  }
  if (anchor != 0) {
    remember_anchor(anchor, id, 0, 0);
    m_anchors[anchor].open = true;
  }
  flow = flow || (!m_stack.empty() && m_stack.back().flow);
  m_stack.push_back(Frame{id, m_pending.size(), kind == NodeKind::mapping, flow, anchor, 0, 0});
}

void YamlTreeBuilder::close() {
  if (m_stack.empty()) {
    throw StopParsing{false};
  }
  const Frame frame = m_stack.back();
  m_stack.pop_back();
  const auto first = static_cast<std::uint32_t>(m_doc.m_children.size());
  if (frame.is_map) {
    append_map_entries(frame.pending_start);
  } else {
    m_doc.m_children.insert(m_doc.m_children.end(), m_pending.begin() + frame.pending_start,
                            m_pending.end());
  }
  YamlNode& n = m_doc.m_nodes[frame.node];
  n.first = first;
  n.size = static_cast<std::uint32_t>(m_doc.m_children.size() - first);
  m_pending.resize(frame.pending_start);
  const std::uint64_t nodes = saturating_add(frame.nodes, 1);
  const std::uint64_t bytes = saturating_add(frame.bytes, 1);
  if (frame.anchor != 0) {
    m_anchors[frame.anchor] = AnchorInfo{frame.node, nodes, bytes, false};
  }
  if (!m_stack.empty()) {
    // The container itself was an entry from when it opened; add what is below it.
    m_stack.back().nodes = saturating_add(m_stack.back().nodes, nodes);
    m_stack.back().bytes = saturating_add(m_stack.back().bytes, bytes);
  }
}

void YamlTreeBuilder::alias(util::Mark mark, std::uint32_t offset, Anchor anchor,
                            std::string_view name) {
  if (anchor == 0 || anchor >= m_anchors.size()) {
    return; // yaml-cpp reports unknown anchors itself
  }
  const AnchorInfo target = m_anchors[anchor];
  if (target.open) {
    report(FastDecline::alias, mark, "alias-cycle", {{"name", std::string(name)}});
    throw StopParsing{false};
  }
  m_alias_nodes = saturating_add(m_alias_nodes, target.nodes);
  if (m_alias_nodes > m_limits.max_alias_nodes) {
    report(FastDecline::alias, mark, "limit-aliases",
           {{"limit", fmt::format("{}", m_limits.max_alias_nodes)}});
    throw StopParsing{false};
  }
  // What the alias carries was summed when its anchor closed, so the check costs the same for
  // a ten-character owner and a nested list of long texts: nothing is expanded to be measured.
  m_written_bytes = saturating_add(m_written_bytes, target.bytes);
  if (m_written_bytes > m_allowed_bytes) {
    report(FastDecline::alias, mark, "limit-aliases.size",
           {{"limit", size_words(m_allowed_bytes)},
            {"name", std::string(name)},
            {"each", size_words(target.bytes)},
            {"multiple", std::to_string(m_limits.alias_multiple)}});
    throw StopParsing{false};
  }
  if (m_stack.empty()) {
    return; // a document that is only an alias cannot name anything
  }
  // The alias becomes a node of its own at its place, sharing the anchored node's text or
  // children: findings about the value point where it is used, with a note at the anchor.
  YamlNode use = m_doc.m_nodes[target.node];
  use.mark = mark;
  use.offset = offset;
  if (use.kind == NodeKind::scalar && !check_length(mark, m_doc.scalar(target.node))) {
    use.size = 0; // a title is held to its limit when its text comes by alias too
  }
  m_doc.m_nodes.push_back(use);
  m_pending.push_back(static_cast<NodeId>(m_doc.m_nodes.size() - 1));
  if (m_report != nullptr) {
    std::string anchor_name(name);
    if (!anchor_name.empty()) {
      anchor_name.front() = '&';
    }
    m_report->alias_use(mark, m_doc.m_nodes[target.node].mark, std::move(anchor_name));
  }
  Frame& parent = m_stack.back();
  parent.nodes = saturating_add(parent.nodes, target.nodes);
  parent.bytes = saturating_add(parent.bytes, target.bytes);
}

// Copies a mapping's pairs to the child list, leaving out (after reporting) keys that are not
// texts, merge keys and repeated keys.
void YamlTreeBuilder::append_map_entries(std::size_t start) {
  const std::size_t pairs = (m_pending.size() - start) / 2;
  std::unordered_map<std::string_view, NodeId> seen;
  if (pairs > 8) {
    seen.reserve(pairs);
  }
  const std::size_t first_out = m_doc.m_children.size();
  for (std::size_t i = start; i + 1 < m_pending.size(); i += 2) {
    const NodeId key = m_pending[i];
    const NodeId value = m_pending[i + 1];
    const YamlNode& k = m_doc.m_nodes[key];
    if (k.kind == NodeKind::null) {
      report(FastDecline::empty_key, k.mark, "key-type.empty");
      continue;
    }
    if (k.kind != NodeKind::scalar) {
      report(FastDecline::container_key, k.mark, "key-type.container");
      continue;
    }
    const std::string_view text = m_doc.scalar(key);
    if (k.plain && text == "<<") {
      report(FastDecline::merge_key, k.mark, "merge-key");
      continue;
    }
    std::optional<NodeId> first;
    if (pairs > 8) {
      const auto [it, inserted] = seen.emplace(text, key);
      if (!inserted) {
        first = it->second;
      }
    } else {
      for (std::size_t j = first_out; j < m_doc.m_children.size(); j += 2) {
        if (m_doc.scalar(m_doc.m_children[j]) == text) {
          first = m_doc.m_children[j];
          break;
        }
      }
    }
    if (first) {
      report(
          FastDecline::duplicate_key, k.mark, "duplicate-key",
          {{"key", std::string(text)}, {"line", std::to_string(m_doc.m_nodes[*first].mark.line)}});
      continue;
    }
    m_doc.m_children.push_back(key);
    m_doc.m_children.push_back(value);
  }
}

} // namespace planctl::load
