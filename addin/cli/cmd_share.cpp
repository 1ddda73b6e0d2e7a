// TEMPORARY placeholder so the tree links while `kpi share` is written: replace this whole file.
#include "cli.hpp"
namespace kpi::cli {
int run_share(const environment&, const std::vector<std::string>&) {
    std::cerr << "kpi share: not built yet\n";
    return exit_failure;
}
} // namespace kpi::cli
