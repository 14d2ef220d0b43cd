#include <planctl/load/plan_builder.hpp>
#include <planctl/load/plan_schema.hpp>
#include <planctl/load/scalar_rules.hpp>
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

// A mapping entry whose value is not null (null counts as absent).
struct Entry {
  std::string_view key;
  NodeId key_node = 0;
  NodeId value = 0;
};

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

class ModelBuilder {
public:
  ModelBuilder(const YamlDocument& doc, const std::vector<bool>& flagged, Reporter& report)
      : m_doc(doc), m_flagged(flagged), m_report(report), m_reported(doc.node_count(), false) {}

  BuildResult build() {
    BuildResult out;
    model::PlanFile& file = out.plan;
    for (const Entry& e : entries(m_doc.root())) {
      if (e.key == "version") {
        file.version = version(e);
      } else if (e.key == "school" && is_map(e.value)) {
        file.school = school(e.value);
      } else if (e.key == "departments" && is_seq(e.value)) {
        file.has_departments = true;
        for (const NodeId n : maps_in(e.value)) {
          file.departments.push_back(department(n));
        }
      } else if (e.key == "people" && is_seq(e.value)) {
        file.has_people = true;
        for (const NodeId n : maps_in(e.value)) {
          file.people.push_back(person(n));
        }
      } else if (e.key == "plan" && is_map(e.value)) {
        file.plan = plan(e.value);
      } else if (e.key == "activities" && is_seq(e.value)) {
        const auto kids = m_doc.children(e.value);
        for (std::size_t i = 0; i < kids.size(); ++i) {
          if (is_map(kids[i])) {
            file.activities.push_back(activity(kids[i]));
            file.activities.back().file_index = i;
          }
        }
      } else if (e.key == "report" && is_map(e.value)) {
        file.report = report(e.value);
      }
    }
    out.reported = std::move(m_reported);
    return out;
  }

private:
  // ---- access -------------------------------------------------------------------------------

