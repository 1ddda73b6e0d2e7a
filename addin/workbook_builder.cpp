#include <kpi/xml_escape.hpp>
#include "workbook_builder.hpp"
#include "document_files.hpp"

#include "uno_strings.hpp"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/Point.hpp>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/awt/Size.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/chart/XAxisYSupplier.hpp>
#include <com/sun/star/chart/ChartDataRowSource.hpp>
#include <com/sun/star/chart/XChartDocument.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/datatransfer/XTransferableSupplier.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <com/sun/star/document/XEmbeddedObjectSupplier.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/ConditionOperator.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XConditionalFormat.hpp>
#include <com/sun/star/sheet/XConditionalFormats.hpp>
#include <com/sun/star/sheet/XNamedRanges.hpp>
#include <com/sun/star/sheet/XPrintAreas.hpp>
#include <com/sun/star/sheet/XSheetCondition.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntries.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XSpreadsheets2.hpp>
#include <com/sun/star/sheet/XViewFreezable.hpp>
#include <com/sun/star/sheet/TableValidationVisibility.hpp>
#include <com/sun/star/sheet/ValidationType.hpp>
#include <com/sun/star/table/CellAddress.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableChart.hpp>
#include <com/sun/star/table/XTableCharts.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/sheet/XHeaderFooterContent.hpp>
#include <com/sun/star/style/XStyle.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/util/XNumberFormats.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <unistd.h>

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace kpi::uno_glue {
namespace {

namespace fs = std::filesystem;

Reference<css::beans::XPropertySet> props(const Reference<css::sheet::XSpreadsheet>& sheet, const kpi::cell_rect& r) {
    return Reference<css::beans::XPropertySet>(
        sheet->getCellRangeByPosition(r.first_col, r.first_row, r.last_col, r.last_row), UNO_QUERY_THROW);
}

css::table::CellRangeAddress address(sal_Int16 sheet, const kpi::cell_rect& r) {
    return css::table::CellRangeAddress(sheet, r.first_col, r.first_row, r.last_col, r.last_row);
}

std::string free_sheet_name(const Reference<css::sheet::XSpreadsheets>& sheets, const std::string& wanted) {
    std::string name = wanted;
    for (int n = 2; sheets->hasByName(from_utf8(name)); ++n) name = wanted + " " + std::to_string(n);
    return name;
}

using kpi::xml_escape;

// Calc 7.4's XConditionalFormat cannot make icon-set entries (the new icon set has none, and
// setting IconSetEntries writes past them): a one-sheet flat ODF document carries the icon sets.
// With a view, its cells are copied and pasted onto the new sheet (undoable, like a user's paste);
// without one its sheet is imported (not undoable in 7.4: only for documents without a view).
// Returns the imported sheet's index, or -1 when pasted.
sal_Int32 add_icon_sets(const Reference<css::uno::XComponentContext>& context,
                        const Reference<css::sheet::XSpreadsheetDocument>& doc, const kpi::sheet_model& sheet,
                        sal_Int32 position, const Reference<css::sheet::XSpreadsheet>& target) {
    const std::string tmp_name = "KPI_TEMPLATE_SHEET";
    std::string formats;
    for (const auto& icons : sheet.icon_sets) {
        const auto& a = icons.area;
        const std::string range = tmp_name + "." + kpi::column_letters(a.first_col) + std::to_string(a.first_row + 1) +
                                  ":" + tmp_name + "." + kpi::column_letters(a.last_col) +
                                  std::to_string(a.last_row + 1);
        formats += "<calcext:conditional-format calcext:target-range-address=\"" + xml_escape(range) +
                   "\"><calcext:icon-set calcext:icon-set-type=\"3TrafficLights1\" calcext:show-value=\"" +
                   std::string(icons.show_value ? "true" : "false") +
                   "\"><calcext:formatting-entry calcext:value=\"0\" calcext:type=\"percent\"/>"
                   "<calcext:formatting-entry calcext:value=\"0\" calcext:type=\"number\"/>"
                   "<calcext:formatting-entry calcext:value=\"1\" calcext:type=\"number\"/>"
                   "</calcext:icon-set></calcext:conditional-format>";
    }
    const std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
        "xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\" "
        "office:version=\"1.3\" office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\">"
        "<office:body><office:spreadsheet><table:table table:name=\"" +
        tmp_name + "\"><table:table-row><table:table-cell/></table:table-row><calcext:conditional-formats>" + formats +
        "</calcext:conditional-formats></table:table></office:spreadsheet></office:body></office:document>\n";
    const temporary_file file("fods");
    {
        std::ofstream out(file.path(), std::ios::binary);
        out << xml;
        if (!out) throw std::runtime_error("cannot write " + file.path().string());
    }
    const hidden_document loaded(context, from_utf8(file.url()));
    const auto& source = loaded.component();
    Reference<css::sheet::XSpreadsheetDocument> source_doc(source, UNO_QUERY_THROW);
    Reference<css::frame::XModel> target_model(doc, UNO_QUERY);
    Reference<css::frame::XController> target_controller(target_model.is() ? target_model->getCurrentController()
                                                                           : nullptr);
    Reference<css::frame::XController> source_controller(
        Reference<css::frame::XModel>(source, UNO_QUERY_THROW)->getCurrentController());
    Reference<css::sheet::XSpreadsheetView> target_view(target_controller, UNO_QUERY);
    Reference<css::view::XSelectionSupplier> target_selection(target_controller, UNO_QUERY);
    Reference<css::datatransfer::XTransferableSupplier> target_paste(target_controller, UNO_QUERY);
    Reference<css::view::XSelectionSupplier> source_selection(source_controller, UNO_QUERY);
    Reference<css::datatransfer::XTransferableSupplier> source_copy(source_controller, UNO_QUERY);
    if (target.is() && target_view.is() && target_selection.is() && target_paste.is() && source_selection.is() &&
        source_copy.is()) {
        Reference<css::sheet::XSpreadsheet> source_sheet(source_doc->getSheets()->getByName(from_utf8(tmp_name)),
                                                         UNO_QUERY_THROW);
        target_view->setActiveSheet(target);
        for (const auto& icons : sheet.icon_sets) {
            const auto& a = icons.area;
            source_selection->select(
                Any(source_sheet->getCellRangeByPosition(a.first_col, a.first_row, a.last_col, a.last_row)));
            auto copied = source_copy->getTransferable();
            target_selection->select(Any(target->getCellRangeByPosition(a.first_col, a.first_row, a.last_col, a.last_row)));
            target_paste->insertTransferable(copied);
        }
        return -1;
    }
    Reference<css::sheet::XSpreadsheets2> sheets(doc->getSheets(), UNO_QUERY_THROW);
    return sheets->importSheet(source_doc, from_utf8(tmp_name), position);
}

// Number format keys per kind, in the workbook's locale.
class number_formats {
public:
    number_formats(const Reference<css::sheet::XSpreadsheetDocument>& doc, const kpi::workbook_model& model)
        : formats_(Reference<css::util::XNumberFormatsSupplier>(doc, UNO_QUERY_THROW)->getNumberFormats()),
          money_(model.money) {
        target_ = model.language == "vi" ? css::lang::Locale("vi", "VN", "") : css::lang::Locale("en", "US", "");
    }
    sal_Int32 key(kpi::number_kind kind) {
        auto it = keys_.find(kind);
        if (it != keys_.end()) return it->second;
        const css::lang::Locale en("en", "US", "");
        const OUString code = from_utf8(code_of(kind));
        sal_Int32 k = formats_->queryKey(code, en, false);
        if (target_.Language != "en") k = formats_->addNewConverted(code, en, target_);
        else if (k < 0) k = formats_->addNew(code, en);
        keys_[kind] = k;
        return k;
    }
    sal_Int32 key(const std::string& code_text) {
        auto it = codes_.find(code_text);
        if (it != codes_.end()) return it->second;
        const css::lang::Locale en("en", "US", "");
        const OUString code = from_utf8(code_text);
        sal_Int32 k = formats_->queryKey(code, en, false);
        if (target_.Language != "en") k = formats_->addNewConverted(code, en, target_);
        else if (k < 0) k = formats_->addNew(code, en);
        codes_[code_text] = k;
        return k;
    }

private:
    std::string code_of(kpi::number_kind kind) const {
        switch (kind) {
        case kpi::number_kind::currency:
            switch (money_) {
            case kpi::currency::vnd: return "#,##0 [$₫-42A]";
            case kpi::currency::usd: return "[$$-409]#,##0.00";
            case kpi::currency::eur: return "#,##0.00 [$€-407]";
            }
            break;
        case kpi::number_kind::percent: return "0.0%";
        case kpi::number_kind::integer: return "#,##0";
        case kpi::number_kind::decimal: return "#,##0.00";
        case kpi::number_kind::date: return "YYYY-MM-DD";
        case kpi::number_kind::seconds: return "#,##0.0";
        }
        return "General";
    }

    Reference<css::util::XNumberFormats> formats_;
    kpi::currency money_;
    css::lang::Locale target_;
    std::map<kpi::number_kind, sal_Int32> keys_;
    std::map<std::string, sal_Int32> codes_;
};

// Cell contents: values in one setDataArray, formulas in one setFormulaArray per rectangle.
void write_cells(const Reference<css::sheet::XSpreadsheet>& sheet, const kpi::sheet_model& model,
                 const sheet_names& names) {
    const auto rows = static_cast<sal_Int32>(model.rows.size());
    const auto cols = static_cast<sal_Int32>(model.cols());
    if (rows == 0 || cols == 0) return;
    Sequence<Sequence<Any>> data(rows);
    auto* out_rows = data.getArray();
    for (sal_Int32 r = 0; r < rows; ++r) {
        Sequence<Any> row(cols);
        auto* out = row.getArray();
        for (sal_Int32 c = 0; c < cols; ++c) {
            const auto* cell = model.at(static_cast<std::size_t>(r), static_cast<std::size_t>(c));
            if (!cell) out[c] <<= OUString();
            else if (cell->type == kpi::model_cell::kind::text) out[c] <<= from_utf8(cell->text);
            else if (cell->type == kpi::model_cell::kind::number) out[c] <<= cell->number;
            else out[c] <<= OUString();
        }
        out_rows[r] = row;
    }
    Reference<css::sheet::XCellRangeData>(sheet->getCellRangeByPosition(0, 0, cols - 1, rows - 1), UNO_QUERY_THROW)
        ->setDataArray(data);

    // Rectangles of formula cells: horizontal runs merged with the same run on the rows below.
    struct run {
        sal_Int32 first_row, last_row, first_col, last_col;
    };
    std::vector<run> open, done;
    for (sal_Int32 r = 0; r < rows; ++r) {
        std::vector<run> here;
        const auto& row = model.rows[static_cast<std::size_t>(r)];
        for (sal_Int32 c = 0; c < static_cast<sal_Int32>(row.size());) {
            if (row[static_cast<std::size_t>(c)].type != kpi::model_cell::kind::formula) {
                ++c;
                continue;
            }
            sal_Int32 e = c;
            while (e + 1 < static_cast<sal_Int32>(row.size()) &&
                   row[static_cast<std::size_t>(e + 1)].type == kpi::model_cell::kind::formula)
                ++e;
            here.push_back({r, r, c, e});
            c = e + 1;
        }
        std::vector<run> next;
        for (auto& h : here) {
            auto it = std::find_if(open.begin(), open.end(), [&](const run& o) {
                return o.first_col == h.first_col && o.last_col == h.last_col && o.last_row == r - 1;
            });
            if (it != open.end()) {
                it->last_row = r;
                next.push_back(*it);
                open.erase(it);
            } else {
                next.push_back(h);
            }
        }
        done.insert(done.end(), open.begin(), open.end());
        open = std::move(next);
    }
    done.insert(done.end(), open.begin(), open.end());
    for (const auto& f : done) {
        Sequence<Sequence<OUString>> formulas(f.last_row - f.first_row + 1);
        for (sal_Int32 r = f.first_row; r <= f.last_row; ++r) {
            Sequence<OUString> row(f.last_col - f.first_col + 1);
            for (sal_Int32 c = f.first_col; c <= f.last_col; ++c)
                row.getArray()[c - f.first_col] = from_utf8(kpi::resolve_formula(
                    model.rows[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)].text, names));
            formulas.getArray()[r - f.first_row] = row;
        }
        Reference<css::sheet::XCellRangeFormula>(
            sheet->getCellRangeByPosition(f.first_col, f.first_row, f.last_col, f.last_row), UNO_QUERY_THROW)
            ->setFormulaArray(formulas);
    }
}

void write_styles(const Reference<css::sheet::XSpreadsheet>& sheet, const kpi::sheet_model& model,
                  number_formats& formats) {
    // Widths first: rows with wrapped text take their height from the final widths.
    auto columns = Reference<css::table::XColumnRowRange>(sheet, UNO_QUERY_THROW)->getColumns();
    for (const auto& [col, width] : model.column_widths)
        Reference<css::beans::XPropertySet>(columns->getByIndex(col), UNO_QUERY_THROW)
            ->setPropertyValue("Width", Any(width));
    for (const auto& s : model.styles) {
        auto p = props(sheet, s.area);
        if (s.number) p->setPropertyValue("NumberFormat", Any(formats.key(*s.number)));
        if (s.number_code) p->setPropertyValue("NumberFormat", Any(formats.key(*s.number_code)));
        if (s.font_height > 0) p->setPropertyValue("CharHeight", Any(s.font_height));
        if (s.bold || s.header) p->setPropertyValue("CharWeight", Any(css::awt::FontWeight::BOLD));
        if (s.header) {
            p->setPropertyValue("CellBackColor", Any(sal_Int32(0xDFF0EE)));
            p->setPropertyValue("IsTextWrapped", Any(true));
        }
        if (s.wrap) p->setPropertyValue("IsTextWrapped", Any(true));
        if (s.wrap || s.top) p->setPropertyValue("VertJustify", Any(sal_Int32(1))); // CellVertJustify2::TOP
        if (s.input) p->setPropertyValue("CellBackColor", Any(sal_Int32(0xFFF8D6)));
    }
    for (const auto col : model.hidden_columns)
        Reference<css::beans::XPropertySet>(columns->getByIndex(col), UNO_QUERY_THROW)
            ->setPropertyValue("IsVisible", Any(false));
}

std::string list_formula(const std::vector<std::string>& values) {
    std::string f;
    for (const auto& v : values) {
        if (!f.empty()) f += ';';
        f += '"';
        for (char c : v) f += c == '"' ? std::string("\"\"") : std::string(1, c);
        f += '"';
    }
    return f;
}

void write_validations(const Reference<css::sheet::XSpreadsheet>& sheet, const kpi::sheet_model& model,
                       const sheet_names& names) {
    for (const auto& v : model.validations) {
        auto p = props(sheet, v.area);
        Reference<css::beans::XPropertySet> rule(p->getPropertyValue("Validation"), UNO_QUERY_THROW);
        rule->setPropertyValue("Type", Any(css::sheet::ValidationType_LIST));
        rule->setPropertyValue("ShowList", Any(css::sheet::TableValidationVisibility::UNSORTED));
        rule->setPropertyValue("IgnoreBlankCells", Any(true));
        const std::string formula =
            v.source_sheet ? kpi::resolve_formula(std::string(kpi::placeholder(*v.source_sheet)) + "." +
                                                      kpi::absolute_address(v.source_range),
                                                  names)
                           : list_formula(v.values);
        Reference<css::sheet::XSheetCondition>(rule, UNO_QUERY_THROW)->setFormula1(from_utf8(formula));
        p->setPropertyValue("Validation", Any(rule));
    }
}

// Formula + cell style rules through the sheet's ConditionalFormat property (this API also ties
// the format to the cells, so it shows at once). The rules' base position lies on their own sheet:
// with a base on another sheet (sheet 0 before), deleting that sheet (as `kpi new` deletes the new
// document's own sheet) makes the stored formulas #REF! and the words lose their colour once saved.
void write_style_rules(const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int16 index,
                       const kpi::sheet_model& model) {
    std::vector<kpi::cell_rect> areas;
    for (const auto& r : model.style_rules)
        if (std::find(areas.begin(), areas.end(), r.area) == areas.end()) areas.push_back(r.area);
    for (const auto& area : areas) {
        auto p = props(sheet, area);
        Reference<css::sheet::XSheetConditionalEntries> entries(p->getPropertyValue("ConditionalFormat"),
                                                               UNO_QUERY_THROW);
        for (const auto& r : model.style_rules) {
            if (!(r.area == area)) continue;
            Sequence<css::beans::PropertyValue> condition(4);
            auto* c = condition.getArray();
            c[0].Name = "Operator";
            c[0].Value <<= css::sheet::ConditionOperator_FORMULA;
            c[1].Name = "Formula1";
            c[1].Value <<= from_utf8(r.formula);
            c[2].Name = "StyleName";
            c[2].Value <<= from_utf8(r.style);
            c[3].Name = "SourcePosition";
            c[3].Value <<= css::table::CellAddress(index, area.first_col, area.first_row);
            entries->addNew(condition);
        }
        p->setPropertyValue("ConditionalFormat", Any(entries));
    }
}

// An icon set without its values: ShowValue false, and a number format that shows nothing (";;;"),
// because Calc 7.4 stores ShowValue in ODS where its own import does not read it (on the icon set's
// first entry instead of the icon set), so a saved and reopened workbook would show the values again.
void hide_icon_values(const Reference<css::sheet::XSpreadsheet>& sheet, const kpi::sheet_model& model,
                      number_formats& keys) {
    if (model.icon_sets.empty()) return;
    for (const auto& icons : model.icon_sets)
        if (!icons.show_value)
            props(sheet, icons.area)->setPropertyValue("NumberFormat", Any(keys.key(";;;")));
    Reference<css::beans::XPropertySet> sheet_props(sheet, UNO_QUERY_THROW);
    Reference<css::sheet::XConditionalFormats> formats(sheet_props->getPropertyValue("ConditionalFormats"),
                                                      UNO_QUERY_THROW);
    for (const auto& f : formats->getConditionalFormats())
        for (sal_Int32 i = 0; i < f->getCount(); ++i) {
            Reference<css::beans::XPropertySet> entry(f->getByIndex(i), UNO_QUERY);
            if (entry.is() && entry->getPropertySetInfo()->hasPropertyByName("Icons"))
                entry->setPropertyValue("ShowValue", Any(model.icon_sets.front().show_value));
        }
}

// Chart objects share one namespace in the document (embedded object names): a name used on any
// sheet is taken (Calc 7.4 crashes on a duplicate).
bool chart_name_taken(const Reference<css::sheet::XSpreadsheetDocument>& doc, const OUString& name) {
    Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i)
        if (Reference<css::table::XTableChartsSupplier>(sheets->getByIndex(i), UNO_QUERY_THROW)->getCharts()->hasByName(name))
            return true;
    return false;
}

