// The KPI tree in a real Calc: "Draw KPI tree" dispatched like a click, its shapes read back (count,
// text, fill colour per status, connectors glued to the right boxes, hyperlinks to the register's
// rows), redraw, a user's sheet and shapes left alone, one Undo; `kpi tree` to SVG, PDF and PNG.
#include "office_test.hpp"

#include "kpi_tool.hpp"

#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/drawing/XDrawPage.hpp>
#include <com/sun/star/drawing/XDrawPages.hpp>
#include <com/sun/star/drawing/XDrawPagesSupplier.hpp>
#include <com/sun/star/drawing/XShape.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/XProtectable.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <set>
#include <thread>

using namespace kpi::office_test;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace {

const std::vector<std::string> english_header{"ID",       "Name",   "Level",     "Group",    "Parent",
                                              "Owner",    "Unit",   "Direction", "Baseline", "Target",
                                              "Deadline", "Actual", "Source"};

// A register with every link code, stored as ODS in the sheet "KPI Register". Actuals give:
// S1 0.16 of 0.15 (on track), S2 0.10 of 0.12 (0.83: off track), T1 85,000 of 80,000 lower is better
// (0.94: at risk), T2 none (no status).
std::filesystem::path every_code_register(const std::string& name) {
    auto doc = office().new_spreadsheet();
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet(doc, UNO_QUERY_THROW);
    Reference<css::sheet::XSpreadsheet> sheet(
        Reference<css::container::XIndexAccess>(spreadsheet->getSheets(), UNO_QUERY_THROW)->getByIndex(0),
        UNO_QUERY_THROW);
    Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->setName("KPI Register");
    const std::vector<std::vector<std::string>> rows{
        english_header,
        {"S1", "Revenue growth 2030", "Strategic", "", "", "CEO", "%", "Higher is better", "0.1", "0.15",
         "2030-12", "0.16", ""},
        {"S2", "Profit margin 2030", "Strategic", "", "", "CEO", "%", "Higher is better", "0.1", "0.12",
         "2030-12", "0.1", ""},
        {"T1", "Facebook Ads cost per lead", "Tactical", "Acquisition & cost", "S1", "Lan", "VND",
         "Lower is better", "100000", "80000", "2030-06", "85000", ""},
        {"T2", "Organic search sessions share", "Tactical", "Digital & SEO", "T1", "Minh", "%",
         "Higher is better", "0.3", "0.4", "2030-06", "", ""},
        {"T3", "Leads", "Tactical", "Acquisition & cost", "", "Sales", "leads", "Higher is better", "100",
         "150", "2030-06", "", ""},
        {"T4", "Email repeat purchase rate", "Tactical", "Customer value & relationship", "X9", "CRM", "%",
         "Higher is better", "0.2", "0.25", "2030-06", "", ""},
        {"T5", "Zalo OA follower growth", "Tactical", "Digital & SEO", "T6", "Social", "%",
         "Higher is better", "0.05", "0.08", "2030-06", "", ""},
        {"T6", "Zalo OA message open rate", "Tactical", "Digital & SEO", "T5", "Social", "%",
         "Higher is better", "0.4", "0.5", "2030-06", "", ""},
        {"S3", "Market share in HCMC", "Strategic", "", "T1", "CEO", "%", "Higher is better", "0.02", "0.03",
         "2030-12", "", ""},
        {"N1", "Leads from Zalo", "Tactical", "Acquisition & cost", "T3", "Sales", "leads",
         "Higher is better", "10", "20", "2030-06", "", ""},
        {"D1", "Sessions", "Tactical", "Digital & SEO", "S1", "Minh", "sessions", "Higher is better", "10",
         "20", "2030-06", "", ""},
        {"D1", "Sessions again", "Tactical", "Digital & SEO", "S1", "Minh", "sessions", "Higher is better",
         "10", "20", "2030-06", "", ""},
        {"L1", "Customer lifetime value", "", "Customer value & relationship", "S1", "CRM", "VND",
         "Higher is better", "10", "20", "2030-06", "", ""},
    };
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c)
            if (!rows[r][c].empty())
                sheet->getCellByPosition(static_cast<sal_Int32>(c), static_cast<sal_Int32>(r))
                    ->setFormula(ou(rows[r][c]));
    const auto file = fresh_dir("registers") / name;
    store_as_ods(doc, file);
    Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
    return file;
}

