#include <planctl/app/batch_progress.hpp>

#include <fmt/format.h>

#include <cstdlib>
#include <ostream>
#include <string_view>

namespace planctl::app {

bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci && *ci && std::string_view(ci) != "0" && std::string_view(ci) != "false";
}

std::string seconds(std::chrono::steady_clock::duration d) {
  return fmt::format("{:.2f}", std::chrono::duration<double>(d).count());
}

std::string InOrder::put(std::size_t index, std::string text) {
  m_texts[index] = std::move(text);
  m_ready[index] = true;
  std::string due;
  while (m_next < m_texts.size() && m_ready[m_next]) {
    due += m_texts[m_next];
    m_texts[m_next] = std::string(); // printed: its memory goes back
    ++m_next;
  }
  return due;
}

BatchProgress::BatchProgress(Console& console, bool bar, diag::Lang lang, std::size_t inputs)
    : m_console(console), m_bar(bar), m_lang(lang), m_findings(inputs), m_lines(inputs),
      m_inputs(inputs), m_width(std::to_string(inputs).size()), m_start(Clock::now()) {}

void BatchProgress::phase(std::string label, std::size_t total) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  m_label = std::move(label);
  m_total = total;
  m_done = 0;
  draw(true);
}

void BatchProgress::step(bool failed) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  ++m_done;
  m_failed += failed ? 1 : 0;
  draw(m_done == m_total);
}

void BatchProgress::findings(std::size_t index, std::string text) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  const std::string due = m_findings.put(index, std::move(text));
  if (!due.empty()) {
    erase();
    m_console.err << due;
    m_console.err.flush();
    draw(true);
  }
}

void BatchProgress::finished(std::size_t index, const std::string& line,
                             const std::vector<std::string>& notes) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  if (m_bar) {
    if (!notes.empty()) {
      erase();
      for (const std::string& n : notes) {
        m_console.err << n << "\n";
      }
      draw(true);
    }
    return;
  }
  std::string text = fmt::format("[{:>{}}/{}] ", index + 1, m_width, m_inputs) + line + "\n";
  for (const std::string& n : notes) {
    text += n + "\n";
  }
  const std::string due = m_lines.put(index, std::move(text));
  if (!due.empty()) {
    m_console.err << due;
    m_console.err.flush();
  }
}

void BatchProgress::print(const std::string& text) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  erase();
  m_console.err << text;
  draw(true);
}

void BatchProgress::close() {
  const std::lock_guard<std::mutex> lock(m_mutex);
  erase();
  m_label.clear();
}

void BatchProgress::erase() {
  if (m_bar && m_drawn) {
    m_console.err << "\r\033[K";
    m_drawn = false;
  }
}

void BatchProgress::draw(bool force) {
  if (!m_bar || m_label.empty()) {
    return;
  }
  const Clock::time_point now = Clock::now();
  // A redraw per file would flood a slow terminal; ten a second look continuous.
  if (!force && now - m_last_draw < std::chrono::milliseconds(100)) {
    return;
  }
  m_last_draw = now;
  constexpr std::size_t k_cells = 24;
  const std::size_t filled = m_total == 0 ? k_cells : k_cells * m_done / m_total;
  const std::string bar = std::string(filled, '#') + std::string(k_cells - filled, '.');
  const bool zh = m_lang == diag::Lang::zh;
  m_console.err << "\r\033[K"
                << fmt::format(fmt::runtime(zh ? "{} [{}] {}/{}，失败 {}，{} 秒"
                                               : "{} [{}] {}/{}, {} failed, {} s"),
                               m_label, bar, m_done, m_total, m_failed, seconds(now - m_start));
  m_console.err.flush();
  m_drawn = true;
}

} // namespace planctl::app