void write_charts(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                  const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int16 index, const kpi::sheet_model& model,
                  const std::array<sal_Int16, kpi::sheet_role_count>& indices) {
    if (model.charts.empty()) return;
    auto charts = Reference<css::table::XTableChartsSupplier>(sheet, UNO_QUERY_THROW)->getCharts();
    for (const auto& c : model.charts) {
        auto anchor = props(sheet, c.anchor);
        css::awt::Point position;
        css::awt::Size size;
        anchor->getPropertyValue("Position") >>= position;
        anchor->getPropertyValue("Size") >>= size;
        Sequence<css::table::CellRangeAddress> ranges(static_cast<sal_Int32>(c.ranges.size()));
        for (std::size_t i = 0; i < c.ranges.size(); ++i)
            ranges.getArray()[i] =
                address(c.data_sheet ? indices[static_cast<std::size_t>(*c.data_sheet)] : index, c.ranges[i]);
        std::string name = c.name;
        for (int n = 2; chart_name_taken(doc, from_utf8(name)); ++n) name = c.name + "_" + std::to_string(n);
        charts->addNewByName(from_utf8(name), css::awt::Rectangle(position.X, position.Y, size.Width, size.Height),
                             ranges, c.first_row_is_header, true);
        Reference<css::document::XEmbeddedObjectSupplier> embedded(charts->getByName(from_utf8(name)),
                                                                  UNO_QUERY_THROW);
        Reference<css::chart::XChartDocument> chart(embedded->getEmbeddedObject(), UNO_QUERY);
        if (!chart.is()) continue;
        Reference<css::beans::XPropertySet> chart_props(chart, UNO_QUERY_THROW);
        chart_props->setPropertyValue("HasMainTitle", Any(true));
        chart_props->setPropertyValue("HasLegend", Any(c.series_in_rows));
        Reference<css::beans::XPropertySet>(chart->getTitle(), UNO_QUERY_THROW)
            ->setPropertyValue("String", Any(from_utf8(c.title)));
        if (c.type == kpi::chart_type::line) {
            Reference<css::lang::XMultiServiceFactory> factory(chart, UNO_QUERY_THROW);
            chart->setDiagram(Reference<css::chart::XDiagram>(factory->createInstance("com.sun.star.chart.LineDiagram"),
                                                              UNO_QUERY_THROW));
        } else if (c.type == kpi::chart_type::bar) {
            Reference<css::beans::XPropertySet>(chart->getDiagram(), UNO_QUERY_THROW)
                ->setPropertyValue("Vertical", Any(true));
        }
        if (c.series_in_rows)
            Reference<css::beans::XPropertySet>(chart->getDiagram(), UNO_QUERY_THROW)
                ->setPropertyValue("DataRowSource", Any(css::chart::ChartDataRowSource_ROWS));
        if (c.value_axis_min) {
            Reference<css::chart::XAxisYSupplier> axes(chart->getDiagram(), UNO_QUERY);
            if (axes.is() && axes->getYAxis().is()) {
                Reference<css::beans::XPropertySet> y(axes->getYAxis(), UNO_QUERY_THROW);
                y->setPropertyValue("AutoMin", Any(false));
                y->setPropertyValue("Min", Any(*c.value_axis_min));
            }
        }
    }
}

