#include <planctl/diag/format.hpp>
#include <planctl/diag/messages.hpp>
#include <planctl/util/json_writer.hpp>
#include <planctl/util/platform.hpp>

#include <fmt/format.h>

#include <map>

namespace planctl::diag {

namespace {

using util::Json;

// `path` as a URI reference (RFC 3986): bytes other than unreserved characters and `/`
// percent-encoded, so that spaces, Chinese names and control characters make a valid URI.
// On Windows a backslash is a folder separator (`/` in a URI) and `C:\x` is `file:///C:/x`.
std::string uri_of(std::string_view path) {
  std::string out;
  const bool drive =
      util::k_windows && path.size() > 2 && path[1] == ':' && (path[2] == '\\' || path[2] == '/');
  for (char c : path) {
    if (util::k_windows && c == '\\') {
      c = '/';
    }
    if (drive && c == ':' && out.size() == 1) {
      out += c; // the drive's colon
      continue;
    }
    const auto b = static_cast<unsigned char>(c);
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '/') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", b);
    }
  }
  if (drive) {
    return "file:///" + out;
  }
  return path.starts_with('/') ? "file://" + out : out;
}

const char* level_of(Severity s) {
  return s == Severity::error ? "error" : "warning";
}

} // namespace

std::string format_sarif(std::span<const FileResult> results, std::string_view version, Lang lang) {
  Json rules = Json::array();
  std::map<std::string, std::size_t, std::less<>> rule_index;
  for (const RuleDef& r : all_rules()) {
    rule_index.emplace(std::string(r.id), rule_index.size());
    rules.push(Json::object({
        {"id", r.id},
        {"name", r.id},
        {"shortDescription", Json::object({{"text", r.description}})},
        {"defaultConfiguration", Json::object({{"level", level_of(r.severity)}})},
    }));
  }
  Json out_results = Json::array();
  for (const FileResult& r : results) {
    for (const Diagnostic& d : r.diagnostics.items()) {
      const std::string file = printable(d.file);
      Json physical = Json::object({{"artifactLocation", Json::object({{"uri", uri_of(file)}})}});
      if (!file.starts_with('/')) {
        physical["artifactLocation"]["uriBaseId"] = "%SRCROOT%";
      }
      if (d.mark.known()) {
        physical["region"] =
            Json::object({{"startLine", d.mark.line}, {"startColumn", std::max(d.mark.column, 1)}});
      }
      Json result = Json::object({{"ruleId", d.rule()}});
      if (const auto it = rule_index.find(d.rule()); it != rule_index.end()) {
        result["ruleIndex"] = it->second;
      }
      result["level"] = level_of(d.severity);
      result["message"] = Json::object({{"text", printable(d.text(lang))}});
      result["locations"] =
          Json::array({Json::object({{"physicalLocation", std::move(physical)}})});
      out_results.push(std::move(result));
    }
  }
  const Json doc = Json::object({
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", Json::array({Json::object({
                   {"tool", Json::object({{"driver", Json::object({
                                                         {"name", "planctl"},
                                                         {"version", version},
                                                         {"rules", std::move(rules)},
                                                     })}})},
                   // planctl's columns count characters, not UTF-16 units (SARIF's default).
                   {"columnKind", "unicodeCodePoints"},
                   {"results", std::move(out_results)},
               })})},
  });
  return doc.dump(2) + "\n";
}

std::string format_step_summary(std::span<const FileResult> results, bool strict, Lang lang,
                                std::size_t limit) {
  const bool zh = lang == Lang::zh;
  // Markdown would read `*`, `_`, `|` and the like in a file name as markup.
  auto cell = [](std::string_view text) {
    std::string out;
    for (char c : printable(text)) {
      if (std::string_view("\\`*_[]<>|~").find(c) != std::string_view::npos) {
        out += '\\';
      }
      out += c;
    }
    return out;
  };
  const Counts c = count_results(results, strict);
  std::string out = "### planctl validate\n\n";
  out += (c.failed_files == 0 ? "✅ " : "❌ ") + format_summary(c, strict, lang) + "\n";
  out += zh ? "| 文件 | 错误 | 警告 |\n|---|---:|---:|\n"
            : "| File | Errors | Warnings |\n|---|---:|---:|\n";
  std::size_t shown = 0;
  std::size_t clean = 0;
  for (const FileResult& r : results) {
    if (r.diagnostics.empty()) {
      ++clean;
      continue;
    }
    if (shown == limit) {
      continue;
    }
    ++shown;
    out += fmt::format("| {} | {} | {} |\n", cell(r.file), r.diagnostics.error_count(),
                       r.diagnostics.warning_count());
  }
  const std::size_t with_findings = results.size() - clean;
  if (shown < with_findings) {
    out += zh ? fmt::format("| ……另有 {} 个文件有问题（见日志） | | |\n", with_findings - shown)
              : fmt::format("| … {} more files with findings (see the log) | | |\n",
                            with_findings - shown);
  }
  if (clean > 0) {
    out += zh ? fmt::format("| 其余 {} 个文件无问题 | 0 | 0 |\n", clean)
              : fmt::format("| {} other {} without findings | 0 | 0 |\n", clean,
                            clean == 1 ? "file" : "files");
  }
  out +=
      zh ? fmt::format("| **共 {} 个文件** | **{}** | **{}** |\n\n", c.files, c.errors, c.warnings)
         : fmt::format("| **{} {}** | **{}** | **{}** |\n\n", c.files,
                       c.files == 1 ? "file" : "files", c.errors, c.warnings);
  return out;
}

} // namespace planctl::diag
