#include <planctl/load/plan_format.hpp>
#include <planctl/load/scalar_rules.hpp>
#include <planctl/load/structure_check.hpp>
#include <planctl/util/spell.hpp>

#include <algorithm>
#include <string>

namespace planctl::load {

namespace {

// The JSON types of a value, as the schema names them (a plain scalar is typed by the YAML 1.2
// core schema; anything quoted or written as a block is a string).
enum Type : unsigned {
  t_null = 1,
  t_boolean = 2,
  t_integer = 4,
  t_decimal = 8,
  t_string = 16,
  t_array = 32,
  t_object = 64,
  t_scalar = t_boolean | t_integer | t_decimal | t_string,
  t_number = t_integer | t_decimal,
};

// What a value must be: the types allowed, how it is named, and for a list its entries.
struct Shape {
  unsigned types = 0;
  Words expected;
  Kind kind = Kind::text; // the key's kind (for a list: of the list)
  MapId sub = MapId::top; // for a mapping or a list of mappings: their table
  bool required = false;
};

// The types a key's value of `kind` may have (the schema's `type`).
unsigned value_types(Kind kind) {
  switch (kind) {
  case Kind::date:
  case Kind::date_or_month:
  case Kind::due:
  case Kind::status:
    return t_string;
  case Kind::year:
  case Kind::count:
    return t_integer;
  case Kind::version:
    return ~0u; // the builder says what is wrong with any other value
  case Kind::text_list:
    return t_scalar | t_array;
  case Kind::attachments:
  case Kind::photos:
    return t_scalar | t_object | t_array;
  case Kind::flag:
    return t_boolean;
  case Kind::long_texts:
  case Kind::months:
  case Kind::numbering:
  case Kind::mappings:
    return t_array;
  case Kind::mapping:
    return t_object;
  default:
    return t_scalar;
  }
}

// The types an entry of a list of `kind` may have.
unsigned entry_types(Kind kind) {
  switch (kind) {
  case Kind::months:
    return t_integer;
  case Kind::numbering:
    return t_string | t_number;
  case Kind::mappings:
    return t_object;
  case Kind::attachments:
  case Kind::photos:
    return t_scalar | t_object;
  default:
    return t_scalar;
  }
}

Shape value_shape(const KeyRow& row) {
  return Shape{value_types(row.kind), expected_words(row.kind, row.sub), row.kind, row.sub,
               row.required};
}

class Checker {
public:
  Checker(const YamlDocument& doc, Reporter& report, StructureResult& out)
      : m_doc(doc), m_report(report), m_out(out), m_seen(doc.node_count(), false) {}

  void check_mapping(NodeId map, const MappingDef& def) {
    if (m_seen[map]) {
      return; // an alias repeats a node that was checked where it was written
    }
    m_seen[map] = true;
    const auto kids = m_doc.children(map);
    bool task = false;
    if (def.id == MapId::item) {
      for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
        task = task || (is_task_key(m_doc.scalar(kids[i])) && !is_null(kids[i + 1]));
      }
    }
    const Words where = place_words(def, task);
    // Unknown keys first, then the values in file order.
    for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
      const std::string_view key = m_doc.scalar(kids[i]);
      if (!key.starts_with("x-") && !find_key(def, key)) {
        unknown_key(kids[i], kids[i + 1], def, where);
      }
    }
    for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
      const KeyRow* row = find_key(def, m_doc.scalar(kids[i]));
      if (row && !is_null(kids[i + 1])) {
        check_value(kids[i + 1], value_shape(*row), Named{kids[i], 0});
      }
    }
    for (const KeyRow& row : def.keys) {
      if (!row.required) {
        continue;
      }
      const auto written = m_doc.find_key(map, row.key);
      if (written && !is_null(value_of(map, *written))) {
        continue;
      }
      m_missing.push_back(Missing{map, written, std::string(row.key), where});
      ++m_report_count;
    }
  }

  // Missing keys come after the other findings of the file, as they always did.
  void finish() {
    for (const Missing& m : m_missing) {
      Args args{{"key", m.key}, {"where", m.where.en}, {"where_zh", m.where.zh}};
      if (m.written) {
        flag(*m.written);
        m_report.add(m_doc.node(*m.written).mark, "missing-key.empty", std::move(args));
      } else {
        m_report.add(m_doc.node(m.map).mark, "missing-key", std::move(args));
      }
    }
  }