OUString cell_string(const Reference<css::table::XCell>& c) {
    return Reference<css::text::XTextRange>(c, UNO_QUERY_THROW)->getString();
}

struct shape_info {
    std::string name, title, text, hyperlink;
    sal_Int32 fill = -1;
    Reference<css::drawing::XShape> shape;
};

struct connector_info {
    Reference<css::drawing::XShape> start, end;
};

struct book {
    kpi::office::session& in;
    Reference<css::lang::XComponent> doc;
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet;

    book(const std::filesystem::path& file, kpi::office::session& o = office()) : in(o) {
        doc = in.open(file);
        spreadsheet.set(doc, UNO_QUERY_THROW);
        Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
    }
    ~book() {
        Reference<css::util::XCloseable> closeable(doc, UNO_QUERY);
        if (closeable.is())
            closeable->close(true);
    }
    void dispatch(const std::string& command) {
        auto frame = Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
        auto helper = css::frame::DispatchHelper::create(in.context());
        css::beans::PropertyValue silent;
        silent.Name = "Silent";
        silent.Value <<= true;
        helper->executeDispatch(Reference<css::frame::XDispatchProvider>(frame, UNO_QUERY_THROW),
                                ou("org.kpimarketing.command:" + command), "", 0,
                                css::uno::Sequence<css::beans::PropertyValue>(&silent, 1));
    }
    bool has_sheet(const std::string& name) { return spreadsheet->getSheets()->hasByName(ou(name)); }
    int sheet_count() {
        return Reference<css::container::XIndexAccess>(spreadsheet->getSheets(), UNO_QUERY_THROW)->getCount();
    }
    Reference<css::sheet::XSpreadsheet> sheet(const std::string& name) {
        return Reference<css::sheet::XSpreadsheet>(spreadsheet->getSheets()->getByName(ou(name)),
                                                   UNO_QUERY_THROW);
    }
    Reference<css::drawing::XDrawPage> page(const std::string& name) {
        const sal_Int16 index = Reference<css::sheet::XCellRangeAddressable>(sheet(name), UNO_QUERY_THROW)
                                    ->getRangeAddress()
                                    .Sheet;
        return Reference<css::drawing::XDrawPage>(
            Reference<css::drawing::XDrawPagesSupplier>(doc, UNO_QUERY_THROW)
                ->getDrawPages()
                ->getByIndex(index),
            UNO_QUERY_THROW);
    }
    std::string cell(const std::string& sheet_name, sal_Int32 col, sal_Int32 row) {
        return u8(cell_string(sheet(sheet_name)->getCellByPosition(col, row)));
    }
    void undo() {
        Reference<css::document::XUndoManagerSupplier>(doc, UNO_QUERY_THROW)->getUndoManager()->undo();
    }

    // The tree's boxes (by their shape name order) and connectors.
    void read(const std::string& sheet_name, std::vector<shape_info>& boxes,
              std::vector<connector_info>& connectors) {
        auto p = page(sheet_name);
        for (sal_Int32 i = 0; i < p->getCount(); ++i) {
            Reference<css::drawing::XShape> s(p->getByIndex(i), UNO_QUERY_THROW);
            const std::string name = u8(Reference<css::container::XNamed>(s, UNO_QUERY_THROW)->getName());
            Reference<css::beans::XPropertySet> props(s, UNO_QUERY_THROW);
            if (name.rfind("kpitree:box:", 0) == 0) {
                shape_info b;
                b.name = name;
                b.shape = s;
                OUString t;
                props->getPropertyValue("Title") >>= t;
                b.title = u8(t);
                props->getPropertyValue("Hyperlink") >>= t;
                b.hyperlink = u8(t);
                props->getPropertyValue("FillColor") >>= b.fill;
                b.text = u8(Reference<css::text::XText>(s, UNO_QUERY_THROW)->getString());
                boxes.push_back(b);
            } else if (name.rfind("kpitree:edge:", 0) == 0) {
                connector_info c;
                props->getPropertyValue("StartShape") >>= c.start;
                props->getPropertyValue("EndShape") >>= c.end;
                connectors.push_back(c);
            }
        }
    }
};

std::string title_of(const std::vector<shape_info>& boxes, const Reference<css::drawing::XShape>& s) {
    for (const auto& b : boxes)
        if (b.shape == s)
            return b.title;
    return "?";
}

