// Running one job per input file on several threads, for the commands that take many files.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace CLI {
class App;
}

namespace planctl::app {

// The number of threads used when `-j` is not given: the machine's hardware threads (at
// least 1).
unsigned default_jobs();

// Runs `work(i)` for every `i` in [0, `count`) on at most `jobs` threads (the calling thread
// is one of them), handing out indexes in increasing order from a shared counter so that a
// slow input never holds up the others. Returns when every call has returned; rethrows the
// first exception a call threw, after the others have finished.
void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& work);

// Adds `-j,--jobs N` to `cmd`, bound to `jobs` (0 = default_jobs()).
void add_jobs_option(CLI::App& cmd, unsigned& jobs);

} // namespace planctl::app
