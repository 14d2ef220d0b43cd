#include <planctl/app/output_record.hpp>
#include <planctl/generated/version.hpp>
#include <planctl/util/json_writer.hpp>
#include <planctl/util/platform.hpp>
#include <planctl/util/sha256.hpp>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace planctl::app {

namespace fs = std::filesystem;

namespace {

constexpr int k_record_version = 2;
constexpr std::string_view k_prefix = ".";
constexpr std::string_view k_suffix = ".planctl.json";

std::optional<std::string> read_small_file(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(path, ec)) || fs::file_size(path, ec) > (1u << 20)) {
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) {
    return std::nullopt;
  }
  return bytes.str();
}

std::optional<workbook::SummaryRow> parse_summary(const YAML::Node& j) {
  if (!j.IsMap()) {
    return std::nullopt;
  }
  workbook::SummaryRow row;
  row.school = j["school"].as<std::string>();
  row.code = j["code"].as<std::string>();
  row.district = j["district"].as<std::string>();
  row.title = j["title"].as<std::string>();
  row.has_counts = true;
  row.tasks = j["tasks"].as<std::size_t>();
  const YAML::Node states = j["states"];
  if (!states.IsSequence() || states.size() != row.states.size()) {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < row.states.size(); ++i) {
    row.states[i] = states[i].as<std::size_t>();
  }
  row.activities = j["activities"].as<std::size_t>();
  if (const YAML::Node last = j["last_activity"]; last && !last.IsNull()) {
    row.last_activity = util::parse_date(last.as<std::string>());
    if (!row.last_activity) {
      return std::nullopt;
    }
  }
  row.result = workbook::check_result_label(0, 0);
  return row;
}

util::Json summary_json(const workbook::SummaryRow& row) {
  util::Json states = util::Json::array();
  for (std::size_t n : row.states) {
    states.push(n);
  }
  return util::Json::object({
      {"school", row.school},
      {"code", row.code},
      {"district", row.district},
      {"title", row.title},
      {"tasks", row.tasks},
      {"states", std::move(states)},
      {"activities", row.activities},
      {"last_activity",
       row.last_activity ? util::Json(util::to_iso(*row.last_activity)) : util::Json()},
  });
}

// The record written by stage_record(). JSON is YAML 1.2, so yaml-cpp, already the library
// that reads plan files, reads it back; anything unexpected counts as corrupt.
std::optional<OutputRecord> parse_record(const std::string& text) {
  try {
    const YAML::Node j = YAML::Load(text);
    if (!j.IsMap() || j["record"].as<int>() != k_record_version) {
      return std::nullopt;
    }
    OutputRecord r;
    r.input = j["input"].as<std::string>();
    r.input_sha256 = j["input_sha256"].as<std::string>();
    r.planctl = j["planctl"].as<std::string>();
    r.as_of = j["as_of"].as<std::string>();
    r.formats = j["formats"].as<std::vector<std::string>>();
    r.keep_punctuation = j["keep_punctuation"].as<bool>();
    if (const YAML::Node bulletin = j["bulletin"]) {
      r.bulletin = bulletin.as<std::string>();
    }
    const YAML::Node outputs = j["outputs"];
    if (!outputs.IsMap()) {
      return std::nullopt;
    }
    for (const auto& output : outputs) {
      r.outputs.emplace_back(output.first.as<std::string>(), output.second.as<std::string>());
    }
    if (const YAML::Node summary = j["summary"]) {
      r.summary = parse_summary(summary);
      if (!r.summary) {
        return std::nullopt;
      }
    }
    return r;
  } catch (const std::exception&) {
    return std::nullopt; // corrupt: the stem is rendered again
  }
}

} // namespace

std::string record_name(const std::string& stem) {
  return std::string(k_prefix) + stem + std::string(k_suffix);
}

OutputRecord record_for(const std::string& input, const std::string& input_sha256,
                        const RenderOptions& options) {
  OutputRecord r;
  r.input = input;
  r.input_sha256 = input_sha256;
  r.planctl = k_version;
  r.as_of = util::to_iso(options.as_of);
  for (OutputFormat f : options.formats) {
    r.formats.emplace_back(format_name(f));
  }
  r.keep_punctuation = options.keep_punctuation;
  r.bulletin = options.bulletin;
  return r;
}

std::optional<OutputRecord> read_record(const fs::path& dir, const std::string& stem) {
  const std::optional<std::string> text = read_small_file(dir / util::utf8_path(record_name(stem)));
  return text ? parse_record(*text) : std::nullopt;
}

bool up_to_date(const fs::path& dir, const OutputRecord& old, const OutputRecord& now) {
  if (old.input_sha256 != now.input_sha256 || old.planctl != now.planctl ||
      old.as_of != now.as_of || old.formats != now.formats ||
      old.keep_punctuation != now.keep_punctuation || old.bulletin != now.bulletin ||
      old.outputs.empty()) {
    return false;
  }
  return std::all_of(old.outputs.begin(), old.outputs.end(), [&](const auto& output) {
    return util::sha256_file(dir / util::utf8_path(output.first)) == output.second;
  });
}

void hash_outputs(const fs::path& dir, const std::vector<std::string>& names,
                  OutputRecord& record) {
  record.outputs.clear();
  for (const std::string& name : names) {
    record.outputs.emplace_back(name, util::sha256_file(dir / util::utf8_path(name)).value_or(""));
  }
}

