/**
 * Tells what a file is from its first bytes when it is not an .xlsx package, so the message can
 * say which format it is and how to save it as .xlsx. Magic numbers: OLE2 compound file
 * D0 CF 11 E0 A1 B1 1A E1 (an Excel 97-2003 .xls, or an .xlsx saved with a password, which Excel
 * encrypts into an OLE container: MS-OFFCRYPTO 2.3.4.4 "EncryptedPackage"); zip PK 03 04.
 */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const SAVE_AS_XLSX = 'In Excel: File > Save As, choose "Excel Workbook (*.xlsx)" and save, then run again with the .xlsx file.';

export function isZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6);
}

export function isOle(head: Uint8Array): boolean {
  return OLE.every((b, i) => head[i] === b);
}

function utf16(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) out[i * 2] = text.charCodeAt(i);
  return out;
}

function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const ENCRYPTED_PACKAGE = utf16('EncryptedPackage');
const XLS_WORKBOOK = utf16('Workbook');

/** The message for an OLE compound file, from (some of) its bytes: password-protected .xlsx, or .xls. */
export function oleMessage(sample: Uint8Array): string {
  if (contains(sample, ENCRYPTED_PACKAGE)) {
    return 'is password-protected (Excel encrypts such a workbook, so it cannot be read). In Excel: open it with the password, then File > Info > Protect Workbook > Encrypt with Password, clear the password and save; or File > Save As a new .xlsx without a password. Then run again with that file.';
  }
  const xls = contains(sample, XLS_WORKBOOK) ? 'is an Excel 97-2003 workbook (.xls)' : 'is an Excel 97-2003 workbook (.xls) or a password-protected workbook';
  return `${xls}, not an .xlsx. ${SAVE_AS_XLSX} If it has a password, remove it first (File > Info > Protect Workbook > Encrypt with Password, clear it).`;
}

/** The message for a file that is neither a zip nor an OLE file, from its first bytes. */
export function notZipMessage(head: Uint8Array): string {
  if (head.length === 0) return `is empty (0 bytes). ${SAVE_AS_XLSX}`;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, 4096)).replace(/^\uFEFF/, '');
  if (/^\s*<\?xml[\s\S]*urn:schemas-microsoft-com:office:spreadsheet/.test(text)) return `is an XML Spreadsheet 2003 file, not an .xlsx. ${SAVE_AS_XLSX}`;
  if (/^\s*<(!doctype html|html|table)/i.test(text)) return `is a web page (HTML), not an .xlsx workbook. Open it in Excel, then ${SAVE_AS_XLSX.replace(/^In Excel: /, '')}`;
  if (/^ID;P/.test(text)) return `is a SYLK file, not an .xlsx. ${SAVE_AS_XLSX}`;
  // Printable text in lines with commas, tabs or semicolons: a CSV or text export.
  const printable = [...text].filter((c) => c >= ' ' || c === '\n' || c === '\r' || c === '\t').length >= text.length * 0.95;
  if (printable && /[,;\t]/.test(text)) return `is a CSV or text file, not an .xlsx workbook. Open it in Excel, then ${SAVE_AS_XLSX.replace(/^In Excel: /, '')}`;
  if (printable) return `is a text file, not an .xlsx workbook. ${SAVE_AS_XLSX}`;
  return `is not an Excel workbook (.xlsx): it is not a zip package. ${SAVE_AS_XLSX}`;
}

/** The message for a zip package that holds no .xlsx workbook: OpenDocument, .xlsb, Word, or anything else. */
export function zipNotXlsxMessage(names: readonly string[], mimetype: string | undefined): string {
  const has = (n: string) => names.some((x) => x.toLowerCase() === n);
  if (mimetype?.startsWith('application/vnd.oasis.opendocument.spreadsheet') === true) {
    return `is an OpenDocument spreadsheet (.ods), not an .xlsx. In LibreOffice Calc: File > Save As, choose "Excel 2007-365 (.xlsx)"; or open it in Excel and ${SAVE_AS_XLSX.replace(/^In Excel: /, '')}`;
  }
  if (mimetype?.startsWith('application/vnd.oasis.opendocument') === true) return `is an OpenDocument file (${mimetype}), not an Excel workbook.`;
  if (has('xl/workbook.bin')) return `is an Excel Binary Workbook (.xlsb), not an .xlsx. ${SAVE_AS_XLSX}`;
  if (has('word/document.xml')) return 'is a Word document (.docx), not an Excel workbook.';
  if (has('ppt/presentation.xml')) return 'is a PowerPoint presentation (.pptx), not an Excel workbook.';
  return `is a zip file that holds no Excel workbook (no workbook part). ${SAVE_AS_XLSX}`;
}
