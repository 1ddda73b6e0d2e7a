// Nothing lost (docs/reliability.md): `kpi` killed with SIGKILL at many points of an in-place import and
// of -o writes leaves the old file or the new one, whole and readable, on a plain file, a symbolic link,
// a hard link and a file on another file system (a tmpfs mounted in a private mount namespace); outputs
// that are inputs are refused; commands on one profile wait for each other; read-only, locked, missing
// and full targets give sentences and the documented exit codes; leftovers of killed runs are cleaned.
#include "atomic_file.hpp"
#include "kpi_tool.hpp"
#include "office_test.hpp"
#include "profile_lock.hpp"

#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <thread>

namespace {

namespace fs = std::filesystem;
using namespace kpi::office_test;
using namespace std::chrono_literals;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

fs::path cli_profile() {
    return fs::path(KPI_TEST_WORK_DIR) / "cli-profile";
}
fs::path export_file() {
    return sample_workbook().parent_path() / "monthly-export.csv";
}
std::string q(const fs::path& p) {
    return quoted(p);
}

// The workbook every case starts from: `kpi new` with the periods of examples/monthly-export.csv.
const std::string& base_bytes() {
    static const std::string bytes = [] {
        const auto dir = fresh_dir("base");
        const auto book = dir / "base.ods";
        const auto r =
            run_kpi("new --industry ecommerce --lang vi --name 'Mộc Trà' --channels facebook,google,seo,zalo "
                    "--start 2026-01 -o " +
                    q(book));
        EXPECT_EQ(r.exit_code, 0) << r.out;
        return file_bytes(book);
    }();
    return bytes;
}

void write_bytes(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// A zip whose central directory is there and whose entries all check out (unzip -t).
bool valid_zip(const fs::path& p) {
    const auto bytes = file_bytes(p);
    if (bytes.size() < 22 || bytes.compare(0, 4, "PK\x03\x04") != 0)
        return false;
    if (bytes.rfind("PK\x05\x06") == std::string::npos)
        return false;
    return run_command("unzip -tqq " + q(p)).exit_code == 0;
}

// The office opens it as a spreadsheet with `sheets` sheets. Read from a copy in the work folder: the
// suite's office does not see the test's private mounts.
bool office_reads(const fs::path& file, sal_Int32 sheets) {
    static int n = 0;
    const auto p = fs::path(KPI_TEST_WORK_DIR) /
                   ("check-" + std::to_string(getpid()) + "-" + std::to_string(n++) + ".ods");
    fs::copy_file(file, p, fs::copy_options::overwrite_existing);
    try {
        auto doc = office().open(p, true);
        Reference<css::sheet::XSpreadsheetDocument> spreadsheet(doc, UNO_QUERY);
        const bool ok =
            spreadsheet.is() &&
            Reference<css::container::XIndexAccess>(spreadsheet->getSheets(), UNO_QUERY_THROW)->getCount() ==
                sheets;
        Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
        return ok;
    } catch (const css::uno::Exception&) {
        return false;
    }
}

sal_Int32 base_sheet_count() {
    static const sal_Int32 count = [] {
        const auto dir = fresh_dir("count");
        write_bytes(dir / "b.ods", base_bytes());
        auto doc = office().open(dir / "b.ods", true);
        Reference<css::sheet::XSpreadsheetDocument> s(doc, UNO_QUERY_THROW);
        const auto n = Reference<css::container::XIndexAccess>(s->getSheets(), UNO_QUERY_THROW)->getCount();
        Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
        return n;
    }();
    return count;
}

// `kpi ARGS` started in the background (output into `log`); returns its pid.
pid_t spawn_kpi(const std::vector<std::string>& args, const fs::path& log) {
    std::vector<std::string> all{KPI_CLI_PATH, "--profile", cli_profile().string(), "--oxt", KPI_OXT_PATH};
    all.insert(all.end(), args.begin(), args.end());
    const pid_t pid = fork();
    if (pid == 0) {
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
        }
        std::vector<char*> argv;
        for (auto& a : all)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    return pid;
}

// The children of a process (from /proc): kpi's office watchdog leads the office's process group.
std::vector<pid_t> children_of(pid_t parent) {
    std::vector<pid_t> out;
    for (const auto& entry : fs::directory_iterator("/proc")) {
        const auto name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos)
            continue;
        std::ifstream stat(entry.path() / "stat");
        std::string line;
        std::getline(stat, line);
        const auto close = line.rfind(')');
        if (close == std::string::npos)
            continue;
        std::istringstream rest(line.substr(close + 2));
        char state = 0;
        long ppid = 0;
        rest >> state >> ppid;
        if (ppid == parent)
            out.push_back(static_cast<pid_t>(std::stol(name)));
    }
    return out;
}

// SIGKILL to kpi and to its office (as when the machine's power goes: nothing finishes its write).
void kill_everything(pid_t kpi) {
    for (const pid_t child : children_of(kpi))
        kill(-child, SIGKILL);
    kill(kpi, SIGKILL);
    int status = 0;
    waitpid(kpi, &status, 0);
}

int wait_exit(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

bool has_temporary(const fs::path& dir) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().filename().string().rfind(".kpi~", 0) == 0)
            return true;
    return false;
}

