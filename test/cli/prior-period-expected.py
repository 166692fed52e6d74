#!/usr/bin/python3
"""Independent value for cli.test.ts "counts the prior-period forms": Medicaid 2024Q2 (FFY2024 Q3)
% difference with Include Prior Period = Yes, summed from the sample's cells with openpyxl and
Decimal (no project code): report = Total Computable of every CMS-64 row of the quarter (base,
waiver and 64.9P) whose line the bundled line map (assets/line-map/line-map.json) does not mark
Excluded; universe = the Universe sheet's FFS + MC of the quarter; % = (universe - report) / |report|.
Run: /usr/bin/python3 test/cli/prior-period-expected.py"""
import json
from decimal import Decimal
import openpyxl

wb = openpyxl.load_workbook('assets/samples/sample-state.xlsx', data_only=True)
excluded = {r['description'] for r in json.load(open('assets/line-map/line-map.json')) if r['component'] == 'Excluded' and r['form'].startswith('CMS-64')}
report = sum(Decimal(str(r[3])) for r in wb['CMS-64'].iter_rows(min_row=2, values_only=True) if r[0] == 'FFY2024 Q3' and r[2] not in excluded)
universe = sum(Decimal(str(r[3])) for r in wb['Universe'].iter_rows(min_row=2, values_only=True) if r[0] == 'Medicaid' and r[1] == '2024Q2')
print(f'report {report} universe {universe} percent {(universe - report) / abs(report):.12f}')
