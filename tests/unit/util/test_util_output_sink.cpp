#include <planctl/util/output_sink.hpp>

#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <thread>

using namespace planctl::util;
namespace fs = std::filesystem;

namespace {

// A fresh empty folder, removed with everything in it at the end of the test.
class TempDir {
public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "planctl-sink-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    m_path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(m_path, ec);
  }
  const fs::path& path() const { return m_path; }

private:
  fs::path m_path;
};

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void put(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

// The names in `dir`, hidden ones (temporary files) included.
std::set<std::string> entries(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) {
    names.insert(e.path().filename().string());
  }
  return names;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const OutputError& e) {
    return e.what();
  }
  return "(no error)";
}

} // namespace

TEST_CASE("util::check_output_name") {
  SUBCASE("plain names pass") {
    CHECK_NOTHROW(check_output_name("school.plan.md"));
    CHECK_NOTHROW(check_output_name("平安二中.plan.docx"));
    CHECK_NOTHROW(check_output_name(std::string(255, 'a')));
  }
  SUBCASE("unsafe names are rejected with a reason") {
    CHECK(error_of([] { check_output_name(""); }) == "an output file name is empty");
    CHECK(error_of([] { check_output_name("."); }) == "\".\" is not a file name");
    CHECK(error_of([] { check_output_name(".."); }) == "\"..\" is not a file name");
    CHECK(error_of([] { check_output_name("../x.md"); }) ==
          "the output file name \"../x.md\" contains a folder separator");
    CHECK(error_of([] { check_output_name("a\\b.md"); }) ==
          "the output file name \"a\\b.md\" contains a folder separator");
    CHECK(error_of([] { check_output_name("a\nb"); }) ==
          "the output file name \"a\\x0Ab\" contains a control character");
    CHECK(error_of([] { check_output_name(std::string("a\0b", 3)); }) ==
          "the output file name \"a\\x00b\" contains a control character");
    CHECK(error_of([] { check_output_name(std::string(256, 'a')); }) ==
          "the output file name \"" + std::string(40, 'a') + "\"… is longer than 255 bytes");
  }
}