void write_print_areas(const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int16 index,
                       const kpi::sheet_model& model) {
    if (!model.print_area) return;
    Reference<css::sheet::XPrintAreas> areas(sheet, UNO_QUERY_THROW);
    const css::table::CellRangeAddress area = address(index, *model.print_area);
    areas->setPrintAreas(Sequence<css::table::CellRangeAddress>(&area, 1));
    if (model.print_title_rows > 0) {
        areas->setTitleRows(css::table::CellRangeAddress(index, 0, 0, 0, model.print_title_rows - 1));
        areas->setPrintTitleRows(true);
    }
}

// One page style for every sheet of the model: A4, the footer with a left text and "Page n / N".
void apply_page_layout(const Reference<css::sheet::XSpreadsheetDocument>& doc, const kpi::page_layout& layout,
                       const std::vector<Reference<css::sheet::XSpreadsheet>>& sheets) {
    Reference<css::style::XStyleFamiliesSupplier> families(doc, UNO_QUERY_THROW);
    Reference<css::container::XNameContainer> page_styles(families->getStyleFamilies()->getByName("PageStyles"),
                                                          UNO_QUERY_THROW);
    std::string name = layout.style_name;
    for (int n = 2; page_styles->hasByName(from_utf8(name)); ++n) name = layout.style_name + " " + std::to_string(n);
    Reference<css::lang::XMultiServiceFactory> factory(doc, UNO_QUERY_THROW);
    Reference<css::style::XStyle> style(factory->createInstance("com.sun.star.style.PageStyle"), UNO_QUERY_THROW);
    page_styles->insertByName(from_utf8(name), Any(style));
    Reference<css::beans::XPropertySet> p(style, UNO_QUERY_THROW);
    p->setPropertyValue("IsLandscape", Any(layout.landscape));
    p->setPropertyValue("Width", Any(sal_Int32(layout.landscape ? 29700 : 21000)));
    p->setPropertyValue("Height", Any(sal_Int32(layout.landscape ? 21000 : 29700)));
    for (const char* margin : {"LeftMargin", "RightMargin", "TopMargin", "BottomMargin"})
        p->setPropertyValue(OUString::createFromAscii(margin), Any(sal_Int32(1500)));
    if (layout.fit_width) {
        // One page wide, as many pages high as the content needs (0 = no limit).
        p->setPropertyValue("ScaleToPagesX", Any(sal_Int16(1)));
        p->setPropertyValue("ScaleToPagesY", Any(sal_Int16(0)));
    }
    p->setPropertyValue("HeaderIsOn", Any(false));
    p->setPropertyValue("FooterIsOn", Any(true));
    Reference<css::sheet::XHeaderFooterContent> footer(p->getPropertyValue("RightPageFooterContent"), UNO_QUERY_THROW);
    footer->getLeftText()->setString(from_utf8(layout.footer_left));
    footer->getCenterText()->setString("");
    auto right = footer->getRightText();
    right->setString("");
    auto field = [&](const char* service) {
        return Reference<css::text::XTextContent>(factory->createInstance(OUString::createFromAscii(service)),
                                                  UNO_QUERY_THROW);
    };
    Reference<css::text::XTextRange> cursor(right->createTextCursor(), UNO_QUERY_THROW);
    right->insertString(cursor, from_utf8(layout.page_word + " "), false);
    right->insertTextContent(cursor, field("com.sun.star.text.TextField.PageNumber"), false);
    right->insertString(cursor, " / ", false);
    right->insertTextContent(cursor, field("com.sun.star.text.TextField.PageCount"), false);
    p->setPropertyValue("RightPageFooterContent", Any(footer));
    p->setPropertyValue("LeftPageFooterContent", Any(footer));
    for (const auto& sheet : sheets)
        Reference<css::beans::XPropertySet>(sheet, UNO_QUERY_THROW)->setPropertyValue("PageStyle", Any(from_utf8(name)));
}

