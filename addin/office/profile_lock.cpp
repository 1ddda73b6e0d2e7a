#include "profile_lock.hpp"

#include <kpi/catalog.hpp> // kpi::text

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <iostream>
#include <sstream>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace kpi::office {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

std::chrono::seconds default_timeout() {
    if (const char* v = std::getenv("KPI_PROFILE_WAIT"); v && *v) {
        char* end = nullptr;
        const long s = std::strtol(v, &end, 10);
        if (end && *end == '\0' && s >= 0)
            return std::chrono::seconds(s);
    }
    return 600s;
}

std::string command_line() {
    std::ifstream in("/proc/self/cmdline", std::ios::binary);
    std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    while (!all.empty() && all.back() == '\0')
        all.pop_back();
    for (auto& c : all)
        if (c == '\0')
            c = ' ';
    return all;
}

// "pid 1234 on host, since 2026-11-29 01:02:03: kpi import ..." from the lock file, or "" if unknown.
std::string holder(int fd) {
    std::string bytes(4096, '\0');
    const auto n = pread(fd, bytes.data(), bytes.size(), 0);
    if (n <= 0)
        return {};
    bytes.resize(static_cast<std::size_t>(n));
    std::istringstream in(bytes);
    std::string pid, host, since, command;
    std::getline(in, pid);
    std::getline(in, host);
    std::getline(in, since);
    std::getline(in, command);
    if (pid.empty())
        return {};
    const bool vi = message_language() == "vi";
    return "pid " + pid + (host.empty() ? "" : (vi ? " trên máy " : " on ") + host) +
           (since.empty() ? "" : (vi ? ", từ " : ", since ") + since) +
           (command.empty() ? "" : ": " + command);
}

void replace(std::string& s, std::string_view key, const std::string& value) {
    if (const auto at = s.find(key); at != std::string::npos)
        s.replace(at, key.size(), value);
}

std::string sentence(const kpi::text& t, const fs::path& profile, const std::string& who) {
    std::string s(t.in(message_language()));
    replace(s, "{profile}", profile.string());
    replace(s, "{who}", who.empty() ? std::string(message_language() == "vi" ? "không rõ" : "unknown") : who);
    return s;
}

constexpr kpi::text waiting{
    "kpi: waiting for the office profile {profile}: another kpi command is using it ({who})...",
    "kpi: đang chờ hồ sơ office {profile}: một lệnh kpi khác đang dùng nó ({who})..."};
constexpr kpi::text timed_out{
    "the office profile {profile} is still in use by another kpi command ({who}): wait for it to end, or "
    "give "
    "this command another profile with --profile DIR (or KPI_PROFILE_WAIT=SECONDS to wait longer).",
    "hồ sơ office {profile} vẫn đang được một lệnh kpi khác dùng ({who}): hãy đợi lệnh đó kết thúc, hoặc cho "
    "lệnh này một hồ sơ khác bằng --profile DIR (hoặc KPI_PROFILE_WAIT=SỐ_GIÂY để chờ lâu hơn)."};

void clean_office_temp(const fs::path& profile_dir) {
    // Only a killed run of ours leaves anything here: every office on this profile ran under our lock.
    const auto temp = office_temp_dir(profile_dir);
    std::error_code ec;
    for (fs::directory_iterator it(temp, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code rm;
        fs::remove_all(it->path(), rm);
    }
    fs::create_directories(temp, ec);
}

} // namespace

std::string message_language() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"})
        if (const char* v = std::getenv(var); v && *v)
            return std::string(v).substr(0, 2) == "vi" ? "vi" : "en";
    return "en";
}

fs::path office_temp_dir(const fs::path& profile_dir) {
    return profile_dir / "tmp";
}

profile_lock::profile_lock(const fs::path& profile_dir) : profile_lock(profile_dir, default_timeout()) {}

profile_lock::profile_lock(const fs::path& profile_dir, std::chrono::seconds timeout) {
    fs::create_directories(profile_dir);
    const auto file = profile_dir / "kpi-profile.lock";
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
        throw profile_busy("cannot open " + file.string() + ": " + std::strerror(errno));
    const auto started = std::chrono::steady_clock::now();
    bool told = false;
    while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EINTR)
            continue;
        if (errno != EWOULDBLOCK) {
            const int error = errno;
            ::close(fd_);
            fd_ = -1;
            throw profile_busy("cannot lock " + file.string() + ": " + std::strerror(error));
        }
        const auto waited = std::chrono::steady_clock::now() - started;
        if (waited >= timeout) {
            const std::string who = holder(fd_);
            ::close(fd_);
            fd_ = -1;
            throw profile_busy(sentence(timed_out, profile_dir, who));
        }
        if (!told && waited >= 2s) {
            std::cerr << sentence(waiting, profile_dir, holder(fd_)) << std::endl;
            told = true;
        }
        std::this_thread::sleep_for(100ms);
    }
    // Ours: say who holds it.
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    const std::time_t now = std::time(nullptr);
    char since[32] = {};
    std::tm local{};
    localtime_r(&now, &local);
    std::strftime(since, sizeof since, "%Y-%m-%d %H:%M:%S", &local);
    const std::string text =
        std::to_string(getpid()) + "\n" + host + "\n" + since + "\n" + command_line() + "\n";
    if (::ftruncate(fd_, 0) == 0) {
        [[maybe_unused]] const auto written = ::pwrite(fd_, text.data(), text.size(), 0);
    }
    clean_office_temp(profile_dir);
}

profile_lock::~profile_lock() {
    if (fd_ >= 0)
        ::close(fd_); // releases the flock
}

} // namespace kpi::office