TEST_CASE("util::DirectorySink") {
  TempDir tmp;
  const fs::path& dir = tmp.path();

  SUBCASE("nothing is visible before commit; commit renames every file into place") {
    DirectorySink sink(dir);
    sink.write("a.md", "alpha");
    sink.write_with("b.bin", [](const fs::path& p) { put(p, "beta"); });
    CHECK_FALSE(fs::exists(dir / "a.md"));
    CHECK(entries(dir).size() == 2); // two hidden temporary files
    const auto written = sink.commit();
    REQUIRE(written.size() == 2);
    CHECK(written[0] == dir / "a.md");
    CHECK(written[1] == dir / "b.bin");
    CHECK(read(dir / "a.md") == "alpha");
    CHECK(read(dir / "b.bin") == "beta");
    CHECK(entries(dir) == std::set<std::string>{"a.md", "b.bin"});
  }
  SUBCASE("a fork stages on another thread; adopt() commits its files after the sink's own") {
    DirectorySink sink(dir);
    std::unique_ptr<OutputSink> side = sink.fork();
    std::thread other(
        [&] { side->write_with("b.bin", [](const fs::path& p) { put(p, "beta"); }); });
    sink.write("a.md", "alpha");
    other.join();
    CHECK(entries(dir).size() == 2);
    sink.adopt(*side);
    CHECK(side->commit().empty()); // the fork was emptied
    const auto written = sink.commit();
    CHECK(written == std::vector<fs::path>{dir / "a.md", dir / "b.bin"});
    CHECK(read(dir / "b.bin") == "beta");
    CHECK(entries(dir) == std::set<std::string>{"a.md", "b.bin"});
  }
  SUBCASE("a name staged in a sink and its fork discards both") {
    put(dir / "a.md", "old");
    DirectorySink sink(dir);
    std::unique_ptr<OutputSink> side = sink.fork();
    sink.write("a.md", "one");
    side->write("a.md", "two");
    CHECK_THROWS_WITH_AS(sink.adopt(*side), doctest::Contains("two outputs are named"),
                         OutputError);
    CHECK(sink.commit().empty());
    CHECK(entries(dir) == std::set<std::string>{"a.md"});
    CHECK(read(dir / "a.md") == "old");
  }
  SUBCASE("a fork dropped without adopt() leaves nothing") {
    DirectorySink sink(dir);
    {
      std::unique_ptr<OutputSink> side = sink.fork();
      side->write("b.md", "x");
    }
    CHECK(entries(dir).empty());
  }
  SUBCASE("temporary files are hidden planctl files created in the output folder") {
    DirectorySink sink(dir);
    sink.write("a.md", "x");
    const auto names = entries(dir);
    REQUIRE(names.size() == 1);
    CHECK(names.begin()->starts_with(".planctl-"));
    CHECK(names.begin()->ends_with(".tmp"));
  }
  SUBCASE("an existing output is replaced") {
    put(dir / "a.md", "old");
    DirectorySink sink(dir);
    sink.write("a.md", "new");
    sink.commit();
    CHECK(read(dir / "a.md") == "new");
  }
  SUBCASE("a failure leaves earlier outputs intact and no temporary files") {
    put(dir / "a.md", "old a");
    put(dir / "b.md", "old b");
    {
      DirectorySink sink(dir);
      sink.write("a.md", "new a");
      CHECK_THROWS_AS(sink.write_with("b.md",
                                      [](const fs::path& p) {
                                        put(p, "partial");
                                        throw OutputError("library failed");
                                      }),
                      OutputError);
      // Everything staged was dropped, so a later commit writes nothing.
      CHECK(sink.commit().empty());
    }
    CHECK(read(dir / "a.md") == "old a");
    CHECK(read(dir / "b.md") == "old b");
    CHECK(entries(dir) == std::set<std::string>{"a.md", "b.md"});
  }
  SUBCASE("a write that fails names the output, not the temporary file") {
    put(dir / "a.md", "old");
    // A file-size limit makes write() fail with EFBIG, as a full disk fails with ENOSPC.
    rlimit old{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
    const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = old;
    small.rlim_cur = 1024;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    std::string message;
    {
      DirectorySink sink(dir);
      message = error_of([&] { sink.write("a.md", std::string(4096, 'x')); });
    }
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, old_handler);
    CHECK(message == "cannot write \"" + (dir / "a.md").string() + "\": File too large");
    CHECK(read(dir / "a.md") == "old");
    CHECK(entries(dir) == std::set<std::string>{"a.md"});
  }
  SUBCASE("a producer's error names the output, not the temporary file") {
    DirectorySink sink(dir);
    const std::string message = error_of([&] {
      sink.write_with("a.docx", [](const fs::path& p) {
        throw OutputError("cannot write \"" + p.string() + "\": No space left on device");
      });
    });
    CHECK(message == "cannot write \"" + (dir / "a.docx").string() + "\": No space left on device");
    CHECK(entries(dir).empty());
  }
  SUBCASE("a producer that throws something else is discarded too") {
    DirectorySink sink(dir);
    CHECK_THROWS_AS(
        sink.write_with("x.xlsx", [](const fs::path&) { throw std::runtime_error("boom"); }),
        std::runtime_error);
    CHECK(entries(dir).empty());
  }
  SUBCASE("a producer that removes its file is an error") {
    DirectorySink sink(dir);
    CHECK(error_of([&] { sink.write_with("x.xlsx", [](const fs::path& p) { fs::remove(p); }); })
              .starts_with("cannot write \"" + (dir / "x.xlsx").string() +
                           "\": the file was not produced"));
    CHECK(entries(dir).empty());
  }
  SUBCASE("destruction without commit discards") {
    {
      DirectorySink sink(dir);
      sink.write("a.md", "x");
    }
    CHECK(entries(dir).empty());
  }
  SUBCASE("discard drops staged files") {
    DirectorySink sink(dir);
    sink.write("a.md", "x");
    sink.discard();
    CHECK(entries(dir).empty());
    CHECK(sink.commit().empty());
  }
  SUBCASE("a symlink planted at the final name is replaced, not followed") {
    const fs::path victim = dir / "victim.txt";
    put(victim, "precious");
    fs::create_symlink(victim, dir / "a.md");
    DirectorySink sink(dir);
    sink.write("a.md", "output");
    sink.commit();
    CHECK(read(victim) == "precious");
    CHECK_FALSE(fs::is_symlink(dir / "a.md"));
    CHECK(read(dir / "a.md") == "output");
  }
  SUBCASE("a dangling symlink at the final name is replaced, not followed") {
    fs::create_symlink(dir / "elsewhere.txt", dir / "a.md");
    DirectorySink sink(dir);
    sink.write("a.md", "output");
    sink.commit();
    CHECK_FALSE(fs::exists(dir / "elsewhere.txt"));
    CHECK(read(dir / "a.md") == "output");
  }
  SUBCASE("a folder at a final name fails the commit before anything is renamed") {
    put(dir / "a.md", "old");
    fs::create_directory(dir / "b.md");
    DirectorySink sink(dir);
    sink.write("a.md", "new");
    sink.write("b.md", "new");
    CHECK(error_of([&] { sink.commit(); }) ==
          "cannot write \"" + (dir / "b.md").string() + "\": a folder has that name");
    CHECK(read(dir / "a.md") == "old");
    CHECK(entries(dir) == std::set<std::string>{"a.md", "b.md"});
  }
  SUBCASE("bad names are rejected and nothing is left behind") {
    DirectorySink sink(dir);
    sink.write("a.md", "x");
    CHECK_THROWS_AS(sink.write("../escape.md", "x"), OutputError);
    CHECK_FALSE(fs::exists(dir.parent_path() / "escape.md"));
    CHECK(entries(dir).empty());
  }
  SUBCASE("staged_files names each staged file and the temporary file holding its bytes") {
    DirectorySink sink(dir);
    std::unique_ptr<DirectorySink> fork = sink.fork_directory();
    fork->write("a.md", "alpha");
    fork->write_with("b.xlsx", [](const fs::path& p) { std::ofstream(p) << "beta"; });
    const auto staged = fork->staged_files();
    REQUIRE(staged.size() == 2);
    CHECK(staged[0].first == "a.md");
    CHECK(staged[1].first == "b.xlsx");
    CHECK(read(staged[0].second) == "alpha");
    CHECK(read(staged[1].second) == "beta");
    CHECK(staged[0].second.parent_path() == dir);
    CHECK_FALSE(fs::exists(dir / "a.md"));
    fork->commit();
    CHECK(read(dir / "a.md") == "alpha");
    CHECK(fork->staged_files().empty());
    CHECK_FALSE(fs::exists(staged[0].second));
  }
  SUBCASE("sync() before commit(), with the folder's sync deferred, gives the same files") {
    DirectorySink sink(dir);
    sink.defer_folder_sync();
    std::unique_ptr<DirectorySink> fork = sink.fork_directory();
    fork->write("a.md", "alpha");
    fork->sync();
    fork->write("b.md", "beta"); // staged after sync(): synced by commit()
    CHECK_FALSE(fs::exists(dir / "a.md"));
    fork->commit();
    sync_folder(dir);
    CHECK(read(dir / "a.md") == "alpha");
    CHECK(read(dir / "b.md") == "beta");
  }
  SUBCASE("the same name twice is an error") {
    DirectorySink sink(dir);
    sink.write("a.md", "x");
    CHECK(error_of([&] { sink.write("a.md", "y"); }) == "two outputs are named \"a.md\"");
  }
  SUBCASE("a missing folder is an error naming it") {
    CHECK(error_of([&] { DirectorySink sink(dir / "missing"); }) ==
          "the output folder \"" + (dir / "missing").string() + "\" does not exist");
  }
  SUBCASE("a file given as the folder is an error") {
    put(dir / "file", "x");
    CHECK(error_of([&] { DirectorySink sink(dir / "file"); }) ==
          "the output folder \"" + (dir / "file").string() + "\" is not a folder");
  }
  SUBCASE("a folder that cannot be written is an error") {
    if (::geteuid() == 0) {
      return; // root writes anywhere
    }
    fs::create_directory(dir / "ro");
    fs::permissions(dir / "ro", fs::perms::owner_read | fs::perms::owner_exec);
    CHECK(error_of([&] { DirectorySink sink(dir / "ro"); }) ==
          "the output folder \"" + (dir / "ro").string() + "\" is not writable: Permission denied");
    fs::permissions(dir / "ro", fs::perms::owner_all);
  }
}

