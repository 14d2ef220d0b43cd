#include <planctl/diag/format.hpp>
#include <planctl/util/json_writer.hpp>
#include <planctl/util/sha256.hpp>

#include <map>
#include <tuple>

namespace planctl::diag {

std::string format_gitlab(std::span<const FileResult> results, Lang lang) {
  using util::Json;
  Json issues = Json::array();
  for (const FileResult& r : results) {
    // The n-th finding with the same file, rule and message keeps its fingerprint when lines
    // are added above it, so GitLab does not list it as fixed and new again.
    std::map<std::tuple<std::string, std::string, std::string>, std::size_t> seen;
    for (const Diagnostic& d : r.diagnostics.items()) {
      const std::string file = printable(d.file);
      const std::string message = printable(d.text(lang));
      const std::string rule = d.rule();
      const std::size_t nth = seen[{file, rule, message}]++;
      const std::string fingerprint =
          util::sha256_hex(file + '\0' + rule + '\0' + message + '\0' + std::to_string(nth));
      const bool error = d.severity == Severity::error;
      issues.push(Json::object({
          {"type", "issue"},
          {"check_name", rule},
          {"description", message + " [" + rule + "]"},
          {"categories", Json::array({error ? "Bug Risk" : "Style"})},
          {"severity", error ? "major" : "minor"},
          {"fingerprint", fingerprint},
          {"location",
           Json::object({{"path", file},
                         {"lines", Json::object({{"begin", d.mark.known() ? d.mark.line : 1}})}})},
      }));
    }
  }
  return issues.dump(2) + "\n";
}

} // namespace planctl::diag
