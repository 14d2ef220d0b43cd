#include <planctl/load/plan_builder.hpp>
#include <planctl/load/plan_loader.hpp>
#include <planctl/load/source_text.hpp>
#include <planctl/load/structure_check.hpp>
#include <planctl/load/yaml_document.hpp>
#include <planctl/util/utf8.hpp>

#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

namespace planctl::load {

namespace {

// Everything after the bytes are in memory; `result.source` is already set.
void load_into(LoadResult& result, std::string_view bytes, Reporter& report) {
  const SourceText source = check_source(bytes, report);
  if (!source.parseable) {
    return;
  }
  ParsedYaml parsed = parse_yaml(source.text, report);
  if (!parsed.document) {
    return;
  }
  const YamlDocument& doc = *parsed.document;
  // A file of comments only has no node; a lone `---` has a null one.
  if (!doc.has_root() || doc.node(doc.root()).kind == NodeKind::null) {
    report.add(util::Mark{1, 1}, "empty-file");
    return;
  }
  const YamlNode& root = doc.node(doc.root());
  if (root.kind != NodeKind::mapping) {
    const char* en = root.kind == NodeKind::sequence ? "a list" : "a single value";
    const char* zh = root.kind == NodeKind::sequence ? "列表" : "单个值";
    report.add(root.mark, "not-a-plan", {{"actual", en}, {"actual_zh", zh}});
    return;
  }
  const StructureResult structure = check_structure(doc, report);
  BuildResult built = build_plan(doc, structure.flagged, report);
  built.plan.path = report.file();
  result.plan = std::move(built.plan);
}

std::string_view without_bom(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
  }
  return bytes;
}

} // namespace

namespace {

// Loads `bytes`, which become the result's source text when it can be shown (so a file is
// held in memory once, not twice).
LoadResult load_owned(std::string bytes, const std::string& display_name) {
  LoadResult result;
  Reporter report(display_name, result.diagnostics);
  if (bytes.size() <= k_max_file_bytes &&
      util::find_invalid_utf8(without_bom(bytes)) == std::string_view::npos) {
    if (bytes.starts_with("\xEF\xBB\xBF")) {
      bytes.erase(0, 3);
    }
    result.source = std::move(bytes);
    load_into(result, result.source, report);
  } else {
    // Not shown as text: too large, or not UTF-8.
    load_into(result, bytes, report);
  }
  report.finish();
  result.diagnostics.sort();
  return result;
}

} // namespace

LoadResult load_plan_text(std::string_view bytes, const std::string& display_name) {
  if (bytes.size() > k_max_file_bytes) {
    // Not even copied.
    LoadResult result;
    Reporter report(display_name, result.diagnostics);
    load_into(result, bytes, report);
    report.finish();
    return result;
  }
  return load_owned(std::string(bytes), display_name);
}

LoadResult load_plan_file(const std::filesystem::path& path, const std::string& display_name) {
  const auto unreadable = [&](const std::string& reason) {
    LoadResult result;
    result.unreadable = true;
    result.diagnostics.add(display_name, util::Mark{}, "file-unreadable", {{"reason", reason}});
    return result;
  };
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return unreadable("it is a directory");
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > k_max_file_bytes) {
    // Not read at all: a 50 MB file costs nothing.
    LoadResult result;
    Reporter report(display_name, result.diagnostics);
    report.add(util::Mark{}, "limit-size",
               {{"size", fmt::format("{:.1f}", static_cast<double>(size) / (1024 * 1024))}});
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return unreadable(std::strerror(errno));
  }
  // Read at most one byte past the limit, so a pipe or a growing file cannot exhaust memory.
  std::string bytes;
  char buffer[1 << 16];
  while (in && bytes.size() <= k_max_file_bytes) {
    in.read(buffer, sizeof buffer);
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) {
    return unreadable(std::strerror(errno));
  }
  return load_owned(std::move(bytes), display_name);
}

std::optional<std::vector<TopLevelKey>> top_level_keys(std::string_view text) {
  diag::DiagnosticList ignored;
  Reporter report("text", ignored);
  const SourceText source = check_source(text, report);
  if (!source.parseable) {
    return std::nullopt;
  }
  const ParsedYaml parsed = parse_yaml(source.text, report);
  if (!parsed.document || !parsed.document->has_root()) {
    return std::nullopt;
  }
  const YamlDocument& doc = *parsed.document;
  if (doc.node(doc.root()).kind != NodeKind::mapping) {
    return std::nullopt;
  }
  std::vector<TopLevelKey> out;
  const std::span<const NodeId> children = doc.children(doc.root());
  for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
    const YamlNode& key = doc.node(children[i]);
    if (key.mark.column != 1 || (!out.empty() && key.mark.line <= out.back().line)) {
      return std::nullopt; // a flow mapping or an indented top level
    }
    const YamlNode& value = doc.node(children[i + 1]);
    out.push_back({std::string(doc.scalar(children[i])), key.mark.line, 0,
                   value.kind == NodeKind::null ? key.mark : value.mark});
  }
  int lines = 1;
  for (const char c : source.text) {
    lines += c == '\n' ? 1 : 0;
  }
  // A text ending in a line end has no line after it.
  const int end = source.text.ends_with('\n') ? lines : lines + 1;
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].end_line = i + 1 < out.size() ? out[i + 1].line : end;
  }
  return out;
}

} // namespace planctl::load
