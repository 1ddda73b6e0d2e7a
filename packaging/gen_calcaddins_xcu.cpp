// Writes CalcAddIns.xcu (Function Wizard names and help, en-US and vi) from the function catalog.
#include <kpi/xml_escape.hpp>
#include <kpi/catalog.hpp>

#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

namespace {

using kpi::xml_escape;

void localized(std::ostream& out, std::string_view indent, std::string_view prop, const kpi::text& t) {
    out << indent << "<prop oor:name=\"" << prop << "\">\n"
        << indent << "  <value xml:lang=\"en-US\">" << xml_escape(t.en) << "</value>\n"
        << indent << "  <value xml:lang=\"vi\">" << xml_escape(t.vi) << "</value>\n"
        << indent << "</prop>\n";
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: gen_calcaddins_xcu OUTPUT.xcu\n";
        return 2;
    }
    std::ofstream out(argv[1]);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<!-- Generated from src/lib/catalog.cpp by gen_calcaddins_xcu. Do not edit. -->\n"
           "<oor:component-data xmlns:oor=\"http://openoffice.org/2001/registry\" "
           "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" oor:name=\"CalcAddIns\" "
           "oor:package=\"org.openoffice.Office\">\n"
           "  <node oor:name=\"AddInInfo\">\n"
           "    <node oor:name=\"org.kpimarketing.KpiFunctions\" oor:op=\"replace\">\n"
           "      <node oor:name=\"AddInFunctions\">\n";
    for (const auto& f : kpi::catalog()) {
        out << "        <node oor:name=\"" << f.name << "\" oor:op=\"replace\">\n";
        localized(out, "          ", "DisplayName", {f.display, f.display});
        localized(out, "          ", "Description", f.description);
        out << "          <prop oor:name=\"Category\"><value>Add-In</value></prop>\n"
            << "          <node oor:name=\"Parameters\">\n";
        for (const auto& p : f.params) {
            out << "            <node oor:name=\"" << p.name << "\" oor:op=\"replace\">\n";
            localized(out, "              ", "DisplayName", p.display);
            localized(out, "              ", "Description", p.description);
            out << "            </node>\n";
        }
        out << "          </node>\n        </node>\n";
    }
    out << "      </node>\n    </node>\n  </node>\n</oor:component-data>\n";
    return out.good() ? 0 : 1;
}
