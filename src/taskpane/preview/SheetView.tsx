/**
 * One sheet of the preview's workbook as a table, with Excel's column letters and row numbers.
 * The selected cell is marked and scrolled into view; clicking a cell selects it (so "Use
 * selection" works in the preview too).
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef } from 'react';
import { cellAddress, columnLetter } from '../../core/workbook/address.js';
import type { SelectedRange } from '../host.js';
import type { SheetGrid } from './preview-workbook.js';
import { inBox, selectionBox } from './selection-box.js';

const useStyles = makeStyles({
  scroll: { overflow: 'auto', flexGrow: 1, minHeight: 0, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  table: { position: 'relative', borderCollapse: 'separate', borderSpacing: 0, fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  head: {
    position: 'sticky',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  colHead: { top: 0, zIndex: 2 },
  rowHead: { left: 0, textAlign: 'right', zIndex: 1 },
  corner: { top: 0, left: 0, zIndex: 3 },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    whiteSpace: 'nowrap',
    maxWidth: '28em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    cursor: 'cell',
  },
  selected: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: `-${tokens.strokeWidthThick}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: `${tokens.spacingVerticalXS} 0` },
});

export interface SheetViewProps {
  readonly grid: SheetGrid;
  readonly selection: SelectedRange | null;
  readonly onSelect: (address: string) => void;
}

export function SheetView({ grid, selection, onSelect }: SheetViewProps) {
  const styles = useStyles();
  const selectedRef = useRef<HTMLTableCellElement | null>(null);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const box = useMemo(() => (selection !== null && selection.sheet === grid.sheet ? selectionBox(selection.address) : undefined), [selection, grid.sheet]);
  // Scroll the sheet (not the page) so the selected cell is in the middle.
  useEffect(() => {
    const cell = selectedRef.current;
    const scroller = scrollRef.current;
    if (cell === null || scroller === null) return;
    scroller.scrollTop = Math.max(0, cell.offsetTop - scroller.clientHeight / 2);
    // Sideways only when the cell is out of view (the row numbers cover the left edge).
    const rowHeader = scroller.querySelector('tbody th')?.getBoundingClientRect().width ?? 0;
    const left = cell.offsetLeft - rowHeader;
    const right = cell.offsetLeft + cell.offsetWidth;
    if (left < scroller.scrollLeft || right > scroller.scrollLeft + scroller.clientWidth) scroller.scrollLeft = Math.max(0, left - scroller.clientWidth / 4);
  }, [box, grid]);
  const columns = Array.from({ length: grid.columnCount }, (_, i) => i + 1);
  const first = grid.rows[0]?.row;
  const last = grid.rows[grid.rows.length - 1]?.row;
  let firstSelected = true;
  return (
    <>
      {first !== undefined && last !== undefined && (first > 1 || last < grid.lastRow) ? (
        <p className={styles.note}>
          Rows {first} to {last} of {grid.lastRow} shown.
        </p>
      ) : null}
      <div ref={scrollRef} className={styles.scroll} tabIndex={0} role="region" aria-label={`Sheet ${grid.sheet}`}>
        <table className={styles.table} aria-label={grid.sheet} data-sheet={grid.sheet}>
          <thead>
            <tr>
              <th className={mergeClasses(styles.head, styles.corner)} scope="col">
                <span aria-hidden="true" />
              </th>
              {columns.map((c) => (
                <th key={c} className={mergeClasses(styles.head, styles.colHead)} scope="col">
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((r) => (
              <tr key={r.row}>
                <th className={mergeClasses(styles.head, styles.rowHead)} scope="row">
                  {r.row}
                </th>
                {columns.map((c) => {
                  const address = cellAddress(c, r.row);
                  const selected = inBox(box, r.row, c);
                  const isFirst = selected && firstSelected;
                  if (isFirst) firstSelected = false;
                  return (
                    <td
                      key={c}
                      ref={isFirst ? selectedRef : undefined}
                      className={mergeClasses(styles.cell, selected && styles.selected)}
                      data-cell={address}
                      data-selected={selected ? "true" : undefined}
                      title={r.cells[c - 1] ?? ''}
                      onClick={() => onSelect(address)}
                    >
                      {r.cells[c - 1] ?? ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
