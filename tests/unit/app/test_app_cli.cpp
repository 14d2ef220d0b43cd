#include <planctl/app/cli.hpp>
#include <planctl/app/commands.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <vector>

using namespace planctl::app;
namespace fs = std::filesystem;

namespace {

const std::string k_examples = std::string(PLANCTL_SOURCE_DIR) + "/examples/";

// One in-memory run of planctl.
struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

Run run_planctl(const std::vector<std::string>& args, const std::string& input = {}) {
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream err;
  Console console{in, out, err};
  Run r;
  r.code = run(args, console);
  r.out = out.str();
  r.err = err.str();
  return r;
}

// A stream buffer that fails every write, to reach run()'s last-resort handler.
class ThrowingBuffer : public std::streambuf {
protected:
  int_type overflow(int_type) override { throw std::runtime_error("disk on fire"); }
  std::streamsize xsputn(const char*, std::streamsize) override {
    throw std::runtime_error("disk on fire");
  }
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("app::run") {
  SUBCASE("no arguments: the help on standard error, exit 2") {
    const Run r = run_planctl({});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(contains(r.err, "Subcommands:"));
  }
  SUBCASE("anything thrown is caught: planctl: error: internal error, exit 3") {
    ThrowingBuffer buffer;
    std::ostream out(&buffer);
    out.exceptions(std::ios::badbit);
    std::istringstream in;
    std::ostringstream err;
    Console console{in, out, err};
    CHECK(run({"schema"}, console) == 3);
    CHECK(err.str() == "planctl: error: internal error: disk on fire (this is a bug in planctl; "
                       "please report it)\n");
  }
  SUBCASE("--version") {
    const Run r = run_planctl({"--version"});
    CHECK(r.code == 0);
    CHECK(r.out == "planctl 0.1.0 (plan format version 1)\n");
  }
  SUBCASE("an unknown command suggests the closest") {
    const Run r = run_planctl({"valdate", "x.yaml"});
    CHECK(r.code == 2);
    CHECK(r.err == "planctl: error: unknown command \"valdate\" (did you mean \"validate\"?)\n"
                   "Run \"planctl --help\" to see the commands.\n");
  }
  SUBCASE("an unknown option suggests the closest") {
    const Run r = run_planctl({"validate", "--fromat", "json", "x.yaml"});
    CHECK(r.code == 2);
    CHECK(r.err == "planctl: error: unknown option \"--fromat\" (did you mean \"--format\"?)\n"
                   "Run \"planctl validate --help\" to see the options.\n");
  }
  SUBCASE("an unknown option written with = is named without its value") {
    const Run r = run_planctl({"render", "--keep-punctation=1", "x.yaml"});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "unknown option \"--keep-punctation\" (did you mean "
                          "\"--keep-punctuation\"?)"));
  }
  SUBCASE("a surplus argument") {
    const Run r = run_planctl({"schema", "extra"});
    CHECK(r.code == 2);
    CHECK(r.err == "planctl: error: unexpected argument \"extra\"\n"
                   "Run \"planctl schema --help\" to see the options.\n");
  }
  SUBCASE("a wrong option value suggests the closest") {
    const Run r = run_planctl({"validate", "--format", "jsno", "x.yaml"});
    CHECK(r.code == 2);
    CHECK(r.err == "planctl: error: --format: unknown format \"jsno\" (did you mean \"json\"?); "
                   "use one of text, json, github, junit, gitlab, sarif\n"
                   "Run \"planctl validate --help\" to see the options.\n");
  }
  SUBCASE("CLI11's own parse errors exit 2, not 100-127") {
    CHECK(run_planctl({"validate"}).code == 2);
    CHECK(run_planctl({"validate", "--format"}).code == 2);
    CHECK(run_planctl({"validate", "--strict=maybe", "x.yaml"}).code == 2);
  }
  SUBCASE("every command's help has its description, options and an example") {
    for (const Command& c : all_commands()) {
      CAPTURE(c.name);
      const Run r = run_planctl({std::string(c.name), "--help"});
      CHECK(r.code == 0);
      CHECK(r.out.starts_with(std::string(c.summary) + ".\n\n" + std::string(c.description)));
      CHECK(contains(r.out, "Options:\n  -h,--help"));
      CHECK(contains(r.out, "Example:\n  " + std::string(c.example)));
      const Run via_help = run_planctl({"help", std::string(c.name)});
      CHECK(via_help.out == r.out);
    }
  }
  SUBCASE("help for an unknown command") {
    const Run r = run_planctl({"help", "rendr"});
    CHECK(r.code == 2);
    CHECK(r.err == "planctl: error: unknown command \"rendr\" (did you mean \"render\"?)\n"
                   "Run \"planctl --help\" to see the commands.\n");
  }
  SUBCASE("schema prints JSON") {
    const Run r = run_planctl({"schema"});
    CHECK(r.code == 0);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc.contains("properties"));
  }
  SUBCASE("rules list every rule, in three formats") {
    const Run text = run_planctl({"rules"});
    CHECK(text.code == 0);
    CHECK(contains(text.out, "internal-error"));
    const Run md = run_planctl({"rules", "--format", "markdown"});
    CHECK(md.out.starts_with("| rule | severity | description |\n|---|---|---|\n"));
    const auto json = nlohmann::json::parse(run_planctl({"rules", "-f", "json"}).out);
    CHECK(json["version"] == 1);
    CHECK(json["rules"].size() == std::count(text.out.begin(), text.out.end(), '\n'));
  }
}

TEST_CASE("app::run validate") {
  SUBCASE("valid examples: nothing on standard output, exit 0") {
    const Run r =
        run_planctl({"validate", k_examples + "minimal.yaml", k_examples + "starter.yaml"});
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(r.err == "2 files checked: no problems found\n");
  }
  SUBCASE("standard input") {
    const Run r = run_planctl({"validate", "-"}, "version: 3\n");
    CHECK(r.code == 1);
    CHECK(contains(r.out, "<stdin>:1:10: error: this file says version \"3\""));
  }
  SUBCASE("an unreadable file among valid ones: all checked, exit 2") {
    const Run r = run_planctl({"validate", k_examples + "minimal.yaml", "missing.yaml"});
    CHECK(r.code == 2);
    CHECK(r.out.starts_with("missing.yaml: error: "));
    CHECK(contains(r.err, "2 files checked: 1 error, 0 warnings (1 file fails, 1 could not be "
                          "read)"));
  }
  SUBCASE("--lang zh") {
    const Run r = run_planctl({"validate", "--lang", "zh", k_examples + "minimal.yaml"});
    CHECK(r.err == "已检查 1 个文件：没有发现问题\n");
  }
  SUBCASE("--output writes the report atomically; the console gets the text") {
    const fs::path dir = fs::temp_directory_path() / "planctl-test-app-cli";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const Run r =
        run_planctl({"validate", "-f", "json", "-o", (dir / "r.json").string(), "missing.yaml"});
    CHECK(r.code == 2);
    CHECK(r.out.starts_with("missing.yaml: error: "));
    const auto doc = nlohmann::json::parse(std::ifstream(dir / "r.json"));
    CHECK(doc["files"][0]["status"] == "unreadable");
    const Run bad =
        run_planctl({"validate", "-o", (dir / "no/r.json").string(), k_examples + "minimal.yaml"});
    CHECK(bad.code == 2);
    CHECK(contains(bad.err, "planctl: error: the output folder \"" + (dir / "no").string() +
                                "\" does not exist\n"));
    fs::remove_all(dir);
  }
}
