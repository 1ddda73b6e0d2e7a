// TEMPORARY placeholder so the tree links while "Copy for sharing" is written: replace this whole file.
#include "commands.hpp"
#include <stdexcept>
namespace kpi::uno_glue {
void run_share_command(const command_context&) { throw std::runtime_error("Copy for sharing: not built yet"); }
} // namespace kpi::uno_glue
