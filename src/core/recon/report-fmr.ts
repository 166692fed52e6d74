/**
 * The annual Financial Management Report (FMR) export: `MAP - <state>` (CMS-64 medical assistance),
 * `ADM - <state>` (CMS-64.10 administration), `CHIP - <state>` (CMS-21), `MCHIP - <state>`
 * (CMS-64.21U) and `MCHIP 20% - <state>` (the T- lines), each titled with a federal fiscal year
 * (recon-domain.md 2.4-2.6 and 3.1).
 */
import { normalizeLabel } from '../workbook/normalize-label.js';
import type { FormId } from './forms.js';
import { descriptionKey } from './line-key.js';
import type { LineBlock } from './line-map.js';

export type FmrSheetKind = 'MAP' | 'ADM' | 'CHIP' | 'MCHIP' | 'MCHIP 20%';

export interface FmrSheetName {
  readonly kind: FmrSheetKind;
  readonly state: string;
  readonly form: FormId;
  /** The block every line of the sheet starts in (`T` on `MCHIP 20%` sheets). */
  readonly startBlock?: LineBlock;
}

const KINDS: readonly { readonly re: RegExp; readonly kind: FmrSheetKind; readonly form: FormId; readonly startBlock?: LineBlock }[] = [
  { re: /^mchip ?20 ?%$/, kind: 'MCHIP 20%', form: 'CMS-64.21U', startBlock: 'T' },
  { re: /^m-?chip$/, kind: 'MCHIP', form: 'CMS-64.21U', startBlock: 'C' },
  { re: /^chip$/, kind: 'CHIP', form: 'CMS-21' },
  { re: /^map$/, kind: 'MAP', form: 'CMS-64.9 Base' },
  { re: /^adm$/, kind: 'ADM', form: 'CMS-64.10' },
];

/** `MAP - Ohio` → { kind: MAP, state: Ohio, form: CMS-64.9 Base }; undefined for any other sheet name. */
export function parseFmrSheetName(sheet: string): FmrSheetName | undefined {
  const m = /^(.+?)\s*[-\u2013\u2014]\s*(.+)$/.exec(sheet.trim());
  if (m === null) return undefined;
  const head = normalizeLabel(m[1] ?? '');
  const kind = KINDS.find((k) => k.re.test(head));
  if (kind === undefined) return undefined;
  return { kind: kind.kind, state: (m[2] ?? '').trim(), form: kind.form, ...(kind.startBlock === undefined ? {} : { startBlock: kind.startBlock }) };
}

/** Full names and postal codes → the FMR's sheet-name spelling (`Dist. Of Col.`, `Amer. Samoa`, `N. Mariana Islands`). */
const STATE_ALIASES: Readonly<Record<string, string>> = {
  districtofcolumbia: 'distofcol', washingtondc: 'distofcol', dc: 'distofcol',
  americansamoa: 'amersamoa', as: 'amersamoa',
  northernmarianaislands: 'nmarianaislands', commonwealthofthenorthernmarianaislands: 'nmarianaislands', mp: 'nmarianaislands',
  usvirginislands: 'virginislands', vi: 'virginislands', gu: 'guam', pr: 'puertorico',
  al: 'alabama', ak: 'alaska', az: 'arizona', ar: 'arkansas', ca: 'california', co: 'colorado', ct: 'connecticut', de: 'delaware',
  fl: 'florida', ga: 'georgia', hi: 'hawaii', id: 'idaho', il: 'illinois', in: 'indiana', ia: 'iowa', ks: 'kansas', ky: 'kentucky',
  la: 'louisiana', me: 'maine', md: 'maryland', ma: 'massachusetts', mi: 'michigan', mn: 'minnesota', ms: 'mississippi', mo: 'missouri',
  mt: 'montana', ne: 'nebraska', nv: 'nevada', nh: 'newhampshire', nj: 'newjersey', nm: 'newmexico', ny: 'newyork', nc: 'northcarolina',
  nd: 'northdakota', oh: 'ohio', ok: 'oklahoma', or: 'oregon', pa: 'pennsylvania', ri: 'rhodeisland', sc: 'southcarolina',
  sd: 'southdakota', tn: 'tennessee', tx: 'texas', ut: 'utah', vt: 'vermont', va: 'virginia', wa: 'washington', wv: 'westvirginia',
  wi: 'wisconsin', wy: 'wyoming',
};

/**
 * A state name for comparison: case, spaces, dashes and periods ignored, and full names or postal
 * codes read as the FMR spells them (`District of Columbia`, `DC` and `Dist. Of Col.` are one state).
 */
export function stateKey(state: string): string {
  const key = normalizeLabel(state).replace(/^(?:state|commonwealth) of /, '').replace(/[.\s'-]/g, '');
  return STATE_ALIASES[key] ?? key;
}

/**
 * Decides each line's block by position, as CMS's own prefixes cannot be trusted: on a MAP sheet
 * the `C-` (M-CHIP) block starts at the first `C-` line, and the T block (M-CHIP 20%) comes right
 * after `C-Total Net`; six FY 2023 T-block rows carry no `T-` prefix (recon-domain.md 2.4).
 */
export class BlockTracker {
  private block: LineBlock | undefined;
  private afterCTotal = false;

  constructor(startBlock?: LineBlock) {
    this.block = startBlock;
  }

  /** The block of the next line, in sheet order. */
  next(description: string): LineBlock | undefined {
    const key = descriptionKey(description);
    if (this.afterCTotal || key.startsWith('t-')) this.block = 'T';
    else if (this.block === undefined && key.startsWith('c-')) this.block = 'C';
    this.afterCTotal = this.block === 'C' && /^c-total net\b/.test(key);
    return this.block;
  }
}
