#include "office_discovery.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <regex>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace kpi::office {

namespace fs = std::filesystem;

namespace {

bool vi(const std::string& language) {
    return language.substr(0, 2) == "vi";
}

// "(from --office)" / "(từ --office)"; nothing for the usual places.
std::string from(const std::string& source, const std::string& language) {
    if (source.empty())
        return {};
    return (vi(language) ? " (từ " : " (from ") + source + ")";
}

bool executable_file(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec) && access(p.c_str(), X_OK) == 0;
}

// The version of the office at `soffice` (bootstraprc, else --version); nullopt: not an office.
std::optional<office_version> version_of(const fs::path& soffice, std::chrono::seconds timeout) {
    if (auto v = version_from_program_folder(soffice))
        return v;
    return version_from_running(soffice, timeout);
}

// Checks one candidate; throws discovery_error when it cannot be used.
found_office check(const fs::path& given, const std::string& source, std::chrono::seconds timeout) {
    std::error_code ec;
    if (!fs::exists(given, ec))
        throw discovery_error(discovery_problem::missing, given, source);
    if (fs::is_directory(given, ec))
        throw discovery_error(discovery_problem::directory, given, source);
    const fs::path resolved = fs::canonical(given, ec);
    const fs::path program = ec ? given : resolved;
    if (!executable_file(program))
        throw discovery_error(discovery_problem::not_an_office, given, source);
    const auto version = version_of(program, timeout);
    if (!version)
        throw discovery_error(discovery_problem::not_an_office, given, source);
    if (!version->supported())
        throw discovery_error(discovery_problem::too_old, given, source, version->text);
    return {program, source, *version};
}

// The numbers in a folder name such as "libreoffice25.2" (25, 2), for ordering /opt's offices.
std::pair<int, int> numbers_in_name(const std::string& name) {
    static const std::regex numbers(R"((\d+)(?:\.(\d+))?)");
    std::smatch m;
    if (!std::regex_search(name, m, numbers))
        return {0, 0};
    return {std::stoi(m[1].str()), m[2].matched ? std::stoi(m[2].str()) : 0};
}

} // namespace

discovery_error::discovery_error(discovery_problem problem, fs::path path, std::string source,
                                 std::string found_version)
    : std::runtime_error("office not usable: " + path.string()), problem_(problem), path_(std::move(path)),
      source_(std::move(source)), found_version_(std::move(found_version)) {}

std::string discovery_error::message(const std::string& language) const {
    const std::string p = path_.string();
    const std::string f = from(source_, language);
    const bool v = vi(language);
    switch (problem_) {
    case discovery_problem::missing:
        return v ? "kpi: không có chương trình LibreOffice " + p + f + "."
                 : "kpi: the LibreOffice program " + p + f + " does not exist.";
    case discovery_problem::directory:
        return v ? "kpi: " + p + f + " là một thư mục; hãy chỉ ra chương trình soffice trong đó, ví dụ " +
                       (path_ / "program/soffice").string() + "."
                 : "kpi: " + p + f + " is a folder; give the soffice program in it, e.g. " +
                       (path_ / "program/soffice").string() + ".";
    case discovery_problem::not_an_office:
        return v ? "kpi: " + p + f +
                       " không phải LibreOffice: chương trình không cho biết phiên bản LibreOffice."
                 : "kpi: " + p + f + " is not LibreOffice: it did not report a LibreOffice version.";
    case discovery_problem::too_old:
        return v ? "kpi: " + p + f + " là LibreOffice " + found_version_ +
                       "; tiện ích cần LibreOffice 7.4 trở lên."
                 : "kpi: " + p + f + " is LibreOffice " + found_version_ +
                       "; the extension needs LibreOffice 7.4 or later.";
    case discovery_problem::none_found:
        break;
    }
    return v ? "kpi: không tìm thấy LibreOffice (đã xem $KPI_OFFICE, soffice và libreoffice trong PATH, "
               "/opt/libreoffice*/program/soffice và /usr/lib/libreoffice/program/soffice); hãy cài "
               "LibreOffice "
               "7.4 trở lên, hoặc chỉ ra chương trình soffice bằng --office PATH."
             : "kpi: LibreOffice was not found (looked at $KPI_OFFICE, soffice and libreoffice on PATH, "
               "/opt/libreoffice*/program/soffice and /usr/lib/libreoffice/program/soffice); install "
               "LibreOffice "
               "7.4 or later, or give its soffice program with --office PATH.";
}

std::optional<office_version> parse_version(const std::string& text) {
    static const std::regex version(R"(LibreOffice (\d+)\.(\d+)((?:\.\d+)*))");
    std::smatch m;
    if (!std::regex_search(text, m, version))
        return std::nullopt;
    office_version v;
    v.major = std::stoi(m[1].str());
    v.minor = std::stoi(m[2].str());
    v.text = m[1].str() + "." + m[2].str() + m[3].str();
    return v;
}

