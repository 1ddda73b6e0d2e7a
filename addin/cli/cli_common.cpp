#include "cli.hpp"

#include <kpi/catalog.hpp> // kpi::text

#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include <cerrno>
#include <fstream>

namespace kpi::cli {

namespace fs = std::filesystem;

OUString ou(const std::string& s) { return OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8); }
std::string u8(const OUString& s) {
    const OString o = OUStringToOString(s, RTL_TEXTENCODING_UTF8);
    return std::string(o.getStr(), static_cast<std::size_t>(o.getLength()));
}

void prepare_office(const environment& env) {
    auto& office = env.office;
    if (office.running()) return;
    if (!fs::exists(env.oxt)) throw office::office_error("the extension is missing: " + env.oxt.string());
    const auto stamp_file = office.settings().profile_dir / "kpi-extension.stamp";
    const std::string stamp = std::string(KPI_VERSION) + " " + std::to_string(fs::file_size(env.oxt)) + " " +
                              std::to_string(fs::last_write_time(env.oxt).time_since_epoch().count());
    std::string installed_stamp;
    if (std::ifstream in(stamp_file); in) std::getline(in, installed_stamp);
    office.start();
    if (installed_stamp == stamp && office.installed_version(KPI_EXTENSION_ID) == KPI_VERSION) return;
    office.install_extension(env.oxt);
    std::ofstream(stamp_file) << stamp << "\n";
    office.restart(); // the add-in and its configuration are live after a restart
}

css::uno::Reference<css::lang::XComponent> open_workbook(const environment& env, const fs::path& file,
                                                         bool read_only) {
    prepare_office(env);
    const bool vi = ui_language() == "vi";
    css::uno::Reference<css::lang::XComponent> doc;
    std::string reason;
    try {
        doc = env.office.open(fs::absolute(file), read_only);
    } catch (const office::office_error& e) {
        reason = e.what();
    } catch (const css::uno::Exception& e) {
        reason = uno_glue::plain_office_reason(u8(e.Message), ui_language());
    }
    if (!doc.is() && !office_alive(env))
        throw office::office_error(
            (vi ? "LibreOffice đã dừng khi đang mở " : "LibreOffice stopped while opening ") + file.string() +
            (vi ? "; tệp không bị thay đổi. Hãy chạy lại lệnh."
                : "; the file was not changed. Run the command again."));
    if (doc.is() && !css::uno::Reference<css::sheet::XSpreadsheetDocument>(doc, css::uno::UNO_QUERY).is()) {
        close_document(doc);
        doc.clear();
        reason.clear();
    }
    if (!doc.is())
        throw unreadable_workbook(file.string() +
                                  (vi ? " không phải bảng tính LibreOffice mở được"
                                      : " is not a spreadsheet LibreOffice can open") +
                                  (reason.empty() ? std::string() : " (" + reason + ")") +
                                  (vi ? ": hãy cho một bảng tính .ods, .xlsx hoặc .fods."
                                      : ": give an .ods, .xlsx or .fods workbook."));
    return doc;
}

void close_document(const css::uno::Reference<css::lang::XComponent>& doc) {
    css::uno::Reference<css::util::XCloseable> closeable(doc, css::uno::UNO_QUERY);
    if (closeable.is())
        closeable->close(true);
    else if (doc.is())
        doc->dispose();
}

std::string ui_language() {
    return office::message_language();
}

bool office_alive(const environment& env) {
    try {
        if (!env.office.running())
            return false;
        env.office.desktop()->getComponents();
        return true;
    } catch (...) {
        return false;
    }
}

void throw_if_office_died(const environment& env, const fs::path& file) {
    if (office_alive(env))
        return;
    const bool vi = ui_language() == "vi";
    throw office::office_error(
        (vi ? "LibreOffice đã dừng khi đang xử lý " : "LibreOffice stopped while working on ") +
        file.string() +
        (vi ? "; tệp vẫn giữ nguyên. Hãy chạy lại lệnh."
            : "; the file was left as it was. Run the command again."));
}

