/**
 * One row of the line map: which report line counts as which universe component. The bundled
 * defaults live in `assets/line-map/line-map.json` (plain data, imported so every bundler ships
 * it); a user's `Line Map` sheet replaces them once it exists.
 */
import type { MapComponent } from '../workbook/component.js';
import type { FormId } from './forms.js';

export interface LineMapRow {
  readonly form: FormId;
  /** Line number as the form writes it (`1A`), when known. */
  readonly line?: string;
  /**
   * Description as CMS writes it. A description ending in `*` is a pattern: it matches every line
   * of the form whose description starts with the text before the `*` (`C-*`, or `*` for all).
   */
  readonly description: string;
  readonly component: MapComponent;
  /** A total of other lines (`Balance`, `Total ...`): never summed, not even into the excluded dollars. */
  readonly subtotal: boolean;
  /** Why the line is in or out of the PERM universe. */
  readonly reason: string;
  /** Where CMS has not published the answer, what to confirm and with whom. */
  readonly note?: string;
  /** The `Line Map` sheet row it was read from (absent for the bundled defaults). */
  readonly sheetRow?: number;
}

/** The line map in use and where it came from. */
export interface LineMap {
  readonly rows: readonly LineMapRow[];
  /** `sheet`: the user's `Line Map` sheet; `defaults`: the bundled defaults. */
  readonly origin: 'sheet' | 'defaults';
}
