#include "office_session.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/StringPair.hpp>
#include <com/sun/star/bridge/UnoUrlResolver.hpp>
#include <com/sun/star/connection/NoConnectException.hpp>
#include <com/sun/star/deployment/ExtensionManager.hpp>
#include <com/sun/star/deployment/XPackage.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/task/XInteractionAbort.hpp>
#include <com/sun/star/task/XInteractionApprove.hpp>
#include <com/sun/star/task/XInteractionHandler.hpp>
#include <com/sun/star/ucb/XCommandEnvironment.hpp>
#include <com/sun/star/ucb/XProgressHandler.hpp>
#include <cppuhelper/bootstrap.hxx>
#include <cppuhelper/implbase3.hxx>
#include <osl/file.hxx>
#include <rtl/ref.hxx>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <mutex>
#include <poll.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace kpi::office {
namespace {

using namespace std::chrono_literals;
using uno::Reference;
using uno::Sequence;
using uno::UNO_QUERY;
using uno::UNO_QUERY_THROW;

OUString ou(const std::string& s) { return OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8); }
std::string u8(const OUString& s) {
    const OString o = OUStringToOString(s, RTL_TEXTENCODING_UTF8);
    return std::string(o.getStr(), static_cast<std::size_t>(o.getLength()));
}

// Approves every request (licence, "replace the installed version?") and remembers errors.
class approving_environment
    : public cppu::WeakImplHelper3<css::ucb::XCommandEnvironment, css::task::XInteractionHandler,
                                   css::ucb::XProgressHandler> {
public:
    Reference<css::task::XInteractionHandler> SAL_CALL getInteractionHandler() override { return this; }
    Reference<css::ucb::XProgressHandler> SAL_CALL getProgressHandler() override { return this; }

    void SAL_CALL handle(const Reference<css::task::XInteractionRequest>& request) override {
        Reference<css::task::XInteractionContinuation> abort;
        for (const auto& continuation : request->getContinuations()) {
            Reference<css::task::XInteractionApprove> approve(continuation, UNO_QUERY);
            if (approve.is()) {
                approve->select();
                return;
            }
            if (Reference<css::task::XInteractionAbort>(continuation, UNO_QUERY).is()) abort = continuation;
        }
        uno::Exception e;
        if (request->getRequest() >>= e) {
            std::lock_guard guard(mutex_);
            last_error_ = u8(e.Message);
        }
        if (abort.is()) abort->select();
    }
    void SAL_CALL push(const uno::Any&) override {}
    void SAL_CALL update(const uno::Any&) override {}
    void SAL_CALL pop() override {}

    std::string last_error() {
        std::lock_guard guard(mutex_);
        return last_error_;
    }

private:
    std::mutex mutex_;
    std::string last_error_;
};

std::string unique_pipe_name() {
    static std::atomic<unsigned> counter{0};
    const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    return "kpi_office_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
           std::to_string(now % 1000000007);
}

// Seeds a new profile's settings: UI language, no first-start dialogs.
void seed_profile(const std::filesystem::path& profile, const std::string& ui_language) {
    const auto user = profile / "user";
    std::filesystem::create_directories(user);
    const auto file = user / "registrymodifications.xcu";
    if (std::filesystem::exists(file)) return;
    std::ofstream out(file);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
           "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
           "<item oor:path=\"/org.openoffice.Office.Common/Misc\"><prop oor:name=\"FirstRun\" "
           "oor:op=\"fuse\"><value>false</value></prop></item>\n"
           "<item oor:path=\"/org.openoffice.Office.Common/Misc\"><prop oor:name=\"ShowTipOfTheDay\" "
           "oor:op=\"fuse\"><value>false</value></prop></item>\n"
           "<item oor:path=\"/org.openoffice.Setup/Office\"><prop oor:name=\"ooSetupInstCompleted\" "
           "oor:op=\"fuse\"><value>true</value></prop></item>\n";
    if (!ui_language.empty()) {
        out << "<item oor:path=\"/org.openoffice.Office.Linguistic/General\"><prop oor:name=\"UILocale\" "
               "oor:op=\"fuse\"><value>"
            << ui_language
            << "</value></prop></item>\n"
               "<item oor:path=\"/org.openoffice.Setup/L10N\"><prop oor:name=\"ooLocale\" "
               "oor:op=\"fuse\"><value>"
            << ui_language << "</value></prop></item>\n";
    }
    out << "</oor:items>\n";
}

