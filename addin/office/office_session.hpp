// A private headless LibreOffice, started, driven over a UNO pipe and ended by us.
// Shared by the `kpi` command-line tool and the office tests.
#pragma once

#include "profile_lock.hpp"

#include <com/sun/star/frame/XDesktop2.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <sys/types.h>

namespace kpi::office {

namespace uno = css::uno;
using rtl::OString;
using rtl::OUString;

struct options {
    std::filesystem::path profile_dir;             // private user installation (created if missing)
    std::string ui_language;                       // "" keeps the default, else e.g. "vi" or "en-US"
    bool headless = true;                          // false: a real window (for GUI tests under Xvfb)
    bool hidden_documents = true;                  // false: documents open in a visible window
    std::filesystem::path soffice = "/usr/lib/libreoffice/program/soffice";
    std::chrono::seconds start_timeout{90};
};

class office_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The UNO context of this process (bootstrapped once from the office's URE).
uno::Reference<uno::XComponentContext> local_context();

// One office process group. The destructor ends it, and only it. If this process dies, a watchdog
// in the office's process group ends the office too (it notices our end of a pipe closing).
class session {
public:
    explicit session(options opts);
    ~session();
    session(const session&) = delete;
    session& operator=(const session&) = delete;

    void start();   // launch and connect
    void stop();    // terminate politely, then end the process group
    void restart(); // stop + start (needed after installing an extension)
    [[nodiscard]] bool running() const noexcept { return watchdog_pid_ > 0; }

    uno::Reference<uno::XComponentContext> context() const;
    uno::Reference<css::frame::XDesktop2> desktop() const;

    // Installs (or updates) an .oxt into this profile through the ExtensionManager, approving
    // its licence. Returns false when the same identifier and version was already there.
    bool install_extension(const std::filesystem::path& oxt);
    // The version of an installed extension in this profile, "" when not installed.
    std::string installed_version(const std::string& identifier) const;

    // Opens a document hidden (empty url: a new spreadsheet).
    uno::Reference<css::lang::XComponent> open(const std::filesystem::path& file, bool read_only = false) const;
    uno::Reference<css::lang::XComponent> new_spreadsheet() const;
    // A new spreadsheet with a view even in a headless office (not Hidden): view settings such as
    // frozen rows can be set, and are stored in the file.
    uno::Reference<css::lang::XComponent> new_spreadsheet_with_view() const;

    const options& settings() const noexcept { return opts_; }

private:
    // loadComponentFromURL into a new frame; `what` names it in the error.
    uno::Reference<css::lang::XComponent> load(const std::string& url, bool hidden, bool read_only,
                                               const std::string& what) const;
    void launch();
    void connect();
    void end_process_group();

    options opts_;
    std::string pipe_name_;
    pid_t watchdog_pid_ = -1; // leader of the office's process group
    int lifeline_fd_ = -1;    // our end of the pipe the watchdog watches
    uno::Reference<uno::XComponentContext> remote_context_;
    std::unique_ptr<profile_lock> profile_lock_; // held from the first start until this session ends
};

std::string file_url(const std::filesystem::path& path);

} // namespace kpi::office
