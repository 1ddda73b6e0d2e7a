// The web report in a real browser (docs/report.md): `kpi report --format html` and the menu command
// write one self-contained page, checked by a strict HTML5 parser (tests/tools/check_html.py) and
// rendered by headless Chromium (Debian's `chromium`): the rendered DOM carries every KPI ID, its
// status word and the figures worked out by hand; screenshots at 360 and 1280 px wide go to
// <build>/tests/screenshots/web-report-*.png for a person to look at. Chromium runs in a process group
// of its own, ended by that group.
#include "kpi_tool.hpp"
#include "office_test.hpp"

#include "calc_date.hpp"

#include <kpi/data_sheet.hpp>
#include <kpi/workbook_template.hpp>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <osl/file.hxx>

#include <gtest/gtest.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

using namespace kpi::office_test;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
namespace fs = std::filesystem;

namespace {

fs::path screenshot_dir() {
    const auto dir = fs::path(KPI_TEST_WORK_DIR).parent_path() / "screenshots";
    fs::create_directories(dir);
    return dir;
}

// Runs chromium headless with `args` in a process group of its own, stdout to `out`; waits at most
// 120 s, then ends the whole group (the browser's helpers too). Returns its exit code (-1: killed).
int run_chromium(const std::vector<std::string>& args, const fs::path& out, const fs::path& profile) {
    std::vector<std::string> argv_s{"/usr/bin/chromium", "--headless",
                                    "--disable-gpu",     "--no-sandbox",
                                    "--no-first-run",    "--disable-extensions",
                                    "--hide-scrollbars", "--user-data-dir=" + profile.string()};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const auto err = out.string() + ".stderr";
    posix_spawn_file_actions_addopen(&files, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &files, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    posix_spawnattr_destroy(&attr);
    if (spawned != 0)
        return -2;
    int status = 0;
    bool done = false;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (std::chrono::steady_clock::now() < until) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
            done = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    // The group: the browser if it hangs, and whatever helper outlived it.
    ::killpg(pid, SIGTERM);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    ::killpg(pid, SIGKILL);
    if (!done)
        waitpid(pid, &status, 0);
    // Killed helpers are gone once their new parent has reaped them: wait for that, at most 10 s.
    bool gone = false;
    for (int i = 0; i < 100 && !gone; ++i) {
        gone = ::killpg(pid, 0) == -1 && errno == ESRCH;
        if (!gone)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_TRUE(gone) << "a chromium process of group " << pid << " is left";
    return done && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

struct rendered {
    std::string dom;
    fs::path narrow, wide; // screenshots at 360 and 1280 px
};

// The page as Chromium renders it: the DOM after parsing and layout, and two screenshots.
rendered render(const fs::path& html, const std::string& name) {
    rendered r;
    const auto dir = html.parent_path();
    const auto profile = dir / "chromium-profile";
    const std::string url = "file://" + fs::absolute(html).string();
    const auto dom_file = dir / (name + ".dom.html");
    EXPECT_EQ(run_chromium({"--dump-dom", url}, dom_file, profile), 0)
        << file_bytes(dom_file.string() + ".stderr");
    r.dom = file_bytes(dom_file);
    for (const auto& [width, path] : {std::pair{360, &r.narrow}, std::pair{1280, &r.wide}}) {
        *path = screenshot_dir() / ("web-report-" + name + "-" + std::to_string(width) + ".png");
        fs::remove(*path);
        EXPECT_EQ(run_chromium({"--window-size=" + std::to_string(width) + ",2000",
                                "--screenshot=" + path->string(), url},
                               dir / (name + ".shot.txt"), profile),
                  0);
        EXPECT_TRUE(fs::exists(*path)) << *path;
        if (fs::exists(*path)) {
            EXPECT_GT(fs::file_size(*path), 20000u) << *path; // a page, not a blank
        }
    }
    return r;
}

std::string check_html(const fs::path& html) {
    const auto r = run_command(std::string("/usr/bin/python3 '") + KPI_CHECK_HTML + "' " + quoted(html));
    return r.exit_code == 0 ? std::string() : "exit " + std::to_string(r.exit_code) + ": " + r.out;
}

// The rendered row(s) of a KPI in the DOM: the text of every <tr data-kpi="ID"> ... </tr>, joined.
std::string rows_of(const std::string& dom, const std::string& id) {
    std::string out;
    const std::string open = "<tr data-kpi=\"" + id + "\">";
    for (auto at = dom.find(open); at != std::string::npos; at = dom.find(open, at + 1))
        out += dom.substr(at, dom.find("</tr>", at) - at) + "\n";
    return out;
}

// A KPI's row in its section's table: the first of its rows with a status cell (What moved and the
// appendix have none).
std::string first_row(const std::string& dom, const std::string& id) {
    const std::string open = "<tr data-kpi=\"" + id + "\">";
    for (auto at = dom.find(open); at != std::string::npos; at = dom.find(open, at + 1)) {
        const auto row = dom.substr(at, dom.find("</tr>", at) - at);
        if (row.find("class=\"status ") != std::string::npos)
            return row;
    }
    return {};
}

bool has_status_word(const std::string& row, bool vi) {
    const std::vector<std::string> words =
        vi ? std::vector<std::string>{"Đạt",
                                      "Có rủi ro",
                                      "Không đạt",
                                      "Chưa có số liệu",
                                      "Chưa có mục tiêu",
                                      "Mục tiêu bằng 0"}
           : std::vector<std::string>{"On track",    "At risk",   "Off track",
                                      "No data yet", "No target", "Target is 0"};
    const auto cell = row.find("class=\"status ");
    if (cell == std::string::npos)
        return false;
    const auto text = row.substr(cell, row.find("</td>", cell) - cell);
    return std::any_of(words.begin(), words.end(),
                       [&](const std::string& w) { return text.find("</span>" + w) != std::string::npos; });
}

// The KPI IDs of a workbook's register (column A under "ID", up to the first empty cell).
std::vector<std::string> register_ids(const fs::path& workbook, const std::string& sheet) {
    auto doc = office().open(workbook, true);
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet(doc, UNO_QUERY_THROW);
    Reference<css::sheet::XSpreadsheet> reg(spreadsheet->getSheets()->getByName(ou(sheet)), UNO_QUERY_THROW);
    std::vector<std::string> ids;
    bool below_header = false;
    for (int row = 0; row < 400; ++row) {
        const auto id = u8(reg->getCellByPosition(0, row)->getFormula());
        if (below_header && id.empty())
            break;
        if (below_header)
            ids.push_back(id);
        if (id == "ID")
            below_header = true;
    }
    Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
    return ids;
}

void expect_no_spreadsheet_words(const std::string& dom) {
    for (const char* s :
         {"Sheet 1", "Sheet 2", "Overview", "Trang tính 1", "<img", "<script", "http://", "https://"})
        EXPECT_EQ(dom.find(s), std::string::npos) << s;
}

// The plan's first three months as `kpi new` makes them today (the month after this one).
std::array<std::string, 3> plan_months() {
    kpi::workbook_profile p;
    const auto start = kpi::plan_start_month(p, kpi::uno_glue::today_serial());
    std::array<std::string, 3> keys;
    for (int i = 0; i < 3; ++i) {
        const int index = start.year * 12 + start.month - 1 + i;
        keys[static_cast<std::size_t>(i)] =
            kpi::period_key(index / 12, index % 12 + 1, kpi::period_granularity::month);
    }
    return keys;
}

// Types a number into the Data sheet's row of (period, channel), in the measure's column.
void type(const Reference<css::sheet::XSpreadsheet>& s, const std::string& period, const std::string& channel,
          kpi::measure m, double value) {
    for (sal_Int32 r = 1; r < 2000; ++r) {
        const auto p = u8(s->getCellByPosition(0, r)->getFormula());
        if (p.empty())
            break;
        if (p == period && u8(s->getCellByPosition(1, r)->getFormula()) == channel) {
            s->getCellByPosition(2 + static_cast<sal_Int32>(m), r)->setValue(value);
            return;
        }
    }
    ADD_FAILURE() << "no Data row for " << period << " " << channel;
}

} // namespace

// The shipped sample (Vietnamese register): every KPI of the register with its status word and the
// actual Calc computes, formatted; T7 (Zalo OA followers, typed in the register) worked out by hand.
TEST(WebReport, SampleWorkbookRendersInChromiumWithEveryKpiAndStatus) {
    const auto dir = fresh_dir("web-sample");
    const auto html = dir / "sample-report.html";
    const auto r = run_kpi("report " + quoted(sample_workbook()) + " --format html -o " + quoted(html));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    // One file, nothing beside it (no chart images, no temporary file).
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
        ++files;
    EXPECT_EQ(files, 1u);
    EXPECT_EQ(check_html(html), "");
    const auto page = render(html, "sample-vi");
    const auto& dom = page.dom;
    ASSERT_NE(dom.find("<html lang=\"vi\""), std::string::npos) << dom.substr(0, 400);
    for (const char* s :
         {"Báo cáo KPI marketing", "Mộc Trà Online (Hồ Chí Minh)", "2026-01 – 2026-10",
          "Tóm tắt điều hành: KPI chiến lược", "Thu hút &amp; chi phí", "Kênh số &amp; SEO",
          "Giá trị &amp; quan hệ khách hàng", "Kết quả kiểm tra liên kết và SMART",
          "Phụ lục: định nghĩa các KPI", "Mức hoàn thành mục tiêu theo KPI", "UNLINKED", "spend / leads"})
        EXPECT_NE(dom.find(s), std::string::npos) << s;
    expect_no_spreadsheet_words(dom);
    EXPECT_NE(dom.find("<svg viewBox="), std::string::npos); // charts inline

    const auto ids = register_ids(sample_workbook(), "KPI Register");
    ASSERT_EQ(ids, (std::vector<std::string>{"S1", "S2", "T1", "T2", "T3", "T4", "T5", "T7"}));
    for (const auto& id : ids) {
        const auto row = first_row(dom, id);
        ASSERT_FALSE(row.empty()) << id;
        EXPECT_TRUE(has_status_word(row, true)) << id << ": " << row;
        EXPECT_EQ(rows_of(dom, id).empty(), false);
    }
    // T7: 2,150 followers against a target of 3,000 (higher is better): 2,150 / 3,000 = 71.7 %, under
    // 90 %: off track. Vietnamese grouping and decimal comma.
    const auto t7 = first_row(dom, "T7");
    for (const char* s : {">2.150<", ">3.000<", ">71,7%<", "✖</span>Không đạt"})
        EXPECT_NE(t7.find(s), std::string::npos) << s << "\n" << t7;
    EXPECT_NE(rows_of(dom, "T7").find("UNLINKED"), std::string::npos);

    // Printed from the browser: A4 landscape pages, each section from a new page, the company and
    // "Trang n / N" in the page margins.
    const auto printed = dir / "sample-report-printed.pdf";
    EXPECT_EQ(run_chromium({"--no-pdf-header-footer", "--print-to-pdf=" + printed.string(),
                            "file://" + fs::absolute(html).string()},
                           dir / "print.txt", dir / "chromium-profile"),
              0);
    const auto info = run_command("pdfinfo " + quoted(printed)).out;
    // A4 landscape: 297 x 210 mm = 841.9 x 595.3 pt (Chromium rounds to whole device pixels: 594.96).
    const auto size = info.find("Page size:");
    ASSERT_NE(size, std::string::npos) << info;
    const auto size_line = info.substr(size, info.find('\n', size) - size);
    EXPECT_NE(size_line.find(" 841.9"), std::string::npos) << size_line;
    EXPECT_NE(size_line.find(" x 59"), std::string::npos) << size_line;
    EXPECT_NE(size_line.find("(A4)"), std::string::npos) << size_line;
    const auto pages =
        info.find("Pages:") == std::string::npos ? 0 : std::stoi(info.substr(info.find("Pages:") + 6));
    EXPECT_GE(pages, 7); // cover, summary, 3 groups, findings, appendix
    const auto text = run_command("pdftotext -layout " + quoted(printed) + " -").out;
    EXPECT_NE(text.find("Trang 1 / " + std::to_string(pages)), std::string::npos) << text.substr(0, 2000);
    EXPECT_NE(text.find("Mộc Trà Online (Hồ Chí Minh)"), std::string::npos);
    run_command("pdftoppm -r 50 -png -singlefile -f 3 -l 3 " + quoted(printed) + " " +
                quoted(screenshot_dir() / "web-report-sample-vi-print-page-3"));
}

// A workbook made by `kpi new`, two months typed and a third imported (the journey's numbers):
// FB-CPL by month 125,000, 100,000, 100,000; plan to date 36,000,000 / 340 = 105,882.35; projection
// through (0, 125,000) (1, 100,000) (2, 100,000) to x = 5: 108,333.33 - 12,500 x 4 = 58,333.33; target
// 110,000 lower is better: attainment 110,000 / 105,882.35 = 103.9 %, on track; pace 110,000 / 58,333
// = 1.89: ahead. The menu command writes the same page.
TEST(WebReport, KpiNewWorkbookWithTypedDataRendersInChromium) {
    const auto months = plan_months();
    const auto dir = fresh_dir("web-new");
    const auto workbook = dir / "plan.ods";
    auto made = run_kpi("new --industry ecommerce --lang vi --channels facebook,google --name 'Mộc Trà' -o " +
                        quoted(workbook));
    ASSERT_EQ(made.exit_code, 0) << made.out;
    {
        auto doc = office().open(workbook);
        Reference<css::sheet::XSpreadsheetDocument> spreadsheet(doc, UNO_QUERY_THROW);
        Reference<css::sheet::XSpreadsheet> data(spreadsheet->getSheets()->getByName(ou("Dữ liệu")),
                                                 UNO_QUERY_THROW);
        using m = kpi::measure;
        const std::string fb = "Quảng cáo Facebook", all = "Tất cả kênh";
        type(data, months[0], fb, m::spend, 10000000);
        type(data, months[0], fb, m::leads, 80);
        type(data, months[0], fb, m::clicks, 2000);
        type(data, months[0], fb, m::impressions, 100000);
        type(data, months[0], fb, m::revenue, 30000000);
        type(data, months[1], fb, m::spend, 12000000);
        type(data, months[1], fb, m::leads, 120);
        type(data, months[1], fb, m::clicks, 3000);
        type(data, months[1], fb, m::impressions, 120000);
        type(data, months[1], fb, m::revenue, 40000000);
        type(data, months[0], all, m::revenue, 100000000);
        type(data, months[1], all, m::revenue, 120000000);
        type(data, months[2], all, m::revenue, 130000000);
        // The third month of Facebook typed too: 14,000,000 spent, 140 leads, 3,200 clicks, 130,000
        // impressions.
        type(data, months[2], fb, m::spend, 14000000);
        type(data, months[2], fb, m::leads, 140);
        type(data, months[2], fb, m::clicks, 3200);
        type(data, months[2], fb, m::impressions, 130000);
        store_as_ods(doc, workbook);
        Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
    }
    const auto html = dir / "plan-report.html";
    auto reported = run_kpi("report " + quoted(workbook) + " -o " + quoted(html)); // the format from the name
    ASSERT_EQ(reported.exit_code, 0) << reported.out;
    EXPECT_EQ(check_html(html), "");
    const auto page = render(html, "new-vi");
    const auto& dom = page.dom;
    ASSERT_NE(dom.find("<html lang=\"vi\""), std::string::npos);
    EXPECT_NE(dom.find(months[2]), std::string::npos);
    expect_no_spreadsheet_words(dom);
    const auto ids = register_ids(workbook, "Bảng KPI");
    ASSERT_GE(ids.size(), 5u);
    for (const auto& id : ids) {
        const auto row = first_row(dom, id);
        ASSERT_FALSE(row.empty()) << id;
        EXPECT_TRUE(has_status_word(row, true)) << id << ": " << row;
    }
    const auto cpl = first_row(dom, "FB-CPL");
    for (const char* s :
         {">100.000<", ">105.882<", ">58.333<", ">103,9%<", ">110.000<", "✔</span>Đạt", ">Vượt tiến độ<"})
        EXPECT_NE(cpl.find(s), std::string::npos) << s << "\n" << cpl;
    // The trend chart: FB-CPL's attainment by month 110,000 / 125,000 = 88 %, then 110 %, 110 %.
    EXPECT_NE(dom.find("data-label=\"FB-CPL\">88%<"), std::string::npos);
    EXPECT_NE(dom.find("data-label=\"FB-CPL\">110%<"), std::string::npos);

    // English, same workbook: 105,882 and "On track" / "Ahead of pace".
    const auto en = dir / "plan-report-en.html";
    reported = run_kpi("report " + quoted(workbook) + " --lang en --format html -o " + quoted(en));
    ASSERT_EQ(reported.exit_code, 0) << reported.out;
    EXPECT_EQ(check_html(en), "");
    const auto english = render(en, "new-en");
    const auto cpl_en = first_row(english.dom, "FB-CPL");
    for (const char* s :
         {">100,000<", ">105,882<", ">58,333<", ">103.9%<", "✔</span>On track", ">Ahead of pace<"})
        EXPECT_NE(cpl_en.find(s), std::string::npos) << s << "\n" << cpl_en;
    for (const char* s : {"Đạt", "Tóm tắt", "Sheet 1"})
        EXPECT_EQ(english.dom.find(s), std::string::npos) << s;

    // The menu command (as the export dialog's HTML choice dispatches it) writes the same kind of page.
    auto doc = office().open(workbook);
    auto model = Reference<css::frame::XModel>(doc, UNO_QUERY_THROW);
    const auto from_menu = dir / "from-menu.html";
    OUString url;
    osl::FileBase::getFileURLFromSystemPath(ou(from_menu.string()), url);
    css::uno::Sequence<css::beans::PropertyValue> args(3);
    args.getArray()[0].Name = "URL";
    args.getArray()[0].Value <<= url;
    args.getArray()[1].Name = "Silent";
    args.getArray()[1].Value <<= true;
    args.getArray()[2].Name = "Format";
    args.getArray()[2].Value <<= OUString("html");
    css::frame::DispatchHelper::create(office().context())
        ->executeDispatch(Reference<css::frame::XDispatchProvider>(model->getCurrentController()->getFrame(),
                                                                   UNO_QUERY_THROW),
                          "org.kpimarketing.command:Report", "", 0, args);
    Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
    ASSERT_TRUE(fs::exists(from_menu));
    const auto menu_html = file_bytes(from_menu);
    EXPECT_EQ(menu_html.substr(0, 15), "<!DOCTYPE html>");
    EXPECT_NE(first_row(menu_html, "FB-CPL").find(">105.882<"), std::string::npos);
    EXPECT_EQ(check_html(from_menu), "");
}