std::vector<std::string> leftovers(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const auto name = entry.path().filename().string();
        if (name.rfind(".kpi~", 0) == 0 || name.rfind(".~lock.", 0) == 0)
            out.push_back(name);
    }
    return out;
}

// One kill point: a fraction of a whole run's duration, or a delay after the temporary appeared.
struct kill_point {
    double fraction = 0; // > 0: after this share of a whole run
    int after_temp_ms = -1;
};

const std::vector<kill_point>& kill_points() {
    static const std::vector<kill_point> points{{0.3, -1}, {0.6, -1}, {0.8, -1}, {0.95, -1},
                                                {0, 0},    {0, 40},   {0, 150}};
    return points;
}

// How long a whole in-place import takes here (measured once, on a warm profile).
std::chrono::milliseconds run_duration() {
    static const auto duration = [] {
        const auto dir = fresh_dir("measure");
        write_bytes(dir / "book.ods", base_bytes());
        run_kpi("audit " + q(dir / "book.ods")); // installs the extension into the profile if needed
        const auto start = std::chrono::steady_clock::now();
        const auto r = run_kpi("import " + q(dir / "book.ods") + " " + q(export_file()) + " --in-place");
        EXPECT_EQ(r.exit_code, 0) << r.out;
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                     start);
    }();
    return duration;
}

// Runs the command and kills it at the point; true when it was killed (not finished before).
bool run_and_kill(const std::vector<std::string>& args, const fs::path& watch_dir, const kill_point& point,
                  const fs::path& log) {
    const pid_t pid = spawn_kpi(args, log);
    const auto start = std::chrono::steady_clock::now();
    const auto limit = start + run_duration() * 3;
    if (point.fraction > 0) {
        const auto at = start + std::chrono::milliseconds(static_cast<long>(
                                    static_cast<double>(run_duration().count()) * point.fraction));
        while (std::chrono::steady_clock::now() < at) {
            if (waitpid(pid, nullptr, WNOHANG) == pid)
                return false;
            std::this_thread::sleep_for(2ms);
        }
    } else {
        while (!has_temporary(watch_dir)) {
            if (waitpid(pid, nullptr, WNOHANG) == pid || std::chrono::steady_clock::now() > limit) {
                if (waitpid(pid, nullptr, WNOHANG) == 0)
                    kill_everything(pid);
                return false;
            }
            std::this_thread::sleep_for(1ms);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(point.after_temp_ms));
    }
    kill_everything(pid);
    std::this_thread::sleep_for(300ms); // the office's group is gone with its watchdog
    return true;
}

enum class layout { plain, symlink, hardlink };

struct outcome_count {
    int rounds = 0, killed = 0, old_kept = 0, new_whole = 0;
};

