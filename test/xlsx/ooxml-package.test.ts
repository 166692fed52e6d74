import { describe, expect, it } from 'vitest';
import {
  addOverride,
  freePartName,
  freeRelId,
  parseRels,
  parseWorkbookSheets,
  relativeTarget,
  relsPathOf,
  relsXml,
  removeOverride,
  resolveTarget,
} from '../../src/xlsx/ooxml-package.js';
import { transformSheetXml, sharedStringItems } from '../../src/xlsx/sheet-xml-transform.js';
import { attr, escapeXml, setAttr, unescapeXml, withPrefix } from '../../src/xlsx/xml-text.js';
import { ownedRangeValues } from '../../src/xlsx/range-values.js';

describe('package paths and relationships', () => {
  it('resolves and builds relative targets', () => {
    expect(relsPathOf('xl/worksheets/sheet1.xml')).toBe('xl/worksheets/_rels/sheet1.xml.rels');
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet2.xml')).toBe('xl/worksheets/sheet2.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../drawings/drawing1.xml')).toBe('xl/drawings/drawing1.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/styles.xml')).toBe('xl/styles.xml');
    expect(resolveTarget('', 'xl/workbook.xml')).toBe('xl/workbook.xml');
    expect(relativeTarget('xl/worksheets/sheet1.xml', 'xl/drawings/drawing1.xml')).toBe('../drawings/drawing1.xml');
    expect(relativeTarget('xl/workbook.xml', 'xl/worksheets/sheet9.xml')).toBe('worksheets/sheet9.xml');
    expect(freePartName(['xl/charts/chart1.xml', 'xl/charts/Chart2.xml'], 'xl/charts', 'chart')).toBe('xl/charts/chart3.xml');
  });

  it('reads and writes relationships and content types', () => {
    const rels = parseRels(relsXml([{ id: 'rId1', type: 'http://x/relationships/worksheet', target: 'worksheets/a&b.xml', external: false }]));
    expect(rels).toEqual([{ id: 'rId1', type: 'http://x/relationships/worksheet', target: 'worksheets/a&b.xml', external: false }]);
    expect(freeRelId([{ id: 'rId2', type: '', target: '', external: false }])).toBe('rId3');
    const types = '<Types xmlns="t"><Override PartName="/xl/charts/chart1.xml" ContentType="c"/></Types>';
    expect(removeOverride(types, 'xl/charts/chart1.xml')).toBe('<Types xmlns="t"></Types>');
    expect(addOverride(types, 'xl/charts/chart1.xml', 'd')).toBe('<Types xmlns="t"><Override PartName="/xl/charts/chart1.xml" ContentType="d"/></Types>');
  });

  it('lists workbook sheets with any relationship prefix', () => {
    const xml = '<x:workbook xmlns:x="m" xmlns:rel="r"><x:sheets><x:sheet name="A &amp; B" sheetId="3" rel:id="rId7"/></x:sheets></x:workbook>';
    expect(parseWorkbookSheets(xml)).toEqual([{ name: 'A & B', sheetId: 3, relId: 'rId7' }]);
  });
});

describe('xml text helpers', () => {
  it('escapes, reads and sets attributes, prefixes fragments', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(unescapeXml('&lt;&#65;&#x42;&amp;')).toBe('<AB&');
    expect(attr('<c r="A1" s="3">', 's')).toBe('3');
    expect(setAttr('<fonts count="1">', 'count', '4')).toBe('<fonts count="4">');
    expect(setAttr('<dxfs>', 'count', '1')).toBe('<dxfs count="1">');
    expect(withPrefix('<xf a="1"><alignment/></xf>', 'x:')).toBe('<x:xf a="1"><x:alignment/></x:xf>');
  });
});

describe('transformSheetXml', () => {
  it('inlines strings, remaps styles, unselects the tab and adds the drawing before tableParts', () => {
    const strings = sharedStringItems('<sst><si><t>Quarter</t></si><si><t xml:space="preserve">=SUM(A1) </t></si></sst>');
    const xml =
      '<worksheet xmlns="m" xmlns:r="r"><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><cols><col min="1" max="1" width="9" style="2"/></cols>' +
      '<sheetData><row r="1" s="1" customFormat="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="0"><v>5</v></c></row></sheetData>' +
      '<conditionalFormatting sqref="C1"><cfRule type="expression" dxfId="0" priority="1"><formula>C1&gt;1</formula></cfRule></conditionalFormatting><tableParts count="0"/></worksheet>';
    const out = transformSheetXml(xml, { strings, xf: (i) => (i === 0 ? 0 : i + 10), dxf: (i) => i + 3, drawingRelId: 'rId1' });
    expect(out).toContain('<sheetView workbookViewId="0"/>');
    expect(out).toContain('<col min="1" max="1" width="9" style="12"/>');
    expect(out).toContain('<row r="1" s="11" customFormat="1">');
    expect(out).toContain('<c r="A1" s="11" t="inlineStr"><is><t>Quarter</t></is></c>');
    expect(out).toContain('<c r="B1" t="inlineStr"><is><t xml:space="preserve">=SUM(A1) </t></is></c>');
    expect(out).toContain('<c r="C1" s="0"><v>5</v></c>');
    expect(out).toContain('dxfId="3"');
    expect(out).toContain('<drawing r:id="rId1"/><tableParts count="0"/></worksheet>');
  });
});

describe('ownedRangeValues', () => {
  it('reads numbers, formula results and text of an owned range', () => {
    const values = ownedRangeValues([{ name: "Bob's", rows: [[{ text: 'a' }, { number: 2 }], [{ formula: 'B1*2', result: 4 }, null]] }]);
    expect(values("'Bob''s'!$A$1:$B$2")).toEqual(['a', 2, 4, null]);
    expect(values("'Other'!$A$1")).toBeUndefined();
    expect(values('not a range')).toBeUndefined();
  });
});
