#include "atomic_file.hpp"

#include <kpi/catalog.hpp> // kpi::text

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace kpi::uno_glue {

namespace fs = std::filesystem;

namespace {

// Temporaries are named ".kpi~HOST~PID~N~NAME": a later run on the same host can tell a killed
// run's leftover (its process is gone) from a file another command is writing now.
constexpr std::string_view temp_prefix = ".kpi~";

void replace_all(std::string& s, std::string_view key, const std::string& value) {
    for (std::size_t at = s.find(key); at != std::string::npos; at = s.find(key, at + value.size()))
        s.replace(at, key.size(), value);
}

// A symbolic link's final target (relative links resolved against their folder); other paths as given.
fs::path resolve_links(const fs::path& target) {
    fs::path p = fs::absolute(target).lexically_normal();
    for (int hops = 0; hops < 40; ++hops) {
        std::error_code ec;
        const auto status = fs::symlink_status(p, ec);
        if (ec || !fs::is_symlink(status))
            break;
        const auto link = fs::read_symlink(p, ec);
        if (ec)
            break;
        p = (link.is_absolute() ? link : p.parent_path() / link).lexically_normal();
    }
    return p;
}

bool process_gone(long pid) {
    return pid > 0 && kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

write_error::kind kind_of_errno(int error) {
    switch (error) {
    case ENOSPC:
    case EDQUOT:
        return write_error::kind::disk_full;
    case EROFS:
    case EACCES:
    case EPERM:
        return write_error::kind::read_only_folder;
    case ENOENT:
        return write_error::kind::missing_folder;
    default:
        return write_error::kind::other;
    }
}

// Less than this much free space after a failed write: the disk was full.
constexpr unsigned long long nearly_full = 1024ULL * 1024ULL;

bool device_full(const fs::path& folder) {
    struct statvfs s {};
    if (statvfs(folder.c_str(), &s) != 0)
        return false;
    return static_cast<unsigned long long>(s.f_bavail) * s.f_frsize < nearly_full;
}

} // namespace

write_error::write_error(kind k, fs::path file, std::string detail)
    : std::runtime_error(file.string() + (detail.empty() ? std::string() : ": " + detail)), kind_(k),
      file_(std::move(file)), detail_(std::move(detail)) {}

std::string describe(const write_error& e, std::string_view language) {
    using k = write_error::kind;
    kpi::text t{};
    switch (e.what_kind()) {
    case k::missing_folder:
        t = {"The folder {folder} does not exist: create it first, or choose another place for {file}.",
             "Thư mục {folder} không tồn tại: hãy tạo thư mục trước hoặc chọn nơi khác cho {file}."};
        break;
    case k::read_only_file:
        t = {"{file} is read-only: allow writing to it (chmod u+w {file}) or write to another file with -o.",
             "{file} chỉ cho phép đọc: hãy cho phép ghi (chmod u+w {file}) hoặc ghi ra tệp khác bằng -o."};
        break;
    case k::read_only_folder:
        t = {
            "Cannot write in the folder {folder} (no permission, or a read-only disk): {file} was left as it "
            "was; choose another folder.",
            "Không ghi được vào thư mục {folder} (không có quyền hoặc ổ đĩa chỉ đọc): {file} vẫn giữ nguyên; "
            "hãy chọn thư mục khác."};
        break;
    case k::locked:
        t = {"{file} is open in LibreOffice by {detail}: close it there, then run the command again.",
             "{file} đang được mở trong LibreOffice bởi {detail}: hãy đóng tệp ở đó rồi chạy lại lệnh."};
        break;
    case k::disk_full:
        t = {"The disk holding {folder} is full: {file} was left as it was; free some space and run the "
             "command "
             "again.",
             "Ổ đĩa chứa {folder} đã đầy: {file} vẫn giữ nguyên; hãy giải phóng dung lượng rồi chạy lại "
             "lệnh."};
        break;
    case k::same_as_input:
        t = {"The output {file} is an input workbook itself (or a link to it): choose another output file.",
             "Tệp kết quả {file} chính là một bảng tính đầu vào (hoặc liên kết tới nó): hãy chọn tệp kết quả "
             "khác."};
        break;
    case k::not_a_file:
        t = {"{file} is a folder or a device, not a file: give a file name.",
             "{file} là thư mục hoặc thiết bị, không phải tệp: hãy cho một tên tệp."};
        break;
    case k::other:
        t = {"Could not write {file} ({detail}); it was left as it was. Check the disk and run the command "
             "again.",
             "Không ghi được {file} ({detail}); tệp vẫn giữ nguyên. Hãy kiểm tra ổ đĩa rồi chạy lại lệnh."};
        break;
    }
    std::string s(t.in(language));
    std::string detail = e.detail();
    if (e.what_kind() == k::locked) {
        // detail: "NAME\nHOST\nSINCE"
        std::istringstream in(detail);
        std::string name, host, since;
        std::getline(in, name);
        std::getline(in, host);
        std::getline(in, since);
        const bool vi = language.substr(0, 2) == "vi";
        detail = (name.empty() ? (vi ? "người dùng khác" : "another user") : name) +
                 (host.empty() ? "" : (vi ? " trên máy " : " on ") + host) +
                 (since.empty() ? "" : (vi ? " từ " : " since ") + since);
    }
    const fs::path folder = e.what_kind() == k::missing_folder || e.what_kind() == k::read_only_folder ||
                                    e.what_kind() == k::disk_full
                                ? resolve_links(e.file()).parent_path()
                                : fs::path();
    if (e.what_kind() == k::other)
        detail = plain_office_reason(detail, language);
    replace_all(s, "{detail}", detail);
    replace_all(s, "{folder}", folder.string());
    replace_all(s, "{file}", e.file().string());
    return s;
}

std::string plain_office_reason(const std::string& message, std::string_view language) {
    const auto at = message.find("Class:");
    if (at == std::string::npos) {
        if (message.find("0x") == std::string::npos)
            return message;
        return std::string(
            kpi::text{"an error LibreOffice did not explain", "một lỗi LibreOffice không giải thích"}.in(
                language));
    }
    auto end = message.find_first_of(" )", at);
    const std::string cls =
        message.substr(at + 6, end == std::string::npos ? std::string::npos : end - at - 6);
    struct entry {
        std::string_view cls;
        kpi::text words;
    };
    static constexpr entry table[] = {
        {"Access", {"access denied", "bị từ chối quyền truy cập"}},
        {"Path", {"the path is wrong", "đường dẫn không đúng"}},
        {"NotExists", {"the file or folder does not exist", "tệp hoặc thư mục không tồn tại"}},
        {"AlreadyExists", {"the file already exists", "tệp đã tồn tại"}},
        {"Locking", {"the file is locked", "tệp đang bị khoá"}},
        {"Space", {"not enough space on the disk", "không đủ dung lượng ổ đĩa"}},
        {"Read", {"a read error", "lỗi đọc"}},
        {"Write", {"a write error", "lỗi ghi"}},
        {"Create", {"the file could not be created", "không tạo được tệp"}},
        {"Format", {"a file format LibreOffice cannot read", "định dạng tệp LibreOffice không đọc được"}},
        {"Import", {"a file LibreOffice cannot import", "tệp LibreOffice không nhập được"}},
        {"Export", {"the export failed", "xuất tệp thất bại"}},
        {"Version", {"a file version LibreOffice cannot read", "phiên bản tệp LibreOffice không đọc được"}},
        {"Abort", {"the operation was cancelled", "thao tác bị huỷ"}},
    };
    for (const auto& e : table)
        if (e.cls == cls)
            return std::string(e.words.in(language));
    return std::string(
        kpi::text{"an error LibreOffice did not explain", "một lỗi LibreOffice không giải thích"}.in(
            language));
}

fs::path lock_file_of(const fs::path& document) {
    const auto resolved = resolve_links(document);
    return resolved.parent_path() / (".~lock." + resolved.filename().string() + "#");
}

std::optional<lock_owner> read_lock_file(const fs::path& document) {
    std::ifstream in(lock_file_of(document), std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    // Fields separated by ',', ended by ';', '\' escapes the next character.
    std::vector<std::string> fields(1);
    const std::string s = bytes.str();
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\\' && i + 1 < s.size())
            fields.back() += s[++i];
        else if (c == ',')
            fields.emplace_back();
        else if (c == ';')
            break;
        else if (c != '\n' && c != '\r')
            fields.back() += c;
    }
    fields.resize(5);
    return lock_owner{fields[0], fields[1], fields[2], fields[3], fields[4]};
}

std::string host_name() {
    char buffer[256] = {};
    if (gethostname(buffer, sizeof buffer - 1) != 0)
        return {};
    return buffer;
}

void check_not_locked(const fs::path& document, const std::string& own_profile_url) {
    const auto owner = read_lock_file(document);
    if (!owner)
        return;
    auto same_profile = [](std::string a, std::string b) {
        while (!a.empty() && a.back() == '/')
            a.pop_back();
        while (!b.empty() && b.back() == '/')
            b.pop_back();
        return !a.empty() && a == b;
    };
    if (owner->host == host_name() && same_profile(owner->profile_url, own_profile_url)) {
        std::error_code ec;
        fs::remove(lock_file_of(document), ec); // our own killed run's: no office of ours has it open
        return;
    }
    throw write_error(write_error::kind::locked, document,
                      (owner->name.empty() ? owner->system_user : owner->name) + "\n" + owner->host + "\n" +
                          owner->since);
}

void check_not_an_input(const fs::path& output, const std::vector<fs::path>& inputs) {
    const auto out_resolved = resolve_links(output);
    for (const auto& input : inputs) {
        std::error_code ec;
        if (fs::equivalent(output, input, ec) && !ec)
            throw write_error(write_error::kind::same_as_input, output);
        if (out_resolved == resolve_links(input))
            throw write_error(write_error::kind::same_as_input, output);
        const auto a = fs::weakly_canonical(output, ec);
        std::error_code ec2;
        const auto b = fs::weakly_canonical(input, ec2);
        if (!ec && !ec2 && a == b)
            throw write_error(write_error::kind::same_as_input, output);
    }
}

void check_writable(const fs::path& target) {
    const auto resolved = resolve_links(target);
    const auto folder = resolved.parent_path();
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw write_error(write_error::kind::missing_folder, target);
    struct stat st {};
    const bool exists = ::stat(resolved.c_str(), &st) == 0;
    if (exists && !S_ISREG(st.st_mode))
        throw write_error(write_error::kind::not_a_file, target);
    // The folder first: a read-only disk says so, rather than calling each file read-only.
    if (::access(folder.c_str(), W_OK | X_OK) != 0)
        throw write_error(write_error::kind::read_only_folder, target, std::strerror(errno));
    // No write bit at all: read-only even for root, who passes access().
    if (exists &&
        ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 || ::access(resolved.c_str(), W_OK) != 0))
        throw write_error(write_error::kind::read_only_file, target);
}

std::size_t remove_stale_temporaries(const fs::path& folder) {
    std::size_t removed = 0;
    const std::string host = host_name();
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind(temp_prefix, 0) != 0)
            continue;
        // .kpi~HOST~PID~N~NAME
        const auto h_end = name.find('~', temp_prefix.size());
        if (h_end == std::string::npos)
            continue;
        const auto p_end = name.find('~', h_end + 1);
        if (p_end == std::string::npos)
            continue;
        if (name.substr(temp_prefix.size(), h_end - temp_prefix.size()) != host)
            continue;
        long pid = 0;
        try {
            pid = std::stol(name.substr(h_end + 1, p_end - h_end - 1));
        } catch (const std::exception&) {
            continue;
        }
        if (pid == static_cast<long>(getpid()) || !process_gone(pid))
            continue;
        std::error_code rm;
        if (fs::remove_all(it->path(), rm) > 0 && !rm)
            ++removed;
    }
    return removed;
}