bool in_formats(const std::vector<std::string>& formats, const std::string& name) {
  const std::size_t dot = name.rfind('.');
  const std::string_view ext =
      dot == std::string::npos ? std::string_view{} : std::string_view(name).substr(dot + 1);
  return std::find(formats.begin(), formats.end(), ext) != formats.end();
}

std::vector<std::string> remove_outputs(const fs::path& dir, const OutputRecord& old,
                                        const std::vector<std::string>& keep,
                                        std::vector<std::string>& kept,
                                        const std::vector<std::string>* formats) {
  std::vector<std::string> removed;
  for (const auto& [name, hash] : old.outputs) {
    if (std::find(keep.begin(), keep.end(), name) != keep.end() ||
        (formats != nullptr && !in_formats(*formats, name))) {
      continue;
    }
    try {
      util::check_output_name(name); // a record edited to name `../x` removes nothing
    } catch (const util::OutputError&) {
      continue;
    }
    const fs::path path = dir / util::utf8_path(name);
    const std::optional<std::string> now = util::sha256_file(path);
    if (!now) {
      continue; // gone already, or not a plain file
    }
    std::error_code ec;
    if (*now == hash && fs::remove(path, ec)) {
      removed.push_back(name);
    } else if (*now != hash) {
      kept.push_back(name);
    }
  }
  return removed;
}

std::size_t own_outputs(const OutputRecord& record) {
  return static_cast<std::size_t>(
      std::count_if(record.outputs.begin(), record.outputs.end(),
                    [&](const auto& output) { return in_formats(record.formats, output.first); }));
}

void carry_other_formats(const OutputRecord& old, OutputRecord& now) {
  for (const auto& output : old.outputs) {
    if (!in_formats(now.formats, output.first)) {
      now.outputs.push_back(output);
    }
  }
}

bool is_bulletin_output(const std::string& stem, const std::string& name) {
  return name.starts_with(stem + ".bulletin-") || name.starts_with(stem + ".photo-");
}

std::vector<std::string> carry_bulletins(const fs::path& dir, const std::string& stem,
                                         const OutputRecord& old, OutputRecord& now) {
  std::vector<std::string> carried;
  for (const auto& output : old.outputs) {
    if (!is_bulletin_output(stem, output.first) ||
        std::any_of(now.outputs.begin(), now.outputs.end(),
                    [&](const auto& o) { return o.first == output.first; })) {
      continue;
    }
    if (util::sha256_file(dir / util::utf8_path(output.first)) == output.second) {
      now.outputs.push_back(output);
      carried.push_back(output.first);
    }
  }
  return carried;
}

void stage_record(util::OutputSink& sink, const std::string& stem, const OutputRecord& record) {
  util::Json outputs = util::Json::object();
  for (const auto& [name, hash] : record.outputs) {
    outputs.set(name, hash);
  }
  util::Json formats = util::Json::array();
  for (const std::string& format : record.formats) {
    formats.push(format);
  }
  util::Json j = util::Json::object({
      {"record", k_record_version},
      {"input", record.input},
      {"input_sha256", record.input_sha256},
      {"planctl", record.planctl},
      {"as_of", record.as_of},
      {"formats", std::move(formats)},
      {"keep_punctuation", record.keep_punctuation},
      {"outputs", std::move(outputs)},
  });
  if (!record.bulletin.empty()) {
    j.set("bulletin", record.bulletin);
  }
  if (record.summary) {
    j.set("summary", summary_json(*record.summary));
  }
  sink.write(record_name(stem), j.dump(2) + "\n");
}

void remove_record(const fs::path& dir, const std::string& stem) {
  std::error_code ec;
  fs::remove(dir / util::utf8_path(record_name(stem)), ec);
}

std::map<std::string, std::string> find_record_stems(const fs::path& dir) {
  std::map<std::string, std::string> stems;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = util::path_utf8(it->path().filename());
    if (!name.starts_with(k_prefix) || !name.ends_with(k_suffix) ||
        name.size() <= k_prefix.size() + k_suffix.size()) {
      continue;
    }
    const std::string stem =
        name.substr(k_prefix.size(), name.size() - k_prefix.size() - k_suffix.size());
    if (const auto r = read_record(dir, stem)) {
      stems.emplace(r->input, stem);
    }
  }
  return stems;
}

std::optional<std::pair<std::string, OutputRecord>> RecordFinder::find(const std::string& input,
                                                                       const std::string& stem) {
  const auto named =
      [&](const std::string& s) -> std::optional<std::pair<std::string, OutputRecord>> {
    if (s.empty()) {
      return std::nullopt;
    }
    std::optional<OutputRecord> r = read_record(m_dir, s);
    if (r && r->input == input) {
      return std::pair{s, std::move(*r)};
    }
    return std::nullopt;
  };
  if (auto found = named(stem)) {
    return found;
  }
  const std::string by_name = util::path_utf8(util::utf8_path(input).stem());
  if (by_name != stem) {
    if (auto found = named(by_name)) {
      return found;
    }
  }
  std::call_once(m_listed, [&] { m_stems = find_record_stems(m_dir); });
  const auto it = m_stems.find(input);
  if (it == m_stems.end() || it->second == stem || it->second == by_name) {
    return std::nullopt;
  }
  return named(it->second);
}

} // namespace planctl::app