// Manual page breaks: a new printed page from each of the model's rows on.
void write_page_breaks(const Reference<css::sheet::XSpreadsheet>& sheet, const kpi::sheet_model& model) {
    if (model.page_break_before.empty()) return;
    auto rows = Reference<css::table::XColumnRowRange>(sheet, UNO_QUERY_THROW)->getRows();
    for (const auto row : model.page_break_before)
        Reference<css::beans::XPropertySet>(rows->getByIndex(row), UNO_QUERY_THROW)
            ->setPropertyValue("IsStartOfNewPage", Any(true));
}

std::string free_range_name(const Reference<css::sheet::XNamedRanges>& names, const std::string& wanted) {
    std::string name = wanted;
    for (int n = 2; names->hasByName(from_utf8(name)); ++n) name = wanted + "_" + std::to_string(n);
    return name;
}

} // namespace

sheet_names write_workbook(const Reference<css::uno::XComponentContext>& context,
                           const Reference<css::sheet::XSpreadsheetDocument>& document,
                           const kpi::workbook_model& model) {
    auto sheets = document->getSheets();
    Reference<css::container::XIndexAccess> by_index(sheets, UNO_QUERY_THROW);
    sheet_names names;
    std::array<sal_Int16, kpi::sheet_role_count> indices{};
    std::array<Reference<css::sheet::XSpreadsheet>, kpi::sheet_role_count> created;

    // 1. The sheets, after the existing ones, under free names.
    for (const auto& s : model.sheets) {
        const auto role = static_cast<std::size_t>(s.role);
        names[role] = free_sheet_name(sheets, s.name);
        const auto position = by_index->getCount();
        Reference<css::frame::XModel> frame_model(document, UNO_QUERY);
        const bool has_view = frame_model.is() && frame_model->getCurrentController().is();
        if (!s.icon_sets.empty() && !has_view) {
            const sal_Int32 at = add_icon_sets(context, document, s, position, nullptr);
            Reference<css::container::XNamed>(by_index->getByIndex(at), UNO_QUERY_THROW)
                ->setName(from_utf8(names[role]));
            created[role].set(sheets->getByName(from_utf8(names[role])), UNO_QUERY_THROW);
        } else {
            sheets->insertNewByName(from_utf8(names[role]), static_cast<sal_Int16>(position));
            created[role].set(sheets->getByName(from_utf8(names[role])), UNO_QUERY_THROW);
            if (!s.icon_sets.empty()) add_icon_sets(context, document, s, position, created[role]);
        }
        indices[role] = static_cast<sal_Int16>(
            Reference<css::sheet::XCellRangeAddressable>(created[role], UNO_QUERY_THROW)->getRangeAddress().Sheet);
    }

    // 2. Contents and formats, sheet by sheet (formulas may refer to any of the new sheets), with the
    // view locked and automatic calculation off while writing (each formula would otherwise be computed
    // as it lands, against sheets half written); the user's setting is restored afterwards, which
    // computes the new cells once.
    Reference<css::frame::XModel> frame_model(document, UNO_QUERY);
    {
    if (frame_model.is()) frame_model->lockControllers();
    Reference<css::sheet::XCalculatable> calculation(document, UNO_QUERY);
    const bool automatic = calculation.is() && calculation->isAutomaticCalculationEnabled();
    if (automatic) calculation->enableAutomaticCalculation(false);
    struct restore {
        Reference<css::frame::XModel> m;
        Reference<css::sheet::XCalculatable> calculation;
        bool automatic;
        ~restore() {
            try {
                if (automatic) calculation->enableAutomaticCalculation(true);
                if (m.is()) m->unlockControllers();
            } catch (...) {
            }
        }
    } restorer{frame_model, calculation, automatic};
    number_formats formats(document, model);
    for (const auto& s : model.sheets) {
        const auto role = static_cast<std::size_t>(s.role);
        const auto& sheet = created[role];
        write_cells(sheet, s, names);
        write_styles(sheet, s, formats);
        write_validations(sheet, s, names);
        write_style_rules(sheet, indices[role], s);
        hide_icon_values(sheet, s, formats);
        write_charts(document, sheet, indices[role], s, indices);
        write_print_areas(sheet, indices[role], s);
        write_page_breaks(sheet, s);
    }

    if (model.page) {
        std::vector<Reference<css::sheet::XSpreadsheet>> model_sheets;
        for (const auto& s : model.sheets) model_sheets.push_back(created[static_cast<std::size_t>(s.role)]);
        apply_page_layout(document, *model.page, model_sheets);
    }

    // 3. Named ranges, document-wide.
    Reference<css::beans::XPropertySet> doc_props(document, UNO_QUERY_THROW);
    Reference<css::sheet::XNamedRanges> ranges(doc_props->getPropertyValue("NamedRanges"), UNO_QUERY_THROW);
    for (const auto& n : model.names) {
        const auto role = static_cast<std::size_t>(n.sheet);
        const std::string content = kpi::quote_sheet(names[role]) + "." + kpi::absolute_address(n.area);
        ranges->addNewByName(from_utf8(free_range_name(ranges, n.name)), from_utf8(content),
                             css::table::CellAddress(indices[role], 0, 0), 0);
    }
    } // controllers unlocked here

    return names;
}

