#include <planctl/load/plan_builder.hpp>
#include <planctl/load/scalar_rules.hpp>
#include <planctl/load/structure_check.hpp>
#include <planctl/model/numbering.hpp>
#include <planctl/util/date.hpp>
#include <planctl/util/utf8.hpp>

#include <algorithm>
#include <optional>
#include <string>

namespace planctl::load {

namespace {

using model::Located;
using model::Text;
using model::TextList;

// A value as shown inside a message: at most 40 characters, line breaks as spaces.
std::string shown(std::string_view text) {
  std::string out;
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t cp = util::next_code_point(text, pos);
    if (cp == '\n' || cp == '\r' || cp == '\t') {
      cp = ' ';
    }
    if (++count > 40) {
      out += "…";
      break;
    }
    util::append_utf8(out, cp);
  }
  return out;
}

bool has_date_shape(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return false;
  }
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') {
      return false;
    }
  }
  return true;
}

Args what(std::string_view key) {
  const std::string k(key);
  return {{"what", "\"" + k + "\""}, {"what_zh", "“" + k + "”"}};
}

Args what_entry(std::string_view key, std::size_t index) {
  const std::string k(key);
  const std::string n = std::to_string(index + 1);
  return {{"what", "entry " + n + " of \"" + k + "\""},
          {"what_zh", "“" + k + "”的第 " + n + " 项"}};
}

Args with(Args args, std::string name, std::string value) {
  args.emplace_back(std::move(name), std::move(value));
  return args;
}

} // namespace

ModelFiller::ModelFiller(const YamlDocument& doc, const std::vector<bool>& flagged,
                         Reporter& report)
    : m_doc(doc), m_flagged(flagged), m_report(report), m_reported(doc.node_count(), false) {}

BuildResult ModelFiller::build() {
  BuildResult out;
  fill(mapping(MapId::top), m_doc.root(), &out.plan);
  out.reported = std::move(m_reported);
  return out;
}

void ModelFiller::fill(const MappingDef& def, NodeId map, void* model) {
  if (m_doc.node(map).kind != NodeKind::mapping) {
    return;
  }
  std::vector<Entry> all;
  const auto kids = m_doc.children(map);
  all.reserve(kids.size() / 2);
  for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
    if (m_doc.node(kids[i + 1]).kind == NodeKind::null) {
      continue;
    }
    const std::string_view key = m_doc.scalar(kids[i]);
    // Unknown keys were reported by the structure check; `x-` keys are the user's own.
    if (const KeyRow* row = find_key(def, key)) {
      all.push_back(Entry{key, kids[i], kids[i + 1], row});
    }
  }
  bool task = false;
  if (def.id == MapId::item) {
    task = std::any_of(all.begin(), all.end(), [](const Entry& e) { return e.row->task; });
    static_cast<model::Item*>(model)->is_task = task;
  }
  Words saved = std::exchange(m_place, place_words(def, task));
  for (const Entry& e : all) {
    e.row->fill(*this, e, model);
  }
  m_place = std::move(saved);
  if (def.id == MapId::period) {
    static_cast<model::Period*>(model)->explicit_in_file = true;
  } else if (def.id == MapId::plan) {
    auto& p = *static_cast<model::Plan*>(model);
    if (!p.period.explicit_in_file && p.year.value != 0) {
      p.period.start = util::Date{p.year.value, 1, 1};
      p.period.end = util::Date{p.year.value, 12, 31};
    }
  }
}

bool ModelFiller::is_number(const Entry& e) const {
  const YamlNode& n = m_doc.node(e.value);
  const CoreType type = core_type(m_doc.scalar(e.value));
  return n.kind == NodeKind::scalar && n.plain &&
         (type == CoreType::integer || type == CoreType::floating);
}

void ModelFiller::add(NodeId node, std::string_view message_id, Args args) {
  m_reported[node] = true;
  m_report.add(m_doc.node(node).mark, message_id, std::move(args));
}

// ---- texts ------------------------------------------------------------------------------------

Text ModelFiller::text_at(NodeId value, NodeId key) const {
  Text t;
  t.value = normalize_line_breaks(m_doc.scalar(value));
  t.mark = m_doc.node(value).mark;
  t.key = m_doc.node(key).mark;
  return t;
}