std::set<std::pair<std::string, std::string>> glued_pairs(const std::vector<shape_info>& boxes,
                                                          const std::vector<connector_info>& connectors) {
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& c : connectors)
        out.insert({title_of(boxes, c.start), title_of(boxes, c.end)});
    return out;
}

const shape_info* box(const std::vector<shape_info>& boxes, const std::string& id) {
    for (const auto& b : boxes)
        if (b.title == id)
            return &b;
    return nullptr;
}

// The colours of Calc's cell styles Good, Neutral and Bad in this document (the Dashboard's status words).
sal_Int32 style_background(book& b, const char* style) {
    Reference<css::style::XStyleFamiliesSupplier> families(b.doc, UNO_QUERY_THROW);
    Reference<css::container::XNameAccess> cell_styles(families->getStyleFamilies()->getByName("CellStyles"),
                                                       UNO_QUERY_THROW);
    sal_Int32 colour = -1;
    Reference<css::beans::XPropertySet>(cell_styles->getByName(OUString::createFromAscii(style)),
                                        UNO_QUERY_THROW)
        ->getPropertyValue("CellBackColor") >>= colour;
    return colour;
}

void screenshot_of(book& b, const std::string& sheet_name, const std::string& file) {
    if (!std::getenv("DISPLAY") || !std::getenv("KPI_TEST_GUI"))
        return;
    auto controller = Reference<css::frame::XModel>(b.doc, UNO_QUERY_THROW)->getCurrentController();
    Reference<css::sheet::XSpreadsheetView>(controller, UNO_QUERY_THROW)->setActiveSheet(b.sheet(sheet_name));
    auto window = controller->getFrame()->getContainerWindow();
    window->setVisible(true);
    window->setPosSize(0, 0, 1280, 800, css::awt::PosSize::POSSIZE);
    std::this_thread::sleep_for(std::chrono::seconds(2));
    const auto dir = std::filesystem::path(KPI_TEST_WORK_DIR).parent_path() / "screenshots";
    std::filesystem::create_directories(dir);
    const auto png = dir / file;
    const std::string command =
        "xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng > '" + png.string() + "'";
    EXPECT_EQ(std::system(command.c_str()), 0);
    EXPECT_GT(std::filesystem::file_size(png), 10000u);
}

} // namespace

