// Where a menu command writes a file of its own ("Export KPI report...", "Copy for sharing..."): from
// the dispatch arguments (scripts and tests: URL, Format, Overwrite) or from LibreOffice's save dialog,
// which opens in the document's folder and asks itself before it replaces a file.
#pragma once

#include "commands.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kpi::uno_glue {

struct save_filter {
    std::string title;   // "PDF document (.pdf)", in the UI language
    std::string pattern; // "*.pdf"
    std::string format;  // the command's key for it: "pdf"
};

struct save_target {
    rtl::OUString url;
    std::string format;     // a save_filter::format, "" when the arguments gave none
    bool overwrite = false; // the dialog asked already, or the arguments allow it
};

// The dispatch arguments URL, Format and Overwrite=true, when URL is there.
[[nodiscard]] std::optional<save_target> target_from_arguments(const command_context& ctx);

// The save dialog; nullopt when cancelled. The first filter is the default.
[[nodiscard]] std::optional<save_target> ask_save_target(const command_context& ctx, const std::string& title,
                                                         const std::vector<save_filter>& filters,
                                                         const std::string& default_name);

// The document's file name without extension ("" for a new document), and the folder URL it is in.
[[nodiscard]] std::string document_stem(const command_context& ctx);

// The file a menu command writes, as the user (or a script) chose it.
struct output_file {
    save_target target;
    std::string path; // the local path of target.url
};

// target_from_arguments, else ask_save_target; a URL that is not a local file is refused with a message
// box titled `title` in the UI language `ui`. nullopt: cancelled or refused.
[[nodiscard]] std::optional<output_file> choose_output_file(const command_context& ctx, const std::string& ui,
                                                            const std::string& title,
                                                            const std::vector<save_filter>& filters,
                                                            const std::string& default_name);

// True, after a message box, when the file exists and may not be replaced (neither the dialog nor the
// Overwrite argument allowed it).
[[nodiscard]] bool refuse_existing_file(const command_context& ctx, const std::string& ui, const std::string& title,
                                        const output_file& file);

} // namespace kpi::uno_glue
