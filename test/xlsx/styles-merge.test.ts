import { describe, expect, it } from 'vitest';
import { mergeStyles } from '../../src/xlsx/styles-merge.js';

const SCRATCH =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/></font><font><b/><sz val="11"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<dxfs count="1"><dxf><fill><patternFill patternType="solid"><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>' +
  '</styleSheet>';

describe('mergeStyles', () => {
  it('appends the scratch styles after the user\u2019s, remapping every index', () => {
    const original =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.000"/><numFmt numFmtId="170" formatCode="0.0%"/></numFmts>' +
      '<fonts count="1"><font><sz val="10"/><name val="Arial"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border/></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<tableStyles count="0"/>' +
      '</styleSheet>';
    const merged = mergeStyles(original, SCRATCH);
    expect(merged.xf(0)).toBe(0);
    expect(merged.xf(1)).toBe(2);
    expect(merged.xf(2)).toBe(3);
    expect(merged.dxf(0)).toBe(0);
    // The user's styles keep their places; the scratch ones follow.
    expect(merged.xml).toContain('<fonts count="3"><font><sz val="10"/><name val="Arial"/></font><font><sz val="11"/></font><font><b/><sz val="11"/></font></fonts>');
    expect(merged.xml).toContain(
      '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="0" fontId="2" fillId="4" borderId="1" xfId="0" applyFont="1" applyFill="1"/>' +
        '<xf numFmtId="170" fontId="1" fillId="2" borderId="1" xfId="0" applyNumberFormat="1"/></cellXfs>',
    ); // 0.0% already existed as 170, so it is reused
    expect(merged.xml).toContain('<numFmts count="2">');
    // dxfs did not exist: inserted after cellStyles, before tableStyles.
    expect(merged.xml).toMatch(/<\/cellStyles><dxfs count="1"><dxf>.*FFFFC7CE.*<\/dxf><\/dxfs><tableStyles/);
  });

  it('gives a new number format a free id and keeps a prefixed part prefixed', () => {
    const original =
      '<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<x:fonts count="1"><x:font/></x:fonts><x:fills count="2"><x:fill/><x:fill/></x:fills><x:borders count="1"><x:border/></x:borders>' +
      '<x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></x:cellXfs>' +
      '<x:dxfs count="1"><x:dxf/></x:dxfs>' +
      '</x:styleSheet>';
    const merged = mergeStyles(original, SCRATCH);
    expect(merged.xml).toMatch(/^<x:styleSheet[^>]*><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="0.0%"\/><\/x:numFmts><x:fonts count="3">/);
    expect(merged.xml).toContain('<x:font><x:b/><x:sz val="11"/></x:font>');
    expect(merged.xml).not.toMatch(/<(?!\/?x:)\/?[a-z]/); // no unprefixed element slipped in
    expect(merged.xf(1)).toBe(1);
    expect(merged.dxf(0)).toBe(1);
    expect(merged.xml).toContain('<x:dxfs count="2"><x:dxf/><x:dxf><x:fill>');
  });
});
