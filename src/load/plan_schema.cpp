#include <planctl/load/plan_schema.hpp>
#include <planctl/util/spell.hpp>
#include <planctl/util/utf8.hpp>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <unordered_map>
#include <utility>

namespace planctl::load {

Words place_words(Place place) {
  switch (place) {
  case Place::top:
    return {"the top level of the file", "文件顶层"};
  case Place::school:
    return {"\"school\"", "“school”"};
  case Place::profile_fact:
    return {"an entry of \"school.profile\"", "“school.profile”的条目"};
  case Place::department:
    return {"a department", "部门"};
  case Place::person:
    return {"a person", "人员"};
  case Place::plan:
    return {"\"plan\"", "“plan”"};
  case Place::period:
    return {"\"plan.period\"", "“plan.period”"};
  case Place::item:
    return {"an item", "条目"};
  case Place::task:
    return {"a task", "任务"};
  case Place::activity:
    return {"an activity", "活动"};
  case Place::report:
    return {"\"report\"", "“report”"};
  case Place::report_item:
    return {"a report item", "总结条目"};
  case Place::headings:
    return {"\"report.headings\"", "“report.headings”"};
  case Place::other:
    break;
  }
  return {"a mapping", "映射"};
}

namespace {

bool all_of(std::string_view s, bool (*pred)(char)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), pred);
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_octal(char c) {
  return c >= '0' && c <= '7';
}
bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::string_view without_sign(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    s.remove_prefix(1);
  }
  return s;
}

// [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
bool is_core_float(std::string_view s) {
  s = without_sign(s);
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t from = i;
    while (i < s.size() && is_digit(s[i])) {
      ++i;
    }
    return i - from;
  };
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (digits() == 0) {
      return false;
    }
  } else {
    if (digits() == 0) {
      return false;
    }
    if (i < s.size() && s[i] == '.') {
      ++i;
      digits();
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      ++i;
    }
    if (digits() == 0) {
      return false;
    }
  }
  return i == s.size();
}

} // namespace

CoreType core_type(std::string_view s) {
  if (is_core_null(s)) {
    return CoreType::null;
  }
  if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE") {
    return CoreType::boolean;
  }
  if (all_of(without_sign(s), is_digit) || (s.starts_with("0o") && all_of(s.substr(2), is_octal)) ||
      (s.starts_with("0x") && all_of(s.substr(2), is_hex))) {
    return CoreType::integer;
  }
  const std::string_view unsigned_part = without_sign(s);
  if (unsigned_part == ".inf" || unsigned_part == ".Inf" || unsigned_part == ".INF" ||
      s == ".nan" || s == ".NaN" || s == ".NAN" || is_core_float(s)) {
    return CoreType::floating;
  }
  return CoreType::string;
}

const nlohmann::ordered_json& plan_schema_json() {
  static const nlohmann::ordered_json schema =
      nlohmann::ordered_json::parse(plan_schema_text(true));
  return schema;
}

