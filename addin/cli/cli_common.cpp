#include "cli.hpp"

#include <com/sun/star/util/XCloseable.hpp>

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

css::uno::Reference<css::lang::XComponent> open_workbook(const environment& env, const fs::path& file) {
    prepare_office(env);
    try {
        return env.office.open(file, true);
    } catch (const css::uno::Exception& e) {
        throw office::office_error("cannot open " + file.string() + ": " + u8(e.Message));
    }
}

void close_document(const css::uno::Reference<css::lang::XComponent>& doc) {
    css::uno::Reference<css::util::XCloseable> closeable(doc, css::uno::UNO_QUERY);
    if (closeable.is()) closeable->close(true);
    else if (doc.is()) doc->dispose();
}

} // namespace kpi::cli
