#!/usr/bin/env python3
"""Writes the example .xlsx workbooks of the samples and of the projects `huibao new` makes.

An .xlsx file is a ZIP archive of XML parts (ECMA-376 Part 1); these are written part by
part with the standard library only (as Tests/Fixtures/xlsx/make_fixtures.py does), one
sheet each: a header row, then one row per record. The output is deterministic (fixed
timestamps), so re-running changes nothing. Run it from anywhere.
"""
import os
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def column(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def workbook(path, sheet_name, rows):
    """rows: the header row, then the records; str cells are shared strings, numbers numbers."""
    strings = []
    body = ""
    for r, row in enumerate(rows, start=1):
        cells = ""
        for c, value in enumerate(row):
            ref = f"{column(c)}{r}"
            if isinstance(value, str):
                if value not in strings:
                    strings.append(value)
                cells += f'<c r="{ref}" t="s"><v>{strings.index(value)}</v></c>'
            else:
                cells += f'<c r="{ref}"><v>{value}</v></c>'
        body += f'<row r="{r}">{cells}</row>'
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {NS} {NS_R}>'
             f"<sheetData>{body}</sheetData></worksheet>")
    sst = "".join(f'<si><t xml:space="preserve">{esc(s)}</t></si>' for s in strings)
    parts = [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
         '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
         '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
         "</Types>"),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        ("xl/workbook.xml",
         f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {NS} {NS_R}><workbookPr/>'
         f'<sheets><sheet name="{esc(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
         f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
         f'<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/></Relationships>'),
        ("xl/sharedStrings.xml",
         f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst {NS} count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>'),
        ("xl/styles.xml",
         f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet {NS}>'
         '<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>'
         '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
         '<borders count="1"><border/></borders>'
         '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
         '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>'),
        ("xl/worksheets/sheet1.xml", sheet),
    ]
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with zipfile.ZipFile(full, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    print(f"wrote {path}")


# Briefing: 2026年一季度各区县共享接口调用量（万次）and 同比（%）— one topic's bar chart.
briefing_districts = [
    ["区县", "调用量", "同比"],
    ["临江开发区", 2310, 71.5], ["东湖区", 1986, 58.2], ["北岭县", 1420, 52.7],
    ["西山区", 1375, 41.0], ["高新区", 1262, 38.6], ["青石县", 846, 29.3],
    ["白沙县", 731, 24.8], ["望海区", 688, 19.5], ["南湾区", 562, -6.1],
]
workbook("samples/briefing/districts.xlsx", "区县调用量", briefing_districts)
workbook("templates/briefing/new/districts.xlsx", "区县调用量", briefing_districts[:7])

# Annual report (huibao new report): 各区县 the table and a chart are drawn from.
workbook("templates/report/new/districts.xlsx", "区县", [
    ["区县", "归集量", "调用量", "同比", "网办率"],
    ["东湖区", 18.62, 9826.4, 42.2, 97.5], ["西山区", 15.37, 8413.7, 37.8, 96.1],
    ["南湾区", 12.08, 6237.5, -6.1, 94.8], ["北岭县", 10.54, 5326.9, 46.6, 95.8],
    ["临江开发区", 6.83, 2864.2, 71.5, 98.2], ["青石县", 5.91, 2251.8, 13.4, 93.6],
])
