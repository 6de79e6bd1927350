#!/usr/bin/env python3
"""Writes the small .xlsx workbooks the XLSX loader tests read.

An .xlsx file is a ZIP archive of XML parts (ECMA-376 Part 1). These are written by hand,
part by part, with only the standard library, so each fixture holds exactly the cell types,
styles, merges and names a test is about. Run it from anywhere; it rewrites the files beside
itself. The output is deterministic (fixed timestamps), so re-running changes nothing.
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def shared_strings(strings):
    items = "".join(f"<si><t xml:space=\"preserve\">{esc(s)}</t></si>" for s in strings)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst {NS} count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>'


def styles(formats, xfs):
    """formats: {id: code} custom number formats; xfs: list of numFmtId, one per cell style."""
    fmts = "".join(f'<numFmt numFmtId="{i}" formatCode="{esc(c).replace(chr(34), "&quot;")}"/>' for i, c in formats.items())
    cell_xfs = "".join(f'<xf numFmtId="{n}" fontId="0" fillId="0" borderId="0" xfId="0"/>' for n in xfs)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet {NS}>'
            f'<numFmts count="{len(formats)}">{fmts}</numFmts>'
            '<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{cell_xfs}</cellXfs></styleSheet>')


def sheet(rows, merges=(), prefix=""):
    """rows: {row number: [cell xml, ...]}; cells are written as given."""
    p = prefix + ":" if prefix else ""
    ns = NS.replace("xmlns=", f"xmlns:{prefix}=") if prefix else NS
    body = "".join(f'<{p}row r="{r}">{"".join(cells)}</{p}row>' for r, cells in sorted(rows.items()))
    merge = ""
    if merges:
        merge = f'<{p}mergeCells count="{len(merges)}">' + "".join(f'<{p}mergeCell ref="{m}"/>' for m in merges) + f"</{p}mergeCells>"
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{p}worksheet {ns} {NS_R}>'
            f"<{p}sheetData>{body}</{p}sheetData>{merge}</{p}worksheet>")


def workbook(name, sheets, strings=(), formats=None, xfs=(0,), defined=None, date1904=False):
    """sheets: list of (sheet name, sheet xml)."""
    sheet_list = "".join(f'<sheet name="{esc(n)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (n, _) in enumerate(sheets))
    names = ""
    if defined:
        names = "<definedNames>" + "".join(f'<definedName name="{esc(k)}">{esc(v)}</definedName>' for k, v in defined.items()) + "</definedNames>"
    pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    wb = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {NS} {NS_R}>{pr}<sheets>{sheet_list}</sheets>{names}</workbook>'
    n = len(sheets)
    wb_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               + "".join(f'<Relationship Id="rId{i + 1}" Type="{REL}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>' for i in range(n))
               + f'<Relationship Id="rId{n + 1}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
               + f'<Relationship Id="rId{n + 2}" Type="{REL}/styles" Target="styles.xml"/></Relationships>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                     + "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(n))
                     + "</Types>")
    parts = [("[Content_Types].xml", content_types), ("_rels/.rels", root_rels), ("xl/workbook.xml", wb),
             ("xl/_rels/workbook.xml.rels", wb_rels), ("xl/sharedStrings.xml", shared_strings(list(strings))),
             ("xl/styles.xml", styles(formats or {}, list(xfs)))]
    parts += [(f"xl/worksheets/sheet{i + 1}.xml", xml) for i, (_, xml) in enumerate(sheets)]
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as z:
        for path, text in parts:
            info = zipfile.ZipInfo(path, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


def s(ref, index, style=None):
    """A shared-string cell."""
    return f'<c r="{ref}" t="s"{f" s={chr(34)}{style}{chr(34)}" if style is not None else ""}><v>{index}</v></c>'


def n(ref, value, style=None, formula=None):
    """A number cell, optionally styled and with the formula it was computed by."""
    f = f"<f>{esc(formula)}</f>" if formula else ""
    st = f' s="{style}"' if style is not None else ""
    return f'<c r="{ref}"{st}>{f}<v>{value}</v></c>'


# basic.xlsx — every cell type, two sheets, a defined name.
#   styles: 0 General, 1 built-in date (14), 2 custom yyyy"年"m"月"d"日", 3 date and time (22), 4 "#,##0.00"
basic_strings = ["区县", "共享量", "同比", "达标", "日期", "东湖区", "西山区", "南湾区", "备注", "说明", "第二张表", "签发", "平均"]
indicators = sheet({
    1: [s("A1", 0), s("B1", 1), s("C1", 2), s("D1", 3), s("E1", 4), s("F1", 11)],
    2: [s("A2", 5), n("B2", "1234.5", 4), n("C2", "0.052"), '<c r="D2" t="b"><v>1</v></c>', n("E2", "45658", 1), n("F2", "45658.5", 3)],
    3: [s("A3", 6), n("B3", "0.30000000000000004"), n("C3", "-0.031"), '<c r="D3" t="b"><v>0</v></c>', n("E3", "45717", 2)],
    4: [s("A4", 7), n("B4", "1234.80000000000004", formula="SUM(B2:B3)"), '<c r="C4" t="str"><f>IF(C3&lt;0,"下降","增长")</f><v>下降</v></c>',
        '<c r="E4" t="inlineStr"><is><r><t>2025-</t></r><r><t>03-01</t></r></is></c>'],
    6: [s("A6", 12), n("B6", "617.4", formula="AVERAGE(B2:B3)")],
})
notes = sheet({1: [s("A1", 9)], 2: ['<c r="A2" t="inlineStr"><is><t>第二张表</t></is></c>']})
workbook("basic.xlsx", [("指标", indicators), ("备注", notes)], basic_strings,
         formats={176: 'yyyy"年"m"月"d"日"'}, xfs=(0, 14, 176, 22, 4),
         defined={"重点区县": "'指标'!$A$1:$B$3", "_xlnm.Print_Area": "'指标'!$A$1:$F$6"})

# merged.xlsx — a title merged across the top, the header on row 2, a region merged down two rows.
merged_strings = ["2025年各区县数据共享情况", "区县", "月份", "共享量", "东湖区", "西山区", "一月", "二月"]
merged = sheet({
    1: [s("A1", 0)],
    2: [s("A2", 1), s("B2", 2), s("C2", 3)],
    3: [s("A3", 4), s("B3", 6), n("C3", "120")],
    4: [s("B4", 7), n("C4", "98.5")],
    5: [s("A5", 5), s("B5", 6), n("C5", "77")],
}, merges=["A1:C1", "A3:A4"])
workbook("merged.xlsx", [("共享", merged)], merged_strings)

# problems.xlsx — the cells a clerk's workbook goes wrong with, one sheet each.
problem_strings = ["指标", "值"]
error_cell = sheet({1: [s("A1", 0), s("B1", 1)], 2: [s("A2", 0), '<c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>']})
uncalculated = sheet({1: [s("A1", 0), s("B1", 1)], 2: [s("A2", 0), '<c r="B2"><f>SUM(1,2)</f></c>']})
unnamed = sheet({1: [s("A1", 0)], 2: [s("A2", 0), n("B2", "5")]})
workbook("problems.xlsx", [("错误值", error_cell), ("未计算", uncalculated), ("无列名", unnamed)], problem_strings)

# prefixed-1904.xlsx — a worksheet written with an `x:` prefix (as the .NET SDK does), no
# `r` attributes on cells, and the 1904 date system.
prefixed = sheet({1: ['<x:c t="s"><x:v>0</x:v></x:c>', '<x:c t="s"><x:v>1</x:v></x:c>'],
                  2: ['<x:c t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c>', '<x:c s="1"><x:v>0</x:v></x:c>']}, prefix="x")
prefixed = prefixed.replace('<x:row r="1">', "<x:row>").replace('<x:row r="2">', "<x:row>")
workbook("prefixed-1904.xlsx", [("Sheet1", prefixed)], ["名称", "日期"], xfs=(0, 14), date1904=True)