void show_workbook(const Reference<css::sheet::XSpreadsheetDocument>& document, const kpi::workbook_model& model,
                   const sheet_names& names) {
    Reference<css::frame::XModel> frame_model(document, UNO_QUERY);
    auto sheets = document->getSheets();
    std::array<Reference<css::sheet::XSpreadsheet>, kpi::sheet_role_count> created;
    for (const auto& s : model.sheets) {
        const auto role = static_cast<std::size_t>(s.role);
        if (!sheets->hasByName(from_utf8(names[role]))) return;
        created[role].set(sheets->getByName(from_utf8(names[role])), UNO_QUERY_THROW);
    }
    if (model.sheets.empty()) return;
    // Frozen header rows: a view setting, only where the document has a view.
    Reference<css::frame::XController> controller(frame_model.is() ? frame_model->getCurrentController() : nullptr);
    Reference<css::sheet::XSpreadsheetView> view(controller, UNO_QUERY);
    Reference<css::sheet::XViewFreezable> freezable(controller, UNO_QUERY);
    if (view.is() && freezable.is()) {
        for (const auto& s : model.sheets) {
            if (s.frozen_rows <= 0) continue;
            view->setActiveSheet(created[static_cast<std::size_t>(s.role)]);
            freezable->freezeAtPosition(0, s.frozen_rows);
        }
        const bool has_dashboard = std::any_of(model.sheets.begin(), model.sheets.end(), [](const kpi::sheet_model& s) {
            return s.role == kpi::sheet_role::dashboard;
        });
        view->setActiveSheet(created[static_cast<std::size_t>(has_dashboard ? kpi::sheet_role::dashboard
                                                                             : model.sheets.front().role)]);
    }
}

} // namespace kpi::uno_glue