  std::vector<Entry> entries(NodeId map) const {
    std::vector<Entry> out;
    if (m_doc.node(map).kind != NodeKind::mapping) {
      return out;
    }
    const auto kids = m_doc.children(map);
    out.reserve(kids.size() / 2);
    for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
      if (m_doc.node(kids[i + 1]).kind != NodeKind::null) {
        out.push_back(Entry{m_doc.scalar(kids[i]), kids[i], kids[i + 1]});
      }
    }
    return out;
  }

  bool usable(NodeId n) const { return n >= m_flagged.size() || !m_flagged[n]; }
  bool is_map(NodeId n) const { return m_doc.node(n).kind == NodeKind::mapping && usable(n); }
  bool is_seq(NodeId n) const { return m_doc.node(n).kind == NodeKind::sequence && usable(n); }
  bool is_scalar(NodeId n) const { return m_doc.node(n).kind == NodeKind::scalar && usable(n); }

  std::vector<NodeId> maps_in(NodeId seq) const {
    std::vector<NodeId> out;
    for (const NodeId n : m_doc.children(seq)) {
      if (is_map(n)) {
        out.push_back(n);
      }
    }
    return out;
  }

  void add(NodeId node, std::string_view message_id, Args args) {
    m_reported[node] = true;
    m_report.add(m_doc.node(node).mark, message_id, std::move(args));
  }

  static Args what(std::string_view key) {
    const std::string k(key);
    return {{"what", "\"" + k + "\""}, {"what_zh", "“" + k + "”"}};
  }

  static Args what_entry(std::string_view key, std::size_t index) {
    const std::string k(key);
    const std::string n = std::to_string(index + 1);
    return {{"what", "entry " + n + " of \"" + k + "\""},
            {"what_zh", "“" + k + "”的第 " + n + " 项"}};
  }

  static Args with(Args args, std::string name, std::string value) {
    args.emplace_back(std::move(name), std::move(value));
    return args;
  }

  // ---- texts ----------------------------------------------------------------------------------

  Text text_at(NodeId value, NodeId key) const {
    Text t;
    t.value = normalize_line_breaks(m_doc.scalar(value));
    t.mark = m_doc.node(value).mark;
    t.key = m_doc.node(key).mark;
    return t;
  }

  // An optional text: absent when not a text or blank.
  std::optional<Text> optional_text(const Entry& e) const {
    if (!is_scalar(e.value) || is_blank(m_doc.scalar(e.value))) {
      return std::nullopt;
    }
    return text_at(e.value, e.key_node);
  }

  // A required text: blank counts as missing and is reported; the marks are kept either way.
  Text required_text(const Entry& e, Place place) {
    if (!is_scalar(e.value)) {
      return Text{};
    }
    Text t = text_at(e.value, e.key_node);
    if (is_blank(t.value)) {
      const Words where = place_words(place);
      add(e.value, "missing-key.blank",
          {{"key", std::string(e.key)}, {"where", where.en}, {"where_zh", where.zh}});
      t.value.clear();
    }
    return t;
  }

  // One text or a list of texts; blank entries are reported and left out.
  TextList text_list(const Entry& e) {
    TextList out;
    if (is_scalar(e.value)) {
      if (is_blank(m_doc.scalar(e.value))) {
        add(e.value, "empty-entry", what(e.key));
      } else {
        out.push_back(text_at(e.value, e.key_node));
      }
      return out;
    }
    if (!is_seq(e.value)) {
      return out;
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
    return out;
  }

  // ---- typed scalars --------------------------------------------------------------------------

  std::optional<std::int64_t> integer(NodeId value, const Args& name) {
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

  std::optional<Located<util::Date>> date(const Entry& e) {
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

  Located<int> version(const Entry& e) {
    Located<int> out;
    out.mark = m_doc.node(e.value).mark;
    out.key = m_doc.node(e.key_node).mark;
    const YamlNode& n = m_doc.node(e.value);
    if (n.kind == NodeKind::scalar && n.plain && parse_plain_integer(m_doc.scalar(e.value)) == 1) {
      out.value = 1;
      return out;
    }
    if (!usable(e.value)) {
      return out;
    }
    std::string value;
    if (n.kind == NodeKind::scalar) {
      value = "\"" + shown(m_doc.scalar(e.value)) + "\"";
      add(e.value, "version", {{"value", value}});
    } else {
      add(e.value, "version.not-number", {});
    }
    return out;
  }

  // ---- mappings -------------------------------------------------------------------------------

  model::School school(NodeId map) {
    model::School s;
    s.mark = m_doc.node(map).mark;
    for (const Entry& e : entries(map)) {
      if (e.key == "name") {
        s.name = required_text(e, Place::school);
      } else if (e.key == "short_name") {
        s.short_name = optional_text(e);
      } else if (e.key == "code") {
        s.code = optional_text(e);
        if (s.code && !is_valid_code(s.code->value)) {
          add(e.value, "school-code", {{"value", shown(s.code->value)}});
          s.code.reset();
        }
      } else if (e.key == "district") {
        s.district = optional_text(e);
      } else if (e.key == "profile" && is_seq(e.value)) {
        for (const NodeId n : maps_in(e.value)) {
          s.profile.push_back(profile_fact(n));
        }
      }
    }
    return s;
  }

  model::ProfileFact profile_fact(NodeId map) {
    model::ProfileFact f;
    f.mark = m_doc.node(map).mark;
    for (const Entry& e : entries(map)) {
      if (e.key == "label") {
        f.label = required_text(e, Place::profile_fact);
      } else if (e.key == "value") {
        f.value = required_text(e, Place::profile_fact);
        const YamlNode& n = m_doc.node(e.value);
        const CoreType type = core_type(m_doc.scalar(e.value));
        f.value_is_number = n.kind == NodeKind::scalar && n.plain &&
                            (type == CoreType::integer || type == CoreType::floating);
      } else if (e.key == "unit") {
        f.unit = optional_text(e);
      }
    }
    return f;
  }

  // An id: required for departments and people, optional for tasks.
  Text id(const Entry& e, Place place) {
    Text t = required_text(e, place);
    if (!t.value.empty() && !is_valid_id(t.value)) {
      add(e.value, "id", with(what(e.key), "value", shown(t.value)));
      t.value.clear();
    }
    return t;
  }

  model::Department department(NodeId map) {
    model::Department d;
    d.mark = m_doc.node(map).mark;
    for (const Entry& e : entries(map)) {
      if (e.key == "id") {
        d.id = id(e, Place::department);
      } else if (e.key == "name") {
        d.name = required_text(e, Place::department);
      } else if (e.key == "head") {
        d.head = optional_text(e);
      }
    }
    return d;
  }

  model::Person person(NodeId map) {
    model::Person p;
    p.mark = m_doc.node(map).mark;
    for (const Entry& e : entries(map)) {
      if (e.key == "id") {
        p.id = id(e, Place::person);
      } else if (e.key == "name") {
        p.name = required_text(e, Place::person);
      } else if (e.key == "title") {
        p.title = optional_text(e);
      } else if (e.key == "department") {
        p.department = optional_text(e);
      }
    }
    return p;
  }

  model::Plan plan(NodeId map) {
    model::Plan p;
    p.mark = m_doc.node(map).mark;
    std::optional<NodeId> period_map;
    for (const Entry& e : entries(map)) {
      if (e.key == "title") {
        p.title = required_text(e, Place::plan);
      } else if (e.key == "year") {
        p.year.mark = m_doc.node(e.value).mark;
        p.year.key = m_doc.node(e.key_node).mark;
        if (const auto y = integer(e.value, what(e.key))) {
          if (*y < 2000 || *y > 2100) {
            add(e.value, "year-range", {{"value", std::to_string(*y)}});
          } else {
            p.year.value = static_cast<int>(*y);
          }
        }
      } else if (e.key == "period" && is_map(e.value)) {
        period_map = e.value;
      } else if (e.key == "issuer") {
        p.issuer = required_text(e, Place::plan);
      } else if (e.key == "date") {
        if (auto d = date(e)) {
          p.date = *d;
        } else {
          p.date.mark = m_doc.node(e.value).mark;
          p.date.key = m_doc.node(e.key_node).mark;
        }
      } else if (e.key == "basis") {
        p.basis = optional_text(e);
      } else if (e.key == "numbering" && is_seq(e.value)) {
        numbering(e, p);
      } else if (e.key == "sections" && is_seq(e.value)) {
        for (const NodeId n : maps_in(e.value)) {
          p.sections.push_back(item(n));
        }
      } else if (e.key == "attachments") {
        p.attachments = text_list(e);
      }
    }
    if (period_map) {
      p.period = period(*period_map);
    } else if (p.year.value != 0) {
      p.period.start = util::Date{p.year.value, 1, 1};
      p.period.end = util::Date{p.year.value, 12, 31};
    }
    return p;
  }

  model::Period period(NodeId map) {
    model::Period period;
    period.explicit_in_file = true;
    period.mark = m_doc.node(map).mark;
    for (const Entry& e : entries(map)) {
      if (e.key == "start") {
        if (const auto d = date(e)) {
          period.start = d->value;
          period.start_mark = d->mark;
        }
      } else if (e.key == "end") {
        if (const auto d = date(e)) {
          period.end = d->value;
          period.end_mark = d->mark;
        }
      }
    }
    return period;
  }

  void numbering(const Entry& e, model::Plan& p) {
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
    p.numbering_mark = m_doc.node(e.value).mark;
    if (!all_valid) {
      // The list as a whole was reported through its entries (the schema's uniqueItems and
      // maxItems point at the list).
      m_reported[e.value] = true;
    }
    // A list with a bad entry says nothing reliable about the depths: keep the default.
    if (all_valid && !styles.empty() && styles.size() <= 4) {
      p.numbering = std::move(styles);
    }
  }

  model::Item item(NodeId map) {
    model::Item it;
    it.mark = m_doc.node(map).mark;
    const std::vector<Entry> all = entries(map);
    it.is_task =
        std::any_of(all.begin(), all.end(), [](const Entry& e) { return is_task_key(e.key); });
    const Place place = it.is_task ? Place::task : Place::item;
    for (const Entry& e : all) {
      if (e.key == "title") {
        it.title = required_text(e, place);
      } else if (e.key == "text") {
        it.text = optional_text(e);
      } else if (e.key == "points") {
        it.points = text_list(e);
      } else if (e.key == "items" && is_seq(e.value)) {
        for (const NodeId n : maps_in(e.value)) {
          it.items.push_back(item(n));
        }
      } else if (e.key == "id") {
        if (auto t = optional_text(e)) {
          if (is_valid_id(t->value)) {
            it.id = std::move(t);
          } else {
            add(e.value, "id", with(what(e.key), "value", shown(t->value)));
          }
        } else if (is_scalar(e.value)) {
          add(e.value, "id", with(what(e.key), "value", ""));
        }
      } else if (e.key == "lead") {
        it.lead = optional_text(e);
      } else if (e.key == "owner") {
        it.owner = text_list(e);
      } else if (e.key == "support") {
        it.support = text_list(e);
      } else if (e.key == "start") {
        start(e, it);
      } else if (e.key == "due") {
        due(e, it);
      } else if (e.key == "months" && is_seq(e.value)) {
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
          it.months.push_back(Located<int>{static_cast<int>(*m), m_doc.node(kids[i]).mark,
                                           m_doc.node(e.key_node).mark});
        }
      } else if (e.key == "deliverables") {
        it.deliverables = text_list(e);
      } else if (e.key == "status" && is_scalar(e.value)) {
        const std::string_view text = m_doc.scalar(e.value);
        if (const auto s = parse_status(text)) {
          it.status =
              Located<model::TaskStatus>{*s, m_doc.node(e.value).mark, m_doc.node(e.key_node).mark};
        } else {
          add(e.value, "status", {{"value", shown(text)}});
        }
      }
    }
    return it;
  }

  void start(const Entry& e, model::Item& it) {
    if (!is_scalar(e.value)) {
      return;
    }
    const std::string_view text = m_doc.scalar(e.value);
    DateProblem problem = DateProblem::shape;
    if (const auto d = parse_day_or_month(text, &problem)) {
      it.start =
          Located<model::DayOrMonth>{*d, m_doc.node(e.value).mark, m_doc.node(e.key_node).mark};
      return;
    }
    add(e.value, problem == DateProblem::not_real ? "date.not-real" : "date.or-month",
        with(what(e.key), "value", shown(text)));
  }

  void due(const Entry& e, model::Item& it) {
    if (!is_scalar(e.value)) {
      return;
    }
    const std::string_view text = m_doc.scalar(e.value);
    DateProblem problem = DateProblem::shape;
    if (auto d = parse_due(text, &problem)) {
      it.due =
          Located<model::Due>{std::move(*d), m_doc.node(e.value).mark, m_doc.node(e.key_node).mark};
      return;
    }
    if (problem == DateProblem::not_real) {
      add(e.value, "date.not-real", with(what(e.key), "value", shown(text)));
    } else {
      add(e.value, "due", {{"value", shown(text)}});
    }
  }

  model::Activity activity(NodeId map) {
    model::Activity a;
    a.mark = m_doc.node(map).mark;
    for (const Entry& e : entries(map)) {
      if (e.key == "date") {
        if (auto d = date(e)) {
          a.date = *d;
        } else {
          a.date.mark = m_doc.node(e.value).mark;
          a.date.key = m_doc.node(e.key_node).mark;
        }
      } else if (e.key == "end") {
        a.end = date(e);
      } else if (e.key == "title") {
        a.title = required_text(e, Place::activity);
      } else if (e.key == "task") {
        a.tasks = text_list(e);
      } else if (e.key == "host") {
        a.host = optional_text(e);
      } else if (e.key == "participants") {
        a.participants = optional_text(e);
      } else if (e.key == "count") {
        if (const auto n = integer(e.value, what(e.key))) {
          a.count =
              Located<std::int64_t>{*n, m_doc.node(e.value).mark, m_doc.node(e.key_node).mark};
        }
      } else if (e.key == "place") {
        a.place = optional_text(e);
      } else if (e.key == "summary") {
        a.summary = optional_text(e);
      } else if (e.key == "evidence") {
        a.evidence = text_list(e);
      }
    }
    return a;
  }

  model::ReportItem report_item(NodeId map) {
    model::ReportItem r;
    r.mark = m_doc.node(map).mark;
    for (const Entry& e : entries(map)) {
      if (e.key == "title") {
        r.title = optional_text(e);
      } else if (e.key == "text") {
        r.text = optional_text(e);
      } else if (e.key == "points") {
        r.points = text_list(e);
      }
    }
    return r;
  }

  model::Report report(NodeId map) {
    model::Report r;
    r.mark = m_doc.node(map).mark;
    for (const Entry& e : entries(map)) {
      if (e.key == "title") {
        r.title = optional_text(e);
      } else if (e.key == "issuer") {
        r.issuer = optional_text(e);
      } else if (e.key == "date") {
        r.date = date(e);
      } else if (e.key == "overview") {
        r.overview = optional_text(e);
      } else if (e.key == "achievements" && is_seq(e.value)) {
        r.achievements = text_list(e);
      } else if (e.key == "problems" && is_seq(e.value)) {
        for (const NodeId n : maps_in(e.value)) {
          r.problems.push_back(report_item(n));
        }
      } else if (e.key == "next_steps" && is_seq(e.value)) {
        for (const NodeId n : maps_in(e.value)) {
          r.next_steps.push_back(report_item(n));
        }
      } else if (e.key == "headings" && is_map(e.value)) {
        for (const Entry& h : entries(e.value)) {
          std::optional<Text>* slot = h.key == "overview"       ? &r.headings.overview
                                      : h.key == "practices"    ? &r.headings.practices
                                      : h.key == "achievements" ? &r.headings.achievements
                                      : h.key == "problems"     ? &r.headings.problems
                                      : h.key == "next_steps"   ? &r.headings.next_steps
                                                                : nullptr;
          if (slot) {
            *slot = optional_text(h);
          }
        }
      }
    }
    return r;
  }

  const YamlDocument& m_doc;
  const std::vector<bool>& m_flagged;
  Reporter& m_report;
  std::vector<bool> m_reported;
};

} // namespace

BuildResult build_plan(const YamlDocument& doc, const std::vector<bool>& flagged,
                       Reporter& report) {
  return ModelBuilder(doc, flagged, report).build();
}

} // namespace planctl::load
