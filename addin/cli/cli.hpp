// Shared by the kpi tool's commands.
#pragma once

#include "office_session.hpp"

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace kpi::cli {

using rtl::OString;
using rtl::OUString;

enum exit_code : int {
    exit_ok = 0,
    exit_flagged = 1,   // `audit`: at least one KPI is flagged
    exit_bad_input = 2, // missing file, unreadable file, no register, wrong arguments
    exit_failure = 3,   // the office failed
};

struct environment {
    office::session& office;
    std::filesystem::path oxt;
};

// Starts the office and makes sure this build of the extension is installed in its profile.
void prepare_office(const environment& env);

// Opens a workbook read-only (hidden); throws office::office_error with a clear message.
css::uno::Reference<css::lang::XComponent> open_workbook(const environment& env, const std::filesystem::path& file);
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