namespace {

// Drops every `patternProperties: {^x-: …}` from `node`. The JSON that is validated never
// holds an `x-` key (to_json and the Pruner leave them out), so those patterns could only cost:
// valijson ran a std::regex search for every key of every mapping, 7% of loading a file
// (callgrind, bench/).
void drop_x_patterns(nlohmann::json& node) {
  if (node.is_object()) {
    if (const auto it = node.find("patternProperties");
        it != node.end() && it->is_object() && it->size() == 1 && it->contains("^x-")) {
      node.erase(it);
    }
    for (auto& [key, value] : node.items()) {
      drop_x_patterns(value);
    }
  } else if (node.is_array()) {
    for (auto& value : node) {
      drop_x_patterns(value);
    }
  }
}

// The embedded schema as valijson is given it.
nlohmann::json validator_document() {
  nlohmann::json document = nlohmann::json::parse(plan_schema_text(true));
  drop_x_patterns(document);
  return document;
}

const valijson::Schema& plan_schema() {
  // Parsed once; validation only reads it, so threads can share it (each call has its own
  // Validator, which holds the regex cache).
  static const std::unique_ptr<const valijson::Schema> schema = [] {
    auto s = std::make_unique<valijson::Schema>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    const nlohmann::json document = validator_document();
    const valijson::adapters::NlohmannJsonAdapter adapter(document);
    parser.populateSchema(adapter, *s);
    return std::unique_ptr<const valijson::Schema>(std::move(s));
  }();
  return *schema;
}

// The schema of one definition (`item`, `activity`, …) as a root of its own, for validating
// one list entry at a time; parsed once per process on first use.
const valijson::Schema* definition_schema(const std::string& def) {
  static const auto schemas = [] {
    std::map<std::string, std::unique_ptr<const valijson::Schema>, std::less<>> out;
    const nlohmann::json document = validator_document();
    for (const auto& [name, body] : document["definitions"].items()) {
      nlohmann::json root = {{"$ref", "#/definitions/" + name},
                             {"definitions", document["definitions"]}};
      auto s = std::make_unique<valijson::Schema>();
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
      const valijson::adapters::NlohmannJsonAdapter adapter(root);
      parser.populateSchema(adapter, *s);
      out.emplace(name, std::move(s));
    }
    return out;
  }();
  const auto it = schemas.find(def);
  return it == schemas.end() ? nullptr : it->second.get();
}

nlohmann::json number_json(std::string_view s) {
  const std::string_view body = without_sign(s);
  const bool negative = !s.empty() && s[0] == '-';
  if (body == ".inf" || body == ".Inf" || body == ".INF") {
    return negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  }
  if (s == ".nan" || s == ".NaN" || s == ".NAN") {
    return std::numeric_limits<double>::quiet_NaN();
  }
  int base = 10;
  std::string_view digits = s;
  if (s.starts_with("0o")) {
    base = 8, digits = s.substr(2);
  } else if (s.starts_with("0x")) {
    base = 16, digits = s.substr(2);
  } else if (!s.empty() && s[0] == '+') {
    digits = s.substr(1);
  }
  if (core_type(s) == CoreType::integer) {
    std::int64_t value = 0;
    const auto [end, ec] =
        std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
    if (ec == std::errc{} && end == digits.data() + digits.size()) {
      return value;
    }
  }
  if (core_type(s) == CoreType::integer && base == 10) {
    // Too large for 64 bits: still a whole number to the schema, so that the builder, not a
    // type error, says it is too large.
    return negative ? std::numeric_limits<std::int64_t>::min()
                    : std::numeric_limits<std::int64_t>::max();
  }
  return std::strtod(std::string(s).c_str(), nullptr);
}

// At most 1,024 bytes, cut at a character boundary: enough for every schema check (the
// longest constrained value, an id, has 64 characters) and safe for std::regex.
std::string capped(std::string_view s) {
  constexpr std::size_t k_cap = 1024;
  if (s.size() <= k_cap) {
    return std::string(s);
  }
  std::size_t end = k_cap;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) {
    --end;
  }
  return std::string(s.substr(0, end));
}

} // namespace

nlohmann::json to_json(const YamlDocument& doc, NodeId id) {
  const YamlNode& n = doc.node(id);
  switch (n.kind) {
  case NodeKind::null:
    return nullptr;
  case NodeKind::scalar: {
    const std::string_view s = doc.scalar(id);
    if (!n.plain) {
      return capped(s);
    }
    switch (core_type(s)) {
    case CoreType::null:
      return nullptr;
    case CoreType::boolean:
      return s[0] == 't' || s[0] == 'T';
    case CoreType::integer:
    case CoreType::floating:
      return number_json(s);
    case CoreType::string:
      break;
    }
    return capped(s);
  }
  case NodeKind::sequence: {
    nlohmann::json out = nlohmann::json::array();
    const auto kids = doc.children(id);
    out.get_ref<nlohmann::json::array_t&>().reserve(kids.size());
    for (const NodeId kid : kids) {
      out.push_back(to_json(doc, kid));
    }
    return out;
  }
  case NodeKind::mapping: {
    nlohmann::json out = nlohmann::json::object();
    const auto kids = doc.children(id);
    for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
      const std::string_view key = doc.scalar(kids[i]);
      // `x-` keys are the user's own; null values count as absent (plan-format.md).
      if (key.starts_with("x-") || doc.node(kids[i + 1]).kind == NodeKind::null) {
        continue;
      }
      out.emplace(std::string(key), to_json(doc, kids[i + 1]));
    }
    return out;
  }
  }
  return nullptr;
}

