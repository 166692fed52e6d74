/**
 * Renders the add-in's owned sheets with exceljs into a scratch workbook: values, formulas with
 * their cached results, styles, column widths, row heights, merges, frozen rows, page setup and conditional
 * highlights. `write-copy.ts` then moves these sheet parts into a copy of the user's file.
 */
import type ExcelJS from 'exceljs';
import type { CellStyle, ConditionalHighlight, OutputCell, OwnedSheet } from '../core/workbook/port.js';

const INVALID_SHEET_NAME = /[[\]:*?/\\]/;

/** Throws on a sheet name Excel would refuse (a programming error: owned names are fixed). */
export function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || INVALID_SHEET_NAME.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new Error(`"${name}" cannot be an Excel sheet name: use 1 to 31 characters, none of [ ] : * ? / \\, not starting or ending with '.`);
  }
}

function argb(hex: string): string {
  if (!/^[0-9A-Fa-f]{6}$/.test(hex)) throw new Error(`Colour "${hex}" is not 6-digit hex RGB such as C00000.`);
  return `FF${hex.toUpperCase()}`;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.numberFormat !== undefined) cell.numFmt = style.numberFormat;
  if (style.bold === true || style.italic === true || style.fontColor !== undefined) {
    cell.font = {
      name: 'Calibri', // a full font: Excel does not fill a partial one from the default
      size: 11,
      family: 2,
      ...(style.bold === true ? { bold: true } : {}),
      ...(style.italic === true ? { italic: true } : {}),
      ...(style.fontColor === undefined ? {} : { color: { argb: argb(style.fontColor) } }),
    };
  }
  if (style.fill !== undefined) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  if (style.horizontal !== undefined || style.wrap === true) {
    cell.alignment = {
      ...(style.horizontal === undefined ? {} : { horizontal: style.horizontal }),
      ...(style.wrap === true ? { wrapText: true, vertical: 'top' as const } : {}),
    };
  }
  if (style.border !== undefined) {
    const side = { style: style.border };
    cell.border = { top: side, left: side, bottom: side, right: side };
  }
  if (style.unlocked === true) cell.protection = { locked: false };
}

function setCell(cell: ExcelJS.Cell, out: Exclude<OutputCell, null>): void {
  if ('text' in out) {
    cell.value = out.text; // a JavaScript string is always written as text, even when it starts with '='
  } else if ('number' in out) {
    if (!Number.isFinite(out.number)) throw new Error(`Cell ${cell.address}: ${out.number} is not a finite number.`);
    cell.value = out.number;
  } else if ('formula' in out) {
    const formula = out.formula.startsWith('=') ? out.formula.slice(1) : out.formula;
    cell.value = out.result === undefined ? { formula } : { formula, result: out.result };
  }
  applyStyle(cell, out);
}

function addHighlight(ws: ExcelJS.Worksheet, h: ConditionalHighlight, priority: number): void {
  ws.addConditionalFormatting({
    ref: h.range,
    rules: [
      {
        type: 'expression',
        priority,
        formulae: [h.formula.startsWith('=') ? h.formula.slice(1) : h.formula],
        style: {
          fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(h.fill) } },
          ...(h.fontColor === undefined ? {} : { font: { color: { argb: argb(h.fontColor) } } }),
        },
      },
    ],
  });
}

function renderSheet(wb: ExcelJS.Workbook, sheet: OwnedSheet): void {
  checkSheetName(sheet.name);
  const fitToPage = sheet.fitToPage === true;
  const fitToWidth = !fitToPage && sheet.fitToWidth === true;
  const ws = wb.addWorksheet(sheet.name, {
    views: sheet.freezeRows !== undefined && sheet.freezeRows > 0 ? [{ state: 'frozen', xSplit: 0, ySplit: sheet.freezeRows }] : [],
    pageSetup: {
      orientation: sheet.landscape === true ? 'landscape' : 'portrait',
      ...(fitToPage ? { fitToPage: true, fitToWidth: 1, fitToHeight: 1 } : {}),
      ...(fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      // Print titles are a workbook-level defined name: build-copy.ts writes them into the user's package.
    },
  });
  sheet.columnWidths?.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) ws.getRow(Number(row)).height = height;
  sheet.rows.forEach((cells, r) => {
    cells.forEach((out, c) => {
      if (out !== null) setCell(ws.getCell(r + 1, c + 1), out);
    });
  });
  for (const m of sheet.merges ?? []) ws.mergeCells(m);
  sheet.highlights?.forEach((h, i) => addHighlight(ws, h, i + 1));
}

/** The owned sheets as a scratch .xlsx (sheet i is part `xl/worksheets/sheet{i+1}.xml`). */
export async function renderOwnedSheets(sheets: readonly OwnedSheet[]): Promise<Uint8Array> {
  // Loaded when first needed: exceljs takes about 0.35 s and 27 MB to load, which reading a
  // workbook, or a command that writes nothing, never needs.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  for (const s of sheets) renderSheet(wb, s);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
