#include <planctl/load/source_text.hpp>
#include <planctl/load/yaml_document.hpp>
#include <planctl/load/yaml_fast.hpp>
#include <planctl/util/utf8.hpp>

#include <fmt/core.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <streambuf>
#include <unordered_map>

namespace planctl::load {

std::string_view YamlDocument::scalar(NodeId id) const {
  const YamlNode& n = m_nodes[id];
  if (n.kind != NodeKind::scalar) {
    return {};
  }
  return std::string_view(m_strings).substr(n.first, n.size);
}

std::span<const NodeId> YamlDocument::children(NodeId id) const {
  const YamlNode& n = m_nodes[id];
  if (n.kind != NodeKind::sequence && n.kind != NodeKind::mapping) {
    return {};
  }
  return std::span<const NodeId>(m_children).subspan(n.first, n.size);
}

std::size_t YamlDocument::entry_count(NodeId id) const {
  const YamlNode& n = m_nodes[id];
  if (n.kind == NodeKind::mapping) {
    return n.size / 2;
  }
  return n.kind == NodeKind::sequence ? n.size : 0;
}

std::optional<NodeId> YamlDocument::find_key(NodeId map, std::string_view key) const {
  if (m_nodes[map].kind != NodeKind::mapping) {
    return std::nullopt;
  }
  const std::span<const NodeId> kids = children(map);
  for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
    if (scalar(kids[i]) == key) {
      return kids[i];
    }
  }
  return std::nullopt;
}

std::optional<NodeId> YamlDocument::find(NodeId map, std::string_view key) const {
  if (m_nodes[map].kind != NodeKind::mapping) {
    return std::nullopt;
  }
  const std::span<const NodeId> kids = children(map);
  for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
    if (scalar(kids[i]) == key) {
      return kids[i + 1];
    }
  }
  return std::nullopt;
}

bool is_core_null(std::string_view plain) {
  return plain.empty() || plain == "~" || plain == "null" || plain == "Null" || plain == "NULL";
}

bool starts_with_written_null(std::string_view rest) {
  for (std::string_view word : {"~", "null", "Null", "NULL"}) {
    if (!rest.starts_with(word)) {
      continue;
    }
    // The text ends with the word only if what follows on the line is nothing, a comment or
    // a flow indicator: `null x` and `NULL\t1school` are longer texts (fuzz/fuzz_yaml_diff).
    const std::string_view after = rest.substr(word.size());
    const std::size_t next = after.find_first_not_of(" \t");
    if (next == std::string_view::npos) {
      return true;
    }
    const char c = after[next];
    return c == '\n' || c == '\r' || c == ',' || c == ']' || c == '}' || (c == '#' && next > 0);
  }
  return false;
}

namespace {

// An istream buffer reading a string_view in place, so the text is not copied for yaml-cpp.
class ViewBuffer : public std::streambuf {
public:
  explicit ViewBuffer(std::string_view text) {
    char* p = const_cast<char*>(text.data());
    setg(p, p, p + text.size());
  }
};

// Thrown from the event handler to stop parsing; `keep` says whether the tree built so far is
// a complete document that can still be used.
struct StopParsing {
  bool keep = false;
};

constexpr std::string_view k_core_tag_prefix = "tag:yaml.org,2002:";

bool is_core_tag(std::string_view tag) {
  if (tag == "?" || tag == "!") {
    return true;
  }
  if (!tag.starts_with(k_core_tag_prefix)) {
    return false;
  }
  tag.remove_prefix(k_core_tag_prefix.size());
  return tag == "str" || tag == "int" || tag == "float" || tag == "bool" || tag == "null" ||
         tag == "map" || tag == "seq";
}

// The tag as the author wrote it (`!!binary` rather than `tag:yaml.org,2002:binary`).
std::string written_tag(std::string_view tag) {
  if (tag.starts_with(k_core_tag_prefix)) {
    return "!!" + std::string(tag.substr(k_core_tag_prefix.size()));
  }
  return std::string(tag);
}

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

// Builds a YamlDocument from yaml-cpp events and enforces the limits while parsing, so that a
// hostile file is stopped at the first node past a limit instead of being read whole.
class YamlTreeBuilder final : public YAML::EventHandler {
public:
  YamlTreeBuilder(YamlDocument& doc, std::string_view text, const LineIndex& lines,
                  Reporter& report, const YamlLimits& limits)
      : m_doc(doc), m_text(text), m_lines(lines), m_report(report), m_limits(limits),
        m_expanded_bytes(text.size()),
        m_allowed_bytes(std::min(limits.max_expanded_bytes,
                                 saturating_add(saturating_mul(text.size(), limits.alias_multiple),
                                                limits.alias_allowance))) {
    m_anchor_node.push_back(0);
    m_anchor_size.push_back(0);
    m_anchor_bytes.push_back(0);
    m_anchor_open.push_back(false);
  }