namespace {

using Json = nlohmann::ordered_json;

// One step of a path from the top of the file, in the tree and in the schema at once.
struct Step {
  NodeId node = 0;
  std::optional<NodeId> key;        // the key node, when reached through a mapping
  std::optional<std::size_t> index; // the index, when reached through a list
  const Json* schema = nullptr;     // the schema that applies here ($ref resolved), if known
  std::string def;                  // the definition the schema came from, if any
};

const Json* resolve(const Json* schema, std::string& def) {
  constexpr std::string_view k_prefix = "#/definitions/";
  for (int guard = 0; schema && schema->is_object() && guard < 16; ++guard) {
    const auto ref = schema->find("$ref");
    if (ref == schema->end() || !ref->is_string()) {
      break;
    }
    const std::string& target = ref->get_ref<const std::string&>();
    if (!target.starts_with(k_prefix)) {
      return nullptr;
    }
    def = target.substr(k_prefix.size());
    const Json& defs = plan_schema_json()["definitions"];
    const auto it = defs.find(def);
    schema = it == defs.end() ? nullptr : &*it;
  }
  return schema;
}

// For each list that was cut down before detailed validation, the original index of every
// entry kept.
using KeptEntries = std::unordered_map<NodeId, std::vector<std::size_t>>;

// Follows valijson's context (`<root>`, `[plan]`, `[sections]`, `[0]`, …) through the tree,
// translating indices of lists that were cut down.
std::vector<Step> walk(const YamlDocument& doc, const std::vector<std::string>& context,
                       const KeptEntries& kept) {
  std::vector<Step> steps;
  Step top;
  top.node = doc.root();
  top.schema = &plan_schema_json();
  steps.push_back(top);
  for (std::size_t i = 1; i < context.size(); ++i) {
    const std::string& segment = context[i];
    if (segment.size() < 2 || segment.front() != '[' || segment.back() != ']') {
      break;
    }
    const std::string name = segment.substr(1, segment.size() - 2);
    const Step& here = steps.back();
    Step next;
    const YamlNode& n = doc.node(here.node);
    if (n.kind == NodeKind::mapping) {
      const auto key = doc.find_key(here.node, name);
      if (!key) {
        break;
      }
      next.key = key;
      next.node = *doc.find(here.node, name);
      if (here.schema) {
        const auto props = here.schema->find("properties");
        if (props != here.schema->end() && props->contains(name)) {
          next.schema = resolve(&(*props)[name], next.def);
        }
      }
    } else if (n.kind == NodeKind::sequence) {
      std::size_t index = 0;
      const auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), index);
      if (ec != std::errc{}) {
        break;
      }
      if (const auto cut = kept.find(here.node); cut != kept.end()) {
        if (index >= cut->second.size()) {
          break;
        }
        index = cut->second[index];
      }
      if (index >= doc.children(here.node).size()) {
        break;
      }
      next.index = index;
      next.node = doc.children(here.node)[index];
      if (here.schema) {
        const auto items = here.schema->find("items");
        if (items != here.schema->end()) {
          next.schema = resolve(&*items, next.def);
        }
      }
    } else {
      break;
    }
    steps.push_back(next);
  }
  return steps;
}