std::optional<Text> ModelFiller::optional_text(const Entry& e) const {
  if (!is_scalar(e.value) || is_blank(m_doc.scalar(e.value))) {
    return std::nullopt;
  }
  return text_at(e.value, e.key_node);
}

Text ModelFiller::required_text(const Entry& e) {
  if (!is_scalar(e.value)) {
    return Text{};
  }
  Text t = text_at(e.value, e.key_node);
  if (is_blank(t.value)) {
    add(e.value, "missing-key.blank",
        {{"key", std::string(e.key)}, {"where", m_place.en}, {"where_zh", m_place.zh}});
    t.value.clear();
  }
  return t;
}

void ModelFiller::read(const Entry& e, Text& out) {
  out = required_text(e);
  if (e.row->kind == Kind::id && !out.value.empty() && !is_valid_id(out.value)) {
    add(e.value, "id", with(what(e.key), "value", shown(out.value)));
    out.value.clear();
  }
}

void ModelFiller::read(const Entry& e, std::optional<Text>& out) {
  out = optional_text(e);
  if (e.row->kind == Kind::code) {
    if (out && !is_valid_code(out->value)) {
      add(e.value, "school-code", {{"value", shown(out->value)}});
      out.reset();
    }
  } else if (e.row->kind == Kind::content) {
    // The one content an attachment can have today; the rule names it.
    if (out && out->value != "tasks") {
      add(e.value, "attachment-content", {{"value", shown(out->value)}});
      out.reset();
    }
  } else if (e.row->kind == Kind::id) {
    // An optional id (a task's): blank is reported too, as an id that is not valid.
    if (out && !is_valid_id(out->value)) {
      add(e.value, "id", with(what(e.key), "value", shown(out->value)));
      out.reset();
    } else if (!out && is_scalar(e.value)) {
      add(e.value, "id", with(what(e.key), "value", ""));
    }
  }
}

void ModelFiller::read(const Entry& e, TextList& out) {
  out.clear();
  if (is_scalar(e.value)) {
    if (is_blank(m_doc.scalar(e.value))) {
      add(e.value, "empty-entry", what(e.key));
    } else {
      out.push_back(text_at(e.value, e.key_node));
    }
    return;
  }
  if (!is_seq(e.value)) {
    return;
  }
  const auto kids = m_doc.children(e.value);
  for (std::size_t i = 0; i < kids.size(); ++i) {
    if (!is_scalar(kids[i])) {
      continue;
    }
    if (is_blank(m_doc.scalar(kids[i]))) {
      add(kids[i], "empty-entry", what_entry(e.key, i));
      continue;
    }
    out.push_back(text_at(kids[i], e.key_node));
  }
}

void ModelFiller::read_attachments(const Entry& e, TextList& titles,
                                   std::vector<std::optional<Text>>& content) {
  titles.clear();
  content.clear();
  const auto one = [&](NodeId node, const Args& name) {
    if (is_scalar(node)) {
      if (is_blank(m_doc.scalar(node))) {
        add(node, "empty-entry", name);
        return;
      }
      titles.push_back(text_at(node, e.key_node));
      content.emplace_back();
    } else if (is_map(node)) {
      AttachmentEntry entry;
      entry.mark = m_doc.node(node).mark;
      fill(mapping(MapId::attachment), node, &entry);
      if (!entry.title.value.empty()) { // else missing or blank, and reported
        titles.push_back(std::move(entry.title));
        content.push_back(std::move(entry.content));
      }
    }
  };
  if (!is_seq(e.value)) {
    one(e.value, what(e.key));
    return;
  }
  const auto kids = m_doc.children(e.value);
  for (std::size_t i = 0; i < kids.size(); ++i) {
    one(kids[i], what_entry(e.key, i));
  }
}

