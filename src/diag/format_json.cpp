#include <planctl/diag/format.hpp>
#include <planctl/util/json_writer.hpp>

namespace planctl::diag {

namespace {

// The one word that says how a file came out; documented in docs/cli.md.
const char* file_status(const FileResult& r, bool strict) {
  if (r.unreadable) {
    return "unreadable";
  }
  if (r.internal_error) {
    return "internal-error";
  }
  return file_fails(r, strict) ? "invalid" : "valid";
}

} // namespace

std::string format_json(std::span<const FileResult> results, bool strict, Lang lang) {
  // ordered_json keeps the documented key order, so the output is stable byte for byte.
  using util::Json;
  Json files = Json::array();
  for (const FileResult& r : results) {
    Json diagnostics = Json::array();
    for (const Diagnostic& d : r.diagnostics.items()) {
      Json item = Json::object({
          {"file", printable(d.file)},
          {"line", d.mark.line},
          {"column", d.mark.known() ? std::max(d.mark.column, 1) : 0},
          {"severity", d.severity == Severity::error ? "error" : "warning"},
          {"rule", d.rule()},
          {"message", printable(d.text(lang))},
      });
      // Only findings that have notes get the key, so the output of the others is unchanged.
      if (!d.notes.empty()) {
        Json notes = Json::array();
        for (const Note& n : d.notes) {
          notes.push(Json::object({{"line", n.mark.line},
                                   {"column", n.mark.known() ? std::max(n.mark.column, 1) : 0},
                                   {"message", printable(n.text(lang))}}));
        }
        item["notes"] = std::move(notes);
      }
      diagnostics.push(std::move(item));
    }
    files.push(Json::object({
        {"file", printable(r.file)},
        {"status", file_status(r, strict)},
        {"errors", r.diagnostics.error_count()},
        {"warnings", r.diagnostics.warning_count()},
        {"diagnostics", std::move(diagnostics)},
    }));
  }
  const Counts c = count_results(results, strict);
  Json doc = Json::object({
      {"version", 1},
      {"strict", strict},
      {"files", std::move(files)},
      {"summary", Json::object({
                      {"files", c.files},
                      {"valid", c.files - c.failed_files},
                      {"invalid", c.failed_files},
                      {"unreadable", c.unreadable},
                      {"internal_errors", c.internal_errors},
                      {"errors", c.errors},
                      {"warnings", c.warnings},
                  })},
  });
  // File names and messages may hold bytes that are not UTF-8 (a GBK file name, a quoted
  // value from a GBK file); replace them rather than fail to report.
  return doc.dump(2) + "\n";
}

} // namespace planctl::diag