namespace {

// Sets the last-written time of `p` (not following a symlink) to `hours` hours ago.
void age(const fs::path& p, int hours) {
  timespec times[2]{};
  times[0].tv_sec = times[1].tv_sec = ::time(nullptr) - static_cast<time_t>(hours) * 3600;
  REQUIRE(::utimensat(AT_FDCWD, p.c_str(), times, AT_SYMLINK_NOFOLLOW) == 0);
}

} // namespace

TEST_CASE("util::remove_stale_temps") {
  TempDir tmp;
  const fs::path& dir = tmp.path();
  const std::string old_temp = ".planctl-0123456789abcdef.tmp";

  SUBCASE("only our temporary files older than the age are removed") {
    put(dir / old_temp, "killed run");
    age(dir / old_temp, 25);
    put(dir / ".planctl-fedcba9876543210.tmp", "live run");
    age(dir / ".planctl-fedcba9876543210.tmp", 23);
    // Look-alikes: other names, other lengths, upper-case hex, an output of the same age.
    for (const char* name :
         {".planctl-0123456789ABCDEF.tmp", ".planctl-0123.tmp", "planctl-0123456789abcdef.tmp",
          ".planctl-0123456789abcdef.tmp.md", "school.plan.md"}) {
      put(dir / name, "keep");
      age(dir / name, 48);
    }
    CHECK(remove_stale_temps(dir, std::chrono::hours(24)) == 1);
    CHECK_FALSE(fs::exists(dir / old_temp));
    CHECK(entries(dir).size() == 6);
  }
  SUBCASE("a symlink or a folder with our name is left alone, and its target too") {
    put(dir / "target.md", "precious");
    fs::create_symlink(dir / "target.md", dir / old_temp);
    age(dir / old_temp, 48);
    age(dir / "target.md", 48);
    fs::create_directory(dir / ".planctl-1111111111111111.tmp");
    age(dir / ".planctl-1111111111111111.tmp", 48);
    CHECK(remove_stale_temps(dir, std::chrono::hours(24)) == 0);
    CHECK(fs::is_symlink(dir / old_temp));
    CHECK(read(dir / "target.md") == "precious");
    CHECK(fs::is_directory(dir / ".planctl-1111111111111111.tmp"));
  }
  SUBCASE("opening a DirectorySink removes what killed runs left a day ago") {
    put(dir / old_temp, "killed run");
    age(dir / old_temp, 25);
    DirectorySink sink(dir);
    CHECK(entries(dir).empty());
  }
  SUBCASE("a missing folder removes nothing") {
    CHECK(remove_stale_temps(dir / "missing", std::chrono::hours(24)) == 0);
  }
}

TEST_CASE("util::MemorySink") {
  MemorySink sink;
  sink.write("a.md", "alpha");
  sink.write_with("b.bin", [](const fs::path& p) { put(p, "beta"); });
  CHECK(sink.files().empty());
  const auto names = sink.commit();
  REQUIRE(names.size() == 2);
  CHECK(names[0] == "a.md");
  CHECK(sink.files().at("a.md") == "alpha");
  CHECK(sink.files().at("b.bin") == "beta");
  sink.write("c.md", "gamma");
  sink.discard();
  CHECK(sink.commit().empty());
  CHECK(sink.files().size() == 2);
  CHECK_THROWS_AS(sink.write("x/y", ""), OutputError);
  std::unique_ptr<OutputSink> side = sink.fork();
  side->write("d.md", "delta");
  sink.write("e.md", "epsilon");
  sink.adopt(*side);
  CHECK(sink.commit() == std::vector<fs::path>{"e.md", "d.md"});
  CHECK(sink.files().at("d.md") == "delta");
}
