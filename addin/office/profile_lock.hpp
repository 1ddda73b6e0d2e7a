// One kpi command at a time per office profile: LibreOffice hands a second start on the same profile
// over to the office already running there, whose end then ends the other command's work.
// An exclusive flock on PROFILE/kpi-profile.lock, held from before the office starts until after it
// has ended; the file names its holder (pid, host, start time, command line) for the messages of the
// commands that wait. Holding it also proves that leftovers in the profile's temporary folder
// (PROFILE/tmp, the office's TMPDIR) belong to a killed run: they are removed.
#pragma once

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace kpi::office {

// The wait ended without the lock; what() is the sentence (in the user's language) naming the holder.
class profile_busy : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class profile_lock {
  public:
    // Waits for the lock: a message on stderr after 2 s, profile_busy after `timeout`
    // (default: $KPI_PROFILE_WAIT seconds, else 600).
    explicit profile_lock(const std::filesystem::path& profile_dir);
    profile_lock(const std::filesystem::path& profile_dir, std::chrono::seconds timeout);
    ~profile_lock();
    profile_lock(const profile_lock&) = delete;
    profile_lock& operator=(const profile_lock&) = delete;

  private:
    int fd_ = -1;
};

// The office's temporary folder inside a profile (its TMPDIR).
std::filesystem::path office_temp_dir(const std::filesystem::path& profile_dir);

// "vi" or "en" from LC_ALL / LC_MESSAGES / LANG.
std::string message_language();

} // namespace kpi::office