TEST(TreeCommand, EveryLinkCodeDrawnGluedColouredHyperlinked) {
    book b(every_code_register("every-code.ods"));
    const int sheets_before = b.sheet_count();
    b.dispatch("DrawTree");
    ASSERT_TRUE(b.has_sheet("KPI Tree"));
    EXPECT_EQ(b.sheet_count(), sheets_before + 1);
    std::vector<shape_info> boxes;
    std::vector<connector_info> connectors;
    b.read("KPI Tree", boxes, connectors);
    // 13 KPIs, one box each (one page: S1, T1, T2 and S2 in the tree, 9 in the lane).
    ASSERT_EQ(boxes.size(), 13u);
    std::multiset<std::string> ids;
    for (const auto& x : boxes)
        ids.insert(x.title);
    EXPECT_EQ(ids, (std::multiset<std::string>{"S1", "S2", "S3", "T1", "T2", "T3", "T4", "T5", "T6", "N1",
                                               "D1", "D1", "L1"}));
    // Connectors: S1 -> T1 -> T2, glued to those boxes (D1 and L1 are in the lane: no edge).
    ASSERT_EQ(connectors.size(), 2u);
    EXPECT_EQ(glued_pairs(boxes, connectors),
              (std::set<std::pair<std::string, std::string>>{{"S1", "T1"}, {"T1", "T2"}}));
    // Fill colours: the status as the Dashboard's cell styles Good / Neutral / Bad show it.
    EXPECT_EQ(box(boxes, "S1")->fill, 0xCCFFCC);
    EXPECT_EQ(box(boxes, "S1")->fill, style_background(b, "Good"));
    EXPECT_EQ(box(boxes, "T1")->fill, 0xFFFFCC);
    EXPECT_EQ(box(boxes, "T1")->fill, style_background(b, "Neutral"));
    EXPECT_EQ(box(boxes, "S2")->fill, 0xFFCCCC);
    EXPECT_EQ(box(boxes, "S2")->fill, style_background(b, "Bad"));
    EXPECT_EQ(box(boxes, "T2")->fill, 0xEEEEEE);
    // Text: ID, the name (wrapped), actual / target.
    EXPECT_EQ(box(boxes, "T1")->text, "T1\nFacebook Ads cost per lead\n85,000 / 80,000 VND");
    EXPECT_EQ(box(boxes, "S1")->text, "S1\nRevenue growth 2030\n16% / 15%");
    // Hyperlinks: the ID cell of the KPI's register row (header in row 1).
    EXPECT_EQ(box(boxes, "S1")->hyperlink, "#'KPI Register'.A2");
    EXPECT_EQ(box(boxes, "T1")->hyperlink, "#'KPI Register'.A4");
    EXPECT_EQ(box(boxes, "L1")->hyperlink, "#'KPI Register'.A14");
    for (const auto& x : boxes) {
        const auto dot = x.hyperlink.rfind(".A");
        ASSERT_NE(dot, std::string::npos) << x.hyperlink;
        const sal_Int32 row = std::stoi(x.hyperlink.substr(dot + 2)) - 1;
        EXPECT_EQ(b.cell("KPI Register", 0, row), x.title) << x.hyperlink;
    }
    // Following a box's link (Calc passes the part after "#" to .uno:JumpToMark) selects that cell.
    {
        auto controller = Reference<css::frame::XModel>(b.doc, UNO_QUERY_THROW)->getCurrentController();
        auto helper = css::frame::DispatchHelper::create(b.in.context());
        css::beans::PropertyValue mark;
        mark.Name = "Bookmark";
        mark.Value <<= ou(box(boxes, "T1")->hyperlink.substr(1));
        helper->executeDispatch(
            Reference<css::frame::XDispatchProvider>(controller->getFrame(), UNO_QUERY_THROW),
            ".uno:JumpToMark", "", 0, css::uno::Sequence<css::beans::PropertyValue>(&mark, 1));
        Reference<css::sheet::XCellRangeAddressable> selected(
            Reference<css::view::XSelectionSupplier>(controller, UNO_QUERY_THROW)->getSelection(),
            UNO_QUERY_THROW);
        const auto at = selected->getRangeAddress();
        EXPECT_EQ(at.Sheet, 0);
        EXPECT_EQ(at.StartColumn, 0);
        EXPECT_EQ(at.StartRow, 3);
        Reference<css::sheet::XSpreadsheetView>(controller, UNO_QUERY_THROW)
            ->setActiveSheet(b.sheet("KPI Tree"));
    }
    // The lane's sections, labelled with the reasons.
    std::set<std::string> labels;
    auto p = b.page("KPI Tree");
    for (sal_Int32 i = 0; i < p->getCount(); ++i) {
        Reference<css::container::XNamed> named(p->getByIndex(i), UNO_QUERY_THROW);
        if (u8(named->getName()).rfind("kpitree:label:", 0) == 0)
            labels.insert(u8(Reference<css::text::XText>(named, UNO_QUERY_THROW)->getString()));
    }
    for (const char* l : {"No parent (UNLINKED)", "Parent not found (BROKEN)", "Loop of parents (CYCLE)",
                          "Strategic under tactical (INVERTED)", "Does not reach a goal (NOROOT)",
                          "Duplicate ID (DUPLICATE)", "Level missing (NOLEVEL)", "Not linked to a goal",
                          "No tactical KPI serves this", "goal", "KPI tree"})
        EXPECT_EQ(labels.count(l), 1u) << l;
    screenshot_of(b, "KPI Tree", "tree-sheet-en.png");

    // One Undo removes the tree and its sheet.
    b.undo();
    EXPECT_FALSE(b.has_sheet("KPI Tree"));
    EXPECT_EQ(b.sheet_count(), sheets_before);
}