bool has_task_key(const YamlDocument& doc, NodeId map) {
  const auto kids = doc.children(map);
  for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
    if (is_task_key(doc.scalar(kids[i])) && doc.node(kids[i + 1]).kind != NodeKind::null) {
      return true;
    }
  }
  return false;
}

Place place_of(const YamlDocument& doc, const std::vector<Step>& steps) {
  if (steps.size() == 1) {
    return Place::top;
  }
  const std::string& def = steps.back().def;
  if (def == "school") {
    return Place::school;
  }
  if (def == "profile_fact") {
    return Place::profile_fact;
  }
  if (def == "department") {
    return Place::department;
  }
  if (def == "person") {
    return Place::person;
  }
  if (def == "plan") {
    return Place::plan;
  }
  if (def == "period") {
    return Place::period;
  }
  if (def == "item") {
    return has_task_key(doc, steps.back().node) ? Place::task : Place::item;
  }
  if (def == "activity") {
    return Place::activity;
  }
  if (def == "report") {
    return Place::report;
  }
  if (def == "report_item") {
    return Place::report_item;
  }
  if (def == "headings") {
    return Place::headings;
  }
  return Place::other;
}

// The name of the key a step hangs from (for a list entry: the list's key).
std::string key_name(const YamlDocument& doc, const std::vector<Step>& steps, std::size_t at) {
  for (std::size_t i = at + 1; i-- > 0;) {
    if (steps[i].key) {
      return std::string(doc.scalar(*steps[i].key));
    }
  }
  return {};
}

// How the value at the end of `steps` is named: `"sections"`, `entry 2 of "sections"`.
Words what_words(const YamlDocument& doc, const std::vector<Step>& steps) {
  const Step& last = steps.back();
  if (steps.size() == 1) {
    return {"the file", "文件"};
  }
  if (last.key) {
    const std::string name(doc.scalar(*last.key));
    return {"\"" + name + "\"", "“" + name + "”"};
  }
  const std::string list = key_name(doc, steps, steps.size() - 2);
  const std::string n = std::to_string(*last.index + 1);
  return {"entry " + n + " of \"" + list + "\"", "“" + list + "”的第 " + n + " 项"};
}

std::optional<Words> definition_words(std::string_view def) {
  if (def == "text" || def == "long_text") {
    return Words{"a text", "文本"};
  }
  if (def == "text_list") {
    return Words{"a text or a list of texts", "文本或文本列表"};
  }
  if (def == "id") {
    return Words{"an id", "标识"};
  }
  if (def == "date") {
    return Words{"a date written YYYY-MM-DD", "YYYY-MM-DD 格式的日期"};
  }
  if (def == "date_or_month") {
    return Words{"a date (YYYY-MM-DD) or a month (YYYY-MM)", "日期（YYYY-MM-DD）或月份（YYYY-MM）"};
  }
  if (def == "due") {
    return Words{"a date, a month or one of 全年, 长期, 每学期, 每月, 每周",
                 "日期、月份或 全年、长期、每学期、每月、每周 之一"};
  }
  if (def == "month") {
    return Words{"a month number from 1 to 12", "1 到 12 的月份数字"};
  }
  if (def == "status") {
    return Words{"one of 未开始, 进行中, 已完成", "未开始、进行中、已完成 之一"};
  }
  if (def == "numbering_style") {
    return Words{"a numbering style (一、, （一）, 1. or （1）)", "编号样式（一、（一）1.（1））"};
  }
  if (def == "item") {
    return Words{"an item (a mapping with a \"title\")", "条目（含 title 的映射）"};
  }
  if (def == "department") {
    return Words{"a department (a mapping with \"id\" and \"name\")",
                 "部门（含 id 和 name 的映射）"};
  }
  if (def == "person") {
    return Words{"a person (a mapping with \"id\" and \"name\")", "人员（含 id 和 name 的映射）"};
  }
  if (def == "activity") {
    return Words{"an activity (a mapping with \"date\" and \"title\")",
                 "活动（含 date 和 title 的映射）"};
  }
  if (def == "report_item") {
    return Words{"a report item (a mapping with \"text\" or \"points\")",
                 "总结条目（含 text 或 points 的映射）"};
  }
  if (def == "profile_fact") {
    return Words{"a fact like {label: 在校学生, value: 2282, unit: 人}",
                 "数据项（如 {label: 在校学生, value: 2282, unit: 人}）"};
  }
  if (def == "school" || def == "plan" || def == "period" || def == "report" || def == "headings") {
    return Words{"a mapping of keys and values", "键值映射"};
  }
  return std::nullopt;
}