  // Whether nothing seen so far forbids building a plan from the tree.
  bool usable() const { return m_usable; }

  // Records what the document measures with its aliases written out.
  void finish() { m_doc.m_written_size = m_expanded_bytes; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++m_documents == 1) {
      return;
    }
    const std::size_t pos = static_cast<std::size_t>(std::max(mark.pos, 0));
    const std::string_view rest = m_text.substr(std::min(pos, m_text.size()));
    // yaml-cpp starts a new document at content that follows a finished top-level node, even
    // without `---`; that is an indentation mistake, not a second document.
    if (rest.starts_with("---") || rest.starts_with("%")) {
      m_report.add(convert(mark), "multiple-documents");
      throw StopParsing{true};
    }
    m_report.add(convert(mark), "yaml-syntax.after-end");
    throw StopParsing{false};
  }

  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    util::Mark where = convert(mark);
    std::uint32_t offset = clamp_offset(mark.pos);
    if (!explicit_null_at(offset)) {
      // yaml-cpp gives an empty value the position of the next token, often on a later line;
      // the key (or the `-` of a list entry) is where the author wrote nothing.
      if (!m_stack.empty() && m_stack.back().is_map && is_value_position()) {
        const YamlNode& key = m_doc.m_nodes[m_pending.back()];
        where = key.mark;
        offset = key.offset;
      } else if (!m_stack.empty() && !m_stack.back().is_map) {
        offset = indicator_before(offset);
        where = m_lines.mark_at(offset);
      }
    }
    const NodeId id = add_node(NodeKind::null, where, offset);
    add_leaf(id, anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (anchor >= m_anchor_node.size()) {
      return; // yaml-cpp reports unknown anchors itself
    }
    if (m_anchor_open[anchor]) {
      m_report.add(convert(mark), "alias-cycle", {{"name", alias_name(mark)}});
      throw StopParsing{false};
    }
    m_alias_nodes = saturating_add(m_alias_nodes, m_anchor_size[anchor]);
    if (m_alias_nodes > m_limits.max_alias_nodes) {
      m_report.add(convert(mark), "limit-aliases",
                   {{"limit", fmt::format("{}", m_limits.max_alias_nodes)}});
      throw StopParsing{false};
    }
    // What the alias carries was summed when its anchor closed, so the check costs the same
    // for a ten-character owner and a nested list of long texts: the document is never
    // expanded to be measured.
    const std::uint64_t carried = m_anchor_bytes[anchor];
    m_expanded_bytes = saturating_add(m_expanded_bytes, carried);
    if (m_expanded_bytes > m_allowed_bytes) {
      m_report.add(convert(mark), "limit-aliases.size",
                   {{"limit", size_words(m_allowed_bytes)},
                    {"name", alias_name(mark)},
                    {"each", size_words(carried)},
                    {"multiple", std::to_string(m_limits.alias_multiple)}});
      throw StopParsing{false};
    }
    if (m_stack.empty()) {
      return; // a document that is only an alias cannot name anything
    }
    // The alias becomes a node of its own at its place, sharing the anchored node's text or
    // children: findings about the value point where it is used, with a note at the anchor.
    const NodeId target = m_anchor_node[anchor];
    YamlNode use = m_doc.m_nodes[target];
    use.mark = convert(mark);
    use.offset = clamp_offset(mark.pos);
    if (use.kind == NodeKind::scalar && !check_length(use.mark, m_doc.scalar(target))) {
      use.size = 0; // reported; a title is held to its limit when its text comes by alias too
    }
    m_doc.m_nodes.push_back(use);
    const auto id = static_cast<NodeId>(m_doc.m_nodes.size() - 1);
    std::string name = alias_name(mark);
    if (!name.empty()) {
      name.front() = '&';
    }
    m_report.alias_use(use.mark, m_doc.m_nodes[target].mark, std::move(name));
    m_pending.push_back(id);
    Frame& parent = m_stack.back();
    parent.expanded = saturating_add(parent.expanded, m_anchor_size[anchor]);
    parent.bytes = saturating_add(parent.bytes, carried);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    check_tag(mark, tag);
    const std::uint32_t offset = clamp_offset(mark.pos);
    const util::Mark where = convert(mark);
    if (tag == "!") {
      check_closing_quote(offset);
    }
    const NodeId id = add_node(NodeKind::scalar, where, offset);
    YamlNode& n = m_doc.m_nodes[id];
    // `!!str` keeps the text a text; the other core tags are resolved from the content.
    n.plain = tag == "?" || (tag != "!" && tag != std::string(k_core_tag_prefix) + "str");
    const std::string repaired = repair_escapes(value);
    std::string_view stored = repaired.empty() ? std::string_view(value) : repaired;
    if (!check_length(where, stored)) {
      stored = {};
    }
    check_control_characters(where, stored);
    n.first = static_cast<std::uint32_t>(m_doc.m_strings.size());
    n.size = static_cast<std::uint32_t>(stored.size());
    m_doc.m_strings.append(stored);
    add_leaf(id, anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open_container(NodeKind::sequence, mark, tag, anchor);
  }

  void OnSequenceEnd() override { close_container(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open_container(NodeKind::mapping, mark, tag, anchor);
  }

  void OnMapEnd() override { close_container(); }

private:
  struct Frame {
    NodeId node;
    std::size_t pending_start;
    bool is_map;
    YAML::anchor_t anchor;
    std::uint64_t expanded;  // nodes below, with aliases counted at their expanded size
    std::uint64_t bytes = 0; // text bytes and one per node below, aliases expanded likewise
  };

  util::Mark convert(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.pos < 0) {
      return util::Mark{};
    }
    return m_lines.mark_at(static_cast<std::size_t>(mark.pos));
  }

  std::uint32_t clamp_offset(int pos) const {
    return static_cast<std::uint32_t>(std::clamp<long>(pos, 0, static_cast<long>(m_text.size())));
  }

  // A `nullx` key on the next line is not a written null (found by fuzz/fuzz_yaml_diff).
  bool explicit_null_at(std::size_t offset) const {
    return starts_with_written_null(m_text.substr(offset));
  }

  // The offset of the `-`, `,` or `[` that introduced an empty list entry ending at `offset`:
  // the last character before it that is neither white space nor part of a comment.
  std::uint32_t indicator_before(std::uint32_t offset) const {
    util::Mark here = m_lines.mark_at(offset);
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

  std::string alias_name(const YAML::Mark& mark) const {
    const std::size_t pos = static_cast<std::size_t>(std::max(mark.pos, 0));
    std::string_view rest = m_text.substr(std::min(pos, m_text.size()));
    const std::size_t end = rest.find_first_of(" \t\r\n,]}");
    return std::string(rest.substr(0, std::min<std::size_t>(end, 64)));
  }

  bool is_value_position() const {
    return !m_stack.empty() && m_stack.back().is_map &&
           (m_pending.size() - m_stack.back().pending_start) % 2 == 1;
  }

  NodeId add_node(NodeKind kind, util::Mark mark, std::uint32_t offset) {
    if (m_doc.m_nodes.size() >= UINT32_MAX - 1) {
      throw StopParsing{false};
    }
    if (m_stack.empty() && !m_doc.m_nodes.empty()) {
      throw StopParsing{false}; // a second top-level node; yaml-cpp reports it first
    }
    if (m_doc.m_nodes.size() >= m_limits.max_nodes) {
      m_report.add(mark, "limit-nodes", {{"limit", fmt::format("{}", m_limits.max_nodes)}});
      throw StopParsing{false};
    }
    YamlNode n;
    n.kind = kind;
    n.mark = mark;
    n.offset = offset;
    m_doc.m_nodes.push_back(n);
    return static_cast<NodeId>(m_doc.m_nodes.size() - 1);
  }

  void add_leaf(NodeId id, YAML::anchor_t anchor) {
    // A text written out again costs its bytes, a node at least one byte (`~`, a separator).
    const std::uint64_t bytes = std::uint64_t{m_doc.m_nodes[id].size} *
                                    (m_doc.m_nodes[id].kind == NodeKind::scalar ? 1 : 0) +
                                1;
    if (anchor != YAML::NullAnchor) {
      remember_anchor(anchor, id, 1, bytes);
    }
    if (!m_stack.empty()) {
      m_pending.push_back(id);
      m_stack.back().expanded = saturating_add(m_stack.back().expanded, 1);
      m_stack.back().bytes = saturating_add(m_stack.back().bytes, bytes);
    }
  }

  void remember_anchor(YAML::anchor_t anchor, NodeId id, std::uint64_t size, std::uint64_t bytes) {
    if (anchor >= m_anchor_node.size()) {
      m_anchor_node.resize(anchor + 1, 0);
      m_anchor_size.resize(anchor + 1, 0);
      m_anchor_bytes.resize(anchor + 1, 0);
      m_anchor_open.resize(anchor + 1, false);
    }
    m_anchor_node[anchor] = id;
    m_anchor_size[anchor] = size;
    m_anchor_bytes[anchor] = bytes;
  }

  void check_tag(const YAML::Mark& mark, const std::string& tag) {
    if (!is_core_tag(tag)) {
      m_report.add(convert(mark), "yaml-tag", {{"tag", written_tag(tag)}});
    }
  }

  // yaml-cpp accepts a double- or single-quoted text that runs to the end of the file without
  // its closing quote; that is always a mistake.
  void check_closing_quote(std::size_t offset) {
    std::size_t pos = offset;
    // Skip node properties (`&anchor`, `!tag`) written before the text.
    while (pos < m_text.size() && (m_text[pos] == '&' || m_text[pos] == '!')) {
      pos = m_text.find_first_of(" \t\r\n", pos);
      if (pos == std::string_view::npos) {
        return;
      }
      pos = m_text.find_first_not_of(" \t\r\n", pos);
      if (pos == std::string_view::npos) {
        return;
      }
    }
    if (pos >= m_text.size() || (m_text[pos] != '"' && m_text[pos] != '\'')) {
      return;
    }
    const char quote = m_text[pos];
    for (std::size_t i = pos + 1; i < m_text.size(); ++i) {
      if (quote == '"' && m_text[i] == '\\') {
        ++i;
      } else if (m_text[i] == quote) {
        if (quote == '\'' && i + 1 < m_text.size() && m_text[i + 1] == '\'') {
          ++i; // '' is an escaped quote
          continue;
        }
        return;
      }
    }
    m_report.add(m_lines.mark_at(pos), "yaml-syntax.unclosed-quote",
                 {{"quote", std::string(1, quote)}});
    throw StopParsing{false};
  }

  // Reports a scalar longer than the limit; returns false when it is too long to keep.
  bool check_length(util::Mark where, std::string_view value) {
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
    m_report.add(where, "limit-text",
                 {{"count", std::to_string(count)}, {"limit", std::to_string(limit)}});
    m_usable = false;
    return false;
  }

  // Control characters written in the file were reported and blanked before parsing; these
  // come from escapes such as "\x01" in double-quoted texts.
  // yaml-cpp writes the escapes `\N` (U+0085) and `\_` (U+00A0) as the single bytes 0x85 and
  // 0xA0 rather than in UTF-8, so a text with them was ill-formed all the way to the .md and
  // .txt outputs (found by fuzz/fuzz_yaml_diff). The file itself is well-formed (check_source),
  // so a byte that breaks a text's UTF-8 can only be one of those two. Returns the repaired
  // text, or an empty string when `value` is well-formed.
  static std::string repair_escapes(std::string_view value) {
    if (util::find_invalid_utf8(value) == std::string_view::npos) {
      return {};
    }
    std::string out;
    out.reserve(value.size() + 8);
    std::size_t pos = 0;
    while (pos < value.size()) {
      const std::size_t bad = util::find_invalid_utf8(value.substr(pos));
      if (bad == std::string_view::npos) {
        out.append(value.substr(pos));
        break;
      }
      out.append(value.substr(pos, bad));
      util::append_utf8(out, static_cast<unsigned char>(value[pos + bad]));
      pos += bad + 1;
    }
    return out;
  }

  void check_control_characters(util::Mark where, std::string_view value) {
    for (const char ch : value) {
      const auto c = static_cast<unsigned char>(ch);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        m_report.add(where, "control-char.escape", {{"code", fmt::format("U+{:04X}", c)}});
        return;
      }
    }
  }

  void open_container(NodeKind kind, const YAML::Mark& mark, const std::string& tag,
                      YAML::anchor_t anchor) {
    check_tag(mark, tag);
    const util::Mark where = convert(mark);
    if (static_cast<int>(m_stack.size()) >= m_limits.max_depth) {
      m_report.add(where, "limit-depth", {{"limit", std::to_string(m_limits.max_depth)}});
      throw StopParsing{false};
    }
    const NodeId id = add_node(kind, where, clamp_offset(mark.pos));
    if (!m_stack.empty()) {
      m_pending.push_back(id);
    }
    if (anchor != YAML::NullAnchor) {
      remember_anchor(anchor, id, 0, 0);
      m_anchor_open[anchor] = true;
    }
    m_stack.push_back(Frame{id, m_pending.size(), kind == NodeKind::mapping, anchor, 0, 0});
  }

  void close_container() {
    const Frame frame = m_stack.back();
    m_stack.pop_back();
    YamlNode& n = m_doc.m_nodes[frame.node];
    n.first = static_cast<std::uint32_t>(m_doc.m_children.size());
    if (frame.is_map) {
      append_map_entries(frame.pending_start);
    } else {
      m_doc.m_children.insert(m_doc.m_children.end(), m_pending.begin() + frame.pending_start,
                              m_pending.end());
    }
    n.size = static_cast<std::uint32_t>(m_doc.m_children.size() - n.first);
    m_pending.resize(frame.pending_start);
    const std::uint64_t size = saturating_add(frame.expanded, 1);
    const std::uint64_t bytes = saturating_add(frame.bytes, 1);
    if (frame.anchor != YAML::NullAnchor) {
      m_anchor_size[frame.anchor] = size;
      m_anchor_bytes[frame.anchor] = bytes;
      m_anchor_open[frame.anchor] = false;
    }
    if (!m_stack.empty()) {
      // The container itself was counted as an entry when it opened; add what is below it.
      m_stack.back().expanded = saturating_add(m_stack.back().expanded, size);
      m_stack.back().bytes = saturating_add(m_stack.back().bytes, bytes);
    }
  }

  // Copies a mapping's pairs to the child list, leaving out (after reporting) keys that are
  // not texts, merge keys and repeated keys.
  void append_map_entries(std::size_t start) {
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
      if (k.kind != NodeKind::scalar) {
        m_report.add(k.mark, k.kind == NodeKind::null ? "key-type.empty" : "key-type.container");
        continue;
      }
      const std::string_view text = m_doc.scalar(key);
      if (k.plain && text == "<<") {
        m_report.add(k.mark, "merge-key");
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
        m_report.add(k.mark, "duplicate-key",
                     {{"key", std::string(text)},
                      {"line", std::to_string(m_doc.m_nodes[*first].mark.line)}});
        continue;
      }
      m_doc.m_children.push_back(key);
      m_doc.m_children.push_back(value);
    }
  }