atomic_file::atomic_file(const fs::path& target) : target_(target) {
    check_writable(target);
    resolved_ = resolve_links(target);
    remove_stale_temporaries(resolved_.parent_path());
    static std::atomic<unsigned> counter{0};
    temp_ =
        resolved_.parent_path() / (std::string(temp_prefix) + host_name() + "~" + std::to_string(getpid()) +
                                   "~" + std::to_string(counter++) + "~" + resolved_.filename().string());
}

atomic_file::~atomic_file() {
    if (committed_)
        return;
    std::error_code ec;
    fs::remove_all(temp_, ec);
}

void atomic_file::fail(const std::string& fallback_detail) const {
    std::error_code ec;
    fs::remove_all(temp_, ec); // frees the space a half-written temporary holds before we look
    if (device_full(resolved_.parent_path()))
        throw write_error(write_error::kind::disk_full, target_);
    if (::access(resolved_.parent_path().c_str(), W_OK | X_OK) != 0)
        throw write_error(write_error::kind::read_only_folder, target_, std::strerror(errno));
    throw write_error(write_error::kind::other, target_, fallback_detail);
}

bool atomic_file::commit() {
    const int fd = ::open(temp_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        fail("the new content was not written");
    bool other_links = false;
    struct stat old {};
    if (::stat(resolved_.c_str(), &old) == 0) {
        other_links = old.st_nlink > 1;
        // The owner first (as root: the file stays its owner's), then the mode (chown clears set-id bits).
        // A user who may not give the file away keeps it as their own: nothing to do then.
        if (::fchown(fd, old.st_uid, old.st_gid) != 0 && errno != EPERM) {
            const int error = errno;
            ::close(fd);
            throw write_error(kind_of_errno(error), target_, std::strerror(error));
        }
        if (::fchmod(fd, old.st_mode & 07777) != 0) {
            const int error = errno;
            ::close(fd);
            throw write_error(kind_of_errno(error), target_, std::strerror(error));
        }
    }
    if (::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        if (error == ENOSPC || error == EDQUOT)
            fail("no space left");
        throw write_error(kind_of_errno(error), target_, std::strerror(error));
    }
    ::close(fd);
    if (::rename(temp_.c_str(), resolved_.c_str()) != 0) {
        const int error = errno;
        throw write_error(kind_of_errno(error), target_, std::strerror(error));
    }
    committed_ = true;
    const int dir = ::open(resolved_.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir); // the rename itself on disk
        ::close(dir);
    }
    return other_links;
}

void write_file_atomically(const fs::path& target, std::string_view bytes) {
    atomic_file file(target);
    const int fd = ::open(file.temporary().c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0)
        file.fail(std::strerror(errno));
    std::size_t done = 0;
    while (done < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int error = errno;
            ::close(fd);
            file.fail(std::strerror(error));
        }
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    file.commit();
}

} // namespace kpi::uno_glue