Words plural_words(std::string_view def) {
  if (def == "item") {
    return {"items", "条目"};
  }
  if (def == "department") {
    return {"departments", "部门"};
  }
  if (def == "person") {
    return {"people", "人员"};
  }
  if (def == "activity") {
    return {"activities", "活动"};
  }
  if (def == "report_item") {
    return {"report items (mappings with \"text\" or \"points\")",
            "总结条目（含 text 或 points 的映射）"};
  }
  if (def == "profile_fact") {
    return {"facts like {label: 在校学生, value: 2282, unit: 人}",
            "数据项（如 {label: 在校学生, value: 2282, unit: 人}）"};
  }
  if (def == "month") {
    return {"month numbers like [3, 9]", "月份数字（如 [3, 9]）"};
  }
  if (def == "numbering_style") {
    return {"numbering styles like [一、, 1., （1）]", "编号样式（如 [一、, 1., （1）]）"};
  }
  return {"texts", "文本"};
}

bool type_allows(const Json& schema, std::string_view type) {
  const auto t = schema.find("type");
  if (t == schema.end()) {
    return false;
  }
  if (t->is_string()) {
    return t->get_ref<const std::string&>() == type;
  }
  return std::find(t->begin(), t->end(), type) != t->end();
}

Words expected_words(const Step& step) {
  if (auto words = definition_words(step.def)) {
    return *words;
  }
  if (!step.schema) {
    return {"something else", "其他值"};
  }
  const Json& s = *step.schema;
  if (type_allows(s, "array")) {
    std::string def;
    const auto items = s.find("items");
    if (items != s.end()) {
      resolve(&*items, def);
    }
    const Words plural = plural_words(def);
    return {"a list of " + plural.en, plural.zh + "列表"};
  }
  if (type_allows(s, "object")) {
    return {"a mapping of keys and values", "键值映射"};
  }
  if (type_allows(s, "integer")) {
    return {"a whole number", "整数"};
  }
  if (type_allows(s, "number")) {
    return {"a number or a text", "数字或文本"};
  }
  return {"a text", "文本"};
}

Words actual_words(const YamlDocument& doc, NodeId id) {
  const YamlNode& n = doc.node(id);
  switch (n.kind) {
  case NodeKind::null:
    return {"empty", "空值"};
  case NodeKind::mapping:
    return {"a mapping", "映射"};
  case NodeKind::sequence:
    return {"a list", "列表"};
  case NodeKind::scalar:
    break;
  }
  if (!n.plain) {
    return {"a text", "文本"};
  }
  switch (core_type(doc.scalar(id))) {
  case CoreType::boolean:
    return {"true/false", "布尔值"};
  case CoreType::integer:
    return {"a whole number", "整数"};
  case CoreType::floating:
    return {"a decimal number", "小数"};
  default:
    break;
  }
  return {"a text", "文本"};
}

std::vector<std::string> property_names(const Json* schema) {
  std::vector<std::string> names;
  if (!schema) {
    return names;
  }
  const auto props = schema->find("properties");
  if (props != schema->end()) {
    for (const auto& [name, value] : props->items()) {
      names.push_back(name);
    }
  }
  return names;
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) {
      out += ", ";
    }
    out += name;
  }
  return out;
}

class StructureChecker {
public:
  StructureChecker(const YamlDocument& doc, Reporter& report, StructureResult& out,
                   const KeptEntries& kept)
      : m_doc(doc), m_report(report), m_out(out), m_kept(kept) {}

