/** A link that selects a cell of the workbook through the host. */
import { Link } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { cellReference } from '../format.js';
import { useHost } from '../host-context.js';

export interface CellLinkProps {
  readonly sheet: string;
  readonly cell?: string;
  readonly children?: ReactNode;
}

export function CellLink({ sheet, cell, children }: CellLinkProps) {
  const host = useHost();
  const where = cellReference(sheet, cell);
  return (
    <Link as="button" inline aria-label={`Go to ${where}`} onClick={() => void host.selectCell(sheet, cell ?? 'A1').catch(() => undefined)}>
      {children ?? where}
    </Link>
  );
}
