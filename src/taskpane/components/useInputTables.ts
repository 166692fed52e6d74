/**
 * The first screen's state: the saved mapping (tables the user pointed at), where each input table
 * is with that mapping applied, and the actions that change the mapping (saved in the workbook).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TableHint } from '../../core/workbook/port.js';
import type { WorkbookHost } from '../host.js';
import { locateInputTables, type InputTableStatus } from '../input-tables.js';
import { loadTableHints, saveTableHints, updateHints, type TableHints } from '../table-hints.js';

export interface InputTablesState {
  readonly hints: TableHints;
  readonly tables: readonly InputTableStatus[];
  readonly sheetNames: readonly string[];
  readonly loading: boolean;
  /** An adapter failure while looking (the workbook could not be read). */
  readonly failure: string | null;
  /** Points table `name` at `hint` (or back to automatic finding) and saves the mapping in the workbook. */
  point(name: string, hint: TableHint | undefined): Promise<void>;
  /** Looks again (after the workbook changed). */
  refresh(): Promise<void>;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function useInputTables(host: WorkbookHost): InputTablesState {
  const [hints, setHints] = useState<TableHints>({});
  const [tables, setTables] = useState<readonly InputTableStatus[]>([]);
  const [sheetNames, setSheetNames] = useState<readonly string[]>([]);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const [saveFailure, setSaveFailure] = useState<string | null>(null);
  const hintsRef = useRef<TableHints>({});
  const generation = useRef(0);

  const locate = useCallback(
    async (next: TableHints) => {
      const mine = ++generation.current;
      setLoading(true);
      try {
        const source = host.look(); // one snapshot for the whole look
        const [found, sheets] = await Promise.all([locateInputTables(source, next), source.sheets()]);
        if (mine !== generation.current) return;
        setTables(found);
        setSheetNames(sheets.map((s) => s.name));
        setFailure(null);
      } catch (e) {
        if (mine === generation.current) setFailure(`The workbook could not be read: ${message(e)}`);
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [host],
  );

  useEffect(() => {
    let live = true;
    void (async () => {
      let saved: TableHints = {};
      try {
        saved = await loadTableHints(host);
      } catch (e) {
        if (live) setFailure(`The saved table mapping could not be read: ${message(e)}`);
      }
      if (!live) return;
      hintsRef.current = saved;
      setHints(saved);
      await locate(saved);
    })();
    return () => {
      live = false;
    };
  }, [host, locate]);

  const point = useCallback(
    async (name: string, hint: TableHint | undefined) => {
      const next = updateHints(hintsRef.current, name, hint);
      hintsRef.current = next;
      setHints(next);
      try {
        await saveTableHints(host, next);
        setSaveFailure(null);
      } catch (e) {
        setSaveFailure(`The table mapping is used for now but could not be saved in the workbook: ${message(e)}`);
      }
      await locate(next);
    },
    [host, locate],
  );

  const refresh = useCallback(() => locate(hintsRef.current), [locate]);

  return { hints, tables, sheetNames, loading, failure: failure ?? saveFailure, point, refresh };
}
