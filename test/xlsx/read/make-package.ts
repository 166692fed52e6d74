/** Builds small .xlsx packages by hand (exact XML), for the reader's tests and fuzzing. */
import JSZip from 'jszip';

export interface HandSheet {
  readonly name: string;
  /** The whole worksheet part, or just the inside of <sheetData> (then wrapped). */
  readonly xml: string;
  readonly state?: 'hidden' | 'veryHidden';
}

export interface HandPackage {
  readonly sheets: readonly HandSheet[];
  readonly sharedStrings?: readonly string[];
  /** Raw sst part (overrides sharedStrings). */
  readonly sstXml?: string;
  readonly date1904?: boolean;
  /** numFmtId of each cellXfs entry (custom codes from 164 in `customFormats`). */
  readonly cellFormats?: readonly number[];
  readonly customFormats?: Readonly<Record<number, string>>;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function worksheet(sheetData: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${R}"><dimension ref="A1"/><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

export async function handPackage(p: HandPackage): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>');
  zip.file('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const sheets = p.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state === undefined ? '' : ` state="${s.state}"`} r:id="rId${i + 1}"/>`).join('');
  zip.file('xl/workbook.xml', `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${R}">${p.date1904 === true ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets}</sheets></workbook>`);
  const rels = p.sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  rels.push(`<Relationship Id="rIdS" Type="${R}/styles" Target="styles.xml"/>`);
  if (p.sharedStrings !== undefined || p.sstXml !== undefined) rels.push(`<Relationship Id="rIdT" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`);
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  const custom = Object.entries(p.customFormats ?? {}).map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join('');
  const xfs = (p.cellFormats ?? [0]).map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join('');
  zip.file('xl/styles.xml', `<?xml version="1.0"?><styleSheet xmlns="${NS}"><numFmts count="1">${custom}</numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="${(p.cellFormats ?? [0]).length}">${xfs}</cellXfs></styleSheet>`);
  if (p.sstXml !== undefined) zip.file('xl/sharedStrings.xml', p.sstXml);
  else if (p.sharedStrings !== undefined) zip.file('xl/sharedStrings.xml', `<?xml version="1.0"?><sst xmlns="${NS}" count="${p.sharedStrings.length}">${p.sharedStrings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`);
  p.sheets.forEach((s, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, /^<(\?xml|(\w+:)?worksheet)/.test(s.xml) ? s.xml : worksheet(s.xml)));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
