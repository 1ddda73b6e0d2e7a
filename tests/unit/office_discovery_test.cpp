// Finding the office: --office, $KPI_OFFICE, PATH, /opt-like folders, the system path; bad input.
// Fake offices are small shell scripts next to a bootstraprc, as a LibreOffice program folder has.
#include "office_discovery.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <csignal>
#include <fstream>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace kpi::office;
using namespace std::chrono_literals;

namespace {

class OfficeDiscovery : public ::testing::Test {
  protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("kpi-discovery-" + std::to_string(getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    void TearDown() override { fs::remove_all(dir); }

    static void write(const fs::path& file, const std::string& text, bool executable = false) {
        fs::create_directories(file.parent_path());
        std::ofstream(file) << text;
        if (executable)
            fs::permissions(file, fs::perms::owner_all, fs::perm_options::add);
    }
    // <folder>/program/soffice and its bootstraprc naming `product_key` ("" : no bootstraprc).
    static fs::path fake_office(const fs::path& folder, const std::string& product_key) {
        const auto soffice = folder / "program" / "soffice";
        write(soffice, "#!/bin/sh\nexit 0\n", true);
        if (!product_key.empty())
            write(folder / "program" / "bootstraprc",
                  "[Bootstrap]\nInstallMode=<installmode>\nProductKey=" + product_key + "\n");
        return soffice;
    }
    // Nothing on PATH, an empty /opt, no system office.
    discovery_inputs nowhere() const {
        discovery_inputs in;
        in.path_env = (dir / "empty-bin").string();
        in.opt_roots = {dir / "empty-opt"};
        in.system_office = dir / "no-system" / "soffice";
        in.timeout = 5s;
        return in;
    }

    fs::path dir;
};

discovery_problem problem_of(const discovery_inputs& in) {
    try {
        discover_office(in);
    } catch (const discovery_error& e) {
        return e.problem();
    }
    ADD_FAILURE() << "an office was found";
    return discovery_problem::none_found;
}

} // namespace

TEST(OfficeVersion, ParsesWhatTheOfficeSays) {
    const auto debian = parse_version("LibreOffice 7.4.7.2 40(Build:2)");
    ASSERT_TRUE(debian);
    EXPECT_EQ(debian->major, 7);
    EXPECT_EQ(debian->minor, 4);
    EXPECT_EQ(debian->text, "7.4.7.2");
    const auto key = parse_version("LibreOffice 25.2");
    ASSERT_TRUE(key);
    EXPECT_EQ(key->major, 25);
    EXPECT_EQ(key->minor, 2);
    EXPECT_EQ(key->text, "25.2");
    EXPECT_FALSE(parse_version("true (GNU coreutils) 9.1"));
    EXPECT_FALSE(parse_version(""));
}

TEST(OfficeVersion, SupportedFrom74) {
    EXPECT_FALSE((office_version{6, 4, "6.4"}.supported()));
    EXPECT_FALSE((office_version{7, 3, "7.3"}.supported()));
    EXPECT_TRUE((office_version{7, 4, "7.4"}.supported()));
    EXPECT_TRUE((office_version{7, 6, "7.6"}.supported()));
    EXPECT_TRUE((office_version{25, 2, "25.2"}.supported()));
}

TEST_F(OfficeDiscovery, ExplicitOfficeWins) {
    auto in = nowhere();
    in.explicit_office = fake_office(dir / "mine", "LibreOffice 24.8");
    in.env_office = fake_office(dir / "env", "LibreOffice 25.2").string();
    const auto found = discover_office(in);
    EXPECT_EQ(found.soffice, fs::canonical(dir / "mine/program/soffice"));
    EXPECT_EQ(found.source, "--office");
    EXPECT_EQ(found.version.text, "24.8");
}

TEST_F(OfficeDiscovery, EnvironmentBeforePath) {
    auto in = nowhere();
    fake_office(dir / "onpath", "LibreOffice 7.6");
    in.path_env = (dir / "onpath/program").string();
    in.env_office = fake_office(dir / "env", "LibreOffice 25.2").string();
    const auto found = discover_office(in);
    EXPECT_EQ(found.source, "KPI_OFFICE");
    EXPECT_EQ(found.version.major, 25);
}

TEST_F(OfficeDiscovery, PathSymlinkResolvedToTheProgramFolder) {
    auto in = nowhere();
    const auto real = fake_office(dir / "opt/libreoffice25.2", "LibreOffice 25.2");
    fs::create_directories(dir / "bin");
    fs::create_symlink(real, dir / "bin" / "libreoffice");
    in.path_env = (dir / "nothing-here").string() + "::" + (dir / "bin").string();
    in.opt_roots = {dir / "opt2"};
    fake_office(dir / "opt2/libreoffice7.6", "LibreOffice 7.6");
    const auto found = discover_office(in);
    EXPECT_EQ(found.soffice, fs::canonical(real)); // the program folder's soffice, not the link in bin/
    EXPECT_EQ(found.source, "PATH");
}

// "libreoffice7.6" sorts after "libreoffice25.2" as text: the version decides, not the name's letters.
TEST_F(OfficeDiscovery, NewestOptOffice) {
    auto in = nowhere();
    in.opt_roots = {dir / "opt"};
    fake_office(dir / "opt/libreoffice7.6", "LibreOffice 7.6");
    fake_office(dir / "opt/libreoffice25.2", "LibreOffice 25.2");
    fake_office(dir / "opt/libreoffice24.8", "LibreOffice 24.8");
    fs::create_directories(dir / "opt/other-program");
    const auto found = discover_office(in);
    EXPECT_EQ(found.soffice, fs::canonical(dir / "opt/libreoffice25.2/program/soffice"));
    EXPECT_EQ(found.source, "/opt");
}

TEST_F(OfficeDiscovery, OptBeforeSystemAndSystemLast) {
    auto in = nowhere();
    in.system_office = fake_office(dir / "usr-lib-libreoffice", "LibreOffice 7.4");
    EXPECT_EQ(discover_office(in).source, "system");
    in.opt_roots = {dir / "opt"};
    fake_office(dir / "opt/libreoffice25.8", "LibreOffice 25.8");
    EXPECT_EQ(discover_office(in).source, "/opt");
}

// An old office on PATH does not hide a usable one in /opt.
TEST_F(OfficeDiscovery, TooOldOnPathFallsThrough) {
    auto in = nowhere();
    fake_office(dir / "old", "LibreOffice 7.3");
    in.path_env = (dir / "old/program").string();
    in.opt_roots = {dir / "opt"};
    fake_office(dir / "opt/libreoffice7.4", "LibreOffice 7.4");
    EXPECT_EQ(discover_office(in).version.text, "7.4");
}

TEST_F(OfficeDiscovery, VersionFromRunningWithoutBootstraprc) {
    auto in = nowhere();
    const auto soffice = dir / "tdf/program/soffice";
    write(soffice, "#!/bin/sh\n[ \"$1\" = --version ] && echo 'LibreOffice 24.8.1.2 abc123'\n", true);
    in.explicit_office = soffice;
    const auto found = discover_office(in);
    EXPECT_EQ(found.version.major, 24);
    EXPECT_EQ(found.version.minor, 8);
    EXPECT_EQ(found.version.text, "24.8.1.2");
}

TEST_F(OfficeDiscovery, NothingFound) {
    EXPECT_EQ(problem_of(nowhere()), discovery_problem::none_found);
}

TEST_F(OfficeDiscovery, MissingFile) {
    auto in = nowhere();
    in.explicit_office = dir / "no-such" / "soffice";
    EXPECT_EQ(problem_of(in), discovery_problem::missing);
}

// A bad $KPI_OFFICE is reported, not silently replaced by another office.
TEST_F(OfficeDiscovery, BadEnvironmentIsReported) {
    auto in = nowhere();
    in.system_office = fake_office(dir / "usr-lib-libreoffice", "LibreOffice 7.4");
    in.env_office = (dir / "gone/soffice").string();
    try {
        discover_office(in);
        ADD_FAILURE() << "an office was found";
    } catch (const discovery_error& e) {
        EXPECT_EQ(e.problem(), discovery_problem::missing);
        EXPECT_NE(e.message("en").find("(from KPI_OFFICE)"), std::string::npos) << e.message("en");
        EXPECT_NE(e.message("vi").find("(từ KPI_OFFICE)"), std::string::npos) << e.message("vi");
    }
}

TEST_F(OfficeDiscovery, Directory) {
    auto in = nowhere();
    fake_office(dir / "lo", "LibreOffice 25.2");
    in.explicit_office = dir / "lo";
    try {
        discover_office(in);
        ADD_FAILURE() << "a folder was accepted";
    } catch (const discovery_error& e) {
        EXPECT_EQ(e.problem(), discovery_problem::directory);
        EXPECT_NE(e.message("en").find("is a folder; give the soffice program in it, e.g. " +
                                       (dir / "lo/program/soffice").string()),
                  std::string::npos)
            << e.message("en");
        EXPECT_NE(e.message("vi").find("là một thư mục"), std::string::npos) << e.message("vi");
    }
}

TEST_F(OfficeDiscovery, NotAnOffice) {
    auto in = nowhere();
    const auto program = dir / "bin/tool";
    write(program, "#!/bin/sh\necho 'tool 1.0'\n", true);
    in.explicit_office = program;
    EXPECT_EQ(problem_of(in), discovery_problem::not_an_office);
    write(dir / "plain.txt", "not a program");
    in.explicit_office = dir / "plain.txt";
    EXPECT_EQ(problem_of(in), discovery_problem::not_an_office);
}

TEST_F(OfficeDiscovery, TooOld) {
    auto in = nowhere();
    in.explicit_office = fake_office(dir / "lo73", "LibreOffice 7.3");
    try {
        discover_office(in);
        ADD_FAILURE() << "7.3 was accepted";
    } catch (const discovery_error& e) {
        EXPECT_EQ(e.problem(), discovery_problem::too_old);
        EXPECT_NE(e.message("en").find("is LibreOffice 7.3; the extension needs LibreOffice 7.4 or later."),
                  std::string::npos)
            << e.message("en");
        EXPECT_NE(e.message("vi").find("là LibreOffice 7.3; tiện ích cần LibreOffice 7.4 trở lên."),
                  std::string::npos)
            << e.message("vi");
    }
}

// A program that never answers --version (and leaves a child behind) is given up after the timeout,
// and its whole process group is ended.
TEST_F(OfficeDiscovery, HangingProgramEndsWithinTheTimeout) {
    auto in = nowhere();
    const auto program = dir / "hang/soffice";
    const auto pid_file = dir / "child.pid";
    write(program, "#!/bin/sh\nsleep 300 &\necho $! > '" + pid_file.string() + "'\nwait\n", true);
    in.explicit_office = program;
    in.timeout = 2s;
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(problem_of(in), discovery_problem::not_an_office);
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_GE(took, 2s);
    EXPECT_LT(took, 5s);
    pid_t child = 0;
    std::ifstream(pid_file) >> child;
    ASSERT_GT(child, 0);
    bool gone = false; // the orphaned sleep is reaped by init shortly after its SIGKILL
    for (int i = 0; i < 50 && !gone; ++i) {
        gone = kill(child, 0) != 0 && errno == ESRCH;
        if (!gone)
            std::this_thread::sleep_for(100ms);
    }
    EXPECT_TRUE(gone) << "process " << child << " outlived the check";
}