TEST(TreeCommand, RedrawReplacesOnlyItsOwnTreeAndAUsersSheetGetsASuffix) {
    book b(every_code_register("redraw.ods"));
    // A user's sheet already named "KPI Tree", with a note.
    b.spreadsheet->getSheets()->insertNewByName("KPI Tree", 1);
    b.sheet("KPI Tree")->getCellByPosition(0, 0)->setFormula("my notes");
    b.dispatch("DrawTree");
    EXPECT_EQ(b.cell("KPI Tree", 0, 0), "my notes");
    EXPECT_EQ(b.page("KPI Tree")->getCount(), 0);
    ASSERT_TRUE(b.has_sheet("KPI Tree 2"));
    // The tree sheet is the command's: a redraw replaces it whole, at the same place, under the same name.
    Reference<css::lang::XMultiServiceFactory> factory(b.doc, UNO_QUERY_THROW);
    Reference<css::drawing::XShape> mine(factory->createInstance("com.sun.star.drawing.RectangleShape"),
                                         UNO_QUERY_THROW);
    b.page("KPI Tree 2")->add(mine);
    Reference<css::container::XNamed>(mine, UNO_QUERY_THROW)->setName("scribble");
    const sal_Int32 count = b.page("KPI Tree 2")->getCount();
    const int sheets = b.sheet_count();
    b.dispatch("DrawTree");
    EXPECT_EQ(b.sheet_count(), sheets);
    EXPECT_FALSE(b.has_sheet("KPI Tree 3"));
    EXPECT_EQ(b.cell("KPI Tree", 0, 0), "my notes"); // the user's sheet, untouched
    EXPECT_EQ(b.page("KPI Tree")->getCount(), 0);
    EXPECT_EQ(b.page("KPI Tree 2")->getCount(), count - 1);
    std::vector<shape_info> boxes;
    std::vector<connector_info> connectors;
    b.read("KPI Tree 2", boxes, connectors);
    EXPECT_EQ(boxes.size(), 13u);
    EXPECT_EQ(connectors.size(), 2u);
    // One Undo removes the redrawn tree (the earlier one is not brought back: Calc 7.4 crashes undoing
    // the removal of a sheet holding shapes, so the redraw removes it outside the undo history).
    b.undo();
    EXPECT_FALSE(b.has_sheet("KPI Tree 2"));
    EXPECT_EQ(b.sheet_count(), sheets - 1);
    EXPECT_EQ(b.cell("KPI Tree", 0, 0), "my notes");
    EXPECT_TRUE(b.has_sheet("KPI Register"));
}

// A document whose structure is protected: the command refuses (the API would add a sheet anyway),
// leaves no sheet behind and does not undo the user's own last change.
TEST(TreeCommand, ProtectedStructureLeavesNothingBehind) {
    book b(every_code_register("protected.ods"));
    b.sheet("KPI Register")->getCellByPosition(20, 0)->setFormula("mine");
    const int sheets = b.sheet_count();
    Reference<css::util::XProtectable>(b.doc, UNO_QUERY_THROW)->protect("");
    b.dispatch("DrawTree");
    EXPECT_EQ(b.sheet_count(), sheets);
    EXPECT_FALSE(b.has_sheet("KPI Tree"));
    EXPECT_EQ(b.cell("KPI Register", 20, 0), "mine");
    Reference<css::util::XProtectable>(b.doc, UNO_QUERY_THROW)->unprotect("");
    b.dispatch("DrawTree"); // and works once unprotected
    EXPECT_TRUE(b.has_sheet("KPI Tree"));
}

TEST(TreeCommand, SampleWorkbookEveryKpiOnceConnectorsFollowTheParentColumn) {
    const auto dir = fresh_dir("sample");
    std::filesystem::copy_file(sample_workbook(), dir / "sample.fods");
    book b(dir / "sample.fods");
    b.dispatch("DrawTree");
    ASSERT_TRUE(b.has_sheet("KPI Tree"));
    std::vector<shape_info> boxes;
    std::vector<connector_info> connectors;
    b.read("KPI Tree", boxes, connectors);
    // The register's rows with an ID (header in row 1 of "KPI Register").
    std::map<std::string, std::string> parent_of; // ID -> Parent, from the sheet itself
    for (sal_Int32 r = 1; r < 200; ++r) {
        const std::string id = b.cell("KPI Register", 0, r);
        if (id.empty())
            break;
        parent_of[id] = b.cell("KPI Register", 4, r);
    }
    ASSERT_GT(parent_of.size(), 5u);
    EXPECT_EQ(boxes.size(), parent_of.size());
    // Each box links to the row of its ID; each connector joins a KPI to its Parent.
    for (const auto& x : boxes) {
        const auto dot = x.hyperlink.rfind(".A");
        ASSERT_NE(dot, std::string::npos) << x.hyperlink;
        EXPECT_EQ(b.cell("KPI Register", 0, std::stoi(x.hyperlink.substr(dot + 2)) - 1), x.title);
        EXPECT_EQ(x.text.rfind(x.title + "\n", 0), 0u) << x.text;
        EXPECT_TRUE(x.fill == 0xCCFFCC || x.fill == 0xFFFFCC || x.fill == 0xFFCCCC || x.fill == 0xEEEEEE)
            << x.fill;
    }
    ASSERT_FALSE(connectors.empty());
    for (const auto& c : connectors) {
        const std::string parent = title_of(boxes, c.start), child = title_of(boxes, c.end);
        EXPECT_EQ(parent_of[child], parent) << child;
    }
    screenshot_of(b, "KPI Tree", "tree-sample-en.png");
}

