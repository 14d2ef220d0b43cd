// Building the typed model from the checked YAML tree, tolerantly: what is valid is filled in,
// the rest is left empty so that the semantic checks can still run over the rest of the file.
// Which key fills which field is the format's table (plan_format.hpp); this is how values are
// read.
#pragma once

#include <planctl/load/plan_format.hpp>
#include <planctl/load/reporter.hpp>
#include <planctl/load/yaml_document.hpp>
#include <planctl/model/plan.hpp>

#include <optional>
#include <type_traits>
#include <vector>

namespace planctl::load {

// What building the model gave.
struct BuildResult {
  model::PlanFile plan;
  // Per node: the builder reported a finding about this value.
  std::vector<bool> reported;
};

// Builds the model from `doc`, whose top node must be a mapping, applying the scalar rules
// (texts, integers, dates, months, due, status, ids, code, version, numbering) and reporting
// each rejected value, except at nodes `flagged` by the structure check.
BuildResult build_plan(const YamlDocument& doc, const std::vector<bool>& flagged, Reporter& report);

// A key of a mapping whose value is not null (null counts as absent), with its table row.
struct Entry {
  std::string_view key;
  NodeId key_node = 0;
  NodeId value = 0;
  const KeyRow* row = nullptr;
};

// An `attachments` entry written as a mapping (`{title: 任务分工表, content: tasks}`), before
// it goes into the plan's parallel lists `attachments` and `attachment_content`.
struct AttachmentEntry {
  model::Text title;
  std::optional<model::Text> content;
  util::Mark mark;
};

// Reads the values of a plan file into the model, one `read` per type of model field; the
// tables' rows call it (plan_format.cpp).
class ModelFiller {
public:
  // Reads `doc`, skipping nodes `flagged` by the structure check, reporting into `report`.
  ModelFiller(const YamlDocument& doc, const std::vector<bool>& flagged, Reporter& report);

  // Fills the whole model.
  BuildResult build();

  // Fills `model` (of `def`'s type) from the mapping node `map`, key by key through `def`'s rows.
  void fill(const MappingDef& def, NodeId map, void* model);

  // Fills `model` from the value of `e` (a mapping of the row's `sub` table) when it is one:
  // a mapping whose keys fill fields of the mapping that holds it (`bulletin.copy_to`).
  void read_into(const Entry& e, void* model) {
    if (is_map(e.value)) {
      fill(mapping(e.row->sub), e.value, model);
    }
  }
  // Whether the value of `e` is a list that was not flagged.
  bool is_list(const Entry& e) const { return is_seq(e.value); }
  // Whether the value of `e` is a plain number (integer or decimal).
  bool is_number(const Entry& e) const;

  // A required text (`Kind::text`) or id (`Kind::id`): blank counts as missing.
  void read(const Entry& e, model::Text& out);
  // An optional text, school code (`Kind::code`) or task id (`Kind::id`): absent when blank.
  void read(const Entry& e, std::optional<model::Text>& out);
  // One text or a list of texts; blank entries are reported and left out.
  void read(const Entry& e, model::TextList& out);
  // A required date: the marks are kept when the value is rejected.
  void read(const Entry& e, model::Located<util::Date>& out);
  // An optional date.
  void read(const Entry& e, std::optional<model::Located<util::Date>>& out);
  // A `start`: a date or a month.
  void read(const Entry& e, std::optional<model::Located<model::DayOrMonth>>& out);
  // A `due`.
  void read(const Entry& e, std::optional<model::Located<model::Due>>& out);
  // A `status`.
  void read(const Entry& e, std::optional<model::Located<model::TaskStatus>>& out);
  // Month numbers.
  void read(const Entry& e, std::vector<model::Located<int>>& out);
  // The `version` (`Kind::version`) or a year (`Kind::year`).
  void read(const Entry& e, model::Located<int>& out);
  // A count: a whole number, 0 or more.
  void read(const Entry& e, std::optional<model::Located<std::int64_t>>& out);
  // A flag (`Kind::flag`): true or false.
  void read(const Entry& e, std::optional<model::Located<bool>>& out);

  // A mapping, filled through the table of the row's `sub`.
  template <class M>
  requires std::is_class_v<M>
  void read(const Entry& e, M& out) {
    if (is_map(e.value)) {
      fill_one(e, e.value, out);
    }
  }
  // An optional mapping.
  template <class M>
  requires std::is_class_v<M>
  void read(const Entry& e, std::optional<M>& out) {
    if (is_map(e.value)) {
      fill_one(e, e.value, out.emplace());
    }
  }
  // A list of mappings; entries that are not mappings were reported by the structure check.
  template <class M>
  requires std::is_class_v<M>
  void read(const Entry& e, std::vector<M>& out) {
    if (!is_seq(e.value)) {
      return;
    }
    const MappingDef& def = mapping(e.row->sub);
    const auto kids = m_doc.children(e.value);
    // Growing by doubling would move every element and, at a move, hold both copies: on the
    // largest legal file (370,000 tasks of 512 bytes) that was most of the peak memory.
    out.reserve(out.size() + kids.size());
    for (std::size_t i = 0; i < kids.size(); ++i) {
      if (!is_map(kids[i])) {
        continue;
      }
      M& m = out.emplace_back();
      if constexpr (requires { m.file_index; }) {
        m.file_index = i; // activities are sorted by date, ties in file order
      }
      set_mark(m, kids[i]);
      fill(def, kids[i], &m);
    }
  }

  // The numbering styles and the list's mark.
  void read_numbering(const Entry& e, std::vector<model::NumberStyle>& out, util::Mark& mark);
  // A date and its value's mark.
  void read_day(const Entry& e, util::Date& out, util::Mark& mark);
  // `attachments` (`Kind::attachments`): each entry's title into `titles` and, at the same
  // index, its `content` (absent for an entry written as a title); blank titles are reported.
  void read_attachments(const Entry& e, model::TextList& titles,
                        std::vector<std::optional<model::Text>>& content);
  // `photos` (`Kind::photos`): each entry, a path or `{file, caption}`; blank paths are reported.
  void read_photos(const Entry& e, std::vector<model::Photo>& out);

private:
  template <class M> void fill_one(const Entry& e, NodeId map, M& m) {
    set_mark(m, map);
    fill(mapping(e.row->sub), map, &m);
  }
  template <class M> void set_mark(M& m, NodeId node) {
    if constexpr (requires { m.mark; }) {
      m.mark = m_doc.node(node).mark;
    }
  }

  bool usable(NodeId n) const { return n >= m_flagged.size() || !m_flagged[n]; }
  bool is_map(NodeId n) const { return m_doc.node(n).kind == NodeKind::mapping && usable(n); }
  bool is_seq(NodeId n) const { return m_doc.node(n).kind == NodeKind::sequence && usable(n); }
  bool is_scalar(NodeId n) const { return m_doc.node(n).kind == NodeKind::scalar && usable(n); }

  void add(NodeId node, std::string_view message_id, Args args);
  model::Text text_at(NodeId value, NodeId key) const;
  std::optional<model::Text> optional_text(const Entry& e) const;
  model::Text required_text(const Entry& e);
  std::optional<std::int64_t> integer(NodeId value, const Args& name);
  std::optional<model::Located<util::Date>> date(const Entry& e);

  const YamlDocument& m_doc;
  const std::vector<bool>& m_flagged;
  Reporter& m_report;
  std::vector<bool> m_reported;
  Words m_place; // how the mapping being filled is named in messages
};

} // namespace planctl::load
