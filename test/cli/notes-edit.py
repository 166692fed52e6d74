"""A user's edits to the tool's output, made with openpyxl (an Excel-like tool other than ours),
and an independent read of what came back. Run with /usr/bin/python3 (Debian's python3-openpyxl).

  notes-edit.py type IN OUT          type notes, user columns, a number, a formula on Reconciliation
  notes-edit.py year IN OUT YEAR     set Settings' Review Year
  notes-edit.py resave IN OUT        open and save, nothing else
  notes-edit.py dump IN              JSON: Reconciliation's typed cells and the Run Log's last warnings
"""
import datetime
import json
import sys

import openpyxl


def row_of(ws, a, b):
    for row in ws.iter_rows():
        if row[0].value == a and len(row) > 1 and row[1].value == b:
            return row[0].row
    raise SystemExit(f"no row {a} / {b}")


def header_rows(ws):
    return [row[0].row for row in ws.iter_rows() if row[0].value == "Program" and row[1].value == "Quarter"]


def type_notes(src, out):
    wb = openpyxl.load_workbook(src)
    ws = wb["Reconciliation"]
    overall = row_of(ws, "Medicaid", "Overall")
    ws.cell(overall, 14, "RY2025 overall: capitation timing")
    ws.cell(overall, 15, "Open")
    ws.cell(row_of(ws, "Medicaid prior period", "2023Q4"), 14, "Drug rebate adjustment")
    ws.cell(3, 14, "General remark for the call")  # the blank row under the title
    first_header = header_rows(ws)[0]
    ws.cell(first_header, 16, "Owner")
    ws.cell(first_header, 17, "Call date")
    q3 = row_of(ws, "Medicaid", "2023Q3")
    ws.cell(q3, 16, "Dana")
    date = ws.cell(q3, 17, datetime.datetime(2026, 11, 20))
    date.number_format = "mm/dd/yyyy"
    q4 = row_of(ws, "Medicaid", "2023Q4")
    ws.cell(q4, 14, 1234.5)
    ws.cell(q4, 15, "=1+1")  # a formula: openpyxl saves it without a cached value
    chip = row_of(ws, "CHIP", "2024Q1")
    text = ws.cell(chip, 14, "=not a formula")
    text.data_type = "s"  # typed as text (Excel: with a leading ')
    ws.cell(chip, 15, "+1 call back")
    wb.save(out)


def set_year(src, out, year):
    wb = openpyxl.load_workbook(src)
    ws = wb["Settings"]
    for row in ws.iter_rows():
        if row[0].value == "Review Year":
            row[1].value = year
    wb.save(out)


def dump(src):
    wb = openpyxl.load_workbook(src)
    ws = wb["Reconciliation"]
    cells = {}
    for row in ws.iter_rows(min_col=14):
        for c in row:
            if c.value is None or c.value == "":
                continue
            v = c.value
            if isinstance(v, (datetime.datetime, datetime.date)):
                v = v.isoformat()
            cells[c.coordinate] = {"value": v, "type": c.data_type, "format": c.number_format}
    keys = {}
    for row in ws.iter_rows(max_col=5):
        keys[row[0].row] = [c.value if not isinstance(c.value, datetime.datetime) else c.value.isoformat() for c in row]
    log = wb["Run Log"]
    last = [c.value for c in list(log.iter_rows())[-1]]
    print(json.dumps({"cells": cells, "keys": keys, "runLog": last, "rows": ws.max_row}))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "type":
        type_notes(sys.argv[2], sys.argv[3])
    elif cmd == "year":
        set_year(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd == "resave":
        openpyxl.load_workbook(sys.argv[2]).save(sys.argv[3])
    elif cmd == "dump":
        dump(sys.argv[2])
    else:
        raise SystemExit(f"unknown command {cmd}")
