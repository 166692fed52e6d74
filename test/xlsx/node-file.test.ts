import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openXlsx } from '../../src/xlsx/open-xlsx.js';
import { handPackage } from './read/make-package.js';
import { tempDir } from './helpers.js';

let dir = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
let good: Uint8Array;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  good = await handPackage({ sheets: [{ name: 'Findings', xml: Array.from({ length: 200 }, (_v, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i * 7}</v></c></row>`).join('') }] });
});
afterAll(() => cleanup());

const write = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

/** A minimal OLE2 compound file: the magic number and, in its directory, the UTF-16 stream name given. */
function ole(streamName: string): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 0; i < streamName.length; i++) bytes[1024 + i * 2] = streamName.charCodeAt(i);
  return bytes;
}

describe('openXlsx refuses what is not a readable .xlsx, naming the file and saying what to do', () => {
  it('a folder, a FIFO and a device are refused before any byte is read', async () => {
    const folder = join(dir, 'folder.xlsx');
    mkdirSync(folder);
    await expect(openXlsx(folder)).rejects.toThrow(/folder\.xlsx: is a folder, not an \.xlsx file/);
    const fifo = join(dir, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    await expect(openXlsx(fifo)).rejects.toThrow(/pipe\.xlsx: is not a regular file \(it is a device, pipe or socket\)/);
    await expect(openXlsx('/dev/zero')).rejects.toThrow(/\/dev\/zero: is not a regular file/);
  });

  it.each([
    ['empty.xlsx', () => new Uint8Array(0), /empty\.xlsx: cannot be read as an Excel workbook: it is empty \(0 bytes\)/],
    ['locked.xlsx', () => ole('EncryptedPackage'), /locked\.xlsx: .*it is password-protected.*Encrypt with Password, clear the password/],
    ['old.xlsx', () => ole('Workbook'), /old\.xlsx: .*it is an Excel 97-2003 workbook \(\.xls\), not an \.xlsx\. In Excel: File > Save As, choose "Excel Workbook/],
    ['data.xlsx', () => 'Program,Quarter,Amount\nMedicaid,2023Q3,12.50\n', /data\.xlsx: .*it is a CSV or text file/],
    ['truncated.xlsx', () => good.subarray(0, Math.floor(good.length / 2)), /truncated\.xlsx: cannot be read as an Excel workbook: the zip archive has no end record, so the file is truncated/],
  ])('%s', async (name, bytes, message) => {
    await expect(openXlsx(write(name, bytes()))).rejects.toThrow(message);
  });

  it('an OpenDocument spreadsheet and a zip holding no workbook say what they are', async () => {
    const ods = new JSZip();
    ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    ods.file('content.xml', '<office:document-content/>');
    await expect(openXlsx(write('calc.xlsx', await ods.generateAsync({ type: 'uint8array' })))).rejects.toThrow(/calc\.xlsx: .*it is an OpenDocument spreadsheet \(\.ods\).*LibreOffice Calc: File > Save As/);
    const other = new JSZip();
    other.file('readme.txt', 'hello');
    await expect(openXlsx(write('other.xlsx', await other.generateAsync({ type: 'uint8array' })))).rejects.toThrow(/other\.xlsx: .*it is a zip file that holds no Excel workbook/);
  });

  it('a flipped byte inside a compressed sheet is caught (CRC-32 or inflate), naming the sheet', async () => {
    const zip = await JSZip.loadAsync(good);
    // Find the sheet's compressed data and flip a byte in its middle.
    const bytes = new Uint8Array(good);
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    let at = -1;
    for (let i = 0; i < bytes.length - name.length && at < 0; i++) if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 3 && name.every((b, j) => bytes[i + 30 + j] === b)) at = i;
    const size = ((await zip.file('xl/worksheets/sheet1.xml')?.async('uint8array')) ?? new Uint8Array()).length;
    expect(at).toBeGreaterThan(-1);
    expect(size).toBeGreaterThan(1000);
    const data = at + 30 + name.length + ((bytes[at + 28] ?? 0) | ((bytes[at + 29] ?? 0) << 8));
    bytes[data + 40] = (bytes[data + 40] ?? 0) ^ 0x10;
    await expect(openXlsx(write('flipped.xlsx', bytes))).rejects.toThrow(/flipped\.xlsx sheet 'Findings': part xl\/worksheets\/sheet1\.xml (fails its CRC-32 check|cannot be decompressed|is cut short|inflates to more)/);
  });
});