  YamlDocument& m_doc;
  std::string_view m_text;
  const LineIndex& m_lines;
  Reporter& m_report;
  const YamlLimits& m_limits;
  std::vector<Frame> m_stack;
  std::vector<NodeId> m_pending;
  std::vector<NodeId> m_anchor_node;
  std::vector<std::uint64_t> m_anchor_size;
  std::vector<std::uint64_t> m_anchor_bytes; // what an alias of the anchor carries (add_leaf)
  std::vector<bool> m_anchor_open;
  std::uint64_t m_alias_nodes = 0;
  std::uint64_t m_expanded_bytes;      // the file, plus what every alias so far carries
  const std::uint64_t m_allowed_bytes; // YamlLimits: the multiple of the file, or 16 MiB
  int m_documents = 0;
  bool m_usable = true;
};

namespace {

// Whether the value on `line` holds an unquoted `: ` or ` #`, the usual cause of a syntax
// error in a text pasted into a plain value.
bool has_unquoted_colon_or_hash(std::string_view line) {
  std::size_t pos = line.find_first_not_of(' ');
  // Skip list entry dashes (`- - key: value`).
  while (pos != std::string_view::npos && line.substr(pos).starts_with("- ")) {
    pos = line.find_first_not_of(' ', pos + 2);
  }
  if (pos == std::string_view::npos) {
    return false;
  }
  const std::size_t sep = line.find(": ", pos);
  if (sep == std::string_view::npos) {
    return false;
  }
  std::string_view value = line.substr(sep + 2);
  const std::size_t start = value.find_first_not_of(' ');
  if (start == std::string_view::npos) {
    return false;
  }
  value.remove_prefix(start);
  if (std::string_view("\"'|>[{&!*").find(value.front()) != std::string_view::npos) {
    return false;
  }
  return value.find(": ") != std::string_view::npos || value.ends_with(":") ||
         value.find(" #") != std::string_view::npos;
}

// The offset of the last `open` bracket left unclosed on the nearest line at or above `line`
// that has one: yaml-cpp notices a missing `]` or `}` only where the file ends or the next
// key starts, but the author needs to see the bracket that was opened.
std::optional<std::size_t> unclosed_bracket(const LineIndex& lines, int line, char open,
                                            char close) {
  for (int n = line, guard = 0; n >= 1 && guard < 200; --n, ++guard) {
    const std::string_view s = lines.line_text(n);
    std::vector<std::size_t> stack;
    char quote = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (quote) {
        if (c == '\\' && quote == '"') {
          ++i;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' && (i == 0 || s[i - 1] == ' ')) {
        break;
      } else if (c == open) {
        stack.push_back(i);
      } else if (c == close && !stack.empty()) {
        stack.pop_back();
      }
    }
    if (!stack.empty()) {
      return lines.line_start(n) + stack.back();
    }
  }
  return std::nullopt;
}

// The message id for a yaml-cpp parser error message.
std::string_view syntax_message_id(std::string_view msg) {
  using namespace YAML::ErrorMsg;
  if (msg == MAP_VALUE) {
    return "yaml-syntax.map-value";
  }
  if (msg == END_OF_MAP || msg == END_OF_SEQ || msg == BLOCK_ENTRY) {
    return "yaml-syntax.indent";
  }
  if (msg == END_OF_MAP_FLOW) {
    return "yaml-syntax.flow-map";
  }
  if (msg == END_OF_SEQ_FLOW) {
    return "yaml-syntax.flow-seq";
  }
  if (msg.starts_with(INVALID_ESCAPE) || msg.starts_with(INVALID_UNICODE) || msg == INVALID_HEX) {
    return "yaml-syntax.escape";
  }
  if (msg == UNKNOWN_ANCHOR || msg == ALIAS_NOT_FOUND || msg == ANCHOR_NOT_FOUND ||
      msg == CHAR_IN_ALIAS || msg == CHAR_IN_ANCHOR) {
    return "yaml-syntax.anchor";
  }
  if (msg == ZERO_INDENT_IN_BLOCK || msg == CHAR_IN_BLOCK) {
    return "yaml-syntax.block";
  }
  if (msg == UNKNOWN_TOKEN || msg == MAP_KEY || msg == FLOW_END) {
    return "yaml-syntax.character";
  }
  if (msg == EOF_IN_SCALAR || msg == DOC_IN_SCALAR) {
    return "yaml-syntax.unclosed-quote";
  }
  return "yaml-syntax";
}

void report_syntax_error(const YAML::ParserException& e, std::string_view text,
                         const LineIndex& lines, Reporter& report) {
  const util::Mark mark = e.mark.pos >= 0 ? lines.mark_at(static_cast<std::size_t>(e.mark.pos))
                                          : util::Mark{std::max(e.mark.line, 0) + 1, 1};
  const std::string_view msg = e.msg;
  if (msg == YAML::ErrorMsg::TAB_IN_INDENTATION) {
    report.add(mark, "tab-indent");
    return;
  }
  if (has_unquoted_colon_or_hash(lines.line_text(mark.line))) {
    report.add(mark, "yaml-syntax.quote");
    return;
  }
  const std::string_view id = syntax_message_id(msg);
  util::Mark where = mark;
  if (id == "yaml-syntax.flow-seq" || id == "yaml-syntax.flow-map") {
    const bool seq = id == "yaml-syntax.flow-seq";
    if (const auto open = unclosed_bracket(lines, mark.line, seq ? '[' : '{', seq ? ']' : '}')) {
      where = lines.mark_at(*open);
    }
  }
  Args args;
  const std::size_t pos = std::min(static_cast<std::size_t>(std::max(e.mark.pos, 0)), text.size());
  if (id == "yaml-syntax.escape") {
    // yaml-cpp points just past the escape's letter (or into its hex digits); show the
    // escape from its backslash as written.
    const std::size_t slash = text.rfind('\\', pos);
    const std::string_view esc =
        slash == std::string_view::npos
            ? text.substr(pos, 2)
            : text.substr(slash, std::min<std::size_t>(std::max<std::size_t>(pos - slash, 2), 10));
    args.emplace_back("escape", std::string(esc));
  } else if (id == "yaml-syntax.anchor") {
    std::string_view rest = text.substr(pos);
    rest = rest.substr(0, std::min(rest.find_first_of(" \t\r\n,]}"), std::size_t{64}));
    args.emplace_back("name", std::string(rest));
  } else if (id == "yaml-syntax.character") {
    std::size_t at = pos;
    const char32_t cp = at < text.size() ? util::next_code_point(text, at) : U' ';
    std::string shown;
    util::append_utf8(shown, cp);
    args.emplace_back("char", shown);
  } else if (id == "yaml-syntax.unclosed-quote") {
    args.emplace_back("quote", "\"");
  }
  report.add(where, id, std::move(args));
}

} // namespace