void check_output(const environment& env, const fs::path& output, const std::vector<fs::path>& inputs) {
    uno_glue::check_not_an_input(output, inputs);
    uno_glue::check_writable(output);
    prepare_office(env); // holds the profile's lock: a lock file of this profile is a stale one of ours
    uno_glue::check_not_locked(output, office::file_url(env.office.settings().profile_dir));
}

namespace {

std::string fill(std::string_view pattern, const std::string& path, const std::string& reason) {
    std::string s(pattern);
    if (const auto at = s.find("{path}"); at != std::string::npos)
        s.replace(at, 6, path);
    if (const auto at = s.find("{reason}"); at != std::string::npos)
        s.replace(at, 8, reason);
    return s;
}

} // namespace

int write_error_code(const uno_glue::write_error& e) {
    using k = uno_glue::write_error::kind;
    const auto kind = e.what_kind();
    return kind == k::same_as_input || kind == k::missing_folder || kind == k::not_a_file ? exit_bad_input
                                                                                          : exit_cannot_write;
}

int report_exception(const std::string& command, std::exception_ptr error, const std::string& language) {
    const std::string prefix = "kpi" + (command.empty() ? std::string() : " " + command) + ": ";
    try {
        std::rethrow_exception(error);
    } catch (const office::profile_busy& e) {
        std::cerr << prefix << e.what() << "\n";
        return exit_busy;
    } catch (const uno_glue::write_error& e) {
        std::cerr << prefix << uno_glue::describe(e, language) << "\n";
        return write_error_code(e);
    } catch (const unreadable_workbook& e) {
        std::cerr << prefix << e.what() << "\n";
        return exit_bad_input;
    } catch (const office::office_error& e) {
        std::cerr << prefix << e.what() << "\n";
        return exit_failure;
    } catch (const css::uno::Exception& e) {
        std::cerr
            << prefix
            << fill(kpi::text{"LibreOffice failed ({reason}); nothing was written. Run the command again.",
                              "LibreOffice gặp lỗi ({reason}); chưa ghi gì. Hãy chạy lại lệnh."}
                        .in(language),
                    "", uno_glue::plain_office_reason(u8(e.Message), language))
            << "\n";
        return exit_failure;
    } catch (const fs::filesystem_error& e) {
        const int code = e.code().value();
        const bool write = code == ENOSPC || code == EROFS || code == EDQUOT;
        std::cerr << prefix
                  << fill(write
                              ? kpi::text{"cannot write {path}: {reason}. Free some space or choose another "
                                          "folder, then run the command again.",
                                          "không ghi được {path}: {reason}. Hãy giải phóng dung lượng hoặc "
                                          "chọn thư mục khác rồi chạy lại lệnh."}
                                    .in(language)
                              : kpi::text{"cannot use {path}: {reason}. Check that the path is right and "
                                          "that you may open it.",
                                          "không dùng được {path}: {reason}. Hãy kiểm tra đường dẫn và "
                                          "quyền truy cập."}
                                    .in(language),
                          e.path1().string(), e.code().message())
                  << "\n";
        return write ? exit_cannot_write : exit_bad_input;
    } catch (const std::exception& e) {
        std::cerr << prefix
                  << fill(kpi::text{"unexpected failure ({reason}); run the command again.",
                                    "lỗi không lường trước ({reason}); hãy chạy lại lệnh."}
                              .in(language),
                          "", e.what())
                  << "\n";
        return exit_failure;
    } catch (...) {
        std::cerr << prefix
                  << kpi::text{"unexpected failure; run the command again.",
                               "lỗi không lường trước; hãy chạy lại lệnh."}
                         .in(language)
                  << "\n";
        return exit_failure;
    }
    return exit_failure;
}

} // namespace kpi::cli