// Kill rounds of `kpi import FILE EXPORT --in-place` in `root` for one layout; every file checked after each.
outcome_count kill_rounds(const fs::path& root, layout kind, const std::string& label) {
    outcome_count count;
    for (std::size_t i = 0; i < kill_points().size(); ++i) {
        const auto dir = root / (label + "-" + std::to_string(i));
        fs::remove_all(dir);
        fs::create_directories(dir / "real");
        fs::path target, data, other;
        if (kind == layout::plain) {
            target = data = dir / "book.ods";
            write_bytes(data, base_bytes());
        } else if (kind == layout::symlink) {
            data = dir / "real" / "book.ods";
            write_bytes(data, base_bytes());
            target = dir / "link.ods";
            fs::create_symlink("real/book.ods", target);
        } else {
            target = data = dir / "book.ods";
            write_bytes(data, base_bytes());
            other = dir / "other-name.ods";
            fs::create_hard_link(data, other);
        }
        const bool killed = run_and_kill({"import", target.string(), export_file().string(), "--in-place"},
                                         data.parent_path(), kill_points()[i], dir / "kpi.log");
        ++count.rounds;
        count.killed += killed ? 1 : 0;
        SCOPED_TRACE(label + " point " + std::to_string(i) + (killed ? " (killed)" : " (finished first)"));
        if (kind == layout::symlink) {
            EXPECT_TRUE(fs::is_symlink(target));
            EXPECT_EQ(fs::read_symlink(target), fs::path("real/book.ods"));
        }
        EXPECT_TRUE(fs::is_regular_file(data)) << data << " is gone";
        if (!fs::is_regular_file(data))
            continue;
        const auto now = file_bytes(data);
        if (now == base_bytes()) {
            ++count.old_kept;
        } else {
            EXPECT_TRUE(valid_zip(data)) << data << " is neither the old file nor a whole new one";
            EXPECT_TRUE(office_reads(data, base_sheet_count())) << data;
            ++count.new_whole;
        }
        if (kind == layout::hardlink) {
            EXPECT_EQ(file_bytes(other), base_bytes()) << "the other name's content";
        }
    }
    // The next run cleans what the killed one left, and writes.
    const auto dir = root / (label + "-" + std::to_string(kill_points().size() - 1));
    const auto target = kind == layout::symlink ? dir / "link.ods" : dir / "book.ods";
    const auto r = run_kpi("import " + q(target) + " " + q(export_file()) + " --in-place");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_TRUE(leftovers(dir).empty()) << leftovers(dir).front();
    EXPECT_TRUE(leftovers(dir / "real").empty()) << leftovers(dir / "real").front();
    std::cout << "[reliability] " << label << ": " << count.rounds << " rounds, " << count.killed
              << " killed, " << count.old_kept << " old file kept, " << count.new_whole
              << " new file whole\n";
    return count;
}

TEST(Reliability, KilledInPlaceImportLeavesOldOrNewWorkbookOnPlainSymlinkAndHardLink) {
    ASSERT_FALSE(base_bytes().empty());
    ASSERT_GT(run_duration().count(), 0);
    const auto root = fresh_dir("kill");
    int killed_while_writing = 0;
    for (const auto& [kind, label] :
         {std::pair{layout::plain, "plain"}, std::pair{layout::symlink, "symlink"},
          std::pair{layout::hardlink, "hardlink"}}) {
        const auto c = kill_rounds(root, kind, label);
        killed_while_writing += c.killed;
        EXPECT_EQ(c.old_kept + c.new_whole, c.rounds);
    }
    EXPECT_GT(killed_while_writing, 0);
}