  void handle(const valijson::ValidationResults::Error& error) {
    const std::string& d = error.description;
    // Summaries of errors reported deeper down carry nothing of their own.
    if (d.starts_with("Failed to validate against schema associated with") ||
        d.starts_with("Failed to validate item #") ||
        d.starts_with("Failed to validate against additional properties schema") ||
        d.starts_with("Failed to validate against a conditional schema") ||
        d.starts_with("Failed to validate against child schema") ||
        d.starts_with("Failed to validate against any") ||
        d.starts_with("Failed to validate against exactly one")) {
      return;
    }
    const std::vector<Step> steps = walk(m_doc, error.context, m_kept);
    if (steps.size() != error.context.size()) {
      return; // a path outside the tree cannot happen; never guess a position
    }
    const NodeId node = steps.back().node;
    if (d.starts_with("Object contains a property that could not be validated")) {
      unknown_keys(steps);
    } else if (d.starts_with("Missing required property '")) {
      const std::size_t start = std::string_view("Missing required property '").size();
      missing_key(steps, d.substr(start, d.size() - start - 2));
    } else if (d.starts_with("Value type not permitted by 'type' constraint")) {
      wrong_type(steps);
    } else if (d.starts_with("Array should contain no fewer than")) {
      once(node, "empty-list", [&] {
        const Words what = what_words(m_doc, steps);
        m_report.add(mark_of(steps), "empty-list", {{"what", what.en}, {"what_zh", what.zh}});
      });
    } else if (d.starts_with("Array should contain no more than")) {
      once(node, "too-many-entries", [&] {
        const Words what = what_words(m_doc, steps);
        std::string max = "?";
        if (steps.back().schema && steps.back().schema->contains("maxItems")) {
          max = std::to_string((*steps.back().schema)["maxItems"].get<long>());
        }
        m_report.add(mark_of(steps), "too-many-entries",
                     {{"what", what.en}, {"what_zh", what.zh}, {"max", max}});
      });
    } else {
      // const, enum, pattern, minimum, maximum, length, uniqueness: the model builder checks
      // these values itself and says what is wrong in the value's own terms.
      once(node, "deferred", [&] { m_out.deferred.push_back(node); });
    }
  }

private:
  template <class F> void once(NodeId node, std::string_view what, F&& f) {
    if (m_done.emplace(node, std::string(what)).second) {
      f();
    }
  }

  util::Mark mark_of(const std::vector<Step>& steps) const {
    return m_doc.node(steps.back().node).mark;
  }

  void flag(NodeId node) {
    if (node < m_out.flagged.size()) {
      m_out.flagged[node] = true;
    }
  }

  void unknown_keys(const std::vector<Step>& steps) {
    const NodeId map = steps.back().node;
    if (!m_done.emplace(map, "unknown").second) {
      return;
    }
    const std::vector<std::string> names = property_names(steps.back().schema);
    const Words where = place_words(place_of(m_doc, steps));
    const auto kids = m_doc.children(map);
    for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
      const std::string key(m_doc.scalar(kids[i]));
      if (key.starts_with("x-") || std::find(names.begin(), names.end(), key) != names.end()) {
        continue;
      }
      flag(kids[i]);
      flag(kids[i + 1]);
      if (m_report.capped("unknown-key")) {
        m_report.add(util::Mark{}, "unknown-key");
        continue;
      }
      const std::string suggestion = util::closest_match(key, names);
      if (!suggestion.empty()) {
        m_report.add(m_doc.node(kids[i]).mark, "unknown-key.suggest",
                     {{"key", key},
                      {"where", where.en},
                      {"where_zh", where.zh},
                      {"suggestion", suggestion}});
      } else {
        m_report.add(
            m_doc.node(kids[i]).mark, "unknown-key",
            {{"key", key}, {"where", where.en}, {"where_zh", where.zh}, {"known", join(names)}});
      }
    }
  }

  // Missing keys are collected and reported by finish() in the schema's order of `required`
  // (which follows plan-format.md), not in valijson's alphabetical order.
  void missing_key(const std::vector<Step>& steps, const std::string& key) {
    const NodeId map = steps.back().node;
    auto it = std::find_if(m_missing.begin(), m_missing.end(),
                           [&](const Missing& m) { return m.map == map; });
    if (it == m_missing.end()) {
      m_missing.push_back(Missing{map, place_of(m_doc, steps), steps.back().schema, {}});
      it = std::prev(m_missing.end());
    }
    if (std::find(it->keys.begin(), it->keys.end(), key) == it->keys.end()) {
      it->keys.push_back(key);
    }
  }

