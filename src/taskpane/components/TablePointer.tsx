/**
 * Points one input table at another place: the header row of the user's selection, or a sheet and
 * header row picked here. The choice is saved in the workbook by the caller.
 */
import { Button, Field, Input, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { TableHint } from '../../core/workbook/port.js';
import { INPUT_TABLE_FACTS } from '../../core/workbook/input-tables.js';
import { OWNED_SHEET_NAMES, sheetNameIn } from '../../core/workbook/owned-sheets.js';
import { useHost } from '../host-context.js';
import type { InputTableStatus } from '../input-tables.js';
import { headerRowOf, likelySheet, sheetOfRange } from '../table-hints.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'end' },
  rowInput: { width: '7em' },
});

export interface TablePointerProps {
  readonly status: InputTableStatus;
  readonly sheetNames: readonly string[];
  readonly onPoint: (hint: TableHint | undefined) => void;
  readonly onClose: () => void;
}

export function TablePointer({ status, sheetNames, onPoint, onClose }: TablePointerProps) {
  const styles = useStyles();
  const host = useHost();
  const id = useId();
  const { def, hint } = status;
  const namedSheet = def.sheetName === undefined ? undefined : sheetNames.find((n) => sheetNameIn(n, [def.sheetName ?? '']));
  const choices = sheetNames;
  const templateSheets = INPUT_TABLE_FACTS.find((f) => f.key === def.key)?.templateSheets ?? [];
  const guessed = hint === undefined && namedSheet === undefined && status.ranges.length === 0 && status.nearMiss === undefined;
  const [sheet, setSheet] = useState(hint?.sheet ?? namedSheet ?? likelySheet(sheetNames, [sheetOfRange(status.ranges[0]), status.nearMiss?.sheet, ...templateSheets], OWNED_SHEET_NAMES));
  // With nothing better to go on, start on the sheet the user is on.
  useEffect(() => {
    if (!guessed) return;
    let live = true;
    void host.selectedRange().then((sel) => {
      const current = sel === null ? undefined : sheetNames.find((n) => n.toLowerCase() === sel.sheet.toLowerCase());
      if (live && current !== undefined && !/^about$/i.test(current)) setSheet(current);
    }).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [guessed, host, sheetNames]);
  const [row, setRow] = useState(String(hint?.headerRow ?? 1));
  const [problem, setProblem] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  // Opening the form moves focus into it (its first button).
  useEffect(() => root.current?.querySelector('button')?.focus(), []);
  const rowNumber = Number(row);
  const rowValid = Number.isInteger(rowNumber) && rowNumber >= 1 && rowNumber <= 1_048_576;

  const takeSelection = async () => {
    setProblem(null);
    let selected;
    try {
      selected = await host.selectedRange();
    } catch (e) {
      setProblem(`The selection could not be read: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    if (selected === null) {
      setProblem('Nothing is selected. Select the header row of the table (or any cell of it) in the workbook, then choose Use selection.');
      return;
    }
    const headerRow = headerRowOf(selected.address);
    if (headerRow === undefined) {
      setProblem(`The selection ${selected.address} names no row. Select the table's header row.`);
      return;
    }
    onPoint({ sheet: selected.sheet, headerRow });
  };

  return (
    <div ref={root} className={styles.root} role="group" aria-label={`Point ${def.title} at another range`}>
      <Button appearance="primary" onClick={() => void takeSelection()}>
        Use selection
      </Button>
      <div className={styles.row}>
        <Field label="Sheet">
          <Select id={`${id}-sheet`} value={sheet} onChange={(_, data) => setSheet(data.value)} disabled={choices.length <= 1}>
            {choices.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Header row" {...(rowValid ? {} : { validationMessage: 'A row number from 1' })}>
          <Input className={styles.rowInput} type="number" min={1} value={row} onChange={(_, data) => setRow(data.value)} />
        </Field>
        <Button disabled={!rowValid || sheet === ''} onClick={() => onPoint({ sheet, headerRow: rowNumber })}>
          Use this row
        </Button>
      </div>
      {problem === null ? null : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        {hint === undefined ? null : <Button onClick={() => onPoint(undefined)}>Find automatically</Button>}
        <Button appearance="subtle" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
