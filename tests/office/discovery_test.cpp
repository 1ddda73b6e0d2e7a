// `kpi` finding its office as users have it: --version against the real office, --office and
// KPI_OFFICE naming a missing file, a folder, a program that is not LibreOffice, one that never answers,
// an office older than 7.4: one sentence (en/vi) and exit 3, within the start timeout, nothing left running.
// KPI_LO25=1 (set by scripts/lo25.sh inside its namespace): the office under test is 25.2, else Debian's 7.4.
#include "kpi_tool.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <thread>

namespace fs = std::filesystem;
using namespace kpi::office_test;
using namespace std::chrono_literals;

namespace {

tool_result kpi_raw(const std::string& args, const std::string& environment = "") {
    return run_command("env " + (environment.empty() ? std::string() : environment + " ") + KPI_CLI_PATH +
                       " " + args);
}

// A fake office program folder: `soffice` running `script`, and a bootstraprc naming `product_key`.
fs::path fake_program(const fs::path& folder, const std::string& script,
                      const std::string& product_key = "") {
    fs::create_directories(folder / "program");
    const auto soffice = folder / "program" / "soffice";
    std::ofstream(soffice) << "#!/bin/sh\n" << script << "\n";
    fs::permissions(soffice, fs::perms::owner_all, fs::perm_options::add);
    if (!product_key.empty())
        std::ofstream(folder / "program" / "bootstraprc")
            << "[Bootstrap]\nProductKey=" << product_key << "\n";
    return soffice;
}

bool process_gone(pid_t pid) {
    for (int i = 0; i < 50; ++i) {
        if (kill(pid, 0) != 0 && errno == ESRCH)
            return true;
        std::this_thread::sleep_for(100ms);
    }
    return false;
}

std::string expected_major_minor() {
    return std::getenv("KPI_LO25") ? "25.2" : "7.4";
}

} // namespace

// The office this machine has (7.4 from Debian, or 25.2 in scripts/lo25.sh's namespace), found on its own.
TEST(KpiOffice, VersionNamesTheToolAndTheOffice) {
    const auto r = kpi_raw("--version");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("kpi " KPI_VERSION "\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("LibreOffice " + expected_major_minor() + "."), std::string::npos) << r.out;
}

// Only a symlink on PATH: resolved to the office's program folder.
TEST(KpiOffice, FoundThroughASymlinkOnPath) {
    const auto bin = fresh_dir("path-bin");
    fs::create_symlink("/usr/lib/libreoffice/program/soffice", bin / "libreoffice");
    const auto r = kpi_raw("--version", "PATH=" + bin.string() + ":/usr/bin:/bin");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("LibreOffice " + expected_major_minor() + "."), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("(/usr/lib/libreoffice/program/soffice)"), std::string::npos) << r.out;
}

TEST(KpiOffice, MissingFile) {
    const auto r = kpi_raw("--office /nonexistent/program/soffice audit " + quoted(sample_workbook()));
    EXPECT_EQ(r.exit_code, 3) << r.out;
    EXPECT_EQ(r.out,
              "kpi: the LibreOffice program /nonexistent/program/soffice (from --office) does not exist.\n");
    const auto vi = kpi_raw("--office /nonexistent/program/soffice audit " + quoted(sample_workbook()),
                            "LANG=vi_VN.UTF-8");
    EXPECT_EQ(vi.exit_code, 3) << vi.out;
    EXPECT_EQ(vi.out, "kpi: không có chương trình LibreOffice /nonexistent/program/soffice (từ --office).\n");
}

TEST(KpiOffice, EnvironmentVariable) {
    const auto r = kpi_raw("audit " + quoted(sample_workbook()), "KPI_OFFICE=/nonexistent/soffice");
    EXPECT_EQ(r.exit_code, 3) << r.out;
    EXPECT_EQ(r.out, "kpi: the LibreOffice program /nonexistent/soffice (from KPI_OFFICE) does not exist.\n");
    const auto ok = kpi_raw("--version", "KPI_OFFICE=/usr/lib/libreoffice/program/soffice");
    EXPECT_EQ(ok.exit_code, 0) << ok.out;
}

TEST(KpiOffice, Directory) {
    const auto r = kpi_raw("--office /usr/lib/libreoffice audit " + quoted(sample_workbook()));
    EXPECT_EQ(r.exit_code, 3) << r.out;
    EXPECT_EQ(r.out,
              "kpi: /usr/lib/libreoffice (from --office) is a folder; give the soffice program in it, e.g. "
              "/usr/lib/libreoffice/program/soffice.\n");
}

TEST(KpiOffice, NotAnOffice) {
    const auto r = kpi_raw("--office /bin/true audit " + quoted(sample_workbook()));
    EXPECT_EQ(r.exit_code, 3) << r.out;
    EXPECT_EQ(
        r.out,
        "kpi: /bin/true (from --office) is not LibreOffice: it did not report a LibreOffice version.\n");
}

TEST(KpiOffice, TooOld) {
    const auto folder = fresh_dir("lo73");
    const auto soffice = fake_program(folder, "exit 0", "LibreOffice 7.3");
    const auto r = kpi_raw("--office " + quoted(soffice) + " recalc " + quoted(sample_workbook()) + " -o " +
                           quoted(folder));
    EXPECT_EQ(r.exit_code, 3) << r.out;
    EXPECT_EQ(r.out,
              "kpi: " + soffice.string() +
                  " (from --office) is LibreOffice 7.3; the extension needs LibreOffice 7.4 or later.\n");
    const auto vi = kpi_raw("--office " + quoted(soffice) + " --version", "LC_ALL=vi_VN.UTF-8");
    EXPECT_EQ(vi.exit_code, 3) << vi.out;
    EXPECT_NE(vi.out.find("là LibreOffice 7.3; tiện ích cần LibreOffice 7.4 trở lên."), std::string::npos)
        << vi.out;
}

// A program that never answers (and starts a child): given up after --start-timeout, its group ended.
TEST(KpiOffice, HangingProgramWithinTheStartTimeout) {
    const auto folder = fresh_dir("hang");
    const auto pid_file = folder / "child.pid";
    const auto soffice = fake_program(folder, "sleep 300 &\necho $! > '" + pid_file.string() + "'\nwait");
    const auto start = std::chrono::steady_clock::now();
    const auto r =
        kpi_raw("--office " + quoted(soffice) + " --start-timeout 3 audit " + quoted(sample_workbook()));
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(r.exit_code, 3) << r.out;
    EXPECT_NE(r.out.find("is not LibreOffice"), std::string::npos) << r.out;
    EXPECT_GE(took, 3s);
    EXPECT_LT(took, 8s);
    pid_t child = 0;
    std::ifstream(pid_file) >> child;
    ASSERT_GT(child, 0);
    EXPECT_TRUE(process_gone(child)) << "process " << child << " outlived kpi";
}

// The office found, it is driven: a real command through --office.
TEST(KpiOffice, ExplicitOfficeRunsACommand) {
    const auto out = fresh_dir("explicit-recalc");
    const auto profile = fresh_dir("explicit-profile");
    const auto r = kpi_raw("--office /usr/lib/libreoffice/program/soffice --profile " + quoted(profile) +
                           " --oxt '" KPI_OXT_PATH "' audit " + quoted(sample_workbook()) + " --lang en");
    EXPECT_EQ(r.exit_code, 1) << r.out; // the sample flags one KPI on purpose (README)
    EXPECT_NE(r.out.find("UNLINKED"), std::string::npos) << r.out;
}