public:
  void finish() {
    for (Missing& m : m_missing) {
      std::vector<std::string> order;
      if (m.schema && m.schema->contains("required")) {
        for (const auto& name : (*m.schema)["required"]) {
          order.push_back(name.get<std::string>());
        }
      }
      std::stable_sort(m.keys.begin(), m.keys.end(),
                       [&](const std::string& a, const std::string& b) {
                         return std::find(order.begin(), order.end(), a) <
                                std::find(order.begin(), order.end(), b);
                       });
      const Words where = place_words(m.place);
      for (const std::string& key : m.keys) {
        Args args{{"key", key}, {"where", where.en}, {"where_zh", where.zh}};
        // `title:` with nothing after it counts as absent, but the author did write the key.
        if (const auto written = m_doc.find_key(m.map, key)) {
          flag(*written);
          m_report.add(m_doc.node(*written).mark, "missing-key.empty", std::move(args));
        } else {
          m_report.add(m_doc.node(m.map).mark, "missing-key", std::move(args));
        }
      }
    }
    m_missing.clear();
  }

private:
  struct Missing {
    NodeId map;
    Place place;
    const Json* schema;
    std::vector<std::string> keys;
  };

  void wrong_type(const std::vector<Step>& steps) {
    const NodeId node = steps.back().node;
    if (!m_done.emplace(node, "type").second) {
      return;
    }
    flag(node);
    const Words what = what_words(m_doc, steps);
    const Words expected = expected_words(steps.back());
    const YamlNode& n = m_doc.node(node);
    const std::string_view value = m_doc.scalar(node);
    if (n.kind == NodeKind::scalar && !n.plain && steps.back().schema &&
        type_allows(*steps.back().schema, "integer") && core_type(value) == CoreType::integer) {
      m_report.add(n.mark, "type.quoted-number",
                   {{"what", what.en}, {"what_zh", what.zh}, {"value", std::string(value)}});
      return;
    }
    const Words actual = actual_words(m_doc, node);
    m_report.add(n.mark, "type",
                 {{"what", what.en},
                  {"what_zh", what.zh},
                  {"expected", expected.en},
                  {"expected_zh", expected.zh},
                  {"actual", actual.en},
                  {"actual_zh", actual.zh}});
  }

  const YamlDocument& m_doc;
  Reporter& m_report;
  StructureResult& m_out;
  std::set<std::pair<NodeId, std::string>> m_done;
  std::vector<Missing> m_missing;
  const KeptEntries& m_kept;
};

} // namespace

namespace {

// Builds the JSON that is validated, with every long list cut down to the entries that
// matter: its first entries (so that `minItems` and `maxItems` judge the list as written) and
// the entries that fail when validated one by one, at most `k_per_list` of them per list and
// `k_budget` in the whole file. valijson keeps every error with a copy of its path, so two
// million bad entries would cost gigabytes; cut down, a valid file is validated once, a whole
// list is never held as JSON at once, and a bad one costs what its first few hundred bad
// entries cost (the report shows at most a hundred findings per rule anyway).
class Pruner {
public:
  Pruner(const YamlDocument& doc, valijson::Validator& validator)
      : m_doc(doc), m_validator(validator) {}

  const KeptEntries& kept() const { return m_kept; }

