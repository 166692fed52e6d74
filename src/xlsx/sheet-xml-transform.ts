/**
 * Rewrites a sheet part rendered in the scratch workbook so it fits the user's package: strings
 * inline (the user's shared-string table is left alone), style indices remapped to the merged
 * styles, no tab selected (two selected tabs would group the sheets), and a drawing for charts.
 */
import { elements, rootPrefix, section } from './xml-text.js';

/** The `<si>` items of a shared-string part, as their inner XML. */
export function sharedStringItems(sstXml: string | undefined): string[] {
  if (sstXml === undefined) return [];
  const p = rootPrefix(sstXml, 'sst');
  return elements(sstXml, p, 'si').map((si) => section(si, p, 'si')?.inner ?? '');
}

export interface SheetTransform {
  readonly strings: readonly string[];
  readonly xf: (index: number) => number;
  readonly dxf: (index: number) => number;
  /** Relationship id of the sheet's drawing, when it has charts. */
  readonly drawingRelId?: string;
}

/** Elements that must follow `<drawing>` in a worksheet (ECMA-376 part 1, 18.3.1.99). */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

export function transformSheetXml(xml: string, t: SheetTransform): string {
  let out = xml.replace(/<c\b([^>]*?)\st="s"([^>]*)>\s*<v>(\d+)<\/v>\s*<\/c>/g, (_m, before: string, after: string, index: string) => {
    const inner = t.strings[Number(index)];
    if (inner === undefined) throw new Error(`Scratch sheet refers to shared string ${index}, which does not exist.`);
    return `<c${before} t="inlineStr"${after}><is>${inner}</is></c>`;
  });
  out = out.replace(/(<(?:c|row)\b[^>]*?\ss=")(\d+)"/g, (_m, head: string, n: string) => `${head}${t.xf(Number(n))}"`);
  out = out.replace(/(<col\b[^>]*?\sstyle=")(\d+)"/g, (_m, head: string, n: string) => `${head}${t.xf(Number(n))}"`);
  out = out.replace(/(<cfRule\b[^>]*?\sdxfId=")(\d+)"/g, (_m, head: string, n: string) => `${head}${t.dxf(Number(n))}"`);
  out = out.replace(/\stabSelected="(?:1|true)"/g, '');
  if (t.drawingRelId !== undefined) {
    const drawing = `<drawing r:id="${t.drawingRelId}"/>`;
    const next = AFTER_DRAWING.map((name) => out.indexOf(`<${name}`)).filter((i) => i >= 0);
    const at = next.length > 0 ? Math.min(...next) : out.lastIndexOf('</worksheet>');
    out = `${out.slice(0, at)}${drawing}${out.slice(at)}`;
    if (!/<worksheet\b[^>]*\sxmlns:r=/.test(out)) {
      out = out.replace(/<worksheet\b/, '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
    }
  }
  return out;
}