// Runs in the forked child, which leads the office's process group: starts the office and ends the
// whole group when either the office exits or our parent's end of the lifeline closes.
// Only async-signal-safe calls: the parent may have threads.
[[noreturn]] void watchdog(int lifeline, int log, char* const* argv, char* const* envp) {
    const pid_t office = fork();
    if (office == 0) {
        close(lifeline);
        if (log >= 0) {
            dup2(log, STDOUT_FILENO);
            dup2(log, STDERR_FILENO);
        }
        execve(argv[0], argv, envp);
        _exit(127);
    }
    if (office < 0) _exit(126);
    for (;;) {
        pollfd pfd{lifeline, POLLIN, 0};
        const int ready = poll(&pfd, 1, 200);
        if (ready > 0) {
            char byte;
            if (read(lifeline, &byte, 1) <= 0) break; // parent gone or asked us to end
        }
        int status = 0;
        if (waitpid(office, &status, WNOHANG) == office) break; // office ended by itself
    }
    kill(0, SIGKILL); // the whole group, this watchdog included
    _exit(0);
}

} // namespace

uno::Reference<uno::XComponentContext> local_context() {
    static std::once_flag once;
    static Reference<uno::XComponentContext> context;
    std::call_once(once, [] {
        setenv("URE_BOOTSTRAP", "vnd.sun.star.pathname:/usr/lib/libreoffice/program/fundamentalrc", 0);
        context = cppu::defaultBootstrap_InitialComponentContext();
    });
    return context;
}

std::string file_url(const std::filesystem::path& path) {
    OUString url;
    osl::FileBase::getFileURLFromSystemPath(ou(std::filesystem::absolute(path).lexically_normal().string()), url);
    return u8(url);
}

session::session(options opts) : opts_(std::move(opts)) {}

session::~session() {
    try {
        stop();
    } catch (...) {
        end_process_group();
    }
}

void session::start() {
    if (running()) return;
    // The URP bridge writes to the office's pipe with plain write(): when the office has already
    // gone (at the end of a run, or when it crashes), the kernel raises SIGPIPE, whose default
    // action kills this client. The bridge reports the broken pipe as an exception instead.
    std::signal(SIGPIPE, SIG_IGN);
    if (!profile_lock_)
        profile_lock_ = std::make_unique<profile_lock>(opts_.profile_dir);
    launch();
    try {
        connect();
    } catch (...) {
        end_process_group();
        throw;
    }
}

void session::launch() {
    seed_profile(opts_.profile_dir, opts_.ui_language);
    pipe_name_ = unique_pipe_name();

    std::vector<std::string> args{opts_.soffice.string()};
    if (opts_.headless) args.emplace_back("--headless");
    for (const char* a : {"--norestore", "--nologo", "--nodefault", "--nolockcheck"}) args.emplace_back(a);
    args.push_back("-env:UserInstallation=" + file_url(opts_.profile_dir));
    args.push_back("--accept=pipe,name=" + pipe_name_ + ";urp;StarOffice.ComponentContext");
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e)
        if (std::strncmp(*e, "URE_BOOTSTRAP=", 14) != 0 && std::strncmp(*e, "TMPDIR=", 7) != 0)
            env.emplace_back(*e);
    env.push_back("TMPDIR=" + office_temp_dir(opts_.profile_dir).string()); // leftovers provably ours

    std::vector<char*> argv, envp;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);

    // The office's own chatter (e.g. "failed to launch javaldx") goes to a log in the profile.
    const auto log_path = opts_.profile_dir / "office.log";
    const int log = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw office_error(std::string("pipe: ") + std::strerror(errno));
    const pid_t child = fork();
    if (child < 0) {
        if (log >= 0) close(log);
        close(fds[0]);
        close(fds[1]);
        throw office_error(std::string("fork: ") + std::strerror(errno));
    }
    if (child == 0) {
        setpgid(0, 0);
        close(fds[1]);
        watchdog(fds[0], log, argv.data(), envp.data());
    }
    if (log >= 0) close(log);
    setpgid(child, child); // also done by the child; whichever runs first wins the race
    close(fds[0]);
    lifeline_fd_ = fds[1];
    watchdog_pid_ = child;
}

