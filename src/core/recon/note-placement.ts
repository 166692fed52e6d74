/**
 * Where each note read from the previous `Reconciliation` sheet goes on this run's sheet: back on
 * the row of its key, or, when this run has no such row (another review year, a quarter that left
 * the table, a program no longer reconciled, text typed outside the tables, a second note for one
 * row), into the Earlier notes block at the foot of the sheet with the date it was last seen.
 * Nothing is dropped; the run's warnings (and so the Run Log) say what moved and what came back.
 */
import { cellIssue, type Issue } from '../workbook/issue.js';
import { RECONCILIATION_SHEET } from '../workbook/owned-sheets.js';
import { describeNoteKey, noteKeyText, type NoteKey, type PreviousNotes, type ReconciliationNote, type UserColumn } from './reconciliation-notes.js';

export interface EarlierNote extends ReconciliationNote {
  /** `YYYY-MM-DD`: the run that last read it from its own row. */
  readonly lastSeen: string;
}

export interface NotePlacement {
  /** The user's own columns, written after Status. */
  readonly columns: readonly UserColumn[];
  /** Notes on this run's rows, by `noteKeyText`. */
  readonly onRows: ReadonlyMap<string, ReconciliationNote>;
  /** The Earlier notes block, notes already there first. */
  readonly earlier: readonly EarlierNote[];
  readonly issues: readonly Issue[];
}

export const NO_PLACEMENT: NotePlacement = { columns: [], onRows: new Map(), earlier: [], issues: [] };

const LISTED = 12;

function list(items: readonly string[]): string {
  const shown = items.slice(0, LISTED).join('; ');
  return items.length > LISTED ? `${shown}; and ${items.length - LISTED} more` : shown;
}

/**
 * Places `previous` on a sheet whose rows have `rows` keys (all of one review year). A note whose
 * key has no review year (an earlier version's bottom block) goes back to a quarter row of the same
 * program and calendar quarter; an overall row needs its review year.
 */
export function placeNotes(previous: PreviousNotes, rows: readonly NoteKey[], today: string): NotePlacement {
  const live = new Map(rows.map((k) => [noteKeyText(k), k]));
  const runYear = rows[0]?.reviewYear ?? '';
  const programs = new Set(rows.map((k) => k.program));
  const onRows = new Map<string, ReconciliationNote>();
  const takenAt = new Map<string, number>();
  const stayed: EarlierNote[] = [];
  const moved: EarlierNote[] = [];
  const movedWhy: string[] = [];
  const returned: string[] = [];

  const target = (key: NoteKey): string | undefined => {
    const exact = noteKeyText(key);
    if (live.has(exact)) return exact;
    if (key.reviewYear === '' && key.kind === 'quarter') {
      const same = rows.find((k) => k.program === key.program && k.kind === key.kind && k.quarter === key.quarter);
      return same === undefined ? undefined : noteKeyText(same);
    }
    return undefined;
  };
  const why = (note: ReconciliationNote, taken: number | undefined): string => {
    const key = note.key;
    if (key === undefined) return `text typed at ${note.where ?? `row ${note.row}`}`;
    const name = `${describeNoteKey(key)} (row ${note.row})`;
    if (taken !== undefined) return `${name}: a second note for that row; the one from row ${taken} stays on it`;
    if (key.reviewYear !== '' && runYear !== '' && key.reviewYear !== runYear) return `${name}: this run is for ${runYear}`;
    if (!programs.has(key.program)) return `${name}: no ${key.program} table this run`;
    return `${name}: the table has no such row this run`;
  };

  // Notes on the sheet's rows first, so what was typed on a row wins over an Earlier note for it.
  const ordered = [...previous.notes.filter((n) => !n.earlier), ...previous.notes.filter((n) => n.earlier)];
  for (const note of ordered) {
    const at = note.key === undefined ? undefined : target(note.key);
    if (at !== undefined && !onRows.has(at)) {
      onRows.set(at, note);
      takenAt.set(at, note.row);
      if (note.earlier && note.key !== undefined) returned.push(`${describeNoteKey(note.key)} (row ${note.row})`);
      continue;
    }
    const kept: EarlierNote = { ...note, lastSeen: note.lastSeen ?? today };
    if (note.earlier) {
      stayed.push(kept);
    } else {
      moved.push(kept);
      movedWhy.push(why(note, at === undefined ? undefined : takenAt.get(at)));
    }
  }

  const issues: Issue[] = [];
  if (moved.length > 0) {
    issues.push(
      cellIssue(
        'warning',
        'recon.notes-moved',
        { sheet: RECONCILIATION_SHEET },
        `${moved.length === 1 ? 'a note typed on a row this run does not show was' : `${moved.length} notes typed on rows this run does not show were`} moved to the Earlier notes block at the foot of the sheet, with the date last seen, so nothing typed is lost: ${list(movedWhy)}. A note there goes back to its row when a run shows that row again (for example when Settings give its review year); delete it there once it is no longer needed.`,
      ),
    );
  }
  if (returned.length > 0) {
    issues.push(
      cellIssue(
        'warning',
        'recon.notes-returned',
        { sheet: RECONCILIATION_SHEET },
        `${returned.length === 1 ? 'a note from the Earlier notes block is' : `${returned.length} notes from the Earlier notes block are`} back on ${returned.length === 1 ? 'its row' : 'their rows'}: ${list(returned)}. Check ${returned.length === 1 ? 'it still applies' : 'they still apply'}.`,
      ),
    );
  }
  return { columns: previous.columns, onRows, earlier: [...stayed, ...moved], issues };
}
