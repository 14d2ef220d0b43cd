// Ids and references: duplicate ids, department and person references, activity task ids.
#include <planctl/model/task_index.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

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
    if (!ctx.wants(base)) {
      ctx.add(ref.mark, base); // counted, never listed: nothing to build
      return;
    }
    const std::string suggestion = ctx.suggest(ref.value, m_candidates);
    if (suggestion.empty()) {
      ctx.add(ref.mark, base, {{"ref", ref.value}, {"key", std::string(key)}});
    } else {
      ctx.add(ref.mark, base + ".suggest",
              {{"ref", ref.value}, {"key", std::string(key)}, {"suggestion", suggestion}});
    }
  }

private:
  // The entries a message lists for a name shared by several: a few, then how many more, so
  // that a name shared by thousands of entries neither costs nor prints thousands.
  static constexpr std::size_t k_listed = 5;

  // The lines and ids of a shared name, as the message shows them; built once per name.
  struct Shared {
    std::string lines, lines_zh, ids, ids_zh;
  };

  void report_ambiguous(CheckContext& ctx, const model::Text& ref, std::string_view key,
                        const std::vector<std::size_t>& entries) {
    const std::string rule = "ambiguous-reference." + m_kind;
    if (!ctx.wants("ambiguous-reference")) {
      ctx.add(ref.mark, rule);
      return;
    }
    auto [it, inserted] = m_shared.try_emplace(ref.value);
    if (inserted) {
      std::vector<std::string> ids;
      std::vector<std::string> lines;
      for (const std::size_t index : entries) {
        if (ids.size() == k_listed && lines.size() == k_listed) {
          break;
        }
        if (!m_ids[index].empty() && ids.size() < k_listed) {
          ids.push_back(m_ids[index]);
        }
        if (lines.size() < k_listed) {
          lines.push_back(m_lines[index]);
        }
      }
      const std::size_t more = entries.size() - lines.size();
      Shared& shared = it->second;
      shared.lines = join_plain(lines, ", ") + (more ? fmt::format(" and {} more", more) : "");
      shared.lines_zh = join_plain(lines, "、") + (more ? "……" : "");
      if (more) {
        shared.ids = join_quoted(ids, ", ", ", ") + ", …";
        shared.ids_zh = join_quoted(ids, "、", "、") + "……";
      } else {
        shared.ids = join_quoted(ids, ", ", " or ");
        shared.ids_zh = join_quoted(ids, "、", " 或 ");
      }
    }
    const Shared& shared = it->second;
    ctx.add(ref.mark, rule,
            {{"ref", ref.value},
             {"key", std::string(key)},
             {"count", std::to_string(entries.size())},
             {"lines", shared.lines},
             {"lines_zh", shared.lines_zh},
             {"ids", shared.ids},
             {"ids_zh", shared.ids_zh}});
  }

  std::string m_kind;
  std::vector<std::string> m_ids;
  std::vector<std::string> m_lines;
  std::map<std::string, std::size_t> m_by_id;
  std::map<std::string, std::vector<std::size_t>> m_by_name;
  std::vector<std::string> m_candidates; // ids, then names, each once, in file order
  std::map<std::string, Shared> m_shared;
};

// Resolves each reference of `refs` once: a reference listed again in the same list is a
// `duplicate-reference` warning and is not resolved again, so that `[X, X, …]` costs as much
// as `[X]`. `resolve(ref)` does the work for a first occurrence.
template <class Resolve>
void for_each_distinct(CheckContext& ctx, const model::TextList& refs, std::string_view key,
                       Resolve&& resolve) {
  if (refs.size() < 2) {
    for (const model::Text& ref : refs) {
      resolve(ref);
    }
    return;
  }
  std::unordered_map<std::string_view, util::Mark> first;
  first.reserve(refs.size());
  for (const model::Text& ref : refs) {
    if (ref.value.empty()) {
      resolve(ref);
      continue;
    }
    const auto [it, inserted] = first.emplace(ref.value, ref.mark);
    if (inserted) {
      resolve(ref);
    } else if (ctx.wants("duplicate-reference")) {
      ctx.add(ref.mark, "duplicate-reference",
              {{"ref", ref.value}, {"key", std::string(key)}, {"line", line_of(it->second)}});
    } else {
      ctx.add(ref.mark, "duplicate-reference");
    }
  }
}

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
    for_each_distinct(ctx, activity.tasks, "task", [&](const model::Text& ref) {
      if (ref.value.empty() || index.by_id.count(ref.value)) {
        return;
      }
      if (const auto it = titles.find(ref.value); it != titles.end()) {
        ctx.add(ref.mark, "unknown-task.title",
                {{"ref", ref.value}, {"line", line_of(it->second)}});
        return;
      }
      if (ids.empty()) {
        ctx.add(ref.mark, "unknown-task.no-ids", {{"ref", ref.value}});
        return;
      }
      const std::string suggestion = ctx.wants("unknown-task") ? ctx.suggest(ref.value, ids) : "";
      if (suggestion.empty()) {
        ctx.add(ref.mark, "unknown-task", {{"ref", ref.value}});
      } else {
        ctx.add(ref.mark, "unknown-task.suggest", {{"ref", ref.value}, {"suggestion", suggestion}});
      }
    });
  }
}

// Each `report.groups` entry names a group of 主要做法: its title as written, its id, or 其他工作.
void check_report_groups(CheckContext& ctx) {
  const model::PlanFile& file = ctx.plan();
  if (!file.report || file.report->groups.empty()) {
    return;
  }
  const model::TaskIndex index = model::index_tasks(file.plan);
  std::vector<std::string> names{"其他工作"};
  for (const model::GroupRef& group : index.groups) {
    names.push_back(group.item->title.value);
    if (group.item->id) {
      names.push_back(group.item->id->value);
    }
  }
  for (const model::ReportGroup& entry : file.report->groups) {
    const std::string& ref = entry.group.value;
    if (ref.empty() || std::find(names.begin(), names.end(), ref) != names.end()) {
      continue;
    }
    const std::string suggestion = ctx.wants("report-group-unknown") ? ctx.suggest(ref, names) : "";
    if (suggestion.empty()) {
      ctx.add(entry.group.mark, "report-group-unknown", {{"ref", excerpt(ref, 40)}});
    } else {
      ctx.add(entry.group.mark, "report-group-unknown.suggest",
              {{"ref", excerpt(ref, 40)}, {"suggestion", suggestion}});
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
    for_each_distinct(ctx, item.owner, "owner", [&](const model::Text& owner) {
      if (people) {
        people->resolve(ctx, owner, "owner");
      }
    });
    for_each_distinct(ctx, item.support, "support", [&](const model::Text& support) {
      if (departments) {
        departments->resolve(ctx, support, "support");
      }
    });
  });
  check_activity_tasks(ctx);
  check_report_groups(ctx);
}

} // namespace planctl::check