void session::connect() {
    auto resolver = css::bridge::UnoUrlResolver::create(local_context());
    const OUString url = ou("uno:pipe,name=" + pipe_name_ + ";urp;StarOffice.ComponentContext");
    const auto deadline = std::chrono::steady_clock::now() + opts_.start_timeout;
    for (;;) {
        try {
            remote_context_.set(resolver->resolve(url), UNO_QUERY_THROW);
            return;
        } catch (const css::connection::NoConnectException&) {
        }
        int status = 0;
        if (waitpid(watchdog_pid_, &status, WNOHANG) == watchdog_pid_) {
            watchdog_pid_ = -1;
            throw office_error("LibreOffice exited while starting (" + opts_.soffice.string() + ")");
        }
        if (std::chrono::steady_clock::now() > deadline)
            throw office_error("LibreOffice did not accept a connection within " +
                               std::to_string(opts_.start_timeout.count()) + " s");
        std::this_thread::sleep_for(100ms);
    }
}

void session::stop() {
    if (!running()) return;
    bool terminated = false;
    try {
        if (remote_context_.is()) terminated = desktop()->terminate();
    } catch (const uno::Exception&) {
        terminated = true; // the bridge went away with the office: the expected outcome
    }
    remote_context_.clear();
    if (terminated) {
        const auto deadline = std::chrono::steady_clock::now() + 30s;
        while (std::chrono::steady_clock::now() < deadline) {
            int status = 0;
            if (waitpid(watchdog_pid_, &status, WNOHANG) == watchdog_pid_) {
                watchdog_pid_ = -1;
                break;
            }
            std::this_thread::sleep_for(50ms);
        }
    }
    end_process_group();
}

void session::end_process_group() {
    if (watchdog_pid_ > 0) {
        kill(-watchdog_pid_, SIGKILL);
        int status = 0;
        while (waitpid(watchdog_pid_, &status, 0) < 0 && errno == EINTR) {
        }
        watchdog_pid_ = -1;
    }
    if (lifeline_fd_ >= 0) {
        close(lifeline_fd_);
        lifeline_fd_ = -1;
    }
    remote_context_.clear();
}

void session::restart() {
    stop();
    start();
}

uno::Reference<uno::XComponentContext> session::context() const {
    if (!remote_context_.is()) throw office_error("no office is running");
    return remote_context_;
}

uno::Reference<css::frame::XDesktop2> session::desktop() const {
    return css::frame::Desktop::create(context());
}

std::string session::installed_version(const std::string& identifier) const {
    rtl::Reference<approving_environment> env(new approving_environment);
    auto manager = css::deployment::ExtensionManager::get(context());
    const auto packages = manager->getDeployedExtensions("user", {}, Reference<css::ucb::XCommandEnvironment>(env.get()));
    for (const auto& package : packages) {
        if (!package.is()) continue;
        const auto id = package->getIdentifier();
        if (id.IsPresent && u8(id.Value) == identifier) return u8(package->getVersion());
    }
    return {};
}

bool session::install_extension(const std::filesystem::path& oxt) {
    if (!std::filesystem::exists(oxt)) throw office_error("extension not found: " + oxt.string());
    rtl::Reference<approving_environment> env(new approving_environment);
    auto manager = css::deployment::ExtensionManager::get(context());
    Reference<css::deployment::XPackage> package;
    try {
        package = manager->addExtension(ou(file_url(oxt)), {}, "user", {}, Reference<css::ucb::XCommandEnvironment>(env.get()));
    } catch (const uno::Exception& e) {
        throw office_error("installing " + oxt.string() + " failed: " + u8(e.Message) + " " + env->last_error());
    }
    if (!package.is()) throw office_error("installing " + oxt.string() + " failed: " + env->last_error());
    return true;
}

uno::Reference<css::lang::XComponent> session::load(const std::string& url, bool hidden, bool read_only, const std::string& what) const {
    Reference<css::frame::XComponentLoader> loader(desktop(), UNO_QUERY_THROW);
    Sequence<css::beans::PropertyValue> props(read_only ? 2 : 1);
    props.getArray()[0].Name = "Hidden";
    props.getArray()[0].Value <<= hidden;
    if (read_only) {
        props.getArray()[1].Name = "ReadOnly";
        props.getArray()[1].Value <<= true;
    }
    auto doc = loader->loadComponentFromURL(ou(url), "_blank", 0, props);
    if (!doc.is()) throw office_error("could not open " + what);
    return doc;
}

uno::Reference<css::lang::XComponent> session::open(const std::filesystem::path& file, bool read_only) const {
    return load(file.empty() ? std::string("private:factory/scalc") : file_url(file), opts_.hidden_documents, read_only,
                file.string());
}

uno::Reference<css::lang::XComponent> session::new_spreadsheet() const { return open({}); }

uno::Reference<css::lang::XComponent> session::new_spreadsheet_with_view() const {
    return load("private:factory/scalc", false, false, "a new spreadsheet");
}

} // namespace kpi::office
