/**
 * The bundled line-map defaults (recon-domain.md 1.3 and 2.4-2.8): plain data in
 * `assets/line-map/line-map.json`, imported so every bundler ships it with the core.
 */
import bundled from '../../../assets/line-map/line-map.json' with { type: 'json' };
import type { MapComponent } from '../workbook/component.js';
import { FORMS, type FormId } from './forms.js';
import type { LineMapRow } from './line-map-row.js';

interface BundledRow {
  readonly form: string;
  readonly line?: string;
  readonly description: string;
  readonly component: string;
  readonly subtotal?: boolean;
  readonly reason: string;
  readonly note?: string;
}

const FORM_IDS: ReadonlySet<string> = new Set(FORMS.map((f) => f.id));
const COMPONENTS: ReadonlySet<string> = new Set(['FFS', 'MC', 'Excluded']);

/** A bundled row → a typed row. A bad bundled row is a defect of the build, not of the user's data, so it throws. */
function toRow(raw: BundledRow, index: number): LineMapRow {
  if (!FORM_IDS.has(raw.form) || !COMPONENTS.has(raw.component) || raw.description.trim() === '' || raw.reason.trim() === '') {
    throw new Error(`assets/line-map/line-map.json entry ${index} is malformed: ${JSON.stringify(raw)}`);
  }
  return {
    form: raw.form as FormId,
    ...(raw.line === undefined ? {} : { line: raw.line }),
    description: raw.description,
    component: raw.component as MapComponent,
    subtotal: raw.subtotal === true,
    reason: raw.reason,
    ...(raw.note === undefined ? {} : { note: raw.note }),
  };
}

/** The bundled defaults, in the order the `Line Map` sheet lists them. */
export const DEFAULT_LINE_MAP: readonly LineMapRow[] = (bundled as readonly BundledRow[]).map(toRow);