void ModelFiller::read_photos(const Entry& e, std::vector<model::Photo>& out) {
  out.clear();
  const auto one = [&](NodeId node, const Args& name) {
    if (is_scalar(node)) {
      if (is_blank(m_doc.scalar(node))) {
        add(node, "empty-entry", name);
        return;
      }
      model::Photo& photo = out.emplace_back();
      photo.file = text_at(node, e.key_node);
      photo.mark = m_doc.node(node).mark;
    } else if (is_map(node)) {
      model::Photo photo;
      photo.mark = m_doc.node(node).mark;
      fill(mapping(MapId::photo), node, &photo);
      if (!photo.file.value.empty()) { // else missing or blank, and reported
        out.push_back(std::move(photo));
      }
    }
  };
  if (!is_seq(e.value)) {
    one(e.value, what(e.key));
    return;
  }
  const auto kids = m_doc.children(e.value);
  out.reserve(kids.size());
  for (std::size_t i = 0; i < kids.size(); ++i) {
    one(kids[i], what_entry(e.key, i));
  }
}

// ---- typed scalars ----------------------------------------------------------------------------

std::optional<std::int64_t> ModelFiller::integer(NodeId value, const Args& name) {
  if (!is_scalar(value)) {
    return std::nullopt;
  }
  const std::string_view text = m_doc.scalar(value);
  if (!m_doc.node(value).plain) {
    add(value, "type.quoted-number", with(name, "value", shown(text)));
    return std::nullopt;
  }
  bool too_large = false;
  const auto n = parse_plain_integer(text, &too_large);
  if (!n) {
    add(value, too_large ? "integer.too-large" : "integer", with(name, "value", shown(text)));
  }
  return n;
}

std::optional<Located<util::Date>> ModelFiller::date(const Entry& e) {
  if (!is_scalar(e.value)) {
    return std::nullopt;
  }
  const std::string_view text = m_doc.scalar(e.value);
  if (const auto d = util::parse_date(text)) {
    return Located<util::Date>{*d, m_doc.node(e.value).mark, m_doc.node(e.key_node).mark};
  }
  add(e.value, has_date_shape(text) ? "date.not-real" : "date",
      with(what(e.key), "value", shown(text)));
  return std::nullopt;
}

void ModelFiller::read(const Entry& e, Located<util::Date>& out) {
  if (auto d = date(e)) {
    out = *d;
  } else {
    out.mark = m_doc.node(e.value).mark;
    out.key = m_doc.node(e.key_node).mark;
  }
}

void ModelFiller::read(const Entry& e, std::optional<Located<util::Date>>& out) {
  out = date(e);
}

void ModelFiller::read_day(const Entry& e, util::Date& out, util::Mark& mark) {
  if (const auto d = date(e)) {
    out = d->value;
    mark = d->mark;
  }
}

void ModelFiller::read(const Entry& e, Located<int>& out) {
  out.mark = m_doc.node(e.value).mark;
  out.key = m_doc.node(e.key_node).mark;
  const YamlNode& n = m_doc.node(e.value);
  if (e.row->kind == Kind::year) {
    if (const auto y = integer(e.value, what(e.key))) {
      if (*y < 2000 || *y > 2100) {
        add(e.value, "year-range", {{"value", std::to_string(*y)}});
      } else {
        out.value = static_cast<int>(*y);
      }
    }
    return;
  }
  // The version.
  if (n.kind == NodeKind::scalar && n.plain && parse_plain_integer(m_doc.scalar(e.value)) == 1) {
    out.value = 1;
    return;
  }
  if (!usable(e.value)) {
    return;
  }
  if (n.kind == NodeKind::scalar) {
    add(e.value, "version", {{"value", "\"" + shown(m_doc.scalar(e.value)) + "\""}});
  } else {
    add(e.value, "version.not-number", {});
  }
}

void ModelFiller::read(const Entry& e, std::optional<Located<std::int64_t>>& out) {
  if (const auto n = integer(e.value, what(e.key))) {
    out = Located<std::int64_t>{*n, m_doc.node(e.value).mark, m_doc.node(e.key_node).mark};
  }
}

void ModelFiller::read(const Entry& e, std::optional<Located<bool>>& out) {
  // The structure check let only a plain true or false through (YAML 1.2 core booleans).
  if (!is_scalar(e.value) || !m_doc.node(e.value).plain ||
      core_type(m_doc.scalar(e.value)) != CoreType::boolean) {
    return;
  }
  const bool value = m_doc.scalar(e.value).front() != 'f' && m_doc.scalar(e.value).front() != 'F';
  out = Located<bool>{value, m_doc.node(e.value).mark, m_doc.node(e.key_node).mark};
}

