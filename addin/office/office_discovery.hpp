// Finding the LibreOffice the kpi tool drives, the way users have it installed, and its version.
// UNO-free (it runs before any office does): POSIX processes and files only.
//
// Order: --office PATH, else $KPI_OFFICE, else `soffice` / `libreoffice` on $PATH (symlinks resolved to
// the office's program folder), else the newest /opt/libreoffice*/program/soffice (The Document
// Foundation's packages), else Debian's /usr/lib/libreoffice/program/soffice.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace kpi::office {

// The oldest LibreOffice the extension supports.
inline constexpr int min_major = 7;
inline constexpr int min_minor = 4;

struct office_version {
    int major = 0;
    int minor = 0;
    std::string text; // as the office reports it, e.g. "25.2.3.2" (or "25.2" from bootstraprc)

    [[nodiscard]] bool supported() const noexcept {
        return major > min_major || (major == min_major && minor >= min_minor);
    }
};

// Where the office to use may come from.
struct discovery_inputs {
    std::optional<std::filesystem::path> explicit_office; // --office
    std::string env_office;                               // $KPI_OFFICE ("" unset)
    std::string path_env;                                 // $PATH
    std::vector<std::filesystem::path> opt_roots{"/opt"}; // folders holding libreoffice*/program/soffice
    std::filesystem::path system_office = "/usr/lib/libreoffice/program/soffice";
    std::chrono::seconds timeout{90}; // the longest `soffice --version` may take
};

enum class discovery_problem {
    missing,       // the given path does not exist
    directory,     // the given path is a folder, not the soffice program
    not_an_office, // the given program is not LibreOffice (or does not say its version in time)
    too_old,       // LibreOffice older than 7.4
    none_found,    // nothing given and none of the usual places holds an office
};

// An office that cannot be used: the kpi tool prints message(language) and exits 3.
class discovery_error : public std::runtime_error {
  public:
    discovery_error(discovery_problem problem, std::filesystem::path path, std::string source,
                    std::string found_version = {});
    [[nodiscard]] discovery_problem problem() const noexcept { return problem_; }
    [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
    // One sentence in English ("en") or Vietnamese ("vi").
    [[nodiscard]] std::string message(const std::string& language) const;

  private:
    discovery_problem problem_;
    std::filesystem::path path_;
    std::string source_; // "--office", "KPI_OFFICE", ...
    std::string found_version_;
};

struct found_office {
    std::filesystem::path soffice; // the program to start (symlinks resolved)
    std::string source;            // "--office", "KPI_OFFICE", "PATH", "/opt", "system"
    office_version version;
};

// The office to use; throws discovery_error. Starts no office: the version is read from the program
// folder's bootstraprc, or else from `soffice --version` (bounded by inputs.timeout, its process group
// ended in every case).
found_office discover_office(const discovery_inputs& inputs);

// The inputs from this process's environment ($KPI_OFFICE, $PATH) and the given --office.
discovery_inputs inputs_from_environment(std::optional<std::filesystem::path> explicit_office,
                                         std::chrono::seconds timeout);

// "LibreOffice 7.4" in bootstraprc's ProductKey, or "LibreOffice 25.2.3.2 520(Build:2)" from --version.
std::optional<office_version> parse_version(const std::string& text);
// The major.minor of the office whose program folder holds `soffice`, from its bootstraprc.
std::optional<office_version> version_from_program_folder(const std::filesystem::path& soffice);
// The full version `soffice --version` prints, within `timeout`; nullopt when it says none in time.
std::optional<office_version> version_from_running(const std::filesystem::path& soffice,
                                                   std::chrono::seconds timeout);

} // namespace kpi::office
