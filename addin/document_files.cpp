#include "document_files.hpp"

#include "atomic_file.hpp"
#include "uno_strings.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <osl/file.hxx>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <mutex>
#include <unistd.h>

namespace kpi::uno_glue {

using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

hidden_document::hidden_document(const Reference<css::uno::XComponentContext>& context, const OUString& url) {
    Reference<css::frame::XComponentLoader> loader(css::frame::Desktop::create(context), UNO_QUERY_THROW);
    css::beans::PropertyValue hidden;
    hidden.Name = "Hidden";
    hidden.Value <<= true;
    doc_ = loader->loadComponentFromURL(url, "_blank", 0, css::uno::Sequence<css::beans::PropertyValue>(&hidden, 1));
    if (!doc_.is()) throw css::uno::RuntimeException(OUString("cannot open ") + url);
}

hidden_document::~hidden_document() {
    try {
        Reference<css::util::XCloseable> closeable(doc_, UNO_QUERY);
        if (closeable.is()) closeable->close(true);
        else if (doc_.is()) doc_->dispose();
    } catch (...) {
        // Closing a document the office already dropped: nothing left to do.
    }
}

bool store_to_url(const Reference<css::lang::XComponent>& document, const std::string& url,
                  std::string_view filter) {
    css::beans::PropertyValue filter_name;
    filter_name.Name = "FilterName";
    filter_name.Value <<= from_utf8(filter);
    css::beans::PropertyValue overwrite;
    overwrite.Name = "Overwrite";
    overwrite.Value <<= true;
    const auto properties = make_sequence<css::beans::PropertyValue>({filter_name, overwrite});
    Reference<css::frame::XStorable> storable(document, UNO_QUERY_THROW);
    const std::string path = system_path(from_utf8(url));
    if (path.empty()) { // not a local file (the office's own temporary storage, a remote URL): as asked
        storable->storeToURL(from_utf8(url), properties);
        return false;
    }
    // A temporary beside the target, stored by the office, then renamed over the target by us.
    atomic_file file(path);
    OUString temp_url;
    osl::FileBase::getFileURLFromSystemPath(from_utf8(file.temporary().string()), temp_url);
    try {
        storable->storeToURL(temp_url, properties);
    } catch (const css::uno::Exception& e) {
        file.fail(to_utf8(e.Message));
    }
    return file.commit();
}

temporary_file::temporary_file(std::string_view extension) {
    static std::atomic<int> counter{0};
    static std::once_flag clean;
    std::call_once(clean, [] {
        // "kpi-PID-N.ext" left by a killed process of ours (the process is gone): removed.
        std::error_code ec;
        for (std::filesystem::directory_iterator it(std::filesystem::temp_directory_path(ec), ec), end;
             !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (name.rfind("kpi-", 0) != 0)
                continue;
            const auto dash = name.find('-', 4);
            if (dash == std::string::npos || dash == 4 || dash > 13)
                continue;
            if (name.find_first_not_of("0123456789", 4) != dash)
                continue;
            const long pid = std::stol(name.substr(4, dash - 4));
            if (pid > 0 && kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
                std::error_code rm;
                std::filesystem::remove(it->path(), rm);
            }
        }
    });
    path_ = std::filesystem::temp_directory_path() /
            ("kpi-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + "." + std::string(extension));
}

temporary_file::~temporary_file() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
}

std::string temporary_file::url() const { return "file://" + std::filesystem::absolute(path_).string(); }

std::string system_path(const OUString& url) {
    OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None) return {};
    return to_utf8(path);
}

bool bring_values_up_to_date(const css::uno::Reference<css::lang::XComponent>& document) {
    css::uno::Reference<css::sheet::XCalculatable> calculation(document, css::uno::UNO_QUERY_THROW);
    bool saved_by_libreoffice = false;
    if (css::uno::Reference<css::document::XDocumentPropertiesSupplier> supplier{document, css::uno::UNO_QUERY};
        supplier.is())
        saved_by_libreoffice = supplier->getDocumentProperties()->getGenerator().startsWith("LibreOffice/");
    if (saved_by_libreoffice && calculation->isAutomaticCalculationEnabled()) {
        calculation->calculate();
        return false;
    }
    calculation->calculateAll();
    return true;
}

} // namespace kpi::uno_glue
