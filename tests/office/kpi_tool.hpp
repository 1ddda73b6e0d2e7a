// Runs the built `kpi` tool as a user would (its own private office under the test's work folder),
// and small file helpers; for the test binaries that define KPI_CLI_PATH, KPI_OXT_PATH,
// KPI_TEST_DATA_DIR and KPI_TEST_WORK_DIR.
#pragma once

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace kpi::office_test {

struct tool_result {
    int exit_code = -1;
    std::string out; // stdout and stderr
};

// A shell command's exit code and output (stdout and stderr).
inline tool_result run_command(const std::string& command) {
    tool_result r;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return r;
    std::array<char, 4096> buffer{};
    while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) r.out.append(buffer.data(), n);
    const int status = pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

// `environment`: assignments put before the command ("LC_ALL=vi_VN.UTF-8").
inline tool_result run_kpi(const std::string& args, const std::string& environment = "") {
    // A profile per office version: LibreOffice 25.2 (scripts/lo25.sh) upgrades a profile it opens.
    const auto profile = std::filesystem::path(KPI_TEST_WORK_DIR) / (std::getenv("KPI_LO25") ? "cli-profile-lo25" : "cli-profile");
    return run_command((environment.empty() ? std::string() : "env " + environment + " ") + KPI_CLI_PATH +
                       " --profile '" + profile.string() + "' --oxt '" + KPI_OXT_PATH + "' " + args);
}

// A path quoted for the shell.
inline std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// The sample workbook shipped in examples/.
inline std::filesystem::path sample_workbook() {
    return std::filesystem::path(KPI_TEST_DATA_DIR).parent_path().parent_path() / "examples" / "sample-sme-2026.fods";
}

// An empty folder of this test process under the work folder (fresh per run: no stale lock files).
inline std::filesystem::path fresh_dir(const std::string& name) {
    const auto dir = std::filesystem::path(KPI_TEST_WORK_DIR) / (name + "-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

inline std::string file_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace kpi::office_test
