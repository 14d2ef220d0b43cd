// The plan format as data: one table of keys per mapping of a plan file (plan-format.md), from
// which the structure check, the model, `planctl schema` and the docs' key tables all come.
// To add a key: one row in the mapping's table (src/load/plan_format.cpp) and its model field.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace planctl::load {

// A phrase in both message languages.
struct Words {
  std::string en;
  std::string zh;
};

// What a key's value may be. Each kind has one rule (src/load/scalar_rules.cpp) and one schema
// fragment (plan_format.cpp); a new key reuses a kind.
enum class Kind {
  text,          // a short text (numbers and true/false taken as written)
  long_text,     // prose: blank lines separate paragraphs
  text_list,     // one text or a list of texts
  long_texts,    // a list of prose texts
  id,            // letters of any script, digits, `_ - .`, 1-64 characters
  code,          // a school code: ASCII letters, digits, `-` and `_`, 1-64
  date,          // YYYY-MM-DD
  date_or_month, // YYYY-MM-DD or YYYY-MM
  due,           // a date, a month or a recurring keyword
  status,        // 未开始, 进行中, 已完成
  months,        // a list of month numbers 1-12
  numbering,     // a list of 1-4 numbering styles
  year,          // a whole number 2000-2100
  count,         // a whole number, 0 or more
  version,       // the whole number 1
  scalar,        // a number or a text, kept as written (a profile fact's value)
  flag,          // true or false
  attachments,   // one attachment or a list: a title, or a mapping described by `KeyRow::sub`
  content,       // what an attachment holds: `tasks` (the task allocation table)
  photos,        // one photo or a list: a path, or a mapping described by `KeyRow::sub`
  mapping,       // a mapping described by `KeyRow::sub`
  mappings,      // a list of mappings described by `KeyRow::sub`
};

// The mappings of the format, one table each.
enum class MapId {
  top,
  school,
  profile_fact,
  department,
  person,
  plan,
  period,
  item,
  activity,
  photo,
  attachment,
  report,
  report_item,
  report_group,
  headings,
  bulletin,
  bulletin_copy,
};

class ModelFiller;
struct Entry;

// Reads the value of `entry` into the model object `model` (of the row's mapping's type).
using FillFn = void (*)(ModelFiller& filler, const Entry& entry, void* model);

// One key of a mapping: its name, what it holds, whether it must be there, what it means (for
// the schema and the docs) and where its value goes in the model.
struct KeyRow {
  std::string_view key;
  Kind kind;
  bool required;
  Words description;
  FillFn fill;
  MapId sub = MapId::top; // for Kind::mapping and Kind::mappings: the table of the entries
  bool task = false;      // in an item: the key makes the item a task
};

// One mapping of the format.
struct MappingDef {
  MapId id;
  std::string_view name; // the schema definition's name (`school`, `item`, …)
  Words place;           // named after "in" in messages (`"school"`, `a task`)
  Words expected;        // named as an expected value (`a department (a mapping with …)`)
  Words plural;          // named as a list's entries (`departments`)
  Words description;     // for the schema
  std::span<const KeyRow> keys;
};

// The table of mapping `id`.
const MappingDef& mapping(MapId id);

// Every mapping, the top level first, in the schema's order.
std::span<const MappingDef> all_mappings();

// The row of `key` in `map`, or nullptr when the key is not part of the format there.
const KeyRow* find_key(const MappingDef& map, std::string_view key);

// The words of a key's value of `kind` as an expected value (`a date written YYYY-MM-DD`); for
// Kind::mapping and Kind::mappings, `sub` names the mapping.
Words expected_words(Kind kind, MapId sub = MapId::top);

// The words of an entry of a list of `kind` as an expected value (`a month number from 1 to
// 12`); for Kind::mappings, `sub` names the mapping.
Words entry_words(Kind kind, MapId sub = MapId::top);

// The keys that make an item a task (plan-format.md, Items).
bool is_task_key(std::string_view key);

// How a mapping of `def` is named after "in" in messages; an item with a task key is `a task`.
Words place_words(const MappingDef& def, bool task = false);

// The JSON Schema of the plan format (draft-07), generated from the tables: what
// `planctl schema` prints and schemas/plan.schema.json holds. An optional key also allows
// `null`, which planctl reads as absent; `for_validation` leaves that out (nulls are removed
// before validating).
std::string plan_schema_text(bool for_validation = false);

} // namespace planctl::load