std::optional<office_version> version_from_program_folder(const fs::path& soffice) {
    std::ifstream in(soffice.parent_path() / "bootstraprc");
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("ProductKey=", 0) == 0)
            return parse_version(line.substr(11));
    }
    return std::nullopt;
}

std::optional<office_version> version_from_running(const fs::path& soffice, std::chrono::seconds timeout) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return std::nullopt;
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e)
        if (std::strncmp(*e, "URE_BOOTSTRAP=", 14) != 0)
            env.emplace_back(*e);
    std::vector<char*> envp;
    for (auto& e : env)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    std::string program = soffice.string(), flag = "--version";
    char* argv[] = {program.data(), flag.data(), nullptr};

    const pid_t child = fork();
    if (child < 0) {
        close(fds[0]);
        close(fds[1]);
        return std::nullopt;
    }
    if (child == 0) { // a process group of its own, ended as a whole below
        setpgid(0, 0);
        const int null = ::open("/dev/null", O_RDONLY);
        if (null >= 0)
            dup2(null, STDIN_FILENO);
        dup2(fds[1], STDOUT_FILENO);
        dup2(fds[1], STDERR_FILENO);
        execve(argv[0], argv, envp.data());
        _exit(127);
    }
    setpgid(child, child);
    close(fds[1]);
    std::string out;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            break;
        pollfd pfd{fds[0], POLLIN, 0};
        const int ready = poll(&pfd, 1, static_cast<int>(std::min<long long>(left.count(), 200)));
        if (ready < 0 && errno != EINTR)
            break;
        if (ready <= 0)
            continue;
        char buffer[1024];
        const ssize_t n = read(fds[0], buffer, sizeof buffer);
        if (n <= 0)
            break; // every writer closed: the program has said what it has to say
        if (out.size() < 65536)
            out.append(buffer, static_cast<std::size_t>(n));
    }
    close(fds[0]);
    kill(-child, SIGKILL); // whatever is left of its group
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    return parse_version(out);
}

found_office discover_office(const discovery_inputs& in) {
    if (in.explicit_office)
        return check(*in.explicit_office, "--office", in.timeout);
    if (!in.env_office.empty())
        return check(in.env_office, "KPI_OFFICE", in.timeout);

    // The usual places: the first usable one wins; if none is, the first reason is reported.
    std::optional<discovery_error> first_error;
    auto attempt = [&](const fs::path& p, const std::string& source) -> std::optional<found_office> {
        try {
            return check(p, source, in.timeout);
        } catch (const discovery_error& e) {
            if (!first_error)
                first_error = e;
            return std::nullopt;
        }
    };

    std::string path = in.path_env;
    for (std::size_t start = 0; start <= path.size();) {
        const std::size_t end = std::min(path.find(':', start), path.size());
        const fs::path dir = path.substr(start, end - start);
        start = end + 1;
        if (dir.empty())
            continue;
        for (const char* name : {"soffice", "libreoffice"}) {
            if (!executable_file(dir / name))
                continue;
            if (auto found = attempt(dir / name, "PATH"))
                return *found;
        }
    }

    struct opt_office {
        fs::path soffice;
        std::pair<int, int> order;
    };
    std::vector<opt_office> offices;
    for (const auto& root : in.opt_roots) {
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(root, ec)) {
            const std::string name = entry.path().filename().string();
            if (name.rfind("libreoffice", 0) != 0)
                continue;
            const auto soffice = entry.path() / "program" / "soffice";
            if (!executable_file(soffice))
                continue;
            const auto v = version_from_program_folder(soffice);
            offices.push_back({soffice, v ? std::pair{v->major, v->minor} : numbers_in_name(name)});
        }
    }
    std::stable_sort(offices.begin(), offices.end(),
                     [](const opt_office& a, const opt_office& b) { return a.order > b.order; });
    for (const auto& o : offices)
        if (auto found = attempt(o.soffice, "/opt"))
            return *found;

    if (fs::exists(in.system_office))
        if (auto found = attempt(in.system_office, "system"))
            return *found;

    if (first_error)
        throw *first_error;
    throw discovery_error(discovery_problem::none_found, {}, {});
}

discovery_inputs inputs_from_environment(std::optional<fs::path> explicit_office,
                                         std::chrono::seconds timeout) {
    discovery_inputs in;
    in.explicit_office = std::move(explicit_office);
    if (const char* e = std::getenv("KPI_OFFICE"); e && *e)
        in.env_office = e;
    if (const char* p = std::getenv("PATH"); p)
        in.path_env = p;
    in.timeout = timeout;
    return in;
}

} // namespace kpi::office
