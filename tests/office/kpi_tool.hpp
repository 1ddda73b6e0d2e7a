// Runs the built `kpi` tool as a user would (its own private office under the test's work folder);
// for the test binaries that define KPI_CLI_PATH, KPI_OXT_PATH and KPI_TEST_WORK_DIR.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <sys/wait.h>

namespace kpi::office_test {

struct tool_result {
    int exit_code = -1;
    std::string out; // stdout and stderr
};

inline tool_result run_kpi(const std::string& args) {
    const auto profile = std::filesystem::path(KPI_TEST_WORK_DIR) / "cli-profile";
    const std::string command = std::string(KPI_CLI_PATH) + " --profile '" + profile.string() + "' --oxt '" +
                                KPI_OXT_PATH + "' " + args + " 2>&1";
    tool_result r;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return r;
    std::array<char, 4096> buffer{};
    while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) r.out.append(buffer.data(), n);
    const int status = pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

} // namespace kpi::office_test
