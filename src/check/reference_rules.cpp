// Ids and references: duplicate ids, department and person references, activity task ids.
#include <planctl/model/task_index.hpp>

#include <map>

#include "check_context.hpp"

namespace planctl::check {

namespace {

template <class Entry>
void check_unique_ids(CheckContext& ctx, const std::vector<Entry>& entries,
                      std::string_view message_id) {
  std::map<std::string, const Entry*> seen;
  for (const Entry& entry : entries) {
    if (entry.id.value.empty()) {
      continue; // a missing id is the loader's finding
    }
    const auto [it, inserted] = seen.emplace(entry.id.value, &entry);
    if (!inserted) {
      const Entry& first = *it->second;
      ctx.add(entry.id.mark, message_id,
              {{"id", entry.id.value}, {"line", line_of(known_or(first.id.mark, first.mark))}});
    }
  }
}

// `items` joined for a message: `"a"`, `"a" or "b"`, `"a", "b" or "c"` (`or` → `或` and `, ` →
// `、` in Chinese).
std::string join_quoted(const std::vector<std::string>& items, std::string_view comma,
                        std::string_view last) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += i + 1 == items.size() ? last : comma;
    }
    out += '"' + items[i] + '"';
  }
  return out;
}

std::string join_plain(const std::vector<std::string>& items, std::string_view comma) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += (i > 0 ? std::string(comma) : std::string()) + items[i];
  }
  return out;
}

// The entries of `departments` or `people` as references see them: by id (the first of a
// duplicated id) and by exact name.
class Directory {
public:
  template <class Entry>
  Directory(const std::vector<Entry>& entries, std::string kind) : m_kind(std::move(kind)) {
    for (const Entry& entry : entries) {
      const std::size_t index = m_ids.size();
      m_ids.push_back(entry.id.value);
      m_lines.push_back(line_of(known_or(entry.name.mark, entry.mark)));
      if (!entry.id.value.empty() && m_by_id.emplace(entry.id.value, index).second) {
        m_candidates.push_back(entry.id.value);
      }
      if (!entry.name.value.empty()) {
        auto& named = m_by_name[entry.name.value];
        if (named.empty()) {
          m_candidates.push_back(entry.name.value);
        }
        named.push_back(index);
      }
    }
  }

  // Reports `ref` (written under key `key`) unless it names exactly one entry. An id wins
  // over a name: ids are unique, so an id is always an unambiguous way to refer.
  void resolve(CheckContext& ctx, const model::Text& ref, std::string_view key) {
    if (ref.value.empty() || m_by_id.count(ref.value)) {
      return;
    }
    if (const auto it = m_by_name.find(ref.value); it != m_by_name.end()) {
      if (it->second.size() > 1) {
        report_ambiguous(ctx, ref, key, it->second);
      }
      return;
    }
    const std::string base = "unknown-" + m_kind;
    const std::string suggestion = ctx.wants(base) ? ctx.suggest(ref.value, m_candidates) : "";
    if (suggestion.empty()) {
      ctx.add(ref.mark, base, {{"ref", ref.value}, {"key", std::string(key)}});
    } else {
      ctx.add(ref.mark, base + ".suggest",
              {{"ref", ref.value}, {"key", std::string(key)}, {"suggestion", suggestion}});
    }
  }

private:
  void report_ambiguous(CheckContext& ctx, const model::Text& ref, std::string_view key,
                        const std::vector<std::size_t>& entries) {
    std::vector<std::string> ids;
    std::vector<std::string> lines;
    for (const std::size_t index : entries) {
      if (!m_ids[index].empty()) {
        ids.push_back(m_ids[index]);
      }
      lines.push_back(m_lines[index]);
    }
    ctx.add(ref.mark, "ambiguous-reference." + m_kind,
            {{"ref", ref.value},
             {"key", std::string(key)},
             {"count", std::to_string(entries.size())},
             {"lines", join_plain(lines, ", ")},
             {"lines_zh", join_plain(lines, "、")},
             {"ids", join_quoted(ids, ", ", " or ")},
             {"ids_zh", join_quoted(ids, "、", " 或 ")}});
  }

