// Documents the commands make for themselves: loaded hidden and always closed, stored by filter name,
// temporary files removed. Shared by the template builder, the report writer and the sharing copy.
#pragma once

#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <filesystem>
#include <string>
#include <string_view>

namespace kpi::uno_glue {

// A document loaded hidden (never shown) from a URL ("private:factory/scalc" for a new spreadsheet);
// closed when this object goes, whatever happened meanwhile.
class hidden_document {
public:
    hidden_document(const css::uno::Reference<css::uno::XComponentContext>& context, const rtl::OUString& url);
    ~hidden_document();
    hidden_document(const hidden_document&) = delete;
    hidden_document& operator=(const hidden_document&) = delete;
    [[nodiscard]] const css::uno::Reference<css::lang::XComponent>& component() const noexcept { return doc_; }

private:
    css::uno::Reference<css::lang::XComponent> doc_;
};

// storeToURL with a filter ("calc8", "calc_pdf_Export", ...), replacing a file that is there: the
// callers have asked. The document keeps its own location and modified state. A local file is written
// atomically (atomic_file.hpp): stored to a temporary beside the target, then renamed over it; throws
// write_error (read-only, missing folder, disk full, ...). Returns true when the replaced file had
// other hard links (they keep the old content).
bool store_to_url(const css::uno::Reference<css::lang::XComponent>& document, const std::string& url,
                  std::string_view filter);

// A file in the temporary folder with a name of its own (pid and a counter), removed when this goes.
class temporary_file {
public:
    explicit temporary_file(std::string_view extension); // "ods", "fods"
    ~temporary_file();
    temporary_file(const temporary_file&) = delete;
    temporary_file& operator=(const temporary_file&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
    [[nodiscard]] std::string url() const; // file:///tmp/...

private:
    std::filesystem::path path_;
};

// The system path of a file URL, "" when the URL is not a file's.
[[nodiscard]] std::string system_path(const rtl::OUString& url);

// After loading: the values the document shows brought up to date as cheaply as is safe. A document
// LibreOffice saved with automatic calculation on carries its computed values (volatile cells are
// computed again on load): only cells still dirty are computed (XCalculatable::calculate). Any other
// document (another generator, automatic calculation off, a file without cached values) is recalculated
// in full (calculateAll). Gives true when it recalculated in full.
bool bring_values_up_to_date(const css::uno::Reference<css::lang::XComponent>& document);

} // namespace kpi::uno_glue