private:
  // How a value is named in messages: by its key, or as an entry of a list.
  struct Named {
    NodeId key;            // the key (of the value, or of the list the entry is in)
    std::size_t entry = 0; // 1-based entry number, or 0 for the key's own value
  };

  struct Missing {
    NodeId map;
    std::optional<NodeId> written;
    std::string key;
    Words where;
  };

  bool is_null(NodeId n) const {
    const YamlNode& node = m_doc.node(n);
    return node.kind == NodeKind::null ||
           (node.kind == NodeKind::scalar && node.plain && is_core_null(m_doc.scalar(n)));
  }

  NodeId value_of(NodeId map, NodeId key) const {
    const auto kids = m_doc.children(map);
    for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
      if (kids[i] == key) {
        return kids[i + 1];
      }
    }
    return key;
  }

  unsigned type_of(NodeId n) const {
    const YamlNode& node = m_doc.node(n);
    switch (node.kind) {
    case NodeKind::null:
      return t_null;
    case NodeKind::mapping:
      return t_object;
    case NodeKind::sequence:
      return t_array;
    case NodeKind::scalar:
      break;
    }
    if (!node.plain) {
      return t_string;
    }
    switch (core_type(m_doc.scalar(n))) {
    case CoreType::null:
      return t_null;
    case CoreType::boolean:
      return t_boolean;
    case CoreType::integer:
      return t_integer;
    case CoreType::floating:
      return t_decimal;
    case CoreType::string:
      break;
    }
    return t_string;
  }

  Words what(const Named& n) const {
    const std::string key(m_doc.scalar(n.key));
    if (n.entry == 0) {
      return {"\"" + key + "\"", "“" + key + "”"};
    }
    const std::string e = std::to_string(n.entry);
    return {"entry " + e + " of \"" + key + "\"", "“" + key + "”的第 " + e + " 项"};
  }

  void flag(NodeId n) { m_out.flagged[n] = true; }

  // Checks `value` against `shape`; returns whether it had a finding.
  bool check_value(NodeId value, const Shape& shape, const Named& name) {
    const unsigned type = type_of(value);
    if (!(type & shape.types)) {
      wrong_type(value, shape, name, type);
      return true;
    }
    // A mapping, or an attachment written as `{title, content}`.
    if (type == t_object && (shape.types == t_object || shape.kind == Kind::attachments ||
                             shape.kind == Kind::photos)) {
      const std::size_t before = m_report_count;
      check_mapping(value, mapping(shape.sub));
      return m_report_count != before;
    }
    if (type == t_array && (shape.types & t_array)) {
      return check_list(value, shape, name);
    }
    return false;
  }

  bool check_list(NodeId list, const Shape& shape, const Named& name) {
    const auto kids = m_doc.children(list);
    bool found = false;
    // A list that must be there must not be empty; `numbering` has one to four entries.
    const std::size_t min_entries =
        shape.kind == Kind::numbering || (shape.required && shape.kind == Kind::mappings) ? 1 : 0;
    const std::size_t max_entries = shape.kind == Kind::numbering ? 4 : 0;
    if (kids.size() < min_entries) {
      const Words w = what(name);
      m_report.add(m_doc.node(list).mark, "empty-list", {{"what", w.en}, {"what_zh", w.zh}});
      ++m_report_count;
      found = true;
    }
    if (max_entries != 0 && kids.size() > max_entries) {
      const Words w = what(name);
      m_report.add(m_doc.node(list).mark, "too-many-entries",
                   {{"what", w.en}, {"what_zh", w.zh}, {"max", std::to_string(max_entries)}});
      ++m_report_count;
      found = true;
    }
    const Shape entry{entry_types(shape.kind), entry_words(shape.kind, shape.sub), shape.kind,
                      shape.sub};
    // A long list stops being checked after its first hundred bad entries (a thousand in the
    // whole file): the report shows at most a hundred findings per rule, and a file of two
    // million bad entries costs what its first few hundred cost.
    const bool long_list = kids.size() > k_short;
    std::size_t failing = 0;
    for (std::size_t i = 0; i < kids.size(); ++i) {
      if (long_list && i >= 1 + max_entries && (failing >= k_per_list || m_failing >= k_budget)) {
        break;
      }
      if (check_value(kids[i], entry, Named{name.key, i + 1})) {
        found = true;
        if (long_list && i >= 1 + max_entries) {
          ++failing;
          ++m_failing;
        }
      }
    }
    return found;
  }

  void wrong_type(NodeId value, const Shape& shape, const Named& name, unsigned type) {
    if (m_seen[value]) {
      return;
    }
    m_seen[value] = true;
    flag(value);
    ++m_report_count;
    const Words w = what(name);
    const YamlNode& n = m_doc.node(value);
    const std::string_view text = m_doc.scalar(value);
    if (type == t_string && !n.plain && shape.types == t_integer &&
        core_type(text) == CoreType::integer) {
      m_report.add(n.mark, "type.quoted-number",
                   {{"what", w.en}, {"what_zh", w.zh}, {"value", std::string(text)}});
      return;
    }
    const Words actual = actual_words(type);
    m_report.add(n.mark, "type",
                 {{"what", w.en},
                  {"what_zh", w.zh},
                  {"expected", shape.expected.en},
                  {"expected_zh", shape.expected.zh},
                  {"actual", actual.en},
                  {"actual_zh", actual.zh}});
  }

  static Words actual_words(unsigned type) {
    switch (type) {
    case t_null:
      return {"empty", "空值"};
    case t_object:
      return {"a mapping", "映射"};
    case t_array:
      return {"a list", "列表"};
    case t_boolean:
      return {"true/false", "布尔值"};
    case t_integer:
      return {"a whole number", "整数"};
    case t_decimal:
      return {"a decimal number", "小数"};
    default:
      break;
    }
    return {"a text", "文本"};
  }

  void unknown_key(NodeId key_node, NodeId value, const MappingDef& def, const Words& where) {
    flag(key_node);
    flag(value);
    ++m_report_count;
    if (m_report.capped("unknown-key")) {
      m_report.add(util::Mark{}, "unknown-key");
      return;
    }
    if (m_names.empty() || m_names_of != def.id) {
      m_names.clear();
      for (const KeyRow& row : def.keys) {
        m_names.emplace_back(row.key);
      }
      m_names_of = def.id;
    }
    const std::string key(m_doc.scalar(key_node));
    const std::string suggestion = util::closest_match(key, m_names);
    if (!suggestion.empty()) {
      m_report.add(
          m_doc.node(key_node).mark, "unknown-key.suggest",
          {{"key", key}, {"where", where.en}, {"where_zh", where.zh}, {"suggestion", suggestion}});
      return;
    }
    std::string known;
    for (const std::string& name : m_names) {
      known += (known.empty() ? "" : ", ") + name;
    }
    m_report.add(m_doc.node(key_node).mark, "unknown-key",
                 {{"key", key}, {"where", where.en}, {"where_zh", where.zh}, {"known", known}});
  }

  static constexpr std::size_t k_short = 16;
  static constexpr std::size_t k_per_list = 100;
  static constexpr std::size_t k_budget = 1000;

  const YamlDocument& m_doc;
  Reporter& m_report;
  StructureResult& m_out;
  std::vector<bool> m_seen; // mappings checked and values reported, once each
  std::vector<Missing> m_missing;
  std::vector<std::string> m_names; // the keys of the table m_names_of
  MapId m_names_of = MapId::top;
  std::size_t m_report_count = 0; // findings so far (to tell whether an entry had one)
  std::size_t m_failing = 0;      // entries of long lists with a finding
};

} // namespace

StructureResult check_structure(const YamlDocument& doc, Reporter& report) {
  StructureResult out;
  out.flagged.assign(doc.node_count(), false);
  if (!doc.has_root() || doc.node(doc.root()).kind != NodeKind::mapping) {
    return out;
  }
  Checker checker(doc, report, out);
  checker.check_mapping(doc.root(), mapping(MapId::top));
  checker.finish();
  return out;
}

} // namespace planctl::load