void ModelFiller::read(const Entry& e, std::vector<Located<int>>& out) {
  if (!is_seq(e.value)) {
    return;
  }
  const auto kids = m_doc.children(e.value);
  for (std::size_t i = 0; i < kids.size(); ++i) {
    const auto m = integer(kids[i], what_entry(e.key, i));
    if (!m) {
      continue;
    }
    if (*m < 1 || *m > 12) {
      add(kids[i], "month-number", with(what_entry(e.key, i), "value", std::to_string(*m)));
      continue;
    }
    out.push_back(
        Located<int>{static_cast<int>(*m), m_doc.node(kids[i]).mark, m_doc.node(e.key_node).mark});
  }
}

void ModelFiller::read(const Entry& e, std::optional<Located<model::TaskStatus>>& out) {
  if (!is_scalar(e.value)) {
    return;
  }
  const std::string_view text = m_doc.scalar(e.value);
  if (const auto s = parse_status(text)) {
    out = Located<model::TaskStatus>{*s, m_doc.node(e.value).mark, m_doc.node(e.key_node).mark};
  } else {
    add(e.value, "status", {{"value", shown(text)}});
  }
}

void ModelFiller::read(const Entry& e, std::optional<Located<model::DayOrMonth>>& out) {
  if (!is_scalar(e.value)) {
    return;
  }
  const std::string_view text = m_doc.scalar(e.value);
  DateProblem problem = DateProblem::shape;
  if (const auto d = parse_day_or_month(text, &problem)) {
    out = Located<model::DayOrMonth>{*d, m_doc.node(e.value).mark, m_doc.node(e.key_node).mark};
    return;
  }
  add(e.value, problem == DateProblem::not_real ? "date.not-real" : "date.or-month",
      with(what(e.key), "value", shown(text)));
}

void ModelFiller::read(const Entry& e, std::optional<Located<model::Due>>& out) {
  if (!is_scalar(e.value)) {
    return;
  }
  const std::string_view text = m_doc.scalar(e.value);
  DateProblem problem = DateProblem::shape;
  if (auto d = parse_due(text, &problem)) {
    out = Located<model::Due>{std::move(*d), m_doc.node(e.value).mark, m_doc.node(e.key_node).mark};
    return;
  }
  if (problem == DateProblem::not_real) {
    add(e.value, "date.not-real", with(what(e.key), "value", shown(text)));
  } else {
    add(e.value, "due", {{"value", shown(text)}});
  }
}

void ModelFiller::read_numbering(const Entry& e, std::vector<model::NumberStyle>& out,
                                 util::Mark& mark) {
  if (!is_seq(e.value)) {
    return;
  }
  std::vector<model::NumberStyle> styles;
  bool all_valid = true;
  const auto kids = m_doc.children(e.value);
  for (std::size_t i = 0; i < kids.size(); ++i) {
    if (!is_scalar(kids[i])) {
      all_valid = false;
      continue;
    }
    const std::string_view text = m_doc.scalar(kids[i]);
    const auto style = model::parse_number_style(text);
    if (!style) {
      add(kids[i], "numbering", with(what_entry(e.key, i), "value", shown(text)));
      all_valid = false;
    } else if (std::find(styles.begin(), styles.end(), *style) != styles.end()) {
      add(kids[i], "numbering.repeated", {{"value", model::style_name(*style)}});
      all_valid = false;
    } else {
      styles.push_back(*style);
    }
  }
  mark = m_doc.node(e.value).mark;
  if (!all_valid) {
    // The list as a whole was reported through its entries (the schema's uniqueItems and
    // maxItems point at the list).
    m_reported[e.value] = true;
  }
  // A list with a bad entry says nothing reliable about the depths: keep the default.
  if (all_valid && !styles.empty() && styles.size() <= 4) {
    out = std::move(styles);
  }
}

BuildResult build_plan(const YamlDocument& doc, const std::vector<bool>& flagged,
                       Reporter& report) {
  return ModelFiller(doc, flagged, report).build();
}

} // namespace planctl::load