TEST(Reliability, KilledOutputWritesLeaveOldOrNewFile) {
    const auto root = fresh_dir("kill-o");
    int old_kept = 0, new_whole = 0;
    for (std::size_t i = 0; i < kill_points().size(); ++i) {
        const auto dir = root / std::to_string(i);
        fs::create_directories(dir);
        write_bytes(dir / "book.ods", base_bytes());
        // -o onto an existing workbook (import) and onto an existing PDF (report), both --force.
        write_bytes(dir / "out.ods", base_bytes());
        run_and_kill({"import", (dir / "book.ods").string(), export_file().string(), "-o",
                      (dir / "out.ods").string(), "--force"},
                     dir, kill_points()[i], dir / "import.log");
        const auto out = file_bytes(dir / "out.ods");
        if (out == base_bytes())
            ++old_kept;
        else {
            EXPECT_TRUE(valid_zip(dir / "out.ods")) << i;
            ++new_whole;
        }
        EXPECT_EQ(file_bytes(dir / "book.ods"), base_bytes());
        const std::string old_pdf = "%PDF-1.4 the manager's annotated copy %%EOF";
        write_bytes(dir / "report.pdf", old_pdf);
        run_and_kill({"report", (dir / "book.ods").string(), "-o", (dir / "report.pdf").string(), "--force"},
                     dir, kill_points()[i], dir / "report.log");
        const auto pdf = file_bytes(dir / "report.pdf");
        if (pdf != old_pdf) {
            EXPECT_EQ(pdf.substr(0, 5), "%PDF-") << i;
            EXPECT_NE(pdf.rfind("%%EOF"), std::string::npos) << i << ": a cut PDF";
        }
    }
    std::cout << "[reliability] import -o: " << old_kept << " old kept, " << new_whole << " new whole\n";
    const auto r = run_kpi("import " + q(root / "0" / "book.ods") + " " + q(export_file()) + " -o " +
                           q(root / "0" / "out.ods") + " --force");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_TRUE(leftovers(root / "0").empty()) << leftovers(root / "0").front();
}

// Another file system: a tmpfs mounted in a private mount namespace (root, or a user namespace).
bool private_tmpfs(const fs::path& mount_point, const std::string& options, std::string& why) {
    static bool unshared = false;
    if (!unshared) {
        if (unshare(CLONE_NEWNS) != 0) {
            why = std::string("unshare(CLONE_NEWNS): ") + std::strerror(errno);
            return false;
        }
        if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
            why = std::string("mount --make-rprivate /: ") + std::strerror(errno);
            return false;
        }
        unshared = true;
    }
    fs::create_directories(mount_point);
    if (mount("kpi-test", mount_point.c_str(), "tmpfs", 0, options.c_str()) != 0) {
        why = std::string("mount tmpfs: ") + std::strerror(errno);
        return false;
    }
    return true;
}