  nlohmann::json convert(NodeId id, const Json* schema) {
    const YamlNode& n = m_doc.node(id);
    if (!schema || n.kind == NodeKind::null || n.kind == NodeKind::scalar) {
      return to_json(m_doc, id);
    }
    if (n.kind == NodeKind::mapping) {
      const auto props = schema->find("properties");
      nlohmann::json out = nlohmann::json::object();
      const auto kids = m_doc.children(id);
      for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
        const std::string key(m_doc.scalar(kids[i]));
        if (key.starts_with("x-") || m_doc.node(kids[i + 1]).kind == NodeKind::null) {
          continue;
        }
        const Json* sub = nullptr;
        std::string def;
        if (props != schema->end() && props->contains(key)) {
          sub = resolve(&(*props)[key], def);
        }
        out.emplace(key, convert(kids[i + 1], sub));
      }
      return out;
    }
    std::string def;
    const auto items = schema->find("items");
    const Json* item_schema = items == schema->end() ? nullptr : resolve(&*items, def);
    const auto kids = m_doc.children(id);
    nlohmann::json out = nlohmann::json::array();
    if (kids.size() <= k_short) {
      for (const NodeId kid : kids) {
        out.push_back(convert(kid, item_schema));
      }
      return out;
    }
    // An alias can show the same list twice; it is cut the same way both times.
    auto it = m_kept.find(id);
    if (it == m_kept.end()) {
      it = m_kept.emplace(id, choose(kids, *schema, def)).first;
    }
    for (const std::size_t index : it->second) {
      out.push_back(convert(kids[index], item_schema));
    }
    return out;
  }

private:
  static constexpr std::size_t k_short = 16;
  static constexpr std::size_t k_per_list = 100;
  static constexpr std::size_t k_budget = 1000;

  std::vector<std::size_t> choose(std::span<const NodeId> kids, const Json& schema,
                                  const std::string& def) {
    std::size_t first = 1;
    if (const auto max = schema.find("maxItems"); max != schema.end() && max->is_number()) {
      first = max->get<std::size_t>() + 1;
    }
    const valijson::Schema* entry_schema = definition_schema(def);
    std::vector<std::size_t> keep;
    std::size_t failing = 0;
    for (std::size_t i = 0; i < kids.size(); ++i) {
      if (i < first || !entry_schema) {
        keep.push_back(i);
        continue;
      }
      if (failing >= k_per_list || m_failing >= k_budget) {
        break;
      }
      const nlohmann::json entry = to_json(m_doc, kids[i]);
      if (!m_validator.validate(*entry_schema, valijson::adapters::NlohmannJsonAdapter(entry),
                                nullptr)) {
        keep.push_back(i);
        ++failing;
        ++m_failing;
      }
    }
    return keep;
  }

  const YamlDocument& m_doc;
  valijson::Validator& m_validator;
  KeptEntries m_kept;
  std::size_t m_failing = 0;
};

} // namespace

StructureResult check_structure(const YamlDocument& doc, Reporter& report) {
  StructureResult out;
  out.flagged.assign(doc.node_count(), false);
  if (!doc.has_root()) {
    return out;
  }
  // A Validator caches its compiled patterns (std::regex, slow to build) and must not be
  // shared between threads: one per thread, kept across files, so that checking hundreds of
  // files compiles each pattern once per thread instead of once per file.
  thread_local valijson::Validator validator(valijson::Validator::kStrongTypes);
  Pruner pruner(doc, validator);
  const nlohmann::json instance = pruner.convert(doc.root(), &plan_schema_json());
  valijson::ValidationResults results;
  if (validator.validate(plan_schema(), valijson::adapters::NlohmannJsonAdapter(instance),
                         &results)) {
    return out;
  }
  StructureChecker checker(doc, report, out, pruner.kept());
  for (const auto& error : results) {
    checker.handle(error);
  }
  checker.finish();
  return out;
}

} // namespace planctl::load
