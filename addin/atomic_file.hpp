// Writing a user's file so that a kill at any moment leaves either the old file or the new one,
// whole (docs/reliability.md). The new content goes to a temporary file in the target's own folder
// (the resolved target of a symbolic link: the link stays a link), is flushed to disk, gets the old
// file's owner and permissions, and is renamed over the target; the folder is flushed too.
// A hard-linked target: the rename gives the named path the new content; the file's other names keep
// the old content (never a half-written file under any name); `commit` reports it.
// UNO-free; shared by the kpi tool and the menu's save paths (document_files.cpp).
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kpi::uno_glue {

// Why a file could not be written (or must not be), with the file it concerns.
class write_error : public std::runtime_error {
  public:
    enum class kind {
        missing_folder,   // the output's folder does not exist
        read_only_file,   // the file has no write permission
        read_only_folder, // the folder cannot be written (permissions, read-only file system)
        locked,           // open in LibreOffice by someone else (.~lock.NAME# file)
        disk_full,        // no space left on the device
        same_as_input,    // the output is (or links to) an input workbook
        not_a_file,       // the target is a folder or a device
        other,            // anything else (the detail says what)
    };
    write_error(kind k, std::filesystem::path file, std::string detail = {});
    [[nodiscard]] kind what_kind() const noexcept { return kind_; }
    [[nodiscard]] const std::filesystem::path& file() const noexcept { return file_; }
    [[nodiscard]] const std::string& detail() const noexcept { return detail_; }

  private:
    kind kind_;
    std::filesystem::path file_;
    std::string detail_;
};

// The sentence for an error in the user's language ("vi" or "en"): the file and what to do.
[[nodiscard]] std::string describe(const write_error& e, std::string_view language);

// An office exception's message in words: LibreOffice's "failed: 0x4c0c(Error Area:Io Class:Write
// Code:12)" becomes "a write error" ("lỗi ghi"); a message without such a code is kept as it is.
[[nodiscard]] std::string plain_office_reason(const std::string& message, std::string_view language);

// The owner of a LibreOffice lock file (".~lock.NAME#" beside a document).
struct lock_owner {
    std::string name;        // the LibreOffice user name (may be empty)
    std::string system_user; // the system user name
    std::string host;        // the machine
    std::string since;       // "28.11.2026 14:03", as LibreOffice wrote it
    std::string profile_url; // the user installation that holds it (file:///...)
};

[[nodiscard]] std::filesystem::path lock_file_of(const std::filesystem::path& document);
// The parsed lock file of a document, nullopt when there is none (or it cannot be read).
[[nodiscard]] std::optional<lock_owner> read_lock_file(const std::filesystem::path& document);
// This machine's host name.
[[nodiscard]] std::string host_name();

// Throws write_error(locked) when the document is open in LibreOffice elsewhere. A lock file written
// by `own_profile_url` on this host while we hold that profile's lock is a leftover of a killed run
// of ours: it is removed.
void check_not_locked(const std::filesystem::path& document, const std::string& own_profile_url);

// Throws write_error(same_as_input) when `output` is, or resolves to, one of `inputs`; also before
// the output exists (same resolved path).
void check_not_an_input(const std::filesystem::path& output,
                        const std::vector<std::filesystem::path>& inputs);

// The checks before writing `target` (missing folder, read-only file or folder, not a regular file),
// throwing write_error. Does not touch anything.
void check_writable(const std::filesystem::path& target);

// Removes temporary files of atomic writes in `folder` left by killed runs on this host (their
// process is gone). Returns how many went.
std::size_t remove_stale_temporaries(const std::filesystem::path& folder);

// One atomic replacement of a file.
class atomic_file {
  public:
    // Checks the target (check_writable), resolves links, picks the temporary's name beside the
    // resolved target and removes stale temporaries there. Throws write_error.
    explicit atomic_file(const std::filesystem::path& target);
    ~atomic_file(); // removes the temporary unless committed
    atomic_file(const atomic_file&) = delete;
    atomic_file& operator=(const atomic_file&) = delete;

    // Where to write the new content (does not exist yet).
    [[nodiscard]] const std::filesystem::path& temporary() const noexcept { return temp_; }
    // The file that will be replaced (links resolved).
    [[nodiscard]] const std::filesystem::path& resolved() const noexcept { return resolved_; }

    // Flushes the temporary, gives it the old file's owner and permissions, renames it over the
    // resolved target and flushes the folder. Throws write_error (disk full, permissions, ...).
    // Returns true when the old file had other hard links, which keep the old content.
    bool commit();

    // Turns an error met while the temporary was being written (e.g. by the office) into a
    // write_error: disk full when the device has (almost) no space left, else `fallback_detail`.
    [[noreturn]] void fail(const std::string& fallback_detail) const;

  private:
    std::filesystem::path target_, resolved_, temp_;
    bool committed_ = false;
};

// Writes bytes atomically (for small files the tools write themselves).
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

} // namespace kpi::uno_glue
