"""Writes small flat-ODF spreadsheets (.fods) for the sample workbook and the test data."""
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

STYLES = """
 <office:styles>
  <number:number-style style:name="N_int"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
  <number:number-style style:name="N_vnd"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/><number:text> ₫</number:text></number:number-style>
  <number:percentage-style style:name="N_pct"><number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="co1" style:family="table-column"><style:table-column-properties style:column-width="3.2cm"/></style:style>
  <style:style style:name="Header" style:family="table-cell"><style:table-cell-properties fo:background-color="#dff0ee" fo:wrap-option="wrap"/><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="Text" style:family="table-cell"/>
  <style:style style:name="Number" style:family="table-cell" style:data-style-name="N_int"/>
  <style:style style:name="Money" style:family="table-cell" style:data-style-name="N_vnd"/>
  <style:style style:name="Percent" style:family="table-cell" style:data-style-name="N_pct"/>
 </office:automatic-styles>
"""


class Formula(str):
    """A cell formula in ODF syntax, without the leading 'of:='."""


def cell(value, style=None):
    """A table cell: None (empty), a number, text, or a Formula."""
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, Formula):
        return (f'<table:table-cell table:style-name="{style or "Number"}" '
                f'table:formula={quoteattr("of:=" + value)} office:value-type="float" office:value="0"/>')
    if isinstance(value, (int, float)):
        return (f'<table:table-cell table:style-name="{style or "Number"}" office:value-type="float" '
                f'office:value="{value}"/>')
    return (f'<table:table-cell table:style-name="{style or "Text"}" office:value-type="string">'
            f'<text:p>{escape(str(value))}</text:p></table:table-cell>')


def row(values, styles=None):
    styles = styles or {}
    return "<table:table-row>" + "".join(cell(v, styles.get(i)) for i, v in enumerate(values)) + "</table:table-row>"


def table(name, rows, columns=16):
    return (f'<table:table table:name={quoteattr(name)}>'
            f'<table:table-column table:style-name="co1" table:number-columns-repeated="{columns}"/>'
            + "\n".join(rows) + "</table:table>")


def header_row(values):
    return row(values, {i: "Header" for i in range(len(values))})


def write(path, tables):
    doc = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">{STYLES}
 <office:body>
  <office:spreadsheet>
{chr(10).join(tables)}
  </office:spreadsheet>
 </office:body>
</office:document>
"""
    Path(path).write_text(doc, encoding="utf-8")