TEST(TreeCommand, WizardWorkbookWithTypedActuals) {
    const auto dir = fresh_dir("wizard");
    const auto ods = dir / "shop.ods";
    auto r = run_kpi("new --industry ecommerce --lang en -o " + quoted(ods));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    book b(ods);
    // Find the register's sheet: the one whose A1 is "ID" (kpi new names it).
    Reference<css::container::XIndexAccess> sheets(b.spreadsheet->getSheets(), UNO_QUERY_THROW);
    std::string reg_sheet;
    for (sal_Int32 s = 0; s < sheets->getCount() && reg_sheet.empty(); ++s) {
        Reference<css::sheet::XSpreadsheet> sh(sheets->getByIndex(s), UNO_QUERY_THROW);
        for (sal_Int32 row = 0; row < 20; ++row)
            if (u8(cell_string(sh->getCellByPosition(0, row))) == "ID") {
                reg_sheet = u8(Reference<css::container::XNamed>(sh, UNO_QUERY_THROW)->getName());
                break;
            }
    }
    ASSERT_FALSE(reg_sheet.empty());
    // Type actuals equal to twice the target and to zero for the first two KPIs whose target is a
    // positive number and direction higher is better: on track and off track.
    auto sheet = b.sheet(reg_sheet);
    sal_Int32 header = 0;
    while (u8(cell_string(sheet->getCellByPosition(0, header))) != "ID")
        ++header;
    std::map<std::string, sal_Int32> col;
    for (sal_Int32 c = 0; c < 20; ++c)
        col[u8(cell_string(sheet->getCellByPosition(c, header)))] = c;
    ASSERT_TRUE(col.count("Actual") && col.count("Target") && col.count("Direction"));
    std::vector<std::string> typed;
    for (sal_Int32 row = header + 1; row < header + 60 && typed.size() < 2; ++row) {
        const std::string id = u8(cell_string(sheet->getCellByPosition(0, row)));
        if (id.empty())
            break;
        const double target = sheet->getCellByPosition(col["Target"], row)->getValue();
        const std::string direction = u8(cell_string(sheet->getCellByPosition(col["Direction"], row)));
        if (target <= 0 || direction != "Higher is better")
            continue;
        sheet->getCellByPosition(col["Actual"], row)->setValue(typed.empty() ? target * 2 : 0);
        typed.push_back(id);
    }
    ASSERT_EQ(typed.size(), 2u);
    b.dispatch("DrawTree");
    ASSERT_TRUE(b.has_sheet("KPI Tree"));
    std::vector<shape_info> boxes;
    std::vector<connector_info> connectors;
    b.read("KPI Tree", boxes, connectors);
    ASSERT_NE(box(boxes, typed[0]), nullptr);
    EXPECT_EQ(box(boxes, typed[0])->fill, 0xCCFFCC);
    EXPECT_EQ(box(boxes, typed[1])->fill, 0xFFCCCC);
    EXPECT_FALSE(connectors.empty());
    for (const auto& x : boxes) {
        const auto dot = x.hyperlink.rfind(".A");
        ASSERT_NE(dot, std::string::npos);
        EXPECT_EQ(b.cell(reg_sheet, 0, std::stoi(x.hyperlink.substr(dot + 2)) - 1), x.title);
    }
}

