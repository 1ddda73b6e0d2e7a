// The help pages in a real browser: headless Chromium (Debian's `chromium`) loads a page of each kind
// (index, function, register and link codes, wizard) in English and Vietnamese from the file system,
// as the Help command opens them; the test asserts on the DOM Chromium rendered (--dump-dom) and
// saves screenshots at 360 px (a phone) and 1280 px wide in <build>/tests/screenshots/help-*.png
// (named in docs/help.md). Every Chromium runs in its own process group, ended as a whole.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <spawn.h>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace fs = std::filesystem;

namespace {

const fs::path help_root = KPI_HELP_DIR;
const fs::path screenshots = KPI_SCREENSHOT_DIR;
const fs::path work = KPI_HELP_WORK_DIR;

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Runs Chromium headless with `args` and the page's file URL, its stdout into `out`; false when it
// did not finish within the timeout. Its whole process group (renderers, zygotes) is killed after.
bool run_chromium(const std::vector<std::string>& args, const fs::path& out) {
    fs::create_directories(work);
    std::vector<std::string> argv{
        KPI_CHROMIUM,        "--headless",
        "--disable-gpu",     "--no-sandbox",
        "--no-first-run",    "--disable-dev-shm-usage",
        "--hide-scrollbars", "--user-data-dir=" + (work / "chromium-profile").string()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> cargv;
    for (auto& a : argv)
        cargv.push_back(a.data());
    cargv.push_back(nullptr);

    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const std::string log = (work / "chromium.log").string();
    posix_spawn_file_actions_addopen(&files, 2, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, cargv[0], &files, &attr, cargv.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    posix_spawnattr_destroy(&attr);
    if (rc != 0)
        return false;

    bool finished = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
            finished = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill(-pid, SIGKILL); // the whole group: nothing of this Chromium is left running
    if (!finished)
        waitpid(pid, &status, 0);
    return finished && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::string file_url(const fs::path& p) {
    return "file://" + fs::absolute(p).string();
}

// The DOM Chromium built from a page.
std::string rendered_dom(const std::string& lang, const std::string& page) {
    const fs::path out = work / ("dom-" + lang + "-" + page + ".html");
    EXPECT_TRUE(run_chromium(
        {"--window-size=1280,2000", "--dump-dom", file_url(help_root / lang / (page + ".html"))}, out))
        << lang << "/" << page;
    return read(out);
}

// The width and height of a PNG (its IHDR chunk).
std::pair<std::uint32_t, std::uint32_t> png_size(const fs::path& png) {
    const std::string bytes = read(png);
    if (bytes.size() < 24 || bytes.compare(1, 3, "PNG") != 0)
        return {0, 0};
    const auto be32 = [&](std::size_t at) {
        return (std::uint32_t(std::uint8_t(bytes[at])) << 24) |
               (std::uint32_t(std::uint8_t(bytes[at + 1])) << 16) |
               (std::uint32_t(std::uint8_t(bytes[at + 2])) << 8) | std::uint32_t(std::uint8_t(bytes[at + 3]));
    };
    return {be32(16), be32(20)};
}

void screenshot(const std::string& lang, const std::string& page, int width) {
    fs::create_directories(screenshots);
    const fs::path png = screenshots / ("help-" + lang + "-" + page + "-" + std::to_string(width) + ".png");
    fs::remove(png);
    EXPECT_TRUE(run_chromium({"--window-size=" + std::to_string(width) + ",2000",
                              "--screenshot=" + png.string(), file_url(help_root / lang / (page + ".html"))},
                             work / "screenshot-stdout.txt"))
        << png;
    ASSERT_TRUE(fs::exists(png)) << png;
    const auto [w, h] = png_size(png);
    EXPECT_EQ(w, static_cast<std::uint32_t>(width)) << png;
    EXPECT_EQ(h, 2000u) << png;
    EXPECT_GT(fs::file_size(png), 20000u) << png << ": a blank page compresses to a few kB";
}

void expect_contains(const std::string& dom, const std::vector<std::string>& texts, const std::string& what) {
    ASSERT_FALSE(dom.empty()) << what << ": Chromium gave no DOM";
    EXPECT_EQ(dom.find("<script"), std::string::npos) << what;
    for (const auto& t : texts)
        EXPECT_NE(dom.find(t), std::string::npos) << what << ": no \"" << t << "\"";
}

struct page_case {
    std::string lang, page;
    std::vector<std::string> texts; // worked out from the sources: catalog.cpp, docs/*.md, docs/vi/*.md
};

const page_case cases[] = {
    {"en",
     "index",
     {"<h1>Marketing KPI: Help</h1>", ">The KPI register and the link codes</a>",
      ">The New KPI workbook wizard</a>", "<a href=\"fn-CPL.html\">KPI.CPL</a>", ">Tiếng Việt</a>"}},
    {"vi",
     "index",
     {"<h1>Marketing KPI: Trợ giúp</h1>", ">Bảng KPI và các mã liên kết</a>",
      ">Trình hướng dẫn tạo sổ KPI mới</a>", "<a href=\"fn-CPL.html\">KPI.CPL</a>", ">English</a>"}},
    {"en",
     "fn-CPL",
     {"<h1>KPI.CPL</h1>", "<code>KPI.CPL(spend; leads)</code>", "<code>spend / leads</code>",
      "<code>=KPI.CPL(100;4)</code> gives <code>25</code>", "#DIV/0! when leads = 0."}},
    {"vi",
     "fn-CPL",
     {"<h1>KPI.CPL</h1>", "<code>KPI.CPL(chi phí; số lead)</code>", "<h2>Công thức</h2>",
      "<code>=KPI.CPL(100;4)</code> cho kết quả <code>25</code>", "#DIV/0! khi số lead = 0."}},
    {"en",
     "register",
     {"<h1>The KPI register and the link codes</h1>", "<h2>Link rules and codes</h2>",
      "<td data-label=\"Code\"><code>UNLINKED</code></td>"
      "<td data-label=\"Meaning\">a tactical KPI with no parent</td>",
      "<code>CYCLE</code>", "<code>NOROOT</code>"}},
    {"vi",
     "register",
     {"<h1>Bảng KPI và các mã liên kết</h1>", "<h2>Quy tắc liên kết và các mã</h2>",
      "<td data-label=\"Mã\"><code>UNLINKED</code></td>"
      "<td data-label=\"Ý nghĩa\">KPI chiến thuật không có KPI cha</td>",
      "<code>CYCLE</code>", "<code>NOROOT</code>"}},
    {"en",
     "wizard",
     {"<h1>The New KPI workbook wizard</h1>", "<strong>Business profile</strong>",
      "<strong>Help</strong> opens this page"}},
    {"vi",
     "wizard",
     {"<h1>Trình hướng dẫn tạo sổ KPI mới</h1>", "<strong>Hồ sơ doanh nghiệp</strong>",
      "<strong>Trợ giúp</strong> mở trang này"}},
};

} // namespace

TEST(HelpInChromium, PagesRenderWithTheirTexts) {
    for (const auto& c : cases)
        expect_contains(rendered_dom(c.lang, c.page), c.texts, c.lang + "/" + c.page);
}

TEST(HelpInChromium, ScreenshotsAtPhoneAndDesktopWidths) {
    for (const auto& c : cases)
        for (int width : {360, 1280})
            screenshot(c.lang, c.page, width);
}
