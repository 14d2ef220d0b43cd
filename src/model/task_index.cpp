#include <planctl/model/numbering.hpp>
#include <planctl/model/task_index.hpp>

#include <algorithm>

namespace planctl::model {

namespace {

// The style used at `depth` (1-based): items deeper than `numbering` allows repeat its last
// style so that they still get a readable position (the checker reports them); an empty list,
// which the loader never produces, falls back to the GB/T 9704 sequence.
NumberStyle style_at(const std::vector<NumberStyle>& numbering, std::size_t depth) {
  static const std::vector<NumberStyle> k_default{NumberStyle::chinese, NumberStyle::paren_chinese,
                                                  NumberStyle::arabic, NumberStyle::paren_arabic};
  const std::vector<NumberStyle>& styles = numbering.empty() ? k_default : numbering;
  return styles[std::min(depth, styles.size()) - 1];
}

// Walks the item tree once, in document order, carrying the chain of ancestors so that each
// item's group and position are known without a second pass.
class Indexer {
public:
  explicit Indexer(const Plan& plan) : m_plan(plan) {}

  TaskIndex run() {
    walk(m_plan.sections);
    return std::move(m_index);
  }

private:
  struct Frame {
    const Item* item;
    std::string label;
    bool heading;
    std::size_t group_slot; // index into m_index.groups, or npos when it cannot be a group
  };

  void walk(const std::vector<Item>& items) {
    const std::size_t depth = m_chain.size() + 1;
    const NumberStyle style = style_at(m_plan.numbering, depth);
    for (std::size_t i = 0; i < items.size(); ++i) {
      const Item& item = items[i];
      const bool heading = is_heading_style(style);
      std::string label = number_label(style, static_cast<int>(i + 1));
      m_path.push_back(static_cast<int>(i + 1));
      std::size_t slot = std::string::npos;
      // Depth-1 items can always be groups: they are the group of any task that has no
      // heading-style item on its path (numbering without heading styles, or one whose
      // heading styles only start below depth 1).
      if (heading || depth == 1) {
        slot = m_index.groups.size();
        m_index.groups.push_back(GroupRef{&item, position_with(label), m_index.groups.size()});
      }
      m_chain.push_back(Frame{&item, std::move(label), heading, slot});
      if (item.is_task) {
        add_task(item);
      }
      walk(item.items);
      m_chain.pop_back();
      m_path.pop_back();
    }
  }

  std::string position_with(const std::string& label) const {
    std::string out;
    for (const Frame& frame : m_chain) {
      out += frame.label;
    }
    return out + label;
  }

  void add_task(const Item& item) {
    TaskRef ref;
    ref.item = &item;
    ref.path = m_path;
    ref.position = position_with({});
    ref.index = m_index.tasks.size();
    const Frame* group = &m_chain.front();
    for (auto it = m_chain.rbegin(); it != m_chain.rend(); ++it) {
      if (it->heading) {
        group = &*it;
        break;
      }
    }
    ref.group = group->item;
    ref.group_index = group->group_slot;
    if (item.id && !item.id->value.empty()) {
      // The first task keeps a duplicated id; the checker reports the second one.
      m_index.by_id.emplace(item.id->value, ref.index);
    }
    m_index.tasks.push_back(std::move(ref));
  }

  const Plan& m_plan;
  TaskIndex m_index;
  std::vector<Frame> m_chain;
  std::vector<int> m_path;
};

const Item* find_group(const std::vector<Item>& items, const Item* target,
                       const std::vector<NumberStyle>& numbering, std::size_t depth,
                       const Item* depth1, const Item* nearest_heading) {
  const bool heading = is_heading_style(style_at(numbering, depth));
  for (const Item& item : items) {
    const Item* top = depth == 1 ? &item : depth1;
    const Item* nearest = heading ? &item : nearest_heading;
    if (&item == target) {
      return nearest ? nearest : top;
    }
    if (const Item* found = find_group(item.items, target, numbering, depth + 1, top, nearest)) {
      return found;
    }
  }
  return nullptr;
}

} // namespace

const TaskRef* TaskIndex::find(const std::string& id) const {
  const auto it = by_id.find(id);
  return it == by_id.end() ? nullptr : &tasks[it->second];
}

std::optional<std::size_t> activity_group(const TaskIndex& index, const Activity& activity) {
  if (activity.tasks.empty()) {
    return std::nullopt;
  }
  const TaskRef* task = index.find(activity.tasks.front().value);
  if (task == nullptr || task->group_index >= index.groups.size() ||
      index.groups[task->group_index].item == nullptr) {
    return std::nullopt;
  }
  return task->group_index;
}

TaskIndex index_tasks(const Plan& plan) {
  return Indexer(plan).run();
}

const Item* group_of(const Plan& plan, const Item* item) {
  return find_group(plan.sections, item, plan.numbering, 1, nullptr, nullptr);
}

} // namespace planctl::model