ParsedYaml parse_yaml(std::string_view text, Reporter& report, const YamlLimits& limits) {
  {
    // Nearly every file needs no finding: libyaml builds those several times faster, and
    // gives up on anything that yaml-cpp's path below would report or might read differently.
    const LineIndex lines(text);
    if (std::optional<YamlDocument> fast = parse_yaml_fast(text, lines, limits)) {
      ParsedYaml out;
      out.document = std::move(fast);
      return out;
    }
  }
  return parse_yaml_with_yaml_cpp(text, report, limits);
}

ParsedYaml parse_yaml_with_yaml_cpp(std::string_view text, Reporter& report,
                                    const YamlLimits& limits) {
  const LineIndex lines(text);
  YamlDocument doc;
  YamlTreeBuilder builder(doc, text, lines, report, limits);
  ViewBuffer buffer(text);
  std::istream in(&buffer);
  bool keep = true;
  try {
    YAML::Parser parser(in);
    if (parser.HandleNextDocument(builder)) {
      parser.HandleNextDocument(builder);
    }
  } catch (const StopParsing& stop) {
    keep = stop.keep;
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's own guard (about 500 levels) can only fire inside keys, before our count.
    report.add(e.mark.pos >= 0 ? lines.mark_at(static_cast<std::size_t>(e.mark.pos))
                               : util::Mark{1, 1},
               "limit-depth", {{"limit", std::to_string(limits.max_depth)}});
    keep = false;
  } catch (const YAML::ParserException& e) {
    report_syntax_error(e, text, lines, report);
    keep = false;
  } catch (const YAML::Exception& e) {
    report.add(e.mark.pos >= 0 ? lines.mark_at(static_cast<std::size_t>(e.mark.pos))
                               : util::Mark{1, 1},
               "yaml-syntax");
    keep = false;
  }
  builder.finish();
  ParsedYaml out;
  if (keep && builder.usable()) {
    out.document = std::move(doc);
  }
  return out;
}

} // namespace planctl::load
