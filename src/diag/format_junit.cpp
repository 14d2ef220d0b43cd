#include <planctl/diag/format.hpp>
#include <planctl/util/utf8.hpp>

#include <fmt/format.h>

namespace planctl::diag {

namespace {

// `text` as XML 1.0 character data or attribute value: markup characters escaped, bytes that
// are not UTF-8 and characters XML forbids (C0 controls other than tab, LF and CR; U+FFFE,
// U+FFFF) replaced by U+FFFD, so that any input gives a well-formed report.
std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    char32_t cp = util::next_code_point(text, pos);
    switch (cp) {
    case '&':
      out += "&amp;";
      continue;
    case '<':
      out += "&lt;";
      continue;
    case '>':
      out += "&gt;";
      continue;
    case '"':
      out += "&quot;";
      continue;
    case '\'':
      out += "&apos;";
      continue;
    case '\n':
      out += "&#10;";
      continue;
    case '\r':
      out += "&#13;";
      continue;
    case '\t':
      out += "&#9;";
      continue;
    default:
      break;
    }
    if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) {
      cp = 0xFFFD;
    }
    if (cp == 0xFFFD) {
      util::append_utf8(out, cp);
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

// The text of the failure element: one finding per line, as the text format writes them.
// Line ends inside the element are real newlines; only attribute values need `&#10;`.
std::string findings_text(const FileResult& r, Lang lang) {
  std::string out;
  for (const Diagnostic& d : r.diagnostics.items()) {
    std::string line = xml_escape(format_text(d, {}, TextStyle{.lang = lang}));
    // xml_escape turned the line's own newline into a reference; keep it readable instead.
    if (line.ends_with("&#10;")) {
      line.resize(line.size() - 5);
    }
    out += line + "\n";
  }
  return out;
}

std::string count_words(std::size_t errors, std::size_t warnings, Lang lang) {
  if (lang == Lang::zh) {
    return fmt::format("{} 个错误，{} 个警告", errors, warnings);
  }
  return fmt::format("{} {}, {} {}", errors, errors == 1 ? "error" : "errors", warnings,
                     warnings == 1 ? "warning" : "warnings");
}

} // namespace

std::string format_junit(std::span<const FileResult> results, bool strict, Lang lang) {
  const Counts c = count_results(results, strict);
  // A file that could not be read or that planctl failed on is an <error> (the test could not
  // run); a file with failing findings is a <failure>.
  std::size_t error_files = 0;
  for (const FileResult& r : results) {
    error_files += (r.unreadable || r.internal_error) ? 1 : 0;
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"planctl validate\" tests=\"{}\" failures=\"{}\" "
                     "errors=\"{}\">\n",
                     c.files, c.failed_files - error_files, error_files);
  for (const FileResult& r : results) {
    const std::string name = xml_escape(printable(r.file));
    const bool is_error = r.unreadable || r.internal_error;
    const bool fails = file_fails(r, strict);
    out += fmt::format("  <testsuite name=\"{}\" tests=\"1\" failures=\"{}\" errors=\"{}\" "
                       "skipped=\"0\">\n",
                       name, fails && !is_error ? 1 : 0, is_error ? 1 : 0);
    out += fmt::format("    <testcase name=\"{}\" classname=\"planctl.validate\"", name);
    const std::string findings = findings_text(r, lang);
    if (!fails && findings.empty()) {
      out += "/>\n";
    } else {
      out += ">\n";
      const std::string message =
          xml_escape(count_words(r.diagnostics.error_count(), r.diagnostics.warning_count(), lang));
      if (is_error) {
        out += fmt::format("      <error message=\"{}\" type=\"{}\">{}</error>\n", message,
                           r.unreadable ? "unreadable" : "internal-error", findings);
      } else if (fails) {
        out += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n", message,
                           r.diagnostics.has_errors() ? "error" : "warning", findings);
      } else {
        // Warnings that do not fail are still worth seeing in the CI report.
        out += fmt::format("      <system-out>{}</system-out>\n", findings);
      }
      out += "    </testcase>\n";
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

} // namespace planctl::diag
