// What `planctl batch` shows while it runs, on standard error: on a terminal a progress bar
// redrawn in place; in CI (no terminal, or `CI` set) one line per input, in input order
// whatever order the threads finish in, so that two logs of one run can be compared.
#pragma once

#include <planctl/app/cli.hpp>
#include <planctl/diag/diagnostic.hpp>

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

namespace planctl::app {

// Whether the `CI` environment variable says the run is in CI (set, and not `0` or `false`).
bool in_ci();

// `d` in seconds with two decimals (`1.23`).
std::string seconds(std::chrono::steady_clock::duration d);

// Texts handed in by index in any order and given back in index order: what is ready once the
// texts before it are. Not thread-safe (BatchProgress locks around it).
class InOrder {
public:
  explicit InOrder(std::size_t count) : m_texts(count) {}

  // Takes the text of `index`; returns every text now due, in order, joined.
  std::string put(std::size_t index, std::string text);

private:
  std::vector<std::string> m_texts;
  std::vector<bool> m_ready = std::vector<bool>(m_texts.size());
  std::size_t m_next = 0;
};

class BatchProgress {
public:
  using Clock = std::chrono::steady_clock;

  // `bar`: draw a bar (a terminal outside CI); else print one line per input.
  BatchProgress(Console& console, bool bar, diag::Lang lang, std::size_t inputs);

  Clock::time_point start() const { return m_start; }

  // Starts counting `total` steps of the phase named `label`.
  void phase(std::string label, std::size_t total);

  // One step of the phase is done; `failed` counts it among the failures shown.
  void step(bool failed);

  // The findings of input `index` (whole lines; empty when none), printed in input order in
  // both modes.
  void findings(std::size_t index, std::string text);

  // Input `index` has finished with `line` (printed in CI, in input order, numbered) and
  // `notes` (warnings, printed in both modes).
  void finished(std::size_t index, const std::string& line, const std::vector<std::string>& notes);

  // Prints `text` (whole lines) above the bar.
  void print(const std::string& text);

  // Removes the bar for good.
  void close();

private:
  void erase();
  void draw(bool force);

  Console& m_console;
  const bool m_bar;
  const diag::Lang m_lang;
  std::mutex m_mutex;
  InOrder m_findings;
  InOrder m_lines;
  const std::size_t m_inputs;
  const std::size_t m_width;
  const Clock::time_point m_start;
  Clock::time_point m_last_draw{};
  std::string m_label;
  std::size_t m_total = 0;
  std::size_t m_done = 0;
  std::size_t m_failed = 0;
  bool m_drawn = false;
};

} // namespace planctl::app
