#include <planctl/app/parallel.hpp>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace planctl::app {

unsigned default_jobs() {
  return std::max(1u, std::thread::hardware_concurrency());
}

void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& work) {
  if (count == 0) {
    return;
  }
  const std::size_t threads = std::clamp<std::size_t>(jobs == 0 ? default_jobs() : jobs, 1, count);
  std::atomic<std::size_t> next{0};
  std::mutex error_mutex;
  std::exception_ptr error;
  const auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++) {
      try {
        work(i);
      } catch (...) {
        const std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) {
          error = std::current_exception();
        }
      }
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  try {
    for (std::size_t t = 1; t < threads; ++t) {
      pool.emplace_back(worker);
    }
  } catch (const std::system_error&) {
    // No more threads to be had: the ones that started, and this one, do all the work.
  }
  worker();
  for (std::thread& t : pool) {
    t.join();
  }
  if (error) {
    std::rethrow_exception(error);
  }
}

void add_jobs_option(CLI::App& cmd, unsigned& jobs) {
  cmd.add_option("-j,--jobs", jobs, "Files processed at once\n(default: the number of cores)")
      ->type_name("N")
      ->check(CLI::Range(1u, 1024u))
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
}

} // namespace planctl::app