TEST(Reliability, OtherFileSystemKilledImportFullDiskReadOnlyDisk) {
    const auto root = fresh_dir("tmpfs");
    std::string why;
    if (!private_tmpfs(root / "mnt", "size=64m", why))
        GTEST_SKIP() << "this machine does not allow mounting a tmpfs here (" << why << ")";
    const auto c = kill_rounds(root / "mnt", layout::plain, "tmpfs");
    EXPECT_EQ(c.old_kept + c.new_whole, c.rounds);

    // A full disk: the workbook stays as it was, no temporary is left, exit 4 and a sentence.
    ASSERT_TRUE(private_tmpfs(root / "small", "size=1m", why)) << why;
    const auto book = root / "small" / "book.ods";
    write_bytes(book, base_bytes());
    struct statvfs s {};
    ASSERT_EQ(statvfs(book.parent_path().c_str(), &s), 0);
    const auto free_bytes = static_cast<std::size_t>(s.f_bavail * s.f_frsize);
    ASSERT_GT(free_bytes, 8192u);
    write_bytes(root / "small" / "filler", std::string(free_bytes - 8192, 'x'));
    auto r = run_kpi("import " + q(book) + " " + q(export_file()) + " --in-place");
    EXPECT_EQ(r.exit_code, 4) << r.out;
    EXPECT_NE(r.out.find("is full"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("0x"), std::string::npos) << r.out;
    EXPECT_EQ(file_bytes(book), base_bytes());
    EXPECT_TRUE(leftovers(book.parent_path()).empty());
    r = run_kpi("import " + q(book) + " " + q(export_file()) + " --in-place", "LC_ALL=vi_VN.UTF-8");
    EXPECT_EQ(r.exit_code, 4) << r.out;
    EXPECT_NE(r.out.find("đã đầy"), std::string::npos) << r.out;

    // A read-only disk.
    ASSERT_TRUE(private_tmpfs(root / "ro", "size=4m", why)) << why;
    write_bytes(root / "ro" / "book.ods", base_bytes());
    ASSERT_EQ(mount(nullptr, (root / "ro").c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr), 0)
        << std::strerror(errno);
    r = run_kpi("import " + q(root / "ro" / "book.ods") + " " + q(export_file()) + " --in-place");
    EXPECT_EQ(r.exit_code, 4) << r.out;
    EXPECT_NE(r.out.find("read-only disk"), std::string::npos) << r.out;
    r = run_kpi("recalc " + q(root / "ro" / "book.ods") + " -o " + q(root / "ro"));
    EXPECT_EQ(r.exit_code, 4) << r.out;
    EXPECT_EQ(r.out.find("terminate called"), std::string::npos) << r.out;
    EXPECT_EQ(file_bytes(root / "ro" / "book.ods"), base_bytes());
}

TEST(Reliability, AnOutputThatIsAnInputIsRefused) {
    const auto dir = fresh_dir("same");
    const auto book = dir / "book.ods";
    write_bytes(book, base_bytes());
    fs::create_symlink("book.ods", dir / "link.ods");
    fs::create_hard_link(book, dir / "hard.ods");
    const std::vector<std::pair<std::string, std::string>> cases{
        {"report " + q(book) + " -o " + q(book) + " --force", "report onto itself"},
        {"report " + q(book) + " -o " + q(dir / "link.ods") + " --force", "report onto a symlink to it"},
        {"report " + q(book) + " -o " + q(dir / "hard.ods") + " --force", "report onto a hard link to it"},
        {"import " + q(book) + " " + q(export_file()) + " -o " + q(book) + " --force", "import -o itself"},
        {"import " + q(book) + " " + q(export_file()) + " -o " + q(export_file()) + " --force",
         "import -o its export"},
        {"share " + q(book) + " -o " + q(dir / "link.ods") + " --force", "share onto a link"},
    };
    for (const auto& [args, what] : cases) {
        const auto r = run_kpi(args);
        EXPECT_EQ(r.exit_code, 2) << what << "\n" << r.out;
        EXPECT_NE(r.out.find("is an input workbook itself"), std::string::npos) << what << "\n" << r.out;
        EXPECT_EQ(file_bytes(book), base_bytes()) << what;
    }
    const auto vi = run_kpi("report " + q(book) + " -o " + q(book) + " --force", "LC_ALL=vi_VN.UTF-8");
    EXPECT_EQ(vi.exit_code, 2);
    EXPECT_NE(vi.out.find("chính là một bảng tính đầu vào"), std::string::npos) << vi.out;
}

TEST(Reliability, TenConcurrentCommandsOnOneProfileAllSucceed) {
    const auto dir = fresh_dir("concurrent");
    write_bytes(dir / "book.ods", base_bytes());
    std::vector<pid_t> pids;
    for (int i = 0; i < 10; ++i)
        pids.push_back(
            spawn_kpi({"audit", (dir / "book.ods").string()}, dir / ("audit-" + std::to_string(i) + ".log")));
    int waited_message = 0;
    for (int i = 0; i < 10; ++i) {
        const int code = wait_exit(pids[static_cast<std::size_t>(i)]);
        const auto log = file_bytes(dir / ("audit-" + std::to_string(i) + ".log"));
        EXPECT_EQ(code, 0) << "command " << i << "\n" << log;
        if (log.find("waiting for the office profile") != std::string::npos)
            ++waited_message;
    }
    EXPECT_GT(waited_message, 0); // nine waited more than 2 s for the first
}

TEST(Reliability, AWaitThatTimesOutNamesTheHolder) {
    const auto profile = fresh_dir("held-profile");
    const kpi::office::profile_lock held(profile);
    const auto dir = fresh_dir("held");
    write_bytes(dir / "book.ods", base_bytes());
    const auto cmd = std::string("env KPI_PROFILE_WAIT=3 ") + KPI_CLI_PATH + " --profile " + q(profile) +
                     " --oxt " + KPI_OXT_PATH + " audit " + q(dir / "book.ods");
    auto r = run_command(cmd);
    EXPECT_EQ(r.exit_code, 5) << r.out;
    EXPECT_NE(r.out.find("waiting for the office profile"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("pid " + std::to_string(getpid())), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("still in use by another kpi command"), std::string::npos) << r.out;
    r = run_command("LC_ALL=vi_VN.UTF-8 " + cmd);
    EXPECT_EQ(r.exit_code, 5) << r.out;
    EXPECT_NE(r.out.find("vẫn đang được một lệnh kpi khác dùng"), std::string::npos) << r.out;
}

TEST(Reliability, ReadOnlyLockedAndMissingTargetsAreSentencesWithExitCodes) {
    const auto dir = fresh_dir("messages");
    // Read-only workbook: refused before any work, exit 4, unchanged.
    const auto ro = dir / "ro.ods";
    write_bytes(ro, base_bytes());
    fs::permissions(ro, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    auto r = run_kpi("import " + q(ro) + " " + q(export_file()) + " --in-place");
    EXPECT_EQ(r.exit_code, 4) << r.out;
    EXPECT_NE(r.out.find(ro.string() + " is read-only"), std::string::npos) << r.out;
    r = run_kpi("import " + q(ro) + " " + q(export_file()) + " --in-place", "LC_ALL=vi_VN.UTF-8");
    EXPECT_NE(r.out.find("chỉ cho phép đọc"), std::string::npos) << r.out;
    EXPECT_EQ(file_bytes(ro), base_bytes());

    // Open in LibreOffice by someone else: the lock file's owner, host and time; exit 4; unchanged.
    const auto locked = dir / "locked.ods";
    write_bytes(locked, base_bytes());
    const auto lock = dir / ".~lock.locked.ods#";
    write_bytes(lock, "Jane Doe,jane,laptop-7,28.11.2026 14:03,file:///home/jane/.config/libreoffice/4;");
    r = run_kpi("import " + q(locked) + " " + q(export_file()) + " --in-place");
    EXPECT_EQ(r.exit_code, 4) << r.out;
    EXPECT_NE(r.out.find("is open in LibreOffice by Jane Doe on laptop-7 since 28.11.2026 14:03"),
              std::string::npos)
        << r.out;
    r = run_kpi("report " + q(dir / "ro.ods") + " -o " + q(locked) + " --force", "LC_ALL=vi_VN.UTF-8");
    EXPECT_EQ(r.exit_code, 4) << r.out;
    EXPECT_NE(r.out.find("bởi Jane Doe trên máy laptop-7 từ 28.11.2026 14:03"), std::string::npos) << r.out;
    EXPECT_EQ(file_bytes(locked), base_bytes());
    EXPECT_TRUE(fs::exists(lock));

    // A stale lock file of our own profile on this host (a killed run): removed, the import goes on.
    const auto stale = dir / "stale.ods";
    write_bytes(stale, base_bytes());
    write_bytes(dir / ".~lock.stale.ods#", ",root," + kpi::uno_glue::host_name() + ",28.11.2026 01:00," +
                                               kpi::office::file_url(cli_profile()) + ";");
    r = run_kpi("import " + q(stale) + " " + q(export_file()) + " --in-place");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_FALSE(fs::exists(dir / ".~lock.stale.ods#"));
    EXPECT_NE(file_bytes(stale), base_bytes());

    // Missing folders: refused, not created (exit 2).
    for (const auto& args :
         {"report " + q(stale) + " -o " + q(dir / "nope" / "r.pdf"),
          "new --industry ecommerce -o " + q(dir / "nope" / "x.ods"),
          "import " + q(stale) + " " + q(export_file()) + " -o " + q(dir / "nope" / "x.ods"),
          "recalc " + q(stale) + " -o " + q(dir / "nope" / "csv"),
          "share " + q(stale) + " -o " + q(dir / "nope" / "x.ods")}) {
        r = run_kpi(args);
        EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.out;
        EXPECT_NE(r.out.find("The folder " + (dir / "nope").string() + " does not exist"), std::string::npos)
            << args << "\n"
            << r.out;
        EXPECT_FALSE(fs::exists(dir / "nope")) << args;
    }
    r = run_kpi("report " + q(stale) + " -o " + q(dir / "nope" / "r.pdf"), "LC_ALL=vi_VN.UTF-8");
    EXPECT_NE(r.out.find("không tồn tại"), std::string::npos) << r.out;

    // Not a spreadsheet: exit 2 from every command, the file untouched.
    const auto notes = dir / "notes.ods";
    write_bytes(notes, "hello, this is not a workbook\n");
    for (const auto& args :
         {"audit " + q(notes), "report " + q(notes) + " -o " + q(dir / "n.pdf"),
          "share " + q(notes) + " -o " + q(dir / "n.ods"), "recalc " + q(notes) + " -o " + q(dir),
          "import " + q(notes) + " " + q(export_file()) + " --in-place"}) {
        r = run_kpi(args);
        EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.out;
        EXPECT_NE(r.out.find("not a spreadsheet"), std::string::npos) << args << "\n" << r.out;
    }
    EXPECT_EQ(file_bytes(notes), "hello, this is not a workbook\n");

    // A path that cannot be examined: a sentence, never "terminate called" (exit 134).
    const auto long_name = dir / (std::string(300, 'x') + ".ods");
    for (const auto& args :
         {"audit " + q(long_name), "import " + q(long_name) + " " + q(export_file()) + " --in-place",
          "report " + q(long_name), "share " + q(long_name) + " -o " + q(dir / "y.ods"),
          "recalc " + q(long_name) + " -o " + q(dir)}) {
        r = run_kpi(args);
        EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.out;
        EXPECT_EQ(r.out.find("terminate called"), std::string::npos) << r.out;
    }
}

TEST(Reliability, UnchangedImportKeepsTheFileAndOwnerIsKept) {
    const auto dir = fresh_dir("unchanged");
    const auto book = dir / "book.ods";
    write_bytes(book, base_bytes());
    auto r = run_kpi("import " + q(book) + " " + q(export_file()) + " --in-place");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const auto after_first = file_bytes(book);
    EXPECT_NE(after_first, base_bytes());
    struct stat before {};
    ASSERT_EQ(::stat(book.c_str(), &before), 0);
    std::this_thread::sleep_for(1100ms);
    r = run_kpi("import " + q(book) + " " + q(export_file()) + " --in-place");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("No cell changed: not rewritten"), std::string::npos) << r.out;
    struct stat again {};
    ASSERT_EQ(::stat(book.c_str(), &again), 0);
    EXPECT_EQ(again.st_ino, before.st_ino);
    EXPECT_EQ(again.st_mtim.tv_sec, before.st_mtim.tv_sec);
    EXPECT_EQ(file_bytes(book), after_first);

    if (geteuid() != 0)
        GTEST_SKIP() << "the owner case needs root (chown to another user)";
    const auto theirs = dir / "theirs.ods";
    write_bytes(theirs, base_bytes());
    ASSERT_EQ(::chown(theirs.c_str(), 4242, 4343), 0);
    ASSERT_EQ(::chmod(theirs.c_str(), 0640), 0);
    r = run_kpi("import " + q(theirs) + " " + q(export_file()) + " --in-place");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    struct stat st {};
    ASSERT_EQ(::stat(theirs.c_str(), &st), 0);
    EXPECT_EQ(st.st_uid, 4242u);
    EXPECT_EQ(st.st_gid, 4343u);
    EXPECT_EQ(st.st_mode & 07777, 0640u);
    EXPECT_NE(file_bytes(theirs), base_bytes());
}

TEST(Reliability, AHardLinkedWorkbookIsReplacedUnderItsNameAndTheToolSaysSo) {
    const auto dir = fresh_dir("hardlink");
    const auto book = dir / "book.ods";
    write_bytes(book, base_bytes());
    fs::create_hard_link(book, dir / "other-name.ods");
    const auto r = run_kpi("import " + q(book) + " " + q(export_file()) + " --in-place");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("the file had other hard links; those names keep the previous content"), std::string::npos)
        << r.out;
    EXPECT_EQ(file_bytes(dir / "other-name.ods"), base_bytes());
    EXPECT_NE(file_bytes(book), base_bytes());
    EXPECT_TRUE(valid_zip(book));
    EXPECT_EQ(fs::hard_link_count(book), 1u);
}

TEST(Reliability, LeftoversOfAKilledRunAreCleanedOnlyWhenProvablyOurs) {
    const auto dir = fresh_dir("leftovers");
    const auto book = dir / "book.ods";
    write_bytes(book, base_bytes());
    // A process that is certainly gone: a child that has exited and been waited for.
    const pid_t gone = fork();
    if (gone == 0)
        _exit(0);
    waitpid(gone, nullptr, 0);
    const auto ours =
        dir / (".kpi~" + kpi::uno_glue::host_name() + "~" + std::to_string(gone) + "~0~book.ods");
    const auto alive =
        dir / (".kpi~" + kpi::uno_glue::host_name() + "~" + std::to_string(getpid()) + "~0~book.ods");
    const auto other_host = dir / ".kpi~another-host~1~0~book.ods";
    for (const auto& p : {ours, alive, other_host})
        write_bytes(p, "half a workbook");
    const auto office_temp = kpi::office::office_temp_dir(cli_profile()) / "lu12345abc.tmp";
    fs::create_directories(office_temp);
    write_bytes(office_temp / "lu1.tmp", "a copy of a workbook");
    const auto r = run_kpi("import " + q(book) + " " + q(export_file()) + " --in-place");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_FALSE(fs::exists(ours));
    EXPECT_TRUE(fs::exists(alive));      // a live process's file is never touched
    EXPECT_TRUE(fs::exists(other_host)); // nor another machine's
    EXPECT_FALSE(fs::exists(office_temp));
}

std::vector<pid_t> descendants_of(pid_t parent) {
    std::vector<pid_t> out;
    for (const pid_t child : children_of(parent)) {
        out.push_back(child);
        for (const pid_t grandchild : descendants_of(child))
            out.push_back(grandchild);
    }
    return out;
}

std::string process_name(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/comm");
    std::string name;
    std::getline(in, name);
    return name;
}

TEST(Reliability, OfficeDyingWhileLoadingIsExit3AndItsLockFileIsCleanedNextRun) {
    const auto dir = fresh_dir("office-dies");
    const auto book = dir / "book.ods";
    write_bytes(book, base_bytes());
    const auto lock = dir / ".~lock.book.ods#";
    const pid_t pid =
        spawn_kpi({"import", book.string(), export_file().string(), "--in-place"}, dir / "kpi.log");
    // The office writes the document's lock file when it starts loading it (opened for writing).
    const auto limit = std::chrono::steady_clock::now() + run_duration() * 4;
    while (!fs::exists(lock) && std::chrono::steady_clock::now() < limit &&
           waitpid(pid, nullptr, WNOHANG) == 0)
        std::this_thread::sleep_for(1ms);
    ASSERT_TRUE(fs::exists(lock)) << file_bytes(dir / "kpi.log");
    int killed = 0;
    for (const pid_t p : descendants_of(pid))
        if (process_name(p) == "soffice.bin" && kill(p, SIGKILL) == 0)
            ++killed;
    ASSERT_EQ(killed, 1);
    const int code = wait_exit(pid);
    const auto log = file_bytes(dir / "kpi.log");
    EXPECT_EQ(code, 3) << log;
    EXPECT_NE(log.find("LibreOffice stopped while"), std::string::npos) << log;
    EXPECT_EQ(log.find("0x"), std::string::npos) << log;
    EXPECT_EQ(file_bytes(book), base_bytes());
    EXPECT_TRUE(fs::exists(lock)); // the killed office's own lock file, left behind
    const auto r = run_kpi("import " + q(book) + " " + q(export_file()) + " --in-place");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_TRUE(leftovers(dir).empty()) << leftovers(dir).front();
    EXPECT_TRUE(valid_zip(book));
}

} // namespace
