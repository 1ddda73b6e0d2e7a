// Shared by the kpi tool's commands.
#pragma once

#include "atomic_file.hpp"
#include "office_session.hpp"

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace kpi::cli {

using rtl::OString;
using rtl::OUString;

// The same in every command (README, docs/reliability.md).
enum exit_code : int {
    exit_ok = 0,
    exit_flagged = 1,      // `audit`: at least one KPI is flagged
    exit_bad_input = 2,    // missing or unreadable file, not a spreadsheet, no register, wrong arguments,
                           // an output that is an input, an output folder that does not exist, a file
                           // that exists without --force
    exit_failure = 3,      // the office failed (did not start, stopped while loading or storing)
    exit_cannot_write = 4, // the output could not be written: read-only file or folder, open in
                           // LibreOffice by someone else, disk full; the file was left as it was
    exit_busy = 5,         // the office profile stayed in use by another kpi command (timeout)
};

// A workbook the office cannot open as a spreadsheet (exit_bad_input); what() is the sentence.
class unreadable_workbook : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// exit_bad_input for an output that must not be written (an input, a missing folder, not a file),
// exit_cannot_write for one that could not be.
int write_error_code(const uno_glue::write_error& e);

// "vi" or "en": from LC_ALL / LC_MESSAGES / LANG.
std::string ui_language();

// The exit code and sentence (in `language`) for any exception: the one place failures become
// messages, shared by every command and the tool's top level.
int report_exception(const std::string& command, std::exception_ptr error, const std::string& language);

struct environment {
    office::session& office;
    std::filesystem::path oxt;
};

// Before writing `output`: not an input workbook (or a link to one), its folder exists, it can be
// written, no one else has it open in LibreOffice (our own stale lock file is removed). Starts the
// office (prepare_office). Throws uno_glue::write_error.
void check_output(const environment& env, const std::filesystem::path& output,
                  const std::vector<std::filesystem::path>& inputs);

// True while the office still answers over the bridge.
bool office_alive(const environment& env);
// In a catch block: when the office has gone, throws office_error ("LibreOffice stopped while working
// on FILE; it was left as it was", exit 3) instead of the error its going caused.
void throw_if_office_died(const environment& env, const std::filesystem::path& file);

// Starts the office and makes sure this build of the extension is installed in its profile.
void prepare_office(const environment& env);

// Opens a spreadsheet hidden (read-only unless asked); throws unreadable_workbook (not a spreadsheet,
// cannot be opened) or office::office_error (the office stopped while loading it).
css::uno::Reference<css::lang::XComponent>
open_workbook(const environment& env, const std::filesystem::path& file, bool read_only = true);
void close_document(const css::uno::Reference<css::lang::XComponent>& doc);

OUString ou(const std::string& s);
std::string u8(const OUString& s);

// Commands: arguments after the command name.
int run_recalc(const environment& env, const std::vector<std::string>& args);
int run_audit(const environment& env, const std::vector<std::string>& args);
int run_new(const environment& env, const std::vector<std::string>& args);
int run_import(const environment& env, const std::vector<std::string>& args);
int run_report(const environment& env, const std::vector<std::string>& args); // cmd_report.cpp
int run_share(const environment& env, const std::vector<std::string>& args);  // cmd_share.cpp
int run_tree(const environment& env, const std::vector<std::string>& args);   // cmd_tree.cpp

} // namespace kpi::cli
