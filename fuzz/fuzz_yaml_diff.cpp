// libFuzzer target, differential: the YAML front end's two parsers must agree. Whenever the
// libyaml fast path (load/yaml_fast.hpp) builds a tree, yaml-cpp's path must report nothing
// and build the very same tree (kinds, plain flags, positions, offsets, texts, children);
// otherwise a file would be read one way and diagnosed the other. A disagreement aborts.
// Whatever the parser keeps must be bounded by the input's length: the document with its
// aliases written out (limit-aliases) and the number of nodes; an input past a bound aborts.
#include <planctl/diag/diagnostic.hpp>
#include <planctl/load/reporter.hpp>
#include <planctl/load/source_text.hpp>
#include <planctl/load/yaml_document.hpp>
#include <planctl/load/yaml_fast.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace {

using namespace planctl;
using namespace planctl::load;

// Every node of `doc`, one line each, in a form that shows any difference.
std::string dump(const YamlDocument& doc) {
  std::string out;
  for (NodeId id = 0; id < doc.node_count(); ++id) {
    const YamlNode& n = doc.node(id);
    out += std::to_string(static_cast<int>(n.kind)) + (n.plain ? " p " : " - ") +
           std::to_string(n.mark.line) + ":" + std::to_string(n.mark.column) + " @" +
           std::to_string(n.offset);
    if (n.kind == NodeKind::scalar) {
      out += " \"" + std::string(doc.scalar(id)) + "\"";
    }
    for (const NodeId kid : doc.children(id)) {
      out += " " + std::to_string(kid);
    }
    out += "\n";
  }
  return out;
}

// limit-aliases: ten times the file plus 1 MiB, and never more than 16 MiB.
constexpr std::uint64_t k_mib = 1024 * 1024;

[[noreturn]] void disagree(const char* what, const std::string& fast, const std::string& slow) {
  std::fprintf(stderr, "fuzz_yaml_diff: %s\n--- libyaml:\n%s--- yaml-cpp:\n%s", what, fast.c_str(),
               slow.c_str());
  std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  diag::DiagnosticList source_findings;
  Reporter source_report("fuzz.yaml", source_findings);
  const SourceText source = check_source(bytes, source_report);
  if (!source.parseable) {
    return 0;
  }
  const LineIndex lines(source.text);
  const std::optional<YamlDocument> fast = parse_yaml_fast(source.text, lines);
  diag::DiagnosticList findings;
  Reporter report("fuzz.yaml", findings);
  const ParsedYaml slow = parse_yaml_with_yaml_cpp(source.text, report);
  if (slow.document) {
    const std::uint64_t n = source.text.size();
    const YamlDocument& doc = *slow.document;
    if (doc.written_size() > std::min(16 * k_mib, 10 * n + k_mib)) {
      disagree("the document written out is past limit-aliases", std::to_string(n) + " bytes\n",
               std::to_string(doc.written_size()) + " bytes written out\n");
    }
    // Every node is at least one written byte (an alias at least two), but an empty key and
    // its empty value may share one (`{:}`).
    if (doc.node_count() > 2 * n + 2) {
      disagree("more nodes than the input allows", std::to_string(n) + " bytes\n",
               std::to_string(doc.node_count()) + " nodes\n");
    }
  }
  if (!fast) {
    return 0; // declining is always allowed: yaml-cpp's path decides
  }
  if (!findings.empty()) {
    std::string list;
    for (const diag::Diagnostic& d : findings.items()) {
      list += std::to_string(d.mark.line) + ":" + std::to_string(d.mark.column) + " " + d.text() +
              " [" + d.rule() + "]\n";
    }
    disagree("libyaml built a tree where yaml-cpp reports findings", dump(*fast), list);
  }
  if (!slow.document) {
    disagree("libyaml built a tree where yaml-cpp builds none", dump(*fast), "");
  }
  const std::string a = dump(*fast);
  const std::string b = dump(*slow.document);
  if (a != b) {
    disagree("the trees differ", a, b);
  }
  return 0;
}
