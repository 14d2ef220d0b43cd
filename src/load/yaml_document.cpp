#include <planctl/load/source_text.hpp>
#include <planctl/load/yaml_document.hpp>
#include <planctl/load/yaml_fast.hpp>
#include <planctl/load/yaml_tree_builder.hpp>
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

bool starts_with_written_null(std::string_view rest, bool in_flow) {
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
    const bool flow_indicator = c == ',' || c == ']' || c == '}';
    return c == '\n' || c == '\r' || (in_flow && flow_indicator) || (c == '#' && next > 0);
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

} // namespace

namespace {

// Feeds yaml-cpp's events to the tree builder, with what only this parser needs: its marks
// converted, documents counted, tags checked, unclosed quotes caught and its escapes repaired.
class YamlCppEvents final : public YAML::EventHandler {
public:
  YamlCppEvents(YamlTreeBuilder& tree, std::string_view text, const LineIndex& lines,
                Reporter& report)
      : m_tree(tree), m_text(text), m_lines(lines), m_report(report) {}

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
    m_tree.null_value(clamp_offset(mark.pos), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    m_tree.alias(convert(mark), clamp_offset(mark.pos), anchor, alias_name(mark));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    check_tag(mark, tag);
    const std::uint32_t offset = clamp_offset(mark.pos);
    if (tag == "!") {
      check_closing_quote(offset);
    }
    // `!!str` keeps the text a text; the other core tags are resolved from the content.
    const bool plain = tag == "?" || (tag != "!" && tag != std::string(k_core_tag_prefix) + "str");
    const std::string repaired = repair_escapes(value);
    m_tree.scalar(convert(mark), offset, repaired.empty() ? std::string_view(value) : repaired,
                  plain, anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    check_tag(mark, tag);
    m_tree.open(NodeKind::sequence, convert(mark), clamp_offset(mark.pos), anchor,
                style == YAML::EmitterStyle::Flow);
  }

  void OnSequenceEnd() override { m_tree.close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    check_tag(mark, tag);
    m_tree.open(NodeKind::mapping, convert(mark), clamp_offset(mark.pos), anchor,
                style == YAML::EmitterStyle::Flow);
  }

  void OnMapEnd() override { m_tree.close(); }

private:
  util::Mark convert(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.pos < 0) {
      return util::Mark{};
    }
    return m_lines.mark_at(static_cast<std::size_t>(mark.pos));
  }

  std::uint32_t clamp_offset(int pos) const {
    return static_cast<std::uint32_t>(std::clamp<long>(pos, 0, static_cast<long>(m_text.size())));
  }

  std::string alias_name(const YAML::Mark& mark) const {
    const std::size_t pos = static_cast<std::size_t>(std::max(mark.pos, 0));
    std::string_view rest = m_text.substr(std::min(pos, m_text.size()));
    const std::size_t end = rest.find_first_of(" \t\r\n,]}");
    return std::string(rest.substr(0, std::min<std::size_t>(end, 64)));
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

  YamlTreeBuilder& m_tree;
  std::string_view m_text;
  const LineIndex& m_lines;
  Reporter& m_report;
  int m_documents = 0;
};

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
  YamlTreeBuilder tree(doc, text, lines, limits, &report);
  YamlCppEvents builder(tree, text, lines, report);
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
  tree.finish();
  ParsedYaml out;
  if (keep && tree.usable()) {
    out.document = std::move(doc);
  }
  return out;
}

} // namespace planctl::load