TEST(TreeCommand, VietnameseOfficeDrawsCayKpi) {
    auto vi = start_office_with_extension("vi", "vi");
    book b(every_code_register("vi.ods"), *vi);
    b.dispatch("DrawTree");
    ASSERT_TRUE(b.has_sheet("Cây KPI"));
    EXPECT_FALSE(b.has_sheet("KPI Tree"));
    std::vector<shape_info> boxes;
    std::vector<connector_info> connectors;
    b.read("Cây KPI", boxes, connectors);
    EXPECT_EQ(boxes.size(), 13u);
    EXPECT_EQ(box(boxes, "T1")->text, "T1\nFacebook Ads cost per lead\n85.000 / 80.000 VND");
    std::set<std::string> labels;
    auto p = b.page("Cây KPI");
    for (sal_Int32 i = 0; i < p->getCount(); ++i) {
        Reference<css::container::XNamed> named(p->getByIndex(i), UNO_QUERY_THROW);
        if (u8(named->getName()).rfind("kpitree:label:", 0) == 0)
            labels.insert(u8(Reference<css::text::XText>(named, UNO_QUERY_THROW)->getString()));
    }
    for (const char* l :
         {"Cây KPI", "Chưa liên kết với mục tiêu", "Chưa có KPI cha (UNLINKED)", "Thu hút & chi phí"})
        EXPECT_EQ(labels.count(l), 1u) << l;
    screenshot_of(b, "Cây KPI", "tree-sheet-vi.png");
}

// ---- kpi tree ---------------------------------------------------------------------------------

TEST(KpiTree, SvgPdfPngRefusesOverwriteAndBadInput) {
    const auto dir = fresh_dir("cli");
    const auto reg = every_code_register("cli.ods");
    const auto svg = dir / "tree.svg";
    auto r = run_kpi("tree " + quoted(reg) + " -o " + quoted(svg) + " --lang en");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const std::string text = file_bytes(svg);
    EXPECT_EQ(text.rfind("<?xml", 0), 0u);
    EXPECT_NE(text.find("Facebook Ads cost per lead"), std::string::npos);
    EXPECT_NE(text.find("fill=\"#CCFFCC\""), std::string::npos);
    EXPECT_NE(text.find("Parent not found (BROKEN)"), std::string::npos);
    EXPECT_NE(r.out.find("13 KPI, 2 goals, 9 not linked, 1 page"), std::string::npos) << r.out;
    // Exists: refused (2), the file untouched; --force overwrites.
    r = run_kpi("tree " + quoted(reg) + " -o " + quoted(svg) + " --lang vi");
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.out.find("not overwritten"), std::string::npos);
    EXPECT_EQ(file_bytes(svg), text);
    r = run_kpi("tree " + quoted(reg) + " -o " + quoted(svg) + " --lang vi --force");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(file_bytes(svg).find("Cây KPI"), std::string::npos);
    // Never the workbook itself, even with --force.
    const auto copy = dir / "book.svg";
    std::filesystem::copy_file(reg, copy);
    r = run_kpi("tree " + quoted(copy) + " -o " + quoted(copy) + " --force");
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_EQ(file_bytes(copy), file_bytes(reg));
    // Bad input: no such workbook, a workbook without a register, an unknown format, no -o.
    EXPECT_EQ(run_kpi("tree " + quoted(dir / "missing.ods") + " -o " + quoted(dir / "x.svg")).exit_code, 2);
    r = run_kpi("tree '" + (std::filesystem::path(KPI_TEST_DATA_DIR) / "no-register.fods").string() +
                "' -o " + quoted(dir / "x.svg"));
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_FALSE(std::filesystem::exists(dir / "x.svg"));
    EXPECT_EQ(run_kpi("tree " + quoted(reg) + " -o " + quoted(dir / "x.gif")).exit_code, 2);
    EXPECT_EQ(run_kpi("tree " + quoted(reg)).exit_code, 2);
    // PDF: one page, its text extractable; PNG: a picture.
    const auto pdf = dir / "tree.pdf";
    r = run_kpi("tree " + quoted(reg) + " -o " + quoted(pdf) + " --lang en");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(file_bytes(pdf).rfind("%PDF", 0), 0u);
    const auto pdftext = run_command("pdftotext -layout " + quoted(pdf) + " -");
    EXPECT_NE(pdftext.out.find("Facebook Ads cost per lead"), std::string::npos) << pdftext.out;
    EXPECT_NE(run_command("pdfinfo " + quoted(pdf)).out.find("Pages:           1"), std::string::npos);
    const auto png = dir / "tree.png";
    r = run_kpi("tree " + quoted(reg) + " -o " + quoted(png) + " --lang en");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(file_bytes(png).substr(1, 3), "PNG");
    EXPECT_GT(std::filesystem::file_size(png), 20000u);
    const auto shots = std::filesystem::path(KPI_TEST_WORK_DIR).parent_path() / "screenshots";
    std::filesystem::create_directories(shots);
    std::filesystem::copy_file(png, shots / "tree-cli-en.png",
                               std::filesystem::copy_options::overwrite_existing);
}