  std::string m_kind;
  std::vector<std::string> m_ids;
  std::vector<std::string> m_lines;
  std::map<std::string, std::size_t> m_by_id;
  std::map<std::string, std::vector<std::size_t>> m_by_name;
  std::vector<std::string> m_candidates; // ids, then names, each once, in file order
};

void check_activity_tasks(CheckContext& ctx) {
  const model::PlanFile& file = ctx.plan();
  if (file.activities.empty()) {
    return;
  }
  const model::TaskIndex index = model::index_tasks(file.plan);
  std::vector<std::string> ids;
  for (const auto& [id, _] : index.by_id) {
    ids.push_back(id);
  }
  // Authors often name a task by its title; say which item that is and what to do.
  std::map<std::string, util::Mark> titles;
  for_each_item(file.plan.sections, [&](const model::Item& item, std::size_t) {
    titles.emplace(item.title.value, known_or(item.title.mark, item.mark));
  });
  for (const model::Activity& activity : file.activities) {
    for (const model::Text& ref : activity.tasks) {
      if (ref.value.empty() || index.by_id.count(ref.value)) {
        continue;
      }
      if (const auto it = titles.find(ref.value); it != titles.end()) {
        ctx.add(ref.mark, "unknown-task.title",
                {{"ref", ref.value}, {"line", line_of(it->second)}});
        continue;
      }
      if (ids.empty()) {
        ctx.add(ref.mark, "unknown-task.no-ids", {{"ref", ref.value}});
        continue;
      }
      const std::string suggestion = ctx.wants("unknown-task") ? ctx.suggest(ref.value, ids) : "";
      if (suggestion.empty()) {
        ctx.add(ref.mark, "unknown-task", {{"ref", ref.value}});
      } else {
        ctx.add(ref.mark, "unknown-task.suggest", {{"ref", ref.value}, {"suggestion", suggestion}});
      }
    }
  }
}

} // namespace

void check_ids(CheckContext& ctx) {
  const model::PlanFile& file = ctx.plan();
  check_unique_ids(ctx, file.departments, "duplicate-department-id");
  check_unique_ids(ctx, file.people, "duplicate-person-id");
  std::map<std::string, util::Mark> tasks;
  for_each_item(file.plan.sections, [&](const model::Item& item, std::size_t) {
    if (!item.id || item.id->value.empty()) {
      return;
    }
    const auto [it, inserted] = tasks.emplace(item.id->value, known_or(item.id->mark, item.mark));
    if (!inserted) {
      ctx.add(item.id->mark, "duplicate-task-id",
              {{"id", item.id->value}, {"line", line_of(it->second)}});
    }
  });
}

void check_references(CheckContext& ctx) {
  const model::PlanFile& file = ctx.plan();
  std::optional<Directory> departments;
  std::optional<Directory> people;
  if (file.has_departments) {
    departments.emplace(file.departments, "department");
  }
  if (file.has_people) {
    people.emplace(file.people, "person");
  }
  // References are checked in file order: departments, people, then the tasks.
  for (const model::Department& department : file.departments) {
    if (people && department.head) {
      people->resolve(ctx, *department.head, "head");
    }
  }
  for (const model::Person& person : file.people) {
    if (departments && person.department) {
      departments->resolve(ctx, *person.department, "department");
    }
  }
  for_each_item(file.plan.sections, [&](const model::Item& item, std::size_t) {
    if (departments && item.lead) {
      departments->resolve(ctx, *item.lead, "lead");
    }
    if (people) {
      for (const model::Text& owner : item.owner) {
        people->resolve(ctx, owner, "owner");
      }
    }
    if (departments) {
      for (const model::Text& support : item.support) {
        departments->resolve(ctx, support, "support");
      }
    }
  });
  check_activity_tasks(ctx);
}

} // namespace planctl::check
